/**
 * The query sets: realistic queries run against a built site's real index, the way the browser runs
 * them, scored by whether the page that answers each comes first and within the top three.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { openSearch, type Answer, type SiteSearch } from '../support/pagefind.ts';

interface Query {
  q: string;
  best?: string;
  top3?: string[];
  none?: boolean;
}

interface Outcome {
  query: Query;
  answer: Answer;
  /** The suggestion followed, when the typed words did not put the answer first. */
  via?: string;
  bestFirst: boolean;
  inTopThree: boolean;
}

/** Best first when `best` leads; in the top three when it is there and only acceptable pages lead it. */
function score(query: Query, answer: Answer, via?: string): Outcome {
  if (query.none) return { query, answer, via, bestFirst: answer.count === 0, inTopThree: answer.count === 0 };
  const rank = answer.urls.indexOf(query.best!);
  const acceptable = new Set(query.top3 ?? []);
  return { query, answer, via, bestFirst: rank === 0, inTopThree: rank >= 0 && rank < 3 && answer.urls.slice(0, rank).every((u) => acceptable.has(u)) };
}

/**
 * A reader's result for `query`: what the search shows, or, when that does not put the answer
 * first and the search offers "did you mean", what its first suggestion shows.
 */
async function outcome(search: SiteSearch, query: Query): Promise<Outcome> {
  const typed = score(query, await search.search(query.q));
  const suggestion = typed.answer.suggestions[0];
  if (typed.bestFirst || !suggestion) return typed;
  const followed = score(query, await search.search(suggestion), suggestion);
  const rank = (o: Outcome) => (o.bestFirst ? 2 : o.inTopThree ? 1 : 0);
  return rank(followed) > rank(typed) ? followed : typed;
}

/** "best first 37/42 (88%), in top three 42/42", then one line per query not answered first. */
function report(outcomes: readonly Outcome[]): string {
  const n = outcomes.length;
  const first = outcomes.filter((o) => o.bestFirst).length;
  const three = outcomes.filter((o) => o.inTopThree).length;
  const lines = [`best first ${first}/${n} (${Math.round((100 * first) / n)}%), in top three ${three}/${n}`];
  for (const o of outcomes) {
    const { q, best, none } = o.query;
    const via = o.via ? ` (via "did you mean ${o.via}")` : '';
    if (o.bestFirst) {
      if (o.via) lines.push(`  first${via}  "${q}"`);
      continue;
    }
    const got = o.answer.urls.slice(0, 3).map((u, i) => `${i + 1}. ${u}`).join('  ') || 'no results';
    const rank = o.answer.urls.indexOf(best!);
    const wanted = none ? `expected no results, got ${o.answer.count}` : `expected ${best} ${rank >= 0 ? `at #${rank + 1}` : 'not in the first 12'}`;
    lines.push(`  ${o.inTopThree ? 'top three' : 'MISS'}${via}  "${q}": ${wanted}; got ${got}`);
  }
  return lines.join('\n');
}

/** Whether `url` is a page of the built site, or an id on one (an experts row). */
function existsInSite(out: string, url: string): boolean {
  const [pathname, id] = url.split('#') as [string, string | undefined];
  const file = path.join(out, pathname, 'index.html');
  return existsSync(file) && (!id || readFileSync(file, 'utf8').includes(`id="${id}"`));
}

/**
 * The scores each set must reach. Issue 13's target is 90 % first and every answer in the top
 * three; the bundled guide is held to the score it reaches today (57/60 first, 60/60 in the top
 * three), so a change that ranks worse fails. The queries were written before any tuning and are
 * not edited to pass.
 */
const sets = [
  { site: 'the bundled guide', file: 'queries.yaml', out: () => inject('guideOut'), min: 40, first: 57 / 60, topThree: 1 },
  { site: 'the basic fixture', file: 'basic-queries.yaml', out: () => inject('basicOut'), min: 5, first: 0.9, topThree: 1 },
];

describe.each(sets)('the query set for $site', ({ site, file, out, min, first, topThree }) => {
  const { queries } = parse(readFileSync(path.join(import.meta.dirname, file), 'utf8')) as { queries: Query[] };
  let search: SiteSearch;
  beforeAll(async () => {
    search = await openSearch(out());
  });
  afterAll(async () => {
    await search?.close();
  });

  it('has enough queries, each naming pages the site has', () => {
    expect(queries.length).toBeGreaterThanOrEqual(min);
    const unknown = queries.flatMap((q) => (q.none ? [] : [q.best!, ...(q.top3 ?? [])])).filter((url) => !existsInSite(out(), url));
    expect(unknown).toEqual([]);
  });

  it('puts the answer first, and within the top three, at least as often as its floor', async () => {
    const outcomes: Outcome[] = [];
    for (const query of queries) outcomes.push(await outcome(search, query));
    const text = report(outcomes);
    console.log(`Search quality on ${site}: ${text}`);
    expect(outcomes.filter((o) => o.inTopThree).length / outcomes.length, text).toBeGreaterThanOrEqual(topThree - 1e-9);
    expect(outcomes.filter((o) => o.bestFirst).length / outcomes.length, text).toBeGreaterThanOrEqual(first - 1e-9);
  });
});
