/**
 * A folder of Markdown as it is, the way GitHub or mdBook reads it: every `.md` file below the
 * root is a page at the URL its path gives (url-path.ts), nested folders are nested groups, and the
 * navigation comes from SUMMARY.md when there is one, else from the folders themselves.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { compareText } from './compare.ts';
import type { FrontmatterCache } from './frontmatter-cache.ts';
import { isHidden, loadGuide, nameDiagnostics, type GuideSource } from './guide.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import type { NavItem, NavSection } from './nav.ts';
import { navOrder } from './nav.ts';
import { readText } from './read-text.ts';
import { parseSummary, type SummaryItem, type SummaryPart } from './summary.ts';
import { isFolderPage, prefixOrder, readableName, urlForPath } from './url-path.ts';
import { safeDecode } from './links.ts';
import { includedPaths } from './includes.ts';

/** Folders that never hold guides: dependencies and build output. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

/** Markdown files that are not pages: the book's navigation itself (and a book's 404.md, mdBook's not-found page: the site has its own). */
const NOT_PAGES = new Set(['summary.md']);

export interface FolderContent {
  guides: GuideSource[];
  nav: NavSection[];
  listings: Array<{ url: string; title: string; section: string }>;
  /** The title the root README or index.md gives the site, if it has one. */
  rootTitle?: string;
  /** How many Markdown files the folder holds. */
  markdownFiles: number;
  diagnostics: Diagnostic[];
}

interface FolderNode {
  name: string;
  /** Path below the root, forward slashes, '' for the root. */
  rel: string;
  page?: GuideSource;
  files: GuideSource[];
  folders: FolderNode[];
}

export interface FolderOptions {
  contentDir: string;
  root: string;
  /** Whether a symbolic link at `full` leads out of the content folder (and was reported). */
  leavesContent: (full: string) => boolean;
  /** Used as the title of the first section and of a root README without a heading. */
  siteTitle: () => string;
  /** SUMMARY.md's path, when the book has one. */
  summary?: string;
  /** Frontmatter remembered from earlier runs (frontmatter-cache.ts). */
  frontmatter?: FrontmatterCache;
}

/** Every Markdown file below `root`, as paths relative to it, sorted. */
function markdownFiles(root: string, options: FolderOptions): string[] {
  const found: string[] = [];
  const visit = (dir: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
      if (isHidden(entry.name) || SKIPPED_FOLDERS.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink() && options.leavesContent(full)) continue;
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && existsSync(full) && statSync(full).isDirectory());
      if (isDir && !/\.md$/i.test(entry.name)) visit(full, childRel);
      else if (/\.md$/i.test(entry.name) && !(rel === '' && (NOT_PAGES.has(entry.name.toLowerCase()) || (options.summary && entry.name === '404.md')))) found.push(childRel);
    }
  };
  visit(root, '');
  return found;
}

