/**
 * Guides' frontmatter, parsed and validated, remembered between runs by its text. Parsing 2,000
 * guides' YAML is half of reading a content folder (about 0.4 s), and a rebuild after one edit
 * reads every guide again. Only frontmatter without a problem is remembered, since a problem's
 * diagnostic names its file and place; the entries are dropped when `version` (the generator's
 * sources and dependencies, render.ts `pipelineVersion`) changes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Frontmatter } from './schema.ts';

export interface FrontmatterCache {
  /** The frontmatter remembered for this YAML text, read strictly or leniently (an imported folder's). */
  get(yaml: string, lenient: boolean): Frontmatter | undefined;
  set(yaml: string, lenient: boolean, frontmatter: Frontmatter): void;
  /** Writes what this run used (so the file keeps no stale entries), when anything changed; best effort. */
  save(): void;
}

/** The cache kept in `file` (none when `file` is undefined); empty when missing, unreadable or of another version. */
export function openFrontmatterCache(file: string | undefined, version = ''): FrontmatterCache {
  let known = new Map<string, Frontmatter>();
  try {
    const stored = file ? (JSON.parse(readFileSync(file, 'utf8')) as { version?: string; entries?: Record<string, Frontmatter> }) : {};
    if (stored.version === version && stored.entries) known = new Map(Object.entries(stored.entries));
  } catch {
    // No cache yet, or a broken one: the guides' YAML is parsed.
  }
  const used = new Map<string, Frontmatter>();
  let added = false;
  return {
    get(yaml, lenient) {
      const key = keyOf(yaml, lenient);
      const found = used.get(key) ?? known.get(key);
      if (found) used.set(key, found);
      return found && structuredClone(found);
    },
    set(yaml, lenient, frontmatter) {
      used.set(keyOf(yaml, lenient), structuredClone(frontmatter));
      added = true;
    },
    save() {
      if (!file || (!added && used.size === known.size)) return;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, JSON.stringify({ version, entries: Object.fromEntries(used) }));
        renameSync(temp, file);
      } catch {
        // The cache only saves time: the next run parses the YAML again.
      }
    },
  };
}

function keyOf(yaml: string, lenient: boolean): string {
  return createHash('sha1').update(lenient ? 'lenient\n' : 'strict\n').update(yaml).digest('base64url');
}
