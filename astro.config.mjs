// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import devguide from './src/integration/index.ts';
import { rehypePlugins, remarkPlugins } from './src/plugins/index.ts';

// Guides are rendered by src/render (in worker threads, with a cache); Astro's own Markdown
// processor is set to the same unified pipeline so any .md page renders identically.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Scripts stay external files, so a strict Content-Security-Policy needs no hash for them.
  vite: {
    build: { assetsInlineLimit: 0 },
  },
  markdown: {
    syntaxHighlight: false,
    processor: unified({ remarkPlugins: remarkPlugins(), rehypePlugins: rehypePlugins(), gfm: false, smartypants: false }),
  },
  integrations: [devguide({ content: 'content' })],
});
