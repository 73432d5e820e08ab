import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteInBackground } from '../../src/lib/background-delete.ts';

/** A folder with nested files, like a build left in the store. */
function tree(parent: string, name: string): string {
  const dir = path.join(parent, name);
  for (let i = 0; i < 20; i++) {
    mkdirSync(path.join(dir, `page-${i}`), { recursive: true });
    writeFileSync(path.join(dir, `page-${i}`, 'index.html'), `<p>${i}</p>`);
  }
  return dir;
}

describe('deleteInBackground', () => {
  it('deletes every folder it is given, with everything in them, before it settles', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'devguide-delete-'));
    const old = tree(parent, 'old-build');
    const staging = tree(parent, 'staging-123');
    const kept = tree(parent, 'current');
    await deleteInBackground([old, staging]);
    expect([existsSync(old), existsSync(staging), existsSync(kept)]).toEqual([false, false, true]);
  });

  it('goes on past a path that is already gone', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'devguide-delete-'));
    const old = tree(parent, 'old-build');
    await deleteInBackground([path.join(parent, 'never-there'), old]);
    expect(existsSync(old)).toBe(false);
  });

  it('finishes the deletion after the process that asked for it has exited', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'devguide-delete-'));
    const old = tree(parent, 'old-build');
    const module = path.join(import.meta.dirname, '../../src/lib/background-delete.ts');
    const script = `import { deleteInBackground } from ${JSON.stringify(module)}; deleteInBackground([${JSON.stringify(old)}]);`;
    const asked = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(asked.status, asked.stderr).toBe(0);
    for (let i = 0; i < 100 && existsSync(old); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(old)).toBe(false);
  });

  it('settles at once when there is nothing to delete', async () => {
    await expect(deleteInBackground([])).resolves.toBeUndefined();
  });
});
