/**
 * Fence languages: which language a fence's info string names, which of those the highlighter
 * (Shiki) knows, and how an unknown one is reported. Markdown imported from mdBook books, rustdoc
 * and Sphinx or GitHub docs writes languages Shiki does not call that way (`rust,ignore`, `pycon`,
 * `console`, `text`), so the names are resolved here first. The code block plugin reports each
 * fence with an unknown language; `mergeUnknownLanguages` folds those into one warning per
 * language for the whole site.
 */
import { bundledLanguagesInfo } from 'shiki/langs';
import { closest, type Diagnostic, editDistance, sortDiagnostics } from './diagnostics.ts';

/** Shown without colours; Shiki's own name for plain text. */
export const PLAIN_TEXT = 'text';

/**
 * Names Shiki does not know (or would colour wrongly) → the Shiki language to use, or `text` to
 * show the block plainly. Every other name is Shiki's own id or alias (`sh`, `bash`, `c++`, `yml`,
 * `ps`, `cmd`, `console`, `shellsession`, `diff`, `ini`, `json5` …), resolved by Shiki itself.
 * Lower case; the written name is lower-cased before the look-up.
 */
export const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  // Plain text, as highlight.js, Pygments and GitHub spell it.
  txt: PLAIN_TEXT,
  plain: PLAIN_TEXT,
  plaintext: PLAIN_TEXT,
  output: PLAIN_TEXT,
  none: PLAIN_TEXT,
  nohighlight: PLAIN_TEXT,
  'no-highlight': PLAIN_TEXT,
  // Python tracebacks (Pygments `pytb`): plain, as Shiki has no traceback grammar.
  pytb: PLAIN_TEXT,
  pytraceback: PLAIN_TEXT,
  // Diagrams: a separate plugin draws `mermaid` fences; one that reaches the highlighter stays plain.
  mermaid: PLAIN_TEXT,
  // Python: interactive sessions and doctests (`>>> ` prompts) read well coloured as Python.
  pycon: 'python',
  doctest: 'python',
  py3: 'python',
  python3: 'python',
  // Shell sessions and Windows batch, as Pygments names them.
  'shell-session': 'shellsession',
  dos: 'bat',
  doscon: 'bat',
  ps1con: 'powershell',
  // Pygments' INI lexer.
  cfg: 'ini',
  // Names GitHub (Linguist) knows and Shiki does not.
  golang: 'go',
  'shell-script': 'shellscript',
  // rustdoc and mdBook: a fence whose first word is a test attribute is Rust (```` ```no_run ````).
  ignore: 'rust',
  compile_fail: 'rust',
  should_panic: 'rust',
  no_run: 'rust',
  test_harness: 'rust',
  edition2015: 'rust',
  edition2018: 'rust',
  edition2021: 'rust',
  edition2024: 'rust',
};

/** Every name Shiki knows, id or alias → its id (`bash` → `shellscript`). */
const SHIKI_IDS = new Map<string, string>(bundledLanguagesInfo.flatMap((info) => [info.id, ...(info.aliases ?? [])].map((name) => [name, info.id] as const)));

/**
 * The language a fence's info string names, as written: its first word, up to a comma
 * (`rust,ignore` → `rust`, `python,linenos` → `python`). The rest is rustdoc's or mdBook's
 * attributes, not a language.
 */
export function infoLanguage(info: string): string {
  return info.split(',')[0]!.trim();
}

/**
 * The Shiki language id to highlight a fence with (`text` for plain), or undefined when the
 * highlighter does not know the written language. An empty name is plain text.
 */
export function highlighterLanguage(written: string): string | undefined {
  const name = written.toLowerCase();
  if (name === '' || name === PLAIN_TEXT) return PLAIN_TEXT;
  if (Object.hasOwn(LANGUAGE_ALIASES, name)) return LANGUAGE_ALIASES[name];
  return SHIKI_IDS.get(name);
}

/** Names to suggest for a misspelt language: Shiki's ids first, then their aliases, then ours. */
const SUGGESTIONS = [...new Set([PLAIN_TEXT, ...bundledLanguagesInfo.map((i) => i.id), ...SHIKI_IDS.keys(), ...Object.keys(LANGUAGE_ALIASES)])];

/** The known language closest to `written`, when one is close enough to be a typo of it. */
export function closestLanguage(written: string): string | undefined {
  const near = closest(written, SUGGESTIONS);
  // `closest` allows two edits, which turns any short unknown name into some short language.
  if (near === undefined || editDistance(written.toLowerCase(), near) > Math.max(1, Math.floor(written.length / 4))) return undefined;
  return near;
}

const UNKNOWN = /^The code block's language "(.*)" is not known to the highlighter; it is shown as plain text\.$/s;

/** The message of the `unknown-language` warning for one fence; `unknownLanguageOf` reads it back. */
export function unknownLanguageMessage(language: string): string {
  return `The code block's language "${language}" is not known to the highlighter; it is shown as plain text.`;
}

/** How to fix an unknown language: the closest known one, else where the known ones are listed. */
export function unknownLanguageHint(language: string): string {
  const near = closestLanguage(language);
  return near
    ? `Did you mean "${near}"? Otherwise write a language the highlighter knows (https://shiki.style/languages), or "text" for plain text.`
    : 'Write a language the highlighter knows, such as "sh", "python", "c" or "diff" (all of them: https://shiki.style/languages), or "text" for plain text.';
}

/** The language of a one-fence `unknown-language` diagnostic, or undefined for any other diagnostic. */
export function unknownLanguageOf(d: Diagnostic): string | undefined {
  return d.code === 'unknown-language' ? UNKNOWN.exec(d.message)?.[1] : undefined;
}

/**
 * Collapses the one-fence `unknown-language` warnings into one per language (compared without
 * case) for the whole site: it stands at the language's first fence (by file, then line), and
 * says how many code blocks in how many files use it. Every other diagnostic, a merged one
 * included, is returned as it was, in its place.
 */
export function mergeUnknownLanguages(diagnostics: Diagnostic[]): Diagnostic[] {
  const byLanguage = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const language = unknownLanguageOf(d);
    if (language === undefined) continue;
    const key = language.toLowerCase();
    byLanguage.set(key, [...(byLanguage.get(key) ?? []), d]);
  }
  const merged = new Map<Diagnostic, Diagnostic>();
  for (const uses of byLanguage.values()) {
    const first = sortDiagnostics(uses)[0]!;
    const language = unknownLanguageOf(first)!;
    const files = new Set(uses.map((d) => d.file)).size;
    const message =
      uses.length === 1
        ? first.message
        : `The language "${language}" is not known to the highlighter; ${uses.length} code blocks in ${files === 1 ? 'this file' : `${files} files`} use it (the first is here). They are shown as plain text.`;
    merged.set(first, { ...first, message, hint: unknownLanguageHint(language) });
  }
  return diagnostics.flatMap((d) => {
    if (unknownLanguageOf(d) === undefined) return [d];
    const kept = merged.get(d);
    merged.delete(d);
    return kept ? [kept] : [];
  });
}
