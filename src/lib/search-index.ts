/**
 * The Pagefind index, built with Pagefind's Node API. Guides are fed from the site model (their
 * rendered body, title and filters) while Astro writes the pages, so indexing runs on the other
 * core instead of after the build. Every call's `errors` is checked; the service is always closed.
 */
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { LEVEL_LABELS } from './schema.ts';
import type { Page, SiteModel } from './site.ts';
import { escapeHtml } from './html.ts';
import { CODE_END, CODE_START } from './search-words.ts';

/** A result that is not a guide, e.g. one row of the experts index. */
export interface SearchRecord {
  url: string;
  title: string;
  content: string;
  filters: Record<string, string[]>;
}


/**
 * How much words count for ranking, by where they stand, as Pagefind's `data-pagefind-weight`
 * (body text 1; headings 7 for h1 down to 2 for h6 unless an ancestor sets a weight; Pagefind adds
 * the weights of a word's occurrences). Chosen by scoring test/search/queries.yaml.
 */
export const SEARCH_WEIGHTS = {
  /**
   * Code blocks and tables. A word repeated down a shell session or a table ("3.8" down the
   * versions table, "PEP" in every row of the schedule table) counts half, so the page whose prose
   * explains it comes first, and a page that has the word only in code is still found. 0.25 put
   * one answer fewer first; 0.75 scored the same as 0.5.
   */
  block: 0.5,
  /**
   * The first cell of a table's body row (a `td`, or a row header): the term the row is about (a label, a version, a review
   * label in a table of meanings), so it counts like an h3, and "type-bug" or "awaiting core
   * review" find the table that defines them before pages that merely use them. 3 and 7 each put
   * one answer fewer first.
   */
  rowTerm: 5,
} as const;

/** A highlighted code token: its colour classes (rehype-code.ts) are of no use to search, its text is. */
const CODE_TOKEN = /<span class="t[ld]-[^"]*">([^<]*)<\/span>/g;

/**
 * Attributes Pagefind does not read. Ids, `alt`, `src`, `title`, `lang` and Pagefind's own
 * `data-pagefind-*` stay; a name that merely starts like one of these (`classification`) stays too.
 */
const UNREAD_ATTRIBUTE = / (?:class|href|rel|target|role|tabindex|scope|aria-[a-z-]+|data-(?!pagefind-)[a-z0-9-]+)(?:="[^"]*")?(?=[\s/>])/g;

/**
 * A guide's rendered body, weighted for Pagefind: code blocks and tables lowered, the first cell
 * of each table body row raised, and no ids but headings' (Pagefind keeps an anchor for every
 * element with an id, but only headings become sub-results, so other ids are dead weight in every
 * fragment). Header cells are indexed as cells: Pagefind ends a `td`, not a `th`, with a
 * separator, so a header row ran together as one word ("VersionBranchStatus"), which no one
 * searches for and which cost its own index entries. A cell that another follows in its row ends
 * with " |": Pagefind ends a cell with a full stop unless its text already ends in punctuation,
 * so an excerpt read "3.13. 3.13. security fixes only. 2024-10-07." and marked "3.13." with its
 * stop; now it reads like a Markdown row, "3.13 | security fixes only | 2024-10-07.". A code
 * block is wrapped in search-words.ts's code marks, so the search UI shows it as code. Buttons (a
 * tab group's tablist) are controls that repeat the labels their panels already show, and are left
 * out. Markup Pagefind does not read is dropped first: code tokens' colour spans and attributes
 * such as classes and links' targets. The index is the same, and Pagefind has a third less to
 * receive and parse (2,000 guides: 11.7 → 8.0 MB). The body is our own renderer's serialized
 * hast, so its tags are always written alike.
 */
export function weightedBody(html: string): string {
  return html
    .replace(/<pre\b[\s\S]*?<\/pre>/g, (pre) => pre.replace(CODE_TOKEN, '$1'))
    .replace(/<[a-z][a-z0-9]*\b[^>]*>/g, (tag) => tag.replace(UNREAD_ATTRIBUTE, ''))
    .replace(/(<(?!h[1-6][\s>])[a-z][a-z0-9]*\b[^>]*?) id="[^"]*"/g, '$1')
    .replace(/<(pre|table)(?=[\s>])/g, `<$1 data-pagefind-weight="${SEARCH_WEIGHTS.block}"`)
    .replace(/<(\/?)th(?=[\s>])/g, '<$1td')
    .replace(/<\/td>(\s*)(?=<td[\s>])/g, ' |</td>$1')
    .replace(/<button(?=[\s>])/g, '<button data-pagefind-ignore')
    .replace(/<pre\b[^>]*>/g, `$& ${CODE_START} `)
    .replace(/<\/pre>/g, ` ${CODE_END} $&`)
    .replace(/<tbody\b[\s\S]*?<\/tbody>/g, (rows) => rows.replace(/(<tr\b[^>]*>\s*<td)(?=[\s>])/g, `$1 data-pagefind-weight="${SEARCH_WEIGHTS.rowTerm}"`));
}

