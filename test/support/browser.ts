/**
 * Real parts for browser tests: a built fixture site served over HTTP by the same server as
 * `npm run preview`, and Debian's Chromium driven by playwright-core.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../src/lib/static-server.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Builds a content folder into a fresh temporary output folder with `npm run build`'s entry point. */
export function buildFixture(content: string, extraArgs: string[] = []): { out: string; stdout: string; stderr: string; status: number | null } {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-test-')), 'dist');
  const result = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/build.ts'), '--content', content, '--out', out, ...extraArgs], { encoding: 'utf8', cwd: ROOT });
  return { out, stdout: result.stdout, stderr: result.stderr, status: result.status };
}

export interface Site {
  url: string;
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

/** Serves `out` and launches Chromium. */
export async function openSite(out: string): Promise<Site> {
  const server = await serveStatic(out);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
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
export async function newPage(site: Site, options: { colorScheme?: 'light' | 'dark'; width?: number; permissions?: string[] } = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await site.browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
    permissions: options.permissions,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, context, errors };
}
