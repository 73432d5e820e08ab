/**
 * Diagnostics: every problem devguide finds in user input is collected as one of these, with the
 * position of the mistake and a hint that says how to fix it. They are printed together, once, so
 * a maintainer sees every problem of a build in one run.
 */
import { compareText } from './compare.ts';

export type Severity = 'error' | 'warning';

/** The table of codes. Each code is one kind of mistake; the README lists them with examples. */
export const CODES = {
  'missing-content': 'The content folder, or a file it must have, does not exist.',
  'unreadable-file': 'A file could not be read (a directory where a file should be, no permission, invalid UTF-8).',
  'invalid-yaml': 'A YAML file (or frontmatter block) does not parse.',
  'invalid-site-config': 'site.yaml has a missing or wrong field.',
  'invalid-frontmatter': 'A guide\'s frontmatter has a missing or wrong field.',
  'unknown-level': 'A guide\'s `level` is not one of the contributor ladder\'s levels.',
  'unknown-section': 'A guide sits in a folder that site.yaml does not list as a section.',
  'duplicate-url': 'Two files would be published at the same URL.',
  'ignored-file': 'A folder or Markdown-like file in guides/ that is not read (only guides/<section>/<slug>.md are).',
  'invalid-file-name': 'A guide\'s file name gives it no URL (an error) or loses characters on the way to its URL (a warning).',
  'empty-file': 'A guide file is empty.',
  'unknown-directive': 'A `:name`, `::name` or `:::name` directive that devguide does not know.',
  'invalid-directive': 'A known directive used the wrong way (missing label, wrong nesting).',
  'unknown-language': 'A code block names a language that the highlighter does not know.',
  'broken-link': 'A link points to no page.',
  'broken-anchor': 'A link points to a heading that does not exist on its page.',
  'broken-image': 'An image points to a file that does not exist beside the guides.',
  'not-in-summary': 'A Markdown file of an mdBook book that SUMMARY.md does not list (published, but in no menu).',
  'draft-link': 'A published page links to a draft.',
  'unsafe-html': 'Raw HTML that could run script was removed.',
  'invalid-experts': 'experts.yaml has a missing or wrong field.',
  'unknown-expert': 'A handle or area that experts.yaml does not define.',
  'duplicate-area': 'An area is listed twice in experts.yaml.',
  'emeritus-expert': 'An emeritus person is listed as a current expert.',
  'no-experts': 'An area has no experts and is not marked `unmaintained: true`.',
  'unused-person': 'A person in experts.yaml is not an expert of any area.',
  'invalid-redirect': 'A redirect in redirects.yaml is wrong (missing target, chain, loop, live page).',
  'invalid-release-cycle': 'release-cycle.json has a wrong field.',
  'invalid-labels': 'labels.yaml has a wrong field, a duplicate or a bad colour.',
  'commit-example': 'A commit-message example in a guide disagrees with the checker.',
  'broken-include': 'An mdBook `{{#include}}` names a missing file, an unknown anchor, lines past the end or a file outside the include root (a warning: an include in running text, left as written).',
  'git-unavailable': 'Git history could not be read, so pages have no "Last updated" date.',
  'outside-content': 'A symbolic link in the content folder leads to a file or folder outside it.',
  'too-deep': 'Markdown nested deeper (block quotes, lists) than the renderer allows.',
  'undefined-footnote': 'A footnote reference `[^name]` has no `[^name]: …` definition.',
  'unsupported-pattern': 'A CODEOWNERS or experts.yaml path pattern uses syntax GitHub does not support (`!`, `[ ]`).',
} as const;

export type Code = keyof typeof CODES;

export interface Diagnostic {
  code: Code;
  severity: Severity;
  /** Path of the file, relative to the current working directory when printed. */
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column; 0 when unknown. */
  column: number;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it, naming the closest valid value where there is one. */
  hint?: string;
}

export interface Position {
  line: number;
  column: number;
}

/** Builds a diagnostic; a shorthand that keeps call sites to one line. */
export function diagnostic(
  code: Code,
  file: string,
  position: Position | undefined,
  message: string,
  hint?: string,
  severity: Severity = 'error',
): Diagnostic {
  return {
    code,
    severity,
    file,
    line: position?.line ?? 0,
    column: position?.column ?? 0,
    message,
    ...(hint ? { hint } : {}),
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts by file, then line, then column, so output is stable and reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.code, b.code),
  );
}

/**
 * Formats one diagnostic the way editors and terminals make clickable:
 * `file:line:col  severity  code`, then the message, then the fix.
 */
export function formatDiagnostic(d: Diagnostic, relativeTo?: (file: string) => string): string {
  const file = relativeTo ? relativeTo(d.file) : d.file;
  const where = d.line > 0 ? `${file}:${d.line}:${d.column || 1}` : file;
  const lines = [`${where}  ${d.severity}  ${d.code}`, `  ${d.message}`];
  if (d.hint) lines.push(`  Fix: ${d.hint}`);
  return lines.join('\n');
}

/** Formats every diagnostic plus a one-line summary. */
export function formatReport(diagnostics: readonly Diagnostic[], relativeTo?: (file: string) => string): string {
  const sorted = sortDiagnostics(diagnostics);
  const errors = sorted.filter((d) => d.severity === 'error').length;
  const warnings = sorted.length - errors;
  const body = sorted.map((d) => formatDiagnostic(d, relativeTo)).join('\n\n');
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return body ? `${body}\n\n${summary}` : summary;
}

/** Thrown when a build must stop; carries every diagnostic so the caller prints them once. */
export class DiagnosticsError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    super(`devguide found ${errors} error${errors === 1 ? '' : 's'} in the content.`);
    this.name = 'DiagnosticsError';
    this.diagnostics = diagnostics;
  }
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The candidate closest to `value`, or undefined when nothing is reasonably close. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = value.toLowerCase();
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

/** "did you mean "x"?" when there is a close candidate, else a list of what exists. */
export function suggestion(value: string, candidates: readonly string[], noun = 'value'): string {
  const near = closest(value, candidates);
  if (near) return `did you mean "${near}"?`;
  const shown = candidates.slice(0, 12).map((c) => `"${c}"`).join(', ');
  return candidates.length ? `valid ${noun}s: ${shown}${candidates.length > 12 ? ', …' : ''}.` : '';
}
