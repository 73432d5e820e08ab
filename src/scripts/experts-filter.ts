/**
 * The experts index's instant filter: hides rows whose area and handles do not contain every word
 * typed. The tables are complete without it; the box only appears when this script runs.
 */
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
  const apply = () => {
    const query = input.value.trim();
    let shown = 0;
    for (const row of rows) {
      const visible = matches(row.dataset.filterText ?? '', query);
      row.hidden = !visible;
      if (visible) shown++;
    }
    for (const section of document.querySelectorAll<HTMLElement>('.experts-kind')) {
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
