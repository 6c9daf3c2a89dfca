// A creator on a desktop and on a phone: upload, chat, watch the lanes change, export, download, share.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, hasHorizontalScroll, launchBrowser, newContext, screenshotThemes, seriousA11yViolations, type Viewport } from '../helpers/browser';
import { ffprobe } from '../helpers/ffprobe';
import { mediaFile } from '../helpers/paths';
import { startServer, type TestServer } from '../helpers/server';

const REQUEST = 'cut out the pauses, add background music, and overlay text titles';
const EXPORT_TIMEOUT = 240_000;

let server: TestServer;
let browser: Browser;
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-e2e-'));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(downloads, { recursive: true, force: true });
});

const videoSegments = (page: Page) => page.locator('[data-track-type="video"] [data-segment="video"]');

describe.each([DESKTOP, PHONE])('a creator on a $name', (viewport: Viewport) => {
  const phone = viewport.name === 'phone';
  // Checks of code that is the same at every size are registered once, on the desktop (not skipped on the phone).
  const desktopOnly: typeof it = phone ? ((() => undefined) as unknown as typeof it) : it;
  let owner: BrowserContext;
  let page: Page;
  let projectUrl = '';
  let shareUrl = '';

  const openTab = async (name: 'Chat' | 'Timeline' | 'Preview') => {
    if (phone) await page.getByRole('tab', { name }).click();
  };
  const expectNoSideScroll = async (p: Page) => {
    if (phone) expect(await hasHorizontalScroll(p)).toBe(false);
  };

  beforeAll(async () => {
    owner = await newContext(browser, viewport, server.baseUrl);
    page = await owner.newPage();
  });
  afterAll(async () => {
    await owner?.close();
  });

  it('starts a project and uploads talk-1080p.mp4 through the file picker', async () => {
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/saying what you want/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSideScroll(page);

    if (phone) {
      // On a phone the home page's picker creates the project and opens it with the upload running.
      await page.getByLabel('Choose files for a new project').setInputFiles(mediaFile('talk-1080p.mp4'));
      await page.waitForURL(/\/projects\/[\w-]+$/);
    } else {
      await page.getByRole('button', { name: 'New project', exact: true }).click();
      await page.waitForURL(/\/projects\/[\w-]+$/);
      await page.getByLabel('Upload files').setInputFiles(mediaFile('talk-1080p.mp4'));
    }
    projectUrl = page.url();

    await openTab('Timeline');
    const bin = page.getByRole('list', { name: 'Media bin' });
    await expect.poll(() => bin.textContent(), { timeout: 60_000 }).toContain('talk-1080p.mp4');
    expect(await bin.textContent()).toMatch(/1:00 · 1\.7 MB · 1920×1080/);
    await expect.poll(() => videoSegments(page).count(), { timeout: 30_000 }).toBe(1);
  });

  // The upload list and revocation are the same code at every size, so they are checked once, on the desktop.
  desktopOnly('explains a file it cannot use in plain words, and keeps going', async () => {
    await page.getByLabel('Upload files').setInputFiles({ name: 'notes.mp4', mimeType: 'video/mp4', buffer: Buffer.from('just some text, not a video') });
    const failed = page.locator('[data-upload-status="failed"]');
    await expect.poll(() => failed.count(), { timeout: 30_000 }).toBe(1);
    expect(await failed.textContent()).toMatch(/"notes\.mp4" cannot be used/);
    await page.getByRole('button', { name: 'Dismiss notes.mp4' }).click();
    await expect.poll(() => failed.count()).toBe(0);
    expect(await videoSegments(page).count()).toBe(1);
  });

  desktopOnly('shows each upload\'s bytes and percent, and cancels one midway', async () => {
    // A slow uplink (about 150 KB/s) makes the 1.7 MB upload take long enough to watch and cancel.
    const cdp = await owner.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 150 * 1024 });
    try {
      await page.getByLabel('Upload files').setInputFiles(mediaFile('talk-1080p.mp4'));
      const row = page.locator('[data-upload-status="uploading"]');
      await expect.poll(() => row.textContent(), { timeout: 20_000 }).toMatch(/[\d.]+ (KB|MB) of 1\.7 MB · [1-9]\d?%/);
      const bar = page.getByRole('progressbar', { name: 'Uploading talk-1080p.mp4' });
      expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Cancel upload of talk-1080p.mp4' }).click();
      await expect.poll(() => page.locator('[data-upload-status="canceled"]').textContent()).toContain('Canceled');
    } finally {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await cdp.detach();
    }
    await page.getByRole('button', { name: 'Dismiss talk-1080p.mp4' }).click();
    // Nothing half-uploaded reached the project.
    await page.reload();
    expect(await page.getByRole('list', { name: 'Media bin' }).getByRole('listitem').count()).toBe(1);
    expect(await videoSegments(page).count()).toBe(1);
  });

  it('asks the chat for edits and sees the lanes change', async () => {
    await openTab('Chat');
    const message = page.getByRole('textbox', { name: 'Message' });
    if (phone) {
      // The input sits at the bottom of the screen, within thumb reach.
      const box = (await message.boundingBox())!;
      expect(box.y + box.height).toBeGreaterThan(844 * 0.8);
      expect(box.y + box.height).toBeLessThanOrEqual(844);
    }
    // Shift+Enter breaks the line without sending; Enter sends.
    await message.fill('first line');
    await message.press('Shift+Enter');
    await message.pressSequentially('second');
    expect(await message.inputValue()).toBe('first line\nsecond');
    await message.fill(REQUEST);
    await message.press('Enter');
    await expect.poll(() => message.inputValue()).toBe('');

    await openTab('Timeline');
    await expect.poll(() => videoSegments(page).count(), { timeout: 90_000 }).toBeGreaterThan(1);
    await expect.poll(() => page.locator('[data-track-type="audio"] [data-segment="audio"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-track-type="text"] [data-segment="text"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const summary = await page.getByTestId('timeline-summary').textContent();
    expect(summary).toMatch(/BGM|Title/);

    await openTab('Chat');
    // The reply streamed in and finished: Send is back.
    await expect.poll(() => page.getByRole('button', { name: 'Send' }).count(), { timeout: 90_000 }).toBe(1);
    await expectNoSideScroll(page);
  });

  it('exports, watches progress reach 100% and downloads a 1080p H.264 file', async () => {
    await openTab('Preview');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Export progress' });
    await expect.poll(() => bar.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: EXPORT_TIMEOUT, interval: 500 }).toBe('100');

    const link = page.getByRole('link', { name: 'Download', exact: true });
    const ready = await page.getByTestId('export-ready').textContent();
    expect(ready).toMatch(/MB · 1920×1080/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = path.join(downloads, `${viewport.name}.mp4`);
    await download.saveAs(file);

    const probe = ffprobe(file);
    const video = probe.streams.find((s) => s.codec_type === 'video')!;
    expect(video.codec_name).toBe('h264');
    expect([video.width, video.height]).toEqual([1920, 1080]);
    expect(probe.streams.some((s) => s.codec_type === 'audio')).toBe(true);
  });

  desktopOnly('keeps the playhead and the player in step, by pointer and by keyboard', async () => {
    const video = page.locator('video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThan(0);
    const playhead = page.getByRole('slider', { name: 'Playhead' });
    await video.evaluate((v: HTMLVideoElement) => (v.currentTime = 10));
    await expect.poll(async () => Number(await playhead.getAttribute('aria-valuenow'))).toBeCloseTo(10, 0);

    const box = (await playhead.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height - 6);
    const duration = Number(await playhead.getAttribute('aria-valuemax'));
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(duration / 2, 0);

    await playhead.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(2, 1);
  });

  desktopOnly('starts an export from the chat chip, shows its progress, and cancels it', async () => {
    await page.getByRole('button', { name: 'Export 1080p', exact: true }).click();
    const progress = page.getByTestId('export-progress');
    await expect.poll(() => progress.count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Cancel export' }).click();
    await expect.poll(() => progress.count(), { timeout: 20_000 }).toBe(0);
    await page.getByText(/Export history/).click();
    // On the shared queue the render is stopped by the worker holding it, which then records the cancel.
    await expect.poll(() => page.getByText(/Export · canceled/i).count(), { timeout: 20_000 }).toBe(1);
    // The finished file stays downloadable.
    expect(await page.getByRole('link', { name: 'Download', exact: true }).count()).toBe(1);
  });

  desktopOnly('offers suggestions as chips when unsure, and a tap sends one', async () => {
    const message = page.getByRole('textbox', { name: 'Message' });
    const texts = page.locator('[data-track-type="text"] [data-segment="text"]');
    const before = await texts.count();
    await message.fill('Grand Opening');
    await message.press('Enter');
    const chip = page.getByRole('group', { name: 'Did you mean' }).last().getByRole('button', { name: 'Add a title "Grand Opening"' });
    await expect.poll(() => chip.count(), { timeout: 60_000 }).toBe(1);
    // Unsure, so nothing changed yet.
    expect(await texts.count()).toBe(before);
    await chip.click();
    await expect.poll(() => texts.count(), { timeout: 60_000 }).toBe(before + 1);
  });

  it('looks right and passes the accessibility check in light and dark', async () => {
    await openTab('Timeline');
    await screenshotThemes(page, `project-${viewport.name}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSideScroll(page);
    if (phone) {
      for (const tab of ['Chat', 'Preview'] as const) {
        await openTab(tab);
        await screenshotThemes(page, `project-${viewport.name}-${tab.toLowerCase()}`);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await expectNoSideScroll(page);
      }
    }
  });

  it('shares a read-only link that a fresh browser can watch but not edit', async () => {
    await page.getByRole('button', { name: 'Share' }).click();
    const linkBox = page.getByTestId('share-link');
    await expect.poll(() => linkBox.count(), { timeout: 10_000 }).toBe(1);
    shareUrl = await linkBox.inputValue();
    expect(shareUrl).toMatch(/\/share\/[A-Za-z0-9_-]{22,}$/);
    await page.keyboard.press('Escape');

    const friend = await newContext(browser, viewport, server.baseUrl);
    try {
      const view = await friend.newPage();
      const res = await view.goto(shareUrl);
      expect(res?.status()).toBe(200);
      await expect.poll(() => view.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
      expect(await view.locator('video').count()).toBe(1);
      expect(await view.locator('video').getAttribute('src')).toMatch(/\/api\/share\/.+\/file$/);
      expect(await view.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
      expect(await view.getByRole('button', { name: 'Export' }).count()).toBe(0);
      expect(await view.getByRole('button', { name: /upload/i }).count()).toBe(0);
      expect(await view.locator('input[type=file]').count()).toBe(0);
      expect(await view.getByRole('button', { name: 'Undo' }).count()).toBe(0);
      expect(await view.getByText(/BGM|Title/).count()).toBeGreaterThan(0);
      await screenshotThemes(view, `share-${viewport.name}`);
      expect(await seriousA11yViolations(view)).toEqual([]);
      await expectNoSideScroll(view);
    } finally {
      await friend.close();
    }
  });

  it('shows "Project not found" to a fresh browser without the link', async () => {
    const stranger = await newContext(browser, viewport, server.baseUrl);
    try {
      const view = await stranger.newPage();
      const res = await view.goto(projectUrl);
      expect(res?.status()).toBe(404);
      expect(await view.getByRole('heading', { level: 1 }).textContent()).toBe('Project not found');
      expect(await view.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
      expect(await seriousA11yViolations(view)).toEqual([]);
    } finally {
      await stranger.close();
    }
  });

  it('lists the project on the home page with its thumbnail and last export', async () => {
    await page.goto('/');
    const card = page.getByRole('link', { name: /talk-1080p|Untitled/ });
    await expect.poll(() => card.count()).toBeGreaterThan(0);
    expect(await card.first().textContent()).toMatch(/Exported 1920×1080/);
    await screenshotThemes(page, `home-${viewport.name}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSideScroll(page);
  });

  desktopOnly('stops sharing: the old link then answers not found', async () => {
    await page.goto(projectUrl);
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('button', { name: 'Stop sharing' }).click();
    await expect.poll(() => page.getByText('Sharing is off').count()).toBe(1);
    const friend = await newContext(browser, viewport, server.baseUrl);
    try {
      const res = await (await friend.newPage()).goto(shareUrl);
      expect(res?.status()).toBe(404);
    } finally {
      await friend.close();
    }
  });
});
