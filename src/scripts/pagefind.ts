/**
 * Pagefind's browser API (the site's own /pagefind/pagefind.js), loaded once and configured with
 * the ranking the query-set test scores (src/lib/search-options.ts). Shared by the search UI
 * (search.ts) and the /search/ page's entry, which starts it before the UI's code has loaded.
 */
import { SEARCH_OPTIONS } from '../lib/search-options.ts';

export interface PagefindData {
  url: string;
  /** Escaped text with `<mark>` around the words that matched. */
  excerpt: string;
  /** The page's text, and the places of the words that matched in it (split at white space). */
  content: string;
  locations: number[];
  meta: { title?: string; keywords?: string };
  filters: Record<string, string[]>;
  sub_results: Array<{ title: string; url: string; excerpt: string }>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
export type Found = { results: PagefindResult[] };
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, o?: { filters?: Record<string, string> }): Promise<Found>;
  preload(term: string, o?: { filters?: Record<string, string> }): Promise<void>;
  debouncedSearch(term: string | null, o?: { filters?: Record<string, string> }, ms?: number): Promise<Found | null>;
}

let loading: Promise<Pagefind> | undefined;
/**
 * Pagefind, configured. It runs on the page's own thread (`noWorker`): its web worker is 43 KB
 * more to fetch and one more start-up on the way to the first results, for an index that
 * answers a query in a few milliseconds either way.
 */
export function pagefind(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  return (loading ??= import(/* @vite-ignore */ url).then(async (pf: Pagefind) => {
    // The /search/ page preloads Pagefind's entry file under the index's own tag
    // (src/integration/search-preload.ts); asked for under that tag, it comes from the preload.
    const entry = document.querySelector<HTMLLinkElement>('link[rel="preload"][href*="/pagefind/pagefind-entry.json"]');
    const tag = entry && new URL(entry.href).searchParams.get('ts');
    await pf.options({ ...SEARCH_OPTIONS, noWorker: true, ...(tag ? { metaCacheTag: tag } : {}) });
    return pf;
  }));
}
