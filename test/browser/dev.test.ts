import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumExecutable, CHROMIUM_ARGS, ROOT } from '../support/browser.ts';

const PORT = 4600 + (process.pid % 300);
let dev: ChildProcess;
let browser: Browser;
let content: string;
let out: string;
let log = '';

beforeAll(async () => {
  content = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-dev-')), 'content');
  cpSync(path.join(ROOT, 'test/fixtures/basic'), content, { recursive: true });
  // The dev server runs as a user would start it, without the test runner's environment.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'));
  // Search in dev reads the last build's index from --out, empty until the test copies one in.
  out = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-dev-out-')), 'dist');
  dev = spawn(process.execPath, [path.join(ROOT, 'src/cli/dev.ts'), '--content', content, '--out', out, '--port', String(PORT)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  dev.stdout!.on('data', (d) => (log += d));
  dev.stderr!.on('data', (d) => (log += d));
  const deadline = Date.now() + 60_000;
  while (!log.includes('watching for file changes')) {
    if (Date.now() > deadline) throw new Error(`The dev server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  dev?.kill();
});

describe('npm run dev', () => {
  it('reloads the page in the browser when a guide changes, and shows drafts', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/start/help/`);
    await expect(page.locator('h1').textContent(), log).resolves.toBe('Getting help');
    const file = path.join(content, 'guides/start/help.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Getting help', 'title: Getting help, live'));
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe('Getting help, live');
    await page.goto(`http://127.0.0.1:${PORT}/tasks/secret-plan/`);
    await expect(page.locator('.draft-banner').textContent()).resolves.toContain('Draft');
    await page.close();
  });

  it('sends an old path from redirects.yaml to the page and anchor it moved to', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`http://127.0.0.1:${PORT}/old-build/`);
    expect(page.url()).toBe(`http://127.0.0.1:${PORT}/start/setup/#build`);
    expect(response!.request().redirectedFrom()?.url()).toBe(`http://127.0.0.1:${PORT}/old-build/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Setting up');
    await page.close();
  });

  it('says plainly that search needs a build, then uses the last build\'s index once there is one', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/start/setup/`);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('zanzibar');
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 10_000 }).toBe('The search index has not been built yet. Run `npm run build`, then reload this page.');
    cpSync(path.join(inject('basicOut'), 'pagefind'), path.join(out, 'pagefind'), { recursive: true });
    await page.reload();
    await page.keyboard.press('/');
    await dialog.getByRole('searchbox').fill('zanzibar');
    await expect.poll(() => dialog.locator('.result-title').first().textContent(), { timeout: 10_000 }).toBe('Setting up');
    await page.close();
  });

  it('serves the search index only from its own folder, and answers malformed paths with 400, not a stack trace', async () => {
    // A sibling whose name starts with "pagefind" must not be reachable through /pagefind/.
    writeFileSync(path.join(out, 'pagefind-secret.txt'), 'secret');
    const sibling = await fetch(`http://127.0.0.1:${PORT}/pagefind/..%2Fpagefind-secret.txt`);
    expect(await sibling.text()).not.toBe('secret');
    expect(sibling.status).toBeGreaterThanOrEqual(400);
    const malformed = await fetch(`http://127.0.0.1:${PORT}/pagefind/%zz`);
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).not.toMatch(/at .+:\d+:\d+/);
  });

  it('serves a guide added while it runs', async () => {
    writeFileSync(path.join(content, 'guides/start/brand-new.md'), '---\ntitle: Brand new\n---\nHello.\n');
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${PORT}/start/brand-new/`)).status, { timeout: 20_000 }).toBe(200);
  });
});
