/**
 * The bundled developer's guide (content/) is the product's demo and default: it must cover the
 * contributor's path, with complete frontmatter, enough words, named code languages, a ladder in
 * order, and no problem the build would report.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type ContentSource } from '../../src/lib/content.ts';
import { ladder } from '../../src/lib/ladder.ts';
import { readingOrder } from '../../src/lib/reading-order.ts';
import { LEVELS } from '../../src/lib/schema.ts';
import { loadSite, type SiteModel } from '../../src/lib/site.ts';
import { ROOT } from '../support/browser.ts';

const CONTENT = path.join(ROOT, 'content');
/** The fewest words of prose any guide may have. */
const MIN_WORDS = 400;
/** The whole guide, at least: this many guides, and this many words of prose between them. */
const MIN_GUIDES = 50;
const MIN_TOTAL_WORDS = 55_000;

/** Every section, in reading order, and the pages each must have. */
const REQUIRED: Record<string, string[]> = {
  'getting-started': ['quick-reference', 'setup', 'git', 'source-layout', 'getting-help', 'communication', 'pull-request-lifecycle', 'ai-tools'],
  tasks: ['documentation', 'test-coverage', 'easy-issues', 'silencing-warnings', 'fixing-issues', 'reviewing', 'helping-triage'],
  testing: ['running-tests', 'local-servers', 'buildbots', 'buildbot-worker'],
  documentation: ['markup', 'style-guide', 'translating'],
  triage: ['issue-tracker', 'triaging-an-issue', 'labels', 'stale-issues', 'triager-role', 'security'],
  committing: ['commit-messages', 'accepting-pull-requests', 'development-cycle', 'versions', 'becoming-core-developer', 'responsibilities'],
  development: ['c-api', 'extension-modules', 'argument-clinic', 'internals', 'gdb', 'sanitizers', 'fuzzing', 'compiler-warnings'],
  porting: ['python-3', 'new-platform', 'platforms'],
  proposing: ['stdlib-module', 'language-changes'],
  resources: ['grammar', 'compiler', 'tools-faq', 'this-guide'],
};

/** Words of prose: frontmatter, code blocks, directives' fences and URLs left out. */
function proseWords(markdown: string): number {
  return markdown
    .replace(/^---[\s\S]*?\n---\n/, '')
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1[^\n]*$/gm, '')
    .replace(/^:{2,}.*$/gm, '')
    .replace(/\]\([^)]*\)/g, ']')
    .split(/\s+/)
    .filter((w) => /[A-Za-z]/.test(w)).length;
}

let content: ContentSource;
let model: SiteModel;
beforeAll(async () => {
  content = loadContent(CONTENT);
  model = await loadSite({ contentDir: CONTENT });
});

describe('the bundled developer\'s guide', () => {
  it('has every section and page a contributor needs', () => {
    const urls = new Set(content.guides.map((g) => g.url));
    const missing = Object.entries(REQUIRED).flatMap(([section, slugs]) => slugs.map((s) => `/${section}/${s}/`)).filter((u) => !urls.has(u));
    expect(missing).toEqual([]);
    expect(content.site.sections.map((s) => s.id)).toEqual(Object.keys(REQUIRED));
  });

  it('builds without a single error or warning (no dead link, no unknown directive, good commit examples)', () => {
    expect(model.diagnostics.map((d) => `${path.relative(ROOT, d.file)}:${d.line} ${d.code} ${d.message}`)).toEqual([]);
  });

  it('gives every guide a title, description, level and order', () => {
    const incomplete = content.guides.filter((g) => !g.frontmatter.title || !g.frontmatter.description || !g.frontmatter.level || g.frontmatter.order === undefined).map((g) => g.relativePath);
    expect(incomplete).toEqual([]);
  });

  it(`writes at least ${MIN_WORDS} words of prose per guide`, () => {
    const short = content.guides.map((g) => ({ url: g.url, words: proseWords(readFileSync(g.file, 'utf8')) })).filter((g) => g.words < MIN_WORDS);
    expect(short).toEqual([]);
  });

  it(`is a whole guide: at least ${MIN_GUIDES} guides and ${MIN_TOTAL_WORDS} words of prose in total`, () => {
    const words = content.guides.reduce((sum, g) => sum + proseWords(readFileSync(g.file, 'utf8')), 0);
    expect(content.guides.length).toBeGreaterThanOrEqual(MIN_GUIDES);
    expect(words).toBeGreaterThanOrEqual(MIN_TOTAL_WORDS);
  });

  it('names a language on every code block', () => {
    const bare = content.guides.flatMap((g) =>
      [...readFileSync(g.file, 'utf8').matchAll(/^(`{3,}|~{3,})([^\n`]*)\n[\s\S]*?\n\1\s*$/gm)].filter((m) => !m[2]!.trim()).map(() => g.relativePath),
    );
    expect(bare).toEqual([]);
  });

  it('puts every level on the ladder, in order, starting with the first task', () => {
    const rungs = ladder(readingOrder(content.guides.map((g) => ({ ...g, level: g.frontmatter.level, order: g.frontmatter.order })), content.site.sections));
    expect(rungs.map((r) => r.level)).toEqual([...LEVELS]);
    expect(rungs[0]!.pages.map((p) => p.url)).toContain('/tasks/documentation/');
  });

  it('links every guide onward to another guide', () => {
    const deadEnds = content.guides.filter((g) => !/\]\(\/[a-z-]+\/[a-z0-9-]+\/(#[^)]*)?\)/.test(readFileSync(g.file, 'utf8'))).map((g) => g.relativePath);
    expect(deadEnds).toEqual([]);
  });

  it('uses every Markdown feature the generator offers somewhere', () => {
    const all = content.guides.map((g) => readFileSync(g.file, 'utf8')).join('\n');
    for (const feature of [/^::::tabs$/m, /^:::note/m, /^:::tip/m, /^:::caution/m, /^:::danger/m, /^> \[!NOTE\]/m, /^\|.*\|$/m, /^- \[[ x]\]/m, /\[\^1\]/, /~~.+~~|<https?:|https?:\/\/\S+/, /title="/, /\{\d[\d,-]*\}/, /ins=\{/, /del=\{/, /:experts\[/, /^:::todo/m, /commit="good"/, /^::labels$/m, /^::versions-chart$/m]) {
      expect(all, String(feature)).toMatch(feature);
    }
  });
});
