/**
 * The Pagefind index, written with Pagefind's Node API after the pages exist. Every call returns
 * `{ errors }`, which is checked; the Pagefind process is closed whatever happens.
 */
import * as pagefind from 'pagefind';

export interface IndexStats {
  pages: number;
}

/** Indexes the HTML under `siteDir` and writes the index to `siteDir/pagefind`. */
export async function writeSearchIndex(siteDir: string): Promise<IndexStats> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (errors.length || !index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
