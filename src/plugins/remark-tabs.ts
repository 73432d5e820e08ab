/**
 * `::::tabs` with one `:::tab{label="Linux"}` per panel, rendered as an ARIA tablist whose first tab
 * is selected. Without JavaScript the tablist is hidden and every panel shows, each under its label;
 * the page script shows one panel at a time, preselects the reader's OS and remembers their choice.
 * The markup is complete here, so the script only switches panels, and the page does not move when
 * it runs.
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { h } from 'hastscript';
import { visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';
import { report } from '../lib/report.ts';
import type { DirectiveDescriptor } from './types.ts';

/** remark plugin: renders tab groups. */
export default function remarkTabs() {
  return (tree: Root, file: VFile) => {
    // Groups are numbered in document order, so each tab and panel has an id unique on its page.
    let group = 0;
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
      const n = group++;
      const labels = panels.map((panel) => {
        const label = panel.attributes?.label;
        if (!label) {
          report(file, 'invalid-directive', panel, 'This `:::tab` has no label.', 'Write it as `:::tab{label="Linux"}`.');
        }
        return label ?? '';
      });
      const tabs = labels.map((label, i) =>
        h('button', { role: 'tab', id: `tab-${n}-${i}`, ariaControls: `panel-${n}-${i}`, ariaSelected: String(i === 0), tabIndex: i === 0 ? 0 : -1 }, label),
      );
      panels.forEach((panel, i) => {
        panel.data = {
          hName: 'section',
          hProperties: { className: ['tab-panel'], id: `panel-${n}-${i}`, role: 'tabpanel', ariaLabelledBy: [`tab-${n}-${i}`], tabIndex: 0, dataLabel: labels[i] },
        };
        panel.children.unshift({
          type: 'paragraph',
          data: { hName: 'p', hProperties: { className: ['tab-label'] } },
          children: [{ type: 'text', value: labels[i]! }],
        });
      });
      // A node of its own kind: only its hast reaches the page (remark-rehype renders `data`). Search
      // leaves it out, as it always has: each panel's label is indexed once, with the panel.
      const tablist = { type: 'tablist', data: { hName: 'div', hProperties: { role: 'tablist', dataPagefindIgnore: '' }, hChildren: tabs } };
      node.children.unshift(tablist as unknown as ContainerDirective);
    });
  };
}

/** The directives this plugin handles (src/plugins/types.ts). */
export const directives: DirectiveDescriptor[] = [
  { name: 'tabs', form: '::::tabs' },
  { name: 'tab', form: ':::tab{label="…"}' },
];
