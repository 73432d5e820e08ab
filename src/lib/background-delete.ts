/**
 * Deletes folders in a child process at the lowest CPU priority. A build deletes what earlier builds
 * left (the build it replaced: thousands of files) while its guides render. Deleted with `fs.rm` in
 * the build's own process, every `lstat`, `unlink` and `rmdir` queued in Node's thread pool ahead
 * of Astro's own file reads, and Astro sat idle for seconds; a child process has its own thread
 * pool, and at the lowest priority it only takes CPU time the build leaves.
 */
import { spawn } from 'node:child_process';
import { constants, setPriority } from 'node:os';

/** The child's whole program: each path, deleted as `rm -rf` would; one that fails is left for the next build. */
const PROGRAM = 'for (const p of process.argv.slice(1)) { try { require("node:fs").rmSync(p, { recursive: true, force: true }); } catch {} }';

/**
 * Deletes `paths` (best effort); settles once the child has exited, never rejects. Nothing needs
 * to wait for it: the child does not hold this process open, and goes on after it exits (the build
 * does not wait, so a lowest-priority child on a busy machine never delays it).
 */
export function deleteInBackground(paths: readonly string[]): Promise<void> {
  if (!paths.length) return Promise.resolve();
  return new Promise((resolve) => {
    // A plain Node running one line: spawn does not pass on the build's own flags (the compile cache).
    const child = spawn(process.execPath, ['-e', PROGRAM, ...paths], { stdio: 'ignore' });
    child.unref();
    child.on('error', () => resolve());
    child.on('exit', () => resolve());
    try {
      if (child.pid) setPriority(child.pid, constants.priority.PRIORITY_LOW);
    } catch {
      // Some systems do not let a process lower another's priority: it then runs at the build's.
    }
  });
}
