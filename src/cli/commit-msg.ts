/**
 * `npm run commit-msg -- FILE [--content DIR] [--skip-issue]`: checks a commit message against the rules of the
 * commit-message guide, as Git's commit-msg hook (which passes the path of the message file).
 * The rules come from `commitRules` in `<content>/site.yaml`, else CPython's defaults.
 * `--skip-issue` is for a trivial change with no issue (CPython's `skip issue` label): the summary
 * then needs no issue prefix, and every other rule still applies.
 * Exit codes: 0 the message passes (nothing printed), 1 it has problems (each printed with a fix),
 * 2 the message file or site.yaml could not be read.
 *
 * To use it as a hook: `printf '#!/bin/sh\nexec npm run --silent commit-msg -- "$1"\n' > .git/hooks/commit-msg`
 * and `chmod +x .git/hooks/commit-msg`.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { printUsageError, readCommandLine, userPath, type CommandSpec } from '../lib/args.ts';
import { checkCommitMessage, commitRulesSchema, CPYTHON_RULES, formatProblems, type CommitRules } from '../lib/commit-message.ts';
import { loadDataFile } from '../lib/data/load.ts';
import { readText } from '../lib/read-text.ts';
import type { Diagnostic } from '../lib/diagnostics.ts';
import { DEFAULT_CONTENT } from '../lib/paths.ts';
import { printDiagnostics } from '../lib/print.ts';
import { guardCommand } from '../lib/crash.ts';

/** The rules configured under `commitRules` in `<contentDir>/site.yaml`; CPython's when there are none. */
export function loadCommitRules(contentDir: string): { rules?: CommitRules; diagnostics: Diagnostic[] } {
  const file = path.join(contentDir, 'site.yaml');
  // Only `commitRules` is checked here; the build validates the rest of site.yaml.
  const { value, diagnostics } = loadDataFile(file, z.object({ commitRules: commitRulesSchema.optional() }), 'invalid-site-config');
  if (diagnostics.length) return { diagnostics };
  return { rules: value?.commitRules ?? CPYTHON_RULES, diagnostics };
}

export const command = {
  name: 'commit-msg',
  description: 'Checks a commit message against the rules of the commit-message guide (those under commitRules in site.yaml, else CPython\'s). Prints nothing when it passes; exits 1 with each problem and its fix when not.',
  positional: [{ name: 'FILE', help: 'the commit message file, as Git\'s commit-msg hook passes it' }],
  options: {
    content: { kind: 'value', placeholder: 'DIR', help: 'the folder whose site.yaml sets commitRules', default: 'content/' },
    'skip-issue': { kind: 'flag', help: 'the change has no issue (the `skip issue` label), so the summary needs no issue prefix' },
  },
} as const satisfies CommandSpec;

/** Checks the message in `file`; returns the exit code. */
export function commitMsg(argv: readonly string[]): number {
  const parsed = readCommandLine(argv, command);
  if ('exit' in parsed) return parsed.exit;
  const { args } = parsed;
  const [typed] = args.positional;
  if (!typed) {
    printUsageError(command, 'Which commit message? Pass the file that holds it, such as .git/COMMIT_EDITMSG.');
    return 2;
  }
  const file = userPath(typed);
  const contentDir = path.resolve(args.content ?? DEFAULT_CONTENT);
  if (args.content && !existsSync(contentDir)) {
    console.error(`The content folder ${args.content} does not exist.\n  Fix: pass the folder that holds site.yaml to --content, or leave --content out to use the default rules.`);
    return 2;
  }
  const { rules, diagnostics } = loadCommitRules(contentDir);
  if (!rules) {
    printDiagnostics(diagnostics);
    console.error('\nThe commit message could not be checked: fix `commitRules` in site.yaml first.');
    return 2;
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    console.error(`${typed} is a directory, not a commit message file.\n  Fix: pass the file Git's commit-msg hook receives, such as .git/COMMIT_EDITMSG.`);
    return 2;
  }
  const read = readText(file);
  if (read.diagnostic) {
    printDiagnostics([read.diagnostic]);
    console.error('\nThe commit message could not be checked.');
    return 2;
  }
  const problems = checkCommitMessage(read.text!, rules, { skipIssue: args.flags.has('skip-issue') });
  if (!problems.length) return 0;
  const n = problems.length;
  console.error(`${formatProblems(typed, problems)}\n\n${n} problem${n === 1 ? '' : 's'} in the commit message; see the "Writing commit messages" guide.`);
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  guardCommand();
  process.exitCode = commitMsg(process.argv.slice(2));
}
