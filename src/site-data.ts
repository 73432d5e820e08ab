/**
 * What pages read: the site model loaded by the CLI or the integration (through the virtual module
 * that src/integration/site-module.ts serves), plus small view helpers.
 * Pages never touch the file system or the Markdown pipeline themselves.
 */
import { site as currentSite, skippedPages } from 'virtual:devguide/site';
import type { Listing, Page, SiteModel } from './lib/site.ts';

export type { Listing, Page, SiteModel };

export function site(): SiteModel {
  return currentSite();
}

/** Guides this build renders (the others are carried over unchanged from the last build). */
export function pagesToRender(): Page[] {
  const skip = skippedPages();
  return currentSite().pages.filter((p) => !skip.has(p.url));
}

export function sectionLabel(model: SiteModel, id: string): string {
  return model.sections.find((s) => s.id === id)?.label ?? id;
}

export { hasTodos, pageAt, pageNeighbours } from './lib/site-facts.ts';
