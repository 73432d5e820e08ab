// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import devguide from './src/integration/index.ts';

/**
 * Vite wraps every dynamic import() in a preload helper of 1.9 KB, which would take more than a
 * third of a guide's 5 KB of script: src/scripts/preload.ts does the same work for this site.
 * @returns {import('vite').Plugin}
 */
function smallPreloadHelper() {
  const helper = fileURLToPath(new URL('./src/scripts/preload.ts', import.meta.url));
  return { name: 'devguide:preload-helper', enforce: 'pre', apply: 'build', resolveId: (id) => (id === '\0vite/preload-helper.js' ? helper : undefined) };
}

// The whole site comes from the integration: its pages (src/routes/), its settings, and, in a
// build, the search index, _headers, the sitemap and the redirect pages. `npm run build --
// --content DIR` overrides the content folder named here.
export default defineConfig({
  output: 'static',
  integrations: [devguide({ content: 'content' })],
  vite: { plugins: [smallPreloadHelper()] },
});
