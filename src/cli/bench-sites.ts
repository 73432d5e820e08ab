/**
 * The synthetic sites `npm run bench` builds: guides in devguide's own layout (site.yaml +
 * guides/<section>/<slug>.md), and the same prose as an mdBook (book.toml, src/SUMMARY.md with
 * parts and nested chapters, relative links, `{{#include}}`s, images). Both are deterministic, so
 * two runs time the same input.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const words = 'contributor build test patch review module interpreter issue branch commit release docs triage expert label parser compiler buildbot coverage warning'.split(' ');
function sentence(seed: number, n = 14): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[(seed * 7 + i * 13) % words.length]!);
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

/** What differs between a guide and a book chapter; the prose around it is the same. */
interface Flavour {
  next: string;
  same: string;
  /** The info string of the shell fence. */
  shell: string;
  /** The closing code block, fences included. */
  example: string;
  /** A Markdown block after the overview's first paragraph (an image). */
  figure?: string;
}

function body(i: number, flavour: Flavour): string {
  const para = (k: number) => Array.from({ length: 4 }, (_, j) => sentence(i + k + j)).join(' ');
  return `${para(1)}

## Overview

${para(2)} See [the next guide](${flavour.next}) and [usage elsewhere](${flavour.same}).
${flavour.figure ? `\n${flavour.figure}\n` : ''}
- ${sentence(i + 3, 6)}
- ${sentence(i + 4, 6)}
- ${sentence(i + 5, 6)}

## Usage

${para(3)}

\`\`\`${flavour.shell}
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

${flavour.example}

${para(5)}
`;
}

/** Guide `i` of `section`; `countIn(s)` is how many guides section `s` holds, so that every link has a target. */
function guide(i: number, section: number, sectionCount: number, countIn: (s: number) => number): string {
  return `---
title: Synthetic guide ${section}.${i}
description: ${sentence(i, 10)}
level: ${['newcomer', 'contributor', 'triager', 'core'][i % 4]}
order: ${i}
tags: [bench]
---

${body(i, {
  next: `/section-${(section + 1) % sectionCount}/guide-${(i + 1) % countIn((section + 1) % sectionCount)}/`,
  same: `/section-${section}/guide-${(i + 3) % countIn(section)}/#usage`,
  shell: 'sh title="build.sh"',
  example: `\`\`\`python {2}
def spam(eggs: int) -> int:
    return eggs * ${i}  # synthetic
print(spam(${i % 10}))
\`\`\``,
})}`;
}

/** Writes `pages` guides in devguide's layout into `dir`; returns their files. */
export function generateGuides(dir: string, pages: number, sectionCount: number): string[] {
  const countIn = (s: number) => Math.floor(pages / sectionCount) + (s < pages % sectionCount ? 1 : 0);
  const sections = Array.from({ length: sectionCount }, (_, s) => `  - id: section-${s}\n    label: Section ${s}`).join('\n');
  writeFileSync(path.join(dir, 'site.yaml'), `title: Benchmark\nsections:\n${sections}\n`);
  const files: string[] = [];
  for (let n = 0; n < pages; n++) {
    const section = n % sectionCount;
    const i = Math.floor(n / sectionCount);
    const folder = path.join(dir, 'guides', `section-${section}`);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `guide-${i}.md`);
    writeFileSync(file, guide(i, section, sectionCount, countIn));
    files.push(file);
  }
  return files;
}

/** mulberry32: a small seeded generator, so the book's shape is the same on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Chapter {
  title: string;
  /** Below src/, forward slashes. */
  file: string;
  children: Chapter[];
}

const EXAMPLE_RS = `//! The example program the chapters include.
use quill::Buffer;

// ANCHOR: main
fn main() {
    let mut buf = Buffer::from("hello");
    buf.insert_at_end(", quill");
    println!("{}", buf.text());
}
// ANCHOR_END: main
`;

const LAYERS_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60"><title>Layers</title><rect x="4" y="4" width="112" height="24" fill="#dde"/><rect x="4" y="32" width="112" height="24" fill="#edd"/></svg>
`;

/** Headings every chapter has, for links with a fragment (and one link without). */
const FRAGMENTS = ['#usage', '', '#options', '#example', '#overview'];

