/** `_headers`: the Content-Security-Policy and the other response headers hosts read from it. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy, headersFile, layoutScriptHashes } from '../lib/security-headers.ts';

export function writeHeaders(dir: string): void {
  writeFileSync(path.join(dir, '_headers'), headersFile(contentSecurityPolicy(layoutScriptHashes())));
}
