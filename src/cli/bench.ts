/**
 * `npm run bench [-- --pages 2000 --sections 20 --runs 3]`: generates synthetic guides into a
 * temporary content folder and builds them cold (empty cache), then again after editing one
 * guide. Prints wall time, pages/s, peak RSS, HTML sizes, first-view bytes and the index size.
 * With `--imported` (or `--book DIR`), times cold builds of an mdBook against the same number of
 * guides in devguide's layout instead, and prints the ratio next to its limit. With `--search`,
 * builds the bundled guide once and times its search in Chromium with a cold cache instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { displayPath, parseArgsOrExit, userPath, type Args, type CommandSpec } from '../lib/args.ts';
import { CACHE_DIR, DEFAULT_CONTENT, PROJECT_ROOT } from '../lib/paths.ts';
import { serveStatic } from '../lib/static-server.ts';
import { guardCommand } from '../lib/crash.ts';
import { generateBook, generateGuides } from './bench-sites.ts';

/** An imported book may take at most this many times as long as as many guides in devguide's layout. */
const IMPORTED_LIMIT = 1.5;
/** The query the search bench times, and its budgets (issue 13): results within 1 s of navigation, 300 ms of the last keystroke. */
const SEARCH_TERM = 'asyncio';
const SEARCH_BUDGET = { pageMs: 1000, dialogMs: 300 };

export const command = {
  name: 'bench',
  description: 'Generates synthetic guides, builds them cold and after a one-file edit, and prints wall time, pages/s, peak RSS, HTML sizes, first-view bytes and the index size.',
  options: {
    pages: { kind: 'number', help: 'how many guides to generate (240 with --imported)', default: 2000 },
    sections: { kind: 'number', help: 'how many sections to spread them over', default: 20 },
    runs: { kind: 'number', help: 'how many times to build (with --search: to load the page, default 7); the median is printed', default: 1 },
    imported: { kind: 'flag', help: `compare cold builds of a generated mdBook with as many guides in devguide's layout (limit: ${IMPORTED_LIMIT}×)` },
    book: { kind: 'value', placeholder: 'DIR', help: 'time this book or Markdown folder against as many generated guides (implies --imported)' },
    search: { kind: 'flag', help: `time the bundled guide's search in Chromium, cold cache: navigation to results on /search/?q=${SEARCH_TERM}, and last keystroke to results in the dialog` },
    keep: { kind: 'flag', help: 'keep the generated guides and the site in the temporary folder' },
  },
} as const satisfies CommandSpec;

interface Run {
  wallMs: number;
  maxRssMb: number;
  timings: Record<string, number>;
}

function build(content: string, out: string): Run {
  const start = performance.now();
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/build.ts'), '--content', content, '--out', out], {
    env: { ...process.env, DEVGUIDE_STATS: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error('The benchmark build failed.');
  }
  const stats = JSON.parse(/^DEVGUIDE_STATS (.*)$/m.exec(result.stdout)![1]!) as { maxRssKb: number; timings: Record<string, number> };
  return { wallMs, maxRssMb: stats.maxRssKb / 1024, timings: stats.timings };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function firstViewBytes(out: string, page: string): { html: number; css: number; js: number } {
  const html = readFileSync(page, 'utf8');
  const size = (ref: string) => statSync(path.join(out, ref)).size;
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].reduce((n, m) => n + size(m[1]!), 0);
  // Only scripts the page itself loads; chunks imported when search opens are not counted.
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
  let js = inline;
  const seen = new Set<string>();
  const follow = (ref: string) => {
    if (seen.has(ref)) return;
    seen.add(ref);
    js += size(ref);
    const code = readFileSync(path.join(out, ref), 'utf8');
    // Static imports are loaded up front; dynamic import() is not.
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) follow(path.posix.join(path.posix.dirname(ref), m[1]!));
  };
  scripts.forEach(follow);
  return { html: Buffer.byteLength(html), css, js };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Empties devguide's render cache (which also holds Astro's staging folder and the page manifests) and the output, so nothing is reused. */
