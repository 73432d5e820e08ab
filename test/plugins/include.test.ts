/**
 * mdBook's `{{#include}}`, rendered by the real pipeline from a guide in a real folder of files
 * (the fixtures in include/ cover what needs no files: escaped includes and running text). This
 * file sits beside include/ because every entry of that folder is read as a fixture case.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { includedPaths } from '../../src/plugins/remark-include.ts';
import { createMarkdownProcessor, renderPage } from '../../src/render/markdown.ts';
import { renderPages } from '../../src/render/render.ts';

/** A book folder: guide/page.md (written by each test), snippets/ and a file outside the book. */
function book(): { dir: string; page: string; write: (name: string, text: string) => void } {
  const top = mkdtempSync(path.join(tmpdir(), 'devguide-include-'));
  const dir = path.join(top, 'book');
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  };
  write('snippets/lines.txt', 'one\ntwo\nthree\nfour\nfive\n');
  write('snippets/anchors.rs', ['// ANCHOR: all', 'fn main() {', '    // ANCHOR: body', '    let x = 1;', '    // ANCHOR_END: body', '    println!("{x}");', '}', '/* ANCHOR_END: all */', ''].join('\n'));
  write('snippets/setup.md', '## Set up\n\nRun `make`, then:\n\n```text\n{{#include lines.txt:1}}\n```\n');
  write('snippets/broken.md', 'Intro.\n\n{{#include nowhere.md}}\n');
  write('snippets/a.md', '{{#include b.md}}\n');
  write('snippets/b.md', 'B.\n\n{{#include a.md}}\n');
  for (let i = 0; i < 12; i++) write(`deep/${i}.md`, `Level ${i}.\n\n{{#include ${i + 1}.md}}\n`);
  write('deep/12.md', 'The bottom.\n');
  writeFileSync(path.join(top, 'secret.txt'), 'secret\n');
  return { dir, page: path.join(dir, 'guide', 'page.md'), write };
}

const fixture = book();

const processors = { open: createMarkdownProcessor(), rooted: createMarkdownProcessor({ includeRoot: fixture.dir }) };

async function render(body: string, options: { rooted?: boolean } = {}) {
  const page = await renderPage(options.rooted ? processors.rooted : processors.open, { file: fixture.page, body });
  const code: string[] = [];
  visit(fromHtml(page.html, { fragment: true }), 'element', (node: Element) => {
    if (node.tagName === 'pre') code.push(toString(node).replace(/\n$/, ''));
  });
  const diagnostics = page.diagnostics.map((d) => formatDiagnostic(d, (f) => path.relative(fixture.dir, f)).replaceAll(fixture.dir, '<book>'));
  return { ...page, code, diagnostics };
}

const fence = (include: string) => `Text.\n\n\`\`\`text\n${include}\n\`\`\`\n`;

describe('{{#include}} in a code block', () => {
  it.each([
    ['the whole file', '../snippets/lines.txt', 'one\ntwo\nthree\nfour\nfive'],
    ['only line 2 with :2', '../snippets/lines.txt:2', 'two'],
    ['line 2 to the end with :2:', '../snippets/lines.txt:2:', 'two\nthree\nfour\nfive'],
    ['lines up to 2 with ::2', '../snippets/lines.txt::2', 'one\ntwo'],
    ['lines 2 to 4 with :2:4', '../snippets/lines.txt:2:4', 'two\nthree\nfour'],
    ['the lines of an anchor', '../snippets/anchors.rs:body', '    let x = 1;'],
    ['the lines of an anchor without the markers of anchors nested in it', '../snippets/anchors.rs:all', 'fn main() {\n    let x = 1;\n    println!("{x}");\n}'],
  ])('includes %s', async (_, target, text) => {
    const page = await render(fence(`{{#include ${target}}}`));
    expect(page.diagnostics).toEqual([]);
    expect(page.code).toEqual([text]);
  });

  it('reads {{#rustdoc_include}} like {{#include}}', async () => {
    expect((await render(fence('{{#rustdoc_include ../snippets/lines.txt:2:3}}'))).code).toEqual(['two\nthree']);
  });

  it('replaces the include within the code around it, in an indented block too', async () => {
    const page = await render('Text.\n\n    before\n    {{#include ../snippets/lines.txt:5}}\n    after\n');
    expect(page.code).toEqual(['before\nfive\nafter']);
  });

  it('shows an escaped include as written, without the backslash', async () => {
    const page = await render(`\\{{#include ../snippets/lines.txt}}\n\n${fence('\\{{#include ../snippets/lines.txt:1}}')}`);
    expect(page.html).toContain('<p>{{#include ../snippets/lines.txt}}</p>');
    expect(page.code).toEqual(['{{#include ../snippets/lines.txt:1}}']);
    expect(page.diagnostics).toEqual([]);
  });
});

