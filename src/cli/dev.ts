/** `npm run dev [-- --content DIR --port 4321]`: the site with live reload as content changes. */
import path from 'node:path';
import { parseArgsOrExit } from '../lib/args.ts';
import { PROJECT_ROOT } from '../lib/paths.ts';
import { guardCommand } from '../lib/crash.ts';

guardCommand();

const args = parseArgsOrExit(process.argv.slice(2), { values: ['content', 'out', 'host'], numbers: ['port'] }, 'npm run dev [-- --content DIR --out DIR --port 4321 --host 127.0.0.1]');
if (args.content) process.env.DEVGUIDE_CONTENT = path.resolve(args.content);
if (args.out) process.env.DEVGUIDE_OUT = path.resolve(args.out);
const { dev } = await import('astro');
await dev({ root: PROJECT_ROOT, server: { port: Number(args.values.get('port') ?? 4321), host: args.values.get('host') ?? '127.0.0.1' } });
