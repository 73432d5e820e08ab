/**
 * Heading ids must not repeat an id the page around a guide already has: the layouts, the
 * components (the guide page among them). This reads those templates, so a new fixed id there
 * fails here until LAYOUT_IDS lists it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYOUT_IDS } from '../../src/plugins/rehype-heading-links.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const templates = [
  ...['src/layouts', 'src/components'].flatMap((dir) => readdirSync(path.join(ROOT, dir)).map((f) => path.join(dir, f))),
  'src/routes/page.astro',
];

describe('heading ids and the layout', () => {
  it('knows every fixed id in the layouts, the components and the guide page', () => {
    const ids = templates.flatMap((file) => [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!));
    expect(ids.length).toBeGreaterThan(3);
    expect(ids.filter((id) => !LAYOUT_IDS.includes(id))).toEqual([]);
  });
});
