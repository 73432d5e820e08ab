/**
 * `npm run build [-- --content DIR --out DIR --warn-links]`: validate and render the content, let Astro (with
 * the devguide integration) write the whole site into a staging folder, carry over unchanged pages,
 * then publish it atomically. The CLI adds only the lock, the staging folder and the publish.
 * Any error: every diagnostic printed once, exit code 1, the previous output untouched.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath, parseArgsOrExit, SHARED_OPTIONS, type CommandSpec } from '../lib/args.ts';
import { hasErrors } from '../lib/diagnostics.ts';
import { buildState, setCurrentSite, setPendingSite } from '../lib/model-store.ts';
import { carryOver, pageFingerprints, reusablePages, saveManifest, templateFingerprint } from '../lib/incremental.ts';
import { acquireBuildLock, BUILD_MARKER, BUILD_MARKER_TEXT, discard, outputProblem, publish, removeLeftovers, stagingDir } from '../lib/output.ts';
import { CACHE_DIR, PROJECT_ROOT } from '../lib/paths.ts';
import { printDiagnostics } from '../lib/print.ts';
import type { ContentSource } from '../lib/content.ts';
import { loadContentCached, loadSite, routeContextOf, type SiteModel } from '../lib/site.ts';
import { guardCommand } from '../lib/crash.ts';
import { deleteInBackground } from '../lib/background-delete.ts';

export const command = {
  name: 'build',
  description: 'Validates and renders the content, then writes the site (search index, sitemap, redirects, _headers) into --out. On any error it prints every problem, exits 1 and leaves the previous output as it was.',
  options: {
    content: SHARED_OPTIONS.content,
    out: { kind: 'value', placeholder: 'DIR', help: 'the folder to write the site into', default: 'dist/' },
    'warn-links': SHARED_OPTIONS['warn-links'],
  },
} as const satisfies CommandSpec;

export interface BuildResult {
  ok: boolean;
  out: string;
  timings: Record<string, number>;
  pages: number;
}

export async function buildSite(options: { content: string; out: string; quiet?: boolean; warnLinks?: boolean }): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };
  const contentDir = path.resolve(options.content);
  const out = path.resolve(options.out);
  const unsafe = outputProblem(out, { contentDir, projectRoot: PROJECT_ROOT });
  if (unsafe) {
    console.error(`The output folder ${displayPath(out)} ${unsafe}, so the build will not replace it.\n  Fix: pass --out a new or empty folder, or a folder an earlier build wrote (it holds ${BUILD_MARKER}). Nothing was changed.`);
    return { ok: false, out, timings, pages: 0 };
  }
  process.env.DEVGUIDE_CONTENT = contentDir;
  const content = loadContentCached(contentDir, CACHE_DIR);
  if (hasErrors(content.diagnostics)) {
    // Nothing will be published: the guides render only so every problem is reported in one run.
    const model = await loadSite({ contentDir, content, cacheDir: CACHE_DIR, warnLinks: options.warnLinks });
    lap('content');
    printDiagnostics(model.diagnostics);
    console.error(`\nBuild failed; ${displayPath(out)} was left as it was.`);
    return { ok: false, out, timings, pages: 0 };
  }
  // Astro's intermediate files (.astro/) are shared by every build in this checkout.
  let release: () => void;
  try {
    release = await acquireBuildLock(CACHE_DIR, (pid) => console.log(`Waiting for another build in this checkout (process ${pid}) to finish…`));
  } catch (error) {
    console.error(`\nBuild failed: ${(error as Error).message}\n${displayPath(out)} was left as it was.`);
    return { ok: false, out, timings, pages: 0 };
  }
  try {
    return await render(content, options, out, timings, lap);
  } finally {
    release();
  }
}

/** The content has errors (printed already): nothing is published. */
class ContentErrors extends Error {}

/**
 * Renders the guides (in worker threads) while Astro bundles the templates; the integration holds
 * Astro back from generating pages until the model is ready (setPendingSite).
 */
