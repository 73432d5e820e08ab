/**
 * The overlap check (test/content/shared-runs.ts) that keeps the bundled guide's prose its own: it
 * must find a run of 8 words shared with another text, leave code and URLs out of the comparison,
 * and stay quiet about runs shorter than the limit.
 */
import { describe, expect, it } from 'vitest';
import { proseTokens, sharedRuns } from './shared-runs.ts';

const THEIRS = `Triaging
========

Before you file a report, search the tracker for older issues about the same problem.
Run \`python -m test --fail-env-changed test_os\` and read
https://devguide.python.org/testing/run-write-tests/ for the details of every option.

.. code-block:: shell

   git bisect start and then let git walk through every commit for you

Prose ends here.
`;

const guide = (body: string) => new Map([['guide.md', `---\ntitle: A guide\n---\n\n${body}\n`]]);

describe('proseTokens', () => {
  it('lower-cases the words and drops frontmatter, fenced code, inline code and URLs', () => {
    const text = '---\ntitle: Secret Title\n---\n\nRead THE docs at https://example.org/a/b and run `make -j`.\n\n```sh\necho hidden words\n```\n\nSee [the page](https://example.org/c).\n';
    expect(proseTokens(text)).toEqual(['read', 'the', 'docs', 'at', 'and', 'run', 'see', 'the', 'page']);
  });

  it('drops reST code blocks and literal blocks on the other side', () => {
    const tokens = proseTokens(THEIRS);
    expect(tokens).not.toContain('bisect');
    expect(tokens).not.toContain('devguide');
    expect(tokens).toContain('tracker');
  });
});

describe('sharedRuns', () => {
  it('finds a run of 8 words that a guide shares with the other text, and names the guide', () => {
    const runs = sharedRuns(guide('Always search the tracker for older issues about the same problem first.'), [THEIRS]);
    expect(runs).toEqual([{ words: 'search the tracker for older issues about the same problem', file: 'guide.md' }]);
  });

  it('reports a longer shared stretch once, as one run', () => {
    const runs = sharedRuns(guide('Before you file a report, search the tracker for older issues.'), [THEIRS]);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.words).toBe('before you file a report search the tracker for older issues');
  });

  it('reports nothing for text that shares only 7 words in a row', () => {
    // "search the tracker for older issues about" is 7 words; the next word differs.
    expect(sharedRuns(guide('Please search the tracker for older issues about it before filing.'), [THEIRS])).toEqual([]);
  });

  it('ignores words that are shared only inside code blocks', () => {
    const body = 'Bisecting is easy.\n\n```sh\ngit bisect start and then let git walk through every commit for you\n```\n';
    expect(sharedRuns(guide(body), [THEIRS])).toEqual([]);
    expect(sharedRuns(guide('Type `git bisect start and then let git walk through every commit for you` now.'), [THEIRS])).toEqual([]);
  });

  it('ignores a URL both texts link to', () => {
    const body = 'Details: https://devguide.python.org/testing/run-write-tests/ has them.';
    expect(sharedRuns(guide(body), [THEIRS])).toEqual([]);
  });

  it('honours a different run length', () => {
    const text = guide('Please search the tracker for older issues about it before filing.');
    expect(sharedRuns(text, [THEIRS], 7)).toEqual([{ words: 'search the tracker for older issues about', file: 'guide.md' }]);
  });
});
