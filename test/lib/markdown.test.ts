import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor, renderPage } from '../../src/render/markdown.ts';

const processor = createMarkdownProcessor();

describe('rendering a page', () => {
  it('collects every link with its position: inline, reference-style and raw HTML', async () => {
    const body = ['See [a](/tasks/a/) and [b][ref].', '', '<p>Raw <a href="/tasks/c/#x">c</a></p>', '', '[ref]: /tasks/b/#y', ''].join('\n');
    const page = await renderPage(processor, { file: 'x.md', body });
    expect(page.links).toEqual([
      { href: '/tasks/a/', line: 1, column: 5 },
      { href: '/tasks/b/#y', line: 1, column: 24 },
      { href: '/tasks/c/#x', line: 3, column: 8 },
    ]);
  });

  it('lists h2 and h3 headings for the table of contents and every id as an anchor', async () => {
    const page = await renderPage(processor, { file: 'x.md', body: '## One\n\n### Two\n\n#### Three\n\n<span id="custom"></span>\n' });
    expect(page.headings).toEqual([
      { depth: 2, id: 'one', text: 'One' },
      { depth: 3, id: 'two', text: 'Two' },
    ]);
    expect(page.anchors).toEqual(['one', 'two', 'three', 'custom']);
  });

  it('leaves out the # heading that supplied the title', async () => {
    const page = await renderPage(processor, { file: 'x.md', body: '# Title\n\nText.\n', titleFromHeading: true });
    expect(page.html).toBe('<p>Text.</p>');
  });
});
