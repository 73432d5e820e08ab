/**
 * `npm run bench [-- --pages 2000 --sections 20 --runs 3]`: generates synthetic guides into a
 * temporary content folder and builds them cold (empty cache), then again after editing one
 * guide. Prints wall time with its stage split (content, Astro, search, publish), pages/s, peak
 * RSS, HTML sizes, first-view bytes and the index size. `--against REF` builds another commit
 * the same way from a temporary worktree, alternating runs, and prints the ratios; `--scale` adds
 * a site five times larger and prints how time and memory grow.
 * With `--imported` (or `--book DIR`), times cold builds of an mdBook against the same number of
 * guides in devguide's layout instead, and prints the ratio next to its limit. With `--search`,
 * builds the bundled guide once and times its search in Chromium with a cold cache instead.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { displayPath, parseArgsOrExit, userPath, type Args, type CommandSpec } from '../lib/args.ts';
import { buildStore } from '../lib/output.ts';
import { CACHE_DIR, DEFAULT_CONTENT, PROJECT_ROOT } from '../lib/paths.ts';
import { serveStatic } from '../lib/static-server.ts';
import { guardCommand } from '../lib/crash.ts';
import { generateBook, generateGuides } from './bench-sites.ts';

/** An imported book may take at most this many times as long as as many guides in devguide's layout. */
const IMPORTED_LIMIT = 1.5;
/** The query the search bench times, and its budgets (issue 13): results within 1 s of navigation, 300 ms of the last keystroke. */
const SEARCH_TERM = 'asyncio';
const SEARCH_BUDGET = { pageMs: 1000, dialogMs: 300 };
/** Issue 14's limits against the commit it measured (a4d7bf8): cold builds and one-edit rebuilds. */
const COLD_LIMIT = 0.55;
const REBUILD_LIMIT = 0.4;
/** `--scale` builds this many times the guides in as many times the sections; its time may grow at most SCALE_LIMIT times, its memory to SCALE_RSS_MB. */
const SCALE = 5;
const SCALE_LIMIT = 5.5;
const SCALE_RSS_MB = 1200;

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
    against: { kind: 'value', placeholder: 'REF', help: `also build commit REF (from a temporary worktree), alternating runs, and print the ratios (cold ≤ ${COLD_LIMIT}×, one-edit ≤ ${REBUILD_LIMIT}×, RSS, HTML per guide)` },
    scale: { kind: 'flag', help: `also build ${SCALE}× the guides in ${SCALE}× the sections, alternating, and print how time (≤ ${SCALE_LIMIT}×), peak RSS (≤ ${SCALE_RSS_MB} MB) and HTML per guide grow` },
    'cold-only': { kind: 'flag', help: 'time cold builds only, no one-edit rebuild (for very large sites)' },
    keep: { kind: 'flag', help: 'keep the generated guides and the site in the temporary folder' },
  },
} as const satisfies CommandSpec;

interface Run {
  wallMs: number;
  maxRssMb: number;
  timings: Record<string, number>;
}

/** A checkout of devguide to build with: this one, or the `--against` commit's worktree. */
interface Checkout {
  label: string;
  root: string;
  /** The Node that runs it (its own pinned one). */
  node: string;
  /** Its render cache, emptied before a cold build. */
  cacheDir: string;
}

const THIS_CHECKOUT: Checkout = { label: 'this checkout', root: PROJECT_ROOT, node: process.execPath, cacheDir: CACHE_DIR };

/**
 * The checkout's own `npm run build` command line, run with its Node: its package.json's build
 * script, split into words (e.g. `node --max-semi-space-size=16 --import ./src/cli/compile-cache.ts src/cli/build.ts`).
 */
