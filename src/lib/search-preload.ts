/**
 * The /search/ page's preloads for the files Pagefind reads before its first search: its entry
 * file, the index's metadata and the WebAssembly. Pagefind asks for them one after the other
 * (the entry names the others), once its own code has run; preloaded, they arrive with the page.
 *
 * The page is rendered before the index exists, so it carries a marker link, and the build fills
 * it in from the written entry file. Pagefind fetches the entry as `pagefind-entry.json?ts=…`,
 * with the time as `ts` unless told a tag (its `metaCacheTag` option), so the link names a tag
 * that changes whenever the index does, and the page's script (src/scripts/pagefind.ts) passes
 * Pagefind the tag it finds in the link.
 */
import { createHash } from 'node:crypto';

/** The link search.astro renders, which the build replaces. */
export const ENTRY_MARKER = '<link rel="preload" href="/pagefind/pagefind-entry.json" as="fetch" crossorigin data-pagefind-entry>';

interface Entry {
  languages: Record<string, { hash: string; wasm?: string | null }>;
}

/** The links that replace the marker, from the text of the written `pagefind-entry.json`. */
export function searchPreloads(entryText: string): string {
  const entry = JSON.parse(entryText) as Entry;
  const tag = createHash('sha256').update(entryText).digest('hex').slice(0, 12);
  const link = (href: string, extra = '') => `<link rel="preload" href="/pagefind/${href}" as="fetch" crossorigin${extra}>`;
  // The index is built in one language (search-index.ts): its files are the ones Pagefind picks.
  const languages = Object.values(entry.languages);
  return [
    link(`pagefind-entry.json?ts=${tag}`, ' data-pagefind-entry'),
    ...languages.flatMap((language) => [link(`pagefind.${language.hash}.pf_meta`), link(`wasm.${language.wasm ?? 'unknown'}.pagefind`)]),
  ].join('');
}

/** `html` with its marker replaced by the preloads; unchanged when it has no marker. */
export function withSearchPreloads(html: string, entryText: string): string {
  return html.includes(ENTRY_MARKER) ? html.replace(ENTRY_MARKER, searchPreloads(entryText)) : html;
}
