/**
 * `:::note`, `:::tip`, `:::caution` and `:::danger` containers become labelled asides. An optional
 * label (`:::tip[Build faster]`) replaces the default title.
 */
import type { BlockContent, DefinitionContent, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from '../lib/visit.ts';
import { translator } from '../i18n/index.ts';
import type { DirectiveDescriptor } from './types.ts';

export interface Options {
  /** The site's language (site.yaml `lang`), for the default titles. */
  lang?: string;
}

/** Each admonition kind's default title, as its key in src/i18n/en.json. */
export const ADMONITION_TITLES = {
  note: 'admonition.note',
  tip: 'admonition.tip',
  caution: 'admonition.caution',
  danger: 'admonition.danger',
} as const;

export type AdmonitionKind = keyof typeof ADMONITION_TITLES;

function isLabel(node: RootContent | undefined): node is Paragraph {
  return node?.type === 'paragraph' && Boolean((node.data as { directiveLabel?: boolean } | undefined)?.directiveLabel);
}

/**
 * Rewrites `node` in place into an admonition: `<aside class="admonition note">` with a title
 * paragraph. Shared by `:::note` and GitHub's `> [!NOTE]`, so both render the same way.
 */
export function toAdmonition(
  node: { type: string; data?: unknown; children: unknown[] },
  kind: AdmonitionKind,
  title: PhrasingContent[] | string,
  children: Array<BlockContent | DefinitionContent>,
): void {
  const titleChildren: PhrasingContent[] = typeof title === 'string' ? [{ type: 'text', value: title }] : title;
  const titleNode: Paragraph = {
    type: 'paragraph',
    data: { hName: 'p', hProperties: { className: ['admonition-title'] } },
    children: titleChildren,
  };
  node.data = {
    hName: 'aside',
    hProperties: { className: ['admonition', kind] },
  };
  node.children = [titleNode, ...children];
}

/** remark plugin: renders admonition containers. */
export default function remarkAdmonitions(options: Options = {}) {
  const t = translator(options.lang);
  return (tree: Root) => {
    visit(tree, 'containerDirective', (node: ContainerDirective) => {
      if (!(node.name in ADMONITION_TITLES)) return;
      const kind = node.name as AdmonitionKind;
      const [first, ...rest] = node.children;
      const hasLabel = isLabel(first);
      const title = hasLabel ? (first as Paragraph).children : t(ADMONITION_TITLES[kind]);
      toAdmonition(node, kind, title, (hasLabel ? rest : node.children) as Array<BlockContent | DefinitionContent>);
    });
  };
}

/** The directives this plugin handles (src/plugins/types.ts). */
export const directives: DirectiveDescriptor[] = Object.keys(ADMONITION_TITLES).map((name) => ({ name, form: `:::${name}` }));
