/**
 * CODEOWNERS: parsing, GitHub's matching rules (gitignore-style globs, `**`, anchoring, directory
 * patterns, last match wins, lines without owners that exclude a path), the drift report between
 * a CODEOWNERS file and the experts index, and CODEOWNERS lines generated from the index.
 */
import type { Area, ExpertsIndex } from './experts.ts';

export interface CodeownersRule {
  pattern: string;
  /** `@user`, `@org/team` or e-mail addresses, as written. Empty for an exclusion line. */
  owners: string[];
  line: number;
}

/** Why GitHub does not accept `pattern` in CODEOWNERS, or undefined when it does. */
export function unsupportedPattern(pattern: string): string | undefined {
  if (pattern.startsWith('!')) return 'negation with "!" is not supported in CODEOWNERS';
  if (/\[[^\]]*\]/.test(pattern)) return 'character ranges in "[ ]" are not supported in CODEOWNERS';
  return undefined;
}

/**
 * Parses CODEOWNERS text: comments, blank lines, inline comments, escaped `\#`. Lines GitHub does
 * not accept (`!` negation, `[ ]` ranges) are left out of the rules and returned as problems.
 */
export function parseCodeowners(text: string, problems: Array<{ line: number; column: number; message: string }> = []): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const [pattern, ...owners] = line.split(/\s+/);
    const unsupported = unsupportedPattern(pattern!);
    if (unsupported) {
      problems.push({ line: i + 1, column: raw.indexOf(pattern!) + 1, message: `"${pattern}": ${unsupported}, so GitHub ignores this line.` });
      return;
    }
    rules.push({ pattern: pattern!.replace(/^\\#/, '#'), owners, line: i + 1 });
  });
  return rules;
}

/**
 * A compiled pattern: a small automaton simulated over the path one character at a time, so a
 * match takes time linear in the path whatever the pattern (`a**…**c` cannot backtrack).
 */
type State = { kind: 'char'; test: (c: string) => boolean; out: number } | { kind: 'split'; outs: number[] } | { kind: 'end' };

interface Matcher {
  states: State[];
  start: number;
}

const ANY = () => true;
const NOT_SLASH = (c: string) => c !== '/';

