/**
 * Search UI over Pagefind's JavaScript API: a dialog (from the header, "/" or Ctrl/Cmd+K) and the
 * /search/?q= page share it. Loaded only when the reader asks for search.
 */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string }; sub_results: Array<{ title: string; url: string; excerpt: string }> }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(term: string, o?: { filters?: Record<string, string> }, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

let loading: Promise<Pagefind> | undefined;
function pagefind(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  return (loading ??= import(/* @vite-ignore */ url).then(async (pf: Pagefind) => {
    await pf.options({ excerptLength: 24 });
    return pf;
  }));
}

const FILTERS: Array<[key: string, label: string]> = [
  ['section', 'Section'],
  ['level', 'Level'],
  ['kind', 'Kind'],
];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

/**
 * Wires the search form, filters, status and results already in `root` (the dialog or the /search/
 * page). Text typed before this ran is searched at once.
 */
function searchUI(root: HTMLElement, options: { onQuery?: (q: string) => void; onNavigate?: () => void }): HTMLInputElement {
  const form = root.querySelector<HTMLFormElement>('.search-form')!;
  const input = form.querySelector('input')!;
  const filters = root.querySelector<HTMLElement>('.search-filters')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const results = root.querySelector<HTMLOListElement>('.search-results')!;
  form.addEventListener('submit', (e) => e.preventDefault());
  const selects = new Map<string, HTMLSelectElement>();

  const run = async () => {
    const term = input.value.trim();
    options.onQuery?.(term);
    let pf: Pagefind;
    try {
      pf = await pagefind();
    } catch {
      status.textContent = 'The search index has not been built yet. Run `npm run build`, then reload this page.';
      return;
    }
    const active: Record<string, string> = {};
    for (const [key, select] of selects) if (select.value) active[key] = select.value;
    if (!term && !Object.keys(active).length) {
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await pf.debouncedSearch(term || ' ', { filters: active }, 150);
    if (!search) return;
    const found = await Promise.all(search.results.slice(0, 12).map((r) => r.data()));
    results.replaceChildren(
      ...found.map((r) => {
        const excerpt = element('p', { className: 'excerpt' });
        excerpt.innerHTML = r.excerpt;
        const subs = r.sub_results
          .filter((s) => s.url !== r.url && s.url.includes('#'))
          .slice(0, 3)
          .map((s) => element('li', {}, element('a', { href: s.url }, s.title)));
        return element('li', {}, element('a', { href: r.url, className: 'result-title' }, r.meta.title ?? r.url), excerpt, ...(subs.length ? [element('ul', { className: 'sub-results' }, ...subs)] : []));
      }),
    );
    status.textContent = `${search.results.length} result${search.results.length === 1 ? '' : 's'}${term ? ` for “${term}”` : ''}.`;
  };

  void pagefind()
    .then((pf) => pf.filters())
    .then((available) => {
      for (const [key, text] of FILTERS) {
        const values = Object.keys(available[key] ?? {});
        if (!values.length) continue;
        const select = element('select', { name: key }, element('option', { value: '' }, `Any ${text.toLowerCase()}`), ...values.sort().map((v) => element('option', { value: v }, v)));
        select.addEventListener('change', run);
        selects.set(key, select);
        filters.append(element('label', { className: 'search-filter' }, text, select));
      }
    })
    .catch(() => {
      status.textContent = 'The search index has not been built yet. Run `npm run build`, then reload this page.';
    });
  input.addEventListener('input', run);
  // Arrow keys move between the input and the result links.
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
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
  if (input.value) void run();
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

/** The /search/ page: reads `?q=`, keeps the URL in step with the query so it can be shared. */
export function mountSearchPage(): void {
  const container = document.querySelector<HTMLElement>('[data-search-page]');
  if (!container) return;
  container.querySelector<HTMLElement>('.search-submit')!.hidden = true;
  container.querySelector('input')!.value = new URLSearchParams(location.search).get('q') ?? '';
  const input = searchUI(container, {
    onQuery: (q) => {
      const url = new URL(location.href);
      if (q) url.searchParams.set('q', q);
      else url.searchParams.delete('q');
      history.replaceState(null, '', url);
    },
  });
  input.focus();
}
