/** `npm run preview [-- --out DIR --port 4321]`: serves the built site. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { displayPath, parseArgsOrExit, SHARED_OPTIONS, type CommandSpec } from '../lib/args.ts';
import { PROJECT_ROOT } from '../lib/paths.ts';
import { serveStatic } from '../lib/static-server.ts';
import { guardCommand } from '../lib/crash.ts';

export const command = {
  name: 'preview',
  description: 'Serves a built site, with its _headers, and answers unknown paths with 404.html.',
  options: {
    out: { kind: 'value', placeholder: 'DIR', help: 'the built site to serve', default: 'dist/' },
    port: SHARED_OPTIONS.port,
    host: SHARED_OPTIONS.host,
  },
} as const satisfies CommandSpec;

if (import.meta.url === `file://${process.argv[1]}`) {
  guardCommand();
  const args = parseArgsOrExit(process.argv.slice(2), command);
  const dir = path.resolve(args.out ?? path.join(PROJECT_ROOT, 'dist'));
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.error(`There is no built site in ${dir}. Run \`npm run build\` first.`);
    process.exit(1);
  }
  const { url } = await serveStatic(dir, Number(args.values.get('port') ?? command.options.port.default), args.values.get('host') ?? command.options.host.default);
  console.log(`Serving ${displayPath(dir)} at ${url}/ (Ctrl+C to stop)`);
}
