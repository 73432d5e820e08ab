/**
 * Mermaid diagrams, in Chromium under the site's own `_headers`: a page with a diagram loads the
 * diagram script from the site itself and draws an SVG without a single CSP violation; a page
 * without one loads none of it and keeps the strict policy.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIAGRAM_SCRIPTS } from '../../src/integration/diagram-scripts.ts';
import { buildFixture, newPage, openSite, ROOT, type Site } from '../support/browser.ts';

let out: string;
let site: Site;
beforeAll(async () => {
  const built = buildFixture(path.join(ROOT, 'test/fixtures/diagrams'));
  expect(built.status, built.stdout + built.stderr).toBe(0);
  out = built.out;
  site = await openSite(out);
}, 240_000);
afterAll(async () => {
  await site?.close();
});

/** Every CSP violation on the page, from the DOM event and from the console. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)), ...logged];
}

/** The fill of the diagram's first node, which differs between mermaid's light and dark themes. */
const nodeFill = (page: Page) => page.evaluate(() => getComputedStyle(document.querySelector('pre.mermaid .node :is(rect, polygon)')!).fill);

describe('a page with a diagram', () => {
  it('draws it as an SVG with the site-hosted script, and the policy reports no violation', async () => {
    const { page, context, errors } = await newPage(site);
    const violations = await watchPolicy(page);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${site.url}/start/workflow/`);
    const svg = page.locator('pre.mermaid > svg');
    await svg.waitFor({ timeout: 20_000 });
    await expect(svg.locator('text=Tests pass?').count()).resolves.toBe(1);
    expect(scripts.filter((s) => s.startsWith('/_devguide/'))).toEqual(DIAGRAM_SCRIPTS);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("follows the site's theme: the reader's toggle draws it again in the dark theme", async () => {
    const { page, context } = await newPage(site, { colorScheme: 'light' });
    const violations = await watchPolicy(page);
    await page.goto(`${site.url}/start/workflow/`);
    await page.locator('pre.mermaid > svg').waitFor({ timeout: 20_000 });
    const light = await nodeFill(page);
    await page.locator('[data-theme-toggle]').click();
    await page.waitForFunction((before) => {
      const node = document.querySelector('pre.mermaid > svg .node :is(rect, polygon)');
      return node && getComputedStyle(node).fill !== before;
    }, light);
    expect(await nodeFill(page)).not.toBe(light);
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('is served with a policy of its own that allows inline styles, and the script files exist', async () => {
    const policy = (await fetch(`${site.url}/start/workflow/`)).headers.get('content-security-policy');
    expect(policy).toContain("style-src 'self' 'unsafe-inline';");
    expect(policy).toMatch(/script-src 'self' 'sha256-[^']+' 'wasm-unsafe-eval';/);
    for (const url of DIAGRAM_SCRIPTS) expect(existsSync(path.join(out, url)), url).toBe(true);
  });
});

describe('a page without a diagram', () => {
  it('loads no diagram script and keeps the strict policy', async () => {
    const { page, context } = await newPage(site);
    const violations = await watchPolicy(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${site.url}/start/plain/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((r) => r.startsWith('/_devguide/'))).toEqual([]);
    expect(await page.locator('script[src^="/_devguide/"]').count()).toBe(0);
    expect(await violations()).toEqual([]);
    const policy = (await fetch(`${site.url}/start/plain/`)).headers.get('content-security-policy');
    expect(policy).toContain("style-src 'self';");
    await context.close();
  });
});