/**
 * The part of a guide that is indexed: its body and filters as the page shows them, its title as
 * the `title` field and its tags as the `keywords` field. Pagefind searches both fields, and ranks
 * a title that holds the query high, so the title is not repeated as a heading in the body, which
 * only stored its words twice. Tags are not shown, but they are the author's words for what a
 * reader may search for ("refleaks" on a page that says "reference leaks").
 */
export function searchDocument(page: Page, sectionLabel: string): string {
  const level = page.level ? `<meta data-pagefind-filter="level[content]" content="${escapeHtml(LEVEL_LABELS[page.level])}">` : '';
  const keywords = page.tags.length ? `<meta data-pagefind-meta="keywords[content]" content="${escapeHtml(page.tags.join(', '))}">` : '';
  return `<!doctype html><html lang="en"><head><title>${escapeHtml(page.title)}</title></head><body><article data-pagefind-body><meta data-pagefind-meta="title[content]" content="${escapeHtml(page.title)}"><meta data-pagefind-filter="section[content]" content="${escapeHtml(sectionLabel)}">${level}${keywords}${weightedBody(page.html)}</article></body></html>`;
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

/** Moves a folder into place: a rename, or a copy when `to` exists already or is on another file system. */
function moveFolder(from: string, to: string): void {
  if (!existsSync(to)) {
    try {
      return renameSync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    }
  }
  cpSync(from, to, { recursive: true });
}

function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind could not ${step}: ${errors.join('; ')}`);
}

/**
 * How many documents may be on their way to Pagefind at once. Each waits, encoded, in the pipe to
 * its process; sending all of a 10,000-guide site at once held about 260 MB of them.
 */
const IN_FLIGHT = 512;

/** Calls `add` for every item, starting them in order, with at most IN_FLIGHT unsettled. */
async function inOrder<T>(items: readonly T[], add: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await add(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, lane));
}

export interface SearchIndexJob {
  /** Resolves once every page and record is added. */
  added: Promise<number>;
  /** Writes the index into `siteDir/pagefind` and closes the service. */
  write(siteDir: string): Promise<number>;
  /** Closes the service without writing (after a failed build). */
  close(): Promise<void>;
}

/**
 * Starts indexing the model's guides and `records` in the background. With `scratchDir` (a new
 * folder's path on the output's file system), the index files are written there as soon as the
 * last page is added, while the site is still being built, and `write` only moves them in.
 */
export function startSearchIndex(model: SiteModel, records: readonly SearchRecord[] = [], options: { scratchDir?: string } = {}): SearchIndexJob {
  const labels = new Map(model.sections.map((s) => [s.id, s.label]));
  const indexPromise = pagefind.createIndex({ forceLanguage: 'en' }).then(({ index, errors }) => {
    check('start', errors);
    return index!;
  });
  const added = indexPromise.then(async (index) => {
    await inOrder(model.pages, async (page) => {
      const r = await index.addHTMLFile({ url: page.url, content: searchDocument(page, labels.get(page.section) ?? page.section) });
      check(`index ${page.url}`, r.errors);
    });
    await inOrder(records, async (record) => {
      const weight = Math.min(...(record.filters.kind ?? []).map((kind) => KIND_WEIGHTS[kind] ?? 1), 1);
      const r =
        weight === 1
          ? await index.addCustomRecord({ url: record.url, content: record.content, language: 'en', meta: { title: record.title }, filters: record.filters })
          : await index.addHTMLFile({ url: record.url, content: recordDocument(record, weight) });
      check(`index ${record.url}`, r.errors);
    });
    return model.pages.length + records.length;
  });
  // Errors surface through `write`; this keeps an early failure from being reported as unhandled.
  added.catch(() => undefined);
  const scratch = options.scratchDir;
  const early = scratch
    ? added.then(async () => {
        const written = await (await indexPromise).writeFiles({ outputPath: scratch });
        check('write its files', written.errors);
      })
    : undefined;
  early?.catch(() => undefined);
  return {
    added,
    async write(siteDir) {
      const target = path.join(siteDir, 'pagefind');
      try {
        const count = await added;
        if (early && scratch) {
          await early;
          moveFolder(scratch, target);
        } else {
          const written = await (await indexPromise).writeFiles({ outputPath: target });
          check('write its files', written.errors);
        }
        return count;
      } finally {
        if (scratch) rmSync(scratch, { recursive: true, force: true });
        await pagefind.close();
      }
    },
    async close() {
      await pagefind.close();
    },
  };
}
