/**
 * Highlights fenced code at build time with Shiki, in a light and a dark theme at once (one pass
 * of the grammar serves both, see pairTheme), so the browser runs no highlighter. Token colours
 * become classes (`tl-0a3069 td-a5d6ff`, see src/lib/code-colors.ts) rather than style
 * attributes, so a strict CSP needs no 'unsafe-inline'; the page's `color-scheme` picks the light
 * or dark one. The fence's meta adds a title (`title="setup.sh"`), highlighted lines (`{2,4-5}`)
 * and inserted / deleted lines (`ins={3}` `del={2}`). The copy button is added by the page script.
 * Which language a fence names (`rust,ignore` is Rust, `pycon` Python, `output` plain) is decided
 * in src/lib/unknown-languages.ts; an unknown one is shown plainly with one warning per fence.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { type BundledLanguage, createHighlighter, type Highlighter, type ShikiTransformer, type ThemeRegistrationResolved } from 'shiki';
import { visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';
import { type Palette, tokenClasses } from '../lib/code-colors.ts';
import { report } from '../lib/report.ts';
import { highlighterLanguage, infoLanguage, PLAIN_TEXT, unknownLanguageHint, unknownLanguageMessage } from '../lib/unknown-languages.ts';

export interface Options {
  /** A ready highlighter; one is created (once per processor) when absent. */
  highlighter?: Highlighter;
}

export const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/**
 * Colours changed for WCAG AA: the light theme's comment grey (#6e7781) reads at 4.3:1 on the code
 * background and below 4.5 on highlighted lines; #59636e reads at 5.3:1 or better on all of them.
 */
export const COLOR_REPLACEMENTS: Record<string, Record<string, string>> = { [THEMES.light]: { '#6e7781': '#59636e' } };

export interface CodeMeta {
  title?: string;
  highlight: Set<number>;
  ins: Set<number>;
  del: Set<number>;
  /** Other `key="value"` pairs, e.g. `commit="good"`. */
  attributes: Record<string, string>;
}

function lineSet(spec: string): Set<number> {
  const lines = new Set<number>();
  for (const part of spec.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!m) continue;
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let i = from; i <= Math.min(to, from + 10_000); i++) lines.add(i);
  }
  return lines;
}

/** Parses a fence's meta string: `title="x" {1,3-4} ins={5} del={6} commit="good"`. */
export function parseCodeMeta(meta: string | undefined | null): CodeMeta {
  const result: CodeMeta = { highlight: new Set(), ins: new Set(), del: new Set(), attributes: {} };
  if (!meta) return result;
  // A quoted value ends at a quote followed by a space or the end, so it may hold quotes itself:
  // Markdown has already turned `title="say \"hi\""` into `title="say "hi""`.
  const pattern = /(?:([\w-]+)=)?(?:"(.*?)"(?=\s|$)|'(.*?)'(?=\s|$)|\{([^}]*)\}|(\S+))/g;
  for (const m of meta.matchAll(pattern)) {
    const key = m[1];
    const value = m[2] ?? m[3] ?? m[5] ?? '';
    const braces = m[4];
    if (!key && braces !== undefined) for (const n of lineSet(braces)) result.highlight.add(n);
    else if (key === 'ins' && braces !== undefined) result.ins = lineSet(braces);
    else if (key === 'del' && braces !== undefined) result.del = lineSet(braces);
    else if (key === 'title') result.title = value;
    else if (key) result.attributes[key] = braces ?? value;
  }
  return result;
}

function lineMarks(meta: CodeMeta): ShikiTransformer {
  return {
    name: 'devguide:line-marks',
    line(node, line) {
      if (meta.highlight.has(line)) this.addClassToHast(node, 'hl');
      if (meta.ins.has(line)) this.addClassToHast(node, 'ins');
      if (meta.del.has(line)) this.addClassToHast(node, 'del');
    },
  };
}

/** Every colour a resolved Shiki theme can give a token, for src/styles/code-colors.css. */
export function themePalette(theme: ThemeRegistrationResolved): Palette {
  const replace = (color: string) => COLOR_REPLACEMENTS[theme.name]?.[color.toLowerCase()] ?? color;
  const colors = theme.settings.flatMap((s) => (s.settings?.foreground ? [replace(s.settings.foreground)] : []));
  return { fg: replace(theme.fg), colors: [replace(theme.fg), ...colors] };
}

