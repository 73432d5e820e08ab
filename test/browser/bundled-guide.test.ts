import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, newPage, openSite, ROOT, type Site } from '../support/browser.ts';

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
    for (const name of ['Menu', 'Theme: automatic, as your system']) await expect(page.getByRole('button', { name }).isVisible()).resolves.toBe(true);
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

/** How many lines each element's visible text takes, by the distinct tops of its text's boxes. */
function linesOf(page: Page, selector: string): Promise<Array<{ text: string; lines: number }>> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((el) => {
      const tops = new Set<number>();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        // Visually hidden words (a link's "opens another site") are a 1 px box of their own.
        for (const r of range.getClientRects()) if (r.width > 1 && r.height > 1) tops.add(Math.round(r.top));
      }
      return { text: el.textContent!, lines: tops.size };
    }),
  );
}

describe('reading the bundled guide at 320 and 1280 px', () => {
  it('shows the Copy button beside code, never over it, scrolled to either end', async () => {
    for (const width of [320, 1280]) {
      const { page, context } = await newPage(site, { width });
      await page.goto(`${site.url}/getting-started/setup/`);
      const covered = await page.evaluate(() => {
        const hits: string[] = [];
        for (const block of document.querySelectorAll<HTMLElement>('.code')) {
          const pre = block.querySelector('pre')!;
          for (const scroll of [0, pre.scrollWidth]) {
            pre.scrollLeft = scroll;
            const button = block.querySelector('.copy')!.getBoundingClientRect();
            if (!button.width) continue;
            for (const text of block.querySelectorAll('.code-title, .line')) {
              const range = document.createRange();
              range.selectNodeContents(text);
              const hit = [...range.getClientRects()].some((r) => r.width > 0 && r.right > button.left && r.left < button.right && r.bottom > button.top && r.top < button.bottom);
              if (hit) hits.push(text.textContent!);
            }
          }
        }
        return hits;
      });
      expect(covered, `${width} px`).toEqual([]);
      await expect(page.locator('.code .copy').count()).resolves.toBeGreaterThan(3);
      await context.close();
    }
  });

  it('breaks inline code only at its spaces, never inside a flag, and never widens the page', async () => {
    for (const width of [320, 390, 1280]) {
      const { page, context } = await newPage(site, { width });
      for (const url of ['/getting-started/setup/', '/getting-started/quick-reference/']) {
        await page.goto(`${site.url}${url}`);
        if (url === '/getting-started/setup/') await expect(linesOf(page, 'code:has-text("gh repo fork") .nowrap')).resolves.toEqual([{ text: 'python/cpython', lines: 1 }, { text: '--clone', lines: 1 }]);
        const broken = (await linesOf(page, 'main .nowrap')).filter((w) => w.lines > 1);
        expect(broken, `${url} at ${width} px`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${url} at ${width} px`).toBeLessThanOrEqual(width);
      }
      await context.close();
    }
  });

  it('keeps each label on one line, with its meaning beside it at 1280 px and under it at 320 px', async () => {
    for (const width of [320, 1280]) {
      const { page, context } = await newPage(site, { width });
      await page.goto(`${site.url}/triage/labels/`);
      const labels = await linesOf(page, '.label-swatch');
      expect(labels.length).toBeGreaterThan(30);
      expect(labels.filter((l) => l.lines !== 1), `${width} px`).toEqual([]);
      const [label, meaning] = await page.locator('#label-type-security td').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect()));
      if (width === 320) expect(meaning!.top).toBeGreaterThanOrEqual(label!.bottom);
      else expect(meaning!.left).toBeGreaterThanOrEqual(label!.right);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await context.close();
    }
  });

  it('puts the supported versions and the chart before the history, never wraps a date, and keeps versions in view while scrolling', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/committing/versions/`);
    const order = await page.locator('.versions-supported, .versions-chart, .versions-end-of-life').evaluateAll((els) => els.map((e) => e.className.split(' ').at(-1)));
    expect(order).toEqual(['versions-supported', 'versions-chart', 'versions-end-of-life']);
    // At 1280 px the supported versions fit without scrolling, and no date or PEP wraps.
    await expect(page.locator('.table-wrap:has(.versions-supported)').evaluate((w) => w.scrollWidth <= w.clientWidth)).resolves.toBe(true);
    const wrapped = (await linesOf(page, '.versions-table .date, .versions-table .pep a')).filter((d) => d.lines > 1);
    expect(wrapped).toEqual([]);
    await context.close();

    for (const scheme of ['light', 'dark'] as const) {
      const { page: phone, context: phoneContext } = await newPage(site, { width: 320, colorScheme: scheme, bypassCSP: true });
      await phone.goto(`${site.url}/committing/versions/`);
      // Scrolled to its last column, the table still shows each row's version at its left edge.
      const wrap = phone.locator('.table-wrap:has(.versions-supported)');
      await wrap.scrollIntoViewIfNeeded();
      await wrap.evaluate((w) => (w.scrollLeft = w.scrollWidth));
      const box = (await wrap.boundingBox())!;
      const pep = (await phone.locator('#version-3\\.14 .pep').boundingBox())!;
      expect(pep.x + pep.width).toBeLessThanOrEqual(box.x + box.width + 1);
      const version = (await phone.locator('#version-3\\.14 th').boundingBox())!;
      expect(Math.abs(version.x - box.x)).toBeLessThanOrEqual(2);
      await expect(phone.locator('#version-3\\.14 th').evaluate((th) => document.elementFromPoint(th.getBoundingClientRect().left + 10, th.getBoundingClientRect().top + 10) === th)).resolves.toBe(true);
      expect((await linesOf(phone, '.versions-table .date')).filter((d) => d.lines > 1)).toEqual([]);
      // The chart opens at today; each version's label is in view, level with its bar.
      const scroller = (await phone.locator('.chart-scroll').boundingBox())!;
      const rows = await phone.evaluate(() => {
        const labels = [...document.querySelectorAll('.chart-labels text')];
        return [...document.querySelectorAll('.versions-chart .chart g.bar')].map((bar, i) => {
          const rect = bar.querySelector('rect')!.getBoundingClientRect();
          const label = labels[i]!.getBoundingClientRect();
          return { version: bar.getAttribute('data-version'), text: labels[i]!.textContent, barMiddle: rect.top + rect.height / 2, labelMiddle: label.top + label.height / 2, left: label.left, right: label.right };
        });
      });
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows) {
        expect(row.text).toBe(row.version);
        expect(Math.abs(row.barMiddle - row.labelMiddle)).toBeLessThan(2);
        expect(row.left).toBeGreaterThanOrEqual(scroller.x);
        expect(row.right).toBeLessThanOrEqual(scroller.x + scroller.width);
      }
      const today = (await phone.locator('.versions-chart line.today').boundingBox())!;
      expect(today.x).toBeGreaterThan(scroller.x);
      expect(today.x).toBeLessThan(scroller.x + scroller.width);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await axeViolations(phone), scheme).toEqual([]);
      await phoneContext.close();
    }
  });

  it('shows each Help wanted note whole on /todo/, linked to its place and to its line in the repository', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/todo/`);
    const notes = await page.locator('.todo-notes > li').evaluateAll((lis) =>
      lis.map((li) => {
        const [note, source] = [...li.querySelectorAll('a')];
        return { text: note!.textContent!, href: note!.getAttribute('href')!, source: source?.getAttribute('href'), where: source?.textContent };
      }),
    );
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(note.text).not.toMatch(/…$/);
      // The line the link names holds the note's opening `:::todo` in the file on the default branch.
      const [, file, line] = /^https:\/\/github\.com\/python\/devguide\/blob\/main\/content\/(.+)\?plain=1#L(\d+)$/.exec(note.source ?? '') ?? [];
      expect(file, note.source ?? undefined).toBeTruthy();
      expect(note.where).toBe(`${file}, line ${line}`);
      expect(readFileSync(path.join(ROOT, 'content', file!), 'utf8').split('\n')[Number(line) - 1]).toMatch(/^:::todo/);
      // The whole note, as the guide shows it.
      const guide = await context.newPage();
      await guide.goto(`${site.url}${note.href}`);
      const aside = guide.locator(`aside.todo#${note.href.split('#')[1]}`);
      await expect(aside.locator('p:not(.admonition-title)').allTextContents().then((ps) => ps.join(' ').replace(/\s+/g, ' ').trim())).resolves.toBe(note.text);
      await guide.close();
    }
    await context.close();
  });
});
