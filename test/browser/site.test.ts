import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, newPage, openSite, type Site } from '../support/browser.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite(inject('basicOut'));
});
afterAll(async () => {
  await site?.close();
});

describe('navigation', () => {
  it('moves between guides through the sidebar and marks the current page', async () => {
    const { page, context, errors } = await newPage(site);
    await page.goto(`${site.url}/start/setup/`);
    await page.locator('#sidebar').getByRole('link', { name: 'Getting help' }).click();
    await page.waitForURL('**/start/help/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Getting help');
    await expect(page.locator('#sidebar a[aria-current="page"]').textContent()).resolves.toBe('Getting help');
    await page.locator('#sidebar').getByRole('link', { name: 'Tasks' }).click();
    await page.waitForURL('**/tasks/');
    await expect(page.locator('#sidebar a[aria-current="page"]').textContent()).resolves.toBe('Tasks');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists only the current section\'s guides in the sidebar', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/start/setup/`);
    const links = await page.locator('#sidebar a').allTextContents();
    expect(links).toEqual(['Getting started', 'Setting up', 'Getting help', 'Tasks', 'Triage', 'Reference', 'Experts index', 'Help wanted']);
    await context.close();
  });

  it('reaches the experts index and Help wanted from a guide\'s sidebar, and marks them current there and on a person\'s page', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/start/setup/`);
    const sidebar = page.locator('#sidebar');
    await expect(sidebar.locator('[aria-current]').allTextContents()).resolves.toEqual(['Setting up']);
    await sidebar.getByRole('link', { name: 'Experts index' }).click();
    await page.waitForURL('**/experts/');
    await expect(sidebar.getByRole('link', { name: 'Experts index' }).getAttribute('aria-current')).resolves.toBe('page');
    await page.goto(`${site.url}/experts/alice/`);
    await expect(sidebar.getByRole('link', { name: 'Experts index' }).getAttribute('aria-current')).resolves.toBe('true');
    await sidebar.getByRole('link', { name: 'Help wanted' }).click();
    await page.waitForURL('**/todo/');
    await expect(sidebar.locator('[aria-current]').allTextContents()).resolves.toEqual(['Help wanted']);
    // The current link is marked by more than its colour.
    const marked = await sidebar.getByRole('link', { name: 'Help wanted' }).evaluate((a) => getComputedStyle(a).boxShadow);
    expect(marked).toMatch(/inset/);
    await context.close();
  });

  it('offers previous and next in reading order', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/start/help/`);
    await expect(page.locator('a[rel="prev"]').getAttribute('href')).resolves.toBe('/start/setup/');
    await expect(page.locator('a[rel="next"]').getAttribute('href')).resolves.toBe('/tasks/first-task/');
    await context.close();
  });

  it('reaches the experts index and the help-wanted list from the home page', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/`);
    const sections = page.locator('.sections');
    await sections.getByRole('link', { name: 'Experts index' }).click();
    await page.waitForURL('**/experts/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Experts index');
    await page.goBack();
    await sections.getByRole('link', { name: 'Help wanted' }).click();
    await page.waitForURL('**/todo/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Help wanted');
    await context.close();
  });

  it('answers an unknown address with the 404 page', async () => {
    const { page, context } = await newPage(site);
    const response = await page.goto(`${site.url}/no/such/page/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await expect(page.getByRole('link', { name: 'Getting started' }).count()).resolves.toBeGreaterThan(0);
    await context.close();
  });

  it('reaches "submitting a pull request" from the home page through the ladder\'s first task', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/`);
    await page.locator('#level-newcomer').getByRole('link', { name: 'Your first task' }).click();
    await page.waitForURL('**/tasks/first-task/');
    await page.locator('main').getByRole('link', { name: 'submitting a pull request', exact: true }).click();
    await page.waitForURL('**/tasks/pull-requests/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Submitting a pull request');
    await context.close();
  });
});

describe('links to headings', () => {
  it('stops a heading reached from "On this page" just below the sticky header, not under it', async () => {
    const { page, context } = await newPage(site);
    await page.setViewportSize({ width: 1280, height: 400 });
    await page.goto(`${site.url}/start/setup/`);
    await page.locator('.toc').getByRole('link', { name: 'Build' }).click();
    await page.waitForURL('**#build');
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    const header = (await page.locator('.site-header').boundingBox())!;
    const heading = (await page.locator('#build').boundingBox())!;
    expect(heading.y).toBeGreaterThanOrEqual(header.y + header.height);
    expect(heading.y).toBeLessThan(header.y + header.height + 40);
    await context.close();
  });
});

