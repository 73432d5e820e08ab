/**
 * The options the browser passes to Pagefind's `options()`: shared by the search UI
 * (src/scripts/search.ts) and the query-set test (test/search/queries.test.ts), so the ranking the
 * test scores is the ranking readers get. The values were chosen by scoring
 * test/search/queries.yaml. Pagefind's defaults hold for the rest: termSaturation 1 put one answer
 * fewer first (2 the same), termFrequency 0.5 one fewer, and a title weight of 1 instead of 5
 * lost a person's page to the rows that list them. Scored again once queries lost their stop words
 * and numbers matched whole words (search-words.ts): termSimilarity 5 or 7, pageLength 0.2 or
 * 0.4 and termSaturation 1.6 or 2 score the same; a title weight of 1.5 or 1.75 puts one answer
 * more first, but 1.25 loses a person's page and 2.5 gains nothing, too narrow a peak to trust.
 */
export const SEARCH_OPTIONS = {
  excerptLength: 24,
  ranking: {
    /**
     * Pagefind matches every indexed word that starts with a typed word, scaling each by how close
     * its length is: e^(s·(e^(-d²/8) − 1)) for a word d − 1 letters longer. At 6 (default 1) an
     * exact word counts 5 times a word one letter longer and 28 times one two letters longer, so
     * "CLA" finds the CLA check before pages full of "class", and "build" finds building a
     * debug interpreter before the buildbot pages. 3 put three answers fewer first, 4.5 two; 9
     * scored the same.
     */
    termSimilarity: 6,
    /**
     * How much a page shorter than average is favoured (default 0.75). Short records (a person's
     * page, one row of the experts index) would outrank whole guides that discuss a term at
     * length; at 0.3 guides stay near the top while a module's row still leads for its name.
     * 0.1 and 0.75 each put one answer fewer first; 0.5 scored the same.
     */
    pageLength: 0.3,
  },
} as const;
