/**
 * Markdown folders that were not written for devguide build as they are: an mdBook book, a
 * GitHub-style docs folder inside its repository, and an internals folder beside C sources. Each
 * fixture's expected.json was written by hand from the rules (README, "Bring your own docs"); this
 * file builds the fixture with no site.yaml and compares the site with it: URLs, titles, reading
 * order, sections, rewritten links, copied assets and every diagnostic with its position.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite, type SiteModel } from '../../src/lib/site.ts';
import { buildFixture } from '../support/browser.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');

interface Expected {
  content: string;
  warnLinks: boolean;
  title: string;
  pages: Array<{ url: string; title: string; file: string; nav?: boolean }>;
  sections: Array<{ label: string; pages: string[] }>;
  links: Array<{ from: string; href: string }>;
  assets: string[];
  images: Array<{ from: string; src: string }>;
  brokenLinks: Array<{ from: string; written: string }>;
  diagnostics: Array<{ code: string; severity: string; file: string; line: number; column: number }>;
  repo?: { root: string; remote: string; branch: string };
  code?: Array<{ from: string; text: string }>;
  headingIds?: Record<string, string[]>;
  drafts?: Array<{ title: string; section: string }>;
}

/** The fixture copied to a temporary folder, its repository made with git as a clone would have it. */
function prepare(name: string): { dir: string; expected: Expected } {
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
  const dir = path.join(mkdtempSync(path.join(tmpdir(), `devguide-import-${name}-`)), name);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  if (expected.repo) {
    const git = (...args: string[]) => spawnSync('git', args, { cwd: path.join(dir, expected.repo!.root), encoding: 'utf8' });
    git('init', '-q', '-b', expected.repo.branch);
    git('remote', 'add', 'origin', expected.repo.remote);
    git('add', '.');
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'Fixture');
  }
  return { dir, expected };
}

/** The guide's body (its article), parsed. */
function article(out: string, url: string): Element {
  const html = readFileSync(path.join(out, ...url.split('/').filter(Boolean), 'index.html'), 'utf8');
  let found: Element | undefined;
  visit(fromHtml(html) as Root, 'element', (node: Element) => {
    if (!found && node.tagName === 'article') found = node;
  });
  return found!;
}

function attributeValues(root: Element, tag: string, attribute: string, skip: (node: Element) => boolean = () => false): string[] {
  const values: string[] = [];
  visit(root, 'element', (node: Element) => {
    if (node.tagName === tag && typeof node.properties[attribute] === 'string' && !skip(node)) values.push(node.properties[attribute] as string);
  });
  return values;
}

const isSelfLink = (node: Element) => (node.properties.className as string[] | undefined)?.includes('anchor') ?? false;

