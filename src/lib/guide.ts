/**
 * One guide file: its frontmatter, title and body, and the checks on its name. The layouts
 * (content.ts for guides/<section>/, folder-content.ts for any folder) decide where it is published.
 */
import path from 'node:path';
import type { Heading } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { FrontmatterCache } from './frontmatter-cache.ts';
import { toString } from 'mdast-util-to-string';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { readText } from './read-text.ts';
import { frontmatterSchema, LEVELS, validate, type Frontmatter } from './schema.ts';
import { looseSegment, segmentSlug } from './url-path.ts';
import { headingAttributes } from './heading-attributes.ts';
import { parseYaml } from './yaml.ts';

export interface GuideSource {
  /** Absolute path of the Markdown file. */
  file: string;
  /** Path relative to the content folder, with forward slashes. */
  relativePath: string;
  section: string;
  slug: string;
  /** Where it is published: `/<section>/<slug>/`, or the file's path for a folder of Markdown. */
  url: string;
  frontmatter: Frontmatter;
  /** Title from frontmatter, else from the first `# heading`, else from the file name. */
  title: string;
  /** True when the title came from a `# heading`, which the renderer then leaves out of the body. */
  titleFromHeading: boolean;
  /** The file's text with the frontmatter lines blanked, so Markdown positions are file positions. */
  body: string;
  /** The file has errors: it is rendered so its links are checked, but not published. */
  failed?: boolean;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Splits frontmatter from body; the body keeps blank lines where the frontmatter was. */
export function splitFrontmatter(text: string): { yaml?: string; body: string } {
  if (!text.startsWith('---')) return { body: text };
  const match = FRONTMATTER.exec(text);
  if (!match || match.index !== 0) return { body: text };
  const block = match[0];
  const blanks = block.replace(/[^\n]/g, '');
  return { yaml: match[1] ?? '', body: blanks + text.slice(block.length) };
}

/** The text of the first level-1 heading (ATX or setext), with its line, as remark parses it. */
export function firstHeading(body: string): { text: string; line: number } | undefined {
  const heading = fromMarkdown(body).children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  if (!heading) return undefined;
  const text = toString(heading);
  // `# Configuration {#config}`: the id block is not part of the title.
  return { text: headingAttributes(text)?.text.trimEnd() ?? text, line: heading.position?.start.line ?? 1 };
}

/** A file name as a URL slug (see url-path.ts): `Fixing Issues.md` → `fixing-issues`. */
export function slugFromFileName(name: string): string {
  return segmentSlug(name);
}

/**
 * Files and folders whose name starts with a dot are hidden files or editors' temporary copies
 * (`.#setup.md`, `.setup.md.swp`), not guides.
 */
export function isHidden(name: string): boolean {
  return name.startsWith('.');
}

/** Where a guide is published, decided by its layout before the file is read. */
export interface GuidePlace {
  section: string;
  slug: string;
  url: string;
  /** The title when the file has neither frontmatter `title` nor a level-1 heading. */
  fallbackTitle: string;
  /**
   * Frontmatter written for another tool (Hugo's `weight`, Jekyll's `layout`, Docusaurus's
   * `sidebar_position`) in a folder not written for devguide: keys devguide does not know are
   * ignored, a known key with a wrong value is a warning and left out, and the usual ordering keys
   * of those tools give `order`.
   */
  lenient?: boolean;
}

/** Other tools' names for `order`, read when a lenient guide has none. */
const ORDER_ALIASES = ['weight', 'sidebar_position', 'nav_order'];

/**
 * Reads one guide file into a GuideSource. A guide whose frontmatter has errors still comes back,
 * marked `failed`, so its links are checked in the same run; it is not published.
 */
export function loadGuide(file: string, contentDir: string, place: GuidePlace, cache?: FrontmatterCache): { guide?: GuideSource; diagnostics: Diagnostic[] } {
  const read = readText(file);
  if (read.diagnostic) return { diagnostics: [read.diagnostic] };
  const text = read.text!;
  if (!text.trim()) {
    return { diagnostics: [diagnostic('empty-file', file, { line: 1, column: 1 }, 'This guide is empty.', 'Write the guide (frontmatter with a title, then Markdown), or delete the file.')] };
  }
  const { yaml, body } = splitFrontmatter(text);
  const diagnostics: Diagnostic[] = [];
  if (yaml === undefined && /^---[ \t]*\r?\n/.test(text)) {
    // Opened but never closed: say so, rather than reporting what follows from it.
    return { diagnostics: [diagnostic('invalid-frontmatter', file, { line: 1, column: 1 }, 'The frontmatter starts with `---` on line 1 but is never closed.', 'Add a line with only `---` after the last frontmatter field.')] };
  }
  let frontmatter: Frontmatter = { draft: false, tags: [] };
  const cached = yaml === undefined ? undefined : cache?.get(yaml, Boolean(place.lenient));
  if (cached) frontmatter = cached;
  else if (yaml !== undefined) {
    const parsed = parseYaml(yaml, file, { lineOffset: 1 });
    if (parsed.diagnostics.length) {
      diagnostics.push(...parsed.diagnostics.map((d) => ({ ...d, code: 'invalid-frontmatter' as const, hint: d.hint })));
    } else if (parsed.value !== null && (typeof parsed.value !== 'object' || Array.isArray(parsed.value))) {
      diagnostics.push(diagnostic('invalid-frontmatter', file, { line: 2, column: 1 }, 'The frontmatter must be a mapping of `key: value` lines.', 'Write fields such as `title: My guide` between the two `---` lines.'));
    } else {
      const raw = (parsed.value ?? {}) as Record<string, unknown>;
      const known = place.lenient ? { ...parsed, value: Object.fromEntries(Object.entries(raw).filter(([key]) => key in frontmatterSchema.shape)) } : parsed;
      const result = validate(frontmatterSchema, known, file, 'invalid-frontmatter', {
        codeFor: (issue) => (issue.path[0] === 'level' && issue.code === 'invalid_value' ? 'unknown-level' : undefined),
      });
      const found = result.diagnostics.map((d) => (d.code === 'unknown-level' ? { ...d, message: `${d.message.replace(/^"level"/, 'The level')}`, hint: `${d.hint} The ladder's levels are ${LEVELS.join(', ')}.` } : d));
      diagnostics.push(...(place.lenient ? found.map((d) => ({ ...d, severity: 'warning' as const, message: `${d.message} It is left out.` })) : found));
      if (result.data) frontmatter = result.data;
      else if (place.lenient) {
        // Keep each field that is right on its own; the warnings name the others.
        const fields = Object.fromEntries(Object.entries(known.value as Record<string, unknown>).filter(([key, value]) => frontmatterSchema.shape[key as keyof Frontmatter].safeParse(value).success));
        frontmatter = frontmatterSchema.parse(fields);
      } else if (typeof raw.title === 'string' && raw.title) {
        // Keep the title of a guide whose frontmatter has another mistake, so only that mistake is reported.
        frontmatter = { ...frontmatter, title: raw.title };
      }
      if (place.lenient && frontmatter.order === undefined) {
        const order = ORDER_ALIASES.map((key) => raw[key]).find((value): value is number => typeof value === 'number' && Number.isFinite(value));
        if (order !== undefined) frontmatter = { ...frontmatter, order };
      }
    }
  }
  if (yaml !== undefined && !cached && !diagnostics.length) cache?.set(yaml, Boolean(place.lenient), frontmatter);
  const heading = frontmatter.title ? undefined : firstHeading(body);
  const guide: GuideSource = {
    file,
    relativePath: path.relative(contentDir, file).split(path.sep).join('/'),
    section: place.section,
    slug: place.slug,
    url: place.url,
    frontmatter,
    title: frontmatter.title ?? heading?.text ?? place.fallbackTitle,
    titleFromHeading: Boolean(heading && !frontmatter.title),
    body,
    ...(diagnostics.some((d) => d.severity === 'error') ? { failed: true } : {}),
  };
  return { guide, diagnostics };
}

/**
 * Checks that a file or folder name gives a URL segment: an error when it has no letter or digit,
 * a warning when characters are dropped on the way. Undefined when the name cannot be used.
 */
export function nameDiagnostics(file: string, name: string, url: (slug: string) => string, stripPrefix: boolean): { slug?: string; diagnostics: Diagnostic[] } {
  const slug = segmentSlug(name, stripPrefix);
  const what = /\.md$/i.test(name) ? 'file name' : 'folder name';
  const owner = /\.md$/i.test(name) ? 'this guide' : 'the guides in it';
  if (!/[a-z0-9]/.test(slug)) {
    return {
      diagnostics: [diagnostic('invalid-file-name', file, undefined, `The ${what} "${name}" gives ${owner} no URL: it has no letter or digit.`, `Rename it after its topic, with letters, digits and hyphens, such as "${/\.md$/i.test(name) ? 'first-steps.md' : 'first-steps'}".`)],
    };
  }
  if (slug !== looseSegment(name, stripPrefix)) {
    return {
      slug,
      diagnostics: [
        diagnostic('invalid-file-name', file, undefined, `The ${what} "${name}" has characters that cannot be in a URL; they were dropped, so ${owner} ${/\.md$/i.test(name) ? 'is' : 'are'} published at ${url(slug)}.`, `Rename the ${/\.md$/i.test(name) ? 'file' : 'folder'} to "${slug}${/\.md$/i.test(name) ? '.md' : ''}" so its name and URL match.`, 'warning'),
      ],
    };
  }
  return { slug, diagnostics: [] };
}

