import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastUpdatedDates } from '../../src/lib/git-dates.ts';

function commit(repo: string, file: string, text: string, date: string): void {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org' };
  execFileSync('git', ['add', file], { cwd: repo, env });
  execFileSync('git', ['commit', '-q', '-m', `edit ${file}`], { cwd: repo, env });
}

describe('lastUpdatedDates', () => {
  it('gives each file under the folder the date of the last commit that changed it', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'devguide-dates-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    commit(repo, 'docs/guides/a.md', 'one', '2025-01-02T10:00:00+00:00');
    commit(repo, 'docs/guides/b.md', 'two', '2025-03-04T10:00:00+00:00');
    commit(repo, 'docs/guides/a.md', 'one, edited', '2025-05-06T10:00:00+00:00');
    commit(repo, 'README.md', 'outside the folder', '2025-07-08T10:00:00+00:00');
    const dates = await lastUpdatedDates(path.join(repo, 'docs'));
    expect(Object.fromEntries(dates)).toEqual({ 'guides/a.md': '2025-05-06T10:00:00+00:00', 'guides/b.md': '2025-03-04T10:00:00+00:00' });
  });

  it('gives no dates for a folder outside any repository', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'devguide-dates-'));
    writeFileSync(path.join(dir, 'a.md'), 'text');
    expect((await lastUpdatedDates(dir)).size).toBe(0);
  });
});
