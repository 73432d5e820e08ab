/** `npm run preview [-- --out DIR --port 4321]`: serves the built site. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { displayPath, parseArgsOrExit } from '../lib/args.ts';
import { PROJECT_ROOT } from '../lib/paths.ts';
import { serveStatic } from '../lib/static-server.ts';
import { guardCommand } from '../lib/crash.ts';

guardCommand();

const args = parseArgsOrExit(process.argv.slice(2), { values: ['out', 'host'], numbers: ['port'] }, 'npm run preview [-- --out DIR --port 4321 --host 127.0.0.1]');
const dir = path.resolve(args.out ?? path.join(PROJECT_ROOT, 'dist'));
if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`There is no built site in ${dir}. Run \`npm run build\` first.`);
  process.exit(1);
}
const { url } = await serveStatic(dir, Number(args.values.get('port') ?? 4321), args.values.get('host') ?? '127.0.0.1');
console.log(`Serving ${displayPath(dir)} at ${url}/ (Ctrl+C to stop)`);
