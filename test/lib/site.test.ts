import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/lib/site.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = path.join(ROOT, 'test/fixtures/basic');

/** Loads a copy of the fixture site with `files` written over it. */
async function load(files: Record<string, string>, change: (text: string, name: string) => string = (t) => t) {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-site-')), 'content');
  cpSync(FIXTURE, dir, { recursive: true });
  for (const name of ['experts.yaml', 'data/labels.yaml', 'data/release-cycle.json']) {
    writeFileSync(path.join(dir, name), change(readFileSync(path.join(dir, name), 'utf8'), name));
  }
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

  it('reports only labels.yaml\'s own error when it has a bad colour, not the ::labels that uses it', async () => {
    const { found } = await load({}, (text, name) => (name === 'data/labels.yaml' ? text.replace('"#d73a4a"', 'red') : text));
    expect(found).toEqual(['data/labels.yaml:8:16  error  invalid-labels']);
  });

  it('reports only release-cycle.json\'s own error when a status is wrong, not the versions directives', async () => {
    const { found } = await load({}, (text, name) => (name === 'data/release-cycle.json' ? text.replace('"status": "bugfix"', '"status": "bugfx"') : text));
    expect(found).toEqual([expect.stringMatching(/^data\/release-cycle\.json:3:\d+ {2}error {2}invalid-release-cycle$/)]);
  });

  it('reports only experts.yaml\'s own error when it does not load, not :experts[…] or links to /experts/', async () => {
    const { found } = await load({}, (text, name) => (name === 'experts.yaml' ? text.replace('tier: 1', 'teir: 1') : text));
    expect(found).toEqual(['experts.yaml:22:7  error  invalid-experts']);
  });
});
