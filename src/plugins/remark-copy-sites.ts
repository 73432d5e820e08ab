/**
 * Notes, from the tree as parsed and before any plugin changes it, where the file's links and
 * definitions are written and what its first `# heading` says, so the renderer can write the
 * guide's Markdown copy (src/lib/markdown-copy.ts) without parsing the file a second time.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { copySites, type CopySites } from '../lib/markdown-copy.ts';

declare module 'vfile' {
  interface DataMap {
    /** Where the file's links are written, for its Markdown copy. */
    copySites: CopySites;
  }
}

/** remark plugin: records the CopySites of the tree in `file.data.copySites`. */
export default function remarkCopySites() {
  return (tree: Root, file: VFile) => {
    file.data.copySites = copySites(tree);
  };
}