/** The made-up theme that highlights for both THEMES in one pass (pairTheme). */
const PAIRS_THEME = 'devguide-light-dark';

/** A theme for one pass, and what each of its colours stands for: a token's `light-dark(…)` colour. */
export interface PairTheme {
  theme: ThemeRegistrationResolved;
  colors: Map<string, string>;
}

/**
 * One pass for two themes. Shiki's two-theme highlighting runs the grammar once per theme (twice
 * the time of one, measured on the bundled guide's code). When both themes have the same rules
 * (the same scopes, font styles and order, as github-light-default and github-dark-default do),
 * the same rule colours a token in both, and a token ends where it would end in either. So a
 * theme with those rules, whose colour for each rule stands for its pair of colours, splits the
 * code exactly as the two themes do, and each made-up colour gives back `light-dark(light, dark)`
 * with the same colour replacements. Undefined when the rules differ: then Shiki runs both.
 */
export function pairTheme(light: ThemeRegistrationResolved, dark: ThemeRegistrationResolved): PairTheme | undefined {
  const rules = (t: ThemeRegistrationResolved) => JSON.stringify(t.settings.map((s) => [s.scope ?? null, s.settings?.fontStyle ?? null, Boolean(s.settings?.foreground)]));
  if (rules(light) !== rules(dark)) return undefined;
  const colors = new Map<string, string>();
  const made = new Map<string, string>();
  // As Shiki writes them: the grammar's colour map upper-cases, a replacement is used as given.
  const color = (theme: string, value: string) => COLOR_REPLACEMENTS[theme]?.[value.toLowerCase()] ?? value.toUpperCase();
  const pair = (l: string, d: string) => {
    const value = `light-dark(${color(light.name, l)}, ${color(dark.name, d)})`;
    let hex = made.get(value);
    if (!hex) {
      hex = `#${(made.size + 1).toString(16).padStart(6, '0')}`;
      made.set(value, hex);
      colors.set(hex, value);
    }
    return hex;
  };
  const settings = light.settings.map((s, i) => (s.settings?.foreground ? { ...s, settings: { ...s.settings, foreground: pair(s.settings.foreground, dark.settings[i]!.settings!.foreground!) } } : s));
  return { theme: { ...light, name: PAIRS_THEME, settings, fg: pair(light.fg, dark.fg) }, colors };
}

/**
 * Turns one-pass output into Shiki's two-theme output: each token's made-up colour becomes its
 * `light-dark(…)` colour (font styles are left out, as Shiki leaves them out with
 * `colorsRendering: 'none'`), and a token of only white space joins the next one, as Shiki joins
 * them when tokens carry two themes' colours (with one, it keeps a space before an underlined
 * token apart).
 */