/** The file a SUMMARY.md entry links to, as an absolute path. */
function summaryTarget(summaryFile: string, written: string): string {
  return path.resolve(path.dirname(summaryFile), safeDecode(written.replace(/[#?].*$/, '')) ?? written);
}

/** The files SUMMARY.md links to, as absolute paths. */
function summaryPaths(summaryFile: string, parts: readonly SummaryPart[]): string[] {
  const paths: string[] = [];
  const visit = (items: SummaryItem[]) =>
    items.forEach((item) => {
      if (item.path) paths.push(summaryTarget(summaryFile, item.path));
      visit(item.children);
    });
  for (const part of parts) visit(part.items);
  return paths;
}

/** Reads the folder's guides and builds its navigation. */
export function loadFolder(options: FolderOptions): FolderContent {
  const { contentDir, root } = options;
  const diagnostics: Diagnostic[] = [];
  const files = markdownFiles(root, options);
  // SUMMARY.md is read once: it says which files are chapters, and it is the navigation.
  let summaryParts: SummaryPart[] = [];
  if (options.summary) {
    const read = readText(options.summary);
    if (read.diagnostic) diagnostics.push(read.diagnostic);
    else summaryParts = parseSummary(read.text!);
  }
  const guides: GuideSource[] = [];
  const tree: FolderNode = { name: '', rel: '', files: [], folders: [] };
  const folderAt = (rel: string): FolderNode => {
    let node = tree;
    for (const name of rel ? rel.split('/') : []) {
      let next = node.folders.find((f) => f.name === name);
      if (!next) node.folders.push((next = { name, rel: node.rel ? `${node.rel}/${name}` : name, files: [], folders: [] }));
      node = next;
    }
    return node;
  };
  const loadedGuides: Array<{ parts: string[]; folderPage: boolean; guide: GuideSource; diagnostics: Diagnostic[] }> = [];
  // Folder names are checked once each, where they first occur.
  const checkedFolders = new Map<string, boolean>();
  for (const rel of files) {
    const parts = rel.split('/');
    const name = parts.at(-1)!;
    const file = path.join(root, ...parts);
    let usable = true;
    for (let i = 0; i < parts.length - 1; i++) {
      const folderRel = parts.slice(0, i + 1).join('/');
      if (!checkedFolders.has(folderRel)) {
        const checked = nameDiagnostics(path.join(root, ...parts.slice(0, i + 1)), parts[i]!, () => urlForPath(folderRel), true);
        diagnostics.push(...checked.diagnostics);
        checkedFolders.set(folderRel, Boolean(checked.slug));
      }
      usable &&= checkedFolders.get(folderRel)!;
    }
    const folderPage = isFolderPage(name);
    if (!folderPage) {
      const checked = nameDiagnostics(file, name, () => urlForPath(rel), true);
      diagnostics.push(...checked.diagnostics);
      usable &&= Boolean(checked.slug);
    }
    if (!usable) continue;
    const url = urlForPath(rel);
    const folderName = parts.at(-2);
    const fallbackTitle = folderPage ? (folderName ? readableName(folderName) : options.siteTitle()) : readableName(name);
    const segments = url.split('/').filter(Boolean);
    const loaded = loadGuide(file, contentDir, { section: segments[0] ?? '', slug: segments.at(-1) ?? '', url, fallbackTitle, lenient: true }, options.frontmatter);
    if (!loaded.guide) {
      diagnostics.push(...loaded.diagnostics);
      continue;
    }
    loadedGuides.push({ parts, folderPage, guide: loaded.guide, diagnostics: loaded.diagnostics });
  }

  // A Markdown file that another one {{#include}}s is a part of that page, not a page of its own
  // (unless SUMMARY.md lists it); its problems are reported where it is included.
  const listedInSummary = new Set(options.summary ? summaryPaths(options.summary, summaryParts) : []);
  const included = new Set(loadedGuides.flatMap(({ guide }) => includedPaths(guide.body, guide.file)));
  for (const { parts, folderPage, guide, diagnostics: found } of loadedGuides) {
    if (included.has(guide.file) && !listedInSummary.has(guide.file)) continue;
    diagnostics.push(...found);
    const folder = folderAt(parts.slice(0, -1).join('/'));
    if (folderPage) {
      if (folder.page) {
        diagnostics.push(diagnostic('duplicate-url', guide.file, { line: 1, column: 1 }, `This file and ${folder.page.relativePath} would both be the page of their folder, ${guide.url}.`, 'Keep one of README.md and index.md, or rename the other.'));
        continue;
      }
      folder.page = guide;
    } else folder.files.push(guide);
    guides.push(guide);
  }

  const rootTitle = tree.page?.titleFromHeading || tree.page?.frontmatter.title ? tree.page.title : undefined;
  const listings: FolderContent['listings'] = [];
  let nav: NavSection[];
  if (options.summary) {
    nav = summaryNav(options.summary, summaryParts, root, guides, options.siteTitle(), diagnostics);
    const listed = new Set(navOrder(nav));
    for (const guide of guides) {
      if (listed.has(guide.url)) continue;
      diagnostics.push(
        diagnostic('not-in-summary', guide.file, undefined, `SUMMARY.md does not list this file, so it is in no menu; it is still published at ${guide.url}.`, `Add \`- [${guide.title}](${path.relative(path.dirname(options.summary), guide.file).split(path.sep).join('/')})\` to SUMMARY.md where it belongs, or delete the file.`, 'warning'),
      );
    }
  } else {
    nav = folderNav(tree, root, options.siteTitle(), listings);
  }
  const sectionOfUrl = new Map<string, string>();
  for (const section of nav) {
    const mark = (items: NavItem[]) => items.forEach((i) => (i.url && !sectionOfUrl.has(i.url) && sectionOfUrl.set(i.url, section.id), mark(i.children)));
    if (section.url && !sectionOfUrl.has(section.url)) sectionOfUrl.set(section.url, section.id);
    mark(section.items);
  }
  for (const guide of guides) guide.section = sectionOfUrl.get(guide.url) ?? nav[0]?.id ?? '';
  for (const listing of listings) listing.section = sectionOfUrl.get(listing.url) ?? nav[0]?.id ?? '';
  return { guides, nav, listings, rootTitle, markdownFiles: files.length, diagnostics };
}

/**
 * The order in which a folder's README (or index.md) links to the files and folders beside and
 * below it: a reader on GitHub follows those links, so they order the folder when `order` does not.
 */
function readmeRanks(node: FolderNode): Map<string, number> {
  const ranks = new Map<string, number>();
  if (!node.page) return ranks;
  const dir = path.dirname(node.page.file);
  // Inline links and reference definitions to relative paths, in the order they are written.
  for (const m of node.page.body.matchAll(/\]\(\s*<?([^)\s>#?]+)[^)]*\)|^\s{0,3}\[[^\]]+\]:\s*<?([^\s>#?]+)/gm)) {
    const target = safeDecode(m[1] ?? m[2] ?? '');
    if (!target || /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(target)) continue;
    const full = path.resolve(dir, target).replace(/[\\/](?:readme|index)\.md$/i, '').replace(/[\\/]$/, '');
    if (!ranks.has(full)) ranks.set(full, ranks.size);
  }
  return ranks;
}

/** A folder's entries: its guides and subfolders, by `order`, then its README's links, then numeric prefix, then title. */
function folderItems(node: FolderNode, listings: FolderContent['listings'], root: string): NavItem[] {
  const ranks = readmeRanks(node);
  const entries = [
    ...node.files.map((g) => ({ order: g.frontmatter.order, rank: ranks.get(g.file), prefix: prefixOrder(path.basename(g.file)), item: { title: g.title, url: g.url, children: [] } as NavItem })),
    ...node.folders.map((f) => {
      const url = urlForPath(f.rel);
      const title = f.page?.title ?? readableName(f.name);
      if (!f.page) listings.push({ url, title, section: '' });
      return { order: f.page?.frontmatter.order, rank: ranks.get(path.join(root, ...f.rel.split('/'))), prefix: prefixOrder(f.name), item: { title, url, children: folderItems(f, listings, root) } as NavItem };
    }),
  ];
  const last = (n: number | undefined) => n ?? Infinity;
  return entries
    .sort((a, b) => last(a.order) - last(b.order) || last(a.rank) - last(b.rank) || last(a.prefix) - last(b.prefix) || compareText(a.item.title, b.item.title) || compareText(a.item.url ?? '', b.item.url ?? ''))
    .map((e) => e.item);
}

/** Sections from folders: the root's own files first, then one per top-level folder. */
function folderNav(tree: FolderNode, root: string, siteTitle: string, listings: FolderContent['listings']): NavSection[] {
  const slugger = new GithubSlugger();
  const rootItems = folderItems({ ...tree, folders: [] }, listings, root);
  const top = folderItems({ ...tree, files: [] }, listings, root);
  const sections: NavSection[] = [];
  if (tree.page || rootItems.length) {
    sections.push({ id: slugger.slug('index'), label: tree.page?.title ?? siteTitle, ...(tree.page ? { url: '/' } : {}), items: rootItems });
  }
  for (const item of top) sections.push({ id: slugger.slug(item.url!.split('/')[1]!), label: item.title, url: item.url, items: item.children });
  return sections;
}

/** Sections from SUMMARY.md: its part titles, with the chapters before the first in a first one. */
function summaryNav(summaryFile: string, parts: readonly SummaryPart[], root: string, guides: GuideSource[], siteTitle: string, diagnostics: Diagnostic[]): NavSection[] {
  const byFile = new Map(guides.map((g) => [path.resolve(g.file), g]));
  const slugger = new GithubSlugger();
  const toItem = (item: SummaryItem): NavItem => {
    const children = item.children.map(toItem);
    if (!item.path) return { title: item.title, children };
    const target = summaryTarget(summaryFile, item.path);
    const guide = byFile.get(target);
    if (!guide) {
      const outside = path.relative(root, target).startsWith('..');
      diagnostics.push(
        diagnostic(
          'broken-link',
          summaryFile,
          { line: item.line, column: item.column },
          `SUMMARY.md lists "${item.path}", which ${outside ? 'is outside the book\'s source folder' : /\.md$/i.test(target) ? 'does not exist' : 'is not a Markdown file'}.`,
          'Create the file, fix the path (it is relative to SUMMARY.md), or write `[Title]()` to list a chapter that is not written yet.',
        ),
      );
      return { title: item.title, children };
    }
    return { title: item.title, url: guide.url, children };
  };
  return parts.map((part) => {
    if (part.suffix) {
      // A suffix chapter (an appendix) stands on its own in the sidebar, under its own title.
      const chapter = toItem(part.items[0]!);
      return { id: slugger.slug(chapter.title), label: chapter.title, ...(chapter.url ? { url: chapter.url } : {}), items: chapter.children };
    }
    return { id: slugger.slug(part.label ?? 'introduction'), label: part.label ?? siteTitle, items: part.items.map(toItem) };
  });
}