describe('contents on narrower screens', () => {
  it('offers a closed "On this page" list at the top of a guide below 1152 px, and only the side list above', async () => {
    const { page, context } = await newPage(site, { width: 800 });
    await page.goto(`${site.url}/start/setup/`);
    await expect(page.locator('.toc').isVisible()).resolves.toBe(false);
    const contents = page.getByRole('navigation', { name: 'On this page' });
    await expect(contents.getByRole('link', { name: 'Build' }).isVisible()).resolves.toBe(false);
    await contents.getByText('On this page').click();
    await contents.getByRole('link', { name: 'Build' }).click();
    await page.waitForURL('**#build');
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(page.locator('.toc-inline').isVisible()).resolves.toBe(false);
    await expect(page.locator('.toc').isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('theme', () => {
  it('follows the OS, then remembers the reader\'s choice across pages', async () => {
    const { page, context } = await newPage(site, { colorScheme: 'dark' });
    await page.goto(`${site.url}/start/setup/`);
    const scheme = () => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.locator('[data-theme-toggle]').click();
    expect(await scheme()).toBe('light');
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.goto(`${site.url}/tasks/first-task/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await background()).toBe('rgb(255, 255, 255)');
    await expect(page.getByRole('button', { name: 'Theme: light' }).count()).resolves.toBe(1);
    await context.close();
  });
});

describe('header and page polish', () => {
  it('labels the theme toggle with a tooltip and keeps it dark in the dark theme', async () => {
    const { page, context } = await newPage(site, { colorScheme: 'dark' });
    await page.goto(`${site.url}/start/setup/`);
    const toggle = page.locator('[data-theme-toggle]');
    await expect(toggle.locator('.theme-auto').getAttribute('title')).resolves.toBe('Theme: automatic, as your system');
    await expect(toggle.evaluate((t) => getComputedStyle(t).backgroundColor)).resolves.toBe('rgb(22, 27, 34)');
    await toggle.click();
    await toggle.click();
    await expect(toggle.locator('.theme-dark').getAttribute('title')).resolves.toBe('Theme: dark');
    await expect(toggle.evaluate((t) => getComputedStyle(t).backgroundColor)).resolves.toBe('rgb(22, 27, 34)');
    await context.close();
  });

  it('centres the search and 404 pages at 1280 px', async () => {
    const { page, context } = await newPage(site);
    for (const url of ['/search/', '/no-such-page/']) {
      await page.goto(`${site.url}${url}`);
      const gaps = await page.locator('main').evaluate((m) => {
        const r = m.getBoundingClientRect();
        return [r.left, document.documentElement.clientWidth - r.right];
      });
      expect(gaps[0], url).toBeGreaterThan(100);
      expect(Math.abs(gaps[0]! - gaps[1]!), url).toBeLessThanOrEqual(2);
    }
    await context.close();
  });
});

describe('code blocks', () => {
  it('copies the commands without their prompts or output', async () => {
    const { page, context } = await newPage(site, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${site.url}/start/setup/`);
    const block = page.locator('.code').filter({ hasText: 'make -j8' });
    await block.getByRole('button', { name: 'Copy code' }).click();
    // The clipboard write is asynchronous and the button resets after 2 s, so wait for the
    // announcement, which stays, rather than reading the button at one instant.
    await page.locator('[aria-live="polite"]', { hasText: 'Copied' }).waitFor({ state: 'attached' });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('./configure --with-pydebug \\\n    --enable-shared\nmake -j8');
    await context.close();
  });

  it('keeps the Copy button off the title and the end of the first line at 320 px', async () => {
    const { page, context } = await newPage(site, { width: 320 });
    await page.goto(`${site.url}/start/setup/`);
    const covered = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.code')].flatMap((block) => {
        const pre = block.querySelector('pre')!;
        pre.scrollLeft = pre.scrollWidth;
        const button = block.querySelector('.copy')!.getBoundingClientRect();
        const first = block.querySelector('.code-title') ?? block.querySelector('.line')!;
        const range = document.createRange();
        range.selectNodeContents(first);
        const hit = [...range.getClientRects()].some((r) => r.width > 0 && r.right > button.left && r.left < button.right && r.bottom > button.top && r.top < button.bottom);
        return hit ? [first.textContent] : [];
      }),
    );
    expect(covered).toEqual([]);
    await context.close();
  });

  it('highlights at build time in both themes, with no highlighter script', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/tasks/first-task/`);
    // Tokens carry a class per theme (tl-<light> td-<dark>) and no style attribute.
    await expect(page.locator('.code [style]').count()).resolves.toBe(0);
    const token = page.locator('.code span[class*="tl-"]').filter({ hasNotText: /^\s*$/ }).first();
    const [light, dark] = (await token.getAttribute('class'))!.match(/(?<=t[ld]-)[0-9a-f]{6}/g)!;
    const rgb = (hex: string) => `rgb(${[0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    const color = () => token.evaluate((el) => getComputedStyle(el).color);
    await expect(color()).resolves.toBe(rgb(light!));
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(color()).resolves.toBe(rgb(dark!));
    await expect(page.locator('.line.del').count()).resolves.toBe(1);
    await expect(page.locator('.line.ins').count()).resolves.toBe(1);
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).map((e) => e.name));
    expect(scripts.join(' ')).not.toMatch(/shiki|highlight/i);
    await context.close();
  });
});

describe('tabs', () => {
  it('remembers the chosen tab on later pages and groups', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/start/setup/`);
    const firstGroup = page.locator('[data-tabs]').first();
    await expect(firstGroup.getByRole('tab', { name: 'Linux' }).getAttribute('aria-selected')).resolves.toBe('true');
    await firstGroup.getByRole('tab', { name: 'Windows' }).click();
    await expect(firstGroup.getByRole('tabpanel').textContent()).resolves.toContain('Visual Studio');
    // The second group on the page follows the choice.
    const second = page.locator('[data-tabs]').nth(1);
    await expect(second.getByRole('tab', { name: 'Windows' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.reload();
    await expect(page.locator('[data-tabs]').first().getByRole('tab', { name: 'Windows' }).getAttribute('aria-selected')).resolves.toBe('true');
    await context.close();
  });

  it('keeps the clicked tab where it was on screen while the groups above it change', async () => {
    const { page, context } = await newPage(site);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.url}/start/setup/`);
    // The first group is in view above the second, so its taller Linux panel is what shrinks.
    await page.locator('[data-tabs]').first().evaluate((g) => g.scrollIntoView({ block: 'start' }));
    const tab = page.locator('[data-tabs]').nth(1).getByRole('tab', { name: 'Windows' });
    expect((await tab.boundingBox())!.y).toBeLessThan(860);
    const before = (await tab.boundingBox())!.y;
    await tab.click();
    await expect(page.locator('[data-tabs]').first().getByRole('tab', { name: 'Windows' }).getAttribute('aria-selected')).resolves.toBe('true');
    expect(Math.abs((await tab.boundingBox())!.y - before)).toBeLessThanOrEqual(1);
    await context.close();
  });

  it('moves between tabs with the arrow keys', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/start/setup/`);
    const group = page.locator('[data-tabs]').first();
    await group.getByRole('tab', { name: 'Linux' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(group.getByRole('tab', { name: 'macOS' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('macOS');
    await context.close();
  });

  it('shows every panel under its label when JavaScript is off', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/start/setup/`);
    const group = page.locator('[data-tabs]').first();
    await expect(group.locator('.tab-label').allTextContents()).resolves.toEqual(['Linux', 'macOS', 'Windows']);
    expect(await group.locator('.tab-panel').evaluateAll((panels) => panels.every((p) => (p as HTMLElement).offsetHeight > 0))).toBe(true);
    await context.close();
  });
});

