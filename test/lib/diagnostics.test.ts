import { describe, expect, it } from 'vitest';
import { closest, diagnostic, formatDiagnostic, formatReport, suggestion } from '../../src/lib/diagnostics.ts';

describe('diagnostics', () => {
  it('prints file:line:col, severity and code first, then the message and the fix', () => {
    const d = diagnostic('broken-link', 'content/guides/triage/labels.md', { line: 14, column: 9 }, 'Link "/triage/lables/" points to no page.', 'did you mean "/triage/labels/"?');
    expect(formatDiagnostic(d)).toBe('content/guides/triage/labels.md:14:9  error  broken-link\n  Link "/triage/lables/" points to no page.\n  Fix: did you mean "/triage/labels/"?');
  });

  it('sorts a report by file and line and ends with a count', () => {
    const report = formatReport([
      diagnostic('broken-link', 'b.md', { line: 2, column: 1 }, 'B'),
      diagnostic('unknown-level', 'a.md', { line: 9, column: 1 }, 'A', undefined, 'warning'),
    ]);
    expect(report.indexOf('a.md:9:1')).toBeLessThan(report.indexOf('b.md:2:1'));
    expect(report.endsWith('1 error, 1 warning')).toBe(true);
  });

  it('suggests the closest candidate, and lists candidates when none is close', () => {
    expect(closest('contributer', ['newcomer', 'contributor', 'core'])).toBe('contributor');
    expect(suggestion('zzz', ['newcomer', 'core'], 'level')).toBe('valid levels: "newcomer", "core".');
  });
});
