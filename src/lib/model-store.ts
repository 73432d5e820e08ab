/**
 * Hands the site model from the process that loaded it (the CLI or the integration) to the pages
 * Astro renders in the same process. Pages call `currentSite()`; nothing is serialised.
 */
import type { SiteModel } from './site.ts';

const KEY = Symbol.for('devguide.site');
const SKIP = Symbol.for('devguide.skip');
type Store = { [KEY]?: SiteModel; [SKIP]?: ReadonlySet<string> };

/** Publishes the model; `skip` lists guide URLs whose previous output is reused, not rendered. */
export function setCurrentSite(model: SiteModel, skip: ReadonlySet<string> = new Set()): void {
  (globalThis as Store)[KEY] = model;
  (globalThis as Store)[SKIP] = skip;
}

/** Guide URLs that this build does not need to render. */
export function skippedPages(): ReadonlySet<string> {
  return (globalThis as Store)[SKIP] ?? new Set();
}

export function currentSite(): SiteModel {
  const model = (globalThis as Store)[KEY];
  if (!model) throw new Error('devguide: the site model was not loaded. Run the site through `npm run build` or `npm run dev`.');
  return model;
}

export function hasCurrentSite(): boolean {
  return Boolean((globalThis as Store)[KEY]);
}

const PENDING = Symbol.for('devguide.pending');
/** What the built-in routes depend on (src/lib/routes.ts RouteContext, less what only pages need). */
export interface PendingRoutes {
  experts?: { areas: ReadonlyArray<{ kind: string; id: string }>; people: ReadonlyArray<{ handle: string; status: string }> };
  showTodos: boolean;
}
type Pending = { ready: Promise<void>; routes: PendingRoutes };

/**
 * Says the model is on its way: `ready` settles once setCurrentSite has been called (or rejects
 * when the content has errors), and `routes` already says which built-in pages the site has. The
 * CLI sets this so Astro bundles while the guides render; the integration waits for `ready`
 * before Astro generates any page.
 */
export function setPendingSite(ready: Promise<void>, routes: PendingRoutes): void {
  (globalThis as { [PENDING]?: Pending })[PENDING] = { ready, routes };
}

/** The pending model's routes, when the CLI is still rendering the guides. */
export function pendingRoutes(): PendingRoutes | undefined {
  return (globalThis as { [PENDING]?: Pending })[PENDING]?.routes;
}

/** The model, once it is ready: waits for a pending one. */
export async function siteReady(): Promise<SiteModel> {
  await (globalThis as { [PENDING]?: Pending })[PENDING]?.ready;
  return currentSite();
}

const BUILD = Symbol.for('devguide.build');
type BuildState = {
  search?: { close(): Promise<void> };
  /** Milliseconds Astro had to wait for the model after bundling (the content stage's tail). */
  waitedMs?: number;
  indexed?: number;
  /** Milliseconds the build's last hook spent finishing the search index (the build's "search" stage). */
  searchMs?: number;
};

/** What the integration's build hooks leave for the command that ran the build (the CLI). */
export function buildState(): BuildState {
  const store = globalThis as { [BUILD]?: BuildState };
  return (store[BUILD] ??= {});
}
