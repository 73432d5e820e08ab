/**
 * A page's own links: the URL of its Markdown copy, and a link resolved against the page. Templates,
 * llms.txt and the Markdown copies use them; they live apart from markdown-copy.ts, whose parser a
 * template's import would bring into the bundle Vite makes in every build.
 */

/** Where a page's Markdown copy is published: `/a/b/` → `/a/b/index.md`. */
export function markdownUrl(pageUrl: string): string {
  return `${pageUrl}index.md`;
}

/** A base for resolving root-relative URLs when the site's own address is unknown. */
const NO_ORIGIN = 'http://site.invalid';

/** A URL with a scheme (`https:`, `mailto:`) or protocol-relative: left as written. */
const HAS_SCHEME = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** `href` resolved against the page, absolute when the site's URL is known, else root-relative. */
export function absoluteUrl(href: string, pageUrl: string, siteUrl?: string): string {
  if (HAS_SCHEME.test(href)) return href;
  try {
    const url = new URL(href, new URL(pageUrl, siteUrl ?? NO_ORIGIN));
    return siteUrl ? url.href : `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return href;
  }
}
