import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, newPage, openSite, type Site } from '../support/browser.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite(inject('basicOut'));
});
afterAll(async () => {
  await site?.close();
});

describe('experts index', () => {
  it('narrows the tables to the asyncio row as the reader types', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/experts/`);
    const rows = page.locator('tr[data-filter-text]');
    await expect(rows.count()).resolves.toBe(4);
    await page.getByLabel('Filter by area or handle').fill('asyncio');
    await expect.poll(() => rows.evaluateAll((rs) => rs.filter((r) => !(r as HTMLElement).hidden).map((r) => r.id))).toEqual(['module-asyncio']);
    await expect(page.getByRole('status').textContent()).resolves.toBe('1 of 4 areas match.');
    await page.getByLabel('Filter by area or handle').fill('@alice');
    await expect.poll(() => rows.evaluateAll((rs) => rs.filter((r) => !(r as HTMLElement).hidden).map((r) => r.id))).toEqual(['module-asyncio', 'platform-windows']);
    await context.close();
  });

  it('shows every row, and no filter box, without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/experts/`);
    await expect(page.locator('tr[data-filter-text]:visible').count()).resolves.toBe(4);
    await expect(page.getByLabel('Filter by area or handle').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('lands on and highlights the row named in the URL', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/experts/#module-asyncio`);
    const row = page.locator('#module-asyncio');
    const background = await row.evaluate((r) => getComputedStyle(r).backgroundColor);
    const other = await page.locator('#module-json').evaluate((r) => getComputedStyle(r).backgroundColor);
    expect(background).not.toBe(other);
    const box = await row.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    await expect(row.locator('a[href="https://github.com/alice"]').count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toContain('may be assigned issues');
    await context.close();
  });

  it('flags an unmaintained area and says what to do instead', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/experts/`);
    await expect(page.locator('#module-audioop').textContent()).resolves.toMatch(/Unmaintained.*any core developer may decide/s);
    await context.close();
  });

  it('offers the asyncio row as a search result, and the kind filter keeps only areas', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/`);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('asyncio');
    const first = dialog.locator('.result-title').first();
    await expect.poll(() => first.getAttribute('href'), { timeout: 10_000 }).toBe('/experts/#module-asyncio');
    await dialog.getByLabel('Kind').selectOption('Module');
    await expect.poll(() => dialog.locator('.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/experts/#module-asyncio']);
    await first.click();
    await page.waitForURL('**/experts/#module-asyncio');
    await context.close();
  });

  it('lists a person\'s areas on their page', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/experts/alice/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Alice Example (@alice)');
    await expect(page.locator('.person-areas li').allTextContents()).resolves.toEqual(['asyncio (module, may be assigned issues)', 'Windows (platform)']);
    await page.getByRole('link', { name: 'asyncio' }).click();
    await page.waitForURL('**/experts/#module-asyncio');
    await context.close();
  });

  it('names an area\'s experts inline in a guide, linked to the row', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/tasks/pull-requests/`);
    const inline = page.locator('.experts-inline');
    await expect(inline.textContent()).resolves.toBe('asyncio experts: @alice, @bob');
    await expect(inline.locator('a').first().getAttribute('href')).resolves.toBe('/experts/#module-asyncio');
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe on the experts pages in the ${scheme} theme`, async () => {
      const { page, context } = await newPage(site, { colorScheme: scheme, bypassCSP: true });
      const found: Record<string, string[]> = {};
      for (const url of ['/experts/', '/experts/#module-asyncio', '/experts/alice/', '/experts/carol/']) {
        await page.goto(`${site.url}${url}`);
        found[url] = await axeViolations(page);
      }
      expect(found).toEqual({ '/experts/': [], '/experts/#module-asyncio': [], '/experts/alice/': [], '/experts/carol/': [] });
      await context.close();
    });
  }
});
