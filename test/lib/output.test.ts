import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireBuildLock, outputProblem } from '../../src/lib/output.ts';

const temp = () => mkdtempSync(path.join(tmpdir(), 'devguide-output-'));

describe('outputProblem', () => {
  const guarded = { contentDir: '/home/me/guide/content', projectRoot: '/home/me/devguide' };

  it('allows a new folder, an empty one and one a build wrote', () => {
    const dir = temp();
    expect(outputProblem(path.join(dir, 'new'), guarded)).toBeUndefined();
    expect(outputProblem(dir, guarded)).toBeUndefined();
    writeFileSync(path.join(dir, '.devguide-build'), '');
    writeFileSync(path.join(dir, 'index.html'), '');
    expect(outputProblem(dir, guarded)).toBeUndefined();
  });

  it('recognises a build from before the marker by its index.html, _headers and pagefind/', () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'index.html'), '');
    writeFileSync(path.join(dir, '_headers'), '');
    expect(outputProblem(dir, guarded)).toMatch(/did not write/);
    mkdirSync(path.join(dir, 'pagefind'));
    expect(outputProblem(dir, guarded)).toBeUndefined();
  });

  it('refuses the root, the content folder and what holds it, the project, and files', () => {
    expect(outputProblem('/', guarded)).toBe('is the root of the file system');
    expect(outputProblem('/home/me/guide/content', guarded)).toBe('is the content folder');
    expect(outputProblem('/home/me', guarded)).toBe('holds the content folder');
    expect(outputProblem('/home/me/guide/content/dist', guarded)).toBe('is inside the content folder');
    expect(outputProblem('/home/me/devguide', guarded)).toBe('holds the devguide project');
    const file = path.join(temp(), 'site');
    writeFileSync(file, 'x');
    expect(outputProblem(file, guarded)).toBe('is a file, not a folder');
  });
});

describe('acquireBuildLock', () => {
  it('lets one build in at a time: the second waits until the first releases', async () => {
    const cache = temp();
    const release = await acquireBuildLock(cache);
    const waitedFor: number[] = [];
    let second = false;
    const next = acquireBuildLock(cache, (pid) => waitedFor.push(pid)).then((r) => {
      second = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 600));
    expect(second).toBe(false);
    expect(waitedFor).toEqual([process.pid]);
    release();
    (await next)();
    expect(second).toBe(true);
    expect(existsSync(path.join(cache, 'build.lock'))).toBe(false);
  });

  it('gives up after its longest wait, saying which file to delete if no build runs', async () => {
    const cache = temp();
    const release = await acquireBuildLock(cache);
    await expect(acquireBuildLock(cache, () => {}, 300)).rejects.toThrow(/has held .*build\.lock for 0 minutes\. If no build is running, delete that file/);
    release();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const cache = temp();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(path.join(cache, 'build.lock'), dead);
    const release = await acquireBuildLock(cache, () => {
      throw new Error('waited for a dead process');
    });
    expect(readFileSync(path.join(cache, 'build.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
