/**
 * The bridge between unified plugins and devguide diagnostics: plugins report problems on the
 * vfile with a code, a position and a hint; the renderer turns them into Diagnostics afterwards.
 */
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { Code, Diagnostic, Severity } from './diagnostics.ts';

/** Reports a problem at `node` (or at `place`) on `file`. */
export function report(
  file: VFile,
  code: Code,
  place: Node | { line: number; column: number } | undefined,
  message: string,
  hint?: string,
  severity: Severity = 'error',
): void {
  const position = place && 'type' in place ? place.position : place;
  const m = file.message(message, { place: position, ruleId: code, source: 'devguide' });
  m.fatal = severity === 'error';
  if (hint) m.note = hint;
}

/** Every message on `file` as a Diagnostic for `path`. */
export function vfileDiagnostics(file: VFile, path: string): Diagnostic[] {
  return file.messages.map((m) => ({
    code: (m.ruleId ?? 'invalid-directive') as Code,
    severity: m.fatal ? ('error' as const) : ('warning' as const),
    file: path,
    line: m.line ?? 0,
    column: m.column ?? 0,
    message: m.reason,
    ...(m.note ? { hint: m.note } : {}),
  }));
}
