/**
 * Atomic output: a build writes into a fresh sibling folder and only replaces the old output once
 * everything succeeded, so a failed build leaves the last good site exactly as it was.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

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
