/**
 * A commit-message checker for the rules CPython's guide teaches (see
 * content/guides/committing/commit-messages.md): a `gh-NNNNN: ` summary of at most 72 characters
 * with no trailing period, a blank second line, a body wrapped at 72 columns, and backport titles of
 * the form `[3.14] gh-NNNNN: Summary (GH-NNNNN)`. Pure: text in, problems out; the command that reads
 * a file is src/cli/commit-msg.ts.
 */
import { z } from 'astro/zod';

export interface CommitRules {
  /** Longest allowed summary line, in characters. */
  maxSummary: number;
  /** Longest allowed body line, in characters (URLs, quoted or indented output and trailers excepted). */
  maxBody: number;
  /** Regex source the summary must match at its start (backport titles excepted). */
  prefix: string;
  /** Whether the summary may not end with a period. */
  noTrailingPeriod: boolean;
  /** Whether the second line must be empty. */
  blankAfterSummary: boolean;
  /** Regex source a backport title (a summary starting with `[`) must match. */
  backport: string;
}

export const CPYTHON_RULES: CommitRules = {
  maxSummary: 72,
  maxBody: 72,
  prefix: '^gh-\\d+: ',
  noTrailingPeriod: true,
  blankAfterSummary: true,
  backport: '^\\[\\d+\\.\\d+\\] gh-\\d+: .+ \\(GH-\\d+\\)$',
};

function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/**
 * The deepest nesting of repetition in a regular expression: 1 for `gh-\d+`, 2 for `(a+)+`. A
 * repeated group that itself repeats can backtrack exponentially on a near miss and hang the check,
 * so rules are limited to 1. (Alternations such as `(a|aa)+` can also backtrack badly; this
 * heuristic does not see those.)
 */
export function starHeight(source: string): number {
  const groups: number[] = [0];
  let previous = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      previous = 0;
    } else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      previous = 0;
    } else if (c === '(') {
      groups.push(0);
    } else if (c === ')') {
      previous = groups.pop() ?? 0;
      groups[groups.length - 1] = Math.max(groups.at(-1) ?? 0, previous);
    } else if (c === '*' || c === '+' || c === '{') {
      const bounds = c === '{' ? /^\{(\d+)(,\d*)?\}/.exec(source.slice(i)) : undefined;
      if (c === '{' && !bounds) {
        previous = 0;
        continue;
      }
      if (bounds) i += bounds[0].length - 1;
      if (bounds && !bounds[2]) continue; // {n} repeats an exact number of times
      previous += 1;
      groups[groups.length - 1] = Math.max(groups.at(-1) ?? 0, previous);
      max = Math.max(max, previous);
    } else if (c !== '?') {
      previous = 0;
    }
  }
  return max;
}

const regexSource = z
  .string()
  .refine(isRegex, 'is not a valid regular expression')
  .refine((source) => !isRegex(source) || starHeight(source) <= 1, 'repeats a group that itself repeats (like `(a+)+`), which can make the check hang; write it without the nested repetition');

/** The `commitRules` mapping of site.yaml; every field is optional and defaults to CPython's rule. */
export const commitRulesSchema = z.strictObject({
  /** Longest allowed summary line, in characters. */
  maxSummary: z.number().int().positive().default(CPYTHON_RULES.maxSummary),
  /** Longest allowed body line, in characters; URLs, quoted or indented output and trailers may run longer. */
  maxBody: z.number().int().positive().default(CPYTHON_RULES.maxBody),
  /** Regular expression the summary must match at its start, such as `^gh-\d+: `. */
  prefix: regexSource.default(CPYTHON_RULES.prefix),
  /** Reject a summary that ends with a period. */
  noTrailingPeriod: z.boolean().default(CPYTHON_RULES.noTrailingPeriod),
  /** Require the second line to be empty, so Git sees a one-line summary. */
  blankAfterSummary: z.boolean().default(CPYTHON_RULES.blankAfterSummary),
  /** Regular expression a backport title (a summary starting with `[`) must match in full. */
  backport: regexSource.default(CPYTHON_RULES.backport),
});

export type CommitRuleId = 'summary-missing' | 'summary-length' | 'summary-prefix' | 'summary-period' | 'blank-line' | 'body-length' | 'backport-title';

export interface CommitProblem {
  /** One of the rule ids: `summary-missing`, `summary-length`, `summary-prefix`, `summary-period`, `blank-line`, `body-length`, `backport-title`. */
  rule: string;
  /** 1-based line in the text as given (comment lines count). */
  line: number;
  /** 1-based column, in characters. */
  column: number;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it. */
  fix: string;
}

/** Git's scissors line: it and everything below it are left out of the commit. */
const SCISSORS = '# ------------------------ >8 ------------------------';
const URL = /https?:\/\//;
const QUOTED_OR_INDENTED = /^(?:>| {4}|\t)/;
const TRAILER = /^[A-Z][\w-]+: /;

interface Line {
  text: string;
  /** 1-based line number in the original text. */
  number: number;
}

/** Length in characters (code points), so an accented letter or an emoji counts once. */
function length(text: string): number {
  return [...text].length;
}

