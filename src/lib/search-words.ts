/**
 * Words for the search UI, shared by the build (which writes the guide's vocabulary beside the
 * index), the browser (which reads it when a search finds little) and the query-set test (which
 * searches as the browser does): what is searched for a typed query, whether a result really
 * matched a typed term, "did you mean" suggestions from the vocabulary, and which part of a
 * highlighted word to mark.
 */
import { editDistance } from './diagnostics.ts';
import type { SiteModel } from './site.ts';

/** The vocabulary's file in the site, beside the search index: `{ word: count }`. */
export const VOCABULARY_FILE = 'pagefind/devguide-vocabulary.json';

export type Vocabulary = Readonly<Record<string, number>>;

/** Lower case, without accents, as Pagefind compares words. */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
/** The parts of a word between its punctuation ("Lib/asyncio/" → lib, asyncio). */
const parts = (raw: string) => fold(raw).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
/** A word as Pagefind indexes it whole: its punctuation dropped ("X.Y" → xy). */
export const joined = (raw: string) => fold(raw).replace(/[^\p{L}\p{N}_]/gu, '');

/** The words of `text` worth suggesting: letters and digits, at least three, not only digits. */
export function searchWords(text: string): string[] {
  return parts(text).filter((w) => w.length >= 3 && /\p{L}/u.test(w));
}

/** Counts the words of `texts` (titles, headings, area names), most frequent first. */
export function countWords(texts: Iterable<string>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of searchWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1)));
}

/** The guide's vocabulary: the words of its titles, headings and expert areas, with their counts. */
export function siteVocabulary(model: Pick<SiteModel, 'pages' | 'experts'>): Record<string, number> {
  return countWords([
    ...model.pages.flatMap((page) => [page.title, ...page.headings.map((h) => h.text)]),
    ...(model.experts?.areas ?? []).flatMap((area) => [area.name, area.id]),
  ]);
}

/** The terms of a query, as typed: Pagefind splits at spaces only (and drops punctuation inside a term). */
export function typedTerms(query: string): string[] {
  return query.trim().split(/\s+/).filter(Boolean);
}

/**
 * Words too common to tell pages apart, left out of what is searched. The index is built in
 * English (search-index.ts), so these are English.
 */
const STOP_WORDS = new Set('a an and are as at be by do does for from how i in is it its my of on or the this to what when where which with your'.split(' '));

const isStopWord = (term: string) => STOP_WORDS.has(joined(term));
const isQuoted = (query: string) => /^".*"$/.test(query.trim());

/**
 * The query the UI gives Pagefind: the typed one without its stop words ("build the
 * documentation" → "build documentation"), unless nothing else is left or it is a quoted phrase.
 * Pagefind matches every word that starts with a typed word and raises a page by the share of
 * the query its title holds, so "a" matched "asyncio" and "about", and the "the" of
 * "Translating the documentation" counted for that title as much as a word that says something.
 */
export function searchQuery(query: string): string {
  if (isQuoted(query)) return query.trim();
  const terms = typedTerms(query);
  const kept = terms.filter((t) => !isStopWord(t));
  return (kept.length ? kept : terms).join(' ');
}

/** What the UI reads of a Pagefind result to tell which words it matched. */
export interface MatchedData {
  /** The result's text, and the places of the words that matched in it (split at white space). */
  content: string;
  locations: number[];
  /** Its metadata; Pagefind searches the title and the keywords too. */
  meta: Readonly<Record<string, string | undefined>>;
}

/**
 * The words a result matched: those at its `locations`, and the words of its title and keywords
 * that really match one of `terms`. A match in the metadata alone has no locations ("refleaks" is
 * a tag of the page that says "reference leaks"; an experts row's area name is its title), yet it
 * is a match.
 */
export function matchedWords(data: MatchedData, terms: readonly string[]): string[] {
  const words = data.content.split(/\s+/);
  const inText = data.locations.map((at) => words[at] ?? '');
  const inMeta = [data.meta.title, data.meta.keywords].flatMap((text) => (text ? text.split(/[\s,]+/) : []));
  return [...inText, ...inMeta.filter((word) => terms.some((t) => isRealMatch(t, word)))];
}

