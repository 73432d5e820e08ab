import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstHeading, loadContent, slugFromFileName, splitFrontmatter } from '../../src/lib/content.ts';
import { contentFolder, SITE_YAML } from '../support/content.ts';

const codes = (dir: string) => loadContent(dir).diagnostics.map((d) => `${path.relative(dir, d.file)}:${d.line}:${d.column} ${d.code}`);

describe('content model', () => {
  it('reads guides with their section, slug, URL and frontmatter', () => {
    const dir = contentFolder({ 'guides/tasks/First Task.md': '---\ntitle: First\nlevel: newcomer\norder: 2\ntags: [a]\n---\nBody.\n' });
    const { guides, diagnostics } = loadContent(dir);
    expect(diagnostics).toEqual([]);
    expect(guides[0]).toMatchObject({ section: 'tasks', slug: 'first-task', url: '/tasks/first-task/', title: 'First', frontmatter: { level: 'newcomer', order: 2, tags: ['a'], draft: false } });
  });

  it('takes the title from the first # heading when the frontmatter has none', () => {
    const dir = contentFolder({ 'guides/tasks/x.md': '```md\n# not this\n```\n\n# Real title\n\nText.\n' });
    const { guides } = loadContent(dir);
    expect(guides[0]).toMatchObject({ title: 'Real title', titleFromHeading: true });
  });

  it('keeps Markdown positions equal to file positions by blanking the frontmatter', () => {
    const { body, yaml } = splitFrontmatter('---\ntitle: A\n---\n# B\n');
    expect(yaml).toBe('title: A');
    expect(body.split('\n')[3]).toBe('# B');
  });

  it('reports invalid frontmatter YAML at its line', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '---\ntitle: A\nlevel: [unclosed\n---\nText\n' });
    expect(codes(dir)[0]).toMatch(/^guides\/tasks\/a\.md:\d+:\d+ invalid-frontmatter$/);
  });

  it('reports an unknown level at the value, with the closest level', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '---\ntitle: A\nlevel: contributer\n---\nText\n' });
    const [d] = loadContent(dir).diagnostics;
    expect(d).toMatchObject({ code: 'unknown-level', line: 3, column: 8 });
    expect(d!.hint).toContain('did you mean "contributor"?');
  });

  it('reports a misspelt frontmatter field with the field it resembles', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '---\ntitel: A\n---\n# A\n' });
    const [d] = loadContent(dir).diagnostics;
    expect(d).toMatchObject({ code: 'invalid-frontmatter', line: 2, column: 1 });
    expect(d!.hint).toBe('did you mean "title"?');
  });

  it('reports every unknown field of a mapping, each at its own position with the field it resembles', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '---\ntitel: A\nleval: core\ntagz: [x]\n---\n# A\n' });
    expect(loadContent(dir).diagnostics.map((d) => `${d.line}:${d.column} ${d.message} ${d.hint}`)).toEqual([
      '2:1 Unknown field "titel". did you mean "title"?',
      '3:1 Unknown field "leval". did you mean "level"?',
      '4:1 Unknown field "tagz". did you mean "tags"?',
    ]);
  });

  it('says that an order of 1e999 or .nan is not a finite number', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '---\norder: 1e999\n---\n# A\n', 'guides/tasks/b.md': '---\norder: .nan\n---\n# B\n' });
    expect(loadContent(dir).diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'a.md:2:8 "order" is Infinity, which is not a finite number.',
      'b.md:2:8 "order" is NaN, which is not a finite number.',
    ]);
  });

  it('titles a guide with neither a title nor a heading after its file name, made readable', () => {
    const dir = contentFolder({ 'guides/tasks/02-exception_handling.md': '---\nlevel: core\n---\nJust text.\n' });
    const { guides, diagnostics } = loadContent(dir);
    expect(diagnostics).toEqual([]);
    expect(guides[0]).toMatchObject({ title: 'Exception handling', url: '/tasks/exception-handling/', titleFromHeading: false });
  });

  it('reports two files that would share one URL', () => {
    const dir = contentFolder({ 'guides/tasks/Setup.md': '# A\n', 'guides/tasks/setup.md': '# B\n' });
    expect(codes(dir)).toEqual([expect.stringMatching(/^guides\/tasks\/[Ss]etup\.md:1:1 duplicate-url$/)]);
  });

  it('reports a section folder that site.yaml does not list, suggesting the closest section', () => {
    const dir = contentFolder({ 'guides/taks/a.md': '# A\n' });
    const [d] = loadContent(dir).diagnostics;
    expect(d).toMatchObject({ code: 'unknown-section' });
    expect(d!.hint).toContain('did you mean "tasks"?');
  });

  it('reports every problem at once', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '---\nlevel: nope\n---\nx\n', 'guides/tasks/b.md': '', 'guides/other/c.md': '# C\n' });
    expect(codes(dir).map((c) => c.split(' ')[1])).toEqual(expect.arrayContaining(['unknown-level', 'empty-file', 'unknown-section']));
  });

  it('reports an invalid site.yaml field with its position', () => {
    const dir = contentFolder({ 'site.yaml': 'title: T\nsections:\n  - id: Tasks Here\n    label: T\n', 'guides/x/a.md': '# A\n' }, false);
    const [d] = loadContent(dir).diagnostics;
    expect(d).toMatchObject({ code: 'invalid-site-config', line: 3, column: 9 });
  });

  it('reports a site url without a scheme, with a hint that adds https://', () => {
    const dir = contentFolder({ 'site.yaml': `url: localhost:4321\n${SITE_YAML}`, 'guides/tasks/a.md': '# A\n' }, false);
    const [d] = loadContent(dir).diagnostics;
    expect(d).toMatchObject({ code: 'invalid-site-config', line: 1, column: 6, message: '"url" is "localhost:4321", which is not an absolute http(s) URL.' });
    expect(d!.hint).toContain('"https://localhost:4321"');
  });

  it('reports every site.yaml URL field that is not http(s), javascript: included', () => {
    const site = ['url: guide.example.org', 'repository:', '  url: "javascript:alert(1)"', 'tracker: "mailto:x@y.org"', 'profileUrl: "{handle}"', SITE_YAML].join('\n');
    const dir = contentFolder({ 'site.yaml': site, 'guides/tasks/a.md': '# A\n' }, false);
    const found = loadContent(dir).diagnostics.map((d) => `${d.line}:${d.column} ${d.message} ${d.hint}`);
    expect(found).toEqual([
      '1:6 "url" is "guide.example.org", which is not an absolute http(s) URL. Write the full address, starting with "https://": "https://guide.example.org".',
      '3:8 "repository.url" is "javascript:alert(1)", which is not an absolute http(s) URL. Links here must start with "https://" (or "http://"); a "javascript:" URL cannot be used.',
      '4:10 "tracker" is "mailto:x@y.org", which is not an absolute http(s) URL. Links here must start with "https://" (or "http://"); a "mailto:" URL cannot be used.',
      '5:13 "profileUrl" is "{handle}", which is not an absolute http(s) URL. Write the full address, starting with "https://": "https://{handle}".',
    ]);
  });

  it('reports section ids that the site uses for its own pages, each at its position', () => {
    const site = 'title: T\nsections:\n  - id: experts\n    label: E\n  - id: guides\n    label: G\n  - id: search\n    label: S\n  - id: pagefind\n    label: P\n';
    const dir = contentFolder({ 'site.yaml': site, 'guides/guides/a.md': '# A\n' }, false);
    const found = loadContent(dir).diagnostics;
    expect(found.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['3:9 invalid-site-config', '7:9 invalid-site-config', '9:9 invalid-site-config']);
    expect(found[0]!.message).toBe('Section id is "experts", which the site uses for a built-in page (/experts/).');
    expect(found[0]!.hint).toBe('Choose another id, such as "experts-guides", and rename the folder guides/experts/ to match. Reserved ids: search, 404, experts, todo, _astro, pagefind, _devguide.');
  });

  it('reports a missing content folder', () => {
    expect(loadContent('/nonexistent/devguide').diagnostics[0]!.code).toBe('missing-content');
  });

  it('needs no site.yaml: the sections are the folders under guides/, named after them', () => {
    const dir = contentFolder({ 'guides/getting_started/a.md': '# A\n', 'guides/triage/b.md': '# B\n' }, false);
    const { site, guides, diagnostics } = loadContent(dir);
    expect(diagnostics).toEqual([]);
    expect(site.sections).toEqual([
      { id: 'getting_started', label: 'Getting started' },
      { id: 'triage', label: 'Triage' },
    ]);
    expect(site.title).toBe(path.basename(dir).replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()));
    expect(guides.map((g) => g.url)).toEqual(['/getting_started/a/', '/triage/b/']);
  });

  it('warns about folders inside a section and Markdown files that do not end in .md, which are not read', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '# A\n', 'guides/tasks/old/b.md': '# B\n', 'guides/tasks/c.markdown': '# C\n', 'guides/tasks/diagram.svg': '<svg/>' });
    const found = loadContent(dir);
    expect(found.guides.map((g) => g.url)).toEqual(['/tasks/a/']);
    expect(found.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`)).toEqual([
      'warning ignored-file c.markdown is not read: only .md files are guides.',
      'warning ignored-file guides/tasks/old/ is a folder inside a section; guides in it are not read.',
    ]);
  });

  it('says so when --content names a file, and points at its folder', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '# A\n' });
    const [d] = loadContent(path.join(dir, 'site.yaml')).diagnostics;
    expect(d!.message).toMatch(/site\.yaml" is a file; --content takes the folder that holds the Markdown \(or site\.yaml and guides\/\)/);
    expect(d!.hint).toBe(`Pass its folder instead: --content ${dir}`);
  });

  it('reports frontmatter that is opened but never closed, and nothing that follows from it', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '---\ntitle: A\nlevel: newcomer\n\nText with no closing line.\n' });
    expect(codes(dir)).toEqual(['guides/tasks/a.md:1:1 invalid-frontmatter']);
    expect(loadContent(dir).diagnostics[0]!.message).toContain('never closed');
  });

  it('reports invalid UTF-8 at the line of the bad byte, and a directory named like a guide', () => {
    const dir = contentFolder({});
    mkdirSync(path.join(dir, 'guides/tasks'), { recursive: true });
    writeFileSync(path.join(dir, 'guides/tasks/bad.md'), Buffer.concat([Buffer.from('# Title\n\nok ', 'utf8'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
    mkdirSync(path.join(dir, 'guides/tasks/folder.md'));
    expect(codes(dir)).toEqual(['guides/tasks/bad.md:3:4 unreadable-file', 'guides/tasks/folder.md:0:0 unreadable-file']);
  });

  it('makes URL slugs from file names, folding accents', () => {
    expect(slugFromFileName('Fixing Issues.md')).toBe('fixing-issues');
    expect(slugFromFileName('python_3.md')).toBe('python-3');
    expect(slugFromFileName('release-3.14.md')).toBe('release-3.14');
    expect(slugFromFileName('ünïcode.md')).toBe('unicode');
  });

  it('reports a file name that gives no URL, such as an emoji or a lone underscore or hyphen', () => {
    const dir = contentFolder({ 'guides/tasks/🚀.md': '# Rocket\n', 'guides/tasks/_.md': '# Under\n', 'guides/tasks/-.md': '# Dash\n', 'guides/tasks/ok.md': '# OK\n' });
    const { guides, diagnostics } = loadContent(dir);
    expect(diagnostics.map((d) => `${path.basename(d.file)} ${d.severity} ${d.code}`).sort()).toEqual(['-.md error invalid-file-name', '_.md error invalid-file-name', '🚀.md error invalid-file-name']);
    expect(diagnostics.find((d) => d.file.endsWith('🚀.md'))!.message).toBe('The file name "🚀.md" gives this guide no URL: it has no letter or digit.');
    expect(guides.map((g) => g.url)).toEqual(['/tasks/ok/']);
  });

  it('warns when characters of a file name are dropped, saying the URL the guide gets', () => {
    const dir = contentFolder({ 'guides/tasks/ünïcode.md': '# Accents\n', 'guides/tasks/setup 🚀.md': '# Rocket\n' });
    const { guides, diagnostics } = loadContent(dir);
    expect(guides.map((g) => g.url).sort()).toEqual(['/tasks/setup/', '/tasks/unicode/']);
    expect(diagnostics).toMatchObject([{ code: 'invalid-file-name', severity: 'warning', message: 'The file name "setup 🚀.md" has characters that cannot be in a URL; they were dropped, so this guide is published at /tasks/setup/.', hint: 'Rename the file to "setup.md" so its name and URL match.' }]);
  });

  it('skips hidden files and folders, such as editors\' temporary copies', () => {
    const dir = contentFolder({ 'guides/tasks/.hidden.md': '# Hidden\n', 'guides/tasks/..md': '# Dots\n', 'guides/tasks/.#a.md': 'lock', 'guides/.obsidian/notes.md': '# Notes\n', 'guides/tasks/a.md': '# A\n' });
    const { guides, diagnostics } = loadContent(dir);
    expect(diagnostics).toEqual([]);
    expect(guides.map((g) => g.url)).toEqual(['/tasks/a/']);
  });

  it('finds the first heading outside code fences', () => {
    expect(firstHeading('~~~\n# no\n~~~\n# Yes *really*\n')).toEqual({ text: 'Yes really', line: 4 });
  });

  it('leaves an mdBook id block out of a title that comes from the heading', () => {
    expect(firstHeading('# Configuration {#config}\n')).toEqual({ text: 'Configuration', line: 1 });
  });
});
