/** Rendering many pages (worker threads, memory limits), and the render cache's key: it must change whenever anything that shapes a rendered page changes. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPages, sourceFingerprint } from '../../src/render/render.ts';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'devguide-fingerprint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('the render cache fingerprint', () => {
  const base = {
    'package.json': JSON.stringify({ dependencies: { shiki: '4.6.0' } }),
    'node_modules/shiki/package.json': JSON.stringify({ version: '4.6.0' }),
    'src/plugins/rehype-code.ts': 'export default 1;',
    'src/lib/release-cycle.ts': 'export const chart = 1;',
  };
  const of = (dir: string) => sourceFingerprint(path.join(dir, 'src'), dir);

  it('stays the same when nothing changed', () => {
    expect(of(project(base))).toBe(of(project(base)));
  });

  it('changes with any source file, not only the plugins (a chart drawn in src/lib)', () => {
    expect(of(project({ ...base, 'src/lib/release-cycle.ts': 'export const chart = 2;' }))).not.toBe(of(project(base)));
    expect(of(project({ ...base, 'src/lib/new-helper.ts': '' }))).not.toBe(of(project(base)));
  });

  it('changes when a package it renders with is upgraded', () => {
    expect(of(project({ ...base, 'node_modules/shiki/package.json': JSON.stringify({ version: '4.7.0' }) }))).not.toBe(of(project(base)));
  });
});

describe('rendering many pages', () => {
  const inputs = Array.from({ length: 6 }, (_, i) => ({
    file: `/site/guide-${i}.md`,
    body: `# Guide ${i}\n\nSome *text* and a [link](https://example.org/${i}).\n\n\`\`\`python\nprint(${i})\n\`\`\`\n`,
  }));
  const html = async (options: { workers: number; workerHeapMb?: number }) => (await renderPages(inputs, { pipeline: {}, ...options })).pages.map((p) => p.html);

  it('gives the same pages from worker threads as from the main thread', async () => {
    const onMain = await html({ workers: 0 });
    expect(onMain[3]).toContain('print');
    expect(await html({ workers: 2 })).toEqual(onMain);
  }, 60_000);

  it('renders on the main thread the pages of a worker that runs out of memory', async () => {
    // A 1,500-item list does not fit in a 24 MB heap: the worker holding it dies and the page
    // comes from the main thread; the small pages still render, wherever they do.
    const list = Array.from({ length: 1500 }, (_, i) => `- item ${i} with *emphasis* and [a link](https://example.org/${i})`).join('\n');
    const withList = inputs.map((input, i) => (i === 2 ? { ...input, body: list } : input));
    const render = async (options: { workers: number; workerHeapMb?: number }) => (await renderPages(withList, { pipeline: {}, ...options })).pages.map((p) => p.html);
    const fallback = await render({ workers: 2, workerHeapMb: 24 });
    expect(fallback[2]).toContain('item 1499');
    expect(fallback).toEqual(await render({ workers: 0 }));
  }, 60_000);
});
