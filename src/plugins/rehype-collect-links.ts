/**
 * Records every link (`href` of `a` and `area`, whatever wrote it: Markdown, reference-style or raw
 * HTML) and every element id, with positions, in `file.data` for the link checker.
 */
import type { Element, Root } from 'hast';
import { visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';
import type { LinkRef } from '../lib/rendered.ts';

export type { LinkRef };

declare module 'vfile' {
  interface DataMap {
    links: LinkRef[];
    anchors: string[];
  }
}

/** rehype plugin: collects links and anchors. */
export default function rehypeCollectLinks() {
  return (tree: Root, file: VFile) => {
    const links: LinkRef[] = [];
    const anchors: string[] = [];
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      // A tab group's own ids (remark-tabs) wire its buttons to its panels; they are not places to link to.
      const role = node.properties.role;
      if (typeof id === 'string' && id && role !== 'tab' && role !== 'tabpanel') anchors.push(id);
      const name = node.properties.name;
      if (node.tagName === 'a' && typeof name === 'string' && name) anchors.push(name);
      if ((node.tagName === 'a' || node.tagName === 'area') && typeof node.properties.href === 'string') {
        if ((node.properties.className as string[] | undefined)?.includes('anchor')) return;
        // A relative link to a file (rehype-relative-links) is checked by the build, not here.
        const data = node.data as { written?: string; resolvedKind?: string } | undefined;
        if (data?.resolvedKind && data.resolvedKind !== 'page') return;
        const start = node.position?.start;
        links.push({ href: node.properties.href, line: start?.line ?? 0, column: start?.column ?? 0, ...(data?.written ? { written: data.written } : {}) });
      }
    });
    file.data.links = links;
    file.data.anchors = anchors;
  };
}
