/** The render cache's key: it must change whenever anything that shapes a rendered page changes. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFingerprint } from '../../src/render/render.ts';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'devguide-fingerprint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('the render cache fingerprint', () => {
  const base = {
    'package.json': JSON.stringify({ dependencies: { shiki: '4.6.0' } }),
    'node_modules/shiki/package.json': JSON.stringify({ version: '4.6.0' }),
    'src/plugins/rehype-code.ts': 'export default 1;',
    'src/lib/release-cycle.ts': 'export const chart = 1;',
  };
  const of = (dir: string) => sourceFingerprint(path.join(dir, 'src'), dir);

  it('stays the same when nothing changed', () => {
    expect(of(project(base))).toBe(of(project(base)));
  });

  it('changes with any source file, not only the plugins (a chart drawn in src/lib)', () => {
    expect(of(project({ ...base, 'src/lib/release-cycle.ts': 'export const chart = 2;' }))).not.toBe(of(project(base)));
    expect(of(project({ ...base, 'src/lib/new-helper.ts': '' }))).not.toBe(of(project(base)));
  });

  it('changes when a package it renders with is upgraded', () => {
    expect(of(project({ ...base, 'node_modules/shiki/package.json': JSON.stringify({ version: '4.7.0' }) }))).not.toBe(of(project(base)));
  });
});
