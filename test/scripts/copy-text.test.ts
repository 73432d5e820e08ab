import { describe, expect, it } from 'vitest';
import { textToCopy } from '../../src/scripts/copy-text.ts';

describe('what a copy button copies', () => {
  it('keeps only the commands of a shell session, without prompts or output', () => {
    expect(textToCopy(['$ make -j8', 'gcc -c x.c', '$ ./python -m test', '== Tests result: SUCCESS =='], true)).toBe('make -j8\n./python -m test');
  });

  it('keeps the continuation lines of a command that ends in a backslash', () => {
    expect(textToCopy(['$ ./configure \\', '    --with-pydebug', 'checking…'], true)).toBe('./configure \\\n    --with-pydebug');
  });

  it('strips "> " prompts too', () => {
    expect(textToCopy(['> py -m venv venv'], true)).toBe('py -m venv venv');
  });

  it('copies everything when a shell block has no prompts, and any non-shell block as it is', () => {
    expect(textToCopy(['make', 'make test'], true)).toBe('make\nmake test');
    expect(textToCopy(['$ not a prompt in Python'], false)).toBe('$ not a prompt in Python');
  });
});
