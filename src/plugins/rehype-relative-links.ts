/**
 * Relative links as GitHub resolves them. A link or image written relative to the Markdown file
 * (`../tests/ci.md#testing`, `img/x.png`, `../../Python/ceval.c`) becomes the URL the built site
 * serves it at:
 *
 * - a `.md` file, or a folder, inside the content root → that page's URL (url-path.ts);
 * - any other file inside the content root → the same path below the site's root, and the file
 *   is copied there (an asset);
 * - a file outside the content root but inside its git repository → that file on the
 *   repository's host (`<repository>/blob/<branch>/<path>`).
 *
 * What each link resolved to is recorded in `file.data.resolved`, so the build can check that the
 * files exist and copy the assets (a page's rendering is cached; files can come and go).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';
import type { ResolvedLink } from '../lib/rendered.ts';
import { urlForPath } from '../lib/url-path.ts';

declare module 'vfile' {
  interface DataMap {
    resolved: ResolvedLink[];
  }
}

export interface LinkContext {
  /** The folder whose files map to URLs (a book's src/, the content folder, or guides/). */
  root: string;
  /** The git repository around the content, for links to files outside the root. */
  repository?: { root: string; url?: string; branch?: string };
  /**
   * Resolve `/path` links from the repository's root, as GitHub does, when the file exists there
   * (a folder of Markdown); devguide's own layout writes `/section/page/` site paths instead.
   */
  rootRelative?: boolean;
}

export interface Options {
  links?: LinkContext;
}

/** Which attributes of which elements hold a URL, and whether it shows an image. */
const URL_ATTRIBUTES: Record<string, Array<{ name: string; image: boolean; srcset?: true }>> = {
  a: [{ name: 'href', image: false }],
  area: [{ name: 'href', image: false }],
  img: [
    { name: 'src', image: true },
    { name: 'srcSet', image: true, srcset: true },
  ],
  source: [
    { name: 'src', image: true },
    { name: 'srcSet', image: true, srcset: true },
  ],
  video: [
    { name: 'src', image: true },
    { name: 'poster', image: true },
  ],
  audio: [{ name: 'src', image: true }],
};

/** A URL with a scheme (`https:`, `mailto:`), protocol-relative, site-absolute or only a fragment. */
const NOT_RELATIVE = /^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i;

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

const encodePath = (relative: string) => relative.split(/[\\/]/).map(encodeURIComponent).join('/');

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a URL written in `from` (an absolute file path) resolves to, or undefined to leave it as
 * written. A relative URL resolves from the file's folder. With `rootRelative`, a URL that starts
 * with one `/` resolves from the repository's root as GitHub does (`/CONTRIBUTING.md`), else from
 * the content root, when the file is there; otherwise it stays a path on the site.
 */
export function resolveRelative(written: string, from: string, context: LinkContext): Omit<ResolvedLink, 'line' | 'column' | 'image'> | undefined {
  const trimmed = written.trim();
  const rooted = context.rootRelative && /^\/(?!\/)/.test(trimmed);
  if (!trimmed || (!rooted && NOT_RELATIVE.test(trimmed))) return undefined;
  const m = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(trimmed);
  if (!m || !m[1]) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(m[1]);
  } catch {
    return undefined; // The link checker reports escapes that do not decode.
  }
  const query = m[2] ?? '';
  const fragment = m[3] ?? '';
  let target: string;
  if (rooted) {
    const found = [context.repository?.root, context.root].filter((base): base is string => Boolean(base)).map((base) => path.join(base, pathname)).find(exists);
    if (!found) return undefined;
    target = found;
  } else target = path.resolve(path.dirname(from), pathname);
  const folder = pathname.endsWith('/') || isDirectory(target);
  if (isInside(context.root, target)) {
    const relative = path.relative(context.root, target).split(path.sep).join('/');
    if (folder || /\.md$/i.test(target)) return { written, href: `${urlForPath(relative)}${fragment}`, kind: 'page', target };
    // mdBook's own links to the HTML it writes: `chapter.html` for chapter.md, `dir/index.html`.
    if (/\.html$/i.test(target) && !exists(target)) {
      const markdown = target.replace(/\.html$/i, '.md');
      if (exists(markdown)) return { written, href: `${urlForPath(relative.replace(/\.html$/i, '.md'))}${fragment}`, kind: 'page', target: markdown };
      if (/^index\.html$/i.test(path.basename(target))) return { written, href: `${urlForPath(path.posix.dirname(relative))}${fragment}`, kind: 'page', target: path.dirname(target) };
    }
    return { written, href: `/${encodePath(relative)}${query}${fragment}`, kind: 'asset', target };
  }
  const repo = context.repository;
  if (repo && isInside(repo.root, target)) {
    const relative = path.relative(repo.root, target).split(path.sep).join('/');
    if (!repo.url) return { written, href: written, kind: 'repository', target };
    return { written, href: `${repo.url}/${folder ? 'tree' : 'blob'}/${repo.branch ?? 'main'}/${encodePath(relative)}${query}${fragment}`, kind: 'repository', target };
  }
  return { written, href: written, kind: 'outside', target };
}

/** rehype plugin: rewrites relative links and records what they resolved to. */
export default function rehypeRelativeLinks(options: Options = {}) {
  return (tree: Root, file: VFile) => {
    const resolved: ResolvedLink[] = [];
    const context = options.links;
    if (context && file.path) {
      visit(tree, 'element', (node: Element) => {
        for (const attribute of URL_ATTRIBUTES[node.tagName] ?? []) {
          const value = node.properties[attribute.name];
          if (typeof value !== 'string' || !value) continue;
          const start = node.position?.start;
          const place = { line: start?.line ?? 0, column: start?.column ?? 0, image: attribute.image };
          if (attribute.srcset) {
            // `a.png 1x, b.png 2x`: each candidate's URL is resolved on its own.
            node.properties[attribute.name] = value
              .split(',')
              .map((candidate) => {
                const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
                const result = resolveRelative(url, file.path, context);
                if (result) resolved.push({ ...result, ...place });
                return [result?.href ?? url, ...descriptor].join(' ');
              })
              .join(', ');
            continue;
          }
          const result = resolveRelative(value, file.path, context);
          if (!result) continue;
          node.properties[attribute.name] = result.href;
          // Links to pages are checked with every other internal link (rehype-collect-links), by
          // the URL they now have, and the message quotes what the author wrote; links to files
          // are checked by the build from `resolved`.
          node.data = { ...node.data, written: value, resolvedKind: result.kind } as Element['data'];
          if (result.kind !== 'page' || attribute.image) resolved.push({ ...result, ...place });
        }
      });
    }
    file.data.resolved = resolved;
  };
}
