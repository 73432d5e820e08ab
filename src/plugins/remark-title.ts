/**
 * A guide whose title comes from its first `# heading` (no `title` in frontmatter) shows that
 * title in the page header, so the heading is taken out of the body to avoid saying it twice.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** Set by the renderer when the title came from the body's first `# heading`. */
    titleFromHeading: boolean;
  }
}

/** remark plugin: removes the first level-1 heading when it supplied the title. */
export default function remarkTitle() {
  return (tree: Root, file: VFile) => {
    if (!file.data.titleFromHeading) return;
    const index = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 1);
    if (index !== -1) tree.children.splice(index, 1);
  };
}
