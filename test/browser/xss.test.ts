/**
 * Stored XSS (issue 15, findings 1–3): a site built from every script-carrying input the hardening
 * review found is loaded in Chromium under its own `_headers`, and nothing may run. The build must
 * also warn at each removal, and allow by hash only the layout's own inline scripts.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutScriptHashes, scriptHash } from '../../src/lib/security-headers.ts';
import { buildFixture, newPage, openSite, ROOT, type Site } from '../support/browser.ts';

/** Each payload, when it runs, calls alert() and sets window.pwned. */
const RUN = 'window.pwned=1;alert(1)';
const PAYLOADS = [
  `<div><template shadowrootmode="open"><script>${RUN}</script><img src=x onerror="${RUN}"></template></div>`,
  `[a link](/start/setup/ "<script>${RUN}</script>")`,
  `<p style="background:url(javascript:${RUN})">styled</p>`,
  `<svg><a><animate attributeName="href" values="javascript:${RUN}"/><text y="20">click</text></a></svg>`,
  `<svg><set attributeName="onmouseover" to="${RUN}"/><rect width="99" height="99"/></svg>`,
  `<a id="tab" href="java&#x09;script:${RUN}">tab in the scheme</a>`,
  `[markdown link](javascript:${RUN.replace(/[()]/g, '')})`,
  `<img src="/missing.png" onerror="${RUN}">`,
  `<iframe srcdoc="<script>${RUN}</script>"></iframe>`,
  `<form action="javascript:${RUN}"><button id="submit">Send</button></form>`,
  `<math><mi xlink:href="javascript:${RUN}">x</mi></math>`,
];

let out: string;
let output: string;
let site: Site;
beforeAll(async () => {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-xss-')), 'content');
  cpSync(path.join(ROOT, 'test/fixtures/basic'), content, { recursive: true });
  writeFileSync(
    path.join(content, 'guides/start/xss.md'),
    `---\ntitle: Hostile page\ndescription: '</script><script>${RUN}</script>'\nlevel: newcomer\n---\n\n${PAYLOADS.join('\n\n')}\n`,
  );
  const built = buildFixture(content);
  expect(built.status, built.stderr).toBe(0);
  out = built.out;
  output = built.stdout + built.stderr;
  site = await openSite(out);
});
afterAll(async () => {
  await site?.close();
});

describe('script in content', () => {
  it('is removed with an unsafe-html warning at each place', () => {
    const warnings = [...output.matchAll(/xss\.md:(\d+):\d+ {2}warning {2}unsafe-html\n {2}(.*)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(warnings.join('\n')).toMatch(/^7 Removed the <template> element and everything inside it/m);
    expect(warnings.join('\n')).toMatch(/^11 Removed the "style" attribute from <p>/m);
    expect(warnings.join('\n')).toMatch(/^13 Removed the <animate> element/m);
    expect(warnings.join('\n')).toMatch(/^15 Removed the <set> element/m);
    expect(warnings.join('\n')).toMatch(/^17 Removed a "javascript:" URL from <a>/m);
    expect(warnings.join('\n')).toMatch(/^21 Removed the "onerror" attribute from <img>/m);
    expect(warnings.join('\n')).toMatch(/^23 Removed the <iframe> element/m);
    expect(warnings.join('\n')).toMatch(/^25 Removed the <form> element/m);
  });

  it('gets no hash in _headers: every hash is one of the layout\'s own inline scripts, and every inline script on every page has one', () => {
    const headers = readFileSync(path.join(out, '_headers'), 'utf8');
    const hashes = [...headers.matchAll(/'sha256-[^']+'/g)].map((m) => m[0]).sort();
    expect(hashes).toEqual(layoutScriptHashes());
    const inline = new Set<string>();
    const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    for (const file of pages) {
      visit(fromHtml(readFileSync(path.join(out, file), 'utf8')), 'element', (node: Element) => {
        if (node.tagName === 'script' && !node.properties.src) inline.add(scriptHash(toString(node)));
      });
    }
    expect([...inline].sort()).toEqual(layoutScriptHashes());
  });

  it('runs nothing in Chromium under the site\'s own policy: no dialog, no global set, even when clicked and hovered', async () => {
    const { page, context, errors } = await newPage(site);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`${site.url}/start/xss/`);
    await page.hover('svg rect').catch(() => {});
    await page.click('#tab', { timeout: 2000 }).catch(() => {});
    await page.goto(`${site.url}/start/xss/`);
    await page.click('text=markdown link', { timeout: 2000 }).catch(() => {});
    await page.goto(`${site.url}/start/xss/`);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    // No shadow root was declared, and no <template> is left in the guide's content (the layout has its own).
    expect(await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => el.shadowRoot).length)).toBe(0);
    expect(await page.locator('article template').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
