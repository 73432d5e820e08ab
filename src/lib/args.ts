/** Command-line flags shared by every devguide command: `--content DIR`, `--out DIR`, and more. */
import path from 'node:path';
import { closest } from './diagnostics.ts';

/**
 * Resolves a path the user typed. `npm run` starts scripts in the project root, but the user
 * meant the folder they typed the command in, which npm passes as INIT_CWD.
 */
export function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

/** A path as the user should see it: relative to where they ran the command when inside it. */
export function displayPath(p: string): string {
  const relative = path.relative(process.env.INIT_CWD ?? process.cwd(), p);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : p;
}

export interface Args {
  content?: string;
  out?: string;
  flags: Set<string>;
  values: Map<string, string>;
  positional: string[];
}

/** What a command accepts; anything else is a usage error, so a typo never goes unnoticed. */
export interface ArgSpec {
  /** `--name value` options. */
  values?: readonly string[];
  /** `--name N` options whose value must be a non-negative number. */
  numbers?: readonly string[];
  /** Bare `--flag`s. */
  flags?: readonly string[];
  /** How many positional arguments the command takes (default 0). */
  positional?: number;
}

/** A mistake on the command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** Parses `--name value`, `--name=value`, bare `--flag`s and positional arguments, as `spec` allows. */
export function parseArgs(argv: readonly string[], spec: ArgSpec = {}): Args {
  const args: Args = { flags: new Set(), values: new Map(), positional: [] };
  const flags = spec.flags ?? [];
  const valued = [...(spec.values ?? []), ...(spec.numbers ?? [])];
  const known = [...valued, ...flags];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') args.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (flags.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
      args.flags.add(name);
      continue;
    }
    if (!valued.includes(name)) {
      const near = closest(name, known);
      throw new UsageError(`Unknown option --${name}.${near ? ` Did you mean --${near}?` : ''}`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value.`);
    if (spec.numbers?.includes(name) && !(Number.isFinite(Number(value)) && Number(value) >= 0 && value.trim() !== '')) {
      throw new UsageError(`--${name} needs a number, not "${value}".`);
    }
    args.values.set(name, value);
  }
  if (args.positional.length > (spec.positional ?? 0)) {
    throw new UsageError(`Unexpected argument "${args.positional[spec.positional ?? 0]}".${args.positional[spec.positional ?? 0]!.startsWith('-') ? '' : ' Options start with --.'}`);
  }
  const content = args.values.get('content');
  const out = args.values.get('out');
  args.content = content === undefined ? undefined : userPath(content);
  args.out = out === undefined ? undefined : userPath(out);
  return args;
}

/** `parseArgs` for a command's entry point: a usage error is printed with `usage`, and the process exits 2. */
export function parseArgsOrExit(argv: readonly string[], spec: ArgSpec, usage: string): Args {
  try {
    return parseArgs(argv, spec);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\nUsage: ${usage}`);
    process.exit(2);
  }
}
