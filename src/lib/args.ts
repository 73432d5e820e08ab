/** Command-line flags shared by every devguide command: `--content DIR`, `--out DIR`, and more. */
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
  args.content = args.values.get('content');
  args.out = args.values.get('out');
  return args;
}
