/**
 * A guide whose title comes from its first `# heading` (no `title` in frontmatter) shows that
 * title in the page header, so the heading is taken out of the body to avoid saying it twice. Its
 * text is kept in `file.data.titleText`, so the header's heading gets the id the heading had
 * (links to `page.md#the-title` keep working, as on GitHub).
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** Set by the renderer when the title came from the body's first `# heading`. */
    titleFromHeading: boolean;
    /** The text of the heading that gave the title, when it was taken out of the body. */
    titleText: string;
  }
}

/** remark plugin: removes the first level-1 heading when it supplied the title. */
export default function remarkTitle() {
  return (tree: Root, file: VFile) => {
    if (!file.data.titleFromHeading) return;
    const index = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 1);
    if (index === -1) return;
    file.data.titleText = toString(tree.children[index]!);
    tree.children.splice(index, 1);
  };
}
