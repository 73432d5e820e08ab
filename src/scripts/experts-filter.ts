/**
 * The experts index's instant filter: hides rows whose area and handles do not contain every word
 * typed. Text that looks like a file path ("Lib/asyncio/tasks.py") also shows the rows whose
 * CODEOWNERS paths own it, first and most specific first, each saying which of its patterns
 * matched. The tables are complete without it; the box only appears when this script runs.
 */
import { ownersOfPath, queryPath } from '../lib/owners-index.ts';

export function matches(text: string, query: string): boolean {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}

export function mountExpertsFilter(): void {
  const box = document.querySelector<HTMLElement>('[data-experts-filter]');
  const input = box?.querySelector('input');
  const status = box?.querySelector('.filter-status');
  if (!box || !input || !status) return;
  box.hidden = false;
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('tr[data-filter-text]')];
  const sections = [...document.querySelectorAll<HTMLElement>('.experts-kind')];
  // The page's own order, restored when the text is no longer a path.
  const after = sections.at(-1)?.nextSibling ?? null;
  const owned = rows.filter((r) => r.dataset.paths).map((row) => ({ row, patterns: JSON.parse(row.dataset.paths!) as string[] }));
  const [before = '', rest = ''] = box.dataset.match!.split('{pattern}');
  /** "matches <code>Lib/asyncio/</code>", shown under the area's name. */
  const matchLabel = (pattern: string) => {
    const span = Object.assign(document.createElement('span'), { className: 'path-match' });
    span.append(before, Object.assign(document.createElement('code'), { textContent: pattern }), rest);
    return span;
  };

  const apply = () => {
    const query = input.value.trim();
    const path = queryPath(query);
    const owners = path ? ownersOfPath(owned, path) : [];
    const rank = new Map(owners.map(({ entry }, i) => [entry.row, i]));
    for (const old of document.querySelectorAll('.path-match')) old.remove();
    for (const { entry, pattern } of owners) entry.row.querySelector('th')!.append(matchLabel(pattern));
    // Owners first, most specific first, within each table and the tables by their best row;
    // the page's own order for the rest.
    const order = (r: HTMLTableRowElement) => rank.get(r) ?? rows.length;
    for (const body of document.querySelectorAll('.experts-table tbody')) {
      const own = [...body.querySelectorAll<HTMLTableRowElement>(':scope > tr')];
      body.append(...own.sort((a, b) => order(a) - order(b) || rows.indexOf(a) - rows.indexOf(b)));
    }
    const best = (s: HTMLElement) => Math.min(...[...s.querySelectorAll<HTMLTableRowElement>('tr[data-filter-text]')].map(order));
    for (const section of [...sections].sort((a, b) => best(a) - best(b) || sections.indexOf(a) - sections.indexOf(b))) section.parentNode!.insertBefore(section, after);

    let shown = 0;
    for (const row of rows) {
      const visible = rank.has(row) || matches(row.dataset.filterText ?? '', query);
      row.hidden = !visible;
      if (visible) shown++;
    }
    for (const section of sections) {
      section.hidden = ![...section.querySelectorAll<HTMLTableRowElement>('tr[data-filter-text]')].some((r) => !r.hidden);
    }
    status.textContent = query ? box.dataset.status!.replace('{shown}', String(shown)).replace('{total}', String(rows.length)) : '';
  };
  input.addEventListener('input', apply);
  const initial = new URLSearchParams(location.search).get('filter');
  if (initial) {
    input.value = initial;
    apply();
  }
}
