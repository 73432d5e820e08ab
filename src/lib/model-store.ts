/**
 * Hands the site model from the process that loaded it (the CLI or the integration) to the pages
 * Astro renders in the same process. Pages call `currentSite()`; nothing is serialised.
 */
import type { SiteModel } from './site.ts';

const KEY = Symbol.for('devguide.site');
type Store = { [KEY]?: SiteModel };

export function setCurrentSite(model: SiteModel): void {
  (globalThis as Store)[KEY] = model;
}

export function currentSite(): SiteModel {
  const model = (globalThis as Store)[KEY];
  if (!model) throw new Error('devguide: the site model was not loaded. Run the site through `npm run build` or `npm run dev`.');
  return model;
}

export function hasCurrentSite(): boolean {
  return Boolean((globalThis as Store)[KEY]);
}
