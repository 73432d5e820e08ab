/** `feed.xml`, the Atom feed of changed guides, when site.yaml sets the site's `url`. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { translator } from '../i18n/index.ts';
import { atomFeed } from '../lib/feed.ts';
import { FEED_PATH } from '../lib/routes.ts';
import { buildDate, type SiteModel } from '../lib/site.ts';

export function writeFeed(dir: string, model: SiteModel): void {
  const t = translator(model.config.lang);
  const feed = atomFeed(model, { title: t('feed.title', { site: model.config.title }), today: buildDate() });
  if (feed) writeFileSync(path.join(dir, FEED_PATH.slice(1)), feed);
}
