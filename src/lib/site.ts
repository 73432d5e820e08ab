/**
 * The whole site as data: content read and validated, every guide rendered, reading order, ladder,
 * dates and links checked. Pages and the CLI are thin adapters over `loadSite`.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import type { Diagnostic } from './diagnostics.ts';
import { diagnostic } from './diagnostics.ts';
import { loadContent, type ContentSource, type GuideSource } from './content.ts';
import { readText } from './read-text.ts';
import { urlsInYaml } from './yaml.ts';
import { lastUpdatedDates } from './git-dates.ts';
import { ladder, type Rung } from './ladder.ts';
import { findBrokenLinks, type LinkSource } from './links.ts';
import { linkTargets, type Heading, type InvalidData, type LinkRef, type RenderedPage, type Todo } from './rendered.ts';
import { pipelineVersion, renderPages, type RenderStats } from '../render/render.ts';
import { openFrontmatterCache } from './frontmatter-cache.ts';
import { neighbours, readingOrder } from './reading-order.ts';
import type { Level, SiteConfig } from './schema.ts';
import { loadExperts, type ExpertsIndex } from './experts.ts';
import { loadLabels } from './labels.ts';
import { loadReleaseCycle } from './release-cycle.ts';
import { loadRedirects, validateRedirects, type Redirect } from './redirects.ts';
import { BUILT_FILES, builtInPages, RESERVED_SEGMENTS } from './routes.ts';
import { navOrder, pruneNav, trail, type NavItem, type NavSection } from './nav.ts';
import { mergeUnknownLanguages } from './unknown-languages.ts';
import { escapeHtml } from './html.ts';
import { editUrl } from './repository-urls.ts';

export interface PageSummary {
  url: string;
  section: string;
  title: string;
  description?: string;
  level?: Level;
  order?: number;
  draft: boolean;
}

export interface Page extends PageSummary {
  slug: string;
  tags: string[];
  /** Path relative to the content folder. */
  relativePath: string;
  html: string;
  headings: Heading[];
  anchors: string[];
  /** `:::todo` notes on this page. */
  todos: Todo[];
  /** The page has a mermaid diagram, so it loads the diagram script. */
  mermaid?: boolean;
  /** ISO date of the last commit that touched the file, when git knows it. */
  lastUpdated?: string;
  editUrl?: string;
  /** The id of the title's heading, when the title came from the file's `# heading`. */
  titleId?: string;
  /**
   * Where the links the renderer rewrote now point (relative links to pages and files), by their
   * place in the file, so the guide's Markdown copy points them the same way (markdown-copy.ts).
   */
  linkTargets?: Array<{ line: number; column: number; written: string; href: string }>;
  /** The guide's Markdown copy, published at `<url>index.md` (markdown-copy.ts). */
  markdown?: string;
  /** The pages above this one, for the breadcrumbs (its section first). */
  crumbs: Array<{ label: string; href?: string }>;
}

export interface ExternalLink {
  href: string;
  file: string;
  line: number;
  column: number;
}

export interface SectionModel {
  id: string;
  label: string;
  description?: string;
  /** The page the section's name opens: its own page or listing; else its first page. */
  url?: string;
  /** Its published pages in reading order. */
  pages: PageSummary[];
  /** Its navigation tree (flat for devguide's own layout; nested for a folder or book). */
  items: NavItem[];
}

/** A generated page that lists a section's or folder's pages (one without a page of its own). */
export interface Listing {
  url: string;
  title: string;
  description?: string;
  section: string;
  items: NavItem[];
  crumbs: Array<{ label: string; href?: string }>;
}

export interface SiteModel {
  contentDir: string;
  config: SiteConfig;
  sections: SectionModel[];
  /** Generated pages that list a section's or folder's pages. */
  listings: Listing[];
  /** Files beside the guides that pages link to, copied into the site: URL path → file. */
  assets: Array<{ url: string; file: string }>;
  /** Published pages in reading order. */
  pages: Page[];
  ladder: Rung<PageSummary>[];
  /** Every http(s) link in published guides, for `npm run check -- --external`. */
  externalLinks: ExternalLink[];
  /** Old paths of pages that moved, from redirects.yaml. */
  redirects: Redirect[];
  /** The experts index, when content/experts.yaml exists. */
  experts?: ExpertsIndex;
  /** The built-in pages this site has (src/lib/routes.ts), for the sitemap. */
  builtIn: Array<{ path: string; sitemap: boolean }>;
  diagnostics: Diagnostic[];
  stats: RenderStats & { pages: number };
}

