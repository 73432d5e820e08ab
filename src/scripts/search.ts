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

/** Builds the search form and results into `container`; returns the input. */
function searchUI(container: HTMLElement, options: { idPrefix: string; initial?: string; onQuery?: (q: string) => void; onNavigate?: () => void }): HTMLInputElement {
  const { idPrefix } = options;
  const input = element('input', { type: 'search', id: `${idPrefix}-input`, name: 'q', autocomplete: 'off', placeholder: 'Search guides, headings, experts…' });
  input.setAttribute('aria-describedby', `${idPrefix}-status`);
  const label = element('label', { htmlFor: input.id, className: 'visually-hidden' }, 'Search the guide');
  const filters = element('div', { className: 'search-filters' });
  const status = element('p', { id: `${idPrefix}-status`, className: 'search-status' });
  status.setAttribute('role', 'status');
  const results = element('ol', { className: 'search-results' });
  results.setAttribute('aria-label', 'Search results');
  const form = element('form', { className: 'search-form' }, label, input, filters);
  form.setAttribute('role', 'search');
  form.addEventListener('submit', (e) => e.preventDefault());
  container.replaceChildren(form, status, results);
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
        const select = element('select', { id: `${idPrefix}-${key}` }, element('option', { value: '' }, `Any ${text.toLowerCase()}`), ...values.sort().map((v) => element('option', { value: v }, v)));
        select.addEventListener('change', run);
        selects.set(key, select);
        filters.append(element('label', { htmlFor: select.id }, `${text} `), select);
      }
    })
    .catch(() => {
      status.textContent = 'The search index has not been built yet. Run `npm run build`, then reload this page.';
    });
  input.addEventListener('input', run);
  // Arrow keys move between the input and the result links.
  container.addEventListener('keydown', (event) => {
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
  if (options.initial) {
    input.value = options.initial;
    void run();
  }
  return input;
}

let dialog: HTMLDialogElement | undefined;
/** Opens (creating on first use) the search dialog and focuses its input. */
export function openSearchDialog(): void {
  if (!dialog) {
    dialog = element('dialog', { className: 'search-dialog' });
    dialog.setAttribute('aria-label', 'Search');
    const body = element('div', { className: 'search-body' });
    const close = element('button', { type: 'button', className: 'search-close' }, 'Close');
    close.addEventListener('click', () => dialog!.close());
    dialog.append(close, body);
    dialog.addEventListener('click', (e) => e.target === dialog && dialog!.close());
    document.body.append(dialog);
    searchUI(body, { idPrefix: 'search-dialog', onNavigate: () => dialog!.close() });
  }
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('input')!.focus();
}

/** The /search/ page: reads `?q=`, keeps the URL in step with the query so it can be shared. */
export function mountSearchPage(): void {
  const container = document.querySelector<HTMLElement>('[data-search-page]');
  if (!container) return;
  const initial = new URLSearchParams(location.search).get('q') ?? '';
  const input = searchUI(container, {
    idPrefix: 'search-page',
    initial,
    onQuery: (q) => {
      const url = new URL(location.href);
      if (q) url.searchParams.set('q', q);
      else url.searchParams.delete('q');
      history.replaceState(null, '', url);
    },
  });
  input.focus();
}
