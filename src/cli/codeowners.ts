/**
 * `npm run codeowners -- --check PATH` reports drift between a CODEOWNERS file and the experts
 * index (exit 1 on drift); `npm run codeowners -- --write` prints CODEOWNERS lines from the index.
 */
import path from 'node:path';
import { displayPath, printUsageError, readCommandLine, SHARED_OPTIONS, userPath, type CommandSpec } from '../lib/args.ts';
import { codeownersDrift, codeownersFromIndex, parseCodeowners, type DriftKind } from '../lib/codeowners.ts';
import { readText } from '../lib/read-text.ts';
import { diagnostic, hasErrors } from '../lib/diagnostics.ts';
import { loadExperts } from '../lib/experts.ts';
import { DEFAULT_CONTENT } from '../lib/paths.ts';
import { printDiagnostics } from '../lib/print.ts';
import { guardCommand } from '../lib/crash.ts';

const TITLES: Record<DriftKind, string> = {
  'owner-not-expert': 'CODEOWNERS owners who are not experts of the matching area',
  'expert-owns-nothing': 'Experts of an area with paths who own none of them',
  'unknown-handle': 'Handles in CODEOWNERS unknown to the experts index',
};

export const command = {
  name: 'codeowners',
  description: 'Reports drift between a CODEOWNERS file and the experts index (--check, exit 1 on drift), or prints CODEOWNERS lines made from the index (--write).',
  options: {
    check: { kind: 'value', placeholder: 'PATH', help: 'the CODEOWNERS file to compare with the experts index' },
    write: { kind: 'flag', help: 'print CODEOWNERS lines made from the experts index' },
    content: SHARED_OPTIONS.content,
  },
} as const satisfies CommandSpec;

export function codeowners(argv: readonly string[]): number {
  const parsed = readCommandLine(argv, command);
  if ('exit' in parsed) return parsed.exit;
  const { args } = parsed;
  const checkArg = args.values.get('check');
  if (checkArg === undefined && !args.flags.has('write')) {
    printUsageError(command, 'Pass --check PATH to compare a CODEOWNERS file with the experts index, or --write to print one.');
    return 2;
  }
  const content = path.resolve(args.content ?? DEFAULT_CONTENT);
  const expertsFile = path.join(content, 'experts.yaml');
  const { index, diagnostics } = loadExperts(expertsFile);
  printDiagnostics(diagnostics);
  if (!index || hasErrors(diagnostics)) {
    if (!index && !diagnostics.length) console.error(`${expertsFile} does not exist.`);
    return 2;
  }
  if (args.flags.has('write')) {
    process.stdout.write(codeownersFromIndex(index));
    return 0;
  }
  const check = userPath(checkArg!);
  const read = readText(check);
  if (read.diagnostic) {
    printDiagnostics([read.diagnostic]);
    return 2;
  }
  const problems: Array<{ line: number; column: number; message: string }> = [];
  const rules = parseCodeowners(read.text!, problems);
  printDiagnostics(problems.map((p) => diagnostic('unsupported-pattern', check, p, p.message, 'Write the rule without it: list the paths it should cover, or leave them out of the rule.', 'warning')));
  const { drift, mapped, unmapped } = codeownersDrift(index, rules);
  const rel = displayPath(check);
  for (const kind of Object.keys(TITLES) as DriftKind[]) {
    const items = drift.filter((d) => d.kind === kind);
    if (!items.length) continue;
    console.log(`\n${TITLES[kind]} (${items.length}):`);
    for (const d of items) console.log(`  ${d.line ? `${rel}:${d.line}  ` : `${displayPath(expertsFile)}:${d.area?.line ?? 0}  `}${d.message}`);
  }
  const counts = (Object.keys(TITLES) as DriftKind[]).map((k) => `${drift.filter((d) => d.kind === k).length} ${k}`).join(', ');
  console.log(`\n${rules.length} CODEOWNERS rules: ${mapped} belong to an area of the index, ${unmapped} to none. Drift: ${drift.length ? counts : 'none'}.`);
  if (drift.length) console.log('Fix: update experts.yaml (experts and paths) or CODEOWNERS so they agree; `npm run codeowners -- --write` prints CODEOWNERS lines from the index.');
  return drift.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  guardCommand();
  process.exitCode = codeowners(process.argv.slice(2));
}
