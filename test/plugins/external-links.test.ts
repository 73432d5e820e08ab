/** rehype-external-links with the site's own address, which the fixture loop does not set. */
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor, renderPage } from '../../src/render/markdown.ts';

async function render(body: string, siteUrl?: string, lang?: string): Promise<string> {
  return (await renderPage(createMarkdownProcessor({ siteUrl, lang }), { file: 'input.md', body })).html;
}

describe('rehype-external-links', () => {
  it('leaves absolute links to the site\'s own host unmarked, and marks other hosts', async () => {
    const html = await render('[here](https://guide.example.org/a/) and [there](https://guide.example.org:8443/a/), [elsewhere](https://example.org/).', 'https://guide.example.org');
    expect(html).toContain('<a href="https://guide.example.org/a/">here</a>');
    expect(html).toContain('<a href="https://guide.example.org:8443/a/" data-external="">there<span class="visually-hidden" data-pagefind-ignore=""> (opens another site)</span></a>');
    expect(html).toContain('<a href="https://example.org/" data-external="">elsewhere');
  });

  it('does not count the words it adds into a heading\'s table-of-contents entry', async () => {
    const page = await renderPage(createMarkdownProcessor({}), { file: 'input.md', body: '## About [PEP 8](https://peps.python.org/pep-0008/)\n' });
    expect(page.headings).toEqual([{ depth: 2, id: 'about-pep-8', text: 'About PEP 8' }]);
    expect(page.html).toContain('(opens another site)');
  });
});
