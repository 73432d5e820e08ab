/**
 * How pages reach the site model: the virtual module `virtual:devguide/site`, which exports
 * `site()` and `skippedPages()`.
 *
 * The model lives in src/lib/model-store.ts as Node loaded it for the CLI and this integration.
 * The virtual module's code takes that same module out of Node's module cache (`require` of an
 * ES module Node has already loaded returns it), instead of letting Vite bundle a second, empty
 * copy: the model (every page's HTML) is never serialised into the bundle, and the build's
 * prerender chunks and the dev server's module runners all read the one the CLI loaded.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const STORE = fileURLToPath(new URL('../lib/model-store.ts', import.meta.url));
export const SITE_MODULE = 'virtual:devguide/site';
const RESOLVED = `\0${SITE_MODULE}`;

/**
 * The store Node loaded. The integration uses it rather than a plain import, so that it holds the
 * same store even when Astro loaded the project's config through Vite (an `astro.config.ts`).
 */
export function modelStore(): typeof import('../lib/model-store.ts') {
  return createRequire(STORE)(STORE);
}

export function siteModule(): Plugin {
  const store = JSON.stringify(STORE);
  return {
    name: 'devguide:site-module',
    resolveId: (id) => (id === SITE_MODULE ? RESOLVED : undefined),
    load: (id) =>
      id === RESOLVED
        ? [
            `import { createRequire } from 'node:module';`,
            `const store = createRequire(${store})(${store});`,
            `export const site = store.currentSite;`,
            `export const skippedPages = store.skippedPages;`,
          ].join('\n')
        : undefined,
  };
}
