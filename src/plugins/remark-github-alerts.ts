/**
 * GitHub's alert syntax (`> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!WARNING]`, `> [!CAUTION]`)
 * renders exactly like the `:::note` family, so content written for GitHub looks the same here.
 */
import type { BlockContent, DefinitionContent, Root } from 'mdast';
import { visit } from '../lib/visit.ts';
import { translator, type Key } from '../i18n/index.ts';
import { toAdmonition, type AdmonitionKind } from './remark-admonitions.ts';

export interface Options {
  /** The site's language (site.yaml `lang`), for the titles. */
  lang?: string;
}

/** Each alert's admonition kind and title (its key in src/i18n/en.json). */
const KINDS: Record<string, { kind: AdmonitionKind; title: Key }> = {
  NOTE: { kind: 'note', title: 'admonition.note' },
  TIP: { kind: 'tip', title: 'admonition.tip' },
  IMPORTANT: { kind: 'note', title: 'alert.important' },
  WARNING: { kind: 'caution', title: 'alert.warning' },
  CAUTION: { kind: 'danger', title: 'admonition.caution' },
};

const MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\r?\n|$)/i;

/** remark plugin: turns alert blockquotes into admonitions. */
export default function remarkGithubAlerts(options: Options = {}) {
  const t = translator(options.lang);
  return (tree: Root) => {
    visit(tree, 'blockquote', (node) => {
      const first = node.children[0];
      if (first?.type !== 'paragraph') return;
      const head = first.children[0];
      if (head?.type !== 'text') return;
      const match = MARKER.exec(head.value);
      if (!match) return;
      const { kind, title } = KINDS[match[1]!.toUpperCase()]!;
      head.value = head.value.slice(match[0].length);
      if (!head.value) first.children.shift();
      if (first.children[0]?.type === 'break') first.children.shift();
      const children = (first.children.length ? node.children : node.children.slice(1)) as Array<BlockContent | DefinitionContent>;
      toAdmonition(node as never, kind, t(title), children);
    });
  };
}
