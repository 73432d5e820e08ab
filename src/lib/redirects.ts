/**
 * Redirects for pages that moved: content/redirects.yaml maps an old path to a new one (which may
 * carry a #fragment). Validated (target exists, no chains, no loops, no old path that is a live
 * page) and emitted as a small HTML page per old path plus a `_redirects` file for hosts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { closest, diagnostic, type Diagnostic } from './diagnostics.ts';
import { loadDataFile } from './data/load.ts';
import { resolveLink } from './links.ts';
import { BUILT_FILES, BUILT_FOLDERS, BUILT_IN_ROUTES } from './routes.ts';
import { escapeHtml } from './html.ts';

export interface Redirect {
  from: string;
  to: string;
  line: number;
  column: number;
}

/** `/old` → `/old/`; an old path is always a page path. */
function normalisePath(p: string): string {
  let path = p.trim();
  if (!path.startsWith('/')) path = `/${path}`;
  if (!path.endsWith('/') && !/\.html?$/.test(path)) path += '/';
  return path;
}

/**
 * redirects.yaml: old path → new path. Each entry is checked on its own (loadRedirects), so the
 * right ones keep redirecting, and links to their old paths stay quiet, while a wrong one is fixed.
 */
export const redirectsSchema = z.record(z.string(), z.unknown());

/** Reads redirects.yaml; a missing file means no redirects. */
export function loadRedirects(file: string): { redirects: Redirect[]; diagnostics: Diagnostic[] } {
  const { value, diagnostics, parsed } = loadDataFile(file, redirectsSchema, 'invalid-redirect');
  if (!value || !parsed) return { redirects: [], diagnostics };
  const redirects: Redirect[] = [];
  for (const [from, to] of Object.entries(value)) {
    const at = parsed.keyPositionOf([from]);
    if (typeof to !== 'string' || !to.trim()) {
      diagnostics.push(diagnostic('invalid-redirect', file, at, `The redirect from "${from}" has no target.`, 'Write the new path after the colon, e.g. `/old/: /new/`.'));
      continue;
    }
    const problem = targetProblem(to.trim());
    if (problem) {
      diagnostics.push(diagnostic('invalid-redirect', file, parsed.positionOf([from]), `The redirect from "${from}" points to ${JSON.stringify(to)}, which ${problem}.`, 'Point it at a page of the site (`/new/path/`, optionally with `#anchor`) or at an http(s) URL, written on one line.'));
      continue;
    }
    redirects.push({ from: normalisePath(from), to: to.trim(), line: at.line, column: at.column });
  }
  return { redirects, diagnostics };
}

/**
 * Why a redirect target is unsafe to write into `_redirects` and a meta refresh, or undefined:
 * targets are site paths or http(s) URLs, with no white space or control character (a newline
 * would add a rule of its own to `_redirects`).
 */
function targetProblem(to: string): string | undefined {
  if (/[\s\u0000-\u001f\u007f]/.test(to)) return 'contains white space or a control character';
  if (/^[a-z][a-z0-9+.-]*:/i.test(to)) return /^https?:\/\/[^/]/i.test(to) ? undefined : 'is neither a page of the site nor an http(s) URL';
  if (to.startsWith('//') || to.startsWith('/\\') || to.startsWith('\\')) return 'starts with "//", which browsers read as another host';
  if (!to.startsWith('/')) return 'is not a path from the site root (it must start with "/")';
  return undefined;
}

/** Paths the build writes itself; a redirect page there would replace them. */
const RESERVED = new Set([...BUILT_IN_ROUTES.map((r) => (r.segment ? `/${r.segment}/` : '/')), '/404.html', ...BUILT_FILES]);
const RESERVED_FOLDERS = BUILT_FOLDERS;

