/**
 * A built site's search, run in Node the way the browser runs it: the site's own
 * `pagefind/pagefind.js` (the same WebAssembly and index files, over HTTP from the preview server)
 * with the options the search UI passes, and the UI's own rules (src/lib/search-words.ts) for
 * what is searched for a typed query, when a search found nothing and what to suggest instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEARCH_OPTIONS } from '../../src/lib/search-options.ts';
import { didYouMean, foundWords, isRealMatch, joined, matchedWords, searchQuery, typedTerms, withExactNumbers, VOCABULARY_FILE, type MatchedData, type Vocabulary } from '../../src/lib/search-words.ts';
import { serveStatic } from '../../src/lib/static-server.ts';

interface ResultData extends MatchedData {
  url: string;
}

interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: Array<{ id: string; data(): Promise<ResultData> }> }>;
  destroy(): Promise<void>;
}

/** What the search UI shows for a query. */
export interface Answer {
  /** How many results it reports: 0 when Pagefind only matched a short beginning of a term. */
  count: number;
  /** The first results' URLs, best first (site paths, an experts row with its #fragment). */
  urls: string[];
  /** Its "did you mean" queries. */
  suggestions: string[];
}

export interface SiteSearch {
  search(term: string): Promise<Answer>;
  close(): Promise<void>;
}

/** As many results as the UI shows at first, and reads for its suggestions. */
const PAGE = 12;

/** Serves `out` and loads its Pagefind bundle, configured as src/scripts/search.ts configures it. */
export async function openSearch(out: string): Promise<SiteSearch> {
  const server = await serveStatic(out);
  // A browser retries a request on a kept-alive connection the server has just closed; Node's
  // fetch does not, so the server's 5 s idle close would now and then fail a query.
  server.server.keepAliveTimeout = 0;
  const vocabularyFile = path.join(out, VOCABULARY_FILE);
  const vocabulary: Vocabulary = existsSync(vocabularyFile) ? JSON.parse(readFileSync(vocabularyFile, 'utf8')) : {};
  // Each output folder's bundle is its own module, so two sites can be searched side by side.
  const pagefind: PagefindModule = await import(pathToFileURL(path.join(out, 'pagefind/pagefind.js')).href);
  // In a browser the bundle finds its files beside itself; in Node, import.meta.url is a file: URL,
  // which fetch cannot read, so point it at the server. `baseUrl: '/'` keeps result URLs site paths.
  await pagefind.options({ ...SEARCH_OPTIONS, basePath: `${server.url}/pagefind/`, baseUrl: '/' });
  return {
    async search(query) {
      const typed = query.trim();
      const term = searchQuery(typed);
      const results = await withExactNumbers(pagefind, term, (await pagefind.search(term)).results);
      const shown = await Promise.all(results.slice(0, PAGE).map((r) => r.data()));
      const terms = typedTerms(term);
      const matchedBy = (data: ResultData) => matchedWords(data, terms);
      // "xyzzyplugh" finds pages for "X.Y", its longest indexed beginning: the UI says "no results".
      const first = shown[0] ? matchedBy(shown[0]) : [];
      const real = first.length > 0 && terms.every((t) => first.some((w) => isRealMatch(t, w)));
      const matched = foundWords(real ? shown.flatMap(matchedBy) : []);
      const suggestions = terms.some((t) => !matched.has(joined(t))) ? didYouMean(typed, matched, vocabulary) : [];
      return real ? { count: results.length, urls: shown.map((d) => d.url), suggestions } : { count: 0, urls: [], suggestions };
    },
    async close() {
      await pagefind.destroy();
      await server.close();
    },
  };
}
