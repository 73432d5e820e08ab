/** Writes a throwaway content folder from a map of relative paths to file contents. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SITE_YAML = 'title: Test\nsections:\n  - id: tasks\n    label: Tasks\n  - id: triage\n    label: Triage\n';

export function contentFolder(files: Record<string, string>, withSite = true): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'devguide-content-'));
  const all = withSite && !('site.yaml' in files) ? { 'site.yaml': SITE_YAML, ...files } : files;
  for (const [name, text] of Object.entries(all)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}
