/**
 * Plugin fixtures: every `test/plugins/<plugin>/<case>/input.md` is rendered by the real pipeline
 * and compared with `output.html` (and `diagnostics.txt` for what it reports). Data a case needs
 * sits beside it (experts.yaml, labels.yaml, release-cycle.json). Run with UPDATE_FIXTURES=1 to
 * rewrite the expected files after a deliberate change, then review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { loadExperts } from '../../src/lib/experts.ts';
import { loadLabels } from '../../src/lib/labels.ts';
import { createMarkdownProcessor, renderPage } from '../../src/render/markdown.ts';
import { loadReleaseCycle } from '../../src/lib/release-cycle.ts';

const here = import.meta.dirname;
const update = Boolean(process.env.UPDATE_FIXTURES);

for (const plugin of readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  describe(plugin.name, () => {
    for (const testCase of readdirSync(path.join(here, plugin.name)).sort()) {
      it(testCase.replaceAll('-', ' '), async () => {
        const dir = path.join(here, plugin.name, testCase);
        const at = (name: string) => path.join(dir, name);
        const processor = createMarkdownProcessor({
          data: {
            experts: existsSync(at('experts.yaml')) ? loadExperts(at('experts.yaml')).index : undefined,
            labels: existsSync(at('labels.yaml')) ? loadLabels(at('labels.yaml')).groups : undefined,
            releases: existsSync(at('release-cycle.json')) ? loadReleaseCycle(at('release-cycle.json')).releases : undefined,
            today: '2026-01-15',
          },
        });
        const page = await renderPage(processor, { file: 'input.md', body: readFileSync(at('input.md'), 'utf8') });
        const html = `${page.html.trim()}\n`;
        const diagnostics = page.diagnostics.map((d) => formatDiagnostic(d)).join('\n') + (page.diagnostics.length ? '\n' : '');
        if (update) {
          writeFileSync(at('output.html'), html);
          if (diagnostics) writeFileSync(at('diagnostics.txt'), diagnostics);
        }
        expect(html).toBe(readFileSync(at('output.html'), 'utf8'));
        expect(diagnostics).toBe(existsSync(at('diagnostics.txt')) ? readFileSync(at('diagnostics.txt'), 'utf8') : '');
      });
    }
  });
}
