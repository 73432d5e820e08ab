/**
 * Every string the built site shows, by key. `src/i18n/en.json` is the complete set; the strings
 * file of another language (`src/i18n/<lang>.json`, registered in `STRINGS` below) may hold any part
 * of it, and each missing key falls back to English on its own. site.yaml's `lang` picks the file.
 */
import en from './en.json' with { type: 'json' };

/** A key of en.json: anything else is a type error, and throws at run time. */
export type Key = keyof typeof en;

/** Keys with plural forms (`count.guides.one`, `count.guides.other` …), without the form. */
export type PluralKey = { [K in Key]: K extends `${infer Base}.other` ? Base : never }[Key];

export type Vars = Readonly<Record<string, string | number>>;

/** A strings file: some or all of en.json's keys, and plural forms English lacks (`….few`). */
export type Strings = Readonly<Partial<Record<Key, string>> & Record<string, string>>;

/**
 * The strings file of each language. A file is read by the build only when it is listed here
 * (test/i18n/strings.test.ts fails for one that is not).
 */
export const STRINGS: Readonly<Record<string, Strings>> = { en };

/** The text in each plural form the language has (`one`, `other`, and `few`, `many` … where used). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Translate {
  /** The text of `key` in the site's language, with each `{name}` replaced from `vars`. */
  (key: Key, vars?: Vars): string;
  /** The plural form of `key` for `count` (`{count}` is replaced too). */
  plural(key: PluralKey, count: number, vars?: Vars): string;
  /** Every plural form of `key`, for a browser script that picks one itself. */
  forms(key: PluralKey): PluralForms;
  /**
   * The text of `key` split at its `{name}` placeholder, for templates that put markup there:
   * `[before, after]`.
   */
  around(key: Key, name: string, vars?: Vars): [before: string, after: string];
  /** An ISO date written out in the site's language ("21 November 2026" in English). */
  date(iso: string): string;
}

const has = (strings: Strings, key: string): key is Key => Object.hasOwn(strings, key);

/** The strings file for a BCP 47 tag: the tag's own (any case), else its language's, else none. */
export function stringsFor(lang: string): Strings {
  const tags = Object.keys(STRINGS);
  const find = (tag: string) => tags.find((t) => t.toLowerCase() === tag.toLowerCase());
  const found = find(lang) ?? find(lang.split('-')[0]!);
  return found ? STRINGS[found]! : {};
}

/** Replaces each `{name}` whose name is in `vars`; other braces are left as written. */
export function interpolate(text: string, vars: Vars): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}

/**
 * The site's strings in `lang`: from `strings` (by default the language's strings file), each key
 * it lacks from English. A key English lacks throws, so a typo fails the build and the tests.
 */
const translators = new Map<string, Translate>();

/**
 * The translator for `lang` (with `strings` in place of its strings file, for tests). Every
 * component of every page asks for one, so a language's translator is made once.
 */
export function translator(lang = 'en', strings?: Strings): Translate {
  if (strings) return makeTranslator(lang, strings);
  let made = translators.get(lang);
  if (!made) translators.set(lang, (made = makeTranslator(lang, stringsFor(lang))));
  return made;
}

function makeTranslator(lang: string, strings: Strings): Translate {
  const own = (key: string): string | undefined => (has(strings, key) ? strings[key] : undefined);
  const lookup = (key: string): string | undefined => own(key) ?? (has(en, key) ? en[key] : undefined);
  let rules: Intl.PluralRules | undefined;
  const pluralRules = () => (rules ??= new Intl.PluralRules(lang));

  const t = ((key: Key, vars?: Vars) => {
    const text = lookup(key);
    if (text === undefined) throw new Error(`There is no string "${key}" in src/i18n/en.json.`);
    return vars ? interpolate(text, vars) : text;
  }) as Translate;

  // A form the translation lacks falls back to its own `other` before English's, so a sentence
  // stays in one language.
  const form = (key: string, category: string): string => own(`${key}.${category}`) ?? own(`${key}.other`) ?? lookup(`${key}.${category}`) ?? t(`${key}.other` as Key);

  t.plural = (key, count, vars = {}) => interpolate(form(key, pluralRules().select(count)), { count, ...vars });
  // Asked for by every page (the search dialog's strings): each key's forms are worked out once.
  const allForms = new Map<string, PluralForms>();
  t.forms = (key) => {
    let forms = allForms.get(key);
    if (!forms) allForms.set(key, (forms = Object.freeze(Object.fromEntries(pluralRules().resolvedOptions().pluralCategories.map((c) => [c, form(key, c)])) as PluralForms)));
    return forms;
  };
  t.around = (key, name, vars) => {
    const [before = '', ...after] = t(key, vars).split(`{${name}}`);
    return [before, after.join(`{${name}}`)];
  };
  // A bare "en" writes dates day first, as the guide always has; other tags follow their locale.
  let dates: Intl.DateTimeFormat | undefined;
  t.date = (iso) => (dates ??= new Intl.DateTimeFormat(lang.toLowerCase() === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(new Date(iso));
  return t;
}
