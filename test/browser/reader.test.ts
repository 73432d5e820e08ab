/**
 * The reader experience of issue 12 that needs the page script, in Chromium against the basic
 * fixture and the bundled guide: "On this page" following the reader, the mobile menu as an overlay
 * on every page, tabs that open on the reader's OS, the auto / light / dark theme, "Copy page as
 * Markdown" and the keyboard shortcuts sheet.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPage, openSite, type Site } from '../support/browser.ts';

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

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

describe('"On this page"', () => {
  const current = (page: Page) => page.locator('.toc a[aria-current="true"]').allTextContents();

  it('marks the section being read as the reader scrolls, down and back up, and moves no link', async () => {
    const { page, context, errors } = await newPage(guide);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${guide.url}/getting-started/setup/`);
    const links = page.locator('.toc a');
    // Where each link sits in the list, and its size: what a marked link must not change.
    const boxes = () => links.evaluateAll((as) => {
      const list = as[0]!.closest('.toc')!.getBoundingClientRect();
      return as.map((a) => {
        const r = a.getBoundingClientRect();
        return [r.x - list.x, r.y - list.y, r.width, r.height];
      });
    });
    const before = await boxes();
    const names = await links.allTextContents();
    expect(names.length).toBeGreaterThan(4);
    await page.evaluate(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => ((window as unknown as { shifts: number }).shifts += (e as unknown as { value: number }).value))).observe({ type: 'layout-shift' });
    });
    // Each heading brought just under the header makes its own link the only one marked.
    for (const name of [names[2]!, names[4]!, names[1]!]) {
      const href = await page.locator('.toc').getByRole('link', { name, exact: true }).getAttribute('href');
      await page.locator(`[id="${href!.slice(1)}"]`).evaluate((h) => scrollTo(0, scrollY + h.getBoundingClientRect().top - 80));
      await expect.poll(() => current(page)).toEqual([name]);
      expect(await boxes()).toEqual(before);
    }
    // Back at the top, above the first heading, nothing is marked.
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(() => current(page)).toEqual([]);
    // A jump past a heading (a link, find in page) is noticed too: into the middle of a long section.
    const into = await page.evaluate(() => {
      const tops = [...document.querySelectorAll('.toc a')].map((a) => document.getElementById(a.getAttribute('href')!.slice(1))!.getBoundingClientRect().top);
      const long = tops.findIndex((top, i) => i + 1 < tops.length && tops[i + 1]! - top > innerHeight + 400);
      scrollTo(0, tops[long]! + 300);
      return long;
    });
    expect(into).toBeGreaterThanOrEqual(0);
    await expect.poll(() => current(page)).toEqual([names[into]]);
    await expect(page.evaluate(() => (window as unknown as { shifts: number }).shifts)).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks the section a link in the list leads to', async () => {
    const { page, context } = await newPage(site);
    await page.setViewportSize({ width: 1280, height: 400 });
    await page.goto(`${site.url}/start/setup/`);
    await page.locator('.toc').getByRole('link', { name: 'Build' }).click();
    await expect.poll(() => current(page)).toEqual(['Build']);
    await context.close();
  });
});

describe('the mobile menu', () => {
  const menuButton = (page: Page) => page.getByRole('button', { name: 'Menu' });
  const drawer = (page: Page) => page.getByRole('navigation', { name: 'Guides' });

  for (const url of ['/', '/search/', '/no-such-page/', '/start/setup/']) {
    it(`opens over ${url} at 320 px and closes on a tap beside it`, async () => {
      const { page, context, errors } = await newPage(site, { width: 320 });
      await page.goto(`${site.url}${url}`);
      await expect(drawer(page).isVisible()).resolves.toBe(false);
      await menuButton(page).click();
      await expect(menuButton(page).getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(drawer(page).getByRole('link', { name: 'Getting started' }).isVisible()).resolves.toBe(true);
      // The page behind is dimmed and inert: a tap on it closes the drawer and follows no link.
      const drawerBox = (await drawer(page).boundingBox())!;
      expect(drawerBox.width).toBeLessThan(300);
      await page.mouse.click(310, 500);
      await expect(drawer(page).isVisible()).resolves.toBe(false);
      await expect(menuButton(page).getAttribute('aria-expanded')).resolves.toBe('false');
      expect(new URL(page.url()).pathname).toBe(url);
      await expect(page.locator('main').evaluate((m) => (m as HTMLElement).inert)).resolves.toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('keeps Tab and Shift+Tab between the Menu button and the drawer while open', async () => {
    const { page, context } = await newPage(site, { width: 320 });
    await page.goto(`${site.url}/start/setup/`);
    await menuButton(page).click();
    const links = await drawer(page).getByRole('link').count();
    const where = () => page.evaluate(() => {
      const el = document.activeElement!;
      return el.closest('#sidebar') ? 'drawer' : el.matches('[data-menu]') ? 'menu' : el === document.body ? 'outside the page' : el.outerHTML.slice(0, 60);
    });
    const visited: string[] = [];
    for (let i = 0; i < links + 3; i++) {
      await page.keyboard.press('Tab');
      visited.push(await where());
    }
    // Every link of the drawer, then out to the browser's own controls, then back to Menu.
    expect(visited).toEqual([...Array(links).fill('drawer'), 'outside the page', 'menu', 'drawer']);
    const back = new Set<string>();
    for (let i = 0; i < links + 3; i++) {
      await page.keyboard.press('Shift+Tab');
      back.add(await where());
    }
    expect([...back].filter((w) => w !== 'outside the page').sort()).toEqual(['drawer', 'menu']);
    await context.close();
  });

  it('closes on Escape and gives the focus back to the Menu button', async () => {
    const { page, context } = await newPage(site, { width: 320 });
    await page.goto(`${site.url}/`);
    await menuButton(page).click();
    await drawer(page).getByRole('link', { name: 'Tasks' }).focus();
    await page.keyboard.press('Escape');
    await expect(drawer(page).isVisible()).resolves.toBe(false);
    await expect(focused(page)).resolves.toBe('Menu');
    await context.close();
  });

  it('closes, and gives the page back, when the window grows wide enough for the sidebar', async () => {
    const { page, context } = await newPage(site, { width: 320 });
    await page.goto(`${site.url}/start/setup/`);
    await menuButton(page).click();
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => page.locator('#sidebar').evaluate((s) => s.classList.contains('open'))).toBe(false);
    await expect(page.locator('main').evaluate((m) => (m as HTMLElement).inert)).resolves.toBe(false);
    await page.locator('main').getByRole('link', { name: 'your first task' }).click();
    await page.waitForURL('**/tasks/first-task/');
    await context.close();
  });
});

