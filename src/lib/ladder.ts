/** The contributor ladder on the home page: every guide with a level, grouped by rung. */
import { LEVEL_LABELS, LEVELS, type Level } from './schema.ts';

export interface Rung<T> {
  level: Level;
  label: string;
  pages: T[];
}

/**
 * Groups pages (already in reading order) by level, rungs in ladder order. Rungs with no page are
 * left out; pages without a level are not on the ladder.
 */
export function ladder<T extends { level?: Level }>(ordered: readonly T[]): Rung<T>[] {
  return LEVELS.map((level) => ({ level, label: LEVEL_LABELS[level], pages: ordered.filter((p) => p.level === level) })).filter((rung) => rung.pages.length > 0);
}
