/**
 * Gives every heading a GitHub-style id and a self-link, and records the headings of the table of
 * contents in `file.data.headings`: the body's two top levels, h2 and h3, or h1 and h2 when the
 * body's sections are h1s (notes whose title is one h1 among several). Either pair is recorded as
 * depth 2 and 3, the levels the table of contents shows. An id written in Markdown (`## Foo
 * {#foo.bar}`, remark-heading-ids) is kept as written.
 */
import GithubSlugger, { slug as plainSlug } from 'github-slugger';
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';
import { translator } from '../i18n/index.ts';
import type { Heading } from '../lib/rendered.ts';
import { EXPLICIT_ID } from './remark-heading-ids.ts';

export type { Heading };

declare module 'vfile' {
  interface DataMap {
    headings: Heading[];
    /** The id of the title's heading, which the page header shows (remark-title). */
    titleId: string;
  }
}

const HEADING = /^h([1-6])$/;

/**
 * Ids the page around a guide already uses (src/layouts, src/components, the guide page, and the
 * tab buttons and panels that src/scripts/page.ts adds). A heading never takes one of them, or
 * the page would have two elements with one id: `## Main` becomes `#main-1`.
 */
export const LAYOUT_IDS: readonly string[] = ['main', 'top', 'sidebar', 'toc-title', 'search-dialog-input', 'search-dialog-status', 'search-dialog-filters', 'keys-title'];
const LAYOUT_ID_PATTERN = /^(?:tab|panel)-\d+-\d+$/;

export interface Options {
  /** Ids a heading may not take; the layout's by default. */
  reservedIds?: readonly string[];
  /** The site's language (site.yaml `lang`), for the self-links' names. */
  lang?: string;
}

const emptyOptions: Options = {};

/** rehype plugin: heading ids, self-links, and the list of headings. */
export default function rehypeHeadingLinks(options: Options = emptyOptions) {
  const reserved = new Set(options.reservedIds ?? LAYOUT_IDS);
  const t = translator(options.lang);
  return (tree: Root, file: VFile) => {
    const github = new GithubSlugger();
    const slugger = {
      // Asking again for the same text gives the next free suffix (`main-1`, `main-2` …).
      slug(value: string, maintainCase?: boolean): string {
        // A heading of punctuation or emoji alone slugs to nothing: it becomes `section`, `section-1` …
        const text = plainSlug(value, maintainCase) ? value : 'section';
        let id = github.slug(text, maintainCase);
        while (reserved.has(id) || LAYOUT_ID_PATTERN.test(id)) id = github.slug(text, maintainCase);
        return id;
      },
      // An id the author wrote stays as written, with a suffix only when the page already has it.
      explicit(written: string): string {
        let id = written;
        for (let n = 1; id in github.occurrences || reserved.has(id) || LAYOUT_ID_PATTERN.test(id); n++) id = `${written}-${n}`;
        github.occurrences[id] = 0;
        return id;
      },
    };
    const headings: Heading[] = [];
    // The title's heading comes first on the page, so it takes its id before any other heading.
    if (file.data.titleExplicitId) file.data.titleId = slugger.explicit(file.data.titleExplicitId);
    else if (file.data.titleText !== undefined) file.data.titleId = slugger.slug(file.data.titleText);
    visit(tree, 'element', (node: Element, index, parent) => {
      const match = HEADING.exec(node.tagName);
      if (!match || !parent || index === undefined) return;
      if ((node.properties.className as string[] | undefined)?.includes('sr-only')) return;
      const text = toString(node).trim();
      const written = typeof node.properties.id === 'string' ? node.properties.id : '';
      const explicit = node.properties[EXPLICIT_ID] !== undefined;
      delete node.properties[EXPLICIT_ID];
      // A raw HTML heading's id (`<h2 id="Build Options">`) becomes a slug that keeps its case.
      const id = !written ? slugger.slug(text) : explicit ? slugger.explicit(written) : slugger.slug(written, true);
      node.properties.id = id;
      headings.push({ depth: Number(match[1]), id, text });
      const link: ElementContent = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['anchor'], href: `#${id}`, ariaLabel: t('heading.link', { heading: text }), dataPagefindIgnore: '' },
        children: [{ type: 'text', value: '#' }],
      };
      parent.children.splice(index, 1, {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading'] },
        children: [node, link],
      });
      return index + 1;
    });
    // A lone h1 before every other heading is a title left in the body (the title came from
    // frontmatter), not a section: the page keeps its h2/h3 contents.
    const h1s = headings.filter((h) => h.depth === 1);
    const top = h1s.length > 1 || (h1s.length === 1 && headings[0] !== h1s[0]) ? 1 : 2;
    file.data.headings = headings.filter((h) => h.depth === top || h.depth === top + 1).map((h) => ({ ...h, depth: h.depth - top + 2 }));
  };
}
