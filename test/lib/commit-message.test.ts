import { describe, expect, it } from 'vitest';
import { checkCommitMessage, commitRulesSchema, CPYTHON_RULES, formatProblems, type CommitProblem } from '../../src/lib/commit-message.ts';

const rulesOf = (problems: CommitProblem[]) => problems.map((p) => [p.rule, p.line]);
/** Words, exactly `n` characters long, never ending in a space. */
const long = (n: number) => 'word '.repeat(n).slice(0, n - 1) + 'x';

const GOOD = `gh-121345: Fix leak in itertools.batched() on error

When the underlying iterator raised an exception part way through a
batch, the partially filled tuple was never released.

Co-authored-by: Jane Doe <jane.doe@example.com>
`;

describe('checkCommitMessage', () => {
  it('passes a plain message with an issue prefix, a blank line, a wrapped body and a trailer', () => {
    expect(checkCommitMessage(GOOD)).toEqual([]);
  });

  it('passes a summary-only message', () => {
    expect(checkCommitMessage('gh-119876: Document that os.scandir() entries can be stale\n')).toEqual([]);
  });

  it('passes a backport title in the form miss-islington uses', () => {
    const message = '[3.14] gh-121345: Fix leak in itertools.batched() on error (GH-121350)\n\n(cherry picked from commit 4f2e8c1a9b7d6e5f3a2b1c0d9e8f7a6b5c4d3e2f)\n';
    expect(checkCommitMessage(message)).toEqual([]);
  });

  it('reports an empty message as summary-missing on line 1', () => {
    expect(rulesOf(checkCommitMessage(''))).toEqual([['summary-missing', 1]]);
    expect(rulesOf(checkCommitMessage('\n\n# Please enter the commit message\n'))).toEqual([['summary-missing', 1]]);
  });

  it('reports an empty first line above the text as summary-missing', () => {
    expect(rulesOf(checkCommitMessage('\ngh-1: Fix it\n'))).toEqual([['summary-missing', 1]]);
  });

  it('reports a summary longer than 72 characters at column 73', () => {
    const summary = 'gh-121345: Fix a reference leak in itertools.batched() that happens on error paths';
    const [problem, ...rest] = checkCommitMessage(summary);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ rule: 'summary-length', line: 1, column: 73, message: 'Summary line is 82 characters; the limit is 72.' });
    expect(problem!.fix).toBe('Shorten it: say what changed, leave the why for the body.');
  });

  it('passes a summary of exactly 72 characters', () => {
    const summary = `gh-1: ${long(66)}`;
    expect(summary).toHaveLength(72);
    expect(checkCommitMessage(summary)).toEqual([]);
  });

  it('counts characters, not UTF-16 code units, so an emoji counts once', () => {
    expect(checkCommitMessage(`gh-1: ${long(65)}🐍`)).toEqual([]);
  });

  it('reports a summary without the gh-NNNNN prefix as summary-prefix', () => {
    expect(rulesOf(checkCommitMessage('Fix crash in json.loads() on deeply nested input'))).toEqual([['summary-prefix', 1]]);
  });

  it('accepts a summary with no issue prefix for a change with no issue, and keeps every other rule', () => {
    expect(checkCommitMessage('Fix a typo in the zipfile docstring', undefined, { skipIssue: true })).toEqual([]);
    expect(rulesOf(checkCommitMessage('Fixed a typo in the zipfile docstring.', undefined, { skipIssue: true }))).toEqual([['summary-period', 1]]);
  });

  it('reports a pull request number in place of the issue prefix', () => {
    expect(rulesOf(checkCommitMessage('GH-121345: Fix crash'))).toEqual([['summary-prefix', 1]]);
  });

  it('reports a summary that ends with a period at the period', () => {
    const summary = 'gh-121345: Fixed the reference leak in itertools.batched().';
    expect(checkCommitMessage(summary)).toEqual([expect.objectContaining({ rule: 'summary-period', line: 1, column: summary.length })]);
  });

  it('treats an ellipsis at the end as a trailing period too', () => {
    expect(rulesOf(checkCommitMessage('gh-1: Fix the frobnicator...'))).toEqual([['summary-period', 1]]);
  });

  it('reports a second line that is not blank as blank-line on line 2', () => {
    const message = 'gh-121345: Fix reference leak in itertools.batched() on error\nThe partially filled tuple was never released on error.\n';
    expect(rulesOf(checkCommitMessage(message))).toEqual([['blank-line', 2]]);
  });

  it('reports each body line longer than 72 characters as body-length', () => {
    const message = `gh-1: Fix it\n\n${long(73)}\nshort\n${long(100)}\n`;
    const problems = checkCommitMessage(message);
    expect(rulesOf(problems)).toEqual([['body-length', 3], ['body-length', 5]]);
    expect(problems[0]).toMatchObject({ column: 73, message: 'Body line is 73 characters; the limit is 72.' });
  });

  it('lets a body line with a URL run past 72 characters', () => {
    const message = `gh-1: Fix it\n\nSee https://discuss.python.org/t/a-very-long-thread-title-about-the-frobnicator/12345/67\n`;
    expect(checkCommitMessage(message)).toEqual([]);
  });

  it('lets quoted and indented output run past 72 characters', () => {
    const message = `gh-1: Fix it\n\n> ${long(90)}\n    ${long(90)}\n\t${long(90)}\n`;
    expect(checkCommitMessage(message)).toEqual([]);
  });

  it('lets a Co-authored-by trailer run past 72 characters', () => {
    const trailer = 'Co-authored-by: Jane Alexandra Doe-Montgomery <jane.alexandra.doe-montgomery@users.noreply.github.com>';
    expect(trailer.length).toBeGreaterThan(72);
    expect(checkCommitMessage(`gh-1: Fix it\n\nBody.\n\n${trailer}\nSigned-off-by: Jane Alexandra Doe-Montgomery <jane.alexandra.doe-montgomery@example.com>\n`)).toEqual([]);
  });

  it('still reports a long line that only looks like a trailer in the middle of the body', () => {
    const message = `gh-1: Fix it\n\nNote: ${long(80)}\n\nMore text.\n`;
    expect(rulesOf(checkCommitMessage(message))).toEqual([['body-length', 3]]);
  });

  it('passes a backport title with its cherry-pick line and trailer', () => {
    const message = '[3.14] gh-121345: Fix leak in itertools.batched() on error (GH-121350)\n\n(cherry picked from commit 4f2e8c1a9b7d6e5f3a2b1c0d9e8f7a6b5c4d3e2f)\n\nCo-authored-by: Jane Doe <jane.doe@example.com>\n';
    expect(checkCommitMessage(message)).toEqual([]);
  });

  it('reports a backport title without (GH-NNNNN) as backport-title, not summary-prefix', () => {
    const problems = checkCommitMessage('[3.14] gh-121345: Fix leak in itertools.batched() on error');
    expect(rulesOf(problems)).toEqual([['backport-title', 1]]);
    expect(problems[0]!.fix).toContain('(GH-NNNNN)');
  });

  it('reports a backport title with a malformed branch as backport-title', () => {
    expect(rulesOf(checkCommitMessage('[main] gh-1: Fix it (GH-2)'))).toEqual([['backport-title', 1]]);
  });

  it('passes a merged title that names its pull request as (GH-NNNNN)', () => {
    expect(checkCommitMessage('gh-12345: Improve the spam module (GH-777)\n\n* Add method A to the spam module\n')).toEqual([]);
  });

  it('reports GitHub\'s (#NNNNN) suffix as summary-suffix, at the parenthesis', () => {
    const summary = 'gh-12345: Improve the spam module (#777)';
    const problems = checkCommitMessage(summary);
    expect(problems).toEqual([expect.objectContaining({ rule: 'summary-suffix', line: 1, column: summary.indexOf('(') + 1 })]);
    expect(problems[0]!.message).toContain('"(#777)"');
    expect(problems[0]!.fix).toContain('(GH-NNNNN)');
  });

  it('reports a title that keeps both references, ending with (#NNNNN), as summary-suffix', () => {
    expect(rulesOf(checkCommitMessage('gh-1: Custom title (GH-2) (#3)'))).toEqual([['summary-suffix', 1]]);
  });

  it('checks the suffix of a change with no issue too', () => {
    expect(checkCommitMessage('Fix a typo in the zipfile docstring (GH-4)', undefined, { skipIssue: true })).toEqual([]);
    expect(rulesOf(checkCommitMessage('Fix a typo in the zipfile docstring (#4)', undefined, { skipIssue: true }))).toEqual([['summary-suffix', 1]]);
  });

  it('leaves other parentheses at the end of a summary alone', () => {
    expect(checkCommitMessage('gh-1: Document os.sep (and os.altsep)')).toEqual([]);
    expect(checkCommitMessage('gh-1: Raise the minimum macOS version (11.0)')).toEqual([]);
  });

  it('passes a revert title in the form the guide teaches, with its reason', () => {
    const message = 'Revert gh-121345: Fix leak in itertools.batched() on error (GH-121350)\n\nReverts python/cpython#121350.\nReason: This commit broke the buildbot.\n';
    expect(checkCommitMessage(message)).toEqual([]);
  });

  it('reports the revert title GitHub\'s button proposes as revert-title, not summary-prefix', () => {
    const problems = checkCommitMessage('Revert "gh-121345: Fix leak in itertools.batched() on error (#121350)"');
    expect(rulesOf(problems)).toEqual([['revert-title', 1]]);
    expect(problems[0]!.fix).toContain('Revert gh-12345: Original summary (GH-12346)');
  });

  it('reports a revert title without its pull request as revert-title', () => {
    expect(rulesOf(checkCommitMessage('Revert gh-1: Fix it'))).toEqual([['revert-title', 1]]);
  });

  it('does not take a summary that merely starts with "Reverted" for a revert', () => {
    expect(rulesOf(checkCommitMessage('Reverted the frobnicator'))).toEqual([['summary-prefix', 1]]);
  });

  it('honours custom suffix and revert rules', () => {
    const rules = { ...CPYTHON_RULES, suffix: '\\(#\\d+\\)', revert: '^Revert ".+"$' };
    expect(checkCommitMessage('gh-1: Fix it (#2)', rules)).toEqual([]);
    expect(rulesOf(checkCommitMessage('gh-1: Fix it (GH-2)', rules))).toEqual([['summary-suffix', 1]]);
    expect(checkCommitMessage('Revert "gh-1: Fix it (#2)"', rules)).toEqual([]);
    expect(checkCommitMessage('gh-1: Fix it (GH-2)', rules)[0]!.fix).toContain('/\\(#\\d+\\)/');
  });

  it('ignores git comment lines, but counts them in line numbers', () => {
    const message = `# Please enter the commit message for your changes.\ngh-1: Fix it\n# On branch main\n\n${long(80)}\n#\n`;
    expect(rulesOf(checkCommitMessage(message))).toEqual([['body-length', 5]]);
  });

  it('sees a comment between summary and body as no line at all, as git does', () => {
    expect(rulesOf(checkCommitMessage('gh-1: Fix it\n# a comment\nBody text.\n'))).toEqual([['blank-line', 3]]);
  });

  it('ignores everything from the scissors line on, such as the diff of git commit -v', () => {
    const message = `gh-1: Fix it\n\n# ------------------------ >8 ------------------------\n# Do not modify or remove the line above.\ndiff --git a/x b/x\n+${long(120)}\n`;
    expect(checkCommitMessage(message)).toEqual([]);
  });

  it('ignores trailing blank lines and Windows line endings', () => {
    expect(checkCommitMessage('gh-1: Fix it\r\n\r\nBody.\r\n\r\n\r\n')).toEqual([]);
  });

  it('honours custom rules: a 50-character summary and a bpo- prefix', () => {
    const rules = { ...CPYTHON_RULES, maxSummary: 50, prefix: '^bpo-\\d+: ' };
    expect(checkCommitMessage('bpo-12345: Fix the frobnicator', rules)).toEqual([]);
    expect(rulesOf(checkCommitMessage('gh-12345: Fix the frobnicator', rules))).toEqual([['summary-prefix', 1]]);
    const tooLong = checkCommitMessage(`bpo-1: ${long(50)}`, rules);
    expect(tooLong).toEqual([expect.objectContaining({ rule: 'summary-length', line: 1, column: 51 })]);
    expect(tooLong[0]!.message).toBe('Summary line is 57 characters; the limit is 50.');
  });

  it('anchors a custom prefix at the start even when it has no ^', () => {
    const rules = { ...CPYTHON_RULES, prefix: 'bpo-\\d+: ' };
    expect(rulesOf(checkCommitMessage('Fix bpo-1: it', rules))).toEqual([['summary-prefix', 1]]);
  });

  it('can turn off the period and blank-line rules', () => {
    const rules = { ...CPYTHON_RULES, noTrailingPeriod: false, blankAfterSummary: false };
    expect(checkCommitMessage('gh-1: Fix it.\nMore.\n', rules)).toEqual([]);
  });

  it('reports several problems in line and column order', () => {
    const message = `Fixed ${long(80)}.\nbody\n`;
    expect(checkCommitMessage(message).map((p) => [p.rule, p.line, p.column])).toEqual([
      ['summary-prefix', 1, 1],
      ['summary-length', 1, 73],
      ['summary-period', 1, 87],
      ['blank-line', 2, 1],
    ]);
  });
});

