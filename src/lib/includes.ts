/**
 * mdBook's `{{#include file:range}}` written in a page: where includes are and which files they
 * read. The pipeline expands them (src/plugins/remark-include.ts); the build uses this to key the
 * render cache on the included files and to know which Markdown files are only included, not pages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** An escaped `\{{#…}}`, or `{{#type target}}`, on one line (mdBook's link syntax). */
export const LINK = /\\\{\{#[^\n]*?\}\}|\{\{\s*#([A-Za-z0-9_]+)\s+([^}\n]+)\}\}/g;
export const INCLUDE_TYPES = new Set(['include', 'rustdoc_include']);

/** Whether `text` may hold a LINK, escaped or not: false means it has no include to expand. */
export function mayInclude(text: string): boolean {
  return /\{\{\s*#/.test(text);
}

/** Which lines of the file an include takes: a line range (1-based, inclusive) or an anchor. */
export type Selection = { start?: number; end?: number; anchor?: undefined } | { anchor: string };

export interface IncludeTarget {
  /** The path as written, relative to the including file. */
  path: string;
  selection: Selection;
}

/**
 * Reads an include's target the way mdBook does: the first word, split at the first `:`; after
 * it, a number is a line (`2`), two numbers a range (`2:10`, `2:`, `:10`), anything else an anchor.
 */
export function parseTarget(target: string): IncludeTarget {
  const word = target.trim().split(/\s+/)[0] ?? '';
  const colon = word.indexOf(':');
  if (colon === -1) return { path: word, selection: {} };
  const [first = '', second] = word.slice(colon + 1).split(':');
  const file = word.slice(0, colon);
  const number = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);
  const start = number(first);
  if (start === undefined && first !== '') return { path: file, selection: { anchor: first } };
  const end = number(second);
  if (start === undefined) return { path: file, selection: end === undefined ? {} : { end } };
  // mdBook counts from 1 and reads line 0 as line 1; one number alone is that one line.
  return { path: file, selection: { start: Math.max(start, 1), end: second === undefined ? Math.max(start, 1) : end } };
}

/** Every unescaped include in `text`: its target and where it starts. */
export function includesIn(text: string): Array<{ target: string; index: number; length: number }> {
  return [...text.matchAll(LINK)].filter((m) => m[1] !== undefined && INCLUDE_TYPES.has(m[1])).map((m) => ({ target: m[2]!, index: m.index, length: m[0].length }));
}

/**
 * The absolute paths of the files `body` includes (the Markdown file at `file` holds it), for the
 * render cache. A superset: includes in running text, which are not expanded, count too.
 */
export function includedPaths(body: string, file: string): string[] {
  const dir = path.dirname(path.resolve(file));
  return [...new Set(includesIn(body).map((m) => path.resolve(dir, parseTarget(m.target).path)))];
}

/**
 * What the files `body` includes hold, for the render cache key. Only the files the page itself
 * includes: a change in a file that an included file includes in turn is not seen.
 */
export function includesFingerprint(body: string, file: string): string {
  return includedPaths(body, file)
    .map((p) => {
      try {
        return `${p}\0${readFileSync(p, 'utf8')}`;
      } catch {
        return `${p}\0(unreadable)`;
      }
    })
    .join('\0');
}

