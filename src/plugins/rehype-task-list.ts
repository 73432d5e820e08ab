/**
 * GFM task-list checkboxes have no label, which screen readers announce as an unnamed control;
 * each gets its item's text as its accessible name.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from '../lib/visit.ts';
import { translator } from '../i18n/index.ts';

export interface Options {
  /** The site's language (site.yaml `lang`), for the checkboxes' names. */
  lang?: string;
}

/** rehype plugin: labels task-list checkboxes. */
export default function rehypeTaskList(options: Options = {}) {
  const t = translator(options.lang);
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li' || !(node.properties.className as string[] | undefined)?.includes('task-list-item')) return;
      const box = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'input') ??
        node.children.flatMap((c) => (c.type === 'element' && c.tagName === 'p' ? c.children : [])).find((c): c is Element => c.type === 'element' && c.tagName === 'input');
      if (!box) return;
      const text = toString(node).trim().replace(/\s+/g, ' ');
      box.properties.ariaLabel = t(box.properties.checked ? 'task.done' : 'task.todo', { item: text.length > 80 ? `${text.slice(0, 77)}…` : text });
    });
  };
}
