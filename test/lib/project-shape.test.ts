import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFolder, readBookToml, shapeMessage } from '../../src/lib/project-shape.ts';

/** A temporary folder holding `files` (path → text; a path ending in / is an empty folder). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'devguide-shape-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (name.endsWith('/')) mkdirSync(file, { recursive: true });
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  return dir;
}

describe('describeFolder', () => {
  it('recognises a devguide content folder by guides/ or by site.yaml', () => {
    expect(describeFolder(folder({ 'guides/': '' }))).toEqual({ kind: 'devguide' });
    expect(describeFolder(folder({ 'site.yaml': 'title: T\n' }))).toEqual({ kind: 'devguide' });
    expect(shapeMessage({ kind: 'devguide' }, 'docs')).toBeUndefined();
  });

  it('recognises an mdBook and reads its source folder and title from book.toml', () => {
    const dir = folder({ 'book.toml': '[book]\ntitle = "The Guide"\nauthors = ["Ada", "Grace"]\nsrc = "pages"\n\n[output.html]\n', 'pages/SUMMARY.md': '# Summary\n' });
    expect(describeFolder(dir)).toEqual({ kind: 'mdbook', src: 'pages', title: 'The Guide' });
    expect(readBookToml(path.join(dir, 'book.toml'))).toEqual({ title: 'The Guide', src: 'pages', authors: ['Ada', 'Grace'] });
    expect(shapeMessage(describeFolder(dir), dir)).toBeUndefined();
  });

  it('takes src/ as an mdBook\'s source folder when book.toml names none, and says where a broken book.toml is wrong', () => {
    const dir = folder({ 'book.toml': '[book]\nlanguage = "en"\n', 'src/SUMMARY.md': '' });
    expect(describeFolder(dir)).toEqual({ kind: 'mdbook', src: 'src' });
    const broken = folder({ 'book.toml': '[book]\ntitle = "unclosed\n' });
    expect(readBookToml(path.join(broken, 'book.toml')).error).toMatch(/book\.toml:2:\d+: /);
    expect(describeFolder(broken)).toEqual({ kind: 'mdbook', src: 'src' });
  });

  it('points a Starlight project at src/content/docs, found by its Astro config or by the folder itself', () => {
    const byConfig = folder({ 'astro.config.mjs': "import starlight from '@astrojs/starlight';\nexport default {};\n", 'README.md': '# Site\n' });
    const byFolder = folder({ 'src/content/docs/index.mdx': '# Home\n' });
    expect(describeFolder(byConfig)).toEqual({ kind: 'starlight', suggestion: 'src/content/docs' });
    expect(describeFolder(byFolder)).toEqual({ kind: 'starlight', suggestion: 'src/content/docs' });
    expect(shapeMessage(describeFolder(byConfig), 'site')).toEqual({
      message: 'site looks like an Astro Starlight project; its Markdown is in src/content/docs/.',
      hint: 'Pass --content site/src/content/docs.',
    });
  });

  it('points a Docusaurus project at docs/, though it holds Markdown', () => {
    const dir = folder({ 'docusaurus.config.ts': 'export default {};\n', 'docs/intro.md': '# Intro\n', 'README.md': '# Site\n' });
    expect(describeFolder(dir)).toEqual({ kind: 'docusaurus', suggestion: 'docs' });
    expect(shapeMessage(describeFolder(dir), 'website')).toEqual({
      message: 'website looks like a Docusaurus project; its Markdown is in docs/.',
      hint: 'Pass --content website/docs.',
    });
  });

  it('says that a Sphinx project is reStructuredText, which devguide does not read, and where its sources are', () => {
    const top = folder({ 'conf.py': 'project = "x"\n', 'index.rst': 'X\n=\n', 'usage.rst': '', 'api/module.rst': '' });
    expect(describeFolder(top)).toEqual({ kind: 'sphinx', suggestion: '.', rst: 3 });
    expect(shapeMessage(describeFolder(top), 'doc')).toEqual({
      message: 'doc looks like a Sphinx project (conf.py and index.rst, 3 .rst files); devguide reads Markdown, not reStructuredText.',
      hint: 'Convert the pages to Markdown (for example `pandoc -f rst -t gfm page.rst -o page.md`), then pass --content doc.',
    });
    const split = folder({ 'Makefile': '', 'source/conf.py': '', 'source/index.rst': '' });
    expect(describeFolder(split)).toEqual({ kind: 'sphinx', suggestion: 'source', rst: 1 });
    expect(shapeMessage(describeFolder(split), 'doc')?.hint).toContain('then pass --content doc/source.');
  });

  it('counts Markdown at any depth, leaving out node_modules, hidden folders and mdBook output', () => {
    const dir = folder({
      'README.md': '',
      'setup/install.md': '',
      'setup/deep/er/notes.MD': '',
      'setup/picture.png': '',
      'node_modules/pkg/README.md': '',
      '.git/description.md': '',
      '.github/ISSUE_TEMPLATE/bug.md': '',
      'manual/book.toml': '[book]\n',
      'manual/src/intro.md': '',
      'manual/book/intro.md': '',
    });
    expect(describeFolder(dir)).toEqual({ kind: 'markdown', count: 4 });
    expect(shapeMessage({ kind: 'markdown', count: 4 }, 'x')).toBeUndefined();
  });

  it('lists what a folder without Markdown holds, and what to pass instead', () => {
    const dir = folder({ 'package.json': '{}', 'a.mdx': '', 'b.mdx': '', 'c.mdx': '', 'notes/x.rst': '', 'logo.svg': '' });
    const shape = describeFolder(dir);
    expect(shape).toEqual({ kind: 'empty', found: ['.mdx files: 3', '.rst files: 1', 'a package.json'] });
    expect(shapeMessage(shape, 'site')).toEqual({
      message: 'site holds no Markdown (.md) files. Found: .mdx files: 3, .rst files: 1, a package.json.',
      hint: 'devguide reads .md files, not MDX: rename the .mdx pages that use no components to .md. Pass --content the folder that holds your Markdown guides (.md files, at any depth).',
    });
  });

  it('says an empty folder holds no Markdown, and tells a missing folder from a file', () => {
    const dir = folder({});
    expect(describeFolder(dir)).toEqual({ kind: 'empty', found: [] });
    expect(shapeMessage(describeFolder(dir), 'docs')?.message).toBe('docs holds no Markdown (.md) files.');
    expect(describeFolder(path.join(dir, 'nowhere'))).toEqual({ kind: 'missing', isFile: false });
    writeFileSync(path.join(dir, 'file.md'), '');
    expect(describeFolder(path.join(dir, 'file.md'))).toEqual({ kind: 'missing', isFile: true });
    expect(shapeMessage({ kind: 'missing', isFile: true }, 'file.md')?.message).toBe('file.md is a file, not a folder.');
  });
});
