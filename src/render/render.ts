/**
 * Renders many pages: unchanged pages come from a disk cache, the rest are spread over worker
 * threads (one per core) when there are enough of them to pay for the workers' start-up.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DATA_USES } from '../plugins/index.ts';
import { includesFingerprint } from '../lib/includes.ts';
import type { PipelineOptions } from '../plugins/types.ts';
import { createMarkdownProcessor, type MarkdownProcessor, renderPage, type RenderedPage, type RenderInput } from './markdown.ts';

export interface RenderOptions {
  pipeline: PipelineOptions;
  /** Folder for cached pages; no cache when absent. */
  cacheDir?: string;
  /** Worker threads to use; default: one per core, none for small batches. */
  workers?: number;
  /** A worker's old-generation heap limit in MB (default WORKER_HEAP_MB). */
  workerHeapMb?: number;
}

export interface RenderStats {
  rendered: number;
  cached: number;
  workers: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const MIN_PAGES_PER_WORKER = 40;

/**
 * Each worker's old-generation heap limit. Without one, V8 lets a busy worker's heap grow to about
 * 300 MB, most of it garbage, and two of them set the build's peak memory (1.29 GB at 10,000
 * guides; 1.14 GB with this limit, at the same speed). A page that does not fit is rendered
 * on the main thread instead (see renderInWorkers).
 */
export const WORKER_HEAP_MB = 160;

/**
 * Each worker's young generation (two 16 MB semi-spaces and the space for large new objects). Left
 * to V8, a worker got 192 MB: its semi-spaces grew to 64 MB, and every scavenge moved objects into
 * pages not touched before, so the kernel mapped them afresh (page faults: system time). With
 * 48 MB, rendering 2,000 guides peaks at 400 MB instead of 590 MB, in the same time; with the main
 * thread's semi-spaces capped alike (`--max-semi-space-size=16` in package.json's scripts), a cold
 * build of 2,000 guides peaks at 700 MB instead of 1,045 MB.
 */
export const WORKER_YOUNG_MB = 48;

let pipelineHash: string | undefined;
/**
 * What shapes a rendered page besides its input: every source file of the generator (all of
 * src/, since plugins call into lib and lib into data loaders), and the installed version of every
 * package it depends on (an upgraded Shiki or remark renders differently). Editing either makes
 * every cached page stale.
 */
export function pipelineVersion(): string {
  return (pipelineHash ??= sourceFingerprint(path.join(here, '..'), path.join(here, '..', '..')));
}

/** The fingerprint of every file under `srcDir` and of the installed versions of `projectDir`'s dependencies. */
export function sourceFingerprint(srcDir: string, projectDir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(srcDir, name);
    if (statSync(file).isFile()) hash.update(name).update(readFileSync(file));
  }
  const manifest = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
    let version = '?';
    try {
      version = (JSON.parse(readFileSync(path.join(projectDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // Not installed: the key still differs from an installed version's.
    }
    hash.update(name).update(version);
  }
  return hash.digest('hex');
}

/** A hash of the data `body` uses (the directives' descriptors say which), from per-kind hashes. */
function dataUsed(body: string, hashes: Map<string, string>): string {
  return DATA_USES.filter((use) => use.pattern.test(body)).flatMap((use) => use.reads.map((kind) => `${kind}:${hashes.get(kind) ?? ''}`)).join(',');
}

function cacheKey(input: RenderInput, settings: string, dataHashes: Map<string, string>): string {
  return createHash('sha256')
    .update(pipelineVersion())
    .update(settings)
    .update(dataUsed(input.body, dataHashes))
    .update(input.file)
    .update(input.titleFromHeading ? '1' : '0')
    .update(JSON.stringify(input.copy ?? null))
    .update(input.body)
    .update(includesFingerprint(input.body, input.file)) // the files it {{#include}}s; not the files those include
    .digest('hex')
    .slice(0, 32);
}

/** Renders every input, in order, using the cache and worker threads where they help. */
export async function renderPages(inputs: RenderInput[], options: RenderOptions): Promise<{ pages: RenderedPage[]; stats: RenderStats }> {
  const pages: Array<RenderedPage | undefined> = new Array(inputs.length);
  const { data, highlighter: _, ...settings } = options.pipeline;
  const settingsJson = JSON.stringify(settings);
  const dataHashes = new Map(Object.entries(data ?? {}).map(([kind, value]) => [kind, createHash('sha256').update(JSON.stringify(value ?? null)).digest('hex')]));
  const keys = inputs.map((input) => (options.cacheDir ? cacheKey(input, settingsJson, dataHashes) : ''));
  const todo: number[] = [];
  if (options.cacheDir) mkdirSync(options.cacheDir, { recursive: true });
  inputs.forEach((_, i) => {
    if (options.cacheDir) {
      try {
        pages[i] = JSON.parse(readFileSync(path.join(options.cacheDir, `${keys[i]}.json`), 'utf8')) as RenderedPage;
        return;
      } catch {
        // Not cached yet.
      }
    }
    todo.push(i);
  });
  const cores = Math.max(1, availableParallelism());
  const workerCount = options.workers ?? (todo.length >= MIN_PAGES_PER_WORKER * 2 ? Math.min(cores, Math.floor(todo.length / MIN_PAGES_PER_WORKER)) : 0);
  if (workerCount > 0) {
    await renderInWorkers(todo.map((i) => inputs[i]!), workerCount, options.pipeline, options.workerHeapMb ?? WORKER_HEAP_MB, (n, page) => (pages[todo[n]!] = page));
  } else if (todo.length) {
    const processor = createMarkdownProcessor(options.pipeline);
    for (const i of todo) pages[i] = await renderPage(processor, inputs[i]!);
  }
  if (options.cacheDir) {
    for (const i of todo) {
      const target = path.join(options.cacheDir, `${keys[i]}.json`);
      const temp = `${target}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, JSON.stringify(pages[i]));
        renameSync(temp, target);
      } catch {
        // The cache only saves time: when its folder is emptied under us (a bench clearing it, a
        // user deleting node_modules/.cache), the pages are rendered again next time.
      }
    }
  }
  return { pages: pages as RenderedPage[], stats: { rendered: todo.length, cached: inputs.length - todo.length, workers: workerCount } };
}

async function renderInWorkers(inputs: RenderInput[], count: number, pipeline: PipelineOptions, heapMb: number, done: (index: number, page: RenderedPage) => void): Promise<void> {
  const workers = Array.from(
    { length: count },
    () => new Worker(path.join(here, 'worker.ts'), { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB }, workerData: { pipeline: { ...pipeline, highlighter: undefined } } }),
  );
  let next = 0;
  // Pages each worker holds in its queue. The main thread may be busy for a second at a time
  // (Astro bundles there meanwhile), so a worker must not wait for it to hand out the next page;
  // a quarter of a worker's share keeps them busy and still evens out slow pages at the end.
  const window = Math.max(8, Math.ceil(inputs.length / count / 4));
  let mainProcessor: MarkdownProcessor | undefined;
  /** Renders, on the main thread, the pages a worker held when it ran out of memory, then takes its share of the rest. */
  const renderOnMain = async (held: Set<number>) => {
    mainProcessor ??= createMarkdownProcessor(pipeline);
    for (const id of held) done(id, await renderPage(mainProcessor, inputs[id]!));
    held.clear();
    while (next < inputs.length) {
      const id = next++;
      done(id, await renderPage(mainProcessor, inputs[id]!));
    }
  };
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const held = new Set<number>();
            let outOfMemory = false;
            const send = () => {
              while (held.size < window && next < inputs.length) {
                const id = next++;
                held.add(id);
                worker.postMessage({ id, input: inputs[id] });
              }
              if (held.size === 0) resolve();
            };
            worker.on('message', (message: { id: number; page: RenderedPage }) => {
              held.delete(message.id);
              done(message.id, message.page);
              send();
            });
            worker.on('error', (error: NodeJS.ErrnoException) => {
              if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(error);
              outOfMemory = true;
              renderOnMain(held).then(resolve, reject);
            });
            worker.on('exit', (code) => {
              if (outOfMemory) return;
              if (code === 0) resolve();
              else reject(new Error(`A render worker exited with code ${code}.`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
