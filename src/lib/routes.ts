/**
 * Every built-in page, declared once: the URL segment it owns, the template the integration
 * injects (from src/routes/), when it exists, the pages it serves with the
 * anchors they provide, and whether they belong in sitemap.xml. Reserved section ids, the paths a
 * redirect may not overwrite, link checking, the sitemap and the integration's routes all read
 * this list, so a new built-in page is one entry here plus its template.
 */

import type { Key } from '../i18n/index.ts';

/** What decides which built-in pages a site has. */
export interface RouteContext {
  /** The experts index (only what the routes need of it). */
  experts?: { areas: ReadonlyArray<{ kind: string; id: string }>; people: ReadonlyArray<{ handle: string; status: string }> };
  /** `:::todo` notes and /todo/ are shown (site.yaml `options.showTodos`, or `npm run dev`). */
  showTodos: boolean;
  /** Levels present on the contributor ladder, in order (the home page has a rung per level). */
  levels: readonly string[];
}

export interface BuiltInRoute {
  /** The first URL segment it owns ('' for the home page); no section may take it. */
  segment: string;
  /** Routes the integration injects: Astro pattern → template in src/routes/. */
  inject?: ReadonlyArray<{ pattern: string; entrypoint: string }>;
  /** The pages it serves with their anchors; empty when its data is absent. */
  pages(ctx: RouteContext): Array<[path: string, anchors: string[]]>;
  /** Listed in sitemap.xml (pages marked noindex are not). */
  sitemap: boolean;
  /** The label of its link in the sidebar, after the sections, for a page readers go back to. */
  nav?: Key;
}

export const BUILT_IN_ROUTES: readonly BuiltInRoute[] = [
  { segment: '', sitemap: true, inject: [{ pattern: '/', entrypoint: 'index.astro' }], pages: (ctx) => [['/', ['main', ...(ctx.levels.length ? ['ladder-title'] : []), 'sections-title', ...ctx.levels.map((l) => `level-${l}`)]]] },
  { segment: 'search', sitemap: false, inject: [{ pattern: '/search', entrypoint: 'search.astro' }], pages: () => [['/search/', ['main']]] },
  { segment: '404', sitemap: false, inject: [{ pattern: '/404', entrypoint: '404.astro' }], pages: () => [['/404.html', []]] },
  {
    segment: 'experts',
    sitemap: true,
    nav: 'experts.title',
    inject: [
      { pattern: '/experts', entrypoint: 'experts.astro' },
      { pattern: '/experts/[handle]', entrypoint: 'expert-person.astro' },
    ],
    pages: ({ experts }) => {
      if (!experts) return [];
      const kinds = [...new Set(experts.areas.map((a) => a.kind))];
      const emeritus = experts.people.some((p) => p.status === 'emeritus') ? ['emeritus'] : [];
      return [['/experts/', ['main', ...kinds, ...experts.areas.map((a) => a.id), 'people', ...emeritus]], ...experts.people.map((p): [string, string[]] => [`/experts/${p.handle}/`, ['main']])];
    },
  },
  { segment: 'todo', sitemap: true, nav: 'todo.title', inject: [{ pattern: '/todo', entrypoint: 'todo.astro' }], pages: (ctx) => (ctx.showTodos ? [['/todo/', ['main']]] : []) },
];

/** The content's own routes: a page per guide and listing, at any depth, and robots.txt. */
export const CONTENT_ROUTES: ReadonlyArray<{ pattern: string; entrypoint: string }> = [
  { pattern: '/[...path]', entrypoint: 'page.astro' },
  { pattern: '/robots.txt', entrypoint: 'robots.txt.ts' },
];

/** The Atom feed of changed guides (src/lib/feed.ts), which the pages' heads link to. */
export const FEED_PATH = '/feed.xml';

/** Files the build writes at the top of the site besides pages. */
export const BUILT_FILES = ['/_headers', '/_redirects', '/robots.txt', '/sitemap.xml', FEED_PATH, '/llms.txt', '/llms-full.txt', '/favicon.svg', '/index.html', '/.devguide-build'];

/** Folders the build writes: Astro's assets, the search index and devguide's own scripts (the diagram script). */
export const BUILT_FOLDERS = ['/_astro/', '/pagefind/', '/_devguide/'];

/** Section ids a site may not use: every segment a built-in page or folder owns. */
export const RESERVED_SEGMENTS: readonly string[] = [...BUILT_IN_ROUTES.map((r) => r.segment).filter(Boolean), ...BUILT_FOLDERS.map((f) => f.slice(1, -1))];

/**
 * The sidebar's links to built-in pages, for the pages this site has (`builtIn`, from
 * `builtInPages`); /todo/ only while a note waits there, as on the home page. A link is current on
 * its page and on the pages under it (a person's page under /experts/).
 */
export function builtInNav(builtIn: ReadonlyArray<{ path: string }>, hasNotes: boolean, t: (key: Key) => string): Array<{ path: string; label: string }> {
  const has = new Set(builtIn.map((p) => p.path));
  return BUILT_IN_ROUTES.flatMap((route) => {
    const path = `/${route.segment}/`;
    return route.nav && has.has(path) && (route.segment !== 'todo' || hasNotes) ? [{ path, label: t(route.nav) }] : [];
  });
}

/** The built-in pages this site has, with their anchors and whether the sitemap lists them. */
export function builtInPages(ctx: RouteContext): Array<{ path: string; anchors: string[]; sitemap: boolean }> {
  return BUILT_IN_ROUTES.flatMap((route) => route.pages(ctx).map(([path, anchors]) => ({ path, anchors, sitemap: route.sitemap })));
}