/** Why `from` (already normalised) cannot be an old path, or undefined when it can. */
function oldPathProblem(from: string): string | undefined {
  if (/[\s?#\\]|[\u0000-\u001f\u007f]/.test(from)) return 'contains a space, "?", "#", a backslash or a control character';
  const segments = from.slice(1).split('/').slice(0, from.endsWith('/') ? -1 : undefined);
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'has an empty, "." or ".." segment';
  const bare = from.replace(/\/$/, '');
  if (RESERVED.has(from) || RESERVED.has(bare) || RESERVED.has(`${bare}/`) || RESERVED_FOLDERS.some((f) => from.startsWith(f))) return 'is a file or page the build writes itself';
  return undefined;
}

/**
 * Checks redirects against the pages the site serves: the target must exist (with its anchor),
 * must not itself redirect (a chain; the final target is suggested), must not loop, and an old
 * path must not be a live page.
 */
export function validateRedirects(file: string, redirects: readonly Redirect[], pages: Map<string, readonly string[]>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const bySource = new Map(redirects.map((r) => [r.from, r]));
  const urls = [...pages.keys()];
  for (const r of redirects) {
    const at = { line: r.line, column: r.column };
    const problem = oldPathProblem(r.from);
    if (problem) {
      diagnostics.push(diagnostic('invalid-redirect', file, at, `The old path "${r.from}" ${problem}.`, 'Write the path a reader used to reach the page, like `/old/page/`: no spaces, query, fragment, `.` or `..` segments, and none of the files the build writes itself.'));
      continue;
    }
    if (pages.has(r.from)) {
      diagnostics.push(diagnostic('invalid-redirect', file, at, `"${r.from}" is a live page, so it cannot also redirect to "${r.to}".`, 'Remove the redirect, or move or delete the page first.'));
      continue;
    }
    const target = resolveLink(r.to, '/');
    if (!target) continue; // An external target (checked when loaded) is allowed as it is.
    if (target.malformed) {
      diagnostics.push(diagnostic('invalid-redirect', file, at, `The redirect from "${r.from}" points to "${r.to}", which is not a valid URL: a "%" must be followed by two hexadecimal digits that spell UTF-8.`, 'Fix the escape, or write the path without escapes.'));
      continue;
    }
    if (bySource.has(target.path)) {
      const seen = new Set([r.from]);
      let current = target.path;
      let final = r.to;
      while (bySource.has(current) && !seen.has(current)) {
        seen.add(current);
        final = bySource.get(current)!.to;
        current = resolveLink(final, '/')?.path ?? current;
      }
      if (seen.has(current)) {
        diagnostics.push(diagnostic('invalid-redirect', file, at, `The redirect from "${r.from}" is part of a loop (${[...seen, current].join(' → ')}).`, 'Point each old path at the live page it moved to.'));
      } else {
        diagnostics.push(diagnostic('invalid-redirect', file, at, `"${r.from}" redirects to "${r.to}", which itself redirects: a chain.`, `Point it straight at the final target: "${final}".`));
      }
      continue;
    }
    const anchors = pages.get(target.path);
    if (!anchors) {
      const near = closest(target.path, urls);
      diagnostics.push(diagnostic('invalid-redirect', file, at, `The redirect from "${r.from}" points to "${r.to}", which is no page.`, near ? `did you mean "${near}"?` : 'Point it at an existing page.'));
      continue;
    }
    if (target.fragment && !anchors.includes(target.fragment)) {
      diagnostics.push(diagnostic('invalid-redirect', file, at, `The redirect from "${r.from}" points to #${target.fragment}, which is not an anchor of ${target.path}.`, `Anchors there: ${anchors.slice(0, 12).join(', ') || 'none'}.`));
    }
  }
  return diagnostics;
}


/** The HTML page left at an old path: refresh, canonical link, noindex and a visible link. */
export function redirectPage(to: string, siteUrl?: string): string {
  const href = escapeHtml(to);
  const canonical = siteUrl && to.startsWith('/') ? escapeHtml(new URL(to, siteUrl).href) : href;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved to ${href}</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${href}">
<link rel="canonical" href="${canonical}">
</head>
<body>
<p>This page has moved to <a href="${href}">${href}</a>.</p>
</body>
</html>
`;
}

/**
 * The target for a request path, when it is an old path (`/old` and `/old/` alike; the query
 * string is ignored). The dev server answers such requests with a 301, as a host reading
 * `_redirects` would.
 */
export function redirectFor(redirects: readonly Redirect[], requestPath: string): string | undefined {
  let pathname = requestPath.split(/[?#]/)[0]!;
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const wanted = normalisePath(pathname);
  return redirects.find((r) => r.from === wanted)?.to;
}

/** A `_redirects` file (Netlify, Cloudflare Pages and others read it). */
export function redirectsFile(redirects: readonly Redirect[]): string {
  return redirects.map((r) => `${r.from} ${r.to} 301`).join('\n') + (redirects.length ? '\n' : '');
}

/** Writes the redirect pages and `_redirects` into a built site. */
export function writeRedirects(dir: string, redirects: readonly Redirect[], siteUrl?: string): void {
  const root = path.resolve(dir);
  for (const r of redirects) {
    const file = path.resolve(root, `.${r.from.endsWith('/') ? `${r.from}index.html` : r.from}`);
    // validateRedirects rejects such paths; this keeps a bug there from writing outside the site.
    if (!file.startsWith(`${root}${path.sep}`)) throw new Error(`The redirect from "${r.from}" would be written outside the site.`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, redirectPage(r.to, siteUrl));
  }
  if (redirects.length) writeFileSync(path.join(dir, '_redirects'), redirectsFile(redirects));
}
