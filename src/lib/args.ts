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

/** One option of a command, declared once: the parser accepts it and `--help` explains it. */
export interface OptionSpec {
  /** `flag`: a bare `--name`; `value`: `--name VALUE`; `number`: `--name N`, a non-negative number. */
  kind: 'flag' | 'value' | 'number';
  /** What the value stands for in the help, such as `DIR` (default: `N` for numbers, `VALUE` otherwise). */
  placeholder?: string;
  /** What the option does, on one line. */
  help: string;
  /** What the command uses when the option is left out, as the help shows it. */
  default?: string | number;
}

/** A command: its npm script, what it does and what it accepts. Each command module exports its own as `command`. */
export interface CommandSpec {
  /** The npm script: `npm run <name>`. */
  name: string;
  /** What the command does, in a sentence or two. */
  description: string;
  options: Readonly<Record<string, OptionSpec>>;
  /** Positional arguments, in order. */
  positional?: readonly { name: string; help: string }[];
}

/** Options several commands share, so they read the same in every help. */
export const SHARED_OPTIONS = {
  content: { kind: 'value', placeholder: 'DIR', help: 'the folder of guides and data files', default: 'content/' },
  'warn-links': { kind: 'flag', help: 'report broken links and anchors as warnings, not errors' },
  port: { kind: 'number', help: 'the port to listen on', default: 4321 },
  host: { kind: 'value', placeholder: 'HOST', help: 'the address to listen on', default: '127.0.0.1' },
} as const satisfies Record<string, OptionSpec>;

/** What the parser needs to know of a command. */
export function argSpec(command: CommandSpec): ArgSpec {
  const named = (kind: OptionSpec['kind']) => Object.keys(command.options).filter((name) => command.options[name]!.kind === kind);
  return { values: named('value'), numbers: named('number'), flags: named('flag'), positional: command.positional?.length ?? 0 };
}

/** `Usage: npm run check -- [options]`, with the positional arguments before `[options]`. */
export function usageLine(command: CommandSpec): string {
  return `Usage: npm run ${command.name} -- ${[...(command.positional ?? []).map((p) => p.name), '[options]'].join(' ')}`;
}

/** What `--help` prints: the usage, the description, then every argument and option with what it does. */
export function helpText(command: CommandSpec): string {
  const option = (name: string, o: OptionSpec): [string, string] => [
    `--${name}${o.kind === 'flag' ? '' : ` ${o.placeholder ?? (o.kind === 'number' ? 'N' : 'VALUE')}`}`,
    `${o.help}${o.default === undefined ? '' : ` (default: ${o.default})`}`,
  ];
  const positional = (command.positional ?? []).map((p): [string, string] => [p.name, p.help]);
  const options = [...Object.entries(command.options).map(([name, o]) => option(name, o)), ['-h, --help', 'print this help and exit'] as [string, string]];
  const width = Math.max(...[...positional, ...options].map(([left]) => left.length));
  const table = (rows: [string, string][]) => rows.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`).join('\n');
  return [usageLine(command), '', command.description, '', ...(positional.length ? ['Arguments:', table(positional), ''] : []), 'Options:', table(options), ''].join('\n');
}

/** Prints a mistake on the command line, as every command does: what is wrong, the usage, where the options are listed. */
export function printUsageError(command: CommandSpec, message: string): void {
  console.error(`${message}\n${usageLine(command)}\nRun \`npm run ${command.name} -- --help\` to see every option.`);
}

/**
 * Reads the command line as `command` declares it. `--help` or `-h` prints the help (`exit: 0`);
 * a mistake is printed with the usage (`exit: 2`). Given an `exit`, the command does nothing else.
 */
export function readCommandLine(argv: readonly string[], command: CommandSpec): { args: Args } | { exit: number } {
  const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (options.includes('--help') || options.includes('-h')) {
    process.stdout.write(helpText(command));
    return { exit: 0 };
  }
  try {
    return { args: parseArgs(argv, argSpec(command)) };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    printUsageError(command, error.message);
    return { exit: 2 };
  }
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

/** `readCommandLine` for a command's entry point: after the help (exit 0) or a usage error (exit 2), the process exits. */
export function parseArgsOrExit(argv: readonly string[], command: CommandSpec): Args {
  const parsed = readCommandLine(argv, command);
  if ('exit' in parsed) process.exit(parsed.exit);
  return parsed.args;
}
