/**
 * The Markdown copy of a guide, published beside its page at `<page URL>index.md` for tools and
 * assistants: the file as its author wrote it, frontmatter left out, the title as a `# heading` on
 * top, and every link and image pointing where the page's own do: relative links as the renderer
 * resolved them (`../setup.md` → the page's URL), then made absolute (root-relative when
 * site.yaml sets no `url`), so the text means the same wherever it is read or pasted.
 */
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from './visit.ts';
import { splitFrontmatter } from './guide.ts';
import { headingAttributes } from './heading-attributes.ts';
import { absoluteUrl } from './page-links.ts';

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

/**
 * What a Markdown copy needs from the file's syntax tree, as plain data (so the renderer can
 * take it from the tree it parses anyway, before its plugins change that tree): where each link,
 * image and definition is written, which definition each reference uses, and the first `# heading`.
 */
export interface CopySites {
  links: Array<{ type: 'link' | 'image' | 'definition'; url: string; identifier?: string; line: number; column: number; start: number; end: number; labelEnd?: number }>;
  references: Array<{ identifier: string; line: number; column: number }>;
  /** The first level-1 heading's text, its `{#id}` block left out. */
  heading?: string;
}

/** The CopySites of a parsed file (remark-parse with GFM and directives, as the renderer parses). */
export function copySites(tree: Root): CopySites {
  const sites: CopySites = { links: [], references: [] };
  visit(tree, (node: Nodes) => {
    const start = node.position?.start;
    if ((node.type === 'linkReference' || node.type === 'imageReference') && start) {
      sites.references.push({ identifier: node.identifier, line: start.line, column: start.column });
    } else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && start?.offset !== undefined && node.position?.end.offset !== undefined) {
      const children = 'children' in node ? node.children : [];
      sites.links.push({
        type: node.type,
        url: node.url,
        ...(node.type === 'definition' ? { identifier: node.identifier } : {}),
        line: start.line,
        column: start.column,
        start: start.offset,
        end: node.position.end.offset,
        ...(node.type === 'definition' ? {} : { labelEnd: children.at(-1)?.position?.end.offset ?? start.offset + 1 }),
      });
    } else if (node.type === 'heading' && node.depth === 1 && sites.heading === undefined) {
      const text = toString(node);
      // `# Configuration {#config}`: the id block is not part of the title.
      sites.heading = headingAttributes(text)?.text.trimEnd() ?? text;
    }
  });
  return sites;
}

/** Where the destination of an inline link, image or definition is written in `body`. */
function destinationRange(body: string, site: CopySites['links'][number]): [number, number] | undefined {
  const { start, end } = site;
  let from: number;
  if (site.type === 'definition') {
    const colon = body.indexOf(']:', start);
    if (colon < 0 || colon >= end) return undefined;
    from = skipSpace(body, colon + 2);
  } else {
    // Autolinks (`<https://…>`, a bare URL) have no destination to rewrite.
    if (!/^!?\[/.test(body.slice(start, start + 2))) return undefined;
    const bracket = body.indexOf('](', site.labelEnd ?? start + 1);
    if (bracket < 0 || bracket >= end) return undefined;
    from = skipSpace(body, bracket + 2);
  }
  const to = destinationEnd(body, from);
  return to > from && to <= end ? [from, to] : undefined;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/** Where the renderer pointed the links it rewrote. */
export type LinkTargets = Array<{ line: number; column: number; written: string; href: string }>;

/** What a copy needs to know of its page (a site.ts Page has it; the renderer passes its own). */
export interface CopiedPage {
  title: string;
  url: string;
  linkTargets?: LinkTargets;
}

/**
 * The guide's Markdown copy from its body (frontmatter blanked) and the CopySites of its tree.
 * `page.linkTargets` says where the renderer pointed the links it rewrote; every other relative
 * link is resolved against the page's URL, as a browser resolves it on the page.
 */
export function markdownCopy(page: CopiedPage, body: string, sites: CopySites, siteUrl?: string): string {
  const rendered = new Map((page.linkTargets ?? []).map((l) => [`${l.line}:${l.column}`, l]));
  const renderedAt = (site: { line: number; column: number }) => rendered.get(`${site.line}:${site.column}`);
  // A reference-style link is rewritten in its definition, where its destination is written.
  const byDefinition = new Map<string, { written: string; href: string }>();
  for (const reference of sites.references) {
    const target = renderedAt(reference);
    if (target && !byDefinition.has(reference.identifier)) byDefinition.set(reference.identifier, target);
  }
  const edits: Array<{ from: number; to: number; text: string }> = [];
  for (const site of sites.links) {
    const target = site.type === 'definition' ? byDefinition.get(site.identifier!) : renderedAt(site);
    const href = target && sameUrl(target.written, site.url) ? target.href : site.url;
    const url = absoluteUrl(href, page.url, siteUrl);
    const range = url === site.url ? undefined : destinationRange(body, site);
    if (range) edits.push({ from: range[0], to: range[1], text: destination(url) });
  }
  let markdown = body;
  for (const edit of edits.sort((a, b) => b.from - a.from)) markdown = markdown.slice(0, edit.from) + edit.text + markdown.slice(edit.to);
  markdown = markdown.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
  // The title leads the copy, unless the file's own `# heading` already gives it.
  const titled = sites.heading === page.title ? markdown : `# ${page.title}\n\n${markdown}`;
  return `${titled}\n`;
}

/** The guide's Markdown copy from its file's text (parsed here; the build takes it from the renderer). */
export function guideMarkdown(page: CopiedPage, text: string, siteUrl?: string): string {
  const { body } = splitFrontmatter(text);
  return markdownCopy(page, body, copySites(parser.parse(body) as Root), siteUrl);
}

/** Every published guide's Markdown copy, by page URL, in reading order (as the renderer wrote them). */
export function markdownCopies(model: { pages: ReadonlyArray<{ url: string; markdown?: string }> }): Map<string, string> {
  return new Map(model.pages.flatMap((page) => (page.markdown === undefined ? [] : [[page.url, page.markdown] as const])));
}
