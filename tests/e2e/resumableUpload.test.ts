// A creator on a phone uploads over a slow uplink that drops halfway, and reloads halfway: the upload continues, never from zero.
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PHONE, launchBrowser, newContext, screenshotThemes } from '../helpers/browser';
import { mediaFile } from '../helpers/paths';
import { startPhoneUplink, type PhoneUplink } from '../helpers/phoneUplink';
import { startServer, type TestServer } from '../helpers/server';

const TALK = mediaFile('talk-1080p.mp4');
const SIZE = fs.statSync(TALK).size;
// About 6 s for the whole file: long enough to cut it halfway, short enough for a test.
const UPLINK_BYTES_PER_SECOND = 300 * 1024;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('a resumable upload on a phone (390x844)', () => {
  let uplink: PhoneUplink;
  let context: BrowserContext;
  let page: Page;
  /** Upload-Offset of every PATCH the page sent, in order. */
  let patchOffsets: number[];

  beforeEach(async () => {
    uplink = await startPhoneUplink(server.port);
    context = await newContext(browser, PHONE, uplink.baseUrl);
    page = await context.newPage();
    // The browser's own throttle, so its idea of what was sent matches what left it (a proxy's buffers would not).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: UPLINK_BYTES_PER_SECOND });
    patchOffsets = [];
    page.on('request', (r) => {
      if (r.method() === 'PATCH' && r.url().includes('/uploads/')) patchOffsets.push(Number(r.headers()['upload-offset']));
    });
    const created = await page.request.post('/api/projects', { data: { title: 'On the bus' } });
    const { project } = await created.json();
    await page.goto(`/projects/${project.id}`);
    await page.getByRole('tab', { name: 'Timeline' }).click();
  });
  afterEach(async () => {
    await context?.close();
    await uplink?.close();
  });

  const bin = () => page.getByRole('list', { name: 'Media bin' });
  const expectAdded = async () => {
    await expect.poll(() => bin().textContent(), { timeout: 60_000 }).toContain('talk-1080p.mp4');
    expect(await bin().getByRole('listitem').count()).toBe(1);
  };

  it('pauses when the connection drops halfway, says so, and finishes without resending the first half', async () => {
    uplink.resetCount();
    uplink.when(SIZE / 2, () => uplink.cut());
    await page.getByLabel('Upload files').setInputFiles(TALK);

    const paused = page.locator('[data-upload-status="paused"]');
    await expect.poll(() => paused.textContent(), { timeout: 30_000 }).toMatch(/Paused, waiting for the network · [\d.]+ (KB|MB) of 1\.7 MB sent/);
    await screenshotThemes(page, 'upload-paused-phone');
    await new Promise((r) => setTimeout(r, 2_000));
    uplink.restore();

    await expectAdded();
    console.log(JSON.stringify({ measure: 'upload cut halfway', fileBytes: SIZE, bytesIntoServer: uplink.uploaded(), patchOffsets }));
    // The bytes that reached the server: one file plus request headers, not one and a half files.
    expect(uplink.uploaded()).toBeGreaterThan(SIZE);
    expect(uplink.uploaded()).toBeLessThan(SIZE * 1.2);
    expect(patchOffsets[0]).toBe(0);
    expect(patchOffsets.at(-1)).toBeGreaterThan(SIZE * 0.3);
  });

  it('after a reload mid-upload, offers to continue and picks up where the server stopped', async () => {
    uplink.resetCount();
    const halfway = new Promise<void>((resolve) => uplink.when(SIZE / 2, resolve));
    await page.getByLabel('Upload files').setInputFiles(TALK);
    await halfway;
    await page.reload();
    await page.getByRole('tab', { name: 'Timeline' }).click();

    const unfinished = page.locator('[data-upload-status="unfinished"]');
    await expect.poll(() => unfinished.textContent(), { timeout: 20_000 }).toMatch(/talk-1080p\.mp4.*Stopped at [\d.]+ (KB|MB) of 1\.7 MB/);
    await screenshotThemes(page, 'upload-unfinished-phone');
    await page.getByLabel('Continue uploading talk-1080p.mp4').setInputFiles(TALK);

    await expectAdded();
    console.log(JSON.stringify({ measure: 'upload reloaded halfway', fileBytes: SIZE, bytesIntoServer: uplink.uploaded(), patchOffsets }));
    await expect.poll(() => unfinished.count()).toBe(0);
    expect(uplink.uploaded()).toBeLessThan(SIZE * 1.2);
    expect(patchOffsets[0]).toBe(0);
    expect(patchOffsets.at(-1)).toBeGreaterThan(SIZE * 0.3);
  });
});
