/**
 * CODEOWNERS against the experts index: who owns a path (the last matching rule wins; a line
 * without owners un-owns it), the drift report between a CODEOWNERS file and the index, and
 * CODEOWNERS lines generated from the index. Syntax and matching are in codeowners-match.ts.
 */
import type { Area, ExpertsIndex } from './experts.ts';
import { matches, type CodeownersRule } from './codeowners-match.ts';

export { matches, parseCodeowners, unsupportedPattern, type CodeownersRule } from './codeowners-match.ts';

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
