import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, newPage, openSite, type Site } from '../support/browser.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite(inject('guideOut'));
});
afterAll(async () => {
  await site?.close();
});

describe('the bundled developer\'s guide', () => {
  it('takes a newcomer from the home page to the first task and on to submitting a pull request, by links alone', async () => {
    const { page, context, errors } = await newPage(site);
    await page.goto(`${site.url}/`);
    await page.getByRole('link', { name: 'Start with your first task' }).click();
    await page.waitForURL('**/tasks/documentation/');
    await expect(page.locator('.badge').first().textContent()).resolves.toContain('First task');
    await page.locator('article a[href="/getting-started/pull-request-lifecycle/"]').first().click();
    await page.waitForURL('**/getting-started/pull-request-lifecycle/');
    await expect(page.locator('h1').textContent()).resolves.toBe('The life of a pull request');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the four rungs of the ladder in order on the home page', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/`);
    await expect(page.locator('.rung h3').allTextContents()).resolves.toEqual(['1First task', '2Regular contributor', '3Triager', '4Core developer']);
    await context.close();
  });

  it('finds the asyncio experts from search', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/triage/triaging-an-issue/`);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('asyncio');
    await expect.poll(() => dialog.locator('.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), { timeout: 10_000 }).toContain('/experts/#module-asyncio');
    await context.close();
  });

  it('ranks the asyncio experts row and the guides above the people, and names each result\'s section', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/`);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('asyncio');
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 10_000 }).toContain('for “asyncio”');
    const hrefs = await dialog.locator('.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs[0]).toBe('/experts/#module-asyncio');
    const firstPerson = hrefs.findIndex((h) => /^\/experts\/[^#]/.test(h));
    const guides = hrefs.filter((h) => !h.startsWith('/experts/'));
    expect(guides.length).toBeGreaterThanOrEqual(3);
    // Three guides before the first person, or no person among the results at all.
    expect(hrefs.indexOf(guides[2]!)).toBeLessThan(firstPerson === -1 ? hrefs.length : firstPerson);
    const contexts = await dialog.locator('.result-context').allTextContents();
    expect(contexts[0]).toBe('Experts · Module');
    expect(contexts[hrefs.indexOf(guides[0]!)]).toMatch(/^(Getting started|Tasks|Testing|Documentation|Triage|Committing|C code and tools|Porting|Proposing changes|Resources)$/);
    // A person's page still comes first for their own handle.
    await dialog.getByRole('searchbox').fill('asvetlov');
    await expect.poll(() => dialog.locator('.result-title').first().getAttribute('href'), { timeout: 10_000 }).toBe('/experts/asvetlov/');
    await expect(dialog.locator('.result-context').first().textContent()).resolves.toBe('Experts · Person');
    await context.close();
  });

  it('fits the experts index into a 320 px screen, each row a card naming its columns', async () => {
    const { page, context } = await newPage(site, { width: 320, bypassCSP: true });
    await page.goto(`${site.url}/experts/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const experts = page.locator('#module-asyncio td').first();
    await expect(experts.evaluate((td) => getComputedStyle(td, '::before').content)).resolves.toBe('"Experts: "');
    const box = (await experts.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows the whole site title beside the header buttons at 320 px', async () => {
    const { page, context } = await newPage(site, { width: 320 });
    await page.goto(`${site.url}/getting-started/setup/`);
    const title = page.locator('.site-title');
    await expect(title.evaluate((t) => t.scrollHeight <= t.clientHeight && t.scrollWidth <= t.clientWidth)).resolves.toBe(true);
    for (const name of ['Menu', 'Dark theme']) await expect(page.getByRole('button', { name }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Search', exact: true }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });

  it('lays the four rungs out two by two at 768 px', async () => {
    const { page, context } = await newPage(site, { width: 768 });
    await page.goto(`${site.url}/`);
    const tops = await page.locator('.rung').evaluateAll((rs) => rs.map((r) => Math.round(r.getBoundingClientRect().top)));
    expect(tops).toHaveLength(4);
    expect(new Set(tops).size).toBe(2);
    expect(tops[0]).toBe(tops[1]);
    await context.close();
  });

  it('has no WCAG 2.2 AA violations on its data pages in either theme', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, context } = await newPage(site, { colorScheme: scheme, bypassCSP: true });
      const found: Record<string, string[]> = {};
      for (const url of ['/', '/getting-started/setup/', '/triage/labels/', '/committing/versions/', '/committing/commit-messages/', '/experts/']) {
        await page.goto(`${site.url}${url}`);
        found[url] = await axeViolations(page);
      }
      expect(found, scheme).toEqual({ '/': [], '/getting-started/setup/': [], '/triage/labels/': [], '/committing/versions/': [], '/committing/commit-messages/': [], '/experts/': [] });
      await context.close();
    }
  });

  it('has no WCAG 2.2 AA violations at 320 px on guides with wide tables, code comments and diff lines, in either theme', async () => {
    const urls = ['/testing/running-tests/', '/committing/development-cycle/', '/getting-started/quick-reference/', '/tasks/documentation/', '/porting/python-3/'];
    for (const scheme of ['light', 'dark'] as const) {
      const { page, context } = await newPage(site, { colorScheme: scheme, width: 320, bypassCSP: true });
      const found: Record<string, string[]> = {};
      for (const url of urls) {
        await page.goto(`${site.url}${url}`);
        found[url] = await axeViolations(page);
      }
      expect(found, scheme).toEqual(Object.fromEntries(urls.map((u) => [u, []])));
      await context.close();
    }
  });
});
