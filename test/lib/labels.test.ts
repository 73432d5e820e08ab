import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLabels, normalizeColor } from '../../src/lib/labels.ts';

const bundled = path.join(import.meta.dirname, '../../content/data/labels.yaml');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'devguide-labels-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let fixtures = 0;
function fixture(text: string): string {
  const file = path.join(tmp, `labels-${++fixtures}.yaml`);
  fs.writeFileSync(file, text);
  return file;
}

describe('loadLabels', () => {
  it('loads the bundled labels.yaml with no diagnostics', () => {
    const { groups, diagnostics } = loadLabels(bundled);
    expect(diagnostics).toEqual([]);
    expect(groups!.map((g) => g.id)).toContain('type');
    const labels = groups!.flatMap((g) => g.labels);
    expect(labels.find((l) => l.name === 'OS-windows')).toMatchObject({ color: '#0052cc' });
    expect(labels.find((l) => l.name === 'OS-linux')).toMatchObject({ color: '#fbca04' });
    expect(labels.every((l) => /^#[0-9a-f]{6}$/.test(l.color) && l.line > 1)).toBe(true);
  });

  it('treats a missing file as no data and no problem', () => {
    expect(loadLabels(path.join(tmp, 'nope.yaml'))).toEqual({ diagnostics: [] });
  });

  it('normalises 3-digit and upper-case colours to lowercase #rrggbb', () => {
    const { groups, diagnostics } = loadLabels(
      fixture(['groups:', '  - id: a', '    title: A', '    labels:', '      - name: one', '        meaning: First.', '        color: "#FC0"', ''].join('\n')),
    );
    expect(diagnostics).toEqual([]);
    expect(groups![0]!.labels[0]!.color).toBe('#ffcc00');
  });

  it('reports a duplicate label name in another group at the second, naming the line of the first', () => {
    const file = fixture(
      [
        'groups:',
        '  - id: a',
        '    title: A',
        '    labels:',
        '      - name: easy', // line 5
        '        meaning: First.',
        '        color: "#7057ff"',
        '  - id: b',
        '    title: B',
        '    labels:',
        '      - name: Easy', // line 11
        '        meaning: Again.',
        '        color: "#7057ff"',
        '',
      ].join('\n'),
    );
    const { groups, diagnostics } = loadLabels(file);
    expect(groups).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'invalid-labels', line: 11 });
    expect(diagnostics[0]!.hint).toContain('line 5');
  });

  it('reports a colour that is not #rrggbb at its line, with a duplicate group id in the same run', () => {
    const file = fixture(
      [
        'groups:',
        '  - id: a',
        '    title: A',
        '    labels:',
        '      - name: one',
        '        meaning: First.',
        '        color: "#12345"', // line 7
        '      - name: two',
        '        meaning: Second.',
        '        color: "d73a4a"', // line 10
        '  - id: a', // line 11
        '    title: A again',
        '    labels:',
        '      - name: three',
        '        meaning: Third.',
        '        color: "#000"',
        '',
      ].join('\n'),
    );
    const { diagnostics } = loadLabels(file);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['invalid-labels', 7],
      ['invalid-labels', 10],
      ['invalid-labels', 11],
    ]);
    expect(diagnostics[0]!.message).toContain('#12345');
    expect(diagnostics[1]!.hint).toContain('"#d73a4a"');
    expect(diagnostics[2]!.hint).toContain('line 2');
  });

  it('reports an unquoted colour (read by YAML as a comment) with a hint to quote it', () => {
    const { diagnostics } = loadLabels(
      fixture(['groups:', '  - id: a', '    title: A', '    labels:', '      - name: one', '        meaning: First.', '        color: #d73a4a', ''].join('\n')),
    );
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'invalid-labels', line: 7 });
    expect(diagnostics[0]!.hint).toMatch(/quote/i);
  });
});

describe('colours', () => {
  it('accepts only #rgb and #rrggbb', () => {
    expect(normalizeColor('#ABC')).toBe('#aabbcc');
    expect(normalizeColor('#d73a4a')).toBe('#d73a4a');
    expect(normalizeColor('d73a4a')).toBeUndefined();
    expect(normalizeColor('#d73a4')).toBeUndefined();
    expect(normalizeColor('red')).toBeUndefined();
  });
});
