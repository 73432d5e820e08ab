import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { loadExperts } from '../../src/lib/experts.ts';
import { ownersIndex, ownersOfPath, queryPath } from '../../src/lib/owners-index.ts';
import { ROOT } from '../support/browser.ts';

/** Areas as the owners list holds them: only the patterns matter to the matching. */
const AREAS = [
  { id: 'everything-in-lib', patterns: ['Lib/'] },
  { id: 'asyncio', patterns: ['Doc/library/asyncio*.rst', 'Lib/asyncio/', 'Lib/test/test_asyncio/'] },
  { id: 'tasks-anywhere', patterns: ['**/*tasks*'] },
  { id: 'runners', patterns: ['Lib/asyncio/runners.py'] },
];

/** The ids of the areas that own `typed`, with the pattern that matched, most specific first. */
const owners = (typed: string, areas: ReadonlyArray<{ id: string; patterns: string[] }> = AREAS) =>
  ownersOfPath(areas, queryPath(typed)!).map(({ entry, pattern }) => `${entry.id}: ${pattern}`);

describe('the owners of a path', () => {
  it('puts the pattern that spells out more of the path first', () => {
    expect(owners('Lib/asyncio/tasks.py')).toEqual(['asyncio: Lib/asyncio/', 'tasks-anywhere: **/*tasks*', 'everything-in-lib: Lib/']);
  });

  it('puts a pattern naming the file itself before the folders that hold it', () => {
    expect(owners('Lib/asyncio/runners.py')).toEqual(['runners: Lib/asyncio/runners.py', 'asyncio: Lib/asyncio/', 'everything-in-lib: Lib/']);
  });

  it('gives nothing for a path no area owns', () => {
    expect(owners('Objects/dictobject.c')).toEqual([]);
  });

  it('finds the owner of a folder typed with or without its final slash, but not of a file named like it', () => {
    expect(owners('Lib/test/test_asyncio/')).toEqual(['asyncio: Lib/test/test_asyncio/', 'everything-in-lib: Lib/']);
    expect(owners('Lib/test/test_asyncio')).toEqual(['asyncio: Lib/test/test_asyncio/', 'everything-in-lib: Lib/']);
    expect(owners('Lib/test/test_asyncio.py')).toEqual(['everything-in-lib: Lib/']);
  });

  it('anchors a pattern with a slash inside at the root, and lets "Lib/" match a Lib folder anywhere', () => {
    expect(owners('Tools/Lib/asyncio/tasks.py')).toEqual(['tasks-anywhere: **/*tasks*', 'everything-in-lib: Lib/']);
  });

  it('matches "*" within one folder only, as GitHub does', () => {
    expect(owners('Doc/library/asyncio-task.rst')).toEqual(['asyncio: Doc/library/asyncio*.rst']);
    expect(owners('Doc/library/asyncio/task.rst')).toEqual([]);
  });

  it('answers a glob typed as a query with the areas that own what it names', () => {
    expect(owners('Lib/test/test_asyncio/*')).toEqual(['asyncio: Lib/test/test_asyncio/', 'everything-in-lib: Lib/']);
    expect(owners('Doc/library/asyncio*.rst')).toEqual(['asyncio: Doc/library/asyncio*.rst']);
  });

  it('lists an area once, with its most specific pattern, and lets the later area win a tie as CODEOWNERS does', () => {
    const areas = [
      { id: 'first', patterns: ['Lib/json/', 'Lib/json/tool.py'] },
      { id: 'second', patterns: ['Lib/json/tool.py'] },
    ];
    expect(owners('Lib/json/tool.py', areas)).toEqual(['second: Lib/json/tool.py', 'first: Lib/json/tool.py']);
    expect(owners('Lib/json/decoder.py', areas)).toEqual(['first: Lib/json/']);
  });
});

describe('what counts as a path', () => {
  it('takes text with a slash, or a file name with a known extension, and tidies it to a repository path', () => {
    expect(['Lib/asyncio/tasks.py', 'Lib/test/test_asyncio/', 'dictobject.c', './Lib/ssl.py', '/Lib/ssl.py', 'Lib\\asyncio\\tasks.py', 'https://github.com/python/cpython/blob/main/Lib/asyncio/tasks.py'].map(queryPath)).toEqual([
      'Lib/asyncio/tasks.py',
      'Lib/test/test_asyncio/',
      'dictobject.c',
      'Lib/ssl.py',
      'Lib/ssl.py',
      'Lib/asyncio/tasks.py',
      'Lib/asyncio/tasks.py',
    ]);
  });

  it('leaves names, handles, teams and sentences to the name filter', () => {
    expect(['asyncio', 'collections.abc', '@1st1', '@python/windows-team', 'build on windows/linux', ''].map(queryPath)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('the owners list the build writes', () => {
  it('holds each area with paths, titled and linked to its row', () => {
    const { index } = loadExperts(path.join(ROOT, 'test/fixtures/basic/experts.yaml'));
    expect(ownersIndex(index!, translator('en'))).toEqual([
      { id: 'module-asyncio', title: 'asyncio experts', kind: 'Module', url: '/experts/#module-asyncio', patterns: ['Lib/asyncio/'] },
      { id: 'platform-windows', title: 'Windows experts', kind: 'Platform', url: '/experts/#platform-windows', patterns: ['PC/'] },
    ]);
  });

  it('names the owners of real CPython paths in the bundled guide, most specific first', () => {
    const { index } = loadExperts(path.join(ROOT, 'content/experts.yaml'));
    const list = ownersIndex(index!, translator('en'));
    expect(owners('Lib/asyncio/tasks.py', list)).toEqual(['module-asyncio: Lib/asyncio/']);
    expect(owners('InternalDocs/asyncio.md', list)).toEqual(['module-asyncio: InternalDocs/asyncio.md', 'interest-documentation: InternalDocs/']);
    expect(owners('Objects/dictobject.c', list)).toEqual([]);
  });
});