/**
 * Writes an mdBook of `pages` chapters into `dir`, the same prose per page as `generateGuides`:
 * an introduction, then chapters (part-P/chapter-C/README.md) with sections (section-S.md) and
 * topics (section-S/topic-T.md) below them, spread over up to four parts of SUMMARY.md.
 * Some chapters have a setext title, an image, or `{{#include}}` the shared example.
 */
export function generateBook(dir: string, pages: number, seed = 240): void {
  const random = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const intro: Chapter = { title: 'Introduction', file: 'README.md', children: [] };
  const chapters: Chapter[] = [];
  let count = 1;
  while (count < pages) {
    const c = chapters.length;
    const chapter: Chapter = { title: `Synthetic chapter ${c}`, file: `chapter-${c}/README.md`, children: [] };
    chapters.push(chapter);
    count++;
    for (let s = 0, sections = between(2, 4); s < sections && count < pages; s++) {
      const section: Chapter = { title: `Synthetic section ${c}.${s}`, file: `chapter-${c}/section-${s}.md`, children: [] };
      chapter.children.push(section);
      count++;
      for (let t = 0, topics = between(0, 3); t < topics && count < pages; t++) {
        section.children.push({ title: `Synthetic topic ${c}.${s}.${t}`, file: `chapter-${c}/section-${s}/topic-${t}.md`, children: [] });
        count++;
      }
    }
  }
  const partCount = Math.min(4, chapters.length);
  const parts = Array.from({ length: partCount }, (_, p) => chapters.filter((_, c) => Math.floor((c * partCount) / chapters.length) === p));
  const moveInto = (part: string, chapter: Chapter): void => {
    chapter.file = `${part}/${chapter.file}`;
    chapter.children.forEach((child) => moveInto(part, child));
  };
  parts.forEach((part, p) => part.forEach((chapter) => moveInto(`part-${p}`, chapter)));

  const summaryList = (items: Chapter[], depth: number): string[] => items.flatMap((ch) => [`${'    '.repeat(depth)}- [${ch.title}](${ch.file})`, ...summaryList(ch.children, depth + 1)]);
  const summary = ['# Summary', '', `[${intro.title}](${intro.file})`, ''];
  parts.forEach((part, p) => summary.push(`# Part ${p + 1}: ${words[p % words.length]}s`, '', ...summaryList(part, 0), ''));

  const order: Chapter[] = [];
  const visit = (ch: Chapter) => (order.push(ch), ch.children.forEach(visit));
  [intro, ...chapters].forEach(visit);

  const src = path.join(dir, 'src');
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
    writeFileSync(path.join(src, rel), text);
  };
  writeFileSync(path.join(dir, 'book.toml'), `[book]\ntitle = "Benchmark Book"\nauthors = ["devguide bench"]\nlanguage = "en"\nsrc = "src"\n`);
  write('SUMMARY.md', summary.join('\n'));
  write('examples/hello.rs', EXAMPLE_RS);
  write('img/layers.svg', LAYERS_SVG);
  order.forEach((ch, k) => {
    const from = path.posix.dirname(ch.file);
    const relative = (to: string) => path.posix.relative(from, to) || path.posix.basename(to);
    const include = k % 16 === 3 ? `{{#include ${relative('examples/hello.rs')}:main}}` : k % 16 === 11 ? `{{#include ${relative('examples/hello.rs')}}}` : undefined;
    const title = k % 3 === 1 ? `${ch.title}\n${'='.repeat(ch.title.length)}` : `# ${ch.title}`;
    const text = body(k, {
      next: relative(order[(k + 1) % order.length]!.file),
      same: `${relative(order[(k + 3) % order.length]!.file)}${FRAGMENTS[k % FRAGMENTS.length]}`,
      shell: 'console',
      example: include
        ? `\`\`\`rust,ignore\n${include}\n\`\`\``
        : `\`\`\`rust,ignore\nfn spam(eggs: i64) -> i64 {\n    eggs * ${k} // synthetic\n}\n\`\`\``,
      ...(k % 6 === 2 ? { figure: `![Layers of the synthetic system](${relative('img/layers.svg')})` } : {}),
    });
    write(ch.file, `${title}\n\n${text}`);
  });
}
