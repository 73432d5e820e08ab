/**
 * `npm run check [-- --content DIR] [--external] [--warn-links]`: validates content, data, links and redirects
 * without writing a site. With --external, also requests every external link.
 */
import path from 'node:path';
import { readCommandLine, SHARED_OPTIONS, type CommandSpec } from '../lib/args.ts';
import { hasErrors } from '../lib/diagnostics.ts';
import { checkExternalLinks } from '../lib/external-links.ts';
import { CACHE_DIR, DEFAULT_CONTENT } from '../lib/paths.ts';
import { printDiagnostics } from '../lib/print.ts';
import { loadSite } from '../lib/site.ts';
import { guardCommand } from '../lib/crash.ts';

export const command = {
  name: 'check',
  description: 'Validates everything a build would (content, data, links, anchors, redirects, commit examples) without writing a site.',
  options: {
    content: SHARED_OPTIONS.content,
    external: { kind: 'flag', help: 'also request every external link (HEAD, then GET)' },
    timeout: { kind: 'number', placeholder: 'SECONDS', help: 'how long to wait for each external link', default: 10 },
    concurrency: { kind: 'number', help: 'how many external links to request at once', default: 8 },
    'warn-links': SHARED_OPTIONS['warn-links'],
  },
} as const satisfies CommandSpec;

export async function check(argv: readonly string[]): Promise<number> {
  const parsed = readCommandLine(argv, command);
  if ('exit' in parsed) return parsed.exit;
  const { args } = parsed;
  const model = await loadSite({ contentDir: path.resolve(args.content ?? DEFAULT_CONTENT), cacheDir: CACHE_DIR, warnLinks: args.flags.has('warn-links') });
  const diagnostics = [...model.diagnostics];
  if (args.flags.has('external') && model.config) {
    console.log(`Checking ${new Set(model.externalLinks.map((l) => l.href.split('#')[0])).size} external URLs…`);
    diagnostics.push(...(await checkExternalLinks(model.externalLinks, { timeoutMs: Number(args.values.get('timeout') ?? command.options.timeout.default) * 1000, concurrency: Number(args.values.get('concurrency') ?? command.options.concurrency.default) })));
  }
  printDiagnostics(diagnostics);
  if (!diagnostics.length) console.log(`Checked ${model.pages.length} guides: no problems.`);
  return hasErrors(diagnostics) ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  guardCommand();
  process.exitCode = await check(process.argv.slice(2));
}
