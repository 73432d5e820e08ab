/**
 * A footnote reference with no definition (`[^3]` and no `[^3]: …`) is left as literal text by
 * GFM, which reads as a typo on the page. This warns at its position, with the labels that are
 * defined.
 */
import type { Root } from 'mdast';
import { visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';
import { report } from '../lib/report.ts';

/** remark plugin: warns about footnote references that have no definition. */
export default function remarkFootnoteCheck() {
  return (tree: Root, file: VFile) => {
    const defined = new Set<string>();
    visit(tree, 'footnoteDefinition', (node) => {
      defined.add(node.identifier);
    });
    visit(tree, 'text', (node) => {
      for (const m of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
        if (defined.has(m[1]!.toLowerCase())) continue;
        const start = node.position?.start;
        const place = start ? { line: start.line, column: start.column + m.index } : undefined;
        const known = [...defined].map((d) => `[^${d}]`).join(', ');
        report(file, 'undefined-footnote', place, `The footnote [^${m[1]}] has no definition, so it shows as plain text.`, `Add a line \`[^${m[1]}]: …\` below the paragraph${known ? `, or use one of the defined footnotes: ${known}` : ''}; write \\[^${m[1]}] for the literal text.`, 'warning');
      }
    });
  };
}
