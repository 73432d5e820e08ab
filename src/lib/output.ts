/**
 * Atomic output: a build writes into a fresh sibling folder and only replaces the old output once
 * everything succeeded, so a failed build leaves the last good site exactly as it was. A build only
 * ever replaces a folder that is empty or that devguide wrote, and one build at a time runs in a
 * checkout (Astro's intermediate files are shared).
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Written into every built site, so the next build knows the folder is its own to replace. */
export const BUILD_MARKER = '.devguide-build';
export const BUILD_MARKER_TEXT = 'This folder was written by devguide (`npm run build`); the next build replaces all of it.\n';

const inside = (child: string, parent: string) => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * Why `out` must not be replaced by a build, or undefined when it may: it is the file system's
 * root, holds or is inside the content folder or the project, is a file, or is a folder with
 * files that no devguide build wrote (a previous build carries BUILD_MARKER; one from before the
 * marker existed is recognised by its index.html, _headers and pagefind/).
 */
export function outputProblem(out: string, guarded: { contentDir: string; projectRoot: string }): string | undefined {
  const target = path.resolve(out);
  if (path.dirname(target) === target) return 'is the root of the file system';
  if (inside(guarded.contentDir, target)) return target === path.resolve(guarded.contentDir) ? 'is the content folder' : 'holds the content folder';
  if (inside(target, guarded.contentDir)) return 'is inside the content folder';
  if (inside(guarded.projectRoot, target)) return 'holds the devguide project';
  if (!existsSync(target)) return undefined;
  if (!statSync(target).isDirectory()) return 'is a file, not a folder';
  const entries = readdirSync(target);
  if (!entries.length || entries.includes(BUILD_MARKER)) return undefined;
  if (['index.html', '_headers', 'pagefind'].every((e) => entries.includes(e))) return undefined;
  return 'is a folder that devguide did not write, and a build replaces everything in it';
}

/** A new empty staging folder next to `out` (same file system, so the final rename is atomic). */
export function stagingDir(out: string): string {
  const dir = `${path.resolve(out)}.staging-${process.pid}-${Date.now().toString(36)}`;
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Swaps `staging` into place as `out`, then removes the previous output. */
export function publish(staging: string, out: string): void {
  const target = path.resolve(out);
  const old = `${target}.old-${process.pid}`;
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, old);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadOld) renameSync(old, target);
    throw error;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

export function discard(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Waits until no other build runs in this checkout, then holds the lock until `release` is called.
 * The lock file holds the owner's pid; a lock left by a process that no longer runs is taken over.
 */
export async function acquireBuildLock(cacheDir: string, onWait: (pid: number) => void = () => {}, maxWaitMs = 15 * 60_000): Promise<() => void> {
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, 'build.lock');
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(file, 'utf8'));
    } catch {
      continue; // Released between our attempt and the read.
    }
    if (!Number.isInteger(owner) || owner <= 0 || !isRunning(owner)) {
      // Stale: remove it, unless another waiter already replaced it with its own.
      try {
        if (readFileSync(file, 'utf8') === String(owner)) rmSync(file, { force: true });
      } catch {
        // Gone already.
      }
      continue;
    }
    if (Date.now() - started > maxWaitMs) {
      // A pid can be reused after a crash; say how to clear a lock nobody holds.
      throw new Error(`Another build (process ${owner}) has held ${file} for ${Math.round(maxWaitMs / 60_000)} minutes. If no build is running, delete that file and build again.`);
    }
    if (!told) onWait(owner);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
