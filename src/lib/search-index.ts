/**
 * The Pagefind index, built with Pagefind's Node API. Guides are fed from the site model (their
 * rendered body, title and filters) while Astro writes the pages, so indexing runs on the other
 * core instead of after the build. Every call's `errors` is checked; the service is always closed.
 */
import * as pagefind from 'pagefind';
import { LEVEL_LABELS } from './schema.ts';
import type { Page, SiteModel } from './site.ts';
import { escapeHtml } from './html.ts';

/** A result that is not a guide, e.g. one row of the experts index. */
export interface SearchRecord {
  url: string;
  title: string;
  content: string;
  filters: Record<string, string[]>;
}


/** The part of a guide that is indexed: title, filters and body, as the page shows them. */
export function searchDocument(page: Page, sectionLabel: string): string {
  const level = page.level ? `<meta data-pagefind-filter="level[content]" content="${escapeHtml(LEVEL_LABELS[page.level])}">` : '';
  return `<!doctype html><html lang="en"><head><title>${escapeHtml(page.title)}</title></head><body><article data-pagefind-body><h1>${escapeHtml(page.title)}</h1><meta data-pagefind-filter="section[content]" content="${escapeHtml(sectionLabel)}">${level}${page.html}</article></body></html>`;
}

/**
 * How much a record's words count, by its kind filter (1 when not listed). A person's page repeats
 * what the rows of their areas say in a dozen words, and short records rank high, so without this
 * "asyncio" listed five people before the first guide.
 */
export const KIND_WEIGHTS: Readonly<Record<string, number>> = { Person: 0.1 };

/** A record as a document Pagefind can weight: its content in one element with the kind's weight. */
export function recordDocument(record: SearchRecord, weight: number): string {
  const filters = Object.entries(record.filters).flatMap(([key, values]) => values.map((v) => `<meta data-pagefind-filter="${escapeHtml(key)}[content]" content="${escapeHtml(v)}">`));
  return `<!doctype html><html lang="en"><head><title>${escapeHtml(record.title)}</title></head><body><div data-pagefind-body><meta data-pagefind-meta="title[content]" content="${escapeHtml(record.title)}">${filters.join('')}<p data-pagefind-weight="${weight}">${escapeHtml(record.content)}</p></div></body></html>`;
}

function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind could not ${step}: ${errors.join('; ')}`);
}

export interface SearchIndexJob {
  /** Resolves once every page and record is added. */
  added: Promise<number>;
  /** Writes the index into `siteDir/pagefind` and closes the service. */
  write(siteDir: string): Promise<number>;
  /** Closes the service without writing (after a failed build). */
  close(): Promise<void>;
}

/** Starts indexing the model's guides and `records` in the background. */
export function startSearchIndex(model: SiteModel, records: readonly SearchRecord[] = []): SearchIndexJob {
  const labels = new Map(model.sections.map((s) => [s.id, s.label]));
  const indexPromise = pagefind.createIndex({ forceLanguage: 'en' }).then(({ index, errors }) => {
    check('start', errors);
    return index!;
  });
  const added = indexPromise.then(async (index) => {
    const pages = await Promise.all(
      model.pages.map(async (page) => {
        const r = await index.addHTMLFile({ url: page.url, content: searchDocument(page, labels.get(page.section) ?? page.section) });
        check(`index ${page.url}`, r.errors);
      }),
    );
    await Promise.all(
      records.map(async (record) => {
        const weight = Math.min(...(record.filters.kind ?? []).map((kind) => KIND_WEIGHTS[kind] ?? 1), 1);
        const r =
          weight === 1
            ? await index.addCustomRecord({ url: record.url, content: record.content, language: 'en', meta: { title: record.title }, filters: record.filters })
            : await index.addHTMLFile({ url: record.url, content: recordDocument(record, weight) });
        check(`index ${record.url}`, r.errors);
      }),
    );
    return pages.length + records.length;
  });
  // Errors surface through `write`; this keeps an early failure from being reported as unhandled.
  added.catch(() => undefined);
  return {
    added,
    async write(siteDir) {
      try {
        const count = await added;
        const index = await indexPromise;
        const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
        check('write its files', written.errors);
        return count;
      } finally {
        await pagefind.close();
      }
    },
    async close() {
      await pagefind.close();
    },
  };
}
