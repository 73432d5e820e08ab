/** Command-line flags shared by every devguide command: `--content DIR`, `--out DIR`, and more. */
import path from 'node:path';

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

/** Parses `--name value`, `--name=value` and bare `--flag`s (those listed in `booleans`). */
export function parseArgs(argv: readonly string[], booleans: readonly string[] = []): Args {
  const args: Args = { flags: new Set(), values: new Map(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      args.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (booleans.includes(name) && inline === undefined) {
      args.flags.add(name);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value.`);
    args.values.set(name, value);
  }
  const content = args.values.get('content');
  const out = args.values.get('out');
  args.content = content === undefined ? undefined : userPath(content);
  args.out = out === undefined ? undefined : userPath(out);
  return args;
}