/** The lines Git would keep: no comments, nothing from the scissors line on, no trailing blanks. */
function messageLines(text: string): Line[] {
  const lines: Line[] = [];
  const raw = text.split(/\r?\n/);
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    if (line.startsWith(SCISSORS)) break;
    if (line.startsWith('#')) continue;
    lines.push({ text: line.trimEnd(), number: i + 1 });
  }
  while (lines.length && lines[lines.length - 1]!.text === '') lines.pop();
  return lines;
}

/** Line numbers of the trailer block: the last paragraph of the body, when every line is a trailer. */
function trailerLines(body: readonly Line[]): Set<number> {
  let start = body.length;
  while (start > 0 && body[start - 1]!.text !== '') start--;
  const block = body.slice(start);
  if (start === 0 || !block.length || !block.every((line) => TRAILER.test(line.text))) return new Set();
  return new Set(block.map((line) => line.number));
}

export interface CheckOptions {
  /**
   * The change has no issue (CPython's `skip issue` label, for trivial fixes), so the summary
   * carries no issue reference and the prefix rule does not apply. Every other rule does.
   */
  skipIssue?: boolean;
}

/** Checks a commit message against `rules`; an empty array means it passes. */
export function checkCommitMessage(text: string, rules: CommitRules = CPYTHON_RULES, options: CheckOptions = {}): CommitProblem[] {
  const problems: CommitProblem[] = [];
  const add = (rule: CommitRuleId, line: number, column: number, message: string, fix: string) => {
    problems.push({ rule, line, column, message, fix });
  };
  const lines = messageLines(text);
  const first = lines[0];
  const summary = first?.text ?? '';
  const summaryLine = first?.number ?? 1;

  if (summary.trim() === '') {
    add(
      'summary-missing',
      summaryLine,
      1,
      lines.length ? 'The first line is empty, but it must hold the summary.' : 'The commit message is empty.',
      lines.length ? 'Write the summary on the first line and remove the blank lines above it.' : 'Write a one-line summary of the change, like `gh-12345: Fix the frobnicator`.',
    );
  } else {
    const chars = length(summary);
    if (chars > rules.maxSummary) {
      add(
        'summary-length',
        summaryLine,
        rules.maxSummary + 1,
        `Summary line is ${chars} characters; the limit is ${rules.maxSummary}.`,
        'Shorten it: say what changed, leave the why for the body.',
      );
    }
    if (summary.startsWith('[')) {
      if (!new RegExp(rules.backport).test(summary)) {
        add(
          'backport-title',
          summaryLine,
          1,
          `The summary starts with "[", so it is a backport title, but it does not match /${rules.backport}/.`,
          rules.backport === CPYTHON_RULES.backport
            ? 'Use the form `[3.14] gh-12345: Original summary (GH-12346)`: the target branch in brackets, the original summary, then the original pull request as `(GH-NNNNN)`.'
            : `Rewrite the title so it matches /${rules.backport}/.`,
        );
      }
    } else if (!options.skipIssue && !new RegExp(rules.prefix, 'y').test(summary)) {
      add(
        'summary-prefix',
        summaryLine,
        1,
        `The summary does not start with the issue reference /${rules.prefix}/.`,
        rules.prefix === CPYTHON_RULES.prefix
          ? 'Start it with the GitHub issue number (not the pull request\'s), then a colon and a space, like `gh-12345: Fix the frobnicator`. A trivial change with no issue (the `skip issue` label) is checked with --skip-issue.'
          : `Start it with text that matches /${rules.prefix}/, or check a change that has no issue with --skip-issue.`,
      );
    }
    if (rules.noTrailingPeriod && summary.endsWith('.')) {
      add('summary-period', summaryLine, length(summary), 'The summary ends with a period.', 'Remove the period: the summary is a title, not a sentence.');
    }
  }

  const body = lines.slice(1);
  const second = body[0];
  if (rules.blankAfterSummary && summary.trim() !== '' && second && second.text.trim() !== '') {
    add(
      'blank-line',
      second.number,
      1,
      'The second line is not empty, so Git reads it as part of the summary.',
      'Insert an empty line between the summary and the body.',
    );
  }
  const trailers = trailerLines(body);
  for (const line of body) {
    const chars = length(line.text);
    if (chars <= rules.maxBody) continue;
    if (URL.test(line.text) || QUOTED_OR_INDENTED.test(line.text) || trailers.has(line.number)) continue;
    add(
      'body-length',
      line.number,
      rules.maxBody + 1,
      `Body line is ${chars} characters; the limit is ${rules.maxBody}.`,
      `Wrap the body at ${rules.maxBody} columns (most editors do it for you); only URLs, quoted or indented output and trailers may run longer.`,
    );
  }

  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Formats problems like devguide's diagnostics: `FILE:LINE:COL  error  commit-RULE`, the message, the fix. */
export function formatProblems(file: string, problems: readonly CommitProblem[]): string {
  return problems
    .map((p) => `${file}:${p.line}:${p.column}  error  commit-${p.rule}\n  ${p.message}\n  Fix: ${p.fix}`)
    .join('\n\n');
}