function asTwoThemes(pre: Element, colors: ReadonlyMap<string, string>): void {
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  for (const line of code?.children ?? []) {
    if (line.type !== 'element') continue;
    const tokens = line.children;
    for (let i = 0; i < tokens.length - 1; i++) {
      const token = tokens[i]!;
      const next = tokens[i + 1]!;
      const text = token.type === 'element' && token.children.length === 1 && token.children[0]!.type === 'text' ? token.children[0]!.value : undefined;
      if (text === undefined || !/^\s+$/.test(text) || next.type !== 'element' || next.children[0]?.type !== 'text') continue;
      next.children[0].value = text + next.children[0].value;
      tokens.splice(i--, 1);
    }
    for (const token of tokens) {
      if (token.type !== 'element' || typeof token.properties.style !== 'string') continue;
      const made = /(?:^|;)color:(#[0-9a-f]{6})/i.exec(token.properties.style)?.[1];
      const value = made && colors.get(made.toLowerCase());
      if (value) token.properties.style = `color:${value}`;
    }
  }
}

/** The one-pass theme of each highlighter, loaded into it once. */
const pairThemes = new WeakMap<Highlighter, Promise<PairTheme | undefined>>();

function pairThemeOf(shiki: Highlighter): Promise<PairTheme | undefined> {
  let pairs = pairThemes.get(shiki);
  if (!pairs) {
    const made = pairTheme(shiki.getTheme(THEMES.light), shiki.getTheme(THEMES.dark));
    pairs = made ? shiki.loadTheme(made.theme).then(() => made) : Promise.resolve(undefined);
    pairThemes.set(shiki, pairs);
  }
  return pairs;
}

/**
 * Highlights `source` in both THEMES: Shiki's `<pre>`, each token's style `color:light-dark(…)`.
 * One pass of the grammar when the themes allow it (pairTheme), else Shiki's two.
 */
export async function highlightBoth(shiki: Highlighter, source: string, lang: string, transformers: ShikiTransformer[] = []): Promise<Element> {
  const pairs = lang === PLAIN_TEXT ? undefined : await pairThemeOf(shiki);
  if (!pairs) {
    const root = shiki.codeToHast(source, { lang, themes: THEMES, defaultColor: 'light-dark()', colorsRendering: 'none', colorReplacements: COLOR_REPLACEMENTS, transformers });
    return root.children[0] as Element;
  }
  const pre = shiki.codeToHast(source, { lang, theme: PAIRS_THEME, transformers }).children[0] as Element;
  asTwoThemes(pre, pairs.colors);
  return pre;
}

/** Replaces each token's style attribute with classes, where the style is one `tokenClasses` knows. */
function styleToClasses(root: Element): void {
  visit(root, 'element', (node: Element) => {
    const style = node.properties.style;
    if (typeof style !== 'string') return;
    const classes = tokenClasses(style);
    if (!classes) return;
    delete node.properties.style;
    const existing = (node.properties.className as string[] | undefined) ?? [];
    node.properties.className = [...existing, ...classes];
  });
}

/** Shiki ids of shells, whose blocks get `data-shell` so the copy button leaves out prompts and output. */
const SHELL = new Set(['shellscript', 'shellsession', 'powershell', 'bat']);

/** rehype plugin: Shiki highlighting with titles and line marks. */
export default function rehypeCode(options: Options = {}) {
  let highlighter: Promise<Highlighter> | undefined = options.highlighter ? Promise.resolve(options.highlighter) : undefined;
  const getHighlighter = () => (highlighter ??= createHighlighter({ themes: [THEMES.light, THEMES.dark], langs: [] }));
  return async (tree: Root, file: VFile) => {
    const blocks: Array<{ pre: Element; code: Element; index: number; parent: Element | Root }> = [];
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      if (code) blocks.push({ pre: node, code, index, parent: parent as Element | Root });
    });
    if (!blocks.length) return;
    const shiki = await getHighlighter();
    for (const { pre, code, index, parent } of blocks) {
      const className = (code.properties.className as string[] | undefined) ?? [];
      const declared = infoLanguage(className.find((c) => c.startsWith('language-'))?.slice('language-'.length) ?? '');
      const meta = parseCodeMeta(code.properties.dataMeta as string | undefined);
      let lang = highlighterLanguage(declared);
      if (lang === undefined) {
        report(file, 'unknown-language', pre, unknownLanguageMessage(declared), unknownLanguageHint(declared), 'warning');
        lang = PLAIN_TEXT;
      } else if (lang !== PLAIN_TEXT && !shiki.getLoadedLanguages().includes(lang)) {
        await shiki.loadLanguage(lang as BundledLanguage);
      }
      const source = toString(code).replace(/\n$/, '');
      const highlighted = await highlightBoth(shiki, source, lang, [lineMarks(meta)]);
      delete highlighted.properties.class;
      highlighted.properties.className = ['shiki'];
      delete highlighted.properties.style;
      styleToClasses(highlighted);
      const wrapperChildren: ElementContent[] = [];
      if (meta.title) {
        wrapperChildren.push({ type: 'element', tagName: 'div', properties: { className: ['code-title'] }, children: [{ type: 'text', value: meta.title }] });
      }
      wrapperChildren.push(highlighted);
      const properties: Element['properties'] = { className: ['code'], dataLang: declared || 'text' };
      if (SHELL.has(lang)) properties.dataShell = '';
      for (const [key, value] of Object.entries(meta.attributes)) properties[`data-${key}`] = value;
      (parent.children as ElementContent[])[index] = {
        type: 'element',
        tagName: 'div',
        properties,
        children: wrapperChildren,
        position: pre.position,
      };
    }
  };
}
