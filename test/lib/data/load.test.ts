import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { loadDataFile } from '../../../src/lib/data/load.ts';
import { contentFolder } from '../../support/content.ts';

const schema = z.strictObject({
  title: z.string(),
  colour: z.string().refine((c) => /^#[0-9a-f]{6}$/.test(c), { error: 'is not a colour', params: { hint: 'Write "#rrggbb".' } }).optional(),
  versions: z.record(z.string().refine((v) => /^\d+\.\d+$/.test(v), { error: 'is not a version number', params: { hint: 'Write "3.14".' } }), z.string()).optional(),
});
const file = (text: string) => path.join(contentFolder({ 'data.yaml': text }, false), 'data.yaml');
const load = (text: string) => loadDataFile(file(text), schema, 'invalid-labels');
const brief = (text: string) => load(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message} ${d.hint}`).sort();

describe('loadDataFile', () => {
  it('returns the validated value and the parsed file for positions', () => {
    const { value, diagnostics, parsed } = load('title: T\nversions:\n  "3.14": main\n');
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({ title: 'T', versions: { '3.14': 'main' } });
    expect(parsed!.positionOf(['versions', '3.14'])).toEqual({ line: 3, column: 11 });
  });

  it('treats a missing file as no value and no problem', () => {
    expect(loadDataFile(path.join(contentFolder({}, false), 'none.yaml'), schema, 'invalid-labels')).toEqual({ diagnostics: [] });
  });

  it('reports a folder where the file should be as unreadable', () => {
    const dir = contentFolder({}, false);
    mkdirSync(path.join(dir, 'data.yaml'));
    expect(loadDataFile(path.join(dir, 'data.yaml'), schema, 'invalid-labels').diagnostics.map((d) => d.code)).toEqual(['unreadable-file']);
  });

  it('reports a syntax error at its line, as invalid-yaml unless told otherwise', () => {
    expect(load('title: [T\n').diagnostics.map((d) => [d.line, d.code])).toEqual([[2, 'invalid-yaml']]);
    expect(loadDataFile(file('title: [T\n'), schema, 'invalid-labels', { syntaxCode: 'invalid-labels' }).diagnostics.map((d) => d.code)).toEqual(['invalid-labels']);
  });

  it('reports schema errors at the key or value, with the fix a refinement gives', () => {
    expect(brief('titel: T\ncolour: red\nversions:\n  x: main\n')).toEqual([
      '1:1 invalid-labels The file has no "title". Add "title" (string).',
      '1:1 invalid-labels Unknown field "titel". did you mean "title"?',
      '2:9 invalid-labels "colour" is not a colour. Write "#rrggbb".',
      '4:3 invalid-labels The key "x" in "versions" is not a version number. Write "3.14".',
    ]);
  });

  it('names values in messages as the file\'s own loader says', () => {
    const { diagnostics } = loadDataFile(file('title: T\ncolour: red\n'), schema, 'invalid-labels', { name: (p) => (p.length ? `the ${String(p.at(-1))} of the site` : undefined) });
    expect(diagnostics.map((d) => d.message)).toEqual(['The colour of the site is not a colour.']);
  });
});
