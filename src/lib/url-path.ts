/**
 * Where a Markdown file is published: the URL follows its path below the content root, one
 * segment per folder, as a reader of the folder on GitHub would expect. `README.md` and `index.md`
 * are their folder's page; a numeric prefix that only orders files (`02-build.md`) is not part of
 * the URL.
 */

import { slug } from 'github-slugger';

/** A numeric prefix that orders files: `02-`, `10_`, `3. `, followed by the name itself. */
const NUMERIC_PREFIX = /^(\d+)[-_. ]+(?=\p{L})/u;

/** File names that are their folder's own page. */
const FOLDER_PAGE = /^(readme|index)\.md$/i;

/** The order a numeric prefix gives (`02-build.md` → 2), if the name has one. */
export function prefixOrder(name: string): number | undefined {
  const m = NUMERIC_PREFIX.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** Whether `name` is its folder's own page (README.md or index.md, any case). */
export function isFolderPage(name: string): boolean {
  return FOLDER_PAGE.test(name);
}

/**
 * One URL segment from a file or folder name: `.md` and a numeric prefix dropped (when
 * `stripPrefix`), lowercased, accents folded (`ünïcode` → `unicode`), spaces and underscores as
 * hyphens, and anything else that cannot sit in a URL segment dropped.
 */
export function segmentSlug(name: string, stripPrefix = true): string {
  // github-slugger, as for heading ids, on each dot-separated part (a URL keeps `3.14`), then
  // ASCII only: a segment must read the same in every tool that prints or types it.
  return looseSegment(name, stripPrefix)
    .split('.')
    .map((part) => slug(part).replace(/[^a-z0-9-]/g, ''))
    .join('.')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** The slug before anything is dropped, to tell whether a name lost characters on its way. */
export function looseSegment(name: string, stripPrefix = true): string {
  const base = name.replace(/\.md$/i, '');
  return (stripPrefix ? base.replace(NUMERIC_PREFIX, '') : base)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The URL of a Markdown file or a folder from its path relative to the content root, with forward
 * slashes: `contributing/02-first-patch.md` → `/contributing/first-patch/`, `contributing/README.md`
 * and `contributing` → `/contributing/`, `README.md` → `/`.
 */
export function urlForPath(relative: string, stripPrefix = true): string {
  const parts = relative.split('/').filter((p) => p && p !== '.');
  if (parts.length && /\.md$/i.test(parts.at(-1)!) && isFolderPage(parts.at(-1)!)) parts.pop();
  const segments = parts.map((p) => segmentSlug(p, stripPrefix));
  return segments.length ? `/${segments.join('/')}/` : '/';
}

/** A file or folder name made readable as a title: `02-build_tools.md` → "Build tools". */
export function readableName(name: string): string {
  const text = name
    .replace(/\.md$/i, '')
    .replace(NUMERIC_PREFIX, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : name;
}