describe('tabs on the reader\'s OS', () => {
  /** A page in a browser that says it runs on `os`, as Chromium's own user agent override does. */
  async function pageOn(os: 'Windows' | 'macOS' | 'Linux'): Promise<{ page: Page; context: BrowserContext }> {
    const { page, context } = await newPage(site);
    const platform = { Windows: 'Win32', macOS: 'MacIntel', Linux: 'Linux x86_64' }[os];
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setUserAgentOverride', {
      userAgent: await page.evaluate(() => navigator.userAgent),
      platform,
      userAgentMetadata: { platform: os, platformVersion: '', architecture: 'x86', model: '', mobile: false, brands: [] },
    });
    return { page, context };
  }
  const selected = (page: Page) => page.locator('[data-tabs]').evaluateAll((groups) => groups.map((g) => g.querySelector('[aria-selected="true"]')?.textContent));
  const shown = (page: Page) => page.locator('[data-tabs]').evaluateAll((groups) => groups.map((g) => [...g.querySelectorAll<HTMLElement>('.tab-panel')].filter((p) => p.offsetHeight > 0).map((p) => p.dataset.label)));

  for (const [os, first, second] of [['Windows', 'Windows', 'Windows'], ['macOS', 'macOS', 'Linux'], ['Linux', 'Linux', 'Linux']] as const) {
    it(`opens every group on ${os} for a reader on ${os}, where the group has it`, async () => {
      const { page, context } = await pageOn(os);
      await page.goto(`${site.url}/start/setup/`);
      // The second group has no macOS tab, so it keeps its first.
      await expect(selected(page)).resolves.toEqual([first, second]);
      await expect(shown(page)).resolves.toEqual([[first], [second]]);
      // A guess is not a choice: nothing is stored until the reader picks a tab.
      await expect(page.evaluate(() => localStorage.getItem('dg-tab'))).resolves.toBeNull();
      await context.close();
    });
  }

  it('lets the reader\'s choice win over their OS, on this page and the next', async () => {
    const { page, context } = await pageOn('Windows');
    await page.goto(`${site.url}/start/setup/`);
    await page.locator('[data-tabs]').first().getByRole('tab', { name: 'Linux' }).click();
    await expect(selected(page)).resolves.toEqual(['Linux', 'Linux']);
    await page.reload();
    await expect(selected(page)).resolves.toEqual(['Linux', 'Linux']);
    await context.close();
  });

  it('lays a group out as tabs before the page script runs, so it does not jump when it does', async () => {
    const { page, context } = await newPage(site);
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(`${site.url}/start/setup/`);
    const group = page.locator('[data-tabs]').first();
    // Without the script (still on its way): the tablist, the first panel, no labels.
    await expect(group.getByRole('tab').allTextContents()).resolves.toEqual(['Linux', 'macOS', 'Windows']);
    await expect(shown(page)).resolves.toEqual([['Linux'], ['Linux']]);
    await expect(group.locator('.tab-label').first().isVisible()).resolves.toBe(false);
    const without = await group.evaluate((g) => g.getBoundingClientRect().height);
    await page.unroute('**/_astro/*.js');
    await page.reload();
    await expect(shown(page)).resolves.toEqual([['Linux'], ['Linux']]);
    expect(await group.evaluate((g) => g.getBoundingClientRect().height)).toBe(without);
    await context.close();
  });
});

