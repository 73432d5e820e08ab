/** Prints diagnostics once, with paths relative to where the user ran the command, so editors link them. */
import { displayPath } from './args.ts';
import { formatReport, type Diagnostic } from './diagnostics.ts';

export function printDiagnostics(diagnostics: readonly Diagnostic[], stream: NodeJS.WritableStream = process.stderr): void {
  if (!diagnostics.length) return;
  stream.write(`${formatReport(diagnostics, displayPath)}\n`);
}