async function render(content: ContentSource, options: { quiet?: boolean; warnLinks?: boolean }, out: string, timings: Record<string, number>, lap: (name: string) => void): Promise<BuildResult> {
  let reused = new Set<string>();
  let fingerprints = new Map<string, string>();
  const loading = loadSite({ contentDir: content.contentDir, content, cacheDir: CACHE_DIR, warnLinks: options.warnLinks }).then((model) => {
    lap('content');
    printDiagnostics(model.diagnostics);
    if (hasErrors(model.diagnostics)) throw new ContentErrors('The content has errors (listed above).');
    fingerprints = pageFingerprints(model, templateFingerprint(PROJECT_ROOT));
    reused = reusablePages(CACHE_DIR, out, fingerprints);
    setCurrentSite(model, reused);
    return model;
  });
  const ready = loading.then(() => undefined);
  setPendingSite(ready, routeContextOf(content));
  // Both are awaited below, or by Astro's hooks; this keeps a failure before then from counting as unhandled.
  loading.catch(() => undefined);
  ready.catch(() => undefined);
  // Deleted in the background while the guides render; best effort: what is left now is
  // tried again by the next build.
  const leftovers: string[] = [];
  try {
    removeLeftovers(CACHE_DIR, out, (p) => leftovers.push(p));
  } catch {
    // As above.
  }
  // Not awaited: what it deletes is no part of this build, and it may finish after it.
  void deleteInBackground(leftovers);
  const staging = stagingDir(CACHE_DIR);
  let indexed: number;
  let model: SiteModel;
  try {
    const { build } = await import('astro');
    // The integration's build hooks write the search index, redirects, _headers and the sitemap.
    const astro = build({ root: PROJECT_ROOT, outDir: staging, logLevel: options.quiet ? 'error' : 'warn', mode: 'production' });
    astro.catch(() => undefined);
    try {
      model = await loading;
    } catch (error) {
      // Astro stops at the wait-for-model hook with the same error.
      await astro.catch(() => undefined);
      throw error;
    }
    await astro;
    indexed = buildState().indexed ?? 0;
    lap('astro');
    // Astro's time includes its last hook, which waits for the search index: report that apart.
    const searchMs = Math.round(buildState().searchMs ?? 0);
    timings.astro! -= searchMs;
    timings.search = searchMs;
    carryOver(reused, out, staging);
    writeFileSync(path.join(staging, BUILD_MARKER), BUILD_MARKER_TEXT);
  } catch (error) {
    await buildState().search?.close();
    discard(staging);
    if (error instanceof ContentErrors) console.error(`\nBuild failed; ${displayPath(out)} was left as it was.`);
    else console.error(`\nBuild failed: ${(error as Error).message}\n${displayPath(out)} was left as it was.`);
    return { ok: false, out, timings, pages: 0 };
  }
  try {
    // The build it replaces stays in the store: the next build deletes it while its guides render.
    publish(staging, out);
  } catch (error) {
    discard(staging);
    const code = (error as NodeJS.ErrnoException).code;
    const fix = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `\n  Fix: make ${displayPath(path.dirname(out))} writable, or pass --out a folder you can write to.` : code === 'ENOSPC' ? '\n  Fix: free some disk space and build again.' : '';
    console.error(`\nBuild failed while publishing: ${(error as Error).message}${fix}\n${displayPath(out)} was left as it was.`);
    return { ok: false, out, timings, pages: 0 };
  }
  // From here on the new site is in place: a problem is reported as what it is, not as a failure.
  try {
    saveManifest(CACHE_DIR, out, fingerprints);
  } catch (error) {
    console.warn(`The new site is published at ${displayPath(out)}, but the list of its pages could not be saved (${(error as Error).message}); the next build renders every page again.`);
  }
  lap('publish');
  if (!options.quiet) {
    console.log(`Built ${model.pages.length} guides (${model.stats.rendered} rendered, ${model.stats.cached} from cache, ${reused.size} pages unchanged), ${indexed} search records, into ${displayPath(out)}.`);
  }
  if (process.env.DEVGUIDE_STATS) console.log(`DEVGUIDE_STATS ${JSON.stringify({ timings, maxRssKb: process.resourceUsage().maxRSS })}`);
  return { ok: true, out, timings, pages: model.pages.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  guardCommand();
  const args = parseArgsOrExit(process.argv.slice(2), command);
  const result = await buildSite({ content: args.content ?? path.join(PROJECT_ROOT, 'content'), out: args.out ?? path.join(PROJECT_ROOT, 'dist'), warnLinks: args.flags.has('warn-links') });
  process.exitCode = result.ok ? 0 : 1;
}
