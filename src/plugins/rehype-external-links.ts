/**
 * Links that leave the site say so: an http(s) link to another host than the site's own (site.yaml
 * `url`) gets `data-external`, which the stylesheet draws as a small icon, and a visually hidden
 * "(opens another site)" that screen readers read with the link's name. The link opens where
 * every link does (no `target`): the reader decides. The hidden words are left out of the search
 * index.
 */
import type { Element, Root } from 'hast';
import { visit } from '../lib/visit.ts';
import { translator } from '../i18n/index.ts';

export interface Options {
  /** The site's language (site.yaml `lang`), for the hidden words. */
  lang?: string;
  /** The site's own address (site.yaml `url`): links to its host are not external. */
  siteUrl?: string;
}

/** The host of an http(s) URL, or undefined for any other link. */
function httpHost(href: string): string | undefined {
  if (!/^(?:https?:)?\/\//i.test(href)) return undefined;
  try {
    const url = new URL(href, 'https://site.invalid');
    return /^https?:$/.test(url.protocol) ? url.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** rehype plugin: marks links to other sites. */
export default function rehypeExternalLinks(options: Options = {}) {
  const t = translator(options.lang);
  const own = options.siteUrl ? httpHost(options.siteUrl) : undefined;
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      const host = httpHost(node.properties.href);
      if (!host || host === own || node.properties.dataExternal !== undefined) return;
      node.properties.dataExternal = '';
      node.children.push({
        type: 'element',
        tagName: 'span',
        properties: { className: ['visually-hidden'], dataPagefindIgnore: '' },
        children: [{ type: 'text', value: ` ${t('link.external')}` }],
      });
    });
  };
}
