/**
 * The site's words live in src/i18n/en.json and nowhere else: every key the source asks for exists
 * and every key is asked for; no template writes a word of its own; the translator falls back to
 * English key by key; and site.yaml's `lang` reaches `<html lang>`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@astrojs/compiler-rs';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json' with { type: 'json' };
import { STRINGS, stringsFor, translator, type Key } from '../../src/i18n/index.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { siteConfigSchema, validate } from '../../src/lib/schema.ts';
import { parseYaml } from '../../src/lib/yaml.ts';
import { buildFixture, ROOT } from '../support/browser.ts';
import { contentFolder } from '../support/content.ts';

const SRC = path.join(ROOT, 'src');
const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|astro)$/.test(f))
  .map((f) => ({ file: `src/${f}`, text: readFileSync(path.join(SRC, f), 'utf8') }));
const keys = Object.keys(en);

/** The first argument of the call whose `(` is at `from`, skipping quoted strings and brackets. */
function firstArgument(text: string, from: number): string {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return text.slice(from + 1, i);
    else if (c === ',' && depth === 1) return text.slice(from + 1, i);
  }
  return text.slice(from + 1);
}

const KEY_LIKE = /^[a-z]\w*(?:\.\w+)+$/i;

/**
 * Every `t(…)`, `t.plural(…)`, `t.forms(…)` and `t.around(…)` call outside the translator itself:
 * the keys its first argument names, as literals (either branch of a choice) or as patterns
 * (`level.${level}`).
 */
