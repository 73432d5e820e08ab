/**
 * A fence's meta string (```` ```sh title="x" {2} ````) lives on the mdast node and would be lost
 * when raw HTML is re-parsed; this copies it onto the `<code>` element as `data-meta` for
 * rehype-code to read.
 */
import type { Root } from 'mdast';
import { visit } from '../lib/visit.ts';

/** remark plugin: carries code meta into the HTML tree. */
export default function remarkCodeMeta() {
  return (tree: Root) => {
    visit(tree, 'code', (node) => {
      if (!node.meta) return;
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), dataMeta: node.meta } };
    });
  };
}
