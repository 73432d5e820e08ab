/**
 * A ```` ```mermaid ```` fence is a diagram, drawn in the browser: it becomes `<pre class="mermaid">`
 * holding the diagram's source as text, which reads as source where no script runs and is what
 * mermaid's `run()` draws from. The `pre` has no `<code>`, so rehype-code does not highlight it.
 * `file.data.mermaid` tells the build that the page needs the diagram script.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** The page has at least one diagram. */
    mermaid: boolean;
  }
}

/** The fence's `<code>` when `node` is a mermaid code block. */
function mermaidCode(node: Element): Element | undefined {
  if (node.tagName !== 'pre') return undefined;
  const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  const className = (code?.properties.className as string[] | undefined) ?? [];
  return className.some((c) => c.toLowerCase() === 'language-mermaid') ? code : undefined;
}

/** rehype plugin: mermaid fences become `pre.mermaid` and flag the page. */
export default function rehypeMermaid() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const code = mermaidCode(node);
      if (!code || !parent || index === undefined) return;
      const diagram = h('pre.mermaid', toString(code).replace(/\n$/, ''));
      diagram.position = node.position;
      (parent.children as ElementContent[])[index] = diagram;
      file.data.mermaid = true;
    });
  };
}
