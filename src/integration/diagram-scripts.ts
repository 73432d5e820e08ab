/**
 * The diagram script: mermaid's single-file browser build and devguide's init script
 * (src/scripts/mermaid-init.ts), served by the site itself from /_devguide/ so the
 * Content-Security-Policy's `script-src 'self'` allows them. Only pages with a diagram load them
 * (src/routes/guide.astro passes these URLs to the layout); the build writes them when a page has a
 * diagram, the dev server always serves them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformWithOxc } from 'vite';

const INIT = fileURLToPath(new URL('../scripts/mermaid-init.ts', import.meta.url));

/** Each script's URL and how its content is made, in the order a page loads them. */
const SCRIPTS: ReadonlyArray<{ url: string; content(): Promise<string | Buffer> }> = [
  { url: '/_devguide/mermaid.min.js', content: async () => readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js')) },
  // Types stripped only: the script is small, and readable in the browser as written.
  { url: '/_devguide/mermaid-init.js', content: async () => (await transformWithOxc(readFileSync(INIT, 'utf8'), INIT)).code },
];

/** The URLs a page with a diagram loads, in order. */
export const DIAGRAM_SCRIPTS: readonly string[] = SCRIPTS.map((s) => s.url);

/** The content of the script at `url`, or undefined for a URL that is not one of them. */
export async function diagramScript(url: string): Promise<string | Buffer | undefined> {
  return SCRIPTS.find((s) => s.url === url)?.content();
}

/** Writes the scripts into the built site `dir`. */
export async function writeDiagramScripts(dir: string): Promise<void> {
  for (const { url, content } of SCRIPTS) {
    const file = path.join(dir, ...url.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, await content());
  }
}
