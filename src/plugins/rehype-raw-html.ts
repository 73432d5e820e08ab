/**
 * Raw HTML written in Markdown, parsed into the tree (rehype-raw) so later plugins see its
 * elements. Re-parsing a whole page through an HTML parser costs about a tenth of its rendering,
 * so a page without raw HTML, most pages, skips it: the tree is already what parsing it would give.
 */
import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import type { VFile } from 'vfile';

/** Whether the tree has a `raw` node (HTML written in the Markdown) anywhere. */
function hasRaw(node: { type: string; children?: unknown[] }): boolean {
  if (node.type === 'raw') return true;
  return Boolean(node.children?.some((child) => hasRaw(child as { type: string; children?: unknown[] })));
}

/** rehype plugin: rehype-raw, for pages that have raw HTML. */
export default function rehypeRawHtml() {
  return (tree: Root, file: VFile): Root => (hasRaw(tree) ? (raw(tree, { file }) as Root) : tree);
}