export interface LoadOptions {
  contentDir: string;
  /** The folder as loadContent read it, when the caller has read it already. */
  content?: ContentSource;
  /** Include draft guides and `:::todo` notes whatever site.yaml says (the dev server does). */
  drafts?: boolean;
  cacheDir?: string;
  workers?: number;
  /** Report broken links, anchors and images as warnings (`--warn-links`; site.yaml `linkCheck: warn`). */
  warnLinks?: boolean;
}

export function summary(page: Page): PageSummary {
  const { url, section, title, description, level, order, draft } = page;
  return { url, section, title, description, level, order, draft };
}

/**
 * The build date as YYYY-MM-DD: DEVGUIDE_BUILD_DATE, else SOURCE_DATE_EPOCH (the reproducible-builds
 * convention), else today in UTC. Pages that show dates relative to "today" use it.
 */
export function buildDate(): string {
  if (process.env.DEVGUIDE_BUILD_DATE) return process.env.DEVGUIDE_BUILD_DATE;
  if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10);
  return new Date().toISOString().slice(0, 10);
}

/** The links `r` rewrote, with where they now point, when there are any. */
function pageLinkTargets(r: RenderedPage): Pick<Page, 'linkTargets'> {
  const targets = linkTargets(r);
  return targets.length ? { linkTargets: targets } : {};
}

/** Codes the link check gives, which `linkCheck: warn` turns into warnings. */
const LINK_CODES = new Set(['broken-link', 'broken-anchor', 'broken-image']);

/**
 * loadContent, with the guides' frontmatter remembered in `cacheDir` between runs (one file per
 * content folder, see frontmatter-cache.ts); a plain loadContent without a cache folder.
 */
export function loadContentCached(contentDir: string, cacheDir?: string): ContentSource {
  if (!cacheDir) return loadContent(contentDir);
  const folder = createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 16);
  const frontmatter = openFrontmatterCache(path.join(cacheDir, 'frontmatter', `${folder}.json`), pipelineVersion());
  const content = loadContent(contentDir, { frontmatter });
  frontmatter.save();
  return content;
}

