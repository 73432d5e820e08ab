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
    /** The id that heading was given in Markdown (`# Title {#intro}`, remark-heading-ids), if any. */
    titleExplicitId: string;
  }
}

/** remark plugin: removes the first level-1 heading when it supplied the title. */
export default function remarkTitle() {
  return (tree: Root, file: VFile) => {
    if (!file.data.titleFromHeading) return;
    const index = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 1);
    if (index === -1) return;
    const heading = tree.children[index]!;
    file.data.titleText = toString(heading);
    const id = heading.data?.hProperties?.id;
    if (typeof id === 'string') file.data.titleExplicitId = id;
    tree.children.splice(index, 1);
  };
}
