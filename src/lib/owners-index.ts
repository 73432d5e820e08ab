/**
 * Who owns a file path, from the experts index's CODEOWNERS patterns: the small list the build
 * writes for the site search (`/pagefind/devguide-owners.json`), and the matching both the search
 * and the /experts/ filter run in the browser. Browser-safe: it imports only the matcher and types.
 *
 * Most specific first. GitHub lets the last matching line of CODEOWNERS win, which works because
 * people write general rules first and exceptions after; the index groups areas by kind and name,
 * so its order says nothing about specificity. The pattern that spells out more of the path wins
 * instead: more literal characters (everything but `*` and `?`), then fewer wildcards, then the
 * later line, as GitHub would decide a true tie in the CODEOWNERS generated from the index. A
 * wildcard-free pattern equal to the path is always first, since no other pattern can spell out
 * more of it.
 */
import { samplePath } from './codeowners.ts';
import { matches } from './codeowners-match.ts';
import type { Translate } from '../i18n/index.ts';
import type { ExpertsIndex } from './experts.ts';

/** Where the build writes the owners list, relative to the site's root. */
export const OWNERS_FILE = 'pagefind/devguide-owners.json';

/** One area with paths, as the site search needs it. */
export interface OwnerEntry {
  /** The row's anchor on /experts/ (`module-asyncio`). */
  id: string;
  title: string;
  /** The kind's label ("Module"), as the search's kind filter names it. */
  kind: string;
  url: string;
  patterns: string[];
}

/** The areas that list paths, in the index's order (which breaks ties, as CODEOWNERS lines would). */
export function ownersIndex(index: ExpertsIndex, t: Translate): OwnerEntry[] {
  return index.areas
    .filter((a) => a.paths.length)
    .map((a) => ({ id: a.id, title: t('expertsInline.link', { area: a.name }), kind: t(`kind.${a.kind}.one`), url: `/experts/#${a.id}`, patterns: a.paths }));
}

/** Extensions of the files CODEOWNERS usually names, for a query with no slash ("dictobject.c"). */
const FILE_EXTENSIONS = ['py', 'pyi', 'c', 'h', 'cpp', 'rst', 'md', 'txt', 'toml', 'yml', 'yaml', 'json', 'in', 'ac', 'sh', 'bat', 'ps1', 'js', 'html', 'css', 'cfg', 'ini', 'xml', 'asm', 'vcxproj', 'props', 'sln', 'plist', 'def'];
const FILE_NAME = new RegExp(`^[^\\s/]+\\.(?:${FILE_EXTENSIONS.join('|')})$`, 'i');

/**
 * The repository path a reader typed, or undefined when the text is not one: it has a slash and
 * no space, or is a file name with a known extension; a team (`@python/windows-team`) is not a
 * path. Backslashes, a leading `./` or `/` and a GitHub file URL are reduced to the path.
 */
export function queryPath(text: string): string | undefined {
  const path = text
    .trim()
    .replace(/^https?:\/\/github\.com\/[^/]+\/[^/]+\/(?:blob|tree)\/[^/]+\//, '')
    .replaceAll('\\', '/')
    .replace(/^\.?\/+/, '');
  if (!path || /\s/.test(path) || path.startsWith('@')) return undefined;
  return path.includes('/') || FILE_NAME.test(path) ? path : undefined;
}

/** How much of a path `pattern` spells out, compared element by element (higher is more specific). */
export function specificity(pattern: string): [literals: number, wildcards: number] {
  const p = pattern.replace(/^\//, '');
  return [p.replace(/[*?]/g, '').length, -(p.match(/\*\*|\*|\?/g)?.length ?? 0)];
}

/** Whether `pattern` owns the typed `path`: a file, a folder (with or without its final slash) or a glob. */
function owns(pattern: string, path: string): boolean {
  const candidates = /[*?]/.test(path) ? [samplePath(path)] : path.endsWith('/') ? [path] : [path, `${path}/`];
  return pattern.replace(/^\//, '') === path.replace(/^\//, '') || candidates.some((c) => matches(pattern, c));
}

/**
 * The entries that own `path`, each with its most specific matching pattern, most specific first
 * (see the top of this file); entries that own nothing are left out.
 */
export function ownersOfPath<T extends { patterns: readonly string[] }>(entries: readonly T[], path: string): Array<{ entry: T; pattern: string }> {
  const found: Array<{ entry: T; pattern: string; rank: number[] }> = [];
  entries.forEach((entry, order) => {
    let best: { pattern: string; rank: number[] } | undefined;
    for (const pattern of entry.patterns) {
      if (!owns(pattern, path)) continue;
      const rank = [...specificity(pattern), order];
      if (!best || compare(rank, best.rank) > 0) best = { pattern, rank };
    }
    if (best) found.push({ entry, ...best });
  });
  return found.sort((a, b) => compare(b.rank, a.rank)).map(({ entry, pattern }) => ({ entry, pattern }));
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
