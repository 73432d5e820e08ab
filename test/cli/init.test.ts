/**
 * `npm run init -- --content DIR` writes a starting site.yaml from what devguide infers, which
 * builds the same site as no site.yaml at all; it never replaces one, and says what it found when a
 * folder holds nothing it can read.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSite } from '../../src/lib/site.ts';
import { ROOT } from '../support/browser.ts';

const init = (dir: string) => spawnSync(process.execPath, [path.join(ROOT, 'src/cli/init.ts'), '--content', dir], { cwd: ROOT, encoding: 'utf8' });

/** The docs fixture in a git repository whose origin is on GitHub, as a clone would be. */
function docsRepository(): string {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-init-')), 'repo');
  cpSync(path.join(ROOT, 'test/fixtures/import/docs/docs-repo'), root, { recursive: true });
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root });
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', 'git@github.com:quill-editor/quill.git');
  return path.join(root, 'docs');
}

describe('npm run init', () => {
  it('writes and prints the title, repository and sections it inferred, and the site builds the same with it', async () => {
    const dir = docsRepository();
    const before = await loadSite({ contentDir: dir, warnLinks: true });
    const result = init(dir);
    expect(result.status, result.stderr).toBe(0);
    const text = readFileSync(path.join(dir, 'site.yaml'), 'utf8');
    expect(result.stdout).toContain(text);
    expect(parse(text)).toEqual({
      title: 'Quill developer documentation',
      repository: { url: 'https://github.com/quill-editor/quill', branch: 'main', path: 'docs' },
      sections: [
        // In the order docs/README.md links to them.
        { id: 'index', label: 'Quill developer documentation' },
        { id: 'contributing', label: 'Contributing to Quill' },
        { id: 'architecture', label: 'Architecture' },
      ],
    });
    const after = await loadSite({ contentDir: dir, warnLinks: true });
    expect(after.diagnostics.filter((d) => d.file.endsWith('site.yaml'))).toEqual([]);
    expect(after.pages.map((p) => [p.url, p.title, p.editUrl])).toEqual(before.pages.map((p) => [p.url, p.title, p.editUrl]));
    expect(after.pages.find((p) => p.url === '/contributing/setup/')!.editUrl).toBe('https://github.com/quill-editor/quill/edit/main/docs/contributing/01-setup.md');
  });

  it('never replaces an existing site.yaml', () => {
    const dir = docsRepository();
    writeFileSync(path.join(dir, 'site.yaml'), 'title: Mine\n');
    const result = init(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('site.yaml already exists, so nothing was written.');
    expect(readFileSync(path.join(dir, 'site.yaml'), 'utf8')).toBe('title: Mine\n');
  });

  it('says what a folder without Markdown holds and what to pass instead, writing nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'devguide-init-'));
    writeFileSync(path.join(dir, 'docusaurus.config.js'), 'module.exports = {};\n');
    const result = init(dir);
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/missing-content[\s\S]*Docusaurus[\s\S]*--content/);
  });
});