describe.each(readdirSync(FIXTURES).sort())('the imported folder %s', (name) => {
  let dir: string;
  let expected: Expected;
  let model: SiteModel;
  let built: ReturnType<typeof buildFixture>;

  beforeAll(async () => {
    ({ dir, expected } = prepare(name));
    const content = path.join(dir, expected.content);
    model = await loadSite({ contentDir: content, warnLinks: expected.warnLinks });
    built = buildFixture(content, expected.warnLinks ? ['--warn-links'] : []);
  });

  it('builds with no site.yaml, taking the title from the folder', () => {
    expect(existsSync(path.join(dir, expected.content, 'site.yaml'))).toBe(false);
    expect(built.status, built.stderr).toBe(0);
    expect(model.config.title).toBe(expected.title);
  });

  it('publishes every Markdown file at the URL its path gives, with its title, in reading order', () => {
    expect(model.pages.map((p) => [p.url, p.title, path.relative(dir, path.join(model.contentDir, p.relativePath))])).toEqual(expected.pages.map((p) => [p.url, p.title, p.file]));
    for (const page of expected.pages) {
      const h1 = attributeValues(article(built.out, page.url), 'h1', 'id').length;
      expect(h1, page.url).toBe(1);
      expect(toString(article(built.out, page.url)), page.url).toContain(page.title);
    }
  });

  it('links each page to the next in reading order, as the navigation lists them', () => {
    const inNav = expected.pages.filter((p) => p.nav !== false);
    for (let i = 0; i + 1 < inNav.length; i++) {
      const html = readFileSync(path.join(built.out, ...inNav[i]!.url.split('/').filter(Boolean), 'index.html'), 'utf8');
      expect(html, inNav[i]!.url).toContain(`class="next" href="${inNav[i + 1]!.url}"`);
    }
  });

  it('groups the pages into the sections the folders or SUMMARY.md give', () => {
    expect(model.sections.filter((s) => s.pages.length).map((s) => ({ label: s.label, pages: s.pages.map((p) => p.url) }))).toEqual(expected.sections);
    for (const draft of expected.drafts ?? []) {
      const section = model.sections.find((s) => s.label === draft.section)!;
      expect(JSON.stringify(section.items)).toContain(JSON.stringify({ title: draft.title, children: [] }));
    }
  });

  it('rewrites relative links to the pages, folders and repository files they point at', () => {
    for (const link of expected.links) {
      expect(attributeValues(article(built.out, link.from), 'a', 'href', isSelfLink), `${link.from} → ${link.href}`).toContain(link.href);
    }
    // Nothing relative is left in the output but the links reported as broken.
    const broken = new Set(expected.brokenLinks.map((l) => `${l.from} ${l.written}`));
    for (const page of expected.pages) {
      const root = article(built.out, page.url);
      const left = [...attributeValues(root, 'a', 'href'), ...attributeValues(root, 'img', 'src')].filter((h) => !/^(?:[a-z]+:|\/|#)/i.test(h));
      expect(left.filter((h) => !broken.has(`${page.url} ${h}`)), page.url).toEqual([]);
    }
  });

  it('copies the files the pages link to into the site, and shows the images from there', () => {
    for (const asset of expected.assets) expect(existsSync(path.join(built.out, ...asset.split('/').filter(Boolean))), asset).toBe(true);
    for (const image of expected.images) expect(attributeValues(article(built.out, image.from), 'img', 'src'), image.src).toContain(image.src);
    // Nothing goes into the project's own public/ folder.
    expect(readdirSync(path.join(import.meta.dirname, '..', '..', 'public')).sort()).toEqual(['favicon.svg']);
  });

  it('reports every problem, and only those, at its file, line and column', () => {
    const found = model.diagnostics.map((d) => `${path.relative(dir, d.file)}:${d.line}:${d.column} ${d.severity} ${d.code}`).sort();
    const wanted = expected.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`).sort();
    expect(found).toEqual(wanted);
    for (const d of expected.diagnostics) {
      expect(built.stdout + built.stderr).toContain(`${d.file.split('/').slice(-1)[0]}${d.line ? `:${d.line}:${d.column}` : ''}  ${d.severity}  ${d.code}`);
    }
  });

  it('expands mdBook includes and keeps every heading id a valid target', () => {
    for (const block of expected.code ?? []) expect(toString(article(built.out, block.from))).toContain(block.text);
    for (const [url, ids] of Object.entries(expected.headingIds ?? {})) {
      expect(attributeValues(article(built.out, url), 'h1', 'id').concat(attributeValues(article(built.out, url), 'h2', 'id'), attributeValues(article(built.out, url), 'h3', 'id'))).toEqual(expect.arrayContaining(ids));
    }
  });
});

describe('the sidebar of a nested book', () => {
  let out: string;
  const sidebarLinks = (url: string) => {
    const html = readFileSync(path.join(out, ...url.split('/').filter(Boolean), 'index.html'), 'utf8');
    const tree = fromHtml(html) as Root;
    let nav: Element | undefined;
    visit(tree, 'element', (node: Element) => {
      if (!nav && node.tagName === 'nav' && node.properties.id === 'sidebar') nav = node;
    });
    return attributeValues(nav!, 'a', 'href');
  };

  beforeAll(() => {
    const { dir, expected } = prepare('mdbook');
    out = buildFixture(path.join(dir, expected.content)).out;
  });

  it('opens only the branch that leads to the current page, so its size does not grow with the book', () => {
    // In "Building Quill", on a chapter nested two deep: its parents are open, with their entries.
    expect(sidebarLinks('/building/faster-rebuilds/')).toEqual(expect.arrayContaining(['/building/how-to-build/', '/building/suggested/', '/building/faster-rebuilds/', '/building/options/']));
    // On a sibling of the open group, that group is closed: its child is not listed.
    expect(sidebarLinks('/building/options/')).not.toContain('/building/faster-rebuilds/');
    expect(sidebarLinks('/building/options/')).toContain('/building/suggested/');
    // Another section's chapters are not listed at all, only the section's name.
    expect(sidebarLinks('/tests/ci/').filter((href) => href.startsWith('/building/'))).toEqual(['/building/how-to-build/']);
  });
});

