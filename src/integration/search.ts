/**
 * The Pagefind index, built in Astro's build hooks: started when the build starts, so indexing
 * runs beside Astro's rendering, and written into the output when the build is done.
 */
import { expertSearchRecords } from '../lib/experts.ts';
import { startSearchIndex, type SearchIndexJob } from '../lib/search-index.ts';
import type { SiteModel } from '../lib/site.ts';

/** Starts the index; its files are written into `scratchDir` as soon as every page is in. */
export function startIndexing(model: SiteModel, scratchDir?: string): SearchIndexJob {
  return startSearchIndex(model, model.experts ? expertSearchRecords(model.experts) : [], { scratchDir });
}
