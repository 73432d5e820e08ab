/**
 * The Markdown copy of a guide, published beside its page at `<page URL>index.md` for tools and
 * assistants: the file as its author wrote it, frontmatter left out, the title as a `# heading` on
 * top, and every link and image pointing where the page's own do: relative links as the renderer
 * resolved them (`../setup.md` → the page's URL), then made absolute (root-relative when
 * site.yaml sets no `url`), so the text means the same wherever it is read or pasted.
 */
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { firstHeading, splitFrontmatter } from './guide.ts';
import { readText } from './read-text.ts';
import type { Page, SiteModel } from './site.ts';

/** Where a page's Markdown copy is published: `/a/b/` → `/a/b/index.md`. */
export function markdownUrl(pageUrl: string): string {
  return `${pageUrl}index.md`;
}

/** A base for resolving root-relative URLs when the site's own address is unknown. */
const NO_ORIGIN = 'http://site.invalid';

/** A URL with a scheme (`https:`, `mailto:`) or protocol-relative: left as written. */
const HAS_SCHEME = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** `href` resolved against the page, absolute when the site's URL is known, else root-relative. */
export function absoluteUrl(href: string, pageUrl: string, siteUrl?: string): string {
  if (HAS_SCHEME.test(href)) return href;
  try {
    const url = new URL(href, new URL(pageUrl, siteUrl ?? NO_ORIGIN));
    return siteUrl ? url.href : `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return href;
  }
}

/** The two spellings of one URL, as written and as the renderer normalised it, compare equal. */
function sameUrl(a: string, b: string): boolean {
  const decode = (s: string) => {
    try {
      return decodeURI(s);
    } catch {
      return s;
    }
  };
  return a === b || decode(a) === decode(b);
}

/**
 * The end of a link destination that starts at `from` (after `(` or `]:`): `<…>` whole, or a run
 * without spaces in which parentheses balance, as CommonMark reads it.
 */
function destinationEnd(text: string, from: number): number {
  if (text[from] === '<') {
    for (let i = from + 1; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '>') return i + 1;
      else if (text[i] === '\n') break;
    }
    return from;
  }
  let depth = 0;
  let i = from;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (/\s/.test(c)) break;
    else if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) break;
  }
  return i;
}

/** Skips spaces, tabs and at most one line ending. */
function skipSpace(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '\r') i++;
  if (text[i] === '\n') i++;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}

/** A destination as Markdown writes it: in `<…>` when it has spaces or brackets. */
function destination(href: string): string {
  return /[\s()<>]/.test(href) ? `<${href.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>` : href;
}

/** Where the destination of an inline link, image or definition is written in `body`. */
function destinationRange(body: string, node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  let from: number;
  if (node.type === 'definition') {
    const colon = body.indexOf(']:', start);
    if (colon < 0 || colon >= end) return undefined;
    from = skipSpace(body, colon + 2);
  } else {
    // Autolinks (`<https://…>`, a bare URL) have no destination to rewrite.
    if (!/^!?\[/.test(body.slice(start, start + 2))) return undefined;
    const children = 'children' in node ? node.children : [];
    const labelEnd = children.at(-1)?.position?.end.offset ?? start + 1;
    const bracket = body.indexOf('](', labelEnd);
    if (bracket < 0 || bracket >= end) return undefined;
    from = skipSpace(body, bracket + 2);
  }
  const to = destinationEnd(body, from);
  return to > from && to <= end ? [from, to] : undefined;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/**
 * The guide's Markdown copy from its file's text. `page.linkTargets` says where the renderer
 * pointed the links it rewrote; every other relative link is resolved against the page's URL,
 * as a browser resolves it on the page.
 */
export function guideMarkdown(page: Pick<Page, 'title' | 'url' | 'linkTargets'>, text: string, siteUrl?: string): string {
  const { body } = splitFrontmatter(text);
  const tree = parser.parse(body) as Root;
  const rendered = new Map((page.linkTargets ?? []).map((l) => [`${l.line}:${l.column}`, l]));
  const renderedAt = (node: Nodes) => {
    const start = node.position?.start;
    return start ? rendered.get(`${start.line}:${start.column}`) : undefined;
  };
  // A reference-style link is rewritten in its definition, where its destination is written.
  const byDefinition = new Map<string, { written: string; href: string }>();
  visit(tree, (node: Nodes) => {
    if (node.type !== 'linkReference' && node.type !== 'imageReference') return;
    const target = renderedAt(node);
    if (target && !byDefinition.has(node.identifier)) byDefinition.set(node.identifier, target);
  });
  const edits: Array<{ from: number; to: number; text: string }> = [];
  visit(tree, (node: Nodes) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const target = node.type === 'definition' ? byDefinition.get(node.identifier) : renderedAt(node);
    const href = target && sameUrl(target.written, node.url) ? target.href : node.url;
    const url = absoluteUrl(href, page.url, siteUrl);
    const range = url === node.url ? undefined : destinationRange(body, node);
    if (range) edits.push({ from: range[0], to: range[1], text: destination(url) });
  });
  let markdown = body;
  for (const edit of edits.sort((a, b) => b.from - a.from)) markdown = markdown.slice(0, edit.from) + edit.text + markdown.slice(edit.to);
  markdown = markdown.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
  // The title leads the copy, unless the file's own `# heading` already gives it.
  const heading = firstHeading(body);
  const titled = heading?.text === page.title ? markdown : `# ${page.title}\n\n${markdown}`;
  return `${titled}\n`;
}

/** Every published guide's Markdown copy, by page URL, in reading order (read from the content folder). */
export function markdownCopies(model: Pick<SiteModel, 'contentDir' | 'config' | 'pages'>): Map<string, string> {
  const copies = new Map<string, string>();
  for (const page of model.pages) {
    // The file was read moments ago to build the model; one that has gone since has no copy.
    const { text } = readText(path.join(model.contentDir, page.relativePath));
    if (text !== undefined) copies.set(page.url, guideMarkdown(page, text, model.config.url));
  }
  return copies;
}
