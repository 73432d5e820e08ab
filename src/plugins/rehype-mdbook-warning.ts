/**
 * mdBook's warning block, `<div class="warning">…</div>` written as raw HTML in the Markdown,
 * renders as devguide's warning: the `caution` admonition titled "Warning", the same aside GitHub's
 * `> [!WARNING]` becomes (src/plugins/remark-github-alerts.ts), so a book reads the same here.
 * The div is raw HTML, so it is an element only after rehype-raw; Markdown inside it (separated by
 * blank lines, as CommonMark HTML blocks need) is already rendered by then.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from '../lib/visit.ts';
import { translator } from '../i18n/index.ts';

export interface Options {
  /** The site's language (site.yaml `lang`), for the title. */
  lang?: string;
}

/** Elements that make a div's content blocks already; anything else is wrapped in a paragraph. */
const BLOCKS = new Set(['address', 'aside', 'blockquote', 'details', 'div', 'dl', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'ol', 'p', 'pre', 'section', 'table', 'ul']);

const classes = (node: Element): string[] => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

/** The div's children as blocks: a one-line `<div class="warning">Text</div>` gets its paragraph. */
function blocks(children: ElementContent[]): ElementContent[] {
  if (children.some((c) => c.type === 'element' && BLOCKS.has(c.tagName))) return children;
  const blank = (c: ElementContent) => c.type === 'text' && !c.value.trim();
  const content = children.filter((c, i) => !(blank(c) && (i === 0 || i === children.length - 1)));
  return content.length ? [h('p', content)] : [];
}

/** rehype plugin: turns mdBook's `div.warning` into a warning admonition. */
export default function rehypeMdbookWarning(options: Options = {}) {
  const t = translator(options.lang);
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'div' || !classes(node).includes('warning')) return;
      node.tagName = 'aside';
      // Other attributes (an id to link to) stay; the classes become the admonition's.
      node.properties = { ...node.properties, className: ['admonition', 'caution'] };
      node.children = [h('p.admonition-title', t('alert.warning')), ...blocks(node.children)];
    });
  };
}
