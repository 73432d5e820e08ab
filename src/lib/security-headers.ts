/**
 * A strict Content-Security-Policy for the built site, written to `_headers` (read by Netlify,
 * Cloudflare Pages and `npm run preview`). Inline scripts are allowed only by their hash, and only
 * the layout's own (LAYOUT_SCRIPTS); no inline style is allowed at all.
 */
import { createHash } from 'node:crypto';

/**
 * The inline scripts the layout writes, and the only ones the policy allows. The theme script
 * applies the reader's theme before first paint (src/layouts/Base.astro renders it from here), so
 * the hash is known at build time; nothing in the content can add one.
 */
export const LAYOUT_SCRIPTS = {
  theme: "{let d=document.documentElement,t;d.classList.add('js');try{t=localStorage.getItem('dg-theme')}catch{}if(t=='light'||t=='dark')d.dataset.theme=t}",
} as const;

/** The CSP source for one script's text. */
export const scriptHash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The sha256 sources of the layout's inline scripts. */
export function layoutScriptHashes(): string[] {
  return Object.values(LAYOUT_SCRIPTS).map(scriptHash).sort();
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
