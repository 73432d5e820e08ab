/**
 * A strict Content-Security-Policy for the built site, written to `_headers` (read by Netlify,
 * Cloudflare Pages and `npm run preview`). Inline scripts are allowed only by their hash, and only
 * the layout's own (LAYOUT_SCRIPTS); no inline style is allowed, except on the pages that draw a
 * mermaid diagram (PolicyOptions).
 */
import { createHash } from 'node:crypto';

/**
 * The inline scripts the layout writes, and the only ones the policy allows. The theme script
 * applies the reader's theme before first paint (src/layouts/Base.astro renders it from here), so
 * the hash is known at build time; nothing in the content can add one.
 */
export const LAYOUT_SCRIPTS = {
  theme: "{let d=document.documentElement,t;d.className+=' js';try{t=localStorage['dg-theme']}catch{}if(t=='light'||t=='dark')d.dataset.theme=t}",
} as const;

/** The CSP source for one script's text. */
export const scriptHash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The sha256 sources of the layout's inline scripts. */
export function layoutScriptHashes(): string[] {
  return Object.values(LAYOUT_SCRIPTS).map(scriptHash).sort();
}

export interface PolicyOptions {
  /**
   * Allow inline styles: only for pages with a mermaid diagram. Mermaid draws in the browser and
   * styles each drawing with a `<style>` element and `style` attributes whose text depends on the
   * diagram, so no hash can be known at build time, and no setting of mermaid's avoids them
   * (`htmlLabels: false` and every `securityLevel` still write both). Without them the drawing
   * is black shapes. Scripts stay as strict as everywhere; content cannot use the allowance,
   * since the sanitiser removes `<style>` and `style=` from raw HTML (rehype-safe-html).
   */
  inlineStyles?: boolean;
}

/** The policy: same-origin everything, hashed inline scripts, WebAssembly for Pagefind. */
export function contentSecurityPolicy(scriptHashes: readonly string[], options: PolicyOptions = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${[...scriptHashes, "'wasm-unsafe-eval'"].join(' ')}`,
    // No inline styles: code colours are classes (src/lib/code-colors.ts), label swatches SVG fills.
    options.inlineStyles ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * `_headers`: `policy` for every path, then a rule for each page in `pagePolicies` that needs a
 * policy of its own. Hosts apply every matching rule in order (Cloudflare Pages would send both
 * policies, and a browser enforces both), so a page's rule first detaches the site-wide policy
 * (`! Content-Security-Policy`, Cloudflare's syntax; Netlify ignores the line and keeps the last
 * matching rule's value). Cloudflare reads at most 100 rules.
 */
export function headersFile(policy: string, pagePolicies: ReadonlyArray<readonly [path: string, policy: string]> = []): string {
  const all = ['/*', `  Content-Security-Policy: ${policy}`, '  X-Content-Type-Options: nosniff', '  Referrer-Policy: strict-origin-when-cross-origin'];
  const pages = pagePolicies.flatMap(([path, own]) => [path, '  ! Content-Security-Policy', `  Content-Security-Policy: ${own}`]);
  return [...all, ...pages, ''].join('\n');
}
