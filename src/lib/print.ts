/** Prints diagnostics once, with paths relative to the working directory so editors link them. */
import path from 'node:path';
import { formatReport, type Diagnostic } from './diagnostics.ts';

export function printDiagnostics(diagnostics: readonly Diagnostic[], stream: NodeJS.WritableStream = process.stderr): void {
  if (!diagnostics.length) return;
  const relative = (file: string) => {
    const r = path.relative(process.cwd(), file);
    return r && !r.startsWith('..') ? r : file;
  };
  stream.write(`${formatReport(diagnostics, relative)}\n`);
}
