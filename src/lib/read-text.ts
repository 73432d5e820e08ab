/**
 * Reading a text file the way every input of devguide is read: strict UTF-8 (a BOM is dropped), with
 * a diagnostic at the first invalid byte, or for a folder or an unreadable file, instead of a throw.
 */
import { readFileSync, statSync } from 'node:fs';
import { diagnostic, type Diagnostic } from './diagnostics.ts';

/** Reads a file as strict UTF-8, reporting where the first invalid byte is. */
export function readText(file: string): { text?: string; diagnostic?: Diagnostic } {
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      return { diagnostic: diagnostic('unreadable-file', file, undefined, 'This is a directory, but a file was expected here.', 'Move the folder elsewhere or rename it so it does not end in ".md".') };
    }
    bytes = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { diagnostic: diagnostic('unreadable-file', file, undefined, `The file cannot be read (${reason}).`, 'Check that the file exists and that its permissions allow reading it.') };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(bad, 0));
    const line = before.split('\n').length;
    const column = bad - before.lastIndexOf('\n');
    return {
      diagnostic: diagnostic('unreadable-file', file, { line, column }, 'The file is not valid UTF-8.', 'Save the file with UTF-8 encoding (most editors offer "Save with encoding").'),
    };
  }
}
