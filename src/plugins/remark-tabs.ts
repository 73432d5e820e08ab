/**
 * `::::tabs` with one `:::tab{label="Linux"}` per panel. Without JavaScript every panel shows, each
 * under its label; the page script turns the group into an ARIA tablist and remembers the choice.
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../lib/report.ts';
import type { DirectiveDescriptor } from './types.ts';

/** remark plugin: renders tab groups. */
export default function remarkTabs() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'containerDirective', (node: ContainerDirective, _index, parent) => {
      if (node.name === 'tab' && (parent as ContainerDirective | undefined)?.name !== 'tabs') {
        report(file, 'invalid-directive', node, 'A `:::tab` must sit directly inside a `::::tabs` group.', 'Wrap the tabs in `::::tabs` … `::::` (the outer fence needs more colons than the inner ones).');
        node.data = { hName: 'div' };
        return;
      }
      if (node.name !== 'tabs') return;
      const panels = node.children.filter((child): child is ContainerDirective => child.type === 'containerDirective' && child.name === 'tab');
      if (panels.length !== node.children.length || panels.length === 0) {
        report(file, 'invalid-directive', node, 'A `::::tabs` group may only contain `:::tab{label="…"}` panels.', 'Put every paragraph inside a `:::tab`, and give the outer fence more colons than the inner ones.');
      }
      node.data = { hName: 'div', hProperties: { className: ['tabs'], dataTabs: '' } };
      for (const panel of panels) {
        const label = panel.attributes?.label;
        if (!label) {
          report(file, 'invalid-directive', panel, 'This `:::tab` has no label.', 'Write it as `:::tab{label="Linux"}`.');
        }
        panel.data = { hName: 'section', hProperties: { className: ['tab-panel'], dataLabel: label ?? '' } };
        panel.children.unshift({
          type: 'paragraph',
          data: { hName: 'p', hProperties: { className: ['tab-label'] } },
          children: [{ type: 'text', value: label ?? '' }],
        });
      }
    });
  };
}

/** The directives this plugin handles (src/plugins/types.ts). */
export const directives: DirectiveDescriptor[] = [
  { name: 'tabs', form: '::::tabs' },
  { name: 'tab', form: ':::tab{label="…"}' },
];
