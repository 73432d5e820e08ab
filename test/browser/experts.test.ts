import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, newPage, openSite, type Site } from '../support/browser.ts';

let site: Site;
let guide: Site;
beforeAll(async () => {
  site = await openSite(inject('basicOut'));
  guide = await openSite(inject('guideOut'));
});
afterAll(async () => {
  await site?.close();
  await guide?.close();
});

/** The ids of the rows the filter shows, in the order the page shows them. */
const shownRows = (page: Page) => page.locator('tr[data-filter-text]').evaluateAll((rs) => rs.filter((r) => !(r as HTMLElement).closest('[hidden]')).map((r) => r.id));

describe('experts index', () => {
  it('narrows the tables to the asyncio row as the reader types', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/experts/`);
    const rows = page.locator('tr[data-filter-text]');
    await expect(rows.count()).resolves.toBe(4);
    await page.getByLabel('Filter by area, handle or file path').fill('asyncio');
    await expect.poll(() => rows.evaluateAll((rs) => rs.filter((r) => !(r as HTMLElement).hidden).map((r) => r.id))).toEqual(['module-asyncio']);
    await expect(page.getByRole('status').textContent()).resolves.toBe('1 of 4 areas match.');
    await page.getByLabel('Filter by area, handle or file path').fill('@alice');
    await expect.poll(() => rows.evaluateAll((rs) => rs.filter((r) => !(r as HTMLElement).hidden).map((r) => r.id))).toEqual(['module-asyncio', 'platform-windows']);
    await context.close();
  });

  it('shows every row, and no filter box, without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/experts/`);
    await expect(page.locator('tr[data-filter-text]:visible').count()).resolves.toBe(4);
    await expect(page.getByLabel('Filter by area, handle or file path').isVisible()).resolves.toBe(false);
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
    await expect(page.locator('.person-areas li').allTextContents()).resolves.toEqual(['asyncio (module, may be assigned issues) with @bob', 'Windows (platform)']);
    await page.getByRole('link', { name: 'asyncio' }).click();
    await page.waitForURL('**/experts/#module-asyncio');
    await context.close();
  });

  it('names an area\'s experts inline in a guide, linked to the row', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/tasks/pull-requests/`);
    const inline = page.locator('.experts-inline');
    // Profiles are on another site, which each link says to screen readers (rehype-external-links).
    await expect(inline.textContent()).resolves.toBe('asyncio experts: @alice (opens another site), @bob (opens another site)');
    await expect(inline.locator('a').first().getAttribute('href')).resolves.toBe('/experts/#module-asyncio');
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe on the experts pages in the ${scheme} theme`, async () => {
      const { page, context } = await newPage(site, { colorScheme: scheme, bypassCSP: true });
      const found: Record<string, string[]> = {};
      for (const url of ['/experts/', '/experts/#module-asyncio', '/experts/?filter=Lib/asyncio/tasks.py', '/experts/alice/', '/experts/carol/']) {
        await page.goto(`${site.url}${url}`);
        found[url] = await axeViolations(page);
      }
      expect(found).toEqual({ '/experts/': [], '/experts/#module-asyncio': [], '/experts/?filter=Lib/asyncio/tasks.py': [], '/experts/alice/': [], '/experts/carol/': [] });
      await context.close();
    });
  }
});