describe('the theme toggle', () => {
  const toggle = (page: Page) => page.locator('[data-theme-toggle]');
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const WHITE = 'rgb(255, 255, 255)';
  const DARK = 'rgb(13, 17, 23)';

  for (const os of ['light', 'dark'] as const) {
    const other = os === 'dark' ? 'light' : 'dark';
    it(`starts on auto with a ${os} OS, then goes ${other}, ${os} and back to auto, each click changing the page, saying which`, async () => {
      const { page, context } = await newPage(site, { colorScheme: os });
      await page.goto(`${site.url}/start/setup/`);
      const colour = { light: WHITE, dark: DARK };
      const auto = { name: 'Theme: automatic, as your system', icon: 'theme-auto', background: colour[os] };
      const steps = [
        { ...auto, stored: null },
        { name: `Theme: ${other}`, icon: `theme-${other}`, background: colour[other], stored: other },
        { name: `Theme: ${os}`, icon: `theme-${os}`, background: colour[os], stored: os },
        { ...auto, stored: '' },
      ];
      for (const [i, step] of steps.entries()) {
        if (i > 0) await toggle(page).click();
        await expect(page.getByRole('button', { name: step.name }).count()).resolves.toBe(1);
        // One icon shows, the current choice's, with its name as a tooltip.
        const visible = await toggle(page).locator(':scope > span').evaluateAll((spans) => spans.filter((s) => (s as HTMLElement).offsetWidth > 0).map((s) => [s.className, s.getAttribute('title')]));
        expect(visible).toEqual([[step.icon, step.name]]);
        await expect(background(page)).resolves.toBe(step.background);
        await expect(page.evaluate(() => localStorage.getItem('dg-theme'))).resolves.toBe(step.stored);
        if (i > 0) await expect(page.locator('[aria-live="polite"]').textContent()).resolves.toBe(step.name);
      }
      await context.close();
    });
  }

  it('keeps a choice across pages, and auto follows the OS as it changes', async () => {
    const { page, context } = await newPage(site, { colorScheme: 'light' });
    await page.goto(`${site.url}/start/setup/`);
    await toggle(page).click();
    await page.goto(`${site.url}/tasks/first-task/`);
    await expect(background(page)).resolves.toBe(DARK);
    await page.getByRole('button', { name: 'Theme: dark' }).click();
    await page.getByRole('button', { name: 'Theme: light' }).click();
    await page.getByRole('button', { name: 'Theme: automatic, as your system' }).waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(background(page)).resolves.toBe(DARK);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(background(page)).resolves.toBe(WHITE);
    await page.reload();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBeUndefined();
    await context.close();
  });
});

