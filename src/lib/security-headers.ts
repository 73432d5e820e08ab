/**
 * A strict Content-Security-Policy for the built site, written to `_headers` (read by Netlify,
 * Cloudflare Pages and `npm run preview`). Inline scripts are allowed only by their hash; the
 * only inline script devguide writes is the one that applies the theme before first paint. No
 * inline style is allowed at all.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

/**
 * sha256 sources for every distinct inline script in the HTML files under `dir`. Files in `skip`
 * (relative paths of pages carried over unchanged, whose template is the same) are not read again.
 */
export function inlineScriptHashes(dir: string, skip: ReadonlySet<string> = new Set()): string[] {
  const hashes = new Set<string>();
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.html') && !skip.has(path.relative(dir, full))) {
        for (const m of readFileSync(full, 'utf8').matchAll(INLINE_SCRIPT)) {
          if (m[1]!.trim()) hashes.add(`'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
        }
      }
    }
  };
  visit(dir);
  return [...hashes].sort();
}

/** The policy: same-origin everything, hashed inline scripts, WebAssembly for Pagefind. */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${[...scriptHashes, "'wasm-unsafe-eval'"].join(' ')}`,
    // No inline styles: code colours are classes (src/lib/code-colors.ts), label swatches SVG fills.
    "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function headersFile(policy: string): string {
  return ['/*', `  Content-Security-Policy: ${policy}`, '  X-Content-Type-Options: nosniff', '  Referrer-Policy: strict-origin-when-cross-origin', ''].join('\n');
}