/**
 * The words results matched, as "did you mean" compares them with the typed terms: each whole
 * ("--with-pydebug" as withpydebug) and each part between its punctuation (with, pydebug), so a
 * term found inside a longer word ("pydebug") counts as found.
 */
export function foundWords(words: readonly string[]): Set<string> {
  return new Set(words.flatMap((word) => [joined(word), ...parts(word)]));
}

/** The part of Pagefind's API `withExactNumbers` uses: a search, and each result's page id. */
export interface PagefindSearch {
  search(term: string): Promise<{ results: ReadonlyArray<{ id: string }> }>;
}

/**
 * The `results` Pagefind found for `query` that have each number of the query as a whole word.
 * Pagefind matches every word that starts with a typed word, which suits words being typed but
 * not numbers: "PEP 8" found the pages with "PEP 826" and "x86" first. A number is looked up as
 * Pagefind's exact search (`"8"`), in the index it has already loaded for the query.
 */
export async function withExactNumbers<R extends { id: string }>(pagefind: PagefindSearch, query: string, results: readonly R[]): Promise<R[]> {
  if (isQuoted(query)) return [...results];
  let kept = [...results];
  for (const number of typedTerms(query).map(joined).filter((t) => /^\p{N}+$/u.test(t))) {
    const exact = new Set((await pagefind.search(`"${number}"`)).results.map((r) => r.id));
    kept = kept.filter((r) => exact.has(r.id));
  }
  return kept;
}

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/**
 * Whether a word a result matched really matches the typed term: it begins with the term
 * ("asyncore" for "asynco"), is the term with another ending ("builds" for "building"), or is a
 * whole leading part of a path typed as one term ("Lib/asyncio/" for "Lib/asyncio/tasks.py").
 * Not a match: a short beginning of the term ("X.Y" for "xyzzyplugh"), which Pagefind returns
 * when no word starts with the term. Terms under three letters always match.
 */
export function isRealMatch(rawTerm: string, rawWord: string): boolean {
  const term = joined(rawTerm);
  if (term.length < 3) return true;
  let end = 0;
  const boundaries = parts(rawTerm).map((part) => (end += part.length));
  return [joined(rawWord), ...parts(rawWord)].some((word) => {
    const common = commonPrefix(term, word);
    if (common === term.length) return true;
    if (common >= 3 && term.length - common <= 3 && word.length - common <= 3) return true;
    return common === word.length && boundaries.slice(0, -1).includes(common);
  });
}

/**
 * The vocabulary words closest to `term`: those at the smallest edit distance, if it is one (two
 * for words of six letters or more), most used first.
 */
export function closestWords(term: string, vocabulary: Vocabulary, limit = 3): string[] {
  const max = term.length >= 6 ? 2 : 1;
  const near = Object.keys(vocabulary)
    .map((word) => ({ word, distance: Math.abs(word.length - term.length) > max ? Infinity : editDistance(term, word) }))
    .filter((c) => c.distance > 0 && c.distance <= max);
  const best = Math.min(...near.map((c) => c.distance));
  return near
    .filter((c) => c.distance === best)
    .sort((a, b) => vocabulary[b.word]! - vocabulary[a.word]!)
    .slice(0, limit)
    .map((c) => c.word);
}

/**
 * "Did you mean" queries for `query`. A term is replaced by its closest vocabulary words when the
 * results do not contain it as typed (`found`: the words they matched, joined), it is not a stop
 * word (not searched), not in the vocabulary, and not the start of a vocabulary word (still being
 * typed). A suggestion the results already contain finds nothing new and is left out. A term in
 * `unmatched` (one no page has) with no close word is left out of the query, when other terms
 * remain. Several queries when one term changes, one when several do, none when nothing does.
 */
