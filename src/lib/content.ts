/**
 * Reads a content folder into validated data plus diagnostics: devguide's own layout (site.yaml and
 * guides/<section>/<slug>.md), or any folder of Markdown and mdBook book (folder-content.ts), with
 * site.yaml optional. Nothing here renders Markdown; see src/render for that.
 */
import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { diagnostic, suggestion, type Diagnostic } from './diagnostics.ts';
import { siteFileSchema, type SiteConfig, type SiteFile } from './schema.ts';
import { compareText } from './compare.ts';
import { loadDataFile } from './data/load.ts';
import type { NavSection } from './nav.ts';
import { findRepository, type GitRepository } from './git-repo.ts';
import { loadFolder } from './folder-content.ts';
import type { FrontmatterCache } from './frontmatter-cache.ts';
import { isHidden, loadGuide, nameDiagnostics, type GuideSource } from './guide.ts';
import { describeFolder, readBookToml, shapeMessage } from './project-shape.ts';
import { RESERVED_SEGMENTS } from './routes.ts';
import { readableName } from './url-path.ts';

export { firstHeading, isHidden, loadGuide, slugFromFileName, splitFrontmatter, type GuideSource } from './guide.ts';

/**
 * How the content folder is laid out: devguide's own `guides/<section>/<slug>.md` with site.yaml,
 * any folder of Markdown (GitHub-style, README per folder), or an mdBook book (book.toml).
 */
export type Layout = 'guides' | 'folder' | 'mdbook';

export interface ContentSource {
  contentDir: string;
  /** The folder whose files map to URLs: guides/, the content folder itself, or a book's src/. */
  root: string;
  layout: Layout;
  site: SiteConfig;
  /** Where site.yaml's `start` is written, for the link check. */
  startAt?: { line: number; column: number };
  guides: GuideSource[];
  /** The navigation of a folder or book; the guides layout orders pages by site.yaml and `order`. */
  nav?: NavSection[];
  /** Folders with guides but no README or index.md: they get a generated page listing them. */
  listings?: Array<{ url: string; title: string; section: string }>;
  /** The git repository the content lives in, for links to files outside the content folder. */
  repository?: GitRepository;
  diagnostics: Diagnostic[];
}

/**
 * Loads and validates site.yaml, which is optional: `exists` is false when there is none, and
 * `site` is undefined when it has errors.
 */
export function loadSiteConfig(contentDir: string): { site?: SiteFile; exists: boolean; startAt?: { line: number; column: number }; diagnostics: Diagnostic[] } {
  const file = path.join(contentDir, 'site.yaml');
  if (!existsSync(file)) return { exists: false, site: siteFileSchema.parse({}), diagnostics: [] };
  const { value: data, diagnostics, parsed } = loadDataFile(file, siteFileSchema, 'invalid-site-config');
  if (data && parsed) {
    const seen = new Set<string>();
    data.sections?.forEach((section, i) => {
      if (seen.has(section.id)) {
        diagnostics.push(diagnostic('invalid-site-config', file, parsed.positionOf(['sections', i, 'id']), `Section "${section.id}" is listed twice.`, 'Remove one of the two entries.'));
      }
      seen.add(section.id);
    });
  }
  return { exists: true, site: diagnostics.length ? undefined : data, startAt: data?.start && parsed ? parsed.positionOf(['start']) : undefined, diagnostics };
}

/** Extensions of Markdown files that are not read as guides (only `.md` is), worth a warning. */
const MARKDOWN_LIKE = /\.(markdown|mdown|mkd|mkdn|mdx)$/i;

/**
 * Reads a whole content folder: site.yaml and every guide, with every problem found. With a
 * frontmatter cache, guides whose frontmatter it remembers are not parsed again (frontmatter-cache.ts).
 */
