/**
 * Real parts for browser tests: a built fixture site served over HTTP by the same server as
 * `npm run preview`, and Chromium (the system's, else the npm-packaged one) driven by playwright-core.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../src/lib/static-server.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Builds a content folder into a fresh temporary output folder with `npm run build`'s entry point. */
export function buildFixture(content: string, extraArgs: string[] = []): { out: string; stdout: string; stderr: string; status: number | null } {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-test-')), 'dist');
  const result = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/build.ts'), '--content', content, '--out', out, ...extraArgs], {
    encoding: 'utf8',
    cwd: ROOT,
    // A fixed build date keeps date-relative output (the versions chart) the same on every run.
    env: { ...process.env, DEVGUIDE_BUILD_DATE: '2026-01-15' },
  });
  return { out, stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** Axe's WCAG 2.2 AA checks on the current page, as "rule: help (targets)" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

export interface Site {
  url: string;
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

/** The Chromium the packaged npm dependency ships (unpacked into the temporary folder on first use). */
export async function packagedChromium(): Promise<string> {
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

/**
 * The Chromium to test with: `CHROMIUM_PATH` when set, else the system's (Debian's
 * /usr/bin/chromium), else the one inside the npm package @sparticuz/chromium, so
 * `npm install && npm test` needs no apt step.
 */
export async function chromiumExecutable(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return packagedChromium();
}

/** Serves `out` and launches Chromium (`executablePath` overrides the choice above). */
export async function openSite(out: string, executablePath?: string): Promise<Site> {
  const server = await serveStatic(out);
  const browser = await chromium.launch({ executablePath: executablePath ?? (await chromiumExecutable()), args: CHROMIUM_ARGS });
  return {
    url: server.url,
    browser,
    server,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A new page in a fresh context (own storage), failing on uncaught page errors. */
export async function newPage(site: Site, options: { colorScheme?: 'light' | 'dark'; width?: number; permissions?: string[]; bypassCSP?: boolean } = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await site.browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
    permissions: options.permissions,
    // axe is injected as an inline script, which the site's own CSP rightly blocks.
    bypassCSP: options.bypassCSP,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, context, errors };
}