/** Reads, validates and renders a content folder. Never throws for bad content. */
export async function loadSite(options: LoadOptions): Promise<SiteModel> {
  const content = options.content ?? loadContentCached(options.contentDir, options.cacheDir);
  const diagnostics: Diagnostic[] = [...content.diagnostics];
  const config = content.site;
  const empty: SiteModel = { contentDir: content.contentDir, config, sections: [], listings: [], assets: [], pages: [], ladder: [], redirects: [], builtIn: [], externalLinks: [], diagnostics, stats: { rendered: 0, cached: 0, workers: 0, pages: 0 } };
  if (!config) return empty;

  const guides = content.guides;
  const expertsFile = path.join(content.contentDir, 'experts.yaml');
  const labelsFile = path.join(content.contentDir, 'data', 'labels.yaml');
  const releasesFile = path.join(content.contentDir, 'data', 'release-cycle.json');
  const experts = loadExperts(expertsFile, { profileTemplate: config.profileUrl });
  diagnostics.push(...experts.diagnostics);
  const labels = loadLabels(labelsFile);
  const releases = loadReleaseCycle(releasesFile);
  diagnostics.push(...labels.diagnostics, ...releases.diagnostics);
  // Data files that exist but did not load: their errors are reported once, for the file, and
  // the directives and links that depend on them stay quiet.
  const invalid: InvalidData[] = [];
  if (!experts.index && existsSync(expertsFile)) invalid.push('experts');
  if (!labels.groups && existsSync(labelsFile)) invalid.push('labels');
  if (!releases.releases && existsSync(releasesFile)) invalid.push('releases');
  const today = buildDate();
  const repository = content.repository;
  const dating = lastUpdatedDates(content.contentDir);
  const { pages: rendered, stats } = await renderPages(
    guides.map((g) => ({ file: g.file, body: g.body, titleFromHeading: g.titleFromHeading, copy: { url: g.url, title: g.title, ...(config.url ? { siteUrl: config.url } : {}) } })),
    {
      pipeline: {
        lang: config.lang,
        siteUrl: config.url,
        trustHtml: config.options.trustHtml,
        showTodos: config.options.showTodos || Boolean(options.drafts),
        includeRoot: repository?.root ?? content.contentDir,
        links: { root: content.root, rootRelative: content.layout !== 'guides', ...(repository ? { repository: { root: repository.root, url: config.repository?.url.replace(/\/$/, ''), branch: config.repository?.branch } } : {}) },
        data: { experts: experts.index, commitRules: config.commitRules, labels: labels.groups, releases: releases.releases, today, ...(invalid.length ? { invalid } : {}) },
      },
      cacheDir: options.cacheDir,
      workers: options.workers,
    },
  );
  const dates = await dating;
  const renderedOf = new Map<string, RenderedPage>();
  const all: Page[] = guides.map((guide: GuideSource, i) => {
    const r = rendered[i]!;
    diagnostics.push(...r.diagnostics);
    renderedOf.set(guide.url, r);
    return {
      url: guide.url,
      section: guide.section,
      slug: guide.slug,
      title: guide.title,
      description: guide.frontmatter.description,
      level: guide.frontmatter.level,
      order: guide.frontmatter.order,
      draft: guide.frontmatter.draft,
      tags: guide.frontmatter.tags,
      relativePath: guide.relativePath,
      html: r.html,
      headings: r.headings,
      // The header's title keeps the id its heading had, so links to it work.
      anchors: r.titleId ? [r.titleId, ...r.anchors] : r.anchors,
      todos: r.todos,
      ...(r.mermaid ? { mermaid: true } : {}),
      ...(r.titleId ? { titleId: r.titleId } : {}),
      lastUpdated: dates.get(path.relative(content.contentDir, guide.file).split(path.sep).join('/')),
      editUrl: editUrl(config, guide.relativePath),
      ...pageLinkTargets(r),
      ...(r.markdown !== undefined ? { markdown: r.markdown } : {}),
      crumbs: [],
    };
  });
  // Guides with errors were rendered only so their links are checked with everyone else's.
  const failed = new Set(guides.filter((g) => g.failed).map((g) => g.url));
  const visible = all.filter((p) => !failed.has(p.url) && (options.drafts || !p.draft));
  const { sections, listings, published } = navigation(content, config, visible);
  const drafts = new Set(all.filter((p) => p.draft).map((p) => p.url));
  const summaries = published.map(summary);
  const rungs = ladder(summaries);
  const rootPage = published.some((p) => p.url === '/');
  const builtIn = builtInPages({ experts: experts.index, showTodos: config.options.showTodos || Boolean(options.drafts), levels: rungs.map((r) => r.level) }).filter((p) => !(rootPage && p.path === '/'));

  // Files beside the guides that pages link to: copied when they exist, reported when not.
  const assets = new Map<string, string>();
  const checked = new Map<string, boolean>();
  const exists = (file: string) => checked.get(file) ?? (checked.set(file, existsSync(file)), checked.get(file)!);
  for (const page of all.filter((p) => !p.draft || options.drafts)) {
    const file = path.join(content.contentDir, page.relativePath);
    for (const link of renderedOf.get(page.url)?.resolved ?? []) {
      const position = { line: link.line, column: link.column };
      const code = link.image ? 'broken-image' : 'broken-link';
      const what = link.image ? 'Image' : 'Link';
      if (link.kind === 'outside') {
        diagnostics.push(diagnostic(code, file, position, `${what} "${link.written}" points outside the repository (${link.target}), so the site cannot serve it.`, 'Link to the file\'s address on the web instead, or copy it into the content folder.'));
      } else if (!exists(link.target)) {
        const where = link.kind === 'repository' ? 'in the repository' : 'beside the guides';
        diagnostics.push(diagnostic(code, file, position, `${what} "${link.written}" points to ${path.relative(content.contentDir, link.target).split(path.sep).join('/')}, which does not exist ${where}.`, 'Fix the path (it is relative to this file), or add the file.'));
      } else if (link.kind === 'asset' && !statSync(link.target).isDirectory()) {
        const url = decodeURIComponent(link.href.replace(/[?#].*$/, ''));
        if (BUILT_FILES.includes(url) || RESERVED_SEGMENTS.includes(url.split('/')[1] ?? '') || /(?:^|\/)index\.html$/i.test(url)) {
          diagnostics.push(diagnostic(code, file, position, `${what} "${link.written}" would be published at ${url}, which the site uses for its own files.`, 'Rename the file or move it into a folder of its own.'));
        } else assets.set(url, link.target);
      } else if (link.kind === 'repository' && !config.repository) {
        diagnostics.push(
          diagnostic('broken-link', file, position, `Link "${link.written}" points to a file outside the content folder, and the site does not know the repository's address to link to it there.`, 'Set `repository: { url: …, branch: … }` in site.yaml, or give the git repository an `origin` remote.', 'warning'),
        );
      }
    }
  }

  const targets = new Map<string, readonly string[]>([
    ...BUILT_FILES.map((f) => [f, [] as string[]] as const),
    ...builtIn.map((p) => [p.path, p.anchors] as const),
    ...listings.map((l) => [l.url, ['main']] as const),
    // Pages with errors are not published, but links to them are not what is wrong.
    ...all.filter((p) => failed.has(p.url)).map((p) => [p.url, p.anchors] as const),
    ...published.map((p) => [p.url, p.anchors] as const),
    ...[...assets.keys()].map((url) => [url, [] as string[]] as const),
  ]);
  const redirectsFile = path.join(content.contentDir, 'redirects.yaml');
  const redirects = loadRedirects(redirectsFile);
  diagnostics.push(...redirects.diagnostics, ...validateRedirects(redirectsFile, redirects.redirects, targets));
  // site.yaml's `start` page is a link like any other.
  const siteFile = path.join(content.contentDir, 'site.yaml');
  const startLink = config.start ? [{ url: '/', file: siteFile, links: [{ href: config.start, ...(content.startAt ?? { line: 1, column: 1 }) }] }] : [];
  // So are the guides an experts area names under `guides:`.
  const areaGuides = experts.index ? [{ url: '/experts/', file: expertsFile, links: experts.index.areas.flatMap((a) => a.guides.map((href) => ({ href, line: a.line, column: 1 }))) }] : [];
  // Every page's links are checked, those of pages with other errors included.
  const linkSources: LinkSource[] = all.filter((p) => !p.draft || options.drafts).map((p) => ({ url: p.url, file: path.join(content.contentDir, p.relativePath), links: renderedOf.get(p.url)?.links ?? [] }));
  const fixes = new Map<string, Array<[string, string]>>();
  diagnostics.push(
    ...findBrokenLinks([...startLink, ...areaGuides, ...linkSources], {
      pages: targets,
      drafts,
      redirects: new Map(redirects.redirects.map((r) => [r.from, r.to])),
      unchecked: invalid.includes('experts') ? ['/experts/'] : [],
      fix: (source: LinkSource, link: LinkRef, href: string) => fixes.set(source.url, [...(fixes.get(source.url) ?? []), [link.href, href]]),
    }),
  );
  for (const page of published) {
    for (const [from, to] of fixes.get(page.url) ?? []) page.html = page.html.replaceAll(`href="${escapeHtml(from)}"`, `href="${escapeHtml(to)}"`);
  }
  const externalLinks = all
    .filter((p) => !p.draft)
    .flatMap((p) => (renderedOf.get(p.url)?.links ?? []).filter((l) => /^https?:\/\//i.test(l.href)).map((l) => ({ href: l.href, line: l.line, column: l.column, file: path.join(content.contentDir, p.relativePath) })));
  // URLs written in the data files (site.yaml, experts.yaml, data/*.yaml) are checked too.
  for (const name of ['site.yaml', 'experts.yaml', 'data/labels.yaml']) {
    const file = path.join(content.contentDir, name);
    const text = existsSync(file) ? readText(file).text : undefined;
    if (text) externalLinks.push(...urlsInYaml(text).map((l) => ({ ...l, file })));
  }

  if (!published.length && guides.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(diagnostic('missing-content', path.join(content.contentDir, 'guides'), undefined, 'The content folder has no guides.', 'Add at least one guides/<section>/<slug>.md file.', 'warning'));
  }
  const warnLinks = options.warnLinks || config.linkCheck === 'warn';
  const final = mergeUnknownLanguages(diagnostics).map((d) => (warnLinks && d.severity === 'error' && LINK_CODES.has(d.code) ? { ...d, severity: 'warning' as const } : d));
  return {
    contentDir: content.contentDir,
    config,
    sections,
    listings,
    assets: [...assets].map(([url, file]) => ({ url, file })),
    pages: published,
    ladder: rungs,
    redirects: redirects.redirects,
    externalLinks,
    experts: experts.index,
    builtIn: builtIn.map(({ path, sitemap }) => ({ path, sitemap })),
    diagnostics: final,
    stats: { ...stats, pages: published.length },
  };
}

/**
 * The reading order, sections and listings. devguide's own layout orders by site.yaml's sections,
 * then `order`, then title; a folder or book follows its navigation tree (pages it leaves out come
 * last), with drafts and failed pages pruned from it.
 */
function navigation(content: ContentSource, config: SiteConfig, visible: Page[]): { sections: SectionModel[]; listings: Listing[]; published: Page[] } {
  if (!content.nav) {
    const published = readingOrder(visible, config.sections);
    const sections = config.sections.map((s) => {
      const pages = published.filter((p) => p.section === s.id);
      return { id: s.id, label: s.label, description: s.description, url: `/${s.id}/`, pages: pages.map(summary), items: pages.map((p) => ({ title: p.title, url: p.url, children: [] })) };
    });
    for (const page of published) page.crumbs = [{ label: sections.find((s) => s.id === page.section)?.label ?? page.section, href: `/${page.section}/` }];
    const listings = sections.filter((s) => s.pages.length).map((s) => ({ url: s.url, title: s.label, description: s.description, section: s.id, items: s.items, crumbs: [] }));
    return { sections, listings, published };
  }
  const byUrl = new Map(visible.map((p) => [p.url, p]));
  // A folder without a page of its own is listed when something below it is published.
  const folderUrls = new Set((content.listings ?? []).map((l) => l.url));
  const keep = (url: string) => byUrl.has(url) || folderUrls.has(url);
  const emptyFolder = (item: NavItem) => Boolean(item.url && folderUrls.has(item.url) && !item.children.length);
  const prune = (items: readonly NavItem[]): NavItem[] => pruneNav(items, keep).flatMap((item) => (emptyFolder(item) ? [] : [{ ...item, children: prune(item.children) }]));
  const nav: NavSection[] = content.nav
    .map((s) => ({ ...s, items: prune(s.items), ...(s.url && keep(s.url) ? { url: s.url } : { url: undefined }) }))
    .filter((s) => s.items.length || (s.url && byUrl.has(s.url)));
  const order = navOrder(nav).filter((url) => byUrl.has(url));
  const listed = new Set(order);
  const published = [...order.map((url) => byUrl.get(url)!), ...visible.filter((p) => !listed.has(p.url)).sort((a, b) => a.url.localeCompare(b.url))];
  const firstUrl = (items: readonly NavItem[]): string | undefined => {
    for (const item of items) {
      const url = item.url ?? firstUrl(item.children);
      if (url) return url;
    }
    return undefined;
  };
  const sections = nav.map((s) => ({
    id: s.id,
    label: s.label,
    ...(s.description ? { description: s.description } : {}),
    url: s.url ?? firstUrl(s.items),
    // Pages that SUMMARY.md leaves out belong to no section's list.
    pages: published.filter((p) => p.section === s.id && listed.has(p.url)).map(summary),
    items: s.items,
  }));
  for (const page of published) page.crumbs = trail(nav, page.url);
  const itemAt = (items: readonly NavItem[], url: string): NavItem | undefined => {
    for (const item of items) {
      const found = item.url === url ? item : itemAt(item.children, url);
      if (found) return found;
    }
    return undefined;
  };
  const listings = (content.listings ?? []).flatMap((l) => {
    const section = nav.find((s) => s.url === l.url);
    const item = section ? { title: section.label, url: l.url, children: section.items } : nav.map((s) => itemAt(s.items, l.url)).find(Boolean);
    return item?.children.length ? [{ url: l.url, title: item.title, section: l.section, items: item.children, crumbs: trail(nav, l.url) }] : [];
  });
  return { sections, listings, published };
}

/**
 * Which built-in pages a site will have (src/lib/routes.ts), from its configuration and experts
 * index alone: known before any guide renders, so Astro can start building while they do.
 * loadSite decides the same from the same files.
 */
export function routeContextOf(content: ContentSource, drafts = false): { experts?: ExpertsIndex; showTodos: boolean } {
  if (!content.site) return { showTodos: Boolean(drafts) };
  const experts = loadExperts(path.join(content.contentDir, 'experts.yaml'), { profileTemplate: content.site.profileUrl }).index;
  return { ...(experts ? { experts } : {}), showTodos: content.site.options.showTodos || Boolean(drafts) };
}

export { neighbours };
