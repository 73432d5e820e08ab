/**
 * Every devguide command preloads src/cli/compile-cache.ts, which turns on Node's compile cache in
 * a folder of the project's own, for the command's main thread.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/browser.ts';

const PRELOAD = '--import ./src/cli/compile-cache.ts';

describe('the compile cache', () => {
  it('is preloaded by every devguide command in package.json', () => {
    const scripts = Object.values((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const commands = scripts.filter((s) => / src\/cli\/[\w-]+\.ts$/.test(s));
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const script of commands) expect(script).toMatch(new RegExp(`^node (?:--\\S+ )*${PRELOAD.replaceAll('.', '\\.')} src/cli/`));
  });

  it('is kept in node_modules/.cache/devguide-compile, apart from the render cache, for the main thread only', () => {
    // Render workers ran slower with it (see src/cli/compile-cache.ts).
    const { NODE_COMPILE_CACHE: _, ...env } = process.env;
    const script = `
      const { getCompileCacheDir } = require('node:module');
      const { Worker } = require('node:worker_threads');
      const worker = new Worker("process.stdout.write(String(require('node:module').getCompileCacheDir()))", { eval: true });
      worker.on('exit', () => process.stdout.write(' ' + getCompileCacheDir()));`;
    const result = spawnSync(process.execPath, [...PRELOAD.split(' '), '-e', script], { cwd: ROOT, env, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const [inWorker, inMain] = result.stdout.split(' ');
    expect(inMain).toMatch(new RegExp(`^${path.join(ROOT, 'node_modules/.cache/devguide-compile')}`));
    expect(inWorker).toBe('undefined');
  });
});
