/**
 * The strings the search script shows, which the templates render into the search root's
 * `data-strings` attribute as JSON, so the strings file itself never reaches the browser.
 */
import type { Translate } from './index.ts';

const made = new WeakMap<Translate, SearchStrings>();

/** The search script's strings in `t`'s language: made once per language, as every page carries them. */
export function searchStrings(t: Translate): SearchStrings {
  let strings = made.get(t);
  if (!strings) made.set(t, (strings = stringsOf(t)));
  return strings;
}

function stringsOf(t: Translate) {
  return {
    noIndex: t('search.noIndex'),
    /** Pagefind filter → [its label, the "any" option], in the order the filters show. */
    filters: {
      section: [t('search.filter.section'), t('search.filter.section.any')],
      level: [t('search.filter.level'), t('search.filter.level.any')],
      kind: [t('search.filter.kind'), t('search.filter.kind.any')],
    } as Record<string, [label: string, any: string]>,
    expert: t('search.context.expert'),
    /** Under an area that owns the path searched for: "matches Lib/asyncio/". */
    pathMatch: t('experts.match'),
    status: t('search.status'),
    results: t.forms('search.status.results'),
    term: t('search.status.term'),
    within: t('search.status.within'),
    truncated: t('search.status.truncated'),
    /** "No results", in place of the count when nothing (really) matched. */
    none: t('search.status.none'),
    /** "Did you mean {suggestions}?": the suggestions are links, joined as the language joins alternatives. */
    suggest: t('search.suggest'),
    /** After "No results": what to try, with {home} a link to the home page. */
    hint: t('search.hint'),
    home: t('search.hint.home'),
    more: t.forms('search.more'),
  };
}

export type SearchStrings = ReturnType<typeof stringsOf>;
