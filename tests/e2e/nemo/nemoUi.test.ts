// The browser UI on EDIT_BACKEND=nemo against the fake NemoVideo on loopback: upload, chat, export, download.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newContext } from '@/tests/helpers/browser';
import { ffprobe } from '@/tests/helpers/ffprobe';
import { edits, streamedReply } from '@/tests/helpers/fakeNemo';
import { renderOutput, startNemoApp, type NemoApp } from '@/tests/helpers/fakeNemo/nemoApp';
import { mediaFile } from '@/tests/helpers/paths';

let app: NemoApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'nemo-e2e-'));

beforeAll(async () => {
  app = await startNemoApp({ NEMO_POLL_MS: '500' });
  app.fake.output = renderOutput();
  app.fake.pollsToComplete = 3;
  browser = await launchBrowser();
  context = await newContext(browser, DESKTOP, app.server.baseUrl);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
  fs.rmSync(downloads, { recursive: true, force: true });
});

const lane = (type: 'video' | 'audio' | 'text') => page.locator(`[data-track-type="${type}"] [data-segment="${type}"]`);

describe('a creator on the NemoVideo backend', () => {
  it('uploads a clip: it reaches NemoVideo and shows on the timeline, with the credits badge', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'New project', exact: true }).click();
    await page.waitForURL(/\/projects\/[\w-]+$/);
    await page.getByLabel('Upload files').setInputFiles(mediaFile('talk-1080p.mp4'));

    const bin = page.getByRole('list', { name: 'Media bin' });
    await expect.poll(() => bin.textContent(), { timeout: 60_000 }).toContain('talk-1080p.mp4');
    await expect.poll(() => lane('video').count(), { timeout: 30_000 }).toBe(1);
    expect([...app.fake.sessions.values()][0].uploads.map((u) => u.name)).toEqual(['talk-1080p.mp4']);
    await expect.poll(() => page.getByTitle('Credits left').textContent(), { timeout: 10_000 }).toMatch(/^100\b/);
  });

  it('chats: the reply streams in translated, tool calls stay hidden, and the lanes follow the draft', async () => {
    app.fake.scriptTurn([
      { toolCall: 'add_background_music' },
      { heartbeat: 'event' },
      { edit: edits.addMusic('Lo-fi Morning', 0.3) },
      { toolResult: 'add_background_music' },
      { toolCall: 'add_text' },
      { edit: edits.addTitle('Urban Dreams') },
      { toolResult: 'add_text' },
      ...streamedReply('I added lo-fi music and the title "Urban Dreams". Click the Export button to render it.', 8),
    ]);
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.fill('add lo-fi music and a title Urban Dreams');
    await page.getByRole('button', { name: 'Send' }).click();

    const chat = page.locator('section[aria-labelledby="chat-title"]');
    await expect.poll(() => chat.textContent(), { timeout: 30_000 }).toContain('Say "export" to render it.');
    const chatText = (await chat.textContent()) ?? '';
    expect(chatText).not.toContain('Click the Export button');
    expect(chatText).not.toContain('add_background_music');
    await expect.poll(() => lane('audio').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => lane('text').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('timeline-summary').textContent()).toContain('BGM: Lo-fi Morning');
    await expect.poll(() => page.getByRole('button', { name: 'Send' }).count(), { timeout: 30_000 }).toBe(1);
    expect(app.fake.requestsTo('sse')).toHaveLength(1);
  });

  it('exports on NemoVideo, follows the polling to 100% and downloads the file through our route', async () => {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Export progress' });
    await expect.poll(() => bar.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 60_000, interval: 300 }).toBe('100');
    expect(app.fake.requestsTo('renderStatus').length).toBeGreaterThanOrEqual(3);

    const link = page.getByRole('link', { name: 'Download', exact: true });
    expect(await link.getAttribute('href')).toMatch(/^\/api\/projects\/[\w-]+\/exports\/[\w-]+\/file/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = path.join(downloads, 'nemo.mp4');
    await download.saveAs(file);
    expect(fs.readFileSync(file).equals(app.fake.output)).toBe(true);
    const video = ffprobe(file).streams.find((s) => s.codec_type === 'video')!;
    expect([video.codec_name, video.width, video.height]).toEqual(['h264', 1920, 1080]);
  });

  it('leaves no NemoVideo token or client id in the page, and every upstream call carried the attribution headers', async () => {
    const html = await page.content();
    const secrets = [...app.fake.tokens].flatMap(([token, info]) => [token, info.clientId ?? token]);
    expect(secrets.length).toBeGreaterThan(1);
    for (const secret of secrets) expect(html.includes(secret)).toBe(false);
    expect(app.fake.violations).toEqual([]);
  });
});
