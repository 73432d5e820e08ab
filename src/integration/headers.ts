/** `_headers`: the Content-Security-Policy and the other response headers hosts read from it. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteModel } from '../lib/site.ts';
import { contentSecurityPolicy, headersFile, layoutScriptHashes } from '../lib/security-headers.ts';

/** Writes `_headers`: the strict policy everywhere, and the diagram pages' own (inline styles allowed). */
export function writeHeaders(dir: string, model: Pick<SiteModel, 'pages'>): void {
  const hashes = layoutScriptHashes();
  const diagrams = contentSecurityPolicy(hashes, { inlineStyles: true });
  // Hosts match a rule against the request's path as sent, percent-encoded.
  const pages = model.pages.filter((p) => p.mermaid).map((p) => [encodeURI(p.url), diagrams] as const);
  writeFileSync(path.join(dir, '_headers'), headersFile(contentSecurityPolicy(hashes), pages));
}
