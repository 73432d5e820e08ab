import { readFileSync, writeFileSync } from 'node:fs';
import { createHighlighter } from 'shiki';
import { describe, expect, it } from 'vitest';
import { codeColorsCss, tokenClasses } from '../../src/lib/code-colors.ts';
import { COLOR_REPLACEMENTS, THEMES, themePalette } from '../../src/plugins/rehype-code.ts';

const STYLESHEET = new URL('../../src/styles/code-colors.css', import.meta.url);
const LANGS = ['python', 'c', 'sh', 'diff', 'yaml', 'json', 'rst', 'toml', 'ini', 'html', 'js', 'ts', 'md', 'make', 'powershell', 'bat', 'asm', 'regex', 'cpp', 'rust', 'css'] as const;

describe('tokenClasses', () => {
  it('turns a light-dark colour into one class per theme', () => {
    expect(tokenClasses('color:light-dark(#0A3069, #A5D6FF)')).toEqual(['tl-0a3069', 'td-a5d6ff']);
  });

  it('turns a single colour into the same colour for both themes', () => {
    expect(tokenClasses('color:#24292F')).toEqual(['tl-24292f', 'td-24292f']);
  });

  it('turns font styles into their classes', () => {
    expect(tokenClasses('color:light-dark(#111111, #EEEEEE);font-style:italic;font-weight:bold')).toEqual(['tl-111111', 'td-eeeeee', 'ti', 'tb']);
  });

  it('leaves a style it does not know alone', () => {
    expect(tokenClasses('color:red')).toBeUndefined();
    expect(tokenClasses('background:#fff')).toBeUndefined();
    expect(tokenClasses('color:light-dark(#111111, #EEEEEE);position:fixed')).toBeUndefined();
  });
});

describe('src/styles/code-colors.css', async () => {
  const highlighter = await createHighlighter({ themes: [THEMES.light, THEMES.dark], langs: [...LANGS] });
  const css = codeColorsCss(themePalette(highlighter.getTheme(THEMES.light)), themePalette(highlighter.getTheme(THEMES.dark)));

  it('is what the two themes generate (UPDATE_FIXTURES=1 rewrites it)', () => {
    if (process.env.UPDATE_FIXTURES) writeFileSync(STYLESHEET, css);
    expect(readFileSync(STYLESHEET, 'utf8')).toBe(css);
  });

  it('has a rule for every colour Shiki gives a token, in many languages', () => {
    const sample = [
      'def f(x: int) -> str:\n    """Doc."""\n    return f"{x!r}" if x else None  # comment',
      '#include <Python.h>\nstatic PyObject *\nspam(PyObject *self, PyObject *args) { return Py_None; }',
      '$ ./configure --with-pydebug && make -j8\n- old line\n+ new line\nkey: [1, "two", true]',
    ];
    const unknown = new Set<string>();
    for (const lang of LANGS) {
      for (const code of sample) {
        const html = highlighter.codeToHtml(code, { lang, themes: THEMES, defaultColor: 'light-dark()', colorsRendering: 'none', colorReplacements: COLOR_REPLACEMENTS });
        for (const [, style] of html.matchAll(/<span style="([^"]*)"/g)) {
          const classes = tokenClasses(style!);
          if (!classes) unknown.add(`${lang}: ${style}`);
          for (const c of classes ?? []) if (/^t[ld]-/.test(c) && !css.includes(`.${c} `)) unknown.add(`${lang}: ${c}`);
        }
      }
    }
    expect([...unknown]).toEqual([]);
  });
});
