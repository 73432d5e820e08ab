/** remark-parse-lean builds the tree remark-parse builds, with every plugin's syntax extensions. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkParseLean, { hasAutolinkText, mayStartTable } from '../../src/plugins/remark-parse-lean.ts';
import { remarkPlugins } from '../../src/plugins/index.ts';
import { createMarkdownProcessor, renderPage } from '../../src/render/markdown.ts';

const root = path.resolve(import.meta.dirname, '../..');
const plain = unified().use(remarkParse).use(remarkPlugins({})).freeze();
const lean = unified().use(remarkParseLean).use(remarkPlugins({})).freeze();
const tree = (processor: { parse(doc: string): unknown }, doc: string) => JSON.stringify(processor.parse(doc));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(dir, name));
}

/** Documents strung together from pieces that make and break tables, containers and literal autolinks. */
function generatedDocuments(count: number, seed: number): string[] {
  const tableLines = ['| a | b |\n', '|---|:-:|\n', 'a | b\n', '-|-\n', ':-\n'];
  const pieces = [...tableLines, ...tableLines, ...tableLines, '|', ' | ', 'a', 'b c', '-', '--', ':', ':-', '-:', ' ', '\t', '> ', '- ', '1. ', 'www.x.com', 'WWW.Y.org', 'http://x.y', 'HTTPS://e.com/p', 'a@b.co', 'x.y@z.com', '[a](b)', '[a]', '[', ']', '![i](j)', '_x_', '*y*', '`c`', '\\|', '\n', '\n', '\n', '\n\n', '\r\n', '\r', '```\n', '    ', '<b>', '~~s~~', '[^1]', '[^1]: n\n', '- [ ] ', '::: note\n', ':::\n', '## h', '\\', '&amp;', '&#64;', 'www\\.x.com', 'a\\@b.co', 'mailto:a@b.co', 'xmpp:a@b.co/d', 'x&#x77;ww.y.z'];
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  return Array.from({ length: count }, () => Array.from({ length: 3 + Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));
}

describe('remark-parse-lean', () => {
  it('builds the same tree as remark-parse for every Markdown file of the bundled guide and the tests', () => {
    const files = [...markdownFiles(path.join(root, 'content')), ...markdownFiles(path.join(root, 'test'))];
    expect(files.length).toBeGreaterThan(100);
    const differing = files.filter((file) => {
      const doc = readFileSync(file, 'utf8');
      return tree(plain, doc) !== tree(lean, doc);
    });
    expect(differing).toEqual([]);
  });

  it('builds the same tree for thousands of generated documents full of tables, containers and literal autolinks', () => {
    const docs = generatedDocuments(4000, 7);
    const trees = docs.map((doc) => tree(plain, doc));
    // The generator makes what the parser drops or guards, so the comparison covers it.
    expect(trees.filter((t) => t.includes('"type":"table"')).length).toBeGreaterThan(200);
    expect(trees.filter((t) => t.includes('"url":"mailto:')).length).toBeGreaterThan(200);
    expect(trees.filter((t) => t.includes('"url":"http://www.')).length).toBeGreaterThan(200);
    const differing = docs.filter((doc, i) => tree(lean, doc) !== trees[i]);
    expect(differing).toEqual([]);
  });

  it('still renders a one-column table without a pipe, and a body row without one', async () => {
    const render = async (body: string) => (await renderPage(createMarkdownProcessor({}), { file: 'input.md', body })).html;
    expect(await render('a\n:-\nb\n')).toMatch(/<table>[\s\S]*<th[^>]*>a<\/th>[\s\S]*<td[^>]*>b<\/td>/);
    expect(await render('| a | b |\n| - | - |\nplain row\n')).toMatch(/<td>plain row<\/td>/);
  });
});

describe('hasAutolinkText', () => {
  it('finds an @, www. or http(s):// in any text node, in any case', () => {
    const para = (value: string) => ({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value }] }] }] });
    for (const value of ['mail a@b.co', 'see WWW.example.org', 'at HTTPS://example.org', 'at http://example.org']) expect(hasAutolinkText(para(value))).toBe(true);
    for (const value of ['plain prose', 'www dot', 'http: no slashes']) expect(hasAutolinkText(para(value))).toBe(false);
  });

  it('keeps the autolink an @ from a character reference makes, which the raw text does not show', async () => {
    const html = (await renderPage(createMarkdownProcessor({}), { file: 'input.md', body: 'Write to a&#64;example.org.\n' })).html;
    expect(html).toContain('<a href="mailto:a@example.org">a@example.org</a>');
  });
});

describe('mayStartTable', () => {
  it('is true when the line or the next one holds a pipe, or the next one a colon', () => {
    expect(mayStartTable('a | b\n- | -\n', 0)).toBe(true);
    expect(mayStartTable('a\n| - |\n', 0)).toBe(true);
    expect(mayStartTable('a\n:-\n', 0)).toBe(true);
    expect(mayStartTable('a\r\n:-\r\n', 0)).toBe(true);
  });

  it('is false for prose, a setext heading, and a pipe two lines down', () => {
    expect(mayStartTable('Some words: here.\nMore words.\n| a |', 0)).toBe(false);
    expect(mayStartTable('Title\n-----\n', 0)).toBe(false);
    expect(mayStartTable('a\n\n| a |\n', 0)).toBe(false);
  });

  it('reads from the offset it is given', () => {
    expect(mayStartTable('x | y\nprose\nmore\n', 6)).toBe(false);
  });
});