export function didYouMean(query: string, found: ReadonlySet<string>, vocabulary: Vocabulary, unmatched: ReadonlySet<string> = new Set()): string[] {
  const terms = typedTerms(query);
  const options = terms.map((raw) => {
    const term = joined(raw);
    if (found.has(term) || isStopWord(term) || term.length < 3 || !/^\p{L}+$/u.test(term) || vocabulary[term]) return [raw];
    if (Object.keys(vocabulary).some((word) => word.startsWith(term))) return [raw];
    const near = closestWords(term, vocabulary).filter((word) => !found.has(word));
    return near.length ? near : unmatched.has(raw) ? [''] : [raw];
  });
  const kept = (words: string[]) => words.filter(Boolean).join(' ');
  const changed = options.filter((o, i) => o[0] !== terms[i]).length;
  if (!changed || !kept(options.map((o) => o[0]!))) return [];
  if (changed > 1) return [kept(options.map((o) => o[0]!))];
  const at = options.findIndex((o, i) => o[0] !== terms[i]);
  return options[at]!.map((word) => kept(terms.map((t, i) => (i === at ? word : t))));
}

/**
 * The stretches of a highlighted word to mark: the parts that match a term, not the whole word
 * or its punctuation ("Doc/library/asyncio*.rst" marks "asyncio" only). Empty when no part matches
 * by itself, so the caller keeps the whole mark.
 */
export function markedParts(text: string, terms: readonly string[]): Array<[start: number, end: number]> {
  // A path typed as one term ("Lib/asyncio/") is found whole: keep its mark whole too.
  if (terms.some((t) => parts(t).length > 1)) return [];
  const found: Array<[number, number]> = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const part = fold(m[0]);
    if (terms.some((t) => part.startsWith(joined(t)) || (joined(t).length >= 3 && isRealMatch(t, m[0])))) found.push([m.index, m.index + m[0].length]);
  }
  return found;
}

/**
 * Marks around code blocks in the text Pagefind indexes (search-index.ts wraps every `<pre>` in
 * them, each mark a word of its own), so an excerpt can show a shell session as code rather than
 * as a run-on sentence. Private-use characters: Pagefind keeps them in a result's text but indexes
 * no word for them, so they change no match. Inline code is left unmarked: in a sentence it reads
 * as words, and marking it too made this guide's index 1.6 % larger.
 */
export const CODE_START = '\uE000';
export const CODE_END = '\uE001';

/** A stretch of an excerpt: text, marked as a match or not. */
export interface Stretch {
  text: string;
  marked: boolean;
}

/**
 * An excerpt's stretches grouped into prose and code, by the code marks in them (dropped). An
 * excerpt is a window on the text, so it may start inside code (its first mark is an end) or end
 * inside it (a start with no end).
 */
export function codeRuns(stretches: readonly Stretch[]): Array<{ code: boolean; stretches: Stretch[] }> {
  const all = stretches.map((s) => s.text).join('');
  const firstMark = all.search(/[\uE000\uE001]/u);
  let code = firstMark >= 0 && all[firstMark] === CODE_END;
  const runs: Array<{ code: boolean; stretches: Stretch[] }> = [];
  const add = (text: string, marked: boolean) => {
    if (!text) return;
    const last = runs.at(-1);
    if (last?.code === code) last.stretches.push({ text, marked });
    else runs.push({ code, stretches: [{ text, marked }] });
  };
  for (const { text, marked } of stretches) {
    const pieces = text.split(/([\uE000\uE001])/u);
    for (const piece of pieces) {
      if (piece === CODE_START) code = true;
      else if (piece === CODE_END) code = false;
      else add(piece, marked);
    }
  }
  // The marks stand as words of their own (search-index.ts), so code has a space at each end.
  for (const run of runs.filter((r) => r.code)) {
    run.stretches[0]!.text = run.stretches[0]!.text.trimStart();
    run.stretches.at(-1)!.text = run.stretches.at(-1)!.text.trimEnd();
  }
  return runs.map((r) => ({ ...r, stretches: r.stretches.filter((s) => s.text) })).filter((r) => r.stretches.length);
}

/** `text` without code marks (a heading's title that holds code). */
export const withoutCodeMarks = (text: string) => text.replace(/[\uE000\uE001]/gu, '');
