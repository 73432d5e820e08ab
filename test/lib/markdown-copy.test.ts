import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { guideMarkdown } from '../../src/lib/markdown-copy.ts';
import { absoluteUrl, markdownUrl } from '../../src/lib/page-links.ts';
import { createMarkdownProcessor, renderPage } from '../../src/render/markdown.ts';

const page = { title: 'Setting up', url: '/start/setup/' };
const SITE = 'https://guide.example.org';

describe('the Markdown copy of a guide', () => {
  it('is published as index.md beside the page', () => {
    expect(markdownUrl('/start/setup/')).toBe('/start/setup/index.md');
    expect(markdownUrl('/')).toBe('/index.md');
  });

  it('leaves out the frontmatter and puts the title on top as a # heading', () => {
    expect(guideMarkdown(page, '---\ntitle: Setting up\n---\n\nClone it.\n', SITE)).toBe('# Setting up\n\nClone it.\n');
  });

  it('keeps the file\'s own # heading when it gives the title, wherever the frontmatter names it', () => {
    expect(guideMarkdown(page, '# Setting up\n\nClone it.\n')).toBe('# Setting up\n\nClone it.\n');
    expect(guideMarkdown(page, '---\ntitle: Setting up\n---\n# Setting up\n\nClone it.\n')).toBe('# Setting up\n\nClone it.\n');
  });

  it('points links where the renderer pointed them, then makes them absolute', () => {
    const text = '---\ntitle: Setting up\n---\n\nSee [help](../help.md#chat "Help"), ![logo](img/logo.png) and [a ref][r].\n\n[r]: <../other page.md>\n';
    const linkTargets = [
      { line: 5, column: 5, written: '../help.md#chat', href: '/start/help/#chat' },
      { line: 5, column: 37, written: 'img/logo.png', href: '/start/img/logo.png' },
      { line: 5, column: 63, written: '../other%20page.md', href: '/start/other-page/' },
    ];
    expect(guideMarkdown({ ...page, linkTargets }, text, SITE)).toBe(
      `# Setting up\n\nSee [help](${SITE}/start/help/#chat "Help"), ![logo](${SITE}/start/img/logo.png) and [a ref][r].\n\n[r]: ${SITE}/start/other-page/\n`,
    );
  });

  it('resolves other relative links and fragments against the page, root-relative without the site\'s URL', () => {
    const text = 'Read [below](#more), [the index](/tasks/) and [a sibling](../help/).\n';
    expect(guideMarkdown(page, text)).toBe('# Setting up\n\nRead [below](/start/setup/#more), [the index](/tasks/) and [a sibling](/start/help/).\n');
  });

  it('leaves absolute URLs, autolinks, code and link-like text as written', () => {
    const text = 'Go to <https://example.org/a>, https://example.org/b, [x](https://example.org/c) or [mail](mailto:a@b.c).\n\n`[y](/z/)` and\n\n```\n[y](/z/)\n```\n\n[^1]: A footnote.\n\nA note.[^1]\n';
    expect(guideMarkdown(page, text, SITE)).toBe(`# Setting up\n\n${text}`);
  });

  it('leaves a link to a page elsewhere in the tree alone when the renderer did not rewrite it', () => {
    expect(guideMarkdown({ ...page, linkTargets: [{ line: 1, column: 1, written: 'other.md', href: '/x/' }] }, '[a](b.md)\n', SITE)).toBe(`# Setting up\n\n[a](${SITE}/start/setup/b.md)\n`);
  });
});

describe('the Markdown copy the renderer writes', () => {
  it('is the copy guideMarkdown makes from the file, with the links the renderer resolved, taken from the tree it parsed anyway', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'devguide-copy-'));
    mkdirSync(path.join(root, 'start'));
    for (const name of ['setup.md', 'help.md']) writeFileSync(path.join(root, 'start', name), '# A page\n');
    const text = '# Setting up {#top}\n\nSee [help](help.md#chat), [a ref][r], [up](../) and ![logo](img/logo.png).\n\n:::note\nInside [a note](help.md).\n:::\n\n[r]: ./help.md\n';
    const file = path.join(root, 'start', 'setup.md');
    const processor = createMarkdownProcessor({ links: { root, rootRelative: true } });
    const rendered = await renderPage(processor, { file, body: text, titleFromHeading: true, copy: { url: '/start/setup/', title: 'Setting up', siteUrl: SITE } });
    expect(rendered.markdown).toBe(
      `# Setting up {#top}\n\nSee [help](${SITE}/start/help/#chat), [a ref][r], [up](${SITE}/) and ![logo](${SITE}/start/img/logo.png).\n\n:::note\nInside [a note](${SITE}/start/help/).\n:::\n\n[r]: ${SITE}/start/help/\n`,
    );
    const targets = [...rendered.links.flatMap((l) => (l.written ? [{ ...l, written: l.written }] : [])), ...(rendered.resolved ?? [])];
    expect(rendered.markdown).toBe(guideMarkdown({ title: 'Setting up', url: '/start/setup/', linkTargets: targets }, text, SITE));
  });

  it('is left out when the input does not ask for it', async () => {
    const rendered = await renderPage(createMarkdownProcessor(), { file: 'a.md', body: 'Text.\n' });
    expect(rendered.markdown).toBeUndefined();
  });
});

describe('absoluteUrl', () => {
  it('resolves against the page and keeps URLs that have a scheme', () => {
    expect(absoluteUrl('../b/?q=1#c', '/a/x/', SITE)).toBe(`${SITE}/a/b/?q=1#c`);
    expect(absoluteUrl('../b/', '/a/x/')).toBe('/a/b/');
    expect(absoluteUrl('mailto:a@b.c', '/a/', SITE)).toBe('mailto:a@b.c');
    expect(absoluteUrl('//cdn.example.org/x', '/a/', SITE)).toBe('//cdn.example.org/x');
  });
});
