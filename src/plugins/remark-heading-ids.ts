/**
 * mdBook and pandoc let a heading name its own id: `## rust-analyzer.assist.emitMustUse
 * {#assist.emitMustUse}`. Books link to those ids (`configuration.md#assist.emitMustUse`), so the
 * attribute block is taken off the heading's text and its id kept exactly as written;
 * rehype-heading-links only makes it unique on the page. Classes and `key=value` pairs in the
 * block are dropped: the site's styles know nothing of them.
 */
import type { Heading, Root, Text } from 'mdast';
import { visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';
import { headingAttributes } from '../lib/heading-attributes.ts';

export { headingAttributes };

/** The hast property that marks an id the author wrote; rehype-heading-links reads and removes it. */
export const EXPLICIT_ID = 'dataExplicitId';

/** The block written with an escaped brace (`\\{#x}`), which makes it text. */
const ESCAPED = /\\\{[^{}]*\}\s*$/;

/** Whether the text's source ends in an escaped block; an included text points at its include, which does not. */
function escaped(text: Text, file: VFile): boolean {
  const { start, end } = text.position ?? {};
  return start?.offset !== undefined && end?.offset !== undefined && ESCAPED.test(String(file.value).slice(start.offset, end.offset));
}

/** remark plugin: takes `{#id …}` off the end of headings and gives them that id. */
export default function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'heading', (node: Heading) => {
      const last = node.children.at(-1);
      if (last?.type !== 'text') return;
      const found = headingAttributes(last.value);
      if (!found || escaped(last, file)) return;
      if (found.text) last.value = found.text;
      else node.children.pop();
      if (found.id) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: found.id, [EXPLICIT_ID]: '' } };
    });
  };
}
