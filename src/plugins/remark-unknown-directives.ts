/**
 * Runs after every directive plugin. A directive nobody handled is a typo (`:::notes`,
 * `:expert[asyncio]`) and is reported with the closest known name. A bare text directive with no
 * label or attributes, like the `:30` in "10:30" or "Note:this", is put back as the text it was.
 */
import type { Root, Text } from 'mdast';
import type { Directives } from 'mdast-util-directive';
import { visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';
import { suggestion } from '../lib/diagnostics.ts';
import { report } from '../lib/report.ts';

export interface Options {
  /** Names of the directives that the plugins before this one handle. */
  known: readonly string[];
  /** How each known directive is written (`labels` → `::labels`), for the hint. */
  forms?: Readonly<Record<string, string>>;
}

const handled = (node: Directives) => Boolean(node.data?.hName);

/** remark plugin: reports unhandled directives. */
export default function remarkUnknownDirectives(options: Options) {
  const known = options.known;
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
      if (handled(node)) return;
      const hasLabel = node.children.length > 0;
      const hasAttributes = Object.keys(node.attributes ?? {}).length > 0;
      if (node.type === 'textDirective' && !hasLabel && !hasAttributes && parent && index !== undefined) {
        const text: Text = { type: 'text', value: `:${node.name}`, position: node.position };
        parent.children.splice(index, 1, text as never);
        return;
      }
      const colons = node.type === 'containerDirective' ? ':::' : node.type === 'leafDirective' ? '::' : ':';
      if (known.includes(node.name)) {
        // A known name that its plugin left alone is written in another form (`:::labels`).
        const form = options.forms?.[node.name];
        report(file, 'invalid-directive', node, `"${colons}${node.name}" is written with the wrong number of colons.`, form ? `Write it as ${form}.` : 'Check the number of colons.');
        return;
      }
      const near = suggestion(node.name, [...known], 'directive');
      report(
        file,
        'unknown-directive',
        node,
        `Unknown directive "${colons}${node.name}".`,
        `${near ? `${near[0]!.toUpperCase()}${near.slice(1)} ` : ''}If you meant a literal colon, escape it as "\\:".`,
      );
    });
  };
}
