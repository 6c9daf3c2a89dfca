// Debian's Chromium driven by playwright-core (never a downloaded browser), plus page checks the e2e tests share.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { ROOT } from './paths';

const require = createRequire(import.meta.url);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium)`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export interface Viewport {
  name: 'desktop' | 'phone';
  options: BrowserContextOptions;
}

export const DESKTOP: Viewport = { name: 'desktop', options: { viewport: { width: 1440, height: 900 } } };
export const PHONE: Viewport = {
  name: 'phone',
  options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

export function newContext(browser: Browser, viewport: Viewport, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ ...viewport.options, baseURL, acceptDownloads: true });
}

export const SCREENSHOT_DIR = path.join(ROOT, 'screenshots');

/** Saves the page in light and dark (following prefers-color-scheme) as screenshots/<name>-<theme>.png. */
export async function screenshotThemes(page: Page, name: string): Promise<string[]> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const saved: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await settleTheme(page, colorScheme);
    const file = path.join(SCREENSHOT_DIR, `${name}-${colorScheme}.png`);
    await page.screenshot({ path: file });
    saved.push(file);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return saved;
}

/** Switches the theme and waits out colour transitions, so checks see the final colours. */
async function settleTheme(page: Page, colorScheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme });
  await page.waitForTimeout(350);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core inside the page in both themes; returns serious and critical violations, labelled by theme. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await settleTheme(page, colorScheme);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }));
    });
    for (const v of violations) {
      if (v.impact === 'serious' || v.impact === 'critical') found.push(`[${colorScheme}] ${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes)}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** True when the page scrolls sideways (nothing may stick out on a phone). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth);
}