function compile(pattern: string): Matcher {
  const states: State[] = [{ kind: 'end' }];
  const add = (state: State) => states.push(state) - 1;
  /** `.*`, looping back to itself, then `next`. */
  const anything = (next: number) => {
    const loop = add({ kind: 'split', outs: [] });
    const step = add({ kind: 'char', test: ANY, out: loop });
    (states[loop] as { outs: number[] }).outs = [step, next];
    return loop;
  };
  /** `(?:.*\/)?`: nothing, or any run of characters ending with a slash. */
  const optionalFolders = (next: number) => add({ kind: 'split', outs: [next, anything(add({ kind: 'char', test: (c) => c === '/', out: next }))] });

  let p = pattern;
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.startsWith('/') || p.includes('/');
  p = p.replace(/^\//, '');
  // What may follow the pattern: a folder's contents (`/.*`), required for `dir/`, optional
  // otherwise, and absent after a final `/*` (GitHub: `docs/*` does not reach docs/a/b.md).
  const contents = add({ kind: 'char', test: (c) => c === '/', out: anything(0) });
  let next = dirOnly ? contents : p.endsWith('/*') ? 0 : add({ kind: 'split', outs: [0, contents] });
  for (let i = p.length - 1; i >= 0; i--) {
    const c = p[i]!;
    if (c === '*' && p[i - 1] === '*') {
      next = anything(next);
      i--;
    } else if (c === '/' && p[i - 1] === '*' && p[i - 2] === '*' && (i === 2 || p[i - 3] === '/')) {
      next = optionalFolders(next);
      i -= 2;
    } else if (c === '*') {
      const loop = add({ kind: 'split', outs: [] });
      (states[loop] as { outs: number[] }).outs = [add({ kind: 'char', test: NOT_SLASH, out: loop }), next];
      next = loop;
    } else if (c === '?') next = add({ kind: 'char', test: NOT_SLASH, out: next });
    else next = add({ kind: 'char', test: (x) => x === c, out: next });
  }
  return { states, start: anchored ? next : optionalFolders(next) };
}

function accepts(m: Matcher, text: string): boolean {
  const closure = (from: Iterable<number>) => {
    const seen = new Set<number>();
    const stack = [...from];
    while (stack.length) {
      const i = stack.pop()!;
      if (seen.has(i)) continue;
      seen.add(i);
      const state = m.states[i]!;
      if (state.kind === 'split') stack.push(...state.outs);
    }
    return seen;
  };
  let current = closure([m.start]);
  for (const c of text) {
    const next: number[] = [];
    for (const i of current) {
      const state = m.states[i]!;
      if (state.kind === 'char' && state.test(c)) next.push(state.out);
    }
    if (!next.length) return false;
    current = closure(next);
  }
  return current.has(0);
}

const cache = new Map<string, Matcher>();

/** Whether CODEOWNERS `pattern` matches `path`, as GitHub matches it. */
export function matches(pattern: string, path: string): boolean {
  let m = cache.get(pattern);
  if (!m) cache.set(pattern, (m = compile(pattern)));
  return accepts(m, path.replace(/^\//, ''));
}

/** Owners of `path`: the last matching rule wins; a matching line with no owners leaves it unowned. */
export function ownersOf(rules: readonly CodeownersRule[], path: string): { owners: string[]; rule?: CodeownersRule } {
  for (let i = rules.length - 1; i >= 0; i--) {
    if (matches(rules[i]!.pattern, path)) return { owners: rules[i]!.owners, rule: rules[i] };
  }
  return { owners: [] };
}

/** `@user` → `user`; teams (`@org/team`) and e-mail addresses are not people. */
export function personHandle(owner: string): string | undefined {
  return /^@[^/]+$/.test(owner) ? owner.slice(1) : undefined;
}

/** A concrete path that `pattern` matches, used to ask "who owns this area's path?". */
export function samplePath(pattern: string): string {
  let p = pattern.replace(/^\//, '').replace(/\*\*\//g, '').replace(/\/\*\*$/, '/x').replace(/\*\*/g, 'x').replace(/\*/g, 'x').replace(/\?/g, 'x');
  if (p.endsWith('/')) p += 'x';
  return p;
}

export type DriftKind = 'owner-not-expert' | 'expert-owns-nothing' | 'unknown-handle';

export interface Drift {
  kind: DriftKind;
  /** Line in the CODEOWNERS file, when the drift is about one of its lines. */
  line?: number;
  handle: string;
  area?: Area;
  pattern?: string;
  message: string;
}

/** Every difference between CODEOWNERS and the experts index. */
export function codeownersDrift(index: ExpertsIndex, rules: readonly CodeownersRule[]): { drift: Drift[]; mapped: number; unmapped: number } {
  const drift: Drift[] = [];
  const known = new Set(index.people.map((p) => p.handle.toLowerCase()));
  const areaOfPattern = new Map<string, Area>();
  for (const area of index.areas) for (const path of area.paths) if (!areaOfPattern.has(path)) areaOfPattern.set(path, area);
  let mapped = 0;
  let unmapped = 0;
  const reported = new Set<string>();
  for (const rule of rules) {
    const handles = rule.owners.map(personHandle).filter((h): h is string => Boolean(h));
    for (const handle of handles) {
      if (!known.has(handle.toLowerCase()) && !reported.has(handle.toLowerCase())) {
        reported.add(handle.toLowerCase());
        drift.push({ kind: 'unknown-handle', line: rule.line, handle, pattern: rule.pattern, message: `@${handle} owns ${rule.pattern} but is not in the experts index.` });
      }
    }
    const area = areaOfPattern.get(rule.pattern);
    if (!area) {
      unmapped++;
      continue;
    }
    mapped++;
    const experts = new Set(area.experts.map((e) => e.handle.toLowerCase()));
    for (const handle of handles) {
      if (known.has(handle.toLowerCase()) && !experts.has(handle.toLowerCase())) {
        drift.push({ kind: 'owner-not-expert', line: rule.line, handle, area, pattern: rule.pattern, message: `@${handle} owns ${rule.pattern} but is not an expert of ${area.kind} "${area.name}".` });
      }
    }
  }
  for (const area of index.areas) {
    if (!area.paths.length) continue;
    for (const expert of area.experts) {
      const ownsOne = area.paths.some((path) => ownersOf(rules, samplePath(path)).owners.some((o) => personHandle(o)?.toLowerCase() === expert.handle.toLowerCase()));
      if (!ownsOne) {
        drift.push({ kind: 'expert-owns-nothing', handle: expert.handle, area, message: `@${expert.handle} is an expert of ${area.kind} "${area.name}" but owns none of its paths (${area.paths.join(', ')}).` });
      }
    }
  }
  return { drift, mapped, unmapped };
}

/** CODEOWNERS lines generated from the index: one block per area with paths. */
export function codeownersFromIndex(index: ExpertsIndex): string {
  const lines = ['# Generated from the experts index by `npm run codeowners -- --write`.', '# Edit experts.yaml, not this file.', ''];
  for (const area of index.areas) {
    if (!area.paths.length) continue;
    const owners = [...area.experts.map((e) => `@${e.handle}`), ...area.teams.map((t) => `@${t}`)];
    lines.push(`# ${area.kind}: ${area.name}`);
    for (const path of area.paths) lines.push(owners.length ? `${path} ${owners.join(' ')}` : path);
    lines.push('');
  }
  return lines.join('\n');
}
