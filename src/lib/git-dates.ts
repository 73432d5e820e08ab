/**
 * "Last updated" dates from git, for every file of a folder, with one `git log` call for the whole
 * build. No repository, no git, or no history: an empty map, and pages simply show no date.
 */
import { spawnSync } from 'node:child_process';

/** Map from path (relative to `dir`, forward slashes) to the last commit time, as an ISO date. */
export function lastUpdatedDates(dir: string): Map<string, string> {
  const dates = new Map<string, string>();
  const result = spawnSync('git', ['log', '--format=%x00%cI', '--name-only', '--relative', '--no-renames', '--', '.'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0 || !result.stdout) return dates;
  let current = '';
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith('\0')) current = line.slice(1);
    else if (line && current && !dates.has(line)) dates.set(line, current);
  }
  return dates;
}
