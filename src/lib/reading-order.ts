/** The order in which a reader walks the guide: sections as site.yaml lists them, then `order`. */
import type { Section } from './schema.ts';
import { compareText } from './compare.ts';

export interface Orderable {
  url: string;
  section: string;
  title: string;
  order?: number;
}

/** Sorts pages by section (site.yaml order), then `order` (unset last), then title. */
export function readingOrder<T extends Orderable>(pages: readonly T[], sections: readonly Pick<Section, 'id'>[]): T[] {
  const rank = new Map(sections.map((s, i) => [s.id, i]));
  return [...pages].sort(
    (a, b) =>
      (rank.get(a.section) ?? Infinity) - (rank.get(b.section) ?? Infinity) ||
      (a.order ?? Infinity) - (b.order ?? Infinity) ||
      compareText(a.title, b.title) ||
      compareText(a.url, b.url),
  );
}

/** The pages before and after `url` in reading order. */
export function neighbours<T extends Orderable>(ordered: readonly T[], url: string): { previous?: T; next?: T } {
  const i = ordered.findIndex((p) => p.url === url);
  if (i === -1) return {};
  return { previous: ordered[i - 1], next: ordered[i + 1] };
}
