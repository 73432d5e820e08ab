/** `npm run dev [-- --content DIR --port 4321]`: the site with live reload as content changes. */
import path from 'node:path';
import { parseArgsOrExit, SHARED_OPTIONS, type CommandSpec } from '../lib/args.ts';
import { PROJECT_ROOT } from '../lib/paths.ts';
import { guardCommand } from '../lib/crash.ts';

export const command = {
  name: 'dev',
  description: 'Serves the site with live reload: edit a guide or a data file and the open page reloads. Drafts are shown, with a banner.',
  options: {
    content: SHARED_OPTIONS.content,
    out: { kind: 'value', placeholder: 'DIR', help: 'the last build, whose search index the pages use', default: 'dist/' },
    port: SHARED_OPTIONS.port,
    host: SHARED_OPTIONS.host,
  },
} as const satisfies CommandSpec;

if (import.meta.url === `file://${process.argv[1]}`) {
  guardCommand();
  const args = parseArgsOrExit(process.argv.slice(2), command);
  if (args.content) process.env.DEVGUIDE_CONTENT = path.resolve(args.content);
  if (args.out) process.env.DEVGUIDE_OUT = path.resolve(args.out);
  const { dev } = await import('astro');
  await dev({ root: PROJECT_ROOT, server: { port: Number(args.values.get('port') ?? command.options.port.default), host: args.values.get('host') ?? command.options.host.default } });
}
