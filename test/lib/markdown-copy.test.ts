import { describe, expect, it } from 'vitest';
import { absoluteUrl, guideMarkdown, markdownUrl } from '../../src/lib/markdown-copy.ts';

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

describe('absoluteUrl', () => {
  it('resolves against the page and keeps URLs that have a scheme', () => {
    expect(absoluteUrl('../b/?q=1#c', '/a/x/', SITE)).toBe(`${SITE}/a/b/?q=1#c`);
    expect(absoluteUrl('../b/', '/a/x/')).toBe('/a/b/');
    expect(absoluteUrl('mailto:a@b.c', '/a/', SITE)).toBe('mailto:a@b.c');
    expect(absoluteUrl('//cdn.example.org/x', '/a/', SITE)).toBe('//cdn.example.org/x');
  });
});
