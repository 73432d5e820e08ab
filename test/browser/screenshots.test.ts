/**
 * The pages a reader review looks at, photographed at 1280 and 320 px in both themes into
 * test-results/screenshots/ (the test run's output folder) for a person to look at, and checked
 * for what a screenshot would show first: a page wider than the screen at 320 px.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPage, openSite, ROOT, type Site } from '../support/browser.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite(inject('guideOut'));
});
afterAll(async () => {
  await site?.close();
});

const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['guide-with-tabs-and-code', '/getting-started/setup/'],
  ['experts', '/experts/'],
  ['person', '/experts/asvetlov/'],
  ['versions', '/committing/versions/'],
  ['labels', '/triage/labels/'],
];

describe('the reviewed pages, at 1280 and 320 px in both themes', () => {
  const folder = path.join(ROOT, 'test-results', 'screenshots');
  mkdirSync(folder, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 320]) {
      it(`are photographed in the ${scheme} theme at ${width} px, none wider than the screen`, async () => {
        const { page, context, errors } = await newPage(site, { colorScheme: scheme, width });
        const wide: string[] = [];
        for (const [name, url] of PAGES) {
          await page.goto(`${site.url}${url}`);
          // Wide tables and code scroll inside their own boxes; the page itself never does.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) wide.push(`${url} by ${overflow} px`);
          await page.screenshot({ path: path.join(folder, `${name}-${width}-${scheme}.png`) });
        }
        await context.close();
        expect(wide).toEqual([]);
        expect(errors).toEqual([]);
      }, 120_000);
    }
  }
});
