/**
 * "Last updated" dates from git, for every file of a folder, with one `git log` call for the whole
 * build. No repository, no git, or no history: an empty map, and pages simply show no date. The
 * call runs in the background (a long history takes a while), so the build starts it before
 * rendering and reads it after.
 */
import { execFile } from 'node:child_process';

/** Map from path (relative to `dir`, forward slashes) to the last commit time, as an ISO date. */
export function lastUpdatedDates(dir: string): Promise<Map<string, string>> {
  return new Promise((resolve) => {
    execFile('git', ['log', '--format=%x00%cI', '--name-only', '--relative', '--no-renames', '--', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => {
      const dates = new Map<string, string>();
      if (error || !stdout) return resolve(dates);
      let current = '';
      for (const line of stdout.split('\n')) {
        if (line.startsWith('\0')) current = line.slice(1);
        else if (line && current && !dates.has(line)) dates.set(line, current);
      }
      resolve(dates);
    });
  });
}