describe('{{#include}} as a paragraph of its own', () => {
  it('renders the included Markdown in its place, with its own includes relative to it', async () => {
    const page = await render('# Guide\n\nBefore.\n\n{{#include ../snippets/setup.md}}\n\nAfter.\n');
    expect(page.diagnostics).toEqual([]);
    expect(page.headings).toEqual([{ depth: 2, id: 'set-up', text: 'Set up' }]);
    expect(page.html).toMatch(/<p>Before\.<\/p>\n<div class="heading"><h2 id="set-up">.*<p>Run <code>make<\/code>, then:<\/p>/s);
    expect(page.code).toEqual(['one']);
    expect(page.html.indexOf('Run <code>make')).toBeLessThan(page.html.indexOf('After.'));
  });

  it('expands a paragraph of several include lines, inside a block quote too', async () => {
    const page = await render('> {{#include ../snippets/lines.txt:1}}\n> {{#include ../snippets/lines.txt:2}}\n');
    expect(page.html).toBe('<blockquote>\n<p>one</p>\n<p>two</p>\n</blockquote>');
  });

  it('warns about an include in running text and leaves it as written', async () => {
    const page = await render('See {{#include ../snippets/lines.txt}} here.\n');
    expect(page.html).toBe('<p>See {{#include ../snippets/lines.txt}} here.</p>');
    expect(page.diagnostics).toEqual([
      'guide/page.md:1:5  warning  broken-include\n  "{{#include ../snippets/lines.txt}}" is in running text, where it is left as written: only an include that is a paragraph of its own or sits in a code block is expanded.\n  Fix: Put it on a line of its own with a blank line before and after, or in a code block; write \\{{#include ../snippets/lines.txt}} to show it as written.',
    ]);
  });

  it('may read outside the guide\'s folder tree when no include root is set', async () => {
    expect((await render(fence('{{#include ../../secret.txt}}'))).code).toEqual(['secret']);
  });
});

