/**
 * Search UI over Pagefind's JavaScript API: a dialog (from the header, "/" or Ctrl/Cmd+K) and the
 * /search/?q= page share it. Loaded only when the reader asks for search, or shows they are about
 * to (page.ts calls `warmSearch`). Its words come from the root's `data-strings`
 * (src/i18n/script-strings.ts), in the site's language.
 */
import type { SearchStrings } from '../i18n/script-strings.ts';
import { ownersOf } from './path-search.ts';
import { pagefind, type Found, type Pagefind, type PagefindData } from './pagefind.ts';
import { codeRuns, didYouMean, foundWords, isRealMatch, joined, markedParts, withoutCodeMarks, matchedWords, searchQuery, typedTerms, VOCABULARY_FILE, withExactNumbers, type Vocabulary } from '../lib/search-words.ts';

/** Results shown at first, and added by each "Show more". */
const PAGE = 12;
/** Results whose excerpts are fetched at once; the rest of a page once these are in. */
const FIRST = 4;
/**
 * How long typing must pause before a search runs. Pagefind fetches the index for each keystroke's
 * words at once, so the search itself is quick; a short pause keeps the first results within
 * 300 ms of the last keystroke.
 */
const PAUSE_MS = 100;

let filterValues: Promise<Record<string, Record<string, number>>> | undefined;
/** The filters and their values; asking for them starts Pagefind: its WebAssembly and index. */
const availableFilters = () => (filterValues ??= pagefind().then((pf) => pf.filters()));

/**
 * Starts loading Pagefind and its index before the reader opens search (pointer over or focus on
 * the Search button), so the first query does not wait for them.
 */
export function warmSearch(): void {
  availableFilters().catch(() => undefined);
}

let vocabularyFile: Promise<Vocabulary> | undefined;
/** The guide's words, for "did you mean" (src/integration/vocabulary.ts); none when the file is missing. */
const vocabulary = () => (vocabularyFile ??= fetch(`/${VOCABULARY_FILE}`).then((r) => (r.ok ? (r.json() as Promise<Vocabulary>) : {}), () => ({})));

/** Replaces each `{name}` in `text` (as src/i18n does on the server). */
const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
/** `fill` for placeholders that stand for elements (a link), as a list of nodes. */
const fillNodes = (text: string, vars: Record<string, Array<Node | string>>) => text.split(/\{(\w+)\}/).flatMap((part, i) => (i % 2 ? (vars[part] ?? [`{${part}}`]) : [part]));
const plural = (forms: Record<string, string>, count: number) => fill(forms[new Intl.PluralRules(document.documentElement.lang).select(count)] ?? forms.other!, { count });

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

/** Decodes the escaped text of an excerpt; a textarea's content is text, so nothing in it runs. */
function decodeText(html: string): string {
  const box = document.createElement('textarea');
  box.innerHTML = html;
  return box.value;
}

/** A stretch the search matched, marked: only the parts that match a term ("Lib/asyncio/" marks "asyncio"). */
function markNodes(text: string, terms: readonly string[]): Array<Node | string> {
  const parts = markedParts(text, terms);
  if (!parts.length) return [element('mark', {}, text)];
  const nodes: Array<Node | string> = [];
  let at = 0;
  for (const [start, end] of parts) {
    nodes.push(text.slice(at, start), element('mark', {}, text.slice(start, end)));
    at = end;
  }
  nodes.push(text.slice(at));
  return nodes;
}

/**
 * An excerpt as text, `<mark>`s and `<code>`, built node by node rather than as HTML: code in the
 * guide (between the index's code marks) is shown as code.
 */
function excerptNodes(excerpt: string, terms: readonly string[]): Array<Node | string> {
  const stretches = excerpt.split(/<\/?mark>/).map((chunk, i) => ({ text: decodeText(chunk), marked: i % 2 === 1 }));
  return codeRuns(stretches).flatMap(({ code, stretches: run }) => {
    const nodes = run.flatMap(({ text, marked }) => (marked ? markNodes(text, terms) : [text]));
    return code ? [element('code', {}, ...nodes)] : nodes;
  });
}