export function loadContent(contentDir: string, options: { frontmatter?: FrontmatterCache } = {}): ContentSource {
  const dir = path.resolve(contentDir);
  const diagnostics: Diagnostic[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const isFile = existsSync(dir);
    return {
      contentDir: dir,
      root: dir,
      layout: 'folder',
      site: undefined as unknown as SiteConfig,
      guides: [],
      diagnostics: [
        isFile
          ? diagnostic('missing-content', dir, undefined, `"${contentDir}" is a file; --content takes the folder that holds the Markdown (or site.yaml and guides/).`, `Pass its folder instead: --content ${path.dirname(contentDir) || '.'}`)
          : diagnostic('missing-content', dir, undefined, `The content folder "${contentDir}" does not exist.`, 'Pass an existing folder with --content, or run from the project root where content/ lives.'),
      ],
    };
  }
  const config = loadSiteConfig(dir);
  diagnostics.push(...config.diagnostics);
  const realContent = realpathSync(dir);
  /** Whether a symbolic link leads out of the content folder; such a link is reported and skipped. */
  const leavesContent = (link: string): boolean => {
    let real: string;
    try {
      real = realpathSync(link);
    } catch {
      return false; // Dangling: reported as unreadable where it is read.
    }
    const relative = path.relative(realContent, real);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) return false;
    diagnostics.push(diagnostic('outside-content', link, undefined, `This is a symbolic link to ${real}, which is outside the content folder; it is not published.`, 'Copy the file into the content folder, or point the link at a file inside it.'));
    return true;
  };
  const repository = findRepository(dir);
  const guidesDir = path.join(dir, 'guides');
  const bookToml = path.join(dir, 'book.toml');
  const site = config.site;
  const folderTitle = readableName(path.basename(dir));

  // devguide's own layout: guides/ beside site.yaml's sections, or with no Markdown at the top.
  // A docs folder that merely has a guides/ folder (and a README beside it) is read as a folder.
  const ownLayout = existsSync(guidesDir) && (Boolean(site?.sections) || !readdirSync(dir).some((name) => /\.md$/i.test(name)));
  if (ownLayout) {
    const guides = guidesLayout(dir, guidesDir, site, leavesContent, diagnostics, options.frontmatter);
    const sections = site?.sections ?? inferredSections(guidesDir);
    const merged = site ? completeConfig(site, { title: folderTitle, sections, repository, contentDir: dir }) : undefined;
    return finish({ contentDir: dir, root: guidesDir, layout: 'guides', site: merged as SiteConfig, startAt: config.startAt, guides, repository, diagnostics });
  }

  const book = existsSync(bookToml) ? readBookToml(bookToml) : undefined;
  const root = book ? path.join(dir, book.src ?? 'src') : dir;
  const summaryFile = ['SUMMARY.md', 'summary.md'].map((name) => path.join(root, name)).find((f) => existsSync(f));
  if (book && !existsSync(root)) {
    diagnostics.push(diagnostic('missing-content', root, undefined, `book.toml names "${book.src ?? 'src'}" as the book's source folder, but it does not exist.`, 'Set `src` under [book] in book.toml to the folder that holds SUMMARY.md.'));
  }
  let rootTitle: string | undefined;
  const folder = loadFolder({
    contentDir: dir,
    root,
    leavesContent,
    summary: summaryFile,
    siteTitle: () => site?.title ?? book?.title ?? rootTitle ?? folderTitle,
    frontmatter: options.frontmatter,
  });
  rootTitle = folder.rootTitle;
  diagnostics.push(...folder.diagnostics);
  if (folder.markdownFiles === 0) {
    const shape = describeFolder(dir);
    const said = shapeMessage(shape, dir);
    diagnostics.push(
      said
        ? diagnostic('missing-content', dir, undefined, said.message, said.hint)
        : diagnostic('missing-content', dir, undefined, 'The content folder holds no Markdown (.md) files.', 'Pass the folder that holds your guides with --content, or create guides/<section>/<slug>.md files; see the README.'),
    );
  }
  const title = site?.title ?? book?.title ?? folder.rootTitle ?? folderTitle;
  const nav = applySiteSections(folder.nav, site?.sections);
  const merged = site ? completeConfig(site, { title, sections: nav.map(({ id, label, description }) => ({ id, label, ...(description ? { description } : {}) })), repository, contentDir: dir }) : undefined;
  return finish({ contentDir: dir, root, layout: book ? 'mdbook' : 'folder', site: merged as SiteConfig, startAt: config.startAt, guides: folder.guides, nav, listings: folder.listings, repository, diagnostics });
}

