/**
 * `:experts[asyncio]` names an area's current experts inline, each linked to their profile, with
 * the area linked to its row in the experts index. `:experts[platform:Windows]` picks a kind.
 * An unknown area is an error at the directive's position.
 */
import type { PhrasingContent, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';
import { translator } from '../i18n/index.ts';
import { findArea, type ExpertsIndex } from '../lib/experts.ts';
import { suggestion } from '../lib/diagnostics.ts';
import { report } from '../lib/report.ts';
import type { DirectiveDescriptor } from './types.ts';

export interface Options {
  experts?: ExpertsIndex;
  /** experts.yaml exists but has errors (reported for the file): render the label, report nothing. */
  invalid?: boolean;
  /** The site's language (site.yaml `lang`). */
  lang?: string;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

/** remark plugin: renders `:experts[area]`. */
export default function remarkExperts(options: Options = {}) {
  const t = translator(options.lang);
  return (tree: Root, file: VFile) => {
    visit(tree, 'textDirective', (node: TextDirective) => {
      if (node.name !== 'experts') return;
      // Read the label from the source: "platform:Windows" would otherwise parse as a nested directive.
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const source = start !== undefined && end !== undefined ? String(file.value).slice(start, end) : '';
      const query = (/^:experts\[(.*)\]/s.exec(source)?.[1] ?? toString(node)).trim();
      const index = options.experts;
      const area = index && query ? findArea(index, query) : undefined;
      node.data = { hName: 'span', hProperties: { className: ['experts-inline'] } };
      if (!area && options.invalid) {
        node.children = [text(query)];
        return;
      }
      if (!area) {
        const names = index?.areas.map((a) => a.name) ?? [];
        report(
          file,
          'unknown-expert',
          node,
          index ? `":experts[${query}]" names no area of the experts index.` : '":experts[…]" needs experts.yaml, which this site does not have.',
          index ? `${suggestion(query, names, 'area') || 'Check the area names in experts.yaml.'}` : 'Create experts.yaml in the content folder, or remove the directive.',
        );
        node.children = [text(query)];
        return;
      }
      const people = index!.people;
      // Generated links keep the directive's position, so link checks can point at it.
      const link = (url: string, value: string): PhrasingContent => ({ type: 'link', url, children: [text(value)], position: node.position });
      const children: PhrasingContent[] = [link(`/experts/#${area.id}`, t('expertsInline.link', { area: area.name })), text(': ')];
      if (!area.experts.length) {
        children.push(text(area.teams.length ? area.teams.map((t) => `@${t}`).join(', ') : t('expertsInline.none')));
      }
      area.experts.forEach((e, i) => {
        if (i > 0) children.push(text(', '));
        const profile = people.find((p) => p.handle === e.handle)?.profile;
        children.push(profile ? link(profile, `@${e.handle}`) : text(`@${e.handle}`));
      });
      node.children = children;
    });
  };
}

/** The directives this plugin handles (src/plugins/types.ts). */
export const directives: DirectiveDescriptor[] = [{ name: 'experts', form: ':experts[area]', reads: ['experts'] }];
