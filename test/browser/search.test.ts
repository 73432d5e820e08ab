/**
 * Search as a reader meets it (issue 13), in Chromium against the bundled guide and the basic
 * fixture: more results on request, a plain "no results" with suggestions, sections that lead to
 * their headings, excerpts that mark the word found, a dialog that passes axe at 1280 and 320 px in
 * both themes, search code fetched on intent, and a guide's first view within its 5 KB of script.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, newPage, openSite, type Site } from '../support/browser.ts';

let guide: Site;
let basic: Site;
beforeAll(async () => {
  guide = await openSite(inject('guideOut'));
  basic = await openSite(inject('basicOut'));
});
afterAll(async () => {
  await guide?.close();
  await basic?.close();
});

const titles = (page: Page, scope = '[data-search-page]') => page.locator(`${scope} .search-results .result-title`);
const statusOf = (page: Page, scope = '[data-search-page]') => page.locator(`${scope} .search-status`);

/** Opens the search dialog on `url` and types `query` into it. */
async function searchInDialog(page: Page, url: string, query: string) {
  await page.goto(url);
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('searchbox').fill(query);
  await dialog.locator('.result-title').first().waitFor({ timeout: 15_000 });
  return dialog;
}

describe('more results', () => {
  it('shows twelve results, and twelve more on "Show more", focusing the first new one', async () => {
    const { page, context, errors } = await newPage(guide);
    await page.goto(`${guide.url}/search/?q=documentation`);
    await expect.poll(() => titles(page).count(), { timeout: 15_000 }).toBe(12);
    const count = Number(/^(\d+) results/.exec((await statusOf(page).textContent())!)![1]);
    expect(count).toBeGreaterThan(12);
    const more = page.locator('[data-search-page]').getByRole('button', { name: `Show ${Math.min(count - 12, 12)} more results` });
    await more.click();
    await expect.poll(() => titles(page).count()).toBe(Math.min(count, 24));
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(await titles(page).nth(12).textContent());
    await expect(statusOf(page).textContent()).resolves.toBe(`${count} results for “documentation”${count > 24 ? '; the first 24 are shown' : ''}.`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows more in the dialog too, and the arrow keys reach the button', async () => {
    const { page, context } = await newPage(guide);
    const dialog = await searchInDialog(page, `${guide.url}/`, 'documentation');
    await expect.poll(() => dialog.locator('.result-title').count()).toBe(12);
    const links = await dialog.locator('.search-results a').count();
    await dialog.getByRole('searchbox').focus();
    for (let i = 0; i <= links; i++) await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('search-more');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('.result-title').count()).toBeGreaterThan(12);
    await context.close();
  });
});

describe('no result', () => {
  for (const name of ['guide', 'basic'] as const) {
    it(`says plainly that a nonsense word has no result, and lists nothing (${name})`, async () => {
      const site = name === 'guide' ? guide : basic;
      const { page, context } = await newPage(site);
      await page.goto(`${site.url}/search/?q=xyzzyplugh`);
      await expect.poll(() => statusOf(page).textContent(), { timeout: 15_000 }).toMatch(/^No results for “xyzzyplugh”\. Check the spelling/);
      await expect(page.locator('[data-search-page] .search-results li').count()).resolves.toBe(0);
      await expect(page.locator('[data-search-page] .search-status a').getAttribute('href')).resolves.toBe('/');
      await context.close();
    });
  }

  it('offers "did you mean" for a misspelt word, and the suggestion searches the word meant', async () => {
    const { page, context } = await newPage(guide);
    await page.goto(`${guide.url}/search/?q=asynco`);
    const suggestion = page.locator('[data-search-page] .search-status').getByRole('link', { name: 'asyncio' });
    await expect(suggestion.textContent({ timeout: 15_000 })).resolves.toBe('asyncio');
    await expect(statusOf(page).textContent()).resolves.toMatch(/ for “asynco”\. Did you mean asyncio\?$/);
    await suggestion.click();
    await expect.poll(() => statusOf(page).textContent()).toMatch(/^\d+ results for “asyncio”/);
    await expect(page.getByRole('searchbox').inputValue()).resolves.toBe('asyncio');
    expect(new URL(page.url()).search).toBe('?q=asyncio');
    await expect(titles(page).first().textContent()).resolves.toContain('asyncio');
    await context.close();
  });

  it('offers the heading word a misspelling is closest to on another site (the basic fixture), in the dialog', async () => {
    const { page, context } = await newPage(basic);
    await page.goto(`${basic.url}/start/setup/`);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('dependancies');
    const suggestion = dialog.getByRole('status').getByRole('link', { name: 'dependencies' });
    await suggestion.click({ timeout: 15_000 });
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/ for “dependencies”/);
    await expect(dialog.locator('.result-title').first().textContent()).resolves.toBe('Setting up');
    await context.close();
  });
});

