import { describe, expect, it } from 'vitest';
import { prefixOrder, readableName, urlForPath } from '../../src/lib/url-path.ts';
import { webUrl } from '../../src/lib/git-repo.ts';
import { parseSummary } from '../../src/lib/summary.ts';
import { navOrder, pruneNav, sectionWindow, trail, type NavSection } from '../../src/lib/nav.ts';

describe('URLs from paths', () => {
  it('follow the folders, lowercased, with spaces and underscores as hyphens', () => {
    expect(urlForPath('contributing/First Patch.md')).toBe('/contributing/first-patch/');
    expect(urlForPath('dev_guide/build_tools.md')).toBe('/dev-guide/build-tools/');
  });

  it('drop punctuation as GitHub does for heading ids, fold accents, and keep only ASCII', () => {
    expect(urlForPath('C++ & Rust (notes).md')).toBe('/c-rust-notes/');
    expect(urlForPath('Ünïcode/Café.md')).toBe('/unicode/cafe/');
    expect(urlForPath('FAQ: why?.md')).toBe('/faq-why/');
  });

  it('drop a numeric prefix that only orders files and folders, but keep numbers that are names', () => {
    expect(urlForPath('01-intro/02-build.md')).toBe('/intro/build/');
    expect(urlForPath('notes/3.14-changes.md')).toBe('/notes/3.14-changes/');
    expect(urlForPath('2to3.md')).toBe('/2to3/');
    expect(prefixOrder('10_review.md')).toBe(10);
    expect(prefixOrder('review.md')).toBeUndefined();
  });

  it('make README.md and index.md their folder\'s page, and the root one the home page', () => {
    expect(urlForPath('contributing/README.md')).toBe('/contributing/');
    expect(urlForPath('a/b/index.md')).toBe('/a/b/');
    expect(urlForPath('README.md')).toBe('/');
    expect(urlForPath('a/b')).toBe('/a/b/');
  });

  it('give a title from a file name when a page has no heading', () => {
    expect(readableName('02-exception_handling.md')).toBe('Exception handling');
    expect(readableName('gc')).toBe('Gc');
  });
});

describe('the web address of a git remote', () => {
  it('reads scp-style, ssh and https remotes, and never keeps credentials', () => {
    expect(webUrl('git@github.com:python/cpython.git')).toBe('https://github.com/python/cpython');
    expect(webUrl('ssh://git@gitlab.com:2222/group/sub/project.git')).toBe('https://gitlab.com/group/sub/project');
    expect(webUrl('https://user:ghp_secret@github.com/python/devguide.git')).toBe('https://github.com/python/devguide');
    expect(webUrl('https://github.com/python/devguide/')).toBe('https://github.com/python/devguide');
  });

  it('has none for a local path or a file: remote', () => {
    expect(webUrl('/srv/git/project.git')).toBeUndefined();
    expect(webUrl('file:///srv/git/project.git')).toBeUndefined();
    expect(webUrl('../project')).toBeUndefined();
  });
});

describe('SUMMARY.md', () => {
  const summary = [
    '# Summary',
    '',
    '[Introduction](README.md)',
    '',
    '- [Guide](guide/README.md)',
    '    - [Nested](guide/nested.md)',
    '',
    '# Reference',
    '',
    '- [Commands](ref/commands.md)',
    '- [Not written yet]()',
    '',
    '---',
    '',
    '[Contributors](CONTRIBUTORS.md)',
  ].join('\n');

  it('gives prefix chapters and the first part, then a part per title, and a part of its own for each suffix chapter', () => {
    const parts = parseSummary(summary);
    expect(parts.map((p) => [p.label, p.items.map((i) => i.title), p.suffix])).toEqual([
      [undefined, ['Introduction', 'Guide'], undefined],
      ['Reference', ['Commands', 'Not written yet'], undefined],
      [undefined, ['Contributors'], true],
    ]);
    expect(parts[0]!.items[1]!.children).toMatchObject([{ title: 'Nested', path: 'guide/nested.md', line: 6, column: 7 }]);
  });

  it('lists a draft chapter without a path', () => {
    expect(parseSummary(summary)[1]!.items[1]).toEqual({ title: 'Not written yet', line: 11, column: 3, children: [] });
  });
});

describe('the navigation tree', () => {
  const nav: NavSection[] = [
    { id: 'a', label: 'A', url: '/a/', items: [{ title: 'One', url: '/a/one/', children: [{ title: 'Deep', url: '/a/one/deep/', children: [] }] }, { title: 'Draft', children: [] }] },
    { id: 'b', label: 'B', items: [{ title: 'Two', url: '/b/two/', children: [] }] },
  ];

  it('reads depth first for the reading order', () => {
    expect(navOrder(nav)).toEqual(['/a/', '/a/one/', '/a/one/deep/', '/b/two/']);
  });

  it('gives the trail above a page for its breadcrumbs', () => {
    expect(trail(nav, '/a/one/deep/')).toEqual([
      { label: 'A', href: '/a/' },
      { label: 'One', href: '/a/one/' },
    ]);
    expect(trail(nav, '/b/two/')).toEqual([{ label: 'B', href: undefined }]);
  });

  it('moves the children of a pruned entry up into its place', () => {
    expect(pruneNav(nav[0]!.items, (url) => url !== '/a/one/')).toEqual([
      { title: 'Deep', url: '/a/one/deep/', children: [] },
      { title: 'Draft', children: [] },
    ]);
  });
});

describe("the sidebar's sections", () => {
  const sections = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}` }));
  const ids = (w: { shown: Array<{ id: string }> }) => w.shown.map((s) => s.id).join(' ');

  it('are all of them up to the limit', () => {
    expect(sectionWindow(sections, 's3', 10)).toEqual({ shown: sections, hidden: 0 });
  });

  it('are the limit around the current one beyond it, kept inside the list at its ends', () => {
    expect(ids(sectionWindow(sections, 's5', 4))).toBe('s3 s4 s5 s6');
    expect(ids(sectionWindow(sections, 's0', 4))).toBe('s0 s1 s2 s3');
    expect(ids(sectionWindow(sections, 's9', 4))).toBe('s6 s7 s8 s9');
    expect(sectionWindow(sections, 's9', 4).hidden).toBe(6);
  });

  it('are the first ones on a page outside every section', () => {
    expect(ids(sectionWindow(sections, undefined, 3))).toBe('s0 s1 s2');
  });
});
