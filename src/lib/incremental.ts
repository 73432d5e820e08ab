/**
 * Incremental output. Each guide's HTML depends on its own rendering, its section's page list
 * (the sidebar), its neighbours (previous/next), the site config and the templates. When none of
 * that changed since the last build into the same folder, the previous file is reused (hard-linked
 * into the new output) instead of being rendered again by Astro.
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { neighbours } from './reading-order.ts';
import { builtInNav } from './routes.ts';
import type { SiteModel } from './site.ts';
import { compareText } from './compare.ts';

/** Hash of every file a page's HTML can depend on besides the model: src/, config, lock file. */
export function templateFingerprint(projectRoot: string): string {
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else hash.update(full).update(readFileSync(full));
    }
  };
  visit(path.join(projectRoot, 'src'));
  for (const file of ['astro.config.mjs', 'package-lock.json']) {
    const full = path.join(projectRoot, file);
    if (existsSync(full)) hash.update(readFileSync(full));
  }
  return hash.digest('hex');
}

/** A fingerprint per guide URL. */
export function pageFingerprints(model: SiteModel, template: string): Map<string, string> {
  const shared = createHash('sha256')
    .update(template)
    .update(JSON.stringify(model.config))
    .update(JSON.stringify(model.sections.map((s) => [s.id, s.label, s.url, s.pages.length > 0])))
    // The sidebar's links to the experts index and Help wanted, which come and go with their pages.
    .update(JSON.stringify(builtInNav(model.builtIn, model.pages.some((p) => p.todos.length > 0), (key) => key)))
    .digest('hex');
  // The current section's tree is in the sidebar.
  const sectionHashes = new Map(model.sections.map((s) => [s.id, createHash('sha256').update(JSON.stringify([s.pages, s.items])).digest('hex')]));
  const result = new Map<string, string>();
  for (const page of model.pages) {
    const { previous, next } = neighbours(model.pages, page.url);
    const hash = createHash('sha256')
      .update(shared)
      .update(sectionHashes.get(page.section) ?? '')
      .update(JSON.stringify([previous?.url, previous?.title, next?.url, next?.title]))
      .update(JSON.stringify(page));
    result.set(page.url, hash.digest('hex'));
  }
  return result;
}

function manifestPath(cacheDir: string, out: string): string {
  return path.join(cacheDir, 'builds', `${createHash('sha256').update(path.resolve(out)).digest('hex').slice(0, 16)}.json`);
}

/**
 * The files of a guide's URL that come from its model alone, so an unchanged fingerprint means an
 * unchanged file: the page, and its Markdown copy (markdown-copy.ts).
 */
const PAGE_FILES = ['index.html', 'index.md'];

/** URLs whose previous output in `out` can be reused as it is. */
export function reusablePages(cacheDir: string, out: string, fingerprints: Map<string, string>): Set<string> {
  const reusable = new Set<string>();
  let previous: Record<string, string>;
  try {
    previous = JSON.parse(readFileSync(manifestPath(cacheDir, out), 'utf8')) as Record<string, string>;
  } catch {
    return reusable;
  }
  for (const [url, fingerprint] of fingerprints) {
    if (previous[url] === fingerprint && PAGE_FILES.every((name) => existsSync(path.join(out, url, name)))) reusable.add(url);
  }
  return reusable;
}


/**
 * Puts `source` at `target`: a hard link, or a copy where links are not possible (another file
 * system). False when `source` does not exist. A `target` that exists already (Astro wrote it) is
 * kept. Errors are the answer, not checked beforehand: this runs for every unchanged page.
 */
function linkOrCopy(source: string, target: string): boolean {
  try {
    linkSync(source, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return true;
    if (code === 'ENOENT') return false;
  }
  try {
    copyFileSync(source, target, constants.COPYFILE_EXCL);
    return true;
  } catch {
    return false;
  }
}

/** Links (or copies) the reused pages, and their Markdown copies, from the previous output into the staging folder. Returns how many pages it carried. */
export function carryOver(urls: Iterable<string>, from: string, to: string): number {
  let count = 0;
  for (const url of urls) {
    mkdirSync(path.join(to, url), { recursive: true });
    let page = false;
    for (const name of PAGE_FILES) {
      const carried = linkOrCopy(path.join(from, url, name), path.join(to, url, name));
      if (name === 'index.html') page = carried;
    }
    if (page) count++;
  }
  return count;
}

export function saveManifest(cacheDir: string, out: string, fingerprints: Map<string, string>): void {
  const file = manifestPath(cacheDir, out);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(Object.fromEntries(fingerprints)));
}
