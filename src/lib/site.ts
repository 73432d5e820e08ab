/**
 * The whole site as data: content read and validated, every guide rendered, reading order, ladder,
 * dates and links checked. Pages and the CLI are thin adapters over `loadSite`.
 */
import path from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import { diagnostic } from './diagnostics.ts';
import { existsSync } from 'node:fs';
import { loadContent, type GuideSource } from './content.ts';
import { readText } from './read-text.ts';
import { urlsInYaml } from './yaml.ts';
import { lastUpdatedDates } from './git-dates.ts';
import { ladder, type Rung } from './ladder.ts';
import { findBrokenLinks } from './links.ts';
import type { Heading, InvalidData, Todo } from './rendered.ts';
import { renderPages, type RenderStats } from '../render/render.ts';
import { neighbours, readingOrder } from './reading-order.ts';
import type { Level, SiteConfig } from './schema.ts';
import { loadExperts, type ExpertsIndex } from './experts.ts';
import { loadLabels } from './labels.ts';
import { loadReleaseCycle } from './release-cycle.ts';
import { loadRedirects, validateRedirects, type Redirect } from './redirects.ts';
import { BUILT_FILES, builtInPages } from './routes.ts';

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
  /** ISO date of the last commit that touched the file, when git knows it. */
  lastUpdated?: string;
  editUrl?: string;
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
  pages: PageSummary[];
}

export interface SiteModel {
  contentDir: string;
  config: SiteConfig;
  sections: SectionModel[];
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
  /** Include draft guides and `:::todo` notes whatever site.yaml says (the dev server does). */
  drafts?: boolean;
  cacheDir?: string;
  workers?: number;
}

export function summary(page: Page): PageSummary {
  const { url, section, title, description, level, order, draft } = page;
  return { url, section, title, description, level, order, draft };
}

function editUrl(config: SiteConfig, relativePath: string): string | undefined {
  const repo = config.repository;
  if (!repo) return undefined;
  const base = repo.url.replace(/\/$/, '');
  const prefix = repo.path.replace(/^\/|\/$/g, '');
  return `${base}/edit/${repo.branch}/${prefix ? `${prefix}/` : ''}${relativePath}`;
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

/** Reads, validates and renders a content folder. Never throws for bad content. */
export async function loadSite(options: LoadOptions): Promise<SiteModel> {
  const content = loadContent(options.contentDir);
  const diagnostics: Diagnostic[] = [...content.diagnostics];
  const config = content.site;
  const empty: SiteModel = { contentDir: content.contentDir, config, sections: [], pages: [], ladder: [], redirects: [], builtIn: [], externalLinks: [], diagnostics, stats: { rendered: 0, cached: 0, workers: 0, pages: 0 } };
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
  const { pages: rendered, stats } = await renderPages(
    guides.map((g) => ({ file: g.file, body: g.body, titleFromHeading: g.titleFromHeading })),
    { pipeline: { lang: config.lang, trustHtml: config.options.trustHtml, showTodos: config.options.showTodos || Boolean(options.drafts), data: { experts: experts.index, commitRules: config.commitRules, labels: labels.groups, releases: releases.releases, today, ...(invalid.length ? { invalid } : {}) } }, cacheDir: options.cacheDir, workers: options.workers },
  );
  const dates = lastUpdatedDates(content.contentDir);
  const all: Page[] = guides.map((guide: GuideSource, i) => {
    const r = rendered[i]!;
    diagnostics.push(...r.diagnostics);
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
      anchors: r.anchors,
      todos: r.todos,
      lastUpdated: dates.get(path.relative(content.contentDir, guide.file).split(path.sep).join('/')),
      editUrl: editUrl(config, guide.relativePath),
      // Kept for the link checker below; not part of the page model.
      ...({ links: r.links } as object),
    } as Page;
  });

  const published = readingOrder(
    all.filter((p) => options.drafts || !p.draft),
    config.sections,
  );
  const drafts = new Set(all.filter((p) => p.draft).map((p) => p.url));
  const summaries = published.map(summary);
  const rungs = ladder(summaries);
  const builtIn = builtInPages({ experts: experts.index, showTodos: config.options.showTodos || Boolean(options.drafts), levels: rungs.map((r) => r.level) });
  const targets = new Map<string, readonly string[]>([
    ...BUILT_FILES.map((f) => [f, [] as string[]] as const),
    ...builtIn.map((p) => [p.path, p.anchors] as const),
    // A section has a landing page when it has a published guide (src/routes/section.astro).
    ...[...new Set(published.map((p) => p.section))].map((id) => [`/${id}/`, ['main']] as const),
    ...published.map((p) => [p.url, p.anchors] as const),
  ]);
  const redirectsFile = path.join(content.contentDir, 'redirects.yaml');
  const redirects = loadRedirects(redirectsFile);
  diagnostics.push(...redirects.diagnostics, ...validateRedirects(redirectsFile, redirects.redirects, targets));
  // site.yaml's `start` page is a link like any other.
  const siteFile = path.join(content.contentDir, 'site.yaml');
  const startLink = config.start ? [{ url: '/', file: siteFile, links: [{ href: config.start, ...(content.startAt ?? { line: 1, column: 1 }) }] }] : [];
  // So are the guides an experts area names under `guides:`.
  const areaGuides = experts.index ? [{ url: '/experts/', file: expertsFile, links: experts.index.areas.flatMap((a) => a.guides.map((href) => ({ href, line: a.line, column: 1 }))) }] : [];
  diagnostics.push(
    ...findBrokenLinks(
      [...startLink, ...areaGuides, ...all.filter((p) => !p.draft).map((p) => ({ url: p.url, file: path.join(content.contentDir, p.relativePath), links: (p as Page & { links: [] }).links }))],
      { pages: targets, drafts, redirects: new Map(redirects.redirects.map((r) => [r.from, r.to])), unchecked: invalid.includes('experts') ? ['/experts/'] : [] },
    ),
  );
  const externalLinks = all
    .filter((p) => !p.draft)
    .flatMap((p) => (p as Page & { links: Array<{ href: string; line: number; column: number }> }).links.filter((l) => /^https?:\/\//i.test(l.href)).map((l) => ({ ...l, file: path.join(content.contentDir, p.relativePath) })));
  // URLs written in the data files (site.yaml, experts.yaml, data/*.yaml) are checked too.
  for (const name of ['site.yaml', 'experts.yaml', 'data/labels.yaml']) {
    const file = path.join(content.contentDir, name);
    const text = existsSync(file) ? readText(file).text : undefined;
    if (text) externalLinks.push(...urlsInYaml(text).map((l) => ({ ...l, file })));
  }
  for (const page of all) delete (page as Partial<Page & { links: unknown }>).links;

  const sections = config.sections.map((s) => ({ id: s.id, label: s.label, description: s.description, pages: summaries.filter((p) => p.section === s.id) }));
  if (!published.length && guides.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(diagnostic('missing-content', path.join(content.contentDir, 'guides'), undefined, 'The content folder has no guides.', 'Add at least one guides/<section>/<slug>.md file.', 'warning'));
  }
  return {
    contentDir: content.contentDir,
    config,
    sections,
    pages: published,
    ladder: rungs,
    redirects: redirects.redirects,
    externalLinks,
    experts: experts.index,
    builtIn: builtIn.map(({ path, sitemap }) => ({ path, sitemap })),
    diagnostics,
    stats: { ...stats, pages: published.length },
  };
}

export { neighbours };
