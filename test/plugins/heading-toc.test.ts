/**
 * The table of contents lists the two top heading levels a page's body uses, as depth 2 and 3
 * (what src/components/Toc.astro shows), and headings written with `{#id}` keep that id there and
 * in the page header.
 */
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor, renderPage } from '../../src/render/markdown.ts';

const processor = createMarkdownProcessor();
const render = (body: string, titleFromHeading = true) => renderPage(processor, { file: 'page.md', body, titleFromHeading });

describe('table of contents', () => {
  it('lists h1 and h2 sections when the body below the title uses h1s', async () => {
    const page = await render(['Compiler design', '===============', '', 'Intro.', '', 'Parsing', '=======', '', '## Tokens', '', '### Detail', '', 'Code generation', '===============', ''].join('\n'));
    expect(page.headings).toEqual([
      { depth: 2, id: 'parsing', text: 'Parsing' },
      { depth: 3, id: 'tokens', text: 'Tokens' },
      { depth: 2, id: 'code-generation', text: 'Code generation' },
    ]);
    expect(page.titleId).toBe('compiler-design');
  });

  it('lists h2 and h3 on an ordinary page, as before', async () => {
    const page = await render('# Guide\n\n## Setup\n\n### Linux\n\n#### Details\n\n## Usage\n');
    expect(page.headings).toEqual([
      { depth: 2, id: 'setup', text: 'Setup' },
      { depth: 3, id: 'linux', text: 'Linux' },
      { depth: 2, id: 'usage', text: 'Usage' },
    ]);
  });

  it('does not count a title left in the body as a section', async () => {
    const page = await render('# Guide\n\n## Setup\n\n### Linux\n', false);
    expect(page.headings.map((h) => [h.depth, h.text])).toEqual([[2, 'Setup'], [3, 'Linux']]);
  });

  it('uses ids written in Markdown, for sections and for the title', async () => {
    const page = await render('# Configuration {#config}\n\n## rust-analyzer.assist.emitMustUse {#assist.emitMustUse}\n\n## Config {#config}\n');
    expect(page.titleId).toBe('config');
    expect(page.headings).toEqual([
      { depth: 2, id: 'assist.emitMustUse', text: 'rust-analyzer.assist.emitMustUse' },
      { depth: 2, id: 'config-1', text: 'Config' },
    ]);
    expect(page.html).not.toContain('{#');
    expect(page.html).not.toContain('data-explicit-id');
  });
});
