/**
 * The link checker: every internal link must reach a page, and every `#anchor` an element id on
 * that page. External links are not fetched here.
 */
import { closest, diagnostic, type Diagnostic } from './diagnostics.ts';
import type { LinkRef } from './rendered.ts';

export interface LinkSource {
  /** URL of the page the links are on. */
  url: string;
  /** File the links were written in. */
  file: string;
  links: LinkRef[];
}

export interface LinkTargets {
  /** Every URL the site serves, with the anchors on it. */
  pages: Map<string, readonly string[]>;
  /** URLs of draft guides, which published pages may not link to. */
  drafts?: Set<string>;
  /** Old paths from redirects.yaml → their targets; links to them work but should be updated. */
  redirects?: Map<string, string>;
  /** Paths under which links are not checked: pages made from a data file that has errors. */
  unchecked?: readonly string[];
  /**
   * Told of a fragment that matches an id only when case is ignored (`#Gap-Buffers` for
   * `gap-buffers`, which GitHub's pages accept): the build links to the right id instead.
   */
  fix?: (source: LinkSource, link: LinkRef, href: string) => void;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const BASE = 'http://devguide.invalid';

/** `decodeURIComponent`, or undefined for a malformed escape such as `%zz`. */
export function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Normalises an internal href to `{ path, fragment }`, or undefined for external links. A href
 * whose percent-escapes do not decode comes back with `malformed` set.
 */
export function resolveLink(href: string, from: string): { path: string; fragment?: string; malformed?: true } | undefined {
  if (EXTERNAL.test(href)) return undefined;
  let url: URL;
  try {
    url = new URL(href, BASE + from);
  } catch {
    return { path: href };
  }
  let p = safeDecode(url.pathname);
  const fragment = url.hash ? safeDecode(url.hash.slice(1)) : undefined;
  if (p === undefined || (url.hash && fragment === undefined)) return { path: url.pathname, malformed: true };
  if (p.endsWith('/index.html')) p = p.slice(0, -'index.html'.length);
  else if (!p.endsWith('/') && !/\.[a-z0-9]+$/i.test(p)) p += '/';
  return { path: p, fragment };
}

/** Every broken internal link or anchor, with the closest existing target suggested. */
export function findBrokenLinks(sources: readonly LinkSource[], targets: LinkTargets): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const urls = [...targets.pages.keys()];
  for (const source of sources) {
    for (const link of source.links) {
      const written = link.written ?? link.href;
      const resolved = resolveLink(link.href, source.url);
      if (!resolved || targets.unchecked?.some((prefix) => resolved.path.startsWith(prefix))) continue;
      const position = { line: link.line, column: link.column };
      if (resolved.malformed) {
        diagnostics.push(diagnostic('broken-link', source.file, position, `Link "${written}" is not a valid URL: a "%" must be followed by two hexadecimal digits that spell UTF-8.`, 'Write "%25" for a literal percent sign, or fix the escape (a space is "%20").'));
        continue;
      }
      if (targets.drafts?.has(resolved.path)) {
        diagnostics.push(diagnostic('draft-link', source.file, position, `Link "${written}" points to a draft page, which is not published.`, 'Publish the page (remove `draft: true`) or remove the link until it is.'));
        continue;
      }
      const moved = targets.redirects?.get(resolved.path);
      if (moved) {
        diagnostics.push(diagnostic('broken-link', source.file, position, `Link "${written}" points to a page that moved to "${moved}".`, `Link to "${moved}" directly.`, 'warning'));
        continue;
      }
      const anchors = targets.pages.get(resolved.path);
      if (!anchors) {
        const near = closest(resolved.path, urls);
        diagnostics.push(
          diagnostic('broken-link', source.file, position, `Link "${written}" points to no page${link.written ? ` (it would be ${resolved.path})` : ''}.`, `${near ? `did you mean "${near}"? ` : ''}If the page moved, add it to redirects.yaml in the content folder.`),
        );
        continue;
      }
      if (resolved.fragment && !anchors.includes(resolved.fragment)) {
        const folded = resolved.fragment.toLowerCase();
        const sameButCase = anchors.find((a) => a.toLowerCase() === folded);
        if (sameButCase) {
          diagnostics.push(
            diagnostic('broken-anchor', source.file, position, `Link "${written}" points to #${resolved.fragment}, but the id on ${resolved.path} is #${sameButCase}; ids are case-sensitive, so the site links to #${sameButCase}.`, `Write "#${sameButCase}" in the link.`, 'warning'),
          );
          targets.fix?.(source, link, link.href.replace(/#.*$/, `#${sameButCase}`));
          continue;
        }
        const near = closest(resolved.fragment, anchors);
        const list = anchors.filter((a) => !a.startsWith('user-content-fn')).slice(0, 15).join(', ');
        diagnostics.push(
          diagnostic(
            'broken-anchor',
            source.file,
            position,
            `Link "${written}" points to #${resolved.fragment}, which is not a heading or anchor on ${resolved.path}.`,
            `${near ? `did you mean "#${near}"? ` : ''}${list ? `Anchors on that page: ${list}.` : 'That page has no anchors.'}`,
          ),
        );
      }
    }
  }
  return diagnostics;
}
