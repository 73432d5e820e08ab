/** The guides for tools: a Markdown copy beside every guide page, `llms.txt` and `llms-full.txt`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { llmsFullTxt, llmsTxt } from '../lib/llms-txt.ts';
import { markdownCopies } from '../lib/markdown-copy.ts';
import { markdownUrl } from '../lib/page-links.ts';
import type { SiteModel } from '../lib/site.ts';

/** Writes the copies, but not those of `skip`: guides whose previous output the build carries over (incremental.ts). */
export function writeMarkdown(dir: string, model: SiteModel, skip: ReadonlySet<string> = new Set()): void {
  const copies = markdownCopies(model);
  for (const [url, text] of copies) {
    if (skip.has(url)) continue;
    const file = path.join(dir, decodeURIComponent(markdownUrl(url)));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  writeFileSync(path.join(dir, 'llms.txt'), llmsTxt(model));
  writeFileSync(path.join(dir, 'llms-full.txt'), llmsFullTxt(model, copies));
}
