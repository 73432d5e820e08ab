import { describe, expect, it } from 'vitest';
import { closestWords, CODE_END, CODE_START, codeRuns, countWords, didYouMean, foundWords, isRealMatch, markedParts, matchedWords, searchQuery, siteVocabulary, withExactNumbers } from '../../src/lib/search-words.ts';

const vocabulary = { asyncio: 12, sync: 3, build: 8, buildbots: 5, documentation: 7, labels: 8, windows: 4 };

describe('the vocabulary', () => {
  it('counts the words of titles, headings and expert areas, without accents, short words or numbers', () => {
    const model = {
      pages: [
        { title: 'Building on Windows', headings: [{ depth: 2, id: 'a', text: 'Build the docs' }, { depth: 2, id: 'b', text: 'Café 3.14' }] },
        { title: 'Labels', headings: [] },
      ],
      experts: { areas: [{ name: 'asyncio', id: 'module-asyncio' }] },
    } as unknown as Parameters<typeof siteVocabulary>[0];
    expect(siteVocabulary(model)).toEqual({ asyncio: 2, build: 1, building: 1, cafe: 1, docs: 1, labels: 1, module: 1, the: 1, windows: 1 });
  });

  it('lists the most used words first', () => {
    expect(Object.entries(countWords(['alpha tier', 'tier']))).toEqual([['tier', 2], ['alpha', 1]]);
  });
});

describe('what is searched', () => {
  it('is the query without its stop words', () => {
    expect(searchQuery(' build the documentation ')).toBe('build documentation');
    expect(searchQuery('How do I run a test')).toBe('run test');
  });

  it('keeps a query of stop words only, and a quoted phrase, as typed', () => {
    expect(searchQuery('the')).toBe('the');
    expect(searchQuery('"sign the CLA"')).toBe('"sign the CLA"');
  });

  it('keeps only the results that have each number of the query as a whole word', async () => {
    const exact: Record<string, string[]> = { '"8"': ['reviewing', 'sanitizers'], '"312"': ['versions'] };
    const pagefind = { search: async (term: string) => ({ results: (exact[term] ?? []).map((id) => ({ id })) }) };
    const found = ['platforms', 'versions', 'reviewing'].map((id) => ({ id }));
    expect(await withExactNumbers(pagefind, 'PEP 8', found)).toEqual([{ id: 'reviewing' }]);
    expect(await withExactNumbers(pagefind, '3.12', found)).toEqual([{ id: 'versions' }]);
    expect(await withExactNumbers(pagefind, 'asyncio', found)).toEqual(found);
  });
});

describe('the words a result matched', () => {
  it('are those at its locations, and those of its title and keywords that match a term', () => {
    const data = { content: 'Run the refleak hunter.', locations: [2], meta: { title: 'Running tests', keywords: 'tests, refleaks' } };
    expect(matchedWords(data, ['refleaks'])).toEqual(['refleak', 'refleaks']);
    expect(matchedWords({ ...data, locations: [] }, ['refleaks'])).toEqual(['refleaks']);
  });
});

describe('a real match', () => {
  it('is a word the term begins, or the term with another ending', () => {
    expect(isRealMatch('asynco', 'asyncore')).toBe(true);
    expect(isRealMatch('building', 'builds')).toBe(true);
    expect(isRealMatch('asyncio', 'asyncio,')).toBe(true);
  });

  it("is a path's leading part when the term is a path", () => {
    expect(isRealMatch('Lib/asyncio/tasks.py', 'Lib/asyncio/')).toBe(true);
  });

  it("is not the short beginning Pagefind falls back to when no word starts with the term", () => {
    expect(isRealMatch('xyzzyplugh', 'X.Y.')).toBe(false);
    expect(isRealMatch('xyzzy', 'X.Y')).toBe(false);
  });

  it('cannot be told for terms under three letters, which always match', () => {
    expect(isRealMatch('8', '826.')).toBe(true);
  });
});

