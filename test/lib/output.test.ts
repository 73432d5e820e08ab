import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireBuildLock, BUILD_MARKER, buildStore, outputProblem, publish, removeLeftovers, type PublishStep } from '../../src/lib/output.ts';

const temp = (root = tmpdir()) => mkdtempSync(path.join(root, 'devguide-output-'));

/** A finished site in a staging folder under `parent`, whose home page says `text`. */
function site(parent: string, text: string): string {
  const dir = mkdtempSync(path.join(parent, 'staging-'));
  writeFileSync(path.join(dir, 'index.html'), text);
  mkdirSync(path.join(dir, 'start'));
  writeFileSync(path.join(dir, 'start/index.html'), `${text} start`);
  writeFileSync(path.join(dir, BUILD_MARKER), '');
  return dir;
}

/** What `out` serves: its home page and one inner page, or 'missing'. */
function served(out: string): string {
  try {
    return `${readFileSync(path.join(out, 'index.html'), 'utf8')} | ${readFileSync(path.join(out, 'start/index.html'), 'utf8')}`;
  } catch {
    return 'missing';
  }
}

/** Runs `publish(staging, out)` in a child process, which kills itself with SIGKILL at `step` if given. */
function publishAndCrash(staging: string, out: string, step?: PublishStep) {
  const script = `import { publish } from ${JSON.stringify(path.join(import.meta.dirname, '../../src/lib/output.ts'))}; publish(${JSON.stringify(staging)}, ${JSON.stringify(out)});`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, DEVGUIDE_CRASH_AT: step ?? '' }, encoding: 'utf8' });
}

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

  it('refuses any folder without the marker, even one that looks like a build (index.html, _headers, pagefind/)', () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'index.html'), '');
    writeFileSync(path.join(dir, '_headers'), '');
    mkdirSync(path.join(dir, 'pagefind'));
    mkdirSync(path.join(dir, 'blog'));
    writeFileSync(path.join(dir, 'blog/post.md'), '# My post\n');
    expect(outputProblem(dir, guarded)).toMatch(/did not write \(it has no \.devguide-build file\)/);
  });

  it('accepts a link into its own store of builds, and refuses a link it did not make', () => {
    const parent = temp();
    const out = path.join(parent, 'dist');
    publish(site(parent, 'one'), out);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(outputProblem(out, guarded)).toBeUndefined();
    const elsewhere = path.join(parent, 'elsewhere');
    symlinkSync(site(parent, 'two'), elsewhere);
    expect(outputProblem(elsewhere, guarded)).toMatch(/is a link to .*staging-\w+, which devguide did not make/);
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

describe('publish', () => {
  it('keeps the builds in a hidden store beside out, with out a link to the newest, and leaves the old one for the next build to remove', () => {
    const parent = temp();
    const out = path.join(parent, 'dist');
    // Published by a process that has ended, as the previous build always is.
    expect(publishAndCrash(site(parent, 'old'), out).status).toBe(0);
    const [first] = readdirSync(buildStore(out));
    const second = publish(site(parent, 'new'), out);
    expect(served(out)).toBe('new | new start');
    expect(second.previous).toBe(path.join(buildStore(out), first!));
    expect(readdirSync(buildStore(out)).sort()).toEqual([first, path.basename(second.build)].sort());
    expect(removeLeftovers(path.join(parent, 'cache'), out)).toEqual([second.previous]);
    expect(readdirSync(buildStore(out))).toEqual([path.basename(second.build)]);
    expect(served(out)).toBe('new | new start');
    expect(readdirSync(parent).filter((n) => !n.startsWith('staging-')).sort()).toEqual(['.dist.devguide', 'dist']);
  });

  it('copies a site to another file system and still swaps it in with one rename', () => {
    // /dev/shm is a tmpfs, another device than the temporary folder the site was staged in.
    const other = temp('/dev/shm');
    expect(lstatSync(other).dev).not.toBe(lstatSync(tmpdir()).dev);
    const out = path.join(other, 'dist');
    expect(publishAndCrash(site(temp(), 'first'), out).status).toBe(0);
    const second = publish(site(temp(), 'second'), out);
    expect(served(out)).toBe('second | second start');
    removeLeftovers(temp(), out);
    expect(readdirSync(buildStore(out))).toEqual([path.basename(second.build)]);
  });

  for (const step of ['stored', 'linked', 'swapped'] as const) {
    it(`leaves out the complete old or the complete new site when killed at "${step}", and the next build cleans up`, () => {
      const parent = temp();
      const out = path.join(parent, 'dist');
      // Published by a process that has ended, as the previous build always is.
      expect(publishAndCrash(site(parent, 'old'), out).status).toBe(0);
      const crashed = publishAndCrash(site(parent, 'new'), out, step);
      expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
      expect(served(out)).toBe(step === 'swapped' ? 'new | new start' : 'old | old start');
      removeLeftovers(path.join(parent, 'cache'), out);
      expect(readdirSync(buildStore(out))).toHaveLength(1);
      expect(readdirSync(parent).filter((n) => n.startsWith('.dist.link'))).toEqual([]);
      publish(site(parent, 'again'), out);
      expect(served(out)).toBe('again | again start');
    });
  }

  it('moves a plain folder from an earlier devguide into the store, and puts it back if killed half-way', () => {
    const parent = temp();
    const out = path.join(parent, 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), 'legacy');
    mkdirSync(path.join(out, 'start'));
    writeFileSync(path.join(out, 'start/index.html'), 'legacy start');
    writeFileSync(path.join(out, BUILD_MARKER), '');
    const crashed = publishAndCrash(site(parent, 'new'), out, 'moved-aside');
    expect(crashed.signal).toBe('SIGKILL');
    removeLeftovers(path.join(parent, 'cache'), out);
    expect(served(out)).toBe('legacy | legacy start');
    publish(site(parent, 'new'), out);
    expect(served(out)).toBe('new | new start');
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
  });

  it('removes staging folders of builds that no longer run, and keeps a running build\'s', () => {
    const cache = temp();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    mkdirSync(path.join(cache, 'staging', `abc-${dead}`), { recursive: true });
    mkdirSync(path.join(cache, 'staging', `abd-${process.pid}`), { recursive: true });
    removeLeftovers(cache, path.join(temp(), 'dist'));
    expect(readdirSync(path.join(cache, 'staging'))).toEqual([`abd-${process.pid}`]);
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
