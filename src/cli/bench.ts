/**
 * `npm run bench [-- --pages 2000 --sections 20 --runs 3]`: generates synthetic guides into a
 * temporary content folder and builds them cold (empty cache), then again after editing one
 * guide. Prints wall time, pages/s, peak RSS, HTML sizes, first-view bytes and the index size.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgsOrExit } from '../lib/args.ts';
import { CACHE_DIR, PROJECT_ROOT } from '../lib/paths.ts';
import { guardCommand } from '../lib/crash.ts';

guardCommand();

const args = parseArgsOrExit(process.argv.slice(2), { numbers: ['pages', 'sections', 'runs'], flags: ['keep'] }, 'npm run bench [-- --pages 2000 --sections 20 --runs 3 --keep]');
const pages = Number(args.values.get('pages') ?? 2000);
const sectionCount = Number(args.values.get('sections') ?? 20);
const runs = Number(args.values.get('runs') ?? 1);

const words = 'contributor build test patch review module interpreter issue branch commit release docs triage expert label parser compiler buildbot coverage warning'.split(' ');
function sentence(seed: number, n = 14): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[(seed * 7 + i * 13) % words.length]!);
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function guide(i: number, section: number, perSection: number): string {
  const next = `/section-${(section + 1) % sectionCount}/guide-${(i + 1) % perSection}/`;
  const same = `/section-${section}/guide-${(i + 3) % perSection}/#usage`;
  const para = (k: number) => Array.from({ length: 4 }, (_, j) => sentence(i + k + j)).join(' ');
  return `---
title: Synthetic guide ${section}.${i}
description: ${sentence(i, 10)}
level: ${['newcomer', 'contributor', 'triager', 'core'][i % 4]}
order: ${i}
tags: [bench]
---

${para(1)}

## Overview

${para(2)} See [the next guide](${next}) and [usage elsewhere](${same}).

- ${sentence(i + 3, 6)}
- ${sentence(i + 4, 6)}
- ${sentence(i + 5, 6)}

## Usage

${para(3)}

\`\`\`sh title="build.sh"
$ ./configure --with-pydebug
$ make -j${(i % 8) + 1}
$ ./python -m test test_os -j0
\`\`\`

### Options

| option | meaning |
| --- | --- |
| \`-j0\` | ${sentence(i + 6, 5)} |
| \`-u all\` | ${sentence(i + 7, 5)} |
| \`-v\` | ${sentence(i + 8, 5)} |

1. ${sentence(i + 9, 8)}
2. ${sentence(i + 10, 8)}

## Example

${para(4)}

\`\`\`python {2}
def spam(eggs: int) -> int:
    return eggs * ${i}  # synthetic
print(spam(${i % 10}))
\`\`\`

${para(5)}
`;
}

function generate(dir: string): string[] {
  const perSection = Math.ceil(pages / sectionCount);
  const sections = Array.from({ length: sectionCount }, (_, s) => `  - id: section-${s}\n    label: Section ${s}`).join('\n');
  writeFileSync(path.join(dir, 'site.yaml'), `title: Benchmark\nsections:\n${sections}\n`);
  const files: string[] = [];
  for (let n = 0; n < pages; n++) {
    const section = n % sectionCount;
    const i = Math.floor(n / sectionCount);
    const folder = path.join(dir, 'guides', `section-${section}`);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `guide-${i}.md`);
    writeFileSync(file, guide(i, section, perSection));
    files.push(file);
  }
  return files;
}

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

const cold: Run[] = [];
const warm: Run[] = [];
let out = '';
let root = '';
for (let r = 0; r < runs; r++) {
  root = mkdtempSync(path.join(tmpdir(), 'devguide-bench-'));
  const content = path.join(root, 'content');
  out = path.join(root, 'dist');
  mkdirSync(content);
  const files = generate(content);
  rmSync(CACHE_DIR, { recursive: true, force: true });
  cold.push(build(content, out));
  writeFileSync(files[7]!, `${readFileSync(files[7]!, 'utf8')}\nAn edited paragraph, run ${r}.\n`);
  warm.push(build(content, out));
  console.error(`run ${r + 1}/${runs}: cold ${(cold.at(-1)!.wallMs / 1000).toFixed(1)} s, after one edit ${(warm.at(-1)!.wallMs / 1000).toFixed(1)} s`);
  if (r < runs - 1 && !args.flags.has('keep')) rmSync(root, { recursive: true, force: true });
}

const htmlFiles = walk(out).filter((f) => f.endsWith('.html'));
const guidePages = htmlFiles.filter((f) => /section-\d+\/guide-\d+\/index\.html$/.test(f));
const guideSizes = guidePages.map((f) => statSync(f).size);
const totalHtml = htmlFiles.reduce((n, f) => n + statSync(f).size, 0);
const indexBytes = walk(path.join(out, 'pagefind')).reduce((n, f) => n + statSync(f).size, 0);
const view = firstViewBytes(out, guidePages[0]!);
const coldMs = median(cold.map((r) => r.wallMs));
const phases = (rs: Run[]) => Object.keys(rs[0]!.timings).map((k) => `${k} ${(median(rs.map((r) => r.timings[k] ?? 0)) / 1000).toFixed(1)} s`).join(', ');

console.log(`devguide bench: ${pages} guides in ${sectionCount} sections, median of ${runs} run(s)`);
console.log(`  cold build          ${(coldMs / 1000).toFixed(1)} s wall  (${phases(cold)})`);
console.log(`  pages/s (cold)      ${(pages / (coldMs / 1000)).toFixed(0)}`);
console.log(`  rebuild, 1 edit     ${(median(warm.map((r) => r.wallMs)) / 1000).toFixed(1)} s wall  (${phases(warm)})`);
console.log(`  peak RSS            ${median(cold.map((r) => r.maxRssMb)).toFixed(0)} MB cold, ${median(warm.map((r) => r.maxRssMb)).toFixed(0)} MB rebuild`);
console.log(`  HTML total          ${(totalHtml / 1024 / 1024).toFixed(1)} MB in ${htmlFiles.length} files`);
console.log(`  HTML per guide      ${kb(median(guideSizes))} median, ${kb(Math.max(...guideSizes))} max`);
console.log(`  first view (guide)  ${kb(view.html + view.css + view.js)} = HTML ${kb(view.html)} + CSS ${kb(view.css)} + JS ${kb(view.js)}`);
console.log(`  Pagefind index      ${(indexBytes / 1024 / 1024).toFixed(1)} MB`);
if (!args.flags.has('keep')) rmSync(root, { recursive: true, force: true });
else console.log(`  kept: ${root}`);
