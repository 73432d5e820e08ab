/**
 * `npm ci` must work on every platform a maintainer uses, so the lock file records the native
 * packages of each one, not only the machine's that last ran `npm install`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/browser.ts';

const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { os?: string[] }> };

describe('package-lock.json', () => {
  it('lists the native packages of macOS, Windows and Linux for every package that ships them', () => {
    const families = ['@esbuild/', '@rolldown/binding-', '@pagefind/', '@astrojs/compiler-binding-'];
    const missing = families.flatMap((family) => {
      const entries = Object.entries(lock.packages).filter(([name]) => name.startsWith(`node_modules/${family}`));
      const systems = new Set(entries.flatMap(([, entry]) => entry.os ?? []));
      return ['darwin', 'win32', 'linux'].filter((os) => !systems.has(os)).map((os) => `${family} for ${os}`);
    });
    expect(missing).toEqual([]);
  });
});
