/**
 * Search UI over Pagefind's JavaScript API: a dialog (from the header, "/" or Ctrl/Cmd+K) and the
 * /search/?q= page share it. Loaded only when the reader asks for search. Its words come from the
 * root's `data-strings` (src/i18n/script-strings.ts), in the site's language.
 */
import type { SearchStrings } from '../i18n/script-strings.ts';

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string }; filters: Record<string, string[]>; sub_results: Array<{ title: string; url: string; excerpt: string }> }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(term: string | null, o?: { filters?: Record<string, string> }, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

let loading: Promise<Pagefind> | undefined;
function pagefind(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  return (loading ??= import(/* @vite-ignore */ url).then(async (pf: Pagefind) => {
    // Short records (a person's page, one row of the experts index) would outrank whole guides
    // that discuss a term at length; a lower page-length bias keeps guides near the top.
    await pf.options({ excerptLength: 24, ranking: { pageLength: 0.3 } });
    return pf;
  }));
}

/** Replaces each `{name}` in `text` (as src/i18n does on the server). */
const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

/**
 * Wires the search form, filters, status and results already in `root` (the dialog or the /search/
 * page). Text typed before this ran is searched as soon as the filters are in place. Enter opens the first result; the arrow
 * keys move between the input and the result links.
 */
function searchUI(
  root: HTMLElement,
  options: { initialFilters?: URLSearchParams; onQuery?: (q: string, filters: Record<string, string>) => void; onNavigate?: () => void },
): HTMLInputElement {
  const form = root.querySelector<HTMLFormElement>('.search-form')!;
  const input = form.querySelector('input')!;
  const filters = root.querySelector<HTMLElement>('.search-filters')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const results = root.querySelector<HTMLOListElement>('.search-results')!;
  const selects = new Map<string, HTMLSelectElement>();
  const strings: SearchStrings = JSON.parse(root.dataset.strings!);
  const noIndex = () => {
    status.textContent = strings.noIndex;
  };

  const search = async () => {
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
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    // With no words, null asks Pagefind for every page that matches the filters.
    const found = await pf.debouncedSearch(term || null, { filters: active }, 150);
    if (!found) return;
    const shown = await Promise.all(found.results.slice(0, 12).map((r) => r.data()));
    results.replaceChildren(
      ...shown.map((r) => {
        const excerpt = element('p', { className: 'excerpt' });
        excerpt.innerHTML = r.excerpt;
        const subs = r.sub_results
          .filter((s) => s.url !== r.url && s.url.includes('#'))
          .slice(0, 3)
          .map((s) => element('li', {}, element('a', { href: s.url }, s.title)));
        const kind = r.filters.kind?.[0];
        const context = r.filters.section?.[0] ?? (kind ? fill(strings.expert, { kind }) : '');
        return element('li', {}, element('span', { className: 'result-context' }, context), element('a', { href: r.url, className: 'result-title' }, r.meta.title ?? r.url), excerpt, ...(subs.length ? [element('ul', { className: 'sub-results' }, ...subs)] : []));
      }),
    );
    const count = found.results.length;
    const within = Object.values(active).join(', ');
    status.textContent = fill(strings.status, {
      results: fill(strings.results[new Intl.PluralRules(document.documentElement.lang).select(count)] ?? strings.results.other, { count }),
      term: term ? fill(strings.term, { term }) : '',
      within: within ? fill(strings.within, { filters: within }) : '',
      truncated: count > shown.length ? fill(strings.truncated, { shown: shown.length }) : '',
    });
  };
  let latest: Promise<void>;
  const run = () => (latest = search());

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Wait for the search of the last keystroke, then open its first result.
    for (let settled; settled !== latest; ) await (settled = latest);
    results.querySelector('a')?.click();
  });
  // Until the filters are in place, Enter waits for them and for the first search.
  latest = pagefind()
    .then((pf) => pf.filters())
    .then((available) => {
      for (const [key, [text, any]] of Object.entries(strings.filters)) {
        const values = Object.keys(available[key] ?? {}).sort();
        if (!values.length) continue;
        const select = element('select', { name: key }, element('option', { value: '' }, any), ...values.map((v) => element('option', { value: v }, v)));
        const initial = options.initialFilters?.get(key);
        if (initial && values.includes(initial)) select.value = initial;
        select.addEventListener('change', run);
        selects.set(key, select);
        filters.append(element('label', { className: 'search-filter' }, text, select));
      }
      if (input.value || [...selects.values()].some((s) => s.value)) return run();
    })
    .catch(noIndex);
  input.addEventListener('input', run);
  root.addEventListener('keydown', (event) => {
    // A filter's own arrow keys choose its options.
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || (event.target as Element).closest('select')) return;
    const links = [...results.querySelectorAll<HTMLAnchorElement>('a')];
    if (!links.length) return;
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    event.preventDefault();
    if (event.key === 'ArrowDown') links[Math.min(i + 1, links.length - 1)]!.focus();
    else if (i <= 0) input.focus();
    else links[i - 1]!.focus();
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
