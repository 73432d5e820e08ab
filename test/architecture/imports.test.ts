/**
 * The layout's rules, checked on the source: src/lib is the core and imports nothing from the
 * plugins, the integration or Astro; no module imports itself back through others (type-only
 * imports included), so every module can be read and tested on its own; and the templates do not
 * reach the Markdown pipeline or the data loaders, since Vite bundles what they import in every build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/browser.ts';

const SRC = path.join(ROOT, 'src');
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro)$/.test(f));

/**
 * Relative imports of each source file, resolved to paths under src/: all of them, or only those
 * that stay in the compiled code (not `import type`).
 */
function importGraph(kept: 'all' | 'values'): Map<string, string[]> {
  const pattern = kept === 'all' ? /(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'(\.[^']+)'|import\s+'(\.[^']+)'/g : /(?:^|\n)\s*(?:import|export)(?!\s+type\b)[^'";]*?from\s+'(\.[^']+)'|import\s+'(\.[^']+)'/g;
  return new Map(
    files.map((file) => {
      const text = readFileSync(path.join(SRC, file), 'utf8');
      const targets = [...text.matchAll(pattern)]
        .map((m) => path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), m[1] ?? m[2]!)))
        .filter((target) => files.includes(target));
      return [file, targets] as const;
    }),
  );
}
const graph = importGraph('all');
const valueGraph = importGraph('values');

describe('the source layout', () => {
  it('keeps the Markdown pipeline and the data loaders out of what the templates import', () => {
    // A template that imports site.ts (say) makes Vite bundle the renderer, every plugin and the
    // content loaders into the prerender chunks of every build: 0.15 s of a one-guide build.
    const pipeline = /^(render|plugins|lib\/data)\/|^lib\/(site|content|markdown-copy|experts|yaml)\.ts$/;
    const reached: string[] = [];
    const seen = new Set<string>();
    const visit = (file: string, trail: string[]) => {
      if (pipeline.test(file)) reached.push([...trail, file].join(' → '));
      if (seen.has(file)) return;
      seen.add(file);
      for (const next of valueGraph.get(file) ?? []) visit(next, [...trail, file]);
    };
    for (const file of files.filter((f) => /^(components|layouts|routes)\//.test(f))) visit(file, []);
    expect(reached).toEqual([]);
  });

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
