/**
 * Code is highlighted for the light and the dark theme in one pass of the grammar (rehype-code.ts
 * pairTheme), and the result is exactly what Shiki gives when it runs both themes.
 */
import type { Element } from 'hast';
import { createHighlighter, type ThemeRegistrationResolved } from 'shiki';
import { describe, expect, it } from 'vitest';
import { COLOR_REPLACEMENTS, highlightBoth, pairTheme, THEMES } from '../../src/plugins/rehype-code.ts';

const LANGS = ['python', 'c', 'cpp', 'shellscript', 'shellsession', 'powershell', 'bat', 'diff', 'yaml', 'json', 'toml', 'ini', 'rst', 'markdown', 'html', 'css', 'js', 'ts', 'make', 'asm', 'regex', 'rust', 'xml'] as const;
const SAMPLES = [
  'def f(x: int) -> str:\n    """Doc."""\n    return f"{x!r}" if x else None  # comment',
  '#include <Python.h>\nstatic PyObject *\nspam(PyObject *self, PyObject *args) { return Py_None; }',
  '$ ./configure --with-pydebug && make -j8\n- old line\n+ new line\nkey: [1, "two", true]',
  // Underlined and struck-through tokens after white space, and runs of spaces and tabs.
  '# Title\n\nSome *italic*, **bold** and ~~gone~~ text, a <https://example.org> link,\n[ref]: https://example.org/x  "title"\n  - item  with  spaces   \na ~~gone~~ ~~ two~~\n\t\tindented',
];

/** The `<pre>` without the attributes the plugin replaces (its class and style). */
function comparable(pre: Element): Element {
  const { class: _, style: __, ...properties } = pre.properties;
  return { ...pre, properties };
}

describe('highlighting for both themes', async () => {
  const shiki = await createHighlighter({ themes: [THEMES.light, THEMES.dark], langs: [...LANGS] });

  it('finds that the two themes have the same rules, so one pass serves both', () => {
    expect(pairTheme(shiki.getTheme(THEMES.light), shiki.getTheme(THEMES.dark))).toBeDefined();
  });

  it('gives exactly what Shiki gives with both themes, in many languages', async () => {
    for (const lang of LANGS) {
      for (const code of SAMPLES) {
        const twoPasses = shiki.codeToHast(code, { lang, themes: THEMES, defaultColor: 'light-dark()', colorsRendering: 'none', colorReplacements: COLOR_REPLACEMENTS }).children[0] as Element;
        expect(comparable(await highlightBoth(shiki, code, lang)), `${lang}: ${code.slice(0, 20)}`).toEqual(comparable(twoPasses));
      }
    }
  });

  it('keeps the colour replacements made for contrast', async () => {
    const pre = await highlightBoth(shiki, 'x = 1  # a comment', 'python');
    expect(JSON.stringify(pre)).toContain('light-dark(#59636e, ');
  });

  it('runs both themes when their rules differ', () => {
    const dark = shiki.getTheme(THEMES.dark);
    const fewer: ThemeRegistrationResolved = { ...dark, settings: dark.settings.slice(0, -1) };
    expect(pairTheme(shiki.getTheme(THEMES.light), fewer)).toBeUndefined();
  });
});
