import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, newPage, openSite, ROOT, type Site } from '../support/browser.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite(inject('basicOut'));
});
afterAll(async () => {
  await site?.close();
});

/** One page of every template, with an action that exercises its script. */
const TEMPLATES: Array<[string, string]> = [
  ['home', '/'],
  ['guide', '/start/setup/'],
  ['section', '/tasks/'],
  ['search page', '/search/?q=build'],
  ['experts index', '/experts/'],
  ['person', '/experts/alice/'],
  ['todo list', '/todo/'],
  ['data page', '/reference/versions/'],
  ['404', '/missing/'],
  ['redirect', '/old-setup/'],
];

describe('Content-Security-Policy', () => {
  it('serves every page with the policy from _headers', async () => {
    const response = await fetch(`${site.url}/start/setup/`);
    const policy = response.headers.get('content-security-policy');
    expect(policy).toMatch(/script-src 'self' 'sha256-[^']+' 'wasm-unsafe-eval'/);
    expect(policy).toContain("style-src 'self';");
  });

  it('reports no violation on any page template, with search opened', async () => {
    const { page, context } = await newPage(site);
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const found: Record<string, string[]> = {};
    for (const [name, url] of TEMPLATES) {
      await page.goto(`${site.url}${url}`);
      await page.waitForLoadState('networkidle');
      if (name === 'guide') {
        await page.keyboard.press('/');
        await page.getByRole('dialog', { name: 'Search' }).getByRole('searchbox').fill('build');
        await page.locator('.search-results .result-title').first().waitFor({ timeout: 10_000 });
      }
      found[name] = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    }
    expect(found).toEqual(Object.fromEntries(TEMPLATES.map(([name]) => [name, []])));
    await context.close();
  });
});

describe('redirects', () => {
  it('sends an old path to the page and heading it moved to', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/old-build/`);
    await page.waitForURL('**/start/setup/#build');
    await expect(page.locator('h1').textContent()).resolves.toBe('Setting up');
    await context.close();
  });

  it('lists every redirect in _redirects for hosts that read one', async () => {
    const text = await (await fetch(`${site.url}/_redirects`)).text();
    expect(text).toBe('/old-setup/ /start/setup/ 301\n/old-build/ /start/setup/#build 301\n');
  });
});

describe('todo notes', () => {
  it('collects every note on /todo/, linking back to its place', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/todo/`);
    const link = page.locator('.todo-page section li a').first();
    await expect(link.textContent()).resolves.toBe('Describe the chat channels.');
    await link.click();
    await page.waitForURL('**/start/help/#todo-1');
    await expect(page.locator('#todo-1 .admonition-title').textContent()).resolves.toBe('Help wanted');
    await context.close();
  });
});

describe('versions page', () => {
  it('draws one bar per version and a line for today, and keeps screenshots in both themes', async () => {
    const artifacts = path.join(ROOT, 'test-results');
    mkdirSync(artifacts, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const { page, context } = await newPage(site, { colorScheme: scheme, bypassCSP: true });
      await page.goto(`${site.url}/reference/versions/`);
      const chart = page.locator('.versions-chart svg.chart');
      await expect(chart.locator('g.bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('data-version')))).resolves.toEqual(['3.14', '3.13', '3.12', '3.8']);
      await expect(chart.locator('line.today').count()).resolves.toBe(1);
      await expect(chart.getAttribute('role')).resolves.toBe('img');
      await expect(chart.locator('title').first().textContent()).resolves.toBeTruthy();
      // Bars are coloured by phase in both themes (the fill comes from the stylesheet).
      const fill = await chart.locator('rect.phase-bugfix').first().evaluate((r) => getComputedStyle(r).fill);
      expect(fill).not.toBe('rgb(0, 0, 0)');
      await page.locator('figure.versions-chart').screenshot({ path: path.join(artifacts, `versions-chart-${scheme}.png`) });
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  });

  it('opens on a phone scrolled to today and the newest versions, with the page itself not scrolling sideways', async () => {
    const { page, context } = await newPage(site, { width: 320, bypassCSP: true });
    await page.goto(`${site.url}/reference/versions/`);
    const scroller = page.locator('.chart-scroll');
    await expect(scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).resolves.toBe(true);
    const today = (await page.locator('.versions-chart line.today').boundingBox())!;
    expect(today.x).toBeGreaterThan(0);
    expect(today.x).toBeLessThan(320);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('styles planned end-of-life dates apart from past ones', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/reference/versions/`);
    // The fifth column is the end of life: planned for the three supported versions, past for 3.8.
    const planned = page.locator('.versions-supported td:nth-child(5).date-future');
    await expect(planned.allTextContents()).resolves.toEqual(['2030-10 (planned)', '2029-10 (planned)', '2028-10 (planned)']);
    await expect(page.locator('.versions-end-of-life td:nth-child(5).date-past').allTextContents()).resolves.toEqual(['2024-10-07']);
    const style = (cell: string) => page.locator(cell).first().evaluate((el) => getComputedStyle(el).fontStyle);
    expect(await style('.versions-supported td:nth-child(5)')).not.toBe(await style('.versions-end-of-life td:nth-child(5)'));
    await context.close();
  });

  it('renders the labels reference with a text label on every swatch', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/reference/versions/`);
    await expect(page.locator('.label-swatch').allTextContents()).resolves.toEqual(['type-bug', 'type-feature', 'easy']);
    await context.close();
  });
});