/** Reports guides that would share a URL and keeps the first of each. */
function finish(content: ContentSource): ContentSource {
  const byUrl = new Map<string, GuideSource>();
  for (const guide of content.guides) {
    const other = byUrl.get(guide.url);
    if (other) {
      content.diagnostics.push(diagnostic('duplicate-url', guide.file, { line: 1, column: 1 }, `This guide and ${other.relativePath} would both be published at ${guide.url}.`, 'Rename one of the two files; URLs are made from lowercased file names.'));
    } else if (content.layout !== 'guides' && RESERVED_SEGMENTS.includes(guide.url.split('/')[1] ?? '')) {
      content.diagnostics.push(
        diagnostic('duplicate-url', guide.file, { line: 1, column: 1 }, `This guide would be published at ${guide.url}, but the site uses /${guide.url.split('/')[1]}/ for its own pages.`, `Rename the file or folder; these names are taken: ${RESERVED_SEGMENTS.join(', ')}.`),
      );
    } else {
      byUrl.set(guide.url, guide);
    }
  }
  return { ...content, guides: [...byUrl.values()] };
}

/**
 * site.yaml's values over what the content gives: the title, the sections, and the repository
 * (`origin` of the git repository the content is in, with the content's path inside it).
 */
function completeConfig(site: SiteFile, inferred: { title: string; sections: SiteConfig['sections']; repository?: GitRepository; contentDir: string }): SiteConfig {
  const repo = inferred.repository;
  const repository =
    site.repository ??
    (repo?.url ? { url: repo.url, branch: repo.branch ?? 'main', path: path.relative(repo.root, inferred.contentDir).split(path.sep).join('/') } : undefined);
  return { ...site, title: site.title ?? inferred.title, sections: site.sections ?? inferred.sections, ...(repository ? { repository } : {}) } as SiteConfig;
}

/** site.yaml's `sections` over a folder's: their labels and descriptions, and their order first. */
function applySiteSections(nav: NavSection[], listed: SiteConfig['sections'] | undefined): NavSection[] {
  if (!listed?.length) return nav;
  const rank = new Map(listed.map((s, i) => [s.id, i]));
  return nav
    .map((section) => {
      const own = listed.find((s) => s.id === section.id);
      return own ? { ...section, label: own.label, ...(own.description ? { description: own.description } : {}) } : section;
    })
    .sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}

/** Sections for a guides/ folder without site.yaml: one per folder, named after it. */
function inferredSections(guidesDir: string): SiteConfig['sections'] {
  if (!statSync(guidesDir).isDirectory()) return [];
  return readdirSync(guidesDir, { withFileTypes: true })
    .filter((e) => !isHidden(e.name) && e.isDirectory())
    .sort((a, b) => compareText(a.name, b.name))
    .map((e) => ({ id: e.name, label: readableName(e.name) }));
}

/** devguide's own layout: guides/<section>/<slug>.md, sections listed in site.yaml. */
function guidesLayout(dir: string, guidesDir: string, site: SiteFile | undefined, leavesContent: (link: string) => boolean, diagnostics: Diagnostic[], frontmatter?: FrontmatterCache): GuideSource[] {
  const guides: GuideSource[] = [];
  if (!statSync(guidesDir).isDirectory()) {
    diagnostics.push(diagnostic('missing-content', guidesDir, undefined, 'guides is a file, but it must be the folder that holds the section folders.', 'Rename or remove the file, and create guides/<section>/<slug>.md files; see the README.'));
    return guides;
  }
  const isFolder = (entry: Dirent, full: string) => entry.isDirectory() || (entry.isSymbolicLink() && existsSync(full) && statSync(full).isDirectory());
  const sectionIds = site?.sections?.map((s) => s.id);
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
    if (sectionIds && !sectionIds.includes(entry.name)) {
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
      const named = nameDiagnostics(filePath, file.name, (slug) => `/${entry.name}/${slug}/`, true);
      diagnostics.push(...named.diagnostics);
      if (!named.slug) continue;
      const loaded = loadGuide(filePath, dir, { section: entry.name, slug: named.slug, url: `/${entry.name}/${named.slug}/`, fallbackTitle: readableName(file.name) }, frontmatter);
      diagnostics.push(...loaded.diagnostics);
      if (loaded.guide) guides.push(loaded.guide);
    }
  }
  return guides;
}
