/** Fills in the /search/ page's preloads once the index is written (src/lib/search-preload.ts). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withSearchPreloads } from '../lib/search-preload.ts';

export function writeSearchPreloads(out: string): void {
  const page = path.join(out, 'search', 'index.html');
  const entry = path.join(out, 'pagefind', 'pagefind-entry.json');
  if (!existsSync(page) || !existsSync(entry)) return;
  const html = readFileSync(page, 'utf8');
  const filled = withSearchPreloads(html, readFileSync(entry, 'utf8'));
  if (filled !== html) writeFileSync(page, filled);
}