function coldBuild(content: string, out: string): Run {
  rmSync(CACHE_DIR, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  return build(content, out);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const phases = (rs: Run[]) => Object.keys(rs[0]!.timings).map((k) => `${k} ${seconds(median(rs.map((r) => r.timings[k] ?? 0)))}`).join(', ');

/** The sections asked for, but no more than there are guides: an empty section would break the guides' links. */
function sectionsFor(args: Args, pages: number): number {
  return Math.max(1, Math.min(Number(args.values.get('sections') ?? command.options.sections.default), pages));
}

/** The default bench: cold builds of generated guides, then a rebuild after a one-file edit. */
function benchGuides(args: Args): void {
  const pages = Number(args.values.get('pages') ?? command.options.pages.default);
  const sectionCount = sectionsFor(args, pages);
  const runs = Number(args.values.get('runs') ?? command.options.runs.default);

  const cold: Run[] = [];
  const warm: Run[] = [];
  let out = '';
  let root = '';
  for (let r = 0; r < runs; r++) {
    root = mkdtempSync(path.join(tmpdir(), 'devguide-bench-'));
    const content = path.join(root, 'content');
    out = path.join(root, 'dist');
    mkdirSync(content);
    const files = generateGuides(content, pages, sectionCount);
    cold.push(coldBuild(content, out));
    writeFileSync(files[7]!, `${readFileSync(files[7]!, 'utf8')}\nAn edited paragraph, run ${r}.\n`);
    warm.push(build(content, out));
    console.error(`run ${r + 1}/${runs}: cold ${seconds(cold.at(-1)!.wallMs)}, after one edit ${seconds(warm.at(-1)!.wallMs)}`);
    if (r < runs - 1 && !args.flags.has('keep')) rmSync(root, { recursive: true, force: true });
  }

  const htmlFiles = walk(out).filter((f) => f.endsWith('.html'));
  const guidePages = htmlFiles.filter((f) => /section-\d+\/guide-\d+\/index\.html$/.test(f));
  const guideSizes = guidePages.map((f) => statSync(f).size);
  const totalHtml = htmlFiles.reduce((n, f) => n + statSync(f).size, 0);
  const indexBytes = walk(path.join(out, 'pagefind')).reduce((n, f) => n + statSync(f).size, 0);
  const view = firstViewBytes(out, guidePages[0]!);
  const coldMs = median(cold.map((r) => r.wallMs));

  console.log(`devguide bench: ${pages} guides in ${sectionCount} sections, median of ${runs} run(s)`);
  console.log(`  cold build          ${seconds(coldMs)} wall  (${phases(cold)})`);
  console.log(`  pages/s (cold)      ${(pages / (coldMs / 1000)).toFixed(0)}`);
  console.log(`  rebuild, 1 edit     ${seconds(median(warm.map((r) => r.wallMs)))} wall  (${phases(warm)})`);
  console.log(`  peak RSS            ${median(cold.map((r) => r.maxRssMb)).toFixed(0)} MB cold, ${median(warm.map((r) => r.maxRssMb)).toFixed(0)} MB rebuild`);
  console.log(`  HTML total          ${(totalHtml / 1024 / 1024).toFixed(1)} MB in ${htmlFiles.length} files`);
  console.log(`  HTML per guide      ${kb(median(guideSizes))} median, ${kb(Math.max(...guideSizes))} max`);
  console.log(`  first view (guide)  ${kb(view.html + view.css + view.js)} = HTML ${kb(view.html)} + CSS ${kb(view.css)} + JS ${kb(view.js)}`);
  console.log(`  Pagefind index      ${(indexBytes / 1024 / 1024).toFixed(1)} MB`);
  if (!args.flags.has('keep')) rmSync(root, { recursive: true, force: true });
  else console.log(`  kept: ${root}`);
}

/** How many pages a folder of Markdown gives: its .md files, less SUMMARY.md, hidden files and dependencies. */
function markdownPages(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
    if (e.name.startsWith('.') || e.name === 'node_modules') return n;
    if (e.isDirectory()) return n + markdownPages(path.join(dir, e.name));
    return n + (/\.md$/i.test(e.name) && e.name.toLowerCase() !== 'summary.md' ? 1 : 0);
  }, 0);
}

