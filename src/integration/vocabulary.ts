/**
 * `pagefind/devguide-vocabulary.json`, beside the search index: the words of the guide's titles,
 * headings and expert areas with their counts, which the search UI fetches for "did you mean"
 * when a search finds nothing, or not the word typed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { siteVocabulary, VOCABULARY_FILE } from '../lib/search-words.ts';
import type { SiteModel } from '../lib/site.ts';

export function writeVocabulary(dir: string, model: SiteModel): void {
  const file = path.join(dir, VOCABULARY_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(siteVocabulary(model)));
}