function buildCommand(checkout: Checkout): string[] {
  const manifest = JSON.parse(readFileSync(path.join(checkout.root, 'package.json'), 'utf8')) as { scripts: { build: string } };
  const [program, ...words] = manifest.scripts.build.trim().split(/\s+/);
  if (program !== 'node') throw new Error(`The build script of ${checkout.label} does not start with node: ${manifest.scripts.build}`);
  return words;
}

function build(content: string, out: string, checkout: Checkout = THIS_CHECKOUT): Run {
  // Each checkout's builds run as its `npm run build` would: this process's compile cache is not passed on.
  const { NODE_COMPILE_CACHE: _, ...env } = process.env;
  const start = performance.now();
  const result = spawnSync(checkout.node, [...buildCommand(checkout), '--content', content, '--out', out], {
    cwd: checkout.root,
    env: { ...env, DEVGUIDE_STATS: '1', INIT_CWD: checkout.root },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`The benchmark build (${checkout.label}) failed.`);
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

/** Empties the checkout's render cache (which also holds Astro's staging folder and the page manifests) and the output, so nothing is reused. */
function coldBuild(content: string, out: string, checkout: Checkout = THIS_CHECKOUT): Run {
  rmSync(checkout.cacheDir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  // The builds `out` linked to: a cold build has no earlier output to clean up either.
  rmSync(buildStore(out), { recursive: true, force: true });
  return build(content, out, checkout);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const phases = (rs: Run[]) => Object.keys(rs[0]!.timings).map((k) => `${k} ${seconds(median(rs.map((r) => r.timings[k] ?? 0)))}`).join(', ');
const split = (r: Run) => Object.entries(r.timings).map(([k, ms]) => `${k} ${seconds(ms)}`).join(', ');

/** The sections asked for, but no more than there are guides: an empty section would break the guides' links. */
function sectionsFor(args: Args, pages: number): number {
  return Math.max(1, Math.min(Number(args.values.get('sections') ?? command.options.sections.default), pages));
}

/** What one site's output weighs: HTML in total and per guide, the first view of a guide, the search index. */
interface Output {
  htmlFiles: number;
  totalHtml: number;
  guideSizes: number[];
  view: { html: number; css: number; js: number };
  indexBytes: number;
  pages: number;
}

function measureOutput(out: string, pages: number): Output {
  const htmlFiles = walk(out).filter((f) => f.endsWith('.html'));
  const guidePages = htmlFiles.filter((f) => /section-\d+\/guide-\d+\/index\.html$/.test(f));
  return {
    htmlFiles: htmlFiles.length,
    totalHtml: htmlFiles.reduce((n, f) => n + statSync(f).size, 0),
    guideSizes: guidePages.map((f) => statSync(f).size),
    view: firstViewBytes(out, guidePages[0]!),
    indexBytes: walk(path.join(out, 'pagefind')).reduce((n, f) => n + statSync(f).size, 0),
    pages,
  };
}

/** One site built cold then after a one-file edit, `runs` times, by one checkout. */
interface Series {
  checkout: Checkout;
  pages: number;
  sections: number;
  cold: Run[];
  warm: Run[];
  output?: Output;
}

function printSeries(series: Series, runs: number): void {
  const { cold, warm, output, pages } = series;
  const coldMs = median(cold.map((r) => r.wallMs));
  console.log(`  ${series.checkout.label}: ${pages} guides in ${series.sections} sections`);
  console.log(`    cold build          ${seconds(coldMs)} wall  (${phases(cold)})`);
  console.log(`    pages/s (cold)      ${(pages / (coldMs / 1000)).toFixed(0)}`);
  if (warm.length) console.log(`    rebuild, 1 edit     ${seconds(median(warm.map((r) => r.wallMs)))} wall  (${phases(warm)})`);
  console.log(`    peak RSS            ${median(cold.map((r) => r.maxRssMb)).toFixed(0)} MB cold${warm.length ? `, ${median(warm.map((r) => r.maxRssMb)).toFixed(0)} MB rebuild` : ''}`);
  if (!output) return;
  console.log(`    HTML total          ${(output.totalHtml / 1024 / 1024).toFixed(1)} MB in ${output.htmlFiles} files`);
  console.log(`    HTML per guide      ${kb(median(output.guideSizes))} median, ${kb(Math.max(...output.guideSizes))} max`);
  console.log(`    first view (guide)  ${kb(output.view.html + output.view.css + output.view.js)} = HTML ${kb(output.view.html)} + CSS ${kb(output.view.css)} + JS ${kb(output.view.js)}`);
  console.log(`    Pagefind index      ${(output.indexBytes / 1024 / 1024).toFixed(2)} MB, ${(output.indexBytes / output.pages / 1024).toFixed(2)} KB per guide`);
  void runs;
}

/**
 * Builds each series' site cold and then after a one-file edit, `runs` times, alternating between
 * the series (in turned order each run, so a machine getting busier slows each alike).
 */
function alternate(list: Series[], runs: number, options: { coldOnly: boolean; keep: boolean }): string {
  const root = mkdtempSync(path.join(tmpdir(), 'devguide-bench-'));
  const corpora = new Map<string, { content: string; files: string[] }>();
  try {
    for (let r = 0; r < runs; r++) {
      for (const key of corpora.keys()) rmSync(path.dirname(corpora.get(key)!.content), { recursive: true, force: true });
      corpora.clear();
      const order = r % 2 === 0 ? list : [...list].reverse();
      const outs = new Map<Series, string>();
      for (const series of order) {
        // Series with the same size share one corpus, so the checkouts build the same input.
        const key = `${series.pages}/${series.sections}`;
        if (!corpora.has(key)) {
          const dir = path.join(root, `run-${r}-${series.pages}`);
          mkdirSync(path.join(dir, 'content'), { recursive: true });
          corpora.set(key, { content: path.join(dir, 'content'), files: generateGuides(path.join(dir, 'content'), series.pages, series.sections) });
        }
        const out = path.join(root, `dist-${list.indexOf(series)}`);
        outs.set(series, out);
        series.cold.push(coldBuild(corpora.get(key)!.content, out, series.checkout));
        console.error(`run ${r + 1}/${runs}, ${series.checkout.label}, ${series.pages} guides: cold ${seconds(series.cold.at(-1)!.wallMs)} (${split(series.cold.at(-1)!)}), peak RSS ${series.cold.at(-1)!.maxRssMb.toFixed(0)} MB`);
      }
      if (r === runs - 1) for (const series of list) series.output = measureOutput(outs.get(series)!, series.pages);
      if (options.coldOnly) continue;
      const edit = (file: string) => writeFileSync(file, `${readFileSync(file, 'utf8')}\nAn edited paragraph, run ${r}.\n`);
      // First an edit that is not timed, as in an edit-and-build loop: the timed rebuild then
      // replaces a build that replaced another, and deletes that one, as every rebuild but the
      // first after a cold build does.
      for (const { files } of corpora.values()) edit(files[3]!);
      for (const series of order) build(corpora.get(`${series.pages}/${series.sections}`)!.content, outs.get(series)!, series.checkout);
      for (const { files } of corpora.values()) edit(files[7]!);
      for (const series of order) {
        const { content } = corpora.get(`${series.pages}/${series.sections}`)!;
        series.warm.push(build(content, outs.get(series)!, series.checkout));
        console.error(`run ${r + 1}/${runs}, ${series.checkout.label}, ${series.pages} guides: after one edit ${seconds(series.warm.at(-1)!.wallMs)} (${split(series.warm.at(-1)!)})`);
      }
    }
  } finally {
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }
  return root;
}

/** `a / b` of the medians, with the limit it is held to when there is one. */
function ratioLine(name: string, a: number, b: number, limit?: number): string {
  const ratio = a / b;
  return `  ${name.padEnd(20)}${ratio.toFixed(2)}×${limit === undefined ? '' : `  (limit ≤ ${limit}×: ${ratio <= limit ? 'within' : 'OVER'})`}`;
}

const medianOf = (runs: Run[], pick: (r: Run) => number) => median(runs.map(pick));

/**
 * The ratio of each alternating pair's wall times, and their median: on a machine whose speed
 * drifts between rounds, the two runs of one round are the closest comparison there is.
 */
function pairsLine(mine: Run[], theirs: Run[]): string {
  const ratios = mine.map((run, i) => run.wallMs / theirs[i]!.wallMs);
  return `  ${''.padEnd(20)}round by round: ${ratios.map((r) => `${r.toFixed(2)}×`).join(' ')} (median ${median(ratios).toFixed(2)}×)`;
}

/** The default bench: cold builds of generated guides, then a rebuild after a one-file edit; with --against, the same for another commit, alternated. */
async function benchGuides(args: Args): Promise<void> {
  const pages = Number(args.values.get('pages') ?? command.options.pages.default);
  const sections = sectionsFor(args, pages);
  const runs = Number(args.values.get('runs') ?? command.options.runs.default);
  const options = { coldOnly: args.flags.has('cold-only'), keep: args.flags.has('keep') };
  const against = args.values.get('against');
  let other: { checkout: Checkout; remove: () => void } | undefined;
  if (against !== undefined) other = prepareCheckout(against);
  try {
    const list: Series[] = [{ checkout: THIS_CHECKOUT, pages, sections, cold: [], warm: [] }];
    if (other) list.push({ checkout: other.checkout, pages, sections, cold: [], warm: [] });
    if (args.flags.has('scale')) list.push({ checkout: THIS_CHECKOUT, pages: pages * SCALE, sections: sections * SCALE, cold: [], warm: [] });
    const root = alternate(list, runs, options);
    console.log(`devguide bench: median of ${runs} run(s)${list.length > 1 ? ', alternating' : ''}`);
    list.forEach((series) => printSeries(series, runs));
    const [mine, theirs] = list;
    if (other && theirs) {
      console.log(`  ${mine!.checkout.label} / ${theirs.checkout.label}:`);
      console.log(ratioLine('cold', medianOf(mine!.cold, (r) => r.wallMs), medianOf(theirs.cold, (r) => r.wallMs), COLD_LIMIT));
      if (runs > 1) console.log(pairsLine(mine!.cold, theirs.cold));
      if (!options.coldOnly) {
        console.log(ratioLine('one-edit rebuild', medianOf(mine!.warm, (r) => r.wallMs), medianOf(theirs.warm, (r) => r.wallMs), REBUILD_LIMIT));
        if (runs > 1) console.log(pairsLine(mine!.warm, theirs.warm));
      }
      console.log(ratioLine('peak RSS (cold)', medianOf(mine!.cold, (r) => r.maxRssMb), medianOf(theirs.cold, (r) => r.maxRssMb)));
      console.log(ratioLine('HTML per guide', median(mine!.output!.guideSizes), median(theirs.output!.guideSizes)));
      console.log(ratioLine('index per guide', mine!.output!.indexBytes, theirs.output!.indexBytes));
    }
    const large = list.find((s) => s.pages === pages * SCALE);
    if (large) {
      console.log(`  ${pages * SCALE} guides / ${pages}:`);
      console.log(ratioLine('cold', medianOf(large.cold, (r) => r.wallMs), medianOf(mine!.cold, (r) => r.wallMs), SCALE_LIMIT));
      const rss = medianOf(large.cold, (r) => r.maxRssMb);
      console.log(`  ${'peak RSS'.padEnd(20)}${rss.toFixed(0)} MB at ${pages * SCALE} guides  (limit ≤ ${SCALE_RSS_MB} MB: ${rss <= SCALE_RSS_MB ? 'within' : 'OVER'})`);
      console.log(ratioLine('HTML per guide', median(large.output!.guideSizes), median(mine!.output!.guideSizes)));
    }
    if (options.keep) console.log(`  kept: ${root}`);
  } finally {
    other?.remove();
  }
}

/**
 * A worktree of `ref` in a temporary folder, with its own dependencies: installed once per lock
 * file with `npm ci` into devguide's cache, then hard-linked (copied where links fail) into the
 * worktree, so its render cache and Astro's files stay its own.
 */
function prepareCheckout(ref: string): { checkout: Checkout; remove: () => void } {
  const git = (...a: string[]) => spawnSync('git', a, { cwd: PROJECT_ROOT, encoding: 'utf8' });
  const rev = git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  if (rev.status !== 0) {
    console.error(`--against ${ref}: this repository has no commit by that name.\n  Fix: pass a commit, branch or tag (\`git log --oneline\` lists commits).`);
    process.exit(2);
  }
  const sha = rev.stdout.trim();
  const dir = mkdtempSync(path.join(tmpdir(), `devguide-${sha.slice(0, 7)}-`));
  const added = git('worktree', 'add', '--detach', dir, sha);
  if (added.status !== 0) throw new Error(`git worktree add failed: ${added.stderr}`);
  const remove = () => {
    git('worktree', 'remove', '--force', dir);
    rmSync(dir, { recursive: true, force: true });
    git('worktree', 'prune');
  };
  try {
    const lock = readFileSync(path.join(dir, 'package-lock.json'));
    const deps = path.join(path.dirname(CACHE_DIR), 'devguide-bench', `deps-${createHash('sha256').update(lock).digest('hex').slice(0, 16)}`);
    if (!existsSync(path.join(deps, 'node_modules', '.installed'))) {
      console.error(`installing ${sha.slice(0, 7)}'s dependencies (once per lock file) into ${displayPath(deps)}…`);
      rmSync(deps, { recursive: true, force: true });
      mkdirSync(deps, { recursive: true });
      for (const file of ['package.json', 'package-lock.json']) cpSync(path.join(dir, file), path.join(deps, file));
      const npm = (command: string) => spawnSync('npm', [command, '--no-audit', '--no-fund'], { cwd: deps, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      // An older lock file may lack entries a newer npm wants (other platforms' optional
      // packages); `npm install` then resolves from it, keeping the versions it pins.
      if (npm('ci').status !== 0) {
        const installed = npm('install');
        if (installed.status !== 0) {
          process.stderr.write(installed.stderr);
          throw new Error(`Installing ${sha.slice(0, 7)}'s dependencies failed (npm ci, then npm install).`);
        }
      }
      writeFileSync(path.join(deps, 'node_modules', '.installed'), sha);
    }
    const linked = spawnSync('cp', ['-al', path.join(deps, 'node_modules'), path.join(dir, 'node_modules')]);
    if (linked.status !== 0) cpSync(path.join(deps, 'node_modules'), path.join(dir, 'node_modules'), { recursive: true });
    const node = path.join(dir, 'node_modules', '.bin', 'node');
    return {
      checkout: { label: sha.slice(0, 7), root: dir, node: existsSync(node) ? node : process.execPath, cacheDir: path.join(dir, 'node_modules', '.cache', 'devguide') },
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
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
  // Results count when a list of results gets its items: on the page at first, in the dialog after
  // the last keystroke (a search for part of the word may show results while typing goes on).
  new MutationObserver((records) => {
    const shown = records.some((r) => (r.target as Element).matches?.('.search-results') && [...r.addedNodes].some((n) => n.nodeName === 'LI'));
    if (w.__searchDone === undefined && shown) w.__searchDone = performance.now();
  }).observe(document, { childList: true, subtree: true });
  addEventListener(
    'input',
    () => {
      w.__lastInput = performance.now();
      w.__searchDone = undefined;
    },
    true,
  );
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
  else await benchGuides(args);
}
