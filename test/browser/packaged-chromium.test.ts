/**
 * On a machine without a system Chromium the browser tests run the one inside the npm package
 * @sparticuz/chromium. This suite always uses that one, so the fallback keeps working on a machine
 * that has a system Chromium too (like CI): the fixture site loads, its script runs, search opens.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPage, openSite, packagedChromium, type Site } from '../support/browser.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite(inject('basicOut'), await packagedChromium());
});
afterAll(async () => {
  await site?.close();
});

describe('the npm-packaged Chromium', () => {
  it('renders a guide under the site\'s policy, runs the page script and opens search with "/"', async () => {
    const { page, context, errors } = await newPage(site);
    await page.goto(`${site.url}/start/setup/`);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Setting up');
    await expect(page.evaluate(() => document.documentElement.classList.contains('js'))).resolves.toBe(true);
    await page.keyboard.press('/');
    await expect(page.getByRole('dialog', { name: 'Search' }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
