// @ts-check
import { defineConfig } from 'astro/config';
import devguide from './src/integration/index.ts';

// The whole site comes from the integration: its pages (src/routes/), its settings, and, in a
// build, the search index, _headers, the sitemap and the redirect pages. `npm run build --
// --content DIR` overrides the content folder named here.
export default defineConfig({
  output: 'static',
  integrations: [devguide({ content: 'content' })],
});