describe('commitRulesSchema', () => {
  it('fills every missing field with CPython\'s rule', () => {
    expect(commitRulesSchema.parse({})).toEqual(CPYTHON_RULES);
    expect(commitRulesSchema.parse({ maxSummary: 50 })).toEqual({ ...CPYTHON_RULES, maxSummary: 50 });
  });

  it('rejects unknown fields and invalid regular expressions', () => {
    expect(commitRulesSchema.safeParse({ maxSumary: 50 }).success).toBe(false);
    expect(commitRulesSchema.safeParse({ prefix: '^gh-(' }).success).toBe(false);
    expect(commitRulesSchema.safeParse({ suffix: '(GH-' }).success).toBe(false);
    expect(commitRulesSchema.safeParse({ revert: '^(Revert .+)\\1' }).success).toBe(false);
  });
});

describe('formatProblems', () => {
  it('prints FILE:LINE:COL, error and commit-RULE, then the message and the fix', () => {
    const problems = checkCommitMessage('gh-121345: Fix a reference leak in itertools.batched() that happens on error paths');
    expect(formatProblems('.git/COMMIT_EDITMSG', problems)).toBe(
      '.git/COMMIT_EDITMSG:1:73  error  commit-summary-length\n  Summary line is 82 characters; the limit is 72.\n  Fix: Shorten it: say what changed, leave the why for the body.',
    );
  });

  it('separates problems with a blank line, and prints nothing for none', () => {
    const text = formatProblems('MSG', checkCommitMessage('Fix it.'));
    expect(text.split('\n\n')).toHaveLength(2);
    expect(text).toMatch(/^MSG:1:1  error  commit-summary-prefix\n/);
    expect(formatProblems('MSG', [])).toBe('');
  });
});

