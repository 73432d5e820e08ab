import { describe, expect, it } from 'vitest';
import { type Diagnostic, diagnostic, formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { highlighterLanguage, infoLanguage, mergeUnknownLanguages, unknownLanguageHint, unknownLanguageMessage, unknownLanguageOf } from '../../src/lib/unknown-languages.ts';
import { createMarkdownProcessor, renderPage } from '../../src/render/markdown.ts';

/** The warning rehype-code gives for one fence, as it gives it. */
const fence = (language: string, file: string, line: number) =>
  diagnostic('unknown-language', file, { line, column: 1 }, unknownLanguageMessage(language), unknownLanguageHint(language), 'warning');

describe('fence languages', () => {
  it('takes the first word before a comma as the language', () => {
    expect(infoLanguage('rust,ignore')).toBe('rust');
    expect(infoLanguage('rust,no_run,edition2021')).toBe('rust');
    expect(infoLanguage('python')).toBe('python');
  });

  it('resolves Shiki names, the alias table and plain-text names, and nothing else', () => {
    expect(highlighterLanguage('bash')).toBe('shellscript');
    expect(highlighterLanguage('pycon')).toBe('python');
    expect(highlighterLanguage('no_run')).toBe('rust');
    expect(highlighterLanguage('Output')).toBe('text');
    expect(highlighterLanguage('golang')).toBe('go');
    expect(highlighterLanguage('Golang')).toBe('go');
    expect(highlighterLanguage('shell-script')).toBe('shellscript');
    expect(highlighterLanguage('')).toBe('text');
    expect(highlighterLanguage('nosuchlang')).toBeUndefined();
    expect(highlighterLanguage('constructor')).toBeUndefined();
  });

  it('reads the language back from the warning, however odd its characters', () => {
    for (const language of ['foo', 'a"b', 'x; it is shown', '']) {
      expect(unknownLanguageOf(fence(language, 'a.md', 1))).toBe(language);
    }
    expect(unknownLanguageOf(diagnostic('broken-link', 'a.md', { line: 1, column: 1 }, unknownLanguageMessage('foo')))).toBeUndefined();
  });

  it('suggests the closest language for a typo, and none for a short name that is not one', () => {
    expect(unknownLanguageHint('pyton')).toMatch(/^Did you mean "python"\?/);
    expect(unknownLanguageHint('qqq')).not.toMatch(/Did you mean/);
  });
});

describe('mergeUnknownLanguages', () => {
  it('gives one warning per language at its first fence, with the number of blocks and files', () => {
    const merged = mergeUnknownLanguages([fence('nosuchlang', 'b.md', 3), fence('nosuchlang', 'a.md', 9), fence('nosuchlang', 'a.md', 2), fence('nosuchlang', 'c.md', 1)]);
    expect(merged.map((d) => formatDiagnostic(d))).toEqual([
      'a.md:2:1  warning  unknown-language\n' +
        '  The language "nosuchlang" is not known to the highlighter; 4 code blocks in 3 files use it (the first is here). They are shown as plain text.\n' +
        '  Fix: Write a language the highlighter knows, such as "sh", "python", "c" or "diff" (all of them: https://shiki.style/languages), or "text" for plain text.',
    ]);
  });

  it('says "this file" when every use is in one file, and names the closest language', () => {
    const [merged] = mergeUnknownLanguages([fence('pyton', 'a.md', 1), fence('pyton', 'a.md', 5)]);
    expect(merged!.message).toContain('2 code blocks in this file use it');
    expect(merged!.hint).toMatch(/^Did you mean "python"\?/);
  });

  it('keeps a language used once as it was', () => {
    const once = fence('foo', 'a.md', 4);
    expect(mergeUnknownLanguages([once])).toEqual([once]);
  });

  it('keeps two languages apart, and counts a language written in two cases as one', () => {
    const merged = mergeUnknownLanguages([fence('foo', 'a.md', 1), fence('bar', 'a.md', 2), fence('Foo', 'a.md', 3), fence('bar', 'b.md', 1)]);
    expect(merged.map((d) => [d.line, d.message.match(/"(\w+)".*; (\d+) code blocks/)?.slice(1)])).toEqual([
      [1, ['foo', '2']],
      [2, ['bar', '2']],
    ]);
  });

  it('leaves every other diagnostic untouched and in its place', () => {
    const link = diagnostic('broken-link', 'a.md', { line: 5, column: 3 }, 'Link "/x/" points to no page.');
    const other: Diagnostic = { ...fence('foo', 'z.md', 1), message: 'A message in some older format.' };
    const merged = mergeUnknownLanguages([fence('foo', 'a.md', 9), link, fence('foo', 'a.md', 1), other]);
    expect(merged[0]).toBe(link);
    expect(merged[1]!.line).toBe(1);
    expect(merged[2]).toBe(other);
    expect(merged).toHaveLength(3);
  });

  it('merges the warnings the real pipeline gives for two pages', async () => {
    const processor = createMarkdownProcessor();
    const pages = await Promise.all([
      renderPage(processor, { file: 'guides/a.md', body: '```nosuchlang\none\n```\n\n```nosuchlang,ignore\ntwo\n```\n' }),
      renderPage(processor, { file: 'guides/b.md', body: '# B\n\n```nosuchlang\nthree\n```\n' }),
    ]);
    const diagnostics = pages.flatMap((p) => p.diagnostics);
    expect(diagnostics).toHaveLength(3);
    const merged = mergeUnknownLanguages(diagnostics);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ file: 'guides/a.md', line: 1, column: 1, severity: 'warning' });
    expect(merged[0]!.message).toContain('"nosuchlang" is not known to the highlighter; 3 code blocks in 2 files use it');
  });
});
