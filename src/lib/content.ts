/**
 * Reads a content folder (site.yaml and guides/<section>/<slug>.md) into validated data plus
 * diagnostics. Nothing here renders Markdown; see render.ts for that.
 */
import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { diagnostic, suggestion, type Diagnostic } from './diagnostics.ts';
import { frontmatterSchema, LEVELS, siteConfigSchema, validate, type Frontmatter, type SiteConfig } from './schema.ts';
import { parseYaml } from './yaml.ts';
import { compareText } from './compare.ts';
import { loadDataFile } from './data/load.ts';
import { readText } from './read-text.ts';
import type { Heading } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

export interface GuideSource {
  /** Absolute path of the Markdown file. */
  file: string;
  /** Path relative to the content folder, with forward slashes. */
  relativePath: string;
  section: string;
  slug: string;
  /** `/<section>/<slug>/` */
  url: string;
  frontmatter: Frontmatter;
  /** Title from frontmatter, else from the first `# heading`. */
  title: string;
  /** True when the title came from a `# heading`, which the renderer then leaves out of the body. */
  titleFromHeading: boolean;
  /** The file's text with the frontmatter lines blanked, so Markdown positions are file positions. */
  body: string;
}

export interface ContentSource {
  contentDir: string;
  site: SiteConfig;
  /** Where site.yaml's `start` is written, for the link check. */
  startAt?: { line: number; column: number };
  guides: GuideSource[];
  diagnostics: Diagnostic[];
}

/** Loads and validates site.yaml. */
export function loadSiteConfig(contentDir: string): { site?: SiteConfig; startAt?: { line: number; column: number }; diagnostics: Diagnostic[] } {
  const file = path.join(contentDir, 'site.yaml');
  if (!existsSync(file)) {
    return {
      diagnostics: [diagnostic('missing-content', file, undefined, 'The content folder has no site.yaml.', 'Create site.yaml with at least `title:` and `sections:`; see the README\'s content model.')],
    };
  }
  const { value: data, diagnostics, parsed } = loadDataFile(file, siteConfigSchema, 'invalid-site-config');
  if (data && parsed) {
    const seen = new Set<string>();
    data.sections.forEach((section, i) => {
      if (seen.has(section.id)) {
        diagnostics.push(diagnostic('invalid-site-config', file, parsed.positionOf(['sections', i, 'id']), `Section "${section.id}" is listed twice.`, 'Remove one of the two entries.'));
      }
      seen.add(section.id);
    });
  }
  return { site: diagnostics.length ? undefined : data, startAt: data?.start && parsed ? parsed.positionOf(['start']) : undefined, diagnostics };
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
  return heading ? { text: toString(heading), line: heading.position?.start.line ?? 1 } : undefined;
}

/**
 * Turns a file name into a URL slug: lowercase, accents folded (`ünïcode` → `unicode`), spaces and
 * underscores become hyphens, anything else that cannot sit in a URL segment is dropped.
 */
