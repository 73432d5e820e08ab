/**
 * A folder of Markdown with no site.yaml, read as GitHub would show it: the cases the three
 * imported fixtures (test/import) do not cover.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { loadSite } from '../../src/lib/site.ts';
import { contentFolder } from '../support/content.ts';

const where = (dir: string, d: { file: string; line: number; column: number; severity: string; code: string }) => `${path.relative(dir, d.file)}:${d.line}:${d.column} ${d.severity} ${d.code}`;

describe('a folder of Markdown', () => {
  it('orders a folder by frontmatter order, then numeric prefix, then title', () => {
    const dir = contentFolder({ 'b.md': '# Beta\n', 'a.md': '# Alpha\n', '02-two.md': '# Two\n', '10-ten.md': '# Ten\n', 'z.md': '---\norder: 1\n---\n# Zed\n' }, false);
    const { nav } = loadContent(dir);
    expect(nav![0]!.items.map((i) => i.title)).toEqual(['Zed', 'Two', 'Ten', 'Alpha', 'Beta']);
  });

  it('lists a folder that has no README on a generated page, linked from the sidebar and breadcrumbs', async () => {
    const dir = contentFolder({ 'README.md': '# Home\n', 'guides/setup.md': '# Setup\n', 'guides/deep/more.md': '# More\n' }, false);
    const site = await loadSite({ contentDir: dir });
    // A guides/ folder beside a README is an ordinary folder, not devguide's own layout.
    expect(site.diagnostics).toEqual([]);
    expect(site.listings.map((l) => [l.url, l.title, l.items.map((i) => i.url)])).toEqual([
      ['/guides/', 'Guides', ['/guides/deep/', '/guides/setup/']],
      ['/guides/deep/', 'Deep', ['/guides/deep/more/']],
    ]);
    expect(site.pages.find((p) => p.url === '/guides/deep/more/')!.crumbs).toEqual([
      { label: 'Guides', href: '/guides/' },
      { label: 'Deep', href: '/guides/deep/' },
    ]);
  });

  it('reports a README.md and an index.md in one folder, and a folder that would take a built-in page\'s URL', () => {
    const dir = contentFolder({ 'a/README.md': '# A\n', 'a/index.md': '# Also A\n', 'search/tips.md': '# Tips\n' }, false);
    const found = loadContent(dir).diagnostics.map((d) => where(dir, d));
    expect(found).toEqual(['a/README.md:1:1 error duplicate-url', 'search/tips.md:1:1 error duplicate-url']);
  });

  it('uses a SUMMARY.md at the root of a folder without book.toml', () => {
    const dir = contentFolder({ 'SUMMARY.md': '- [Second](b.md)\n- [First](a.md)\n', 'a.md': '# A\n', 'b.md': '# B\n' }, false);
    const { nav, guides } = loadContent(dir);
    expect(nav![0]!.items.map((i) => i.url)).toEqual(['/b/', '/a/']);
    expect(guides.map((g) => g.url).sort()).toEqual(['/a/', '/b/']);
  });

  it('reports a SUMMARY.md entry whose file does not exist, at its position', () => {
    const dir = contentFolder({ 'SUMMARY.md': '# Summary\n\n- [A](a.md)\n- [Gone](gone.md)\n', 'a.md': '# A\n' }, false);
    const [d] = loadContent(dir).diagnostics;
    expect(where(dir, d!)).toBe('SUMMARY.md:4:3 error broken-link');
    expect(d!.message).toBe('SUMMARY.md lists "gone.md", which does not exist.');
  });

  it('takes labels and order of sections from site.yaml when it lists them', () => {
    const dir = contentFolder({ 'site.yaml': 'sections:\n  - id: zeta\n    label: Last letter\n', 'alpha/a.md': '# A\n', 'zeta/z.md': '# Z\n' }, false);
    const { nav, site } = loadContent(dir);
    expect(nav!.map((s) => [s.id, s.label])).toEqual([
      ['zeta', 'Last letter'],
      ['alpha', 'Alpha'],
    ]);
    expect(site.title).toBe(path.basename(dir).replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()));
  });

  it('makes broken links, anchors and images warnings with linkCheck: warn in site.yaml', async () => {
    const dir = contentFolder({ 'site.yaml': 'linkCheck: warn\n', 'a.md': '# A\n\nSee [b](b.md), [c](#nothing) and ![x](x.png).\n' }, false);
    const site = await loadSite({ contentDir: dir });
    expect(site.diagnostics.map((d) => where(dir, d)).sort()).toEqual(['a.md:3:16 warning broken-anchor', 'a.md:3:34 warning broken-image', 'a.md:3:5 warning broken-link']);
  });

  it('reports a link that leaves the repository, which no host can serve', async () => {
    const dir = contentFolder({ 'a.md': '# A\n\n[secret](../../../../../../../../etc/passwd)\n' }, false);
    const site = await loadSite({ contentDir: dir });
    expect(site.diagnostics.map((d) => `${where(dir, d)} ${d.message.split(' (')[0]}`)).toEqual(['a.md:3:1 error broken-link Link "../../../../../../../../etc/passwd" points outside the repository']);
  });

  it('refuses to publish a file at a path the site uses for its own files', async () => {
    const dir = contentFolder({ 'a.md': '# A\n\n[page](index.html) and [index](pagefind/x.js)\n', 'index.html': '<p>x</p>', 'pagefind/x.js': '' }, false);
    const site = await loadSite({ contentDir: dir });
    expect(site.diagnostics.map((d) => where(dir, d))).toEqual(['a.md:3:1 error broken-link', 'a.md:3:24 error broken-link']);
    expect(site.assets).toEqual([]);
  });

  it('says what a Starlight project is and which folder to pass instead', () => {
    const dir = contentFolder({ 'astro.config.mjs': "import starlight from '@astrojs/starlight';\n", 'src/content/docs/index.mdx': '# Hi\n' }, false);
    const [d] = loadContent(dir).diagnostics;
    expect(d!.code).toBe('missing-content');
    expect(`${d!.message} ${d!.hint}`).toMatch(/Starlight[\s\S]*src\/content\/docs/);
  });
});