describe('finding the owners of a file path', () => {
  it('shows the rows that own a path typed in the experts filter, most specific first, with the pattern that matched', async () => {
    const { page, context, errors } = await newPage(guide);
    await page.goto(`${guide.url}/experts/`);
    const filter = page.getByLabel('Filter by area, handle or file path');
    await filter.fill('Lib/asyncio/tasks.py');
    await expect.poll(() => shownRows(page)).toEqual(['module-asyncio']);
    await expect(page.locator('#module-asyncio th').innerText()).resolves.toBe('asyncio\nmatches Lib/asyncio/');
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^1 of \d+ areas match\.$/);
    // InternalDocs/ is the documentation area's; the asyncio area names the file itself.
    await filter.fill('InternalDocs/asyncio.md');
    await expect.poll(() => shownRows(page)).toEqual(['module-asyncio', 'interest-documentation']);
    await expect(page.locator('.path-match').allInnerTexts()).resolves.toEqual(['matches InternalDocs/asyncio.md', 'matches InternalDocs/']);
    await filter.fill('Lib/test/test_asyncio/');
    await expect.poll(() => shownRows(page)).toEqual(['module-asyncio']);
    await expect(page.locator('.path-match').allInnerTexts()).resolves.toEqual(['matches Lib/test/test_asyncio/']);
    await filter.fill('Objects/dictobject.c');
    await expect.poll(() => shownRows(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('puts a table whose row owns the path first, and restores the page\'s order for a name', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/experts/?filter=PC/build.bat`);
    await expect.poll(() => page.locator('.experts-kind h2').allInnerTexts()).toEqual(['Platforms', 'Standard library modules']);
    await expect.poll(() => shownRows(page)).toEqual(['platform-windows']);
    await expect(page.locator('#platform-windows .path-match').innerText()).resolves.toBe('matches PC/');
    await page.getByLabel('Filter by area, handle or file path').fill('@alice');
    await expect.poll(() => shownRows(page)).toEqual(['module-asyncio', 'platform-windows']);
    await expect(page.locator('.experts-kind h2').allInnerTexts()).resolves.toEqual(['Standard library modules', 'Platforms']);
    await expect(page.locator('.path-match').count()).resolves.toBe(0);
    await context.close();
  });

  it('offers the area that owns a path as the first search result, and fetches the owners only for a path', async () => {
    const { page, context } = await newPage(guide);
    const fetched: string[] = [];
    page.on('request', (r) => r.url().includes('devguide-owners') && fetched.push(new URL(r.url()).pathname));
    await page.goto(`${guide.url}/`);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    const titles = () => dialog.locator('.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    await dialog.getByRole('searchbox').fill('asyncio');
    await expect.poll(titles, { timeout: 10_000 }).toContain('/experts/#module-asyncio');
    await expect(dialog.locator('.result-title', { hasText: /^asyncio experts$/ }).count()).resolves.toBe(0);
    expect(fetched).toEqual([]);

    await dialog.getByRole('searchbox').fill('Lib/asyncio/tasks.py');
    const first = dialog.locator('.search-results > li').first();
    // "asyncio" put the same row first: wait for the answer to the path.
    await expect.poll(() => first.locator('.excerpt').innerText(), { timeout: 10_000 }).toBe('matches Lib/asyncio/');
    await expect(first.locator('.result-context').innerText()).resolves.toBe('Experts · Module');
    await expect(first.locator('.result-title').innerText()).resolves.toBe('asyncio experts');
    await expect(first.locator('.result-title').getAttribute('href')).resolves.toBe('/experts/#module-asyncio');
    await expect(titles().then((hrefs) => hrefs.filter((h) => h === '/experts/#module-asyncio').length)).resolves.toBe(1);
    expect(fetched).toEqual(['/pagefind/devguide-owners.json']);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/experts/#module-asyncio');
    await context.close();
  });

  it('puts the owning area first on a shared /search/?q= page too', async () => {
    const { page, context } = await newPage(guide);
    await page.goto(`${guide.url}/search/?q=${encodeURIComponent('Doc/library/asyncio-task.rst')}`);
    const first = page.locator('.search-results > li').first();
    await expect.poll(() => first.locator('.result-title').getAttribute('href'), { timeout: 10_000 }).toBe('/experts/#module-asyncio');
    await expect(first.locator('.excerpt').innerText()).resolves.toBe('matches Doc/library/asyncio*.rst');
    await context.close();
  });
});

describe('a person\'s page', () => {
  it('is titled with the name when known, names the profile link\'s target and links each area\'s co-experts', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/experts/alice/`);
    await expect(page.title()).resolves.toMatch(/^Alice Example \(@alice\)/);
    await expect(page.getByRole('link', { name: 'Profile of @alice on github.com' }).getAttribute('href')).resolves.toBe('https://github.com/alice');
    const asyncio = page.locator('.person-areas li', { hasText: 'asyncio' });
    await asyncio.getByRole('link', { name: '@bob' }).click();
    await page.waitForURL('**/experts/bob/');
    // Without a name, the handle is the title.
    await expect(page.title()).resolves.toMatch(/^@bob/);
    await expect(page.locator('.person-areas li', { hasText: 'asyncio' }).locator('.co-experts').textContent()).resolves.toBe(' with @alice');
    await context.close();
  });
});

describe('the experts page on a phone', () => {
  it('lists the kinds at the top, to jump to, and offers a way back up after each', async () => {
    const { page, context } = await newPage(site, { width: 320 });
    await page.goto(`${site.url}/experts/`);
    const kinds = page.getByRole('navigation', { name: 'Kinds of area' });
    await expect(kinds.getByRole('link').allTextContents()).resolves.toEqual(['Standard library modules', 'Platforms', 'People', 'Emeritus']);
    await kinds.getByRole('link', { name: 'Platforms' }).click();
    await page.waitForURL('**/experts/#platform');
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(200);
    const sections = page.locator('main section');
    await expect(sections.count()).resolves.toBe(4);
    for (const section of await sections.all()) await expect(section.getByRole('link', { name: 'Back to top' }).getAttribute('href')).resolves.toBe('#main');
    await page.locator('section:has(#platform)').getByRole('link', { name: 'Back to top' }).click();
    await expect.poll(() => page.evaluate(() => scrollY)).toBeLessThan(50);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await context.close();
  });
});
