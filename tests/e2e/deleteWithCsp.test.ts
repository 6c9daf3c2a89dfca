// Under the strict CSP the app still runs: delete a used file from the media bin and a project from its card, with confirmation.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newContext, SCREENSHOT_DIR } from '../helpers/browser';
import { mediaFile } from '../helpers/paths';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newContext(browser, DESKTOP, server.baseUrl);
  page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP ${e.violatedDirective}) ${e.blockedURI}`));
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('deleting in the browser', () => {
  let projectId = '';

  it('asks before deleting a file, says when the timeline uses it, and removes it with its pieces', async () => {
    await page.goto('/');
    const created = await page.request.post('/api/projects', { data: { title: 'Holiday' } });
    projectId = (await created.json()).project.id;
    const upload = await page.request.post(`/api/projects/${projectId}/media`, {
      multipart: { files: { name: 'talk-1080p.mp4', mimeType: 'video/mp4', buffer: fs.readFileSync(mediaFile('talk-1080p.mp4')) } },
      // The upload is analysed before it answers: past Playwright's 30 s default on a loaded machine (seen with PostgreSQL + S3).
      timeout: 120_000,
    });
    expect(upload.status()).toBe(201);
    await page.goto(`/projects/${projectId}`);
    const bin = page.getByRole('list', { name: 'Media bin' });
    await expect.poll(() => bin.getByText('talk-1080p.mp4').count()).toBe(1);

    await page.getByRole('button', { name: 'Delete "talk-1080p.mp4"' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete "talk-1080p.mp4"' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/used once on the timeline/);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'delete-media-in-use-light.png') });
    await dialog.getByRole('button', { name: 'Delete with its pieces' }).click();
    await expect.poll(() => page.getByText('No media yet.').count(), { timeout: 15_000 }).toBe(1);
  });

  it('asks before deleting a project from its card, and the card goes', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Delete project "Holiday"' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Keep' }).click();
    expect(await page.getByRole('heading', { name: 'Holiday' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Delete project "Holiday"' }).click();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'delete-project-confirm-light.png') });
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByText('No projects yet').count(), { timeout: 15_000 }).toBe(1);
    expect((await page.request.get(`/api/projects/${projectId}`)).status()).toBe(404);
  });

  it('met no Content Security Policy refusal on the way', () => {
    expect(violations).toEqual([]);
  });
});
