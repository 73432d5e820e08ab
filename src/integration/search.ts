/**
 * The Pagefind index, built in Astro's build hooks: started when the build starts, so indexing
 * runs beside Astro's rendering, and written into the output when the build is done.
 */
import { expertSearchRecords } from '../lib/experts.ts';
import { startSearchIndex, type SearchIndexJob } from '../lib/search-index.ts';
import type { SiteModel } from '../lib/site.ts';

export function startIndexing(model: SiteModel): SearchIndexJob {
  return startSearchIndex(model, model.experts ? expertSearchRecords(model.experts) : []);
}