const calls = sources
  .filter(({ file }) => !file.startsWith('src/i18n/index.'))
  .flatMap(({ file, text }) =>
    [...text.matchAll(/\bt(?:\.(plural|forms|around))?\(/g)].map((m) => {
      const key = firstArgument(text, m.index + m[0].length - 1);
      const literals = [...key.matchAll(/'([^'\n]*)'|"([^"\n]*)"/g)].map((l) => l[1] ?? l[2]!).filter((l) => KEY_LIKE.test(l));
      const patterns = [...key.matchAll(/`([^`]*\$\{[^`]*)`/g)].map((l) => new RegExp(`^${l[1]!.split(/\$\{[^}]*\}/).map((part) => part.replaceAll('.', '\\.')).join('[\\w-]+')}$`));
      return { file, plural: m[1] === 'plural' || m[1] === 'forms', literals, patterns, key };
    }),
  );
/** Quoted strings anywhere in the source (keys named in a table, such as the admonition titles). */
const quoted = new Set(sources.flatMap(({ text }) => [...text.matchAll(/'([^'\n]*)'|"([^"\n]*)"/g)].map((l) => l[1] ?? l[2]!)));
const isPluralBase = (base: string) => keys.includes(`${base}.other`);

describe('the keys of src/i18n/en.json', () => {
  it('include every key the source asks for', () => {
    const missing = calls.flatMap(({ file, plural, literals, patterns, key }) => [
      ...literals.filter((l) => !(plural ? isPluralBase(l) : keys.includes(l))).map((l) => `${file}: "${l}"`),
      ...patterns.filter((p) => !keys.some((k) => p.test(k))).map((p) => `${file}: ${p.source}`),
      // A key held in a variable is typed (Key), so tsc checks it in .ts files; templates name theirs.
      ...(literals.length || patterns.length || !file.endsWith('.astro') ? [] : [`${file}: t(${key}) names no key`]),
    ]);
    expect(calls.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('are each used somewhere in the source', () => {
    const patterns = calls.flatMap((c) => c.patterns);
    const unused = keys.filter((key) => {
      const base = key.replace(/\.(zero|one|two|few|many|other)$/, '');
      return !quoted.has(key) && !(base !== key && quoted.has(base)) && !patterns.some((p) => p.test(key));
    });
    expect(unused).toEqual([]);
  });

  it('cover every strings file: each is listed in STRINGS and holds only keys of en.json', () => {
    const files = readdirSync(path.join(SRC, 'i18n')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(Object.keys(STRINGS).sort()).toEqual(files);
    for (const lang of files) {
      const strings = JSON.parse(readFileSync(path.join(SRC, 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>;
      const strays = Object.keys(strings).filter((k) => !keys.includes(k) && !isPluralBase(k.replace(/\.\w+$/, '')));
      expect(strays, `${lang}.json`).toEqual([]);
    }
  });
});

/**
 * Attributes whose value a reader sees or hears. `data-label` is shown by CSS beside each cell of a
 * stacked table; `description` and `label` are the props that become a page's description and a
 * breadcrumb.
 */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'aria-valuetext', 'title', 'alt', 'placeholder', 'label', 'data-label', 'description']);
const LETTER = /\p{L}/u;

interface Node {
  type: string;
  start: number;
  [key: string]: unknown;
}
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** The strings an expression shows as they are: literals, template text, either branch of a choice. */
function shownStrings(node: Node): Array<{ text: string; at: number }> {
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [{ text: node.value, at: node.start }] : [];
    case 'TemplateLiteral':
      return (node.quasis as Array<Node & { value: { cooked: string } }>).map((q) => ({ text: q.value.cooked, at: q.start }));
    case 'ConditionalExpression':
      return [...shownStrings(node.consequent as Node), ...shownStrings(node.alternate as Node)];
    case 'LogicalExpression':
      return [...shownStrings(node.left as Node), ...shownStrings(node.right as Node)];
    case 'BinaryExpression':
      return node.operator === '+' ? [...shownStrings(node.left as Node), ...shownStrings(node.right as Node)] : [];
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
    case 'TSNonNullExpression':
      return shownStrings(node.expression as Node);
    case 'ArrayExpression':
      return (node.elements as Array<Node | null>).filter(isNode).flatMap(shownStrings);
    default:
      return [];
  }
}

/** Words a template writes itself, outside `t(…)`: in its text, text-bearing attributes and rendered expressions. */
function literalWords(source: string): Array<{ text: string; at: number }> {
  const found: Array<{ text: string; at: number }> = [];
  const walk = (value: unknown, parent?: Node): void => {
    if (Array.isArray(value)) return value.forEach((v) => walk(v, parent));
    if (!isNode(value)) return;
    const node = value;
    if (node.type === 'JSXElement') {
      const name = ((node.openingElement as Node).name as { name?: string }).name;
      if (name === 'script' || name === 'style') return;
    }
    if (node.type === 'JSXText') found.push({ text: String(node.value).replace(/&[#\w]+;/g, ''), at: node.start });
    if (node.type === 'JSXAttribute') {
      const name = (node.name as { name?: string }).name ?? '';
      const attr = node.value as Node | null;
      if (TEXT_ATTRIBUTES.has(name) && attr) found.push(...shownStrings(attr.type === 'JSXExpressionContainer' ? (attr.expression as Node) : attr));
    }
    if (node.type === 'JSXExpressionContainer' && parent?.type !== 'JSXAttribute') found.push(...shownStrings(node.expression as Node));
    // `items={[{ label: 'Home' }]}`: a breadcrumb's words.
    if (node.type === 'Property' && TEXT_ATTRIBUTES.has(String((node.key as { name?: string }).name))) found.push(...shownStrings(node.value as Node));
    for (const [key, child] of Object.entries(node)) if (key !== 'frontmatter') walk(child, node);
  };
  // In the frontmatter, a string of two words or more is a phrase (`{ newcomer: 'Start here…' }`).
  const phrases = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(phrases);
    if (!isNode(value) || value.type === 'ImportDeclaration') return;
    found.push(...shownStrings(value).filter(({ text }) => /\p{L}+\s+\p{L}+/u.test(text)));
    for (const child of Object.values(value)) phrases(child);
  };
  const { ast } = parse(source);
  walk(ast);
  phrases((ast as unknown as { frontmatter?: unknown }).frontmatter);
  return found.filter(({ text }) => LETTER.test(text));
}

describe('the templates', () => {
  const templates = sources.filter((s) => s.file.endsWith('.astro'));

  it('are all checked', () => {
    expect(templates.length).toBeGreaterThan(15);
  });

  it('write no word of their own: every text and label comes from t(…)', () => {
    const lineOf = (text: string, at: number) => text.slice(0, at).split('\n').length;
    const literals = templates.flatMap(({ file, text }) => literalWords(text).map((w) => `${file}:${lineOf(text, w.at)} ${JSON.stringify(w.text.trim())}`));
    expect(literals).toEqual([]);
  });

  it('would be caught writing one, in text, an attribute, an expression or a breadcrumb', () => {
    const source = `---\nimport x from 'a b';\nconst a = { one: 'A phrase', two: 'word' };\n---\n<p title="Hello">Hi <b>there</b> {a ? 'yes' : '—'}</p><Crumbs items={[{ label: 'Home' }]} /><script>console.log('ignored')</script><p>&amp; / · # {'—'}</p>`;
    expect(literalWords(source).map((w) => w.text.trim())).toEqual(['Hello', 'Hi', 'there', 'yes', 'Home', 'A phrase']);
  });
});

describe('the translator', () => {
  it('takes each key from the language strings it has, and the rest from English', () => {
    const t = translator('de', { 'nav.home': 'Startseite', 'heading.link': 'Link zu diesem Abschnitt: {heading}' });
    expect(t('nav.home')).toBe('Startseite');
    expect(t('layout.menu')).toBe('Menu');
    expect(t('heading.link', { heading: 'Tests' })).toBe('Link zu diesem Abschnitt: Tests');
    expect(t('table.label.heading', { heading: 'Options' })).toBe('Table: Options');
  });

  it('replaces each {name} once, leaving unknown names and braces in the values as they are', () => {
    const t = translator('en');
    expect(t('person.heading', { name: 'Ada {handle}', handle: 'ada' })).toBe('Ada {handle} (@ada)');
    expect(t('search.context.expert')).toBe('Experts · {kind}');
    expect(t.around('experts.seeAlso', 'guides')).toEqual(['See also: ', '.']);
  });

  it("chooses plural forms by the language's rules, falling back to the language's own other form", () => {
    const t = translator('en');
    expect([0, 1, 2].map((n) => t.plural('count.guides', n))).toEqual(['0 guides', '1 guide', '2 guides']);
    const pl = translator('pl', { 'count.guides.one': '{count} przewodnik', 'count.guides.few': '{count} przewodniki', 'count.guides.other': '{count} przewodników' });
    expect([1, 3, 5].map((n) => pl.plural('count.guides', n))).toEqual(['1 przewodnik', '3 przewodniki', '5 przewodników']);
    expect(pl.forms('count.areas')).toMatchObject({ one: '{count} area', few: '{count} areas', other: '{count} areas' });
  });

  it('throws on a key en.json lacks (a type error where the key is written out)', () => {
    expect(() => translator('en')('no.such.key' as Key)).toThrow('There is no string "no.such.key" in src/i18n/en.json.');
  });

  it('uses English for a language with no strings file, and a region falls back to its language', () => {
    expect(stringsFor('fr')).toEqual({});
    expect(stringsFor('EN-gb')).toBe(STRINGS.en);
    expect(translator('fr')('layout.skipLink')).toBe('Skip to content');
  });

  it('writes dates in the language, day first for plain English', () => {
    expect(translator('en').date('2026-11-21')).toBe('21 November 2026');
    expect(translator('de').date('2026-11-21')).toBe('21. November 2026');
  });
});

describe('site.yaml lang', () => {
  const config = { title: 'T', sections: [{ id: 'a', label: 'A' }] };

  it('defaults to English and accepts any BCP 47 tag, but not a locale written with an underscore', () => {
    expect(siteConfigSchema.parse(config).lang).toBe('en');
    expect(siteConfigSchema.parse({ ...config, lang: 'pt-BR' }).lang).toBe('pt-BR');
    const file = 'site.yaml';
    const { diagnostics } = validate(siteConfigSchema, parseYaml('title: T\nlang: en_GB\nsections:\n  - id: a\n    label: A\n', file), file, 'invalid-site-config');
    expect(diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'site.yaml:2:7  error  invalid-site-config\n  "lang" is "en_GB", which is not a BCP 47 language tag.\n  Fix: Write a tag such as "en", "fr" or "pt-BR": the language, then any region, joined by a hyphen.',
    ]);
  });

  it('sets <html lang> on every page, with English words where the language has none', () => {
    const content = contentFolder({
      'site.yaml': 'title: Test\nlang: de\nsections:\n  - id: tasks\n    label: Tasks\n',
      'guides/tasks/first.md': '---\nlevel: newcomer\n---\n# First\n\n## Steps\n\nText.\n\n## More\n\nText.\n',
    });
    const built = buildFixture(content);
    expect(built.status, built.stderr).toBe(0);
    for (const file of ['index.html', 'tasks/first/index.html', '404.html']) {
      const html = readFileSync(path.join(built.out, file), 'utf8');
      expect(html, file).toContain('<html lang="de">');
      expect(html, file).toContain('>Skip to content</a>');
    }
  }, 120_000);
});
