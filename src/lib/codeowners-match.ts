/**
 * CODEOWNERS syntax and matching as GitHub defines them: parsing (comments, escaped `\\#`, lines
 * GitHub does not accept) and a matcher that runs in time linear in the path. No knowledge of the
 * experts index: src/lib/codeowners.ts compares the two.
 */

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

