/**
 * `pagefind/devguide-owners.json`, beside the search index: the experts index's areas and their
 * CODEOWNERS patterns, which the site search fetches when a query looks like a file path.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { translator } from '../i18n/index.ts';
import { OWNERS_FILE, ownersIndex } from '../lib/owners-index.ts';
import type { SiteModel } from '../lib/site.ts';

export function writeOwners(dir: string, model: SiteModel): void {
  if (!model.experts) return;
  const file = path.join(dir, OWNERS_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(ownersIndex(model.experts, translator(model.config.lang))));
}
