// On a phone: "export" in the chat ends with a Download in that message; an export that finishes while away is announced; links preview and the app installs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, hasHorizontalScroll, launchBrowser, newContext, screenshotThemes, seriousA11yViolations } from '../helpers/browser';
import { ffprobe } from '../helpers/ffprobe';
import { mediaFile } from '../helpers/paths';
import { startServer, type TestServer } from '../helpers/server';

// A cap on waiting, not a speed check: with several builds sharing two cores a 60 s 1080p render took over 4 minutes.
const EXPORT_TIMEOUT = 420_000;
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let projectId = '';
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-chat-export-'));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newContext(browser, PHONE, server.baseUrl);
  page = await context.newPage();
  const created = await page.request.post('/api/projects', { data: { title: 'Morning run' } });
  projectId = (await created.json()).project.id;
  const uploaded = await page.request.post(`/api/projects/${projectId}/media`, {
    multipart: { files: { name: 'talk-1080p.mp4', mimeType: 'video/mp4', buffer: fs.readFileSync(mediaFile('talk-1080p.mp4')) } },
  });
  expect(uploaded.status()).toBe(201);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  fs.rmSync(downloads, { recursive: true, force: true });
});

const metaContent = (html: string, property: string) =>
  new RegExp(`<meta[^>]+property="${property}"[^>]+content="([^"]*)"`).exec(html)?.[1] ?? null;

describe('a creator on a phone (390x844)', () => {
  it('types "export" and gets progress, then a Download inside that chat message, which saves a playable MP4', async () => {
    await page.goto(`/projects/${projectId}`);
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.fill('export');
    await message.press('Enter');

    const card = page.getByRole('listitem').filter({ has: page.getByTestId('chat-export') });
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
    // The reply's promise is kept in the same message: its words and the live card.
    expect(await card.textContent()).toMatch(/progress here/);
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const status = (await card.getByTestId('chat-export').getAttribute('data-export-status')) ?? '';
          seen.add(status);
          return status;
        },
        { timeout: EXPORT_TIMEOUT, interval: 250 },
      )
      .toBe('completed');
    expect([...seen].some((s) => s === 'queued' || s === 'rendering')).toBe(true);

    const link = card.getByRole('link', { name: 'Download' });
    expect(await link.isVisible()).toBe(true);
    const box = (await link.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshotThemes(page, 'chat-export-phone');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = path.join(downloads, 'from-chat.mp4');
    await download.saveAs(file);
    const probe = ffprobe(file);
    const video = probe.streams.find((s) => s.codec_type === 'video')!;
    expect(video.codec_name).toBe('h264');
    expect([video.width, video.height]).toEqual([1920, 1080]);
    expect(Number(probe.format.duration)).toBeGreaterThan(50);
    expect(probe.streams.some((s) => s.codec_type === 'audio')).toBe(true);

    // The same export stays in Preview.
    await page.getByRole('tab', { name: 'Preview' }).click();
    expect(await page.getByTestId('export-ready').getByRole('link', { name: 'Download' }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Chat' }).click();

    // And on a desktop the card sits in the chat column the same way.
    await page.setViewportSize(DESKTOP.options.viewport!);
    await screenshotThemes(page, 'chat-export-desktop');
    await page.setViewportSize(PHONE.options.viewport!);
  }, 2 * EXPORT_TIMEOUT);

  it('says on the home card and the project page that an export finished while the page was closed, with the download', async () => {
    await page.goto('about:blank');
    const started = await page.request.post(`/api/projects/${projectId}/exports`, { data: { quality: 'high' } });
    const exportId = (await started.json()).export.id;
    await expect
      .poll(async () => (await (await page.request.get(`/api/projects/${projectId}/exports/${exportId}`)).json()).export.status, {
        timeout: EXPORT_TIMEOUT,
        interval: 1000,
      })
      .toBe('completed');

    await page.goto('/');
    const note = page.getByTestId('card-finished-while-away');
    await expect.poll(() => note.count(), { timeout: 20_000 }).toBe(1);
    expect(await note.getByRole('link', { name: 'Download the export of Morning run' }).getAttribute('href')).toBe(
      `/api/projects/${projectId}/exports/${exportId}/file`,
    );
    await screenshotThemes(page, 'home-finished-while-away-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(`/projects/${projectId}`);
    const banner = page.getByTestId('finished-while-away');
    await expect.poll(() => banner.count(), { timeout: 20_000 }).toBe(1);
    await screenshotThemes(page, 'project-finished-while-away-phone');
    const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('link', { name: 'Download' }).click()]);
    const file = path.join(downloads, 'while-away.mp4');
    await download.saveAs(file);
    expect(ffprobe(file).streams.find((s) => s.codec_type === 'video')?.codec_name).toBe('h264');
    // Seen now: neither place repeats it.
    await expect.poll(() => banner.count()).toBe(0);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByTestId('card-finished-while-away').count()).toBe(0);
  }, 2 * EXPORT_TIMEOUT);

  it('shares a link whose HTML carries og:title, og:image (the poster) and og:video (the MP4)', async () => {
    const { url } = await (await page.request.post(`/api/projects/${projectId}/share`)).json();
    const html = await (await page.request.get(url)).text();
    expect(metaContent(html, 'og:title')).toBe('Morning run');
    const image = metaContent(html, 'og:image')!;
    const video = metaContent(html, 'og:video')!;
    expect(image).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/share\/[\w-]+\/poster$/);
    expect(video).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/share\/[\w-]+\/file$/);
    expect(metaContent(html, 'og:video:type')).toBe('video/mp4');
    // A messenger fetches both without any cookie.
    const stranger = await newContext(browser, PHONE, server.baseUrl);
    try {
      const poster = await stranger.request.get(image);
      expect(poster.status()).toBe(200);
      expect(poster.headers()['content-type']).toBe('image/jpeg');
      const mp4 = await stranger.request.get(video, { headers: { range: 'bytes=0-99' } });
      expect(mp4.status()).toBe(206);
      expect(mp4.headers()['content-type']).toBe('video/mp4');
    } finally {
      await stranger.close();
    }
  });

  it('installs from the home page: a manifest with standalone display and PNG icons of the sizes it names', async () => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await page.request.get(href!)).json();
    expect(manifest).toMatchObject({ name: 'In Video', short_name: 'In Video', display: 'standalone', start_url: '/' });
    for (const icon of manifest.icons.filter((i: { type: string }) => i.type === 'image/png')) {
      const res = await page.request.get(icon.src);
      expect(res.headers()['content-type']).toBe('image/png');
      const png = await res.body();
      // PNG header: width and height are the big-endian words at bytes 16 and 20.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
    expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
    expect(await page.locator('link[rel="apple-touch-icon"]').count()).toBe(1);
  });
});