describe('results', () => {
  it('list at most three sections of a page, each a link to its heading', async () => {
    const { page, context } = await newPage(guide);
    await page.goto(`${guide.url}/search/?q=asyncio`);
    await titles(page).first().waitFor({ timeout: 15_000 });
    const lists = page.locator('[data-search-page] .sub-results');
    expect(await lists.count()).toBeGreaterThan(0);
    for (const list of await lists.all()) expect(await list.locator('a').count()).toBeLessThanOrEqual(3);
    const section = lists.first().locator('a').first();
    const [name, href] = [(await section.textContent())!, (await section.getAttribute('href'))!];
    expect(href).toMatch(/^\/[^#]+\/#[\w-]+$/);
    await section.click();
    await page.waitForURL(`**${href}`);
    await expect(page.locator(`[id="${href.split('#')[1]}"]`).textContent()).resolves.toContain(name);
    await context.close();
  });

  it('show a code block in an excerpt as code, and prose as prose', async () => {
    const { page, context, errors } = await newPage(guide);
    await page.goto(`${guide.url}/search/?q=pydebug`);
    await titles(page).first().waitFor({ timeout: 15_000 });
    const code = page.locator('[data-search-page] .excerpt code', { has: page.locator('mark') }).first();
    await expect(code.textContent()).resolves.toMatch(/configure --with-pydebug/);
    await expect(code.evaluate((el) => getComputedStyle(el).fontFamily)).resolves.toMatch(/mono/i);
    // No code mark is left in the text the reader sees.
    const text = await page.locator('[data-search-page] .search-results').textContent();
    expect(text).not.toMatch(/[\uE000\uE001]/u);
    // "pydebug" is found inside "--with-pydebug": nothing else is suggested.
    await expect(statusOf(page).textContent()).resolves.not.toContain('Did you mean');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('mark the word found inside a path, not the whole path', async () => {
    const { page, context } = await newPage(guide);
    await page.goto(`${guide.url}/search/?q=asyncio`);
    await titles(page).first().waitFor({ timeout: 15_000 });
    const marks = await page.locator('[data-search-page] .excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((m) => !/^asyncio/i.test(m))).toEqual([]);
    await context.close();
  });
});

/** How bright the brightest pixels (99th percentile: the text) of a screenshot are, from 0 to 1, as Chromium itself decodes it. */
async function brightness(context: BrowserContext, png: Buffer): Promise<number> {
  const canvas = await context.newPage();
  const value = await canvas.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const c = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
    const g = c.getContext('2d')!;
    g.drawImage(image, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    const levels: number[] = [];
    for (let i = 0; i < px.length; i += 4) levels.push((0.2126 * px[i]! + 0.7152 * px[i + 1]! + 0.0722 * px[i + 2]!) / 255);
    levels.sort((a, b) => a - b);
    return levels[Math.floor(levels.length * 0.99)]!;
  }, png.toString('base64'));
  await canvas.close();
  return value;
}

describe('the dialog', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 320]) {
      it(`has no WCAG 2.2 AA violation (target sizes included) with results, at ${width} px in the ${scheme} theme`, async () => {
        const { page, context } = await newPage(guide, { colorScheme: scheme, width, bypassCSP: true });
        const dialog = await searchInDialog(page, `${guide.url}/triage/triaging-an-issue/`, 'asyncio');
        await dialog.locator('.sub-results a').first().waitFor();
        if (width === 320) await dialog.getByRole('button', { name: 'Filters' }).click();
        await expect(axeViolations(page)).resolves.toEqual([]);
        await context.close();
      });
    }

    // Grey text on black still reads as a page: the dark theme dims its text to a third, the light its white to a half.
    const most = scheme === 'dark' ? 1 / 3 : 1 / 2;
    it(`dims the page behind it to at most ${scheme === 'dark' ? 'a third' : 'half'} of its brightness in the ${scheme} theme`, async () => {
      const { page, context } = await newPage(guide, { colorScheme: scheme });
      await page.goto(`${guide.url}/triage/triaging-an-issue/`);
      // The sidebar, left of the dialog: text on the page's background.
      const clip = { x: 0, y: 80, width: 240, height: 400 };
      const before = await brightness(context, await page.screenshot({ clip }));
      await page.keyboard.press('/');
      await page.getByRole('dialog', { name: 'Search' }).waitFor();
      const after = await brightness(context, await page.screenshot({ clip, animations: 'disabled' }));
      expect(after).toBeLessThanOrEqual(before * most);
      await context.close();
    });
  }

  it('fits its filters into 320 px behind one "Filters" button', async () => {
    const { page, context } = await newPage(guide, { width: 320 });
    const dialog = await searchInDialog(page, `${guide.url}/`, 'build');
    const toggle = dialog.getByRole('button', { name: 'Filters' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(dialog.getByLabel('Section').isVisible()).resolves.toBe(false);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const box = (await dialog.boundingBox())!;
    for (const select of await dialog.locator('select').all()) {
      const own = (await select.boundingBox())!;
      expect(own.x).toBeGreaterThanOrEqual(box.x);
      expect(own.x + own.width).toBeLessThanOrEqual(box.x + box.width);
      // The chosen option's words, and the arrow, fit in the box: no "Any sec".
      const room = await select.evaluate((s: HTMLSelectElement) => {
        const probe = Object.assign(document.createElement('span'), { textContent: s.selectedOptions[0]!.text });
        probe.style.font = getComputedStyle(s).font;
        document.body.append(probe);
        const needed = probe.getBoundingClientRect().width;
        probe.remove();
        return s.clientWidth - needed;
      });
      expect(room).toBeGreaterThanOrEqual(16);
    }
    await context.close();
  });

  it('tells the reader which keys work', async () => {
    const { page, context } = await newPage(guide);
    await page.goto(`${guide.url}/`);
    await page.keyboard.press('/');
    await expect(page.locator('.search-keys').innerText()).resolves.toBe('↑ ↓ to move ↵ to open Esc to close');
    await context.close();
  });
});

describe('loading', () => {
  it('fetches the search code and index when the pointer reaches the Search button, before it is clicked', async () => {
    const { page, context } = await newPage(guide);
    const requested: string[] = [];
    context.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${guide.url}/triage/triaging-an-issue/`);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    await page.hover('[data-search-open]');
    await expect.poll(() => requested.filter((p) => /^\/pagefind\/(pagefind\.js|wasm\.|pagefind\..*\.pf_meta)/.test(p)).length, { timeout: 15_000 }).toBe(3);
    await context.close();
  });

  it('on /search/?q=, fetches Pagefind\'s first files with the page, each once, and no web worker', async () => {
    const { page, context, errors } = await newPage(guide);
    const requested: Array<{ path: string; search: string; at: number }> = [];
    context.on('request', (r) => requested.push({ path: new URL(r.url()).pathname, search: new URL(r.url()).search, at: requested.length }));
    await page.goto(`${guide.url}/search/?q=asyncio`);
    await titles(page).first().waitFor({ timeout: 15_000 });
    const paths = requested.map((r) => r.path);
    const entry = requested.filter((r) => r.path === '/pagefind/pagefind-entry.json');
    // The entry file is asked for once, under the tag the page's preload link names.
    expect(entry).toHaveLength(1);
    const tag = await page.locator('link[rel="preload"][data-pagefind-entry]').getAttribute('href');
    expect(tag).toMatch(/^\/pagefind\/pagefind-entry\.json\?ts=[0-9a-f]{12}$/);
    expect(`${entry[0]!.path}${entry[0]!.search}`).toBe(tag);
    // The entry, metadata and WebAssembly are requested before the search UI's own code.
    const ui = paths.findIndex((p) => /^\/_astro\/search\.[\w-]+\.js$/.test(p));
    expect(ui).toBeGreaterThan(0);
    for (const file of [/^\/pagefind\/pagefind-entry\.json$/, /^\/pagefind\/pagefind\..*\.pf_meta$/, /^\/pagefind\/wasm\./]) {
      expect(paths.filter((p) => file.test(p)), String(file)).toHaveLength(1);
      expect(paths.findIndex((p) => file.test(p)), String(file)).toBeLessThan(ui);
    }
    expect(paths).not.toContain('/pagefind/pagefind-worker.js');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps a guide's first view within 5 KB of script", async () => {
    const { page, context } = await newPage(guide);
    await page.goto(`${guide.url}/triage/triaging-an-issue/`);
    await page.waitForLoadState('networkidle');
    const bytes = await page.evaluate(() => {
      const files = performance.getEntriesByType('resource').filter((e) => /\.m?js$/.test(new URL(e.name).pathname)) as PerformanceResourceTiming[];
      const inline = [...document.querySelectorAll('script:not([src])')].reduce((n, s) => n + new TextEncoder().encode(s.textContent!).length, 0);
      return files.reduce((n, f) => n + f.decodedBodySize, inline);
    });
    expect(bytes).toBeLessThanOrEqual(5 * 1024);
    await context.close();
  });
});
