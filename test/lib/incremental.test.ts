import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { carryOver } from '../../src/lib/incremental.ts';

const temp = (root = tmpdir()) => mkdtempSync(path.join(root, 'devguide-carry-'));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('carryOver', () => {
  it('links an unchanged page and its Markdown copy into the new output, so no byte is copied', () => {
    const [from, to] = [temp(), temp()];
    write(path.join(from, 'tasks/a/index.html'), 'page a');
    write(path.join(from, 'tasks/a/index.md'), '# A');
    expect(carryOver(['/tasks/a/'], from, to)).toBe(1);
    for (const name of ['index.html', 'index.md']) {
      expect(statSync(path.join(to, 'tasks/a', name)).ino).toBe(statSync(path.join(from, 'tasks/a', name)).ino);
    }
  });

  it('copies when the new output is on another file system', () => {
    // /dev/shm is a tmpfs, another device than the temporary folder.
    const [from, to] = [temp(), temp('/dev/shm')];
    write(path.join(from, 'a/index.html'), 'page a');
    write(path.join(from, 'a/index.md'), '# A');
    expect(carryOver(['/a/'], from, to)).toBe(1);
    expect(readFileSync(path.join(to, 'a/index.html'), 'utf8')).toBe('page a');
    expect(readFileSync(path.join(to, 'a/index.md'), 'utf8')).toBe('# A');
  });

  it('keeps what the new build wrote itself, and counts only pages the previous output had', () => {
    const [from, to] = [temp(), temp()];
    write(path.join(from, 'a/index.html'), 'old a');
    write(path.join(from, 'a/index.md'), '# old A');
    write(path.join(to, 'a/index.html'), 'new a');
    expect(carryOver(['/a/', '/gone/'], from, to)).toBe(1);
    expect(readFileSync(path.join(to, 'a/index.html'), 'utf8')).toBe('new a');
    expect(readFileSync(path.join(to, 'a/index.md'), 'utf8')).toBe('# old A');
  });
});
