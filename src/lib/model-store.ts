/**
 * Holds the site model for the process that loaded it (the CLI or the integration). Pages reach
 * it through the virtual module `virtual:devguide/site` (src/integration/site-module.ts), which
 * takes this very module from Node's module cache, so nothing is serialised or copied.
 */
import type { SiteModel } from './site.ts';

let model: SiteModel | undefined;
let skip: ReadonlySet<string> = new Set();

/** Publishes the model; `skipped` lists guide URLs whose previous output is reused, not rendered. */
export function setCurrentSite(next: SiteModel, skipped: ReadonlySet<string> = new Set()): void {
  model = next;
  skip = skipped;
}

/** Guide URLs that this build does not need to render. */
export function skippedPages(): ReadonlySet<string> {
  return skip;
}

export function currentSite(): SiteModel {
  if (!model) throw new Error('devguide: the site model was not loaded. Run the site through `npm run build` or `npm run dev`.');
  return model;
}

export function hasCurrentSite(): boolean {
  return Boolean(model);
}

/** What the built-in routes depend on (src/lib/routes.ts RouteContext, less what only pages need). */
export interface PendingRoutes {
  experts?: { areas: ReadonlyArray<{ kind: string; id: string }>; people: ReadonlyArray<{ handle: string; status: string }> };
  showTodos: boolean;
}
let pending: { ready: Promise<void>; routes: PendingRoutes } | undefined;

/**
 * Says the model is on its way: `ready` settles once setCurrentSite has been called (or rejects
 * when the content has errors), and `routes` already says which built-in pages the site has. The
 * CLI sets this so Astro bundles while the guides render; the integration waits for `ready`
 * before Astro generates any page.
 */
export function setPendingSite(ready: Promise<void>, routes: PendingRoutes): void {
  pending = { ready, routes };
}

/** The pending model's routes, when the CLI is still rendering the guides. */
export function pendingRoutes(): PendingRoutes | undefined {
  return pending?.routes;
}

/** The model, once it is ready: waits for a pending one. */
export async function siteReady(): Promise<SiteModel> {
  await pending?.ready;
  return currentSite();
}

type BuildState = {
  search?: { close(): Promise<void> };
  /** Milliseconds Astro had to wait for the model after bundling (the content stage's tail). */
  waitedMs?: number;
  indexed?: number;
  /** Milliseconds the build's last hook spent finishing the search index (the build's "search" stage). */
  searchMs?: number;
};
const state: BuildState = {};

/** What the integration's build hooks leave for the command that ran the build (the CLI). */
export function buildState(): BuildState {
  return state;
}
