/**
 * `npm run check [-- --content DIR] [--external]`: validates content, data, links and redirects
 * without writing a site. With --external, also requests every external link.
 */
import path from 'node:path';
import { parseArgs, UsageError } from '../lib/args.ts';
import { hasErrors } from '../lib/diagnostics.ts';
import { checkExternalLinks } from '../lib/external-links.ts';
import { CACHE_DIR, DEFAULT_CONTENT } from '../lib/paths.ts';
import { printDiagnostics } from '../lib/print.ts';
import { loadSite } from '../lib/site.ts';
import { guardCommand } from '../lib/crash.ts';

export async function check(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, { values: ['content'], numbers: ['timeout', 'concurrency'], flags: ['external'] });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\nUsage: npm run check [-- --content DIR] [--external [--timeout 10] [--concurrency 8]]`);
    return 2;
  }
  const model = await loadSite({ contentDir: path.resolve(args.content ?? DEFAULT_CONTENT), cacheDir: CACHE_DIR });
  const diagnostics = [...model.diagnostics];
  if (args.flags.has('external') && model.config) {
    console.log(`Checking ${new Set(model.externalLinks.map((l) => l.href.split('#')[0])).size} external URLs…`);
    diagnostics.push(...(await checkExternalLinks(model.externalLinks, { timeoutMs: Number(args.values.get('timeout') ?? 10) * 1000, concurrency: Number(args.values.get('concurrency') ?? 8) })));
  }
  printDiagnostics(diagnostics);
  if (!diagnostics.length) console.log(`Checked ${model.pages.length} guides: no problems.`);
  return hasErrors(diagnostics) ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  guardCommand();
  process.exitCode = await check(process.argv.slice(2));
}
