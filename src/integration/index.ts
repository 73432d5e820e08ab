/**
 * The Astro integration, `devguide({ content: 'docs' })`: loads the site model when Astro starts
 * (unless the CLI already did), injects the built-in pages, and in a build writes the whole site:
 * the Pagefind index (search.ts), `_headers` (headers.ts), the sitemap (sitemap.ts), the
 * redirect pages (redirects.ts), the guides' Markdown copies with llms.txt (markdown.ts) and the
 * Atom feed (feed.ts), so `astro build` and `npm run build` make the same site; the CLI
 * adds only the lock, the staging folder and the atomic publish. In `npm run dev` it reloads the
 * model when content changes, answers old paths with a redirect and serves the last build's index.
 * All the work is in src/lib; this file only wires it to Astro's hooks.
 */
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { hasErrors } from '../lib/diagnostics.ts';
import type { SearchIndexJob } from '../lib/search-index.ts';
import { CACHE_DIR, contentDirFromEnv, PROJECT_ROOT } from '../lib/paths.ts';
import { printDiagnostics } from '../lib/print.ts';
import { redirectFor } from '../lib/redirects.ts';
import { loadSite } from '../lib/site.ts';
import { BUILT_IN_ROUTES, CONTENT_ROUTES } from '../lib/routes.ts';
import { rehypePlugins, remarkPlugins } from '../plugins/index.ts';
import { CONTENT_TYPES, resolveRequest } from '../lib/static-server.ts';
import { assetFile, copyAssets } from './assets.ts';
import { diagramScript, writeDiagramScripts } from './diagram-scripts.ts';
import { writeFeed } from './feed.ts';
import { writeHeaders } from './headers.ts';
import { writeMarkdown } from './markdown.ts';
import { writeOwners } from './owners.ts';
import { smallPreloadHelper } from './preload-helper.ts';
import { modelStore, siteModule } from './site-module.ts';
import { writeRedirectPages } from './redirects.ts';
import { startIndexing } from './search.ts';
import { writeSearchPreloads } from './search-preload.ts';
import { writeSitemap } from './sitemap.ts';
import { writeVocabulary } from './vocabulary.ts';

const { buildState, currentSite, hasCurrentSite, pendingRoutes, setCurrentSite, siteReady, skippedPages } = modelStore();

/**
 * A dev-server middleware placed before all others (Astro's included): a path that does not
 * decode, or decodes to a control character or backslash, is a 400 (Astro's own would answer %zz
 * with a 500 and a stack trace).
 */
function requestGuard(): Plugin {
  return {
    name: 'devguide:request-guard',
    // A post hook: it runs after Astro has put its middlewares first, so this one goes before them.
    configureServer(server) {
      return () => {
        server.middlewares.stack.unshift({
          route: '',
          handle: (req: IncomingMessage, res: ServerResponse, next: () => void) => {
            if (resolveRequest('/', req.url ?? '/') !== 'bad') return next();
            res.statusCode = 400;
            res.end('Bad request: the path is not a valid URL.');
          },
        });
      };
    },
  };
}

/**
 * A build-only Vite plugin: once Astro has bundled the templates, and before it generates any
 * page, waits for the site model (which the CLI renders meanwhile, see setPendingSite). Its
 * `buildApp` hook runs in that gap: Vite calls the first `post` hook right after building the
 * environments, and Astro's own page generation is a `post` hook added after the user's plugins.
 */
function waitForModel(): Plugin {
  return {
    name: 'devguide:wait-for-model',
    buildApp: {
      order: 'post',
      async handler() {
        const start = performance.now();
        await siteReady();
        buildState().waitedMs = performance.now() - start;
      },
    },
  };
}

export interface DevguideOptions {
  /** The content folder, relative to the Astro project's root (default `content`). */
  content?: string;
}

