/**
 * The layout's rules, checked on the source: src/lib is the core and imports nothing from the
 * plugins, the integration or Astro; and no module imports itself back through others (type-only
 * imports included), so every module can be read and tested on its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/browser.ts';

const SRC = path.join(ROOT, 'src');
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro)$/.test(f));

/** Relative imports of each source file, resolved to paths under src/. */
const graph = new Map(
  files.map((file) => {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'(\.[^']+)'|import\s+'(\.[^']+)'/g)]
      .map((m) => path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), m[1] ?? m[2]!)))
      .filter((target) => files.includes(target));
    return [file, targets] as const;
  }),
);

describe('the source layout', () => {
  it('keeps src/lib free of imports from the plugins, the integration and astro:*', () => {
    const bad = files
      .filter((f) => f.startsWith('lib/'))
      .flatMap((f) => [...graph.get(f)!.filter((t) => /^(plugins|integration)\//.test(t)), ...(/from 'astro:/.test(readFileSync(path.join(SRC, f), 'utf8')) ? ['astro:*'] : [])].map((t) => `${f} → ${t}`));
    expect(bad).toEqual([]);
  });

  it('has no import circle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
