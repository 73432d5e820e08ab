/**
 * Wide tables scroll sideways inside a wrapper instead of widening the page. A region that
 * scrolls must be reachable from the keyboard (WCAG 2.1.1), so each wrapper is focusable and named
 * after the heading the table sits under: `<div class="table-wrap" role="region" tabindex="0"
 * aria-label="Table: Options">`. A table already inside a `.table-wrap` (the data tables) gets the
 * same attributes on that wrapper.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from '../lib/visit.ts';
import { translator } from '../i18n/index.ts';

export interface Options {
  /** The site's language (site.yaml `lang`), for the regions' names. */
  lang?: string;
}

const HEADING = /^h[1-6]$/;

function isWrap(node: Element | Root): node is Element {
  return node.type === 'element' && node.tagName === 'div' && ((node.properties.className as string[] | undefined) ?? []).includes('table-wrap');
}

/** rehype plugin: keyboard-reachable scroll wrappers around tables. */
export default function rehypeTableScroll(options: Options = {}) {
  const t = translator(options.lang);
  return (tree: Root) => {
    let heading = '';
    visit(tree, 'element', (node: Element, index, parent) => {
      if (HEADING.test(node.tagName)) {
        heading = toString(node).replace(/#$/, '').trim();
        return;
      }
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const label = heading ? t('table.label.heading', { heading }) : t('table.label');
      const attributes = { role: 'region', tabIndex: 0, ariaLabel: label };
      if (isWrap(parent as Element | Root)) {
        Object.assign((parent as Element).properties, attributes);
        return;
      }
      const wrap: Element = { type: 'element', tagName: 'div', properties: { className: ['table-wrap'], ...attributes }, children: [node] };
      (parent.children as ElementContent[])[index] = wrap;
    });
  };
}
