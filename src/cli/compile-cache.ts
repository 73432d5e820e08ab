/**
 * Preloaded by every npm script (`node --import ./src/cli/compile-cache.ts src/cli/…`), before
 * the command's own modules load: turns on Node's compile cache, so later runs reuse the stripped
 * TypeScript and V8's compiled code of src/ and of Astro, Vite and the Markdown pipeline instead
 * of compiling them again (a build's start-up imports: about 1.5 → 1.2 s of CPU). Render workers
 * inherit it through NODE_COMPILE_CACHE. It lives beside the render cache but apart from it, so
 * emptying that cache (a cold build) keeps it; Node checks each entry against its file's content.
 * Best effort: when the folder cannot be written, Node compiles as it always did.
 */
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

const { directory } = enableCompileCache(fileURLToPath(new URL('../../node_modules/.cache/devguide-compile/', import.meta.url)));
if (directory) process.env.NODE_COMPILE_CACHE = directory;
