/**
 * Finds runs of words that the bundled guide shares with another text, such as a copy of
 * python/devguide's sources: our prose must be our own, so no run of 8 or more words may be shared
 * outside code, URLs and names. Code blocks, inline code, URLs and reST/Markdown markup are left
 * out on both sides before comparing.
 *
 *   node test/content/shared-runs.ts /path/to/devguide [content/guides] [--words 8]
 *
 * Prints each shared run with the guide it is in, and exits 1 when there is any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The words of a text's prose, lower-cased, with code, URLs and markup removed. */
export function proseTokens(text: string): string[] {
  return text
    .replace(/^---\n[\s\S]*?\n---\n/, ' ') // frontmatter
    .replace(/^([ \t]*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1\2[^\n]*$/gm, ' ') // fenced code
    .replace(/^\.\. (code-block|sourcecode|highlight)::[^\n]*\n(\n|[ \t]+[^\n]*\n)*/gm, ' ') // reST code
    .replace(/::\n\n([ \t]+[^\n]*\n|\n)+/g, ' ') // reST literal blocks
    .replace(/`[^`\n]+`/g, ' ') // inline code and reST roles' targets
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter((w) => w && w !== "'");
}

export interface SharedRun {
  words: string;
  file: string;
}

/** Runs of at least `n` words of `ours` (file → text) that also stand in any of `theirs`. */
export function sharedRuns(ours: Map<string, string>, theirs: string[], n = 8): SharedRun[] {
  const known = new Set<string>();
  for (const text of theirs) {
    const t = proseTokens(text);
    for (let i = 0; i + n <= t.length; i++) known.add(t.slice(i, i + n).join(' '));
  }
  const runs: SharedRun[] = [];
  for (const [file, text] of ours) {
    const t = proseTokens(text);
    let i = 0;
    while (i + n <= t.length) {
      if (!known.has(t.slice(i, i + n).join(' '))) {
        i++;
        continue;
      }
      let end = i + n;
      while (end < t.length && known.has(t.slice(end - n + 1, end + 1).join(' '))) end++;
      runs.push({ words: t.slice(i, end).join(' '), file });
      i = end;
    }
  }
  return runs;
}

function filesUnder(dir: string, extensions: string[]): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => extensions.some((e) => f.endsWith(e)) && statSync(f).isFile());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const wordsAt = args.indexOf('--words');
  const n = wordsAt >= 0 ? Number(args.splice(wordsAt, 2)[1]) : 8;
  const [theirsDir, oursDir = path.join(import.meta.dirname, '../../content/guides')] = args;
  if (!theirsDir) {
    console.error('usage: node test/content/shared-runs.ts DEVGUIDE_SOURCES [GUIDES_DIR] [--words 8]');
    process.exit(2);
  }
  const theirs = filesUnder(theirsDir, ['.rst', '.md', '.txt']).map((f) => readFileSync(f, 'utf8'));
  const ours = new Map(filesUnder(oursDir, ['.md']).map((f) => [path.relative(process.cwd(), f), readFileSync(f, 'utf8')]));
  const runs = sharedRuns(ours, theirs, n);
  for (const run of runs) console.log(`${run.file}: "${run.words}"`);
  console.log(`${runs.length} shared run(s) of ${n}+ words in ${ours.size} guides, against ${theirs.length} files of ${theirsDir}`);
  process.exit(runs.length ? 1 : 0);
}
