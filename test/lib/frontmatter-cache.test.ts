import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content.ts';
import { openFrontmatterCache } from '../../src/lib/frontmatter-cache.ts';
import { contentFolder } from '../support/content.ts';

const cacheFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'devguide-frontmatter-')), 'frontmatter.json');

/** Reads `dir` with the cache kept in `file`, as a build does: open, read, save. */
function readWith(dir: string, file: string, version = 'v1') {
  const cache = openFrontmatterCache(file, version);
  const content = loadContent(dir, { frontmatter: cache });
  cache.save();
  return content;
}

/** Replaces every remembered title in `file`, so a read that uses the cache shows it. */
function plantTitle(file: string, title: string): void {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { title?: string }> };
  for (const entry of Object.values(stored.entries)) entry.title = title;
  writeFileSync(file, JSON.stringify(stored));
}

describe('the frontmatter cache', () => {
  it('gives the same guides as parsing the YAML', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '---\ntitle: First\nlevel: newcomer\norder: 2\ntags: [a, b]\n---\nBody.\n', 'guides/tasks/b.md': '# From the heading\n' });
    const file = cacheFile();
    const parsed = loadContent(dir);
    expect(readWith(dir, file).guides).toEqual(parsed.guides);
    expect(readWith(dir, file).guides).toEqual(parsed.guides);
  });

  it('is read instead of the YAML on the next run', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '---\ntitle: First\n---\nBody.\n' });
    const file = cacheFile();
    readWith(dir, file);
    plantTitle(file, 'Remembered');
    expect(readWith(dir, file).guides[0]!.title).toBe('Remembered');
  });

  it('is ignored when the generator changed (another version)', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '---\ntitle: First\n---\nBody.\n' });
    const file = cacheFile();
    readWith(dir, file, 'v1');
    plantTitle(file, 'Remembered');
    expect(readWith(dir, file, 'v2').guides[0]!.title).toBe('First');
  });

  it('does not remember frontmatter with a problem, so the problem is reported every time', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '---\ntitle: A\nlevel: contributer\n---\nText\n' });
    const file = cacheFile();
    const codes = () => readWith(dir, file).diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);
    expect(codes()).toEqual(['unknown-level 3:8']);
    expect(codes()).toEqual(['unknown-level 3:8']);
  });

  it('keeps only what the last run used', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '---\ntitle: A\n---\n', 'guides/tasks/b.md': '---\ntitle: B\n---\n' });
    const file = cacheFile();
    readWith(dir, file);
    expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { entries: object }).entries)).toHaveLength(2);
    rmSync(path.join(dir, 'guides/tasks/b.md'));
    readWith(dir, file);
    expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { entries: object }).entries)).toHaveLength(1);
  });

  it("tells an imported folder's lenient reading from a strict one", () => {
    const cache = openFrontmatterCache(undefined);
    cache.set('title: A\nweight: 3', true, { title: 'A', order: 3, draft: false, tags: [] });
    expect(cache.get('title: A\nweight: 3', false)).toBeUndefined();
    expect(cache.get('title: A\nweight: 3', true)).toEqual({ title: 'A', order: 3, draft: false, tags: [] });
  });
});
