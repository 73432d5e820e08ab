/**
 * Vite wraps every dynamic import() in a preload helper of 1.9 KB, which would take more than a
 * third of a guide's 5 KB of script: in a build, src/scripts/preload.ts does the same work for
 * this site. Part of the integration, so a project that adds devguide() gets it too.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export function smallPreloadHelper(): Plugin {
  const helper = fileURLToPath(new URL('../scripts/preload.ts', import.meta.url));
  return { name: 'devguide:preload-helper', enforce: 'pre', apply: 'build', resolveId: (id) => (id === '\0vite/preload-helper.js' ? helper : undefined) };
}
