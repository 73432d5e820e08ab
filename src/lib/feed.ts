/**
 * `feed.xml`, an Atom feed (RFC 4287) of the guides that changed, from the git dates the pages
 * already show, so a contributor can follow what changed in the guide.
 *
 * Only when site.yaml sets `url`, as with sitemap.xml. Atom requires every id to be an absolute
 * IRI that stays the same for ever, and feed readers keep entries away from the feed (so relative
 * links in them break). Without the site's address there is nothing stable to mint ids from: a
 * `tag:` URI must name a domain the site owns (RFC 4151), and the repository's host is not the
 * site's. A feed with made-up ids would break its subscribers the day `url` is set; none is better.
 */
import { escapeHtml } from './html.ts';
import { FEED_PATH } from './routes.ts';
import type { Page, SiteModel } from './site.ts';

/** At most this many entries: the most recently changed guides. */
export const FEED_LIMIT = 50;

/** Whether the site has a feed (site.yaml sets `url`). */
export function hasFeed(model: Pick<SiteModel, 'config'>): boolean {
  return Boolean(model.config.url);
}

/** An RFC 3339 timestamp in UTC, to the second. */
const timestamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The guides with a date, most recently changed first (reading order among equals), at most FEED_LIMIT. */
export function changedGuides(pages: readonly Page[]): Array<Page & { lastUpdated: string }> {
  return pages
    .filter((p): p is Page & { lastUpdated: string } => Boolean(p.lastUpdated) && !Number.isNaN(Date.parse(p.lastUpdated!)))
    .map((page, index) => ({ page, index, time: Date.parse(page.lastUpdated) }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .slice(0, FEED_LIMIT)
    .map((e) => e.page);
}

export interface FeedOptions {
  /** The feed's title, in the site's language. */
  title: string;
  /** The feed's date when no guide has one (the build date, YYYY-MM-DD). */
  today: string;
}

/**
 * The feed, or undefined without `url`. Each entry's id is a `tag:` URI of the site's host, the
 * day of the change and the page's path, so a guide that changes again comes back as a new entry
 * that readers show as unread, rather than as an edit they hide.
 */
export function atomFeed(model: Pick<SiteModel, 'config' | 'pages'>, options: FeedOptions): string | undefined {
  const base = model.config.url;
  if (!base) return undefined;
  const host = new URL(base).hostname.toLowerCase();
  const entries = changedGuides(model.pages);
  const updated = entries[0] ? timestamp(new Date(entries[0].lastUpdated)) : `${options.today}T00:00:00Z`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(model.config.lang)}">`,
    `  <title>${escapeHtml(options.title)}</title>`,
    ...(model.config.description.trim() ? [`  <subtitle>${escapeHtml(model.config.description.trim())}</subtitle>`] : []),
    `  <id>${escapeHtml(new URL('/', base).href)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeHtml(new URL(FEED_PATH, base).href)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeHtml(new URL('/', base).href)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeHtml(model.config.title)}</name></author>`,
  ];
  for (const page of entries) {
    const date = new Date(page.lastUpdated);
    const url = new URL(page.url, base);
    lines.push(
      '  <entry>',
      `    <title>${escapeHtml(page.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeHtml(url.href)}"/>`,
      `    <id>${escapeHtml(`tag:${host},${timestamp(date).slice(0, 10)}:${url.pathname}`)}</id>`,
      `    <updated>${timestamp(date)}</updated>`,
      ...(page.description?.trim() ? [`    <summary>${escapeHtml(page.description.trim())}</summary>`] : []),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
