/**
 * Gives every heading a GitHub-style id and a self-link, and records h2/h3 for the table of
 * contents in `file.data.headings`.
 */
import GithubSlugger, { slug as plainSlug } from 'github-slugger';
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { translator } from '../i18n/index.ts';
import type { Heading } from '../lib/rendered.ts';

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
export const LAYOUT_IDS: readonly string[] = ['main', 'top', 'sidebar', 'toc-title', 'search-dialog-input', 'search-dialog-status'];
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
    };
    const headings: Heading[] = [];
    // The title's heading comes first on the page, so it takes its id before any other heading.
    if (file.data.titleText !== undefined) file.data.titleId = slugger.slug(file.data.titleText);
    visit(tree, 'element', (node: Element, index, parent) => {
      const match = HEADING.exec(node.tagName);
      if (!match || !parent || index === undefined) return;
      if ((node.properties.className as string[] | undefined)?.includes('sr-only')) return;
      const text = toString(node).trim();
      const id = typeof node.properties.id === 'string' && node.properties.id ? slugger.slug(node.properties.id, true) : slugger.slug(text);
      node.properties.id = id;
      const depth = Number(match[1]);
      if (depth === 2 || depth === 3) headings.push({ depth, id, text });
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
    file.data.headings = headings;
  };
}
