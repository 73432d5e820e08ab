import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/lib/site.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = path.join(ROOT, 'test/fixtures/basic');

/** Loads a copy of the fixture site with `files` written over it. */
async function load(files: Record<string, string>) {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-site-')), 'content');
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const site = await loadSite({ contentDir: dir, workers: 1, cacheDir: path.join(dir, '..', 'cache') });
  const at = (d: { file: string; line: number; column: number; severity: string; code: string }) => `${path.relative(dir, d.file)}:${d.line}:${d.column}  ${d.severity}  ${d.code}`;
  return { dir, site, found: site.diagnostics.map(at) };
}

describe('the site model', () => {
  it('accepts links to section pages, the home page and the generated pages, with their anchors', async () => {
    const links = ['/start/', '/tasks/', '/', '/#ladder-title', '/#level-newcomer', '/search/', '/todo/', '/experts/', '/experts/#module', '/experts/alice/', '/start/#main'];
    const { found } = await load({ 'guides/start/links.md': `# Links\n\n${links.map((l) => `[${l}](${l})`).join('\n')}\n` });
    expect(found).toEqual([]);
  });

  it('still reports a link to a section that has no published guide, and a missing anchor on a section page', async () => {
    const { found, site } = await load({ 'guides/start/links.md': '# Links\n\n[x](/nowhere/)\n[y](/start/#nope)\n' });
    expect(found).toEqual(['guides/start/links.md:3:1  error  broken-link', 'guides/start/links.md:4:1  error  broken-anchor']);
    expect(site.diagnostics[1]!.hint).toBe('Anchors on that page: main.');
  });
});