export default function devguide(options: DevguideOptions = {}): AstroIntegration {
  let search: Promise<SearchIndexJob> | undefined;
  let contentDir = contentDirFromEnv();
  return {
    name: 'devguide',
    hooks: {
      'astro:config:setup': async ({ command, config, injectRoute, updateConfig }) => {
        if (command !== 'dev' && command !== 'build') return;
        // `npm run … -- --content DIR` wins; otherwise the option, from the project's root.
        if (!process.env.DEVGUIDE_CONTENT && options.content) contentDir = path.resolve(fileURLToPath(config.root), options.content);
        updateConfig({ vite: { plugins: [siteModule(), ...(command === 'dev' ? [requestGuard()] : [])] } });
        // The CLI renders the guides while Astro bundles: it already knows which routes there are.
        const pending = command === 'build' ? pendingRoutes() : undefined;
        if (command === 'build') updateConfig({ vite: { plugins: [waitForModel(), smallPreloadHelper()] } });
        if (!pending && (!hasCurrentSite() || command === 'dev')) {
          const model = await loadSite({ contentDir, drafts: command === 'dev', cacheDir: CACHE_DIR });
          printDiagnostics(model.diagnostics);
          if (command === 'build' && hasErrors(model.diagnostics)) throw new Error('devguide: the content has errors (listed above).');
          setCurrentSite(model);
        }
        // Every page comes from src/routes/ through the registry (src/lib/routes.ts), so a project
        // that adds devguide() gets the whole site; pages that need data exist only with it, and
        // the dev server always shows /todo/.
        const context = pending
          ? { ...pending, levels: [] }
          : { experts: currentSite().experts, showTodos: currentSite().config.options.showTodos || command === 'dev', levels: [] };
        const routes = [...CONTENT_ROUTES, ...BUILT_IN_ROUTES.filter((r) => r.pages(context).length).flatMap((r) => r.inject ?? [])];
        for (const { pattern, entrypoint } of routes) injectRoute({ pattern, entrypoint: new URL(`../routes/${entrypoint}`, import.meta.url).pathname });
        // The settings the site depends on: trailing slashes and folders per page, external scripts
        // and styles (so the strict Content-Security-Policy needs no hash for them), and Astro's own
        // Markdown processor set to the same unified pipeline.
        updateConfig({
          trailingSlash: 'always',
          // Eight pages at a time: with one, Astro waits for each page's files to be written
          // before rendering the next (the Astro stage of 2,000 guides: 7.6 → 6.0 s).
          build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
          devToolbar: { enabled: false },
          vite: { build: { assetsInlineLimit: 0 } },
          markdown: {
            syntaxHighlight: false,
            processor: unified({ remarkPlugins: remarkPlugins(), rehypePlugins: rehypePlugins(), gfm: false, smartypants: false }),
          },
        });
      },
      // The build writes the whole site, so a plain `astro build` is complete: the search index
      // is built while Astro renders, then redirects, _headers and the sitemap join it.
      'astro:build:start': () => {
        const state = buildState();
        state.indexed = undefined;
        state.searchMs = undefined;
        // Indexing starts as soon as the model is ready, beside Astro's bundling and rendering.
        const job = siteReady().then((model) => startIndexing(model, path.join(CACHE_DIR, 'search', `${Date.now().toString(36)}-${process.pid}`)));
        job.catch(() => undefined);
        search = job;
        state.search = { close: async () => (await job.catch(() => undefined))?.close() };
      },
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        const model = currentSite();
        writeRedirectPages(out, model);
        copyAssets(out, model);
        writeHeaders(out, model);
        if (model.pages.some((p) => p.mermaid)) await writeDiagramScripts(out);
        writeSitemap(out, model);
        writeMarkdown(out, model, skippedPages());
        writeFeed(out, model);
        // The site's own assets, for a project whose public/ does not have them.
        for (const asset of ['favicon.svg']) if (!existsSync(path.join(out, asset))) copyFileSync(path.join(PROJECT_ROOT, 'public', asset), path.join(out, asset));
        const searchStart = performance.now();
        buildState().indexed = await (await search!).write(out);
        writeSearchPreloads(out);
        writeOwners(out, model);
        writeVocabulary(out, model);
        buildState().searchMs = performance.now() - searchStart;
        buildState().search = search = undefined;
      },
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(contentDir);
        let reloading: Promise<void> | undefined;
        const reload = async (file: string) => {
          if (!file.startsWith(contentDir)) return;
          reloading = (reloading ?? Promise.resolve()).then(async () => {
            const model = await loadSite({ contentDir, drafts: true, cacheDir: CACHE_DIR });
            printDiagnostics(model.diagnostics);
            setCurrentSite(model);
            logger.info(`content changed (${path.relative(process.cwd(), file)}): ${model.stats.rendered} page(s) re-rendered`);
            // Astro caches getStaticPaths() per route; this event clears that cache (as content
            // collections do), then the browser reloads.
            for (const environment of Object.values(server.environments)) {
              if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
            }
            server.environments.client.hot.send({ type: 'full-reload', path: '*' });
          });
          await reloading;
        };
        server.watcher.on('change', reload);
        server.watcher.on('add', reload);
        server.watcher.on('unlink', reload);
        // Old paths from redirects.yaml answer with a 301, as they would on a host that reads
        // the build's `_redirects`.
        server.middlewares.use((req, res, next) => {
          const to = redirectFor(currentSite().redirects, req.url ?? '/');
          if (!to) return next();
          res.statusCode = 301;
          res.setHeader('Location', to);
          res.end(`Moved to ${to}`);
        });
        // Files beside the guides that pages link to, from where they are.
        server.middlewares.use((req, res, next) => {
          let pathname: string;
          try {
            pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
          } catch {
            return next();
          }
          const file = assetFile(currentSite(), pathname);
          if (!file || !existsSync(file)) return next();
          res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
          res.end(readFileSync(file));
        });
        // The diagram script, whichever page asks for it.
        server.middlewares.use('/_devguide/', (req, res, next) => {
          diagramScript(`/_devguide${new URL(req.url ?? '/', 'http://x').pathname}`).then((script) => {
            if (script === undefined) return next();
            res.setHeader('Content-Type', CONTENT_TYPES['.js']!);
            res.end(script);
          }, next);
        });
        // Search in dev uses the last build's index; the search UI says so when there is none.
        server.middlewares.use('/pagefind/', (req, res, next) => {
          const dist = path.resolve(PROJECT_ROOT, process.env.DEVGUIDE_OUT || 'dist', 'pagefind');
          const file = resolveRequest(dist, req.url ?? '/');
          if (file === 'bad' || file === 'forbidden') {
            res.statusCode = file === 'bad' ? 400 : 403;
            res.end();
            return;
          }
          if (!existsSync(file) || !statSync(file).isFile()) {
            res.statusCode = 404;
            res.end('No search index yet: run `npm run build` once, then reload.');
            return;
          }
          res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
          res.end(readFileSync(file));
          void next;
        });
      },
    },
  };
}
