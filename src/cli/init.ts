/**
 * `npm run init -- --content DIR`: writes a starting site.yaml into DIR from what devguide infers
 * (the title from book.toml or the README, the repository from git, the sections from the folders
 * or SUMMARY.md) and prints it. It never replaces an existing site.yaml.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath, readCommandLine, SHARED_OPTIONS, type CommandSpec } from '../lib/args.ts';
import { loadContent } from '../lib/content.ts';
import { guardCommand } from '../lib/crash.ts';
import { DEFAULT_CONTENT } from '../lib/paths.ts';
import { printDiagnostics } from '../lib/print.ts';
import { starterSiteYaml } from '../lib/init-config.ts';

export const command = {
  name: 'init',
  description: 'Writes a starting site.yaml into the content folder from what devguide infers (title, repository, sections) and prints it. An existing site.yaml is never replaced.',
  options: { content: SHARED_OPTIONS.content },
} as const satisfies CommandSpec;

export function init(argv: readonly string[]): number {
  const parsed = readCommandLine(argv, command);
  if ('exit' in parsed) return parsed.exit;
  const dir = path.resolve(parsed.args.content ?? DEFAULT_CONTENT);
  const file = path.join(dir, 'site.yaml');
  if (existsSync(file)) {
    console.error(`${displayPath(file)} already exists, so nothing was written.\n  Fix: edit it directly, or move it away and run init again to see what devguide infers.`);
    return 1;
  }
  const content = loadContent(dir);
  const missing = content.diagnostics.filter((d) => d.code === 'missing-content');
  if (!content.site || missing.length || !content.guides.length) {
    printDiagnostics(missing.length ? missing : content.diagnostics);
    if (!missing.length) console.error('Nothing was written: the folder has no guide devguide can read.');
    return 1;
  }
  const text = starterSiteYaml(content);
  writeFileSync(file, text, { flag: 'wx' });
  console.log(`Wrote ${displayPath(file)} (${content.guides.length} guides found):\n\n${text}`);
  console.log(`Next: \`npm run check -- --content ${displayPath(dir)}\` lists any broken links and other problems; \`npm run build -- --content ${displayPath(dir)}\` builds the site.`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  guardCommand();
  process.exitCode = init(process.argv.slice(2));
}