/** What `npm run check` says of a folder: undefined when it found nothing, else its summary ("0 errors, 3 warnings"). */
function checkProblems(content: string): string | undefined {
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/check.ts'), '--content', content], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status === 0 && /: no problems\.$/m.test(result.stdout)) return undefined;
  return /(\d+ errors?, \d+ warnings?)\s*$/.exec(result.stderr)?.[1] ?? `exit code ${result.status}`;
}

/**
 * The imported-folder bench: cold builds of a book (generated, or `--book DIR`) and of as many
 * guides in devguide's layout, alternated so a noisy machine slows both alike; prints the medians
 * and their ratio next to IMPORTED_LIMIT.
 */
function benchImported(args: Args): void {
  const runs = Number(args.values.get('runs') ?? command.options.runs.default);
  const given = args.values.get('book');
  if (given !== undefined && !statSync(userPath(given), { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`--book ${given} is not a folder.\n  Fix: pass the folder that holds book.toml (or the Markdown).`);
    process.exit(2);
  }
  const root = mkdtempSync(path.join(tmpdir(), 'devguide-bench-'));
  const book = given === undefined ? path.join(root, 'book') : userPath(given);
  const pages = given === undefined ? Number(args.values.get('pages') ?? 240) : markdownPages(book);
  const runsOf = { layout: [] as Run[], book: [] as Run[] };
  let problems: string | undefined;
  try {
    if (given === undefined) {
      mkdirSync(book);
      generateBook(book, pages);
    }
    const layout = path.join(root, 'content');
    mkdirSync(layout);
    generateGuides(layout, pages, sectionsFor(args, pages));
    problems = checkProblems(book);
    for (let r = 0; r < runs; r++) {
      runsOf.layout.push(coldBuild(layout, path.join(root, 'dist-layout')));
      runsOf.book.push(coldBuild(book, path.join(root, 'dist-book')));
      console.error(`run ${r + 1}/${runs}: cold layout ${seconds(runsOf.layout.at(-1)!.wallMs)}, cold book ${seconds(runsOf.book.at(-1)!.wallMs)}`);
    }
  } finally {
    if (!args.flags.has('keep')) rmSync(root, { recursive: true, force: true });
  }

  const layoutMs = median(runsOf.layout.map((r) => r.wallMs));
  const bookMs = median(runsOf.book.map((r) => r.wallMs));
  const ratio = bookMs / layoutMs;
  console.log(`devguide bench: ${given === undefined ? 'generated book' : displayPath(book)} vs devguide layout, ${pages} pages each, median of ${runs} cold run(s)`);
  if (problems) console.log(`  warning: \`npm run check -- --content ${displayPath(book)}\` reported ${problems}; the book's figures time a build with diagnostics.`);
  console.log(`  cold, layout        ${seconds(layoutMs)} wall  (${phases(runsOf.layout)})`);
  console.log(`  cold, book          ${seconds(bookMs)} wall  (${phases(runsOf.book)})`);
  console.log(`  book / layout       ${ratio.toFixed(2)}×  (limit ≤ ${IMPORTED_LIMIT}×: ${ratio <= IMPORTED_LIMIT ? 'within' : 'OVER'})`);
  console.log(`  pages/s (cold)      ${(pages / (layoutMs / 1000)).toFixed(0)} layout, ${(pages / (bookMs / 1000)).toFixed(0)} book`);
  console.log(`  peak RSS            ${median(runsOf.layout.map((r) => r.maxRssMb)).toFixed(0)} MB layout, ${median(runsOf.book.map((r) => r.maxRssMb)).toFixed(0)} MB book`);
  if (args.flags.has('keep')) console.log(`  kept: ${root}`);
}

/** The Chromium to drive: `CHROMIUM_PATH`, else the system's, else the npm-packaged one (as test/support/browser.ts). */
async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

/**
 * Records, in the page, when the first search result shows (the lists start empty, and typing
 * faster than the search's pause shows no result for part of the word): `window.__searchDone`,
 * in ms since navigation, and `window.__lastInput`, when the search input last changed.
 */
function watchForResults(): void {
  const w = window as unknown as { __searchDone?: number; __lastInput?: number };
  new MutationObserver(() => {
    if (w.__searchDone === undefined && document.querySelector('.search-results li')) w.__searchDone = performance.now();
  }).observe(document, { childList: true, subtree: true });
  addEventListener('input', () => (w.__lastInput = performance.now()), true);
}

/**
 * The search bench: the bundled guide built once and served as `npm run preview` would; each run
 * a fresh browser context (empty cache) loads `/search/?q=asyncio`, then opens the dialog on the
 * home page, waits for the search code and index, and types the query.
 */
async function benchSearch(args: Args): Promise<void> {
  const runs = Number(args.values.get('runs') ?? 7);
  const root = mkdtempSync(path.join(tmpdir(), 'devguide-bench-'));
  const out = path.join(root, 'dist');
  const { chromium } = await import('playwright-core');
  const built = build(DEFAULT_CONTENT, out);
  console.error(`built the bundled guide in ${seconds(built.wallMs)}`);
  const server = await serveStatic(out);
  const browser = await chromium.launch({ executablePath: await chromiumPath(), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  const page: Array<{ ms: number; requests: number; bytes: number }> = [];
  const dialog: number[] = [];
  type Timed = { __searchDone?: number; __lastInput?: number };
  try {
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext();
      await context.addInitScript(watchForResults);
      const tab = await context.newPage();
      let requests = 0;
      let bytes = 0;
      let counting = true;
      context.on('requestfinished', (request) => {
        if (!counting) return;
        requests++;
        void request.sizes().then((s) => (bytes += s.responseBodySize + s.responseHeadersSize), () => undefined);
      });
      await tab.goto(`${server.url}/search/?q=${SEARCH_TERM}`);
      await tab.waitForFunction(() => (window as Timed).__searchDone !== undefined, undefined, { timeout: 30_000 });
      counting = false;
      const ms = await tab.evaluate(() => (window as Timed).__searchDone!);
      await context.close();

      // The dialog, on a fresh context: opened, then typed into once its filters show the index is in.
      const second = await browser.newContext();
      await second.addInitScript(watchForResults);
      const home = await second.newPage();
      await home.goto(`${server.url}/`);
      await home.keyboard.press('/');
      await home.locator('[data-search-dialog] .search-filters select').first().waitFor({ state: 'attached', timeout: 30_000 });
      await home.waitForTimeout(500);
      await home.keyboard.type(SEARCH_TERM, { delay: 40 });
      await home.waitForFunction(() => (window as Timed).__searchDone !== undefined, undefined, { timeout: 30_000 });
      dialog.push(await home.evaluate(() => (window as Timed).__searchDone! - (window as Timed).__lastInput!));
      await second.close();
      page.push({ ms, requests, bytes });
      console.error(`run ${r + 1}/${runs}: /search/?q=${SEARCH_TERM} ${ms.toFixed(0)} ms (${requests} requests, ${kb(bytes)}), dialog ${dialog.at(-1)!.toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
    await server.close();
    if (!args.flags.has('keep')) rmSync(root, { recursive: true, force: true });
  }
  const pageMs = median(page.map((p) => p.ms));
  const dialogMs = median(dialog);
  const within = (ms: number, budget: number) => `(budget ≤ ${budget} ms: ${ms <= budget ? 'within' : 'OVER'})`;
  console.log(`devguide bench: search on the bundled guide, Chromium with a cold cache, median of ${runs} run(s)`);
  console.log(`  /search/?q=${SEARCH_TERM}     ${pageMs.toFixed(0)} ms from navigation to results ${within(pageMs, SEARCH_BUDGET.pageMs)}, ${median(page.map((p) => p.requests))} requests, ${kb(median(page.map((p) => p.bytes)))}`);
  console.log(`  dialog, first query   ${dialogMs.toFixed(0)} ms from the last keystroke to results ${within(dialogMs, SEARCH_BUDGET.dialogMs)}`);
  if (args.flags.has('keep')) console.log(`  kept: ${root}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  guardCommand();
  const args = parseArgsOrExit(process.argv.slice(2), command);
  if (args.flags.has('search')) await benchSearch(args);
  else if (args.flags.has('imported') || args.values.has('book')) benchImported(args);
  else benchGuides(args);
}
