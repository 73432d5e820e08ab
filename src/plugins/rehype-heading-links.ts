/**
 * Gives every heading a GitHub-style id and a self-link, and records h2/h3 for the table of
 * contents in `file.data.headings`.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface Heading {
  depth: number;
  id: string;
  text: string;
}

declare module 'vfile' {
  interface DataMap {
    headings: Heading[];
  }
}

const HEADING = /^h([1-6])$/;

/** remark plugin: heading ids, self-links, and the list of headings. */
export default function rehypeHeadingLinks() {
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    const headings: Heading[] = [];
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
        properties: { className: ['anchor'], href: `#${id}`, ariaLabel: `Link to this section: ${text}`, dataPagefindIgnore: '' },
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