describe('search', () => {
  it('finds a guide by a phrase from its body, from the header button', async () => {
    const { page, context, errors } = await newPage(site);
    await page.goto(`${site.url}/tasks/first-task/`);
    await page.locator('[data-search-open]').click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('zanzibar');
    await expect(dialog.locator('.result-title').first().textContent({ timeout: 10_000 })).resolves.toBe('Setting up');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps every letter typed straight after "/", even while the search code is still on its way', async () => {
    const { page, context, errors } = await newPage(site);
    // Hold the search code back until the typing is done, as a slow network would.
    let release!: () => void;
    const typed = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/search\.[^/]*\.js$/, async (route) => {
      await typed;
      await route.continue();
    });
    await page.goto(`${site.url}/tasks/first-task/`);
    await page.keyboard.press('/');
    await page.keyboard.type('zanzibar');
    release();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await expect(dialog.getByRole('searchbox').inputValue()).resolves.toBe('zanzibar');
    await expect(dialog.locator('.result-title').first().textContent({ timeout: 10_000 })).resolves.toBe('Setting up');
    await expect(dialog.getByRole('status').textContent()).resolves.toContain('for “zanzibar”');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens with "/" and Ctrl+K, and the level filter narrows the results', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/`);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+k');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('searchbox').fill('pull request');
    const titles = dialog.locator('.result-title');
    await titles.first().waitFor();
    const all = await titles.allTextContents();
    expect(all.length).toBeGreaterThan(1);
    await dialog.getByLabel('Level').selectOption('Core developer');
    await expect.poll(() => titles.allTextContents(), { timeout: 10_000 }).toEqual(['Core duties']);
    await context.close();
  });

  it('runs the query of a shared /search/?q= URL and keys through the results', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/search/?q=typo`);
    const first = page.locator('.search-results .result-title').first();
    await expect(first.textContent({ timeout: 10_000 })).resolves.toBe('Your first task');
    await page.getByRole('searchbox').press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Your first task');
    await context.close();
  });

  for (const [width, height] of [[320, 640], [1280, 480]] as const) {
    it(`fits the search dialog, results and Close button into a ${width}×${height} window`, async () => {
      const { page, context } = await newPage(site, { width });
      await page.setViewportSize({ width, height });
      await page.goto(`${site.url}/start/setup/`);
      await page.keyboard.press('/');
      const dialog = page.getByRole('dialog', { name: 'Search' });
      await dialog.getByRole('searchbox').fill('the');
      await dialog.locator('.result-title').first().waitFor();
      await dialog.getByLabel('Kind').waitFor({ state: 'attached' });
      // Narrow screens fold the filters behind one button: open them, as tall as the dialog gets.
      const filters = dialog.getByRole('button', { name: 'Filters' });
      if (await filters.isVisible()) await filters.click();
      await dialog.getByLabel('Kind').waitFor();
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
      // Playwright refuses to click a button that another element (the input) covers.
      await dialog.getByRole('button', { name: 'Close' }).click({ timeout: 2_000 });
      await dialog.waitFor({ state: 'hidden' });
      await context.close();
    });
  }

  it('opens the first result on Enter, even when pressed before the results arrive', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/tasks/first-task/`);
    await page.keyboard.press('/');
    // Once the search code is in (its filters show), the results still wait for a 150 ms pause.
    await page.getByRole('dialog', { name: 'Search' }).getByLabel('Level').waitFor();
    await page.keyboard.type('zanzibar');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/start/setup/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Setting up');
    await context.close();
  });

  it('leaves the arrow keys to a focused filter, and lists pages by filter alone with no words', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/tasks/first-task/`);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('task');
    await dialog.locator('.result-title').first().waitFor();
    const level = dialog.getByLabel('Level');
    await level.focus();
    await page.keyboard.press('ArrowDown');
    await expect(level.evaluate((s: HTMLSelectElement) => s.selectedIndex)).resolves.toBe(1);
    await expect(level.evaluate((s) => s === document.activeElement)).resolves.toBe(true);
    await dialog.getByRole('searchbox').fill('');
    await level.selectOption('Core developer');
    const titles = dialog.locator('.result-title');
    await expect.poll(() => titles.allTextContents(), { timeout: 10_000 }).toEqual(['Core duties']);
    await expect(dialog.getByRole('status').textContent()).resolves.toBe('1 result in Core developer.');
    await context.close();
  });

  it('keeps the chosen filters in the /search/ URL and restores them from it', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/search/?level=Core+developer`);
    await expect.poll(() => page.locator('.search-results .result-title').allTextContents(), { timeout: 10_000 }).toEqual(['Core duties']);
    await expect(page.getByLabel('Level').inputValue()).resolves.toBe('Core developer');
    await page.getByRole('searchbox').fill('typo');
    await page.getByLabel('Level').selectOption('');
    await expect.poll(() => new URL(page.url()).search).toBe('?q=typo');
    await page.getByLabel('Section').selectOption('Tasks');
    await expect.poll(() => new URL(page.url()).search).toBe('?q=typo&section=Tasks');
    await context.close();
  });

  it('loads no search code before search is opened', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/start/setup/`);
    const before = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(before.some((n) => n.includes('pagefind'))).toBe(false);
    await page.keyboard.press('/');
    await page.getByRole('dialog', { name: 'Search' }).getByRole('searchbox').fill('build');
    await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('pagefind')))).toBe(true);
    await context.close();
  });
});

describe('small screens and print', () => {
  it('fits a 320 px wide screen without horizontal scrolling, with the menu behind a button', async () => {
    const { page, context } = await newPage(site, { width: 320 });
    await page.goto(`${site.url}/start/setup/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expect(page.locator('#sidebar').isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.locator('#sidebar').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('opens the menu as a drawer where the reader has scrolled to, and closes it with Escape or the button', async () => {
    const { page, context } = await newPage(site, { width: 320 });
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${site.url}/start/setup/`);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(300);
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    for (const name of ['Getting started', 'Setting up', 'Reference']) {
      const box = (await page.locator('#sidebar').getByRole('link', { name, exact: true }).boundingBox())!;
      expect(box.y, name).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, name).toBeLessThanOrEqual(640);
    }
    await page.locator('#sidebar').getByRole('link', { name: 'Getting help' }).focus();
    await page.keyboard.press('Escape');
    await expect(page.locator('#sidebar').isVisible()).resolves.toBe(false);
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Menu');
    await menu.click();
    await expect(page.locator('#sidebar').isVisible()).resolves.toBe(true);
    await menu.click();
    await expect(page.locator('#sidebar').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('prints every tab panel and hides the navigation', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/start/setup/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('#sidebar').isVisible()).resolves.toBe(false);
    expect(await page.locator('[data-tabs]').first().locator('.tab-panel').evaluateAll((ps) => ps.every((p) => (p as HTMLElement).offsetHeight > 0))).toBe(true);
    await context.close();
  });
});

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no WCAG 2.2 AA violations on home, a guide, open search and 404 in the ${scheme} theme`, async () => {
      const { page, context } = await newPage(site, { colorScheme: scheme, bypassCSP: true });
      const found: Record<string, string[]> = {};
      for (const url of ['/', '/start/setup/', '/tasks/first-task/', '/no-such-page/', '/tasks/', '/search/?q=build', '/todo/']) {
        await page.goto(`${site.url}${url}`);
        found[url] = await axeViolations(page);
      }
      await page.goto(`${site.url}/tasks/first-task/`);
      await page.keyboard.press('/');
      await page.getByRole('dialog', { name: 'Search' }).getByRole('searchbox').fill('build');
      await page.locator('.search-results .result-title').first().waitFor();
      found['search open'] = await axeViolations(page);
      expect(found).toEqual({ '/': [], '/start/setup/': [], '/tasks/first-task/': [], '/no-such-page/': [], '/tasks/': [], '/search/?q=build': [], '/todo/': [], 'search open': [] });
      await context.close();
    });

    it(`has none with the keyboard shortcuts open, or the menu open at 320 px, in the ${scheme} theme`, async () => {
      const { page, context } = await newPage(site, { colorScheme: scheme, bypassCSP: true });
      const found: Record<string, string[]> = {};
      await page.goto(`${site.url}/start/setup/`);
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      found['shortcuts open'] = await axeViolations(page);
      await page.setViewportSize({ width: 320, height: 640 });
      for (const url of ['/start/setup/', '/']) {
        await page.goto(`${site.url}${url}`);
        await page.getByRole('button', { name: 'Menu' }).click();
        found[`menu open on ${url}`] = await axeViolations(page);
      }
      expect(found).toEqual({ 'shortcuts open': [], 'menu open on /start/setup/': [], 'menu open on /': [] });
      await context.close();
    });
  }

  it('starts every page with a skip link to the main content', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/start/setup/`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await context.close();
  });
});
