/**
 * A folder of Markdown with no site.yaml, read as GitHub would show it: the cases the three
 * imported fixtures (test/import) do not cover.
 */
import { spawnSync } from 'node:child_process';
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

  it('resolves a link that starts with / from the repository root, as GitHub does, and leaves site paths alone', async () => {
    const dir = contentFolder({ 'docs/guide/a.md': '# A\n\n[CLA](/CLA.md), [b](/docs/guide/b.md) and [home](/nowhere/)\n', 'docs/guide/b.md': '# B\n', 'CLA.md': '# CLA\n' }, false);
    spawnSync('git', ['init', '-q'], { cwd: dir });
    spawnSync('git', ['remote', 'add', 'origin', 'https://github.com/o/r.git'], { cwd: dir });
    const site = await loadSite({ contentDir: path.join(dir, 'docs') });
    const page = site.pages.find((p) => p.url === '/guide/a/')!;
    expect(page.html).toContain('href="https://github.com/o/r/blob/');
    expect(page.html).toMatch(/\/CLA\.md"/);
    expect(page.html).toContain('href="/guide/b/"');
    expect(site.diagnostics.map((d) => `${d.code} ${d.message.split('.')[0]}`)).toEqual(['broken-link Link "/nowhere/" points to no page']);
  });

  it('reads mdBook\'s links to the HTML it writes as links to the pages', async () => {
    const dir = contentFolder({ 'book.toml': '[book]\ntitle = "B"\n', 'src/SUMMARY.md': '- [A](a.md)\n- [B](sub/README.md)\n', 'src/a.md': '# A\n\n[b](sub/index.html) and [again](./sub/README.md) and [self](a.html#a)\n', 'src/sub/README.md': '# B\n' }, false);
    const site = await loadSite({ contentDir: dir });
    expect(site.diagnostics).toEqual([]);
    expect(site.pages.find((p) => p.url === '/a/')!.html).toMatch(/href="\/sub\/"[\s\S]*href="\/sub\/"[\s\S]*href="\/a\/#a"/);
  });

  it('ignores frontmatter keys other tools use, takes their order, and only warns about a wrong value', () => {
    const dir = contentFolder({ 'a.md': '---\ntitle: Alpha\nweight: 2\naliases: [/old/]\ntags: just-one\n---\nText.\n', 'b.md': '---\nsidebar_position: 1\n---\n# Beta\n' }, false);
    const { guides, nav, diagnostics } = loadContent(dir);
    expect(diagnostics.map((d) => `${where(dir, d)} ${d.message}`)).toEqual(['a.md:5:7 warning invalid-frontmatter "tags" must be a list, not string "just-one". It is left out.']);
    expect(guides.find((g) => g.url === '/a/')!.frontmatter).toMatchObject({ title: 'Alpha', order: 2, tags: [] });
    expect(nav![0]!.items.map((i) => i.title)).toEqual(['Beta', 'Alpha']);
  });

  it('does not publish a Markdown file that another one includes, nor a book\'s 404.md', () => {
    const dir = contentFolder({ 'book.toml': '[book]\n', 'src/SUMMARY.md': '- [A](a.md)\n', 'src/a.md': '# A\n\n{{#include parts/shared.md}}\n', 'src/parts/shared.md': 'Shared text.\n', 'src/404.md': '# Not found\n' }, false);
    const { guides, diagnostics } = loadContent(dir);
    expect(diagnostics).toEqual([]);
    expect(guides.map((g) => g.url)).toEqual(['/a/']);
  });

  it('orders a folder by the links of its README, before numeric prefixes and titles', () => {
    const dir = contentFolder({ 'README.md': '# Home\n\n1. [Zed](z.md)\n2. [The folder](sub/)\n3. [Alpha](a.md)\n', 'a.md': '# Alpha\n', 'z.md': '# Zed\n', 'sub/x.md': '# X\n', 'm.md': '# Middle\n' }, false);
    const { nav } = loadContent(dir);
    expect(nav!.map((s) => [s.label, s.items.map((i) => i.title)])).toEqual([
      ['Home', ['Zed', 'Alpha', 'Middle']],
      ['Sub', ['X']],
    ]);
  });

  it('gives each suffix chapter of a book a section of its own, after the parts', () => {
    const dir = contentFolder({ 'book.toml': '[book]\n', 'src/SUMMARY.md': '# Summary\n\n- [A](a.md)\n\n# Part\n\n- [B](b.md)\n\n---\n\n[Glossary](glossary.md)\n', 'src/a.md': '# A\n', 'src/b.md': '# B\n', 'src/glossary.md': '# Glossary\n' }, false);
    const { nav } = loadContent(dir);
    expect(nav!.map((s) => [s.label, s.url, s.items.map((i) => i.url)])).toEqual([
      [path.basename(dir).replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()), undefined, ['/a/']],
      ['Part', undefined, ['/b/']],
      ['Glossary', '/glossary/', []],
    ]);
  });
});