/**
 * Wires the search form, filters, status, results and "Show more" already in `root` (the dialog or
 * the /search/ page). Text typed before this ran is searched at once. Enter opens the first
 * result; the arrow keys move between the input, the result links and "Show more".
 */
function searchUI(
  root: HTMLElement,
  options: { initialFilters?: URLSearchParams; onQuery?: (q: string, filters: Record<string, string>) => void; onNavigate?: () => void },
): HTMLInputElement {
  const form = root.querySelector<HTMLFormElement>('.search-form')!;
  const input = form.querySelector('input')!;
  const toggle = root.querySelector<HTMLButtonElement>('.search-filters-toggle')!;
  const filters = root.querySelector<HTMLElement>('.search-filters')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const results = root.querySelector<HTMLOListElement>('.search-results')!;
  const more = root.querySelector<HTMLButtonElement>('.search-more')!;
  const selects = new Map<string, HTMLSelectElement>();
  const strings: SearchStrings = JSON.parse(root.dataset.strings!);
  const noIndex = () => {
    status.textContent = strings.noIndex;
  };
  /** Bumped by each search, so the work of an older one stops where it is. */
  let generation = 0;
  /** The current search: its results, how many are shown, and what the status says after its sentence. */
  let current: { found: Found; shown: number; terms: string[]; skip: Set<string>; describe: (shown: number) => string; offer: Array<Node | string> } | undefined;

  const resultItem = (r: PagefindData, terms: readonly string[]) => {
    // Sections of the page that matched, each a link to its heading.
    const subs = r.sub_results
      .filter((s) => s.title && s.url !== r.url && s.url.includes('#'))
      .slice(0, 3)
      .map((s) => element('li', {}, element('a', { href: s.url }, withoutCodeMarks(s.title))));
    const kind = r.filters.kind?.[0];
    const context = r.filters.section?.[0] ?? (kind ? fill(strings.expert, { kind }) : '');
    return element(
      'li',
      {},
      element('span', { className: 'result-context' }, context),
      element('a', { href: r.url, className: 'result-title' }, r.meta.title ?? r.url),
      element('p', { className: 'excerpt' }, ...excerptNodes(r.excerpt, terms)),
      ...(subs.length ? [element('ul', { className: 'sub-results' }, ...subs)] : []),
    );
  };

  /** A link that searches for `query` (and, without JavaScript, opens its /search/ page). */
  const searchLink = (query: string) => {
    const link = element('a', { href: `/search/?q=${encodeURIComponent(query)}`, className: 'search-suggestion' }, query);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      input.value = query;
      input.focus();
      run(true);
    });
    return link;
  };

  /**
   * The data (excerpt, sections) of results `from` to `to`: the first few fetched at once, the rest
   * once those are in, so that a search the next keystroke overtakes costs few fetches. Undefined
   * for those left unfetched because a newer search started.
   */
  const dataOf = (found: Found, from: number, to: number, id: number): Array<Promise<PagefindData | undefined>> => {
    const wanted = found.results.slice(from, to);
    const first = wanted.slice(0, FIRST).map((r) => r.data());
    const stillCurrent = Promise.all(first).then(() => id === generation);
    return [...first, ...wanted.slice(FIRST).map((r) => stillCurrent.then((still) => (still ? r.data() : undefined)))];
  };

  /** Appends the results of `page` to the list as each arrives, in order, until a newer search starts; returns the items added. */
  const append = async (page: Array<Promise<PagefindData | undefined>>, id: number, terms: readonly string[], skip: ReadonlySet<string>): Promise<HTMLLIElement[]> => {
    const added: HTMLLIElement[] = [];
    for (const pending of page) {
      const data = await pending;
      if (id !== generation || !data) return added;
      if (skip.has(data.url)) continue;
      added.push(results.appendChild(resultItem(data, terms)));
    }
    return added;
  };

  const showMoreButton = () => {
    const left = current ? current.found.results.length - current.shown : 0;
    more.hidden = left <= 0;
    if (left > 0) more.textContent = plural(strings.more, Math.min(left, PAGE));
  };

  /**
   * " Did you mean …?", its suggestions links, when a searched word (`terms`) is not among the words
   * the results matched and the guide's vocabulary (fetched then) has words close to it; else
   * nothing. The suggestions keep the rest of the query as typed (`term`).
   */
  const didYouMeanNodes = async (term: string, terms: readonly string[], matched: readonly string[], unmatched?: ReadonlySet<string>): Promise<Array<Node | string>> => {
    const found = foundWords(matched);
    if (terms.every((t) => found.has(joined(t)))) return [];
    const suggestions = didYouMean(term, found, await vocabulary(), unmatched);
    if (!suggestions.length) return [];
    const alternatives = new Intl.ListFormat(document.documentElement.lang, { type: 'disjunction' }).formatToParts(suggestions).map((p) => (p.type === 'element' ? searchLink(p.value) : p.value));
    return [' ', ...fillNodes(strings.suggest, { suggestions: alternatives })];
  };

  const search = async (now = false) => {
    const id = ++generation;
    const term = input.value.trim();
    const active: Record<string, string> = {};
    for (const [key, select] of selects) if (select.value) active[key] = select.value;
    options.onQuery?.(term, active);
    let pf: Pagefind;
    try {
      pf = await pagefind();
    } catch {
      noIndex();
      return;
    }
    if (!term && !Object.keys(active).length) {
      current = undefined;
      results.replaceChildren();
      status.textContent = '';
      showMoreButton();
      return;
    }
    // A file path ("Lib/asyncio/tasks.py") also finds the experts' areas that own it, most specific
    // first, shown before Pagefind's results (path-search.ts); an area has no section or level.
    const owners = ownersOf(term);
    // Pagefind gets the query without its stop words, and its numbers match whole words only
    // (search-words.ts). With no words, null asks Pagefind for every page that matches the
    // filters. A search that is not typing (the first, a suggestion, a filter) runs at once.
    const query = searchQuery(term);
    const searched = now ? await pf.search(query || null, { filters: active }) : await pf.debouncedSearch(query || null, { filters: active }, PAUSE_MS);
    if (!searched || id !== generation) return;
    const found: Found = { results: await withExactNumbers(pf, query, searched.results) };
    if (id !== generation) return;
    const owned = (await owners).filter((o) => Object.entries(active).every(([key, value]) => key === 'kind' && value === o.kind));
    const terms = typedTerms(query);
    const page = dataOf(found, 0, PAGE, id);
    const first = await page[0];
    if (id !== generation) return;
    // Areas that own a typed path count when Pagefind has nothing else.
    const count = found.results.length || owned.length;
    const within = Object.values(active).join(', ');
    const describe = (shown: number, none = false) =>
      fill(strings.status, {
        results: none ? strings.none : plural(strings.results, count),
        term: term ? fill(strings.term, { term }) : '',
        within: within ? fill(strings.within, { filters: within }) : '',
        truncated: !none && count > shown ? fill(strings.truncated, { shown }) : '',
      });
    // Pagefind answers a word that starts no indexed word with pages for its longest indexed
    // beginning ("xyzzyplugh" finds "X.Y"): that is no result, and is said so.
    const words = first ? matchedWords(first, terms) : [];
    const unmatched = new Set(terms.filter((t) => !words.some((w) => isRealMatch(t, w))));
    if (!owned.length && (!first || unmatched.size)) {
      current = undefined;
      results.replaceChildren();
      showMoreButton();
      const offer = await didYouMeanNodes(term, terms, [], unmatched);
      if (id !== generation) return;
      const home = element('a', { href: '/' }, strings.home);
      status.replaceChildren(describe(0, true), ...(offer.length ? offer : [' ', ...fillNodes(strings.hint, { home: [home] })]));
      return;
    }
    const shown = Math.min(count, PAGE);
    const skip = new Set(owned.map((o) => o.url));
    const state: NonNullable<typeof current> = { found, shown, terms, skip, describe, offer: [] };
    current = state;
    results.replaceChildren(
      ...owned.map((o) => element('li', {}, element('span', { className: 'result-context' }, fill(strings.expert, { kind: o.kind })), element('a', { href: o.url, className: 'result-title' }, o.title), element('p', { className: 'excerpt' }, fill(strings.pathMatch, { pattern: o.pattern })))),
    );
    showMoreButton();
    // Results show as they arrive; the status, which a screen reader announces, once all are in.
    await append(page, id, terms, skip);
    if (id !== generation) return;
    state.offer = term ? await didYouMeanNodes(term, terms, (await Promise.all(page)).flatMap((data) => (data ? matchedWords(data, terms) : []))) : [];
    if (id !== generation) return;
    status.replaceChildren(describe(state.shown), ...state.offer);
  };
  let latest: Promise<void> = Promise.resolve();
  const run = (now = false) => (latest = search(now));

  more.addEventListener('click', async () => {
    if (!current) return;
    const state = current;
    const { found, shown, terms, skip, describe } = state;
    const id = generation;
    state.shown = Math.min(found.results.length, shown + PAGE);
    showMoreButton();
    const added = await append(dataOf(found, shown, shown + PAGE, id), id, terms, skip);
    if (id !== generation) return;
    status.replaceChildren(describe(state.shown), ...state.offer);
    // The reader carries on from the first new result.
    added[0]?.querySelector('a')?.focus();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Wait for the search of the last keystroke, then open its first result.
    for (let settled; settled !== latest; ) await (settled = latest);
    results.querySelector('a')?.click();
  });
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    filters.classList.toggle('open', open);
  });
  const ready = availableFilters().then((available) => {
    for (const [key, [text, any]] of Object.entries(strings.filters)) {
      const values = Object.keys(available[key] ?? {}).sort();
      if (!values.length) continue;
      const select = element('select', { name: key }, element('option', { value: '' }, any), ...values.map((v) => element('option', { value: v }, v)));
      const initial = options.initialFilters?.get(key);
      if (initial && values.includes(initial)) select.value = initial;
      select.addEventListener('change', () => run(true));
      selects.set(key, select);
      filters.append(element('label', { className: 'search-filter' }, text, select));
    }
    toggle.hidden = !selects.size;
    if ([...selects.values()].some((s) => s.value)) toggle.click();
  });
  // Words typed before this ran are searched at once, beside the filters' loading; only filters
  // from a shared /search/ URL wait for them, to be checked against the values there are.
  const fromUrl = Object.keys(strings.filters).some((key) => options.initialFilters?.has(key));
  latest = (fromUrl ? ready : Promise.resolve())
    .then(() => (input.value.trim() || [...selects.values()].some((s) => s.value) ? search(true) : undefined))
    .catch(noIndex);
  ready.catch(noIndex);
  input.addEventListener('input', () => run());
  root.addEventListener('keydown', (event) => {
    // A filter's own arrow keys choose its options.
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || (event.target as Element).closest('select')) return;
    const targets: HTMLElement[] = [...results.querySelectorAll<HTMLAnchorElement>('a'), ...(more.hidden ? [] : [more])];
    if (!targets.length) return;
    const i = targets.indexOf(document.activeElement as HTMLElement);
    event.preventDefault();
    if (event.key === 'ArrowDown') targets[Math.min(i + 1, targets.length - 1)]!.focus();
    else if (i <= 0) input.focus();
    else targets[i - 1]!.focus();
  });
  results.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('a')) options.onNavigate?.();
  });
  return input;
}

let dialogReady = false;
/**
 * Makes the search dialog search. page.ts has already opened it and focused its input, so nothing
 * typed while this loaded is lost.
 */
export function mountSearchDialog(dialog: HTMLDialogElement): void {
  if (dialogReady) return;
  dialogReady = true;
  dialog.addEventListener('click', (e) => e.target === dialog && dialog.close());
  searchUI(dialog, { onNavigate: () => dialog.close() });
}

/** The /search/ page: reads `?q=` and the filters, and keeps the URL in step so it can be shared. */
export function mountSearchPage(): void {
  const container = document.querySelector<HTMLElement>('[data-search-page]');
  if (!container) return;
  const params = new URLSearchParams(location.search);
  container.querySelector<HTMLElement>('.search-submit')!.hidden = true;
  container.querySelector('input')!.value = params.get('q') ?? '';
  const input = searchUI(container, {
    initialFilters: params,
    onQuery: (q, filters) => {
      const url = new URL(location.pathname, location.href);
      if (q) url.searchParams.set('q', q);
      for (const [key, value] of Object.entries(filters)) url.searchParams.set(key, value);
      history.replaceState(null, '', url);
    },
  });
  input.focus();
}