describe('Copy page as Markdown', () => {
  for (const width of [1280, 320]) {
    it(`copies the guide's Markdown copy and says so (${width} px)`, async () => {
      const { page, context, errors } = await newPage(site, { width, permissions: ['clipboard-read', 'clipboard-write'] });
      await page.goto(`${site.url}/start/setup/`);
      const button = page.getByRole('button', { name: 'Copy page as Markdown' });
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await button.click();
      await page.locator('[aria-live="polite"]', { hasText: 'Page copied as Markdown' }).waitFor({ state: 'attached' });
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const markdown = await (await fetch(`${site.url}/start/setup/index.md`)).text();
      expect(copied).toBe(markdown);
      expect(copied).toMatch(/^# Setting up\n/);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('is not shown where no script runs to copy', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/start/setup/`);
    await expect(page.locator('[data-copy-page]').isVisible()).resolves.toBe(false);
    await context.close();
  });
});

describe('the keyboard shortcuts sheet', () => {
  const sheet = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  it('opens on "?", lists the keys, and closes on Escape, its Close button and a click beside it', async () => {
    const { page, context, errors } = await newPage(site);
    await page.goto(`${site.url}/start/setup/`);
    await page.keyboard.press('?');
    await expect(sheet(page).isVisible()).resolves.toBe(true);
    const rows = await sheet(page).locator('dt').evaluateAll((dts) => dts.map((dt) => `${dt.textContent!.replace(/\s+/g, ' ').trim()}: ${dt.nextElementSibling!.textContent}`));
    expect(rows).toEqual(['/ or Ctrl+K or ⌘+K: Search the guide', '?: Show these shortcuts', 'Esc: Close a dialog or the menu']);
    await page.keyboard.press('Escape');
    await expect(sheet(page).isVisible()).resolves.toBe(false);
    await page.keyboard.press('?');
    await sheet(page).getByRole('button', { name: 'Close' }).click();
    await expect(sheet(page).isVisible()).resolves.toBe(false);
    await page.keyboard.press('?');
    await page.mouse.click(20, 850);
    await expect(sheet(page).isVisible()).resolves.toBe(false);
    // The same where the browser does not know closedby="any" yet (Safari): the script closes it.
    await page.locator('[data-keys-dialog]').evaluate((d) => d.removeAttribute('closedby'));
    await page.keyboard.press('?');
    await page.mouse.click(1260, 20);
    await expect(sheet(page).isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('stays shut while the reader types a "?" in a field', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/no-such-page/`);
    await page.getByRole('searchbox').fill('');
    await page.getByRole('searchbox').press('?');
    await expect(page.getByRole('searchbox').inputValue()).resolves.toBe('?');
    await expect(sheet(page).isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('fits a 320 px window', async () => {
    const { page, context } = await newPage(site, { width: 320 });
    await page.goto(`${site.url}/`);
    await page.keyboard.press('?');
    const box = (await sheet(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    // Nothing in it reaches past its edge.
    const past = await sheet(page).evaluate((d) => [...d.querySelectorAll('dt, dd, kbd, button')].filter((el) => el.getBoundingClientRect().right > d.getBoundingClientRect().right).map((el) => el.textContent));
    expect(past).toEqual([]);
    await context.close();
  });
});