describe('did you mean', () => {
  it('offers the closest word of the vocabulary for a misspelt term', () => {
    expect(didYouMean('asynco', new Set(['asyncore']), vocabulary)).toEqual(['asyncio']);
    expect(didYouMean('how to buld', new Set(), vocabulary)).toEqual(['how to build']);
  });

  it('offers nothing for a term the results contain inside a longer word', () => {
    const found = foundWords(['--with-pydebug', 'Lib/asyncio/']);
    expect([...found]).toEqual(expect.arrayContaining(['withpydebug', 'pydebug', 'libasyncio', 'asyncio']));
    expect(didYouMean('pydebug', found, { debug: 3 })).toEqual([]);
    expect(didYouMean('pydebug', foundWords(['debugging']), { debug: 3 })).toEqual(['debug']);
  });

  it('offers nothing for a word the results contain, a word of the vocabulary, or a word still being typed', () => {
    expect(didYouMean('zanzibar', new Set(['zanzibar']), vocabulary)).toEqual([]);
    expect(didYouMean('labels', new Set(), vocabulary)).toEqual([]);
    expect(didYouMean('buildb', new Set(), vocabulary)).toEqual([]);
  });

  it('leaves stop words as typed, since they are not searched', () => {
    expect(didYouMean('are asynco', new Set(['asyncore']), { ...vocabulary, area: 3 })).toEqual(['are asyncio']);
  });

  it('leaves out a suggestion the results already contain', () => {
    expect(didYouMean('documention', new Set(['documentation']), vocabulary)).toEqual([]);
  });

  it('drops a word no page has when nothing is close to it, if other words remain', () => {
    expect(didYouMean('asyncio xyzzy', new Set(), vocabulary, new Set(['xyzzy']))).toEqual(['asyncio']);
    expect(didYouMean('xyzzyplugh', new Set(), vocabulary, new Set(['xyzzyplugh']))).toEqual([]);
  });

  it('keeps only the closest words, most used first', () => {
    expect(closestWords('asynco', vocabulary)).toEqual(['asyncio']);
    expect(closestWords('labls', { labels: 1, lables: 9, tables: 50 })).toEqual(['lables', 'labels']);
  });
});

describe('marks in an excerpt', () => {
  const marked = (text: string, terms: string[]) => markedParts(text, terms).map(([s, e]) => text.slice(s, e));

  it('cover the parts of a highlighted path that match, not the whole path', () => {
    expect(marked('Doc/library/asyncio*.rst', ['asyncio'])).toEqual(['asyncio']);
    expect(marked('Modules/_asynciomodule.c,', ['asyncio'])).toEqual(['asynciomodule']);
    expect(marked('asyncio,', ['asyncio'])).toEqual(['asyncio']);
  });

  it('keep the whole mark when a path was typed', () => {
    expect(marked('Lib/asyncio/', ['Lib/asyncio/tasks.py'])).toEqual([]);
  });
});

describe('code in an excerpt', () => {
  const shown = (stretches: Array<[string, boolean?]>) =>
    codeRuns(stretches.map(([text, marked = false]) => ({ text, marked }))).map((run) => {
      const text = run.stretches.map((s) => (s.marked ? `[${s.text}]` : s.text)).join('');
      return run.code ? `<${text}>` : text;
    });

  it('is what stands between the marks, without them or the spaces beside them', () => {
    expect(shown([[`Linux. ${CODE_START} ./configure `], ['--with-pydebug', true], [` make -j ${CODE_END} The interpreter`]])).toEqual(['Linux. ', '<./configure [--with-pydebug] make -j>', ' The interpreter']);
  });

  it('may begin before the excerpt does, or end after it', () => {
    expect(shown([[`make -j ${CODE_END} then run the tests`]])).toEqual(['<make -j>', ' then run the tests']);
    expect(shown([[`Build it: ${CODE_START} ./configure && make`]])).toEqual(['Build it: ', '<./configure && make>']);
  });

  it('is nowhere in an excerpt without marks', () => {
    expect(shown([['Run the tests with '], ['asyncio', true], ['.']])).toEqual(['Run the tests with [asyncio].']);
  });
});