describe('user-supplied rules', () => {
  it('match in linear time: a pattern that backtracks exponentially in JavaScript finishes at once', () => {
    const rules = commitRulesSchema.parse({ prefix: '^(a|a)*: ' });
    const started = performance.now();
    expect(rulesOf(checkCommitMessage(`${'a'.repeat(34)}!`, rules))).toContainEqual(['summary-prefix', 1]);
    // JavaScript's engine takes minutes on this text; RE2 a few milliseconds.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('are refused in site.yaml when RE2 cannot run them (look-arounds, back-references), saying why', () => {
    const result = commitRulesSchema.safeParse({ prefix: '^(?=gh)gh-\\d+: ' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/RE2 accepts .*look-arounds/);
    expect(commitRulesSchema.safeParse({ prefix: '^(gh|bpo)-\\d+: ' }).success).toBe(true);
  });
});

describe('control characters', () => {
  it('reject a NUL byte, at which git would cut the message, at its line and column', () => {
    expect(checkCommitMessage('gh-1: Fix it\n\nBody with a \u0000 in it')).toEqual([
      expect.objectContaining({ rule: 'control-character', line: 3, column: 13, message: expect.stringMatching(/U\+0000 \(NUL\)/) }),
    ]);
    expect(checkCommitMessage('gh-1: Fix it\n\n\tIndented output is fine')).toEqual([]);
  });
});
