/**
 * Atomic output. A build is written into a staging folder under the cache (on the project's file
 * system, where Astro's own renames work), then stored beside `--out` in a hidden folder
 * (`.dist.devguide/<build>/`: renamed when on the same file system, copied when not), and
 * `--out` becomes a symbolic link to it. The link is replaced by a single rename, so at every
 * instant `--out` is the complete old site or the complete new one; a failed or killed build
 * leaves it as it was, and the next build removes what a dead build left behind. A build only ever
 * replaces a folder that is new, empty or marked as devguide's own, and one build at a time runs
 * in a checkout (Astro's intermediate files are shared).
 */
import { closeSync, cpSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Written into every built site, so the next build knows the folder is its own to replace. */
export const BUILD_MARKER = '.devguide-build';
export const BUILD_MARKER_TEXT = 'This folder was written by devguide (`npm run build`); the next build replaces all of it.\n';

const inside = (child: string, parent: string) => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/** The hidden folder beside `out` that holds its builds: `dist` → `.dist.devguide`. */
export function buildStore(out: string): string {
  const target = path.resolve(out);
  return path.join(path.dirname(target), `.${path.basename(target)}.devguide`);
}

const isLink = (p: string) => {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
};

/**
 * Why `out` must not be replaced by a build, or undefined when it may: it is the file system's
 * root, holds or is inside the content folder or the project, is a file, is a link devguide did
 * not make, or is a folder that does not carry BUILD_MARKER (whatever else it holds).
 */
export function outputProblem(out: string, guarded: { contentDir: string; projectRoot: string }): string | undefined {
  const target = path.resolve(out);
  if (path.dirname(target) === target) return 'is the root of the file system';
  if (inside(guarded.contentDir, target)) return target === path.resolve(guarded.contentDir) ? 'is the content folder' : 'holds the content folder';
  if (inside(target, guarded.contentDir)) return 'is inside the content folder';
  if (inside(guarded.projectRoot, target)) return 'holds the devguide project';
  if (isLink(target)) {
    const to = path.resolve(path.dirname(target), readlinkSync(target));
    return path.dirname(to) === buildStore(target) ? undefined : `is a link to ${to}, which devguide did not make`;
  }
  if (!existsSync(target)) return undefined;
  if (!statSync(target).isDirectory()) return 'is a file, not a folder';
  const entries = readdirSync(target);
  if (!entries.length || entries.includes(BUILD_MARKER)) return undefined;
  return `is a folder that devguide did not write (it has no ${BUILD_MARKER} file), and a build replaces everything in it`;
}

const isRunningPid = (name: string) => {
  const pid = Number(/-(\d+)(?:\.partial)?$/.exec(name)?.[1]);
  return Number.isInteger(pid) && pid > 0 && isRunning(pid);
};

/** A new empty staging folder for Astro's output, under `cacheDir` (the project's file system). */
export function stagingDir(cacheDir: string): string {
  const dir = path.join(cacheDir, 'staging', `${Date.now().toString(36)}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Removes what killed builds left: staging and search-index folders of processes that no longer
 * run, builds in the store that `out` does not point to, half-made links, and the
 * `.staging-*`/`.old-*` folders of earlier devguide versions. Returns the paths removed.
 * `deleteTree` deletes one (the build passes one that deletes in the background, beside its
 * rendering).
 */
export function removeLeftovers(cacheDir: string, out: string, deleteTree: (p: string) => void = (p) => rmSync(p, { recursive: true, force: true })): string[] {
  const removed: string[] = [];
  const remove = (p: string) => {
    deleteTree(p);
    removed.push(p);
  };
  // Staging folders, and search indexes written ahead of their build (src/lib/search-index.ts).
  for (const kind of ['staging', 'search']) {
    const folder = path.join(cacheDir, kind);
    if (existsSync(folder)) for (const name of readdirSync(folder)) if (!isRunningPid(name)) remove(path.join(folder, name));
  }
  const target = path.resolve(out);
  const parent = path.dirname(target);
  const base = path.basename(target);
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      const legacy = name.startsWith(`${base}.staging-`) || name.startsWith(`${base}.old-`) || name.startsWith(`.${base}.link-`);
      const pid = Number(/(?:staging-|old-|link-)(\d+)/.exec(name)?.[1]);
      if (legacy && !(pid > 0 && isRunning(pid))) remove(path.join(parent, name));
    }
  }
  const store = buildStore(target);
  // A build killed while moving an earlier devguide's plain folder into the store left `out`
  // missing for an instant: put the folder back before anything in the store is removed.
  if (existsSync(store) && !existsSync(target) && !isLink(target)) {
    const aside = readdirSync(store).filter((name) => name.endsWith('-previous')).sort().at(-1);
    if (aside) renameSync(path.join(store, aside), target);
  }
  if (existsSync(store)) {
    const current = isLink(target) ? path.basename(readlinkSync(target)) : undefined;
    for (const name of readdirSync(store)) if (name !== current && !isRunningPid(name)) remove(path.join(store, name));
  }
  return removed;
}

/** What `publish` did: where the site now is, and the build it replaced. */
export interface Published {
  build: string;
  /**
   * The build `out` pointed to before (or an earlier devguide's plain folder, moved into the
   * store), left in the store: the next build's removeLeftovers deletes it in the background while
   * it renders, instead of this one making its caller wait (about 0.9 s for 2,000 guides).
   */
  previous?: string;
}

/** Steps of `publish`, named for crash-injection tests (DEVGUIDE_CRASH_AT kills the process there). */
export type PublishStep = 'stored' | 'linked' | 'moved-aside' | 'swapped';

function step(name: PublishStep): void {
  if (process.env.DEVGUIDE_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}

/**
 * Makes `staging` the site at `out`: stores it beside `out` (a rename, or a copy when `out` is on
 * another file system), points a new link at it and renames the link over `out` in one step. The
 * previous build stays in the store until removeLeftovers. An `out` that is still a plain folder
 * (a build by an earlier devguide) is moved into the store first.
 */
export function publish(staging: string, out: string): Published {
  const target = path.resolve(out);
  const parent = path.dirname(target);
  const store = buildStore(target);
  mkdirSync(store, { recursive: true });
  const build = path.join(store, `${Date.now().toString(36)}${randomBytes(4).toString('hex')}-${process.pid}`);
  try {
    renameSync(staging, build);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // Another file system: copy beside the target, then rename there (atomic on that side).
    cpSync(staging, `${build}.partial`, { recursive: true });
    renameSync(`${build}.partial`, build);
    rmSync(staging, { recursive: true, force: true });
  }
  step('stored');
  const link = path.join(parent, `.${path.basename(target)}.link-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(path.relative(parent, build), link, 'junction');
  step('linked');
  const previous = isLink(target) ? path.resolve(parent, readlinkSync(target)) : undefined;
  let legacy: string | undefined;
  if (!previous && existsSync(target)) {
    legacy = `${build}-previous`;
    renameSync(target, legacy);
    step('moved-aside');
  }
  try {
    renameSync(link, target);
  } catch (error) {
    if (legacy) renameSync(legacy, target);
    rmSync(link, { force: true });
    throw error;
  }
  step('swapped');
  return { build, previous: previous && path.dirname(previous) === store ? previous : legacy };
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