describe('a broken include', () => {
  it.each([
    [
      'a missing file, with the closest name',
      fence('{{#include ../snippets/lines.text}}'),
      'guide/page.md:4:1  error  broken-include\n  The file "../snippets/lines.text" that this include reads does not exist.\n  Fix: did you mean "../snippets/lines.txt"? The path is relative to the folder of the Markdown file that holds the include.',
    ],
    [
      'an unknown anchor, with the closest one',
      '- A list:\n\n  ```rust\n  {{#include ../snippets/anchors.rs:bdy}}\n  ```\n',
      'guide/page.md:4:3  error  broken-include\n  "../snippets/anchors.rs" has no anchor "bdy".\n  Fix: did you mean "body"? Mark the lines in the file with the comments ANCHOR: bdy and ANCHOR_END: bdy.',
    ],
    [
      'a line range past the end of the file',
      '{{#include ../snippets/lines.txt:4:9}}\n',
      'guide/page.md:1:1  error  broken-include\n  The include asks for lines 4–9 of "../snippets/lines.txt", which has 5 lines.\n  Fix: Ask for lines within 1–5, or mark the lines with ANCHOR: name and ANCHOR_END: name comments and include "../snippets/lines.txt:name", which keeps working when the file changes.',
    ],
    [
      'a line past the end of the file',
      fence('{{#include ../snippets/lines.txt:6}}'),
      'guide/page.md:4:1  error  broken-include\n  The include asks for line 6 of "../snippets/lines.txt", which has 5 lines.\n  Fix: Ask for lines within 1–5, or mark the lines with ANCHOR: name and ANCHOR_END: name comments and include "../snippets/lines.txt:name", which keeps working when the file changes.',
    ],
    [
      'a broken include inside an included file, at the include that brought it in',
      'Text.\n\n{{#include ../snippets/broken.md}}\n',
      'guide/page.md:3:1  error  broken-include\n  In ../snippets/broken.md:3:1 (included here): The file "nowhere.md" that this include reads does not exist.\n  Fix: The path is relative to the folder of the Markdown file that holds the include.',
    ],
    [
      'files that include each other',
      '{{#include ../snippets/a.md}}\n',
      'guide/page.md:1:1  error  broken-include\n  In ../snippets/a.md:1:1 (included here): In ../snippets/b.md:3:1 (included here): "a.md" includes itself: ../snippets/a.md → ../snippets/b.md → ../snippets/a.md.\n  Fix: Remove one of the includes in the cycle.',
    ],
  ])('reports %s', async (_, body, expected) => {
    expect((await render(body)).diagnostics).toEqual([expected]);
  });

  it('reports a path that leads outside the include root, and does not read it', async () => {
    const page = await render(fence('{{#include ../../secret.txt}}'), { rooted: true });
    expect(page.code).toEqual(['{{#include ../../secret.txt}}']);
    expect(page.diagnostics).toEqual([
      'guide/page.md:4:1  error  broken-include\n  The include "../../secret.txt" leads outside <book>, the folder includes may read from.\n  Fix: Move the file into that folder (the git repository, else the content folder), or include a copy of it.',
    ]);
  });

  it('stops including after 10 levels', async () => {
    const page = await render('{{#include ../deep/0.md}}\n');
    expect(page.html).toContain('Level 9.');
    expect(page.html).not.toContain('Level 10.');
    expect(page.diagnostics).toHaveLength(1);
    expect(page.diagnostics[0]).toMatch(/^guide\/page\.md:1:1 {2}error {2}broken-include\n {2}In \.\.\/deep\/0\.md:3:1 \(included here\): .*In \.\.\/deep\/9\.md:3:1 \(included here\): Includes are nested more than 10 levels deep here\./);
  });
});

describe('the render cache and includes', () => {
  it('lists the files a page includes, from its folder, leaving out escaped ones', () => {
    const body = '{{#include ../snippets/a.md}}\n\n```\n{{#rustdoc_include ../snippets/lines.txt:2}}\n\\{{#include skipped.txt}}\n```\n';
    expect(includedPaths(body, fixture.page)).toEqual([path.join(fixture.dir, 'snippets/a.md'), path.join(fixture.dir, 'snippets/lines.txt')]);
  });

  it('renders a page again when a file it includes changes', async () => {
    const { page, write } = book();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'devguide-include-cache-'));
    const input = { file: page, body: fence('{{#include ../snippets/lines.txt:1}}') };
    const run = () => renderPages([input], { pipeline: {}, cacheDir, workers: 0 });
    expect((await run()).stats).toMatchObject({ rendered: 1, cached: 0 });
    expect((await run()).stats).toMatchObject({ rendered: 0, cached: 1 });
    write('snippets/lines.txt', 'uno\ntwo\n');
    const edited = await run();
    expect(edited.stats).toMatchObject({ rendered: 1, cached: 0 });
    expect(edited.pages[0]!.html).toContain('uno');
  });
});
