/**
 * The git repository a content folder lives in: its root on disk, and where it is published
 * (`origin`'s web address and default branch). Links from a guide to source files outside the
 * content folder become links to those files on the repository's host.
 */
import { spawnSync } from 'node:child_process';

export interface GitRepository {
  /** The working tree's root on disk. */
  root: string;
  /** The repository's web address (`https://github.com/owner/name`), when `origin` has one. */
  url?: string;
  /** The branch links point at: origin's default branch, else the current one. */
  branch?: string;
}

function git(dir: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}

/**
 * A remote's address as a web address: `git@github.com:o/n.git`, `ssh://git@host/o/n.git` and
 * `https://user:token@host/o/n.git` all become `https://host/o/n`. Local paths and other schemes
 * have no web address.
 */
export function webUrl(remote: string): string | undefined {
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+?)(?:\.git)?\/?$/.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  let url: URL;
  try {
    url = new URL(remote);
  } catch {
    return undefined;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol) || !url.hostname) return undefined;
  const pathname = url.pathname.replace(/\.git\/?$/, '').replace(/\/$/, '');
  if (!pathname || pathname === '/') return undefined;
  // Never publish credentials that a clone URL may carry; the port of an ssh remote is not the web's.
  const port = url.protocol === 'https:' || url.protocol === 'http:' ? (url.port ? `:${url.port}` : '') : '';
  return `https://${url.hostname}${port}${pathname}`;
}

/** The repository holding `dir`, or undefined when it is not in one (or git is missing). */
export function findRepository(dir: string): GitRepository | undefined {
  const root = git(dir, ['rev-parse', '--show-toplevel']);
  if (!root) return undefined;
  const remote = git(dir, ['remote', 'get-url', 'origin']);
  const head = git(dir, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])?.replace(/^origin\//, '');
  const branch = head ?? git(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return { root, ...(remote && webUrl(remote) ? { url: webUrl(remote) } : {}), ...(branch ? { branch } : {}) };
}
