/**
 * A commit-message checker for the rules CPython's guide teaches (see
 * content/guides/committing/commit-messages.md): a `gh-NNNNN: ` summary of at most 72 characters
 * with no trailing period, whose pull request, when named at the end, is `(GH-NNNNN)` and not
 * GitHub's `(#NNNNN)`; a blank second line; a body wrapped at 72 columns; backport titles of the form
 * `[3.14] gh-NNNNN: Summary (GH-NNNNN)` and revert titles of the form
 * `Revert gh-NNNNN: Summary (GH-NNNNN)`. Pure: text in, problems out; the command that reads a file
 * is src/cli/commit-msg.ts.
 */
import { RE2JS } from 're2js';
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
  /**
   * Regex source for the pull request reference a summary may end with. A summary that ends with a
   * reference in parentheses (`(#123)`, `(GH-123)`) must end with one that matches this.
   */
  suffix: string;
  /** Regex source a revert title (a summary starting with `Revert `) must match. */
  revert: string;
}

export const CPYTHON_RULES: CommitRules = {
  maxSummary: 72,
  maxBody: 72,
  prefix: '^gh-\\d+: ',
  noTrailingPeriod: true,
  blankAfterSummary: true,
  backport: '^\\[\\d+\\.\\d+\\] gh-\\d+: .+ \\(GH-\\d+\\)$',
  suffix: '\\(GH-\\d+\\)',
  revert: '^Revert gh-\\d+: .+ \\(GH-\\d+\\)$',
};

/**
 * Rules come from site.yaml, so they are compiled by RE2JS, which matches in time linear in the
 * text: no pattern can make the check hang (`^(a|a)*: ` included). Look-arounds and
 * back-references, which RE2 does not support, are refused when site.yaml is read.
 */
const compiled = new Map<string, RE2JS>();
function rule(source: string): RE2JS {
  let re = compiled.get(source);
  if (!re) compiled.set(source, (re = RE2JS.compile(source)));
  return re;
}

function isRegex(source: string): boolean {
  try {
    rule(source);
    return true;
  } catch {
    return false;
  }
}

/** Whether `source` matches somewhere in `text` (or, with `atStart`, at its start). */
function test(source: string, text: string, atStart = false): boolean {
  const matcher = rule(source).matcher(text);
  return atStart ? matcher.lookingAt() : matcher.find();
}

const regexSource = z
  .string()
  .refine(isRegex, 'is not a regular expression that RE2 accepts (RE2 matches in linear time, so look-arounds and back-references are not supported)');

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
  /** Regular expression the pull request reference at the end of a summary, if there is one, must match, such as `\(GH-\d+\)`. */
  suffix: regexSource.default(CPYTHON_RULES.suffix),
  /** Regular expression a revert title (a summary starting with `Revert `) must match in full. */
  revert: regexSource.default(CPYTHON_RULES.revert),
});

export type CommitRuleId = 'summary-missing' | 'summary-length' | 'summary-prefix' | 'summary-suffix' | 'summary-period' | 'blank-line' | 'body-length' | 'backport-title' | 'revert-title' | 'control-character';

export interface CommitProblem {
  /** One of the rule ids: `summary-missing`, `summary-length`, `summary-prefix`, `summary-suffix`, `summary-period`, `blank-line`, `body-length`, `backport-title`, `revert-title`, `control-character`. */
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
/** A pull request named in parentheses at the end of a summary: GitHub's `(#123)`, or `(GH-123)`. */
const PR_REFERENCE = /\((?:#|[A-Za-z]+-)\d+\)$/;
/** A revert title: git's `Revert "…"`, GitHub's button, or CPython's `Revert gh-NNNNN: …`. */
const REVERT = /^Revert\b/;

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
  // A NUL or other control character (tab, newline and carriage return aside) is never part of a
  // message git would keep as written; `git commit` stops at a NUL.
  text.split(/\r?\n/).forEach((line, i) => {
    const at = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(line);
    if (at) add('control-character', i + 1, length(line.slice(0, at.index)) + 1, `Line ${i + 1} holds the control character U+${at[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}${at[0] === '\u0000' ? ' (NUL), at which git cuts the message' : ''}.`, 'Remove it; a commit message is plain text.');
  });
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
    /** A title with a form of its own (backport, revert) must match its rule as a whole. */
    const titleForm = (rule: 'backport-title' | 'revert-title', source: string, cpython: string, starts: string, form: string) => {
      if (test(source, summary)) return;
      const kind = rule === 'backport-title' ? 'backport' : 'revert';
      add(rule, summaryLine, 1, `The summary starts with "${starts}", so it is a ${kind} title, but it does not match /${source}/.`, source === cpython ? form : `Rewrite the title so it matches /${source}/.`);
    };
    if (summary.startsWith('[')) {
      titleForm('backport-title', rules.backport, CPYTHON_RULES.backport, '[', 'Use the form `[3.14] gh-12345: Original summary (GH-12346)`: the target branch in brackets, the original summary, then the original pull request as `(GH-NNNNN)`.');
    } else if (!options.skipIssue && REVERT.test(summary)) {
      titleForm('revert-title', rules.revert, CPYTHON_RULES.revert, 'Revert', 'Use the form `Revert gh-12345: Original summary (GH-12346)`: "Revert", the reverted commit\'s summary without quotes, then its pull request as `(GH-NNNNN)`; give the reason in the body.');
    } else {
      if (!options.skipIssue && !test(rules.prefix, summary, true)) {
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
      const reference = PR_REFERENCE.exec(summary);
      if (reference && !test(`(?:${rules.suffix})$`, summary)) {
        add(
          'summary-suffix',
          summaryLine,
          length(summary.slice(0, reference.index)) + 1,
          `The summary ends with the pull request reference "${reference[0]}", which does not match /${rules.suffix}/.`,
          rules.suffix === CPYTHON_RULES.suffix
            ? 'Write the pull request number as `(GH-NNNNN)`: replace the ` (#NNNNN)` GitHub appends when squash merging, so `(#12346)` becomes `(GH-12346)`.'
            : `End the summary with a reference that matches /${rules.suffix}/, or leave the reference out.`,
        );
      }
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