export function slugFromFileName(name: string): string {
  return looseSlug(name)
    .replace(/[^a-z0-9.-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** The slug before anything is dropped, to tell whether the file name lost characters. */
function looseSlug(name: string): string {
  return name
    .replace(/\.md$/i, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Files and folders whose name starts with a dot are hidden files or editors' temporary copies
 * (`.#setup.md`, `.setup.md.swp`), not guides.
 */
export function isHidden(name: string): boolean {
  return name.startsWith('.');
}

/** Reads one guide file into a GuideSource. */
export function loadGuide(file: string, contentDir: string, section: string): { guide?: GuideSource; diagnostics: Diagnostic[] } {
  const read = readText(file);
  if (read.diagnostic) return { diagnostics: [read.diagnostic] };
  const text = read.text!;
  if (!text.trim()) {
    return { diagnostics: [diagnostic('empty-file', file, { line: 1, column: 1 }, 'This guide is empty.', 'Write the guide (frontmatter with a title, then Markdown), or delete the file.')] };
  }
  const { yaml, body } = splitFrontmatter(text);
  const diagnostics: Diagnostic[] = [];
  if (yaml === undefined && /^---[ \t]*\r?\n/.test(text)) {
    // Opened but never closed: say so, rather than reporting what follows from it (no title).
    return { diagnostics: [diagnostic('invalid-frontmatter', file, { line: 1, column: 1 }, 'The frontmatter starts with `---` on line 1 but is never closed.', 'Add a line with only `---` after the last frontmatter field.')] };
  }
  let frontmatter: Frontmatter = { draft: false, tags: [] };
  if (yaml !== undefined) {
    const parsed = parseYaml(yaml, file, { lineOffset: 1 });
    if (parsed.diagnostics.length) {
      diagnostics.push(...parsed.diagnostics.map((d) => ({ ...d, code: 'invalid-frontmatter' as const, hint: d.hint })));
    } else if (parsed.value !== null && (typeof parsed.value !== 'object' || Array.isArray(parsed.value))) {
      diagnostics.push(diagnostic('invalid-frontmatter', file, { line: 2, column: 1 }, 'The frontmatter must be a mapping of `key: value` lines.', 'Write fields such as `title: My guide` between the two `---` lines.'));
    } else {
      const result = validate(frontmatterSchema, parsed, file, 'invalid-frontmatter', {
        codeFor: (issue) => (issue.path[0] === 'level' && issue.code === 'invalid_value' ? 'unknown-level' : undefined),
      });
      diagnostics.push(...result.diagnostics.map((d) => (d.code === 'unknown-level' ? { ...d, message: `${d.message.replace(/^"level"/, 'The level')}`, hint: `${d.hint} The ladder's levels are ${LEVELS.join(', ')}.` } : d)));
      if (result.data) frontmatter = result.data;
      else {
        // Keep the title of a guide whose frontmatter has another mistake, so only that mistake is reported.
        const raw = parsed.value as Record<string, unknown> | null;
        if (typeof raw?.title === 'string' && raw.title) frontmatter = { ...frontmatter, title: raw.title };
      }
    }
  }
  const heading = frontmatter.title ? undefined : firstHeading(body);
  const title = frontmatter.title ?? heading?.text;
  if (!title && !diagnostics.length) {
    diagnostics.push(diagnostic('missing-title', file, { line: 1, column: 1 }, 'This guide has no title.', 'Add `title: …` to the frontmatter, or start the body with a `# Heading`.'));
  }
  const name = path.basename(file);
  const slug = slugFromFileName(name);
  if (!/[a-z0-9]/.test(slug)) {
    diagnostics.push(
      diagnostic('invalid-file-name', file, undefined, `The file name "${name}" gives this guide no URL: it has no letter or digit.`, 'Rename the file after its topic, with letters, digits and hyphens, such as "first-steps.md".'),
    );
    return { diagnostics };
  }
  if (slug !== looseSlug(name)) {
    diagnostics.push(
      diagnostic('invalid-file-name', file, undefined, `The file name "${name}" has characters that cannot be in a URL; they were dropped, so this guide is published at /${section}/${slug}/.`, `Rename the file to "${slug}.md" so its name and URL match.`, 'warning'),
    );
  }
  const guide: GuideSource = {
    file,
    relativePath: path.relative(contentDir, file).split(path.sep).join('/'),
    section,
    slug,
    url: `/${section}/${slug}/`,
    frontmatter,
    title: title ?? slug,
    titleFromHeading: Boolean(heading && !frontmatter.title),
    body,
  };
  return { guide: diagnostics.some((d) => d.severity === 'error') ? undefined : guide, diagnostics };
}

/** Extensions of Markdown files that are not read as guides (only `.md` is), worth a warning. */
const MARKDOWN_LIKE = /\.(markdown|mdown|mkd|mkdn|mdx)$/i;

/** Reads a whole content folder: site.yaml and every guide, with every problem found. */
export function loadContent(contentDir: string): ContentSource {
  const dir = path.resolve(contentDir);
  const diagnostics: Diagnostic[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const isFile = existsSync(dir);
    return {
      contentDir: dir,
      site: undefined as unknown as SiteConfig,
      guides: [],
      diagnostics: [
        isFile
          ? diagnostic('missing-content', dir, undefined, `"${contentDir}" is a file; --content takes the folder that holds site.yaml and guides/.`, `Pass its folder instead: --content ${path.dirname(contentDir) || '.'}`)
          : diagnostic('missing-content', dir, undefined, `The content folder "${contentDir}" does not exist.`, 'Pass an existing folder with --content, or run from the project root where content/ lives.'),
      ],
    };
  }
  const config = loadSiteConfig(dir);
  diagnostics.push(...config.diagnostics);
  const guidesDir = path.join(dir, 'guides');
  const guides: GuideSource[] = [];
  if (!existsSync(guidesDir)) {
    diagnostics.push(diagnostic('missing-content', guidesDir, undefined, 'The content folder has no guides/ folder.', 'Create guides/<section>/<slug>.md files; see the README.'));
  } else if (!statSync(guidesDir).isDirectory()) {
    diagnostics.push(diagnostic('missing-content', guidesDir, undefined, 'guides is a file, but it must be the folder that holds the section folders.', 'Rename or remove the file, and create guides/<section>/<slug>.md files; see the README.'));
  } else {
    const realContent = realpathSync(dir);
    /** Where a symbolic link leads, when it leads out of the content folder (reported), else undefined. */
    const leavesContent = (link: string): string | undefined => {
      let real: string;
      try {
        real = realpathSync(link);
      } catch {
        return undefined; // Dangling: reported as unreadable where it is read.
      }
      const relative = path.relative(realContent, real);
      if (!relative.startsWith('..') && !path.isAbsolute(relative)) return undefined;
      diagnostics.push(diagnostic('outside-content', link, undefined, `This is a symbolic link to ${real}, which is outside the content folder; it is not published.`, 'Copy the file into the content folder, or point the link at a file inside it.'));
      return real;
    };
    const isFolder = (entry: Dirent, full: string) => entry.isDirectory() || (entry.isSymbolicLink() && existsSync(full) && statSync(full).isDirectory());
    const sectionIds = config.site?.sections.map((s) => s.id) ?? [];
    for (const entry of readdirSync(guidesDir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name))) {
      if (isHidden(entry.name)) continue;
      const entryPath = path.join(guidesDir, entry.name);
      if (entry.isSymbolicLink() && leavesContent(entryPath)) continue;
      if (!isFolder(entry, entryPath)) {
        if (entry.name.endsWith('.md')) {
          diagnostics.push(diagnostic('unknown-section', entryPath, undefined, 'Guides must sit in a section folder, not directly in guides/.', `Move it to guides/<section>/${entry.name}, with a section listed in site.yaml.`));
        }
        continue;
      }
      if (config.site && !sectionIds.includes(entry.name)) {
        const hint = suggestion(entry.name, sectionIds, 'section');
        diagnostics.push(
          diagnostic('unknown-section', entryPath, undefined, `The folder "${entry.name}" is not a section listed in site.yaml.`, `Add \`- id: ${entry.name}\` with a label under \`sections:\` in site.yaml${hint ? `, or rename the folder (${hint})` : ''}.`),
        );
        continue;
      }
      for (const file of readdirSync(entryPath, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name))) {
        if (isHidden(file.name)) continue;
        const filePath = path.join(entryPath, file.name);
        if (isFolder(file, filePath) && !file.name.toLowerCase().endsWith('.md')) {
          diagnostics.push(diagnostic('ignored-file', filePath, undefined, `guides/${entry.name}/${file.name}/ is a folder inside a section; guides in it are not read.`, `Move its guides up into guides/${entry.name}/ (a section's guides sit directly in its folder).`, 'warning'));
          continue;
        }
        if (MARKDOWN_LIKE.test(file.name)) {
          diagnostics.push(diagnostic('ignored-file', filePath, undefined, `${file.name} is not read: only .md files are guides.`, `Rename it to ${file.name.replace(MARKDOWN_LIKE, '.md')} if it is a guide.`, 'warning'));
          continue;
        }
        if (!file.name.toLowerCase().endsWith('.md')) continue;
        if (file.isSymbolicLink() && leavesContent(filePath)) continue;
        const loaded = loadGuide(path.join(entryPath, file.name), dir, entry.name);
        diagnostics.push(...loaded.diagnostics);
        if (loaded.guide) guides.push(loaded.guide);
      }
    }
  }
  const byUrl = new Map<string, GuideSource>();
  for (const guide of guides) {
    const other = byUrl.get(guide.url);
    if (other) {
      diagnostics.push(diagnostic('duplicate-url', guide.file, { line: 1, column: 1 }, `This guide and ${other.relativePath} would both be published at ${guide.url}.`, 'Rename one of the two files; URLs are made from lowercased file names.'));
    } else {
      byUrl.set(guide.url, guide);
    }
  }
  return { contentDir: dir, site: config.site as SiteConfig, startAt: config.startAt, guides: [...byUrl.values()], diagnostics };
}
