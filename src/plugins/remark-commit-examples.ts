/**
 * Commit-message examples in a guide (```` ```text commit="good" ````) are run through the same
 * checker as `npm run commit-msg`: a "good" example that breaks a rule, or a "bad" one that breaks
 * none, fails the build, so the guide and the rules cannot drift apart. Each example is labelled
 * in words, not by colour alone. `skip-issue` in the meta checks it as `--skip-issue` does: a
 * change with no issue, whose summary needs no issue prefix.
 */
import type { Root } from 'mdast';
import { visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';
import { checkCommitMessage, CPYTHON_RULES, type CommitRules } from '../lib/commit-message.ts';
import { suggestion } from '../lib/diagnostics.ts';
import { report } from '../lib/report.ts';
import type { DataUse } from './types.ts';

export interface Options {
  rules?: CommitRules;
}

const VERDICTS = ['good', 'bad'];
const VERDICT = /(?:^|\s)commit=(?:"([^"]*)"|'([^']*)'|(\S*))/;
const SKIP_ISSUE = /(?:^|\s)skip-issue(?=\s|$)/;

/** remark plugin: checks and labels commit-message examples. */
export default function remarkCommitExamples(options: Options = {}) {
  const rules = options.rules ?? CPYTHON_RULES;
  return (tree: Root, file: VFile) => {
    visit(tree, 'code', (node) => {
      const match = node.meta ? VERDICT.exec(node.meta) : undefined;
      if (!match) return;
      const verdict = match[1] ?? match[2] ?? match[3] ?? '';
      if (!VERDICTS.includes(verdict)) {
        const near = suggestion(verdict, VERDICTS, 'verdict');
        report(file, 'commit-example', node, `The commit example's verdict is "${verdict}", which is not one of "good", "bad"; the example is not checked.`, `${near.startsWith('did') ? `${near} ` : ''}Write commit="good" for a message that passes the check, or commit="bad" for one that breaks a rule.`);
        return;
      }
      const problems = checkCommitMessage(node.value, rules, { skipIssue: SKIP_ISSUE.test(node.meta!) });
      if (verdict === 'good' && problems.length) {
        const list = problems.map((p) => `line ${p.line}: ${p.message}`).join(' ');
        report(file, 'commit-example', node, `This example is marked good, but the commit-message checker rejects it: ${list}`, problems.every((p) => p.rule === 'summary-prefix') ? 'Give the summary its issue prefix, add `skip-issue` to the fence if the change has no issue, or mark it commit="bad".' : 'Fix the example, or mark it commit="bad" and say which rule it breaks.');
      } else if (verdict === 'bad' && !problems.length) {
        report(file, 'commit-example', node, 'This example is marked bad, but it passes every commit-message rule.', 'Make it break the rule the text describes, or mark it commit="good".');
      }
      if (!/(?:^|\s)title=/.test(node.meta ?? '')) {
        node.meta = `${node.meta} title="${verdict === 'good' ? '✓ Good: passes the commit-message check' : `✗ Bad: ${problems.map((p) => p.rule).join(', ') || 'breaks a rule'}`}"`;
      }
    });
  };
}

/** A commit example's fence (```text commit="good") depends on the commit rules. */
export const dataUses: DataUse[] = [{ pattern: /commit=/, reads: ['commitRules'] }];
