/**
 * External link checking for `npm run check -- --external`: every distinct http(s) URL is
 * requested once (HEAD, then GET when a server refuses HEAD), with a timeout and a limit on
 * requests in flight. The build itself never fetches anything.
 */
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import type { ExternalLink } from './site.ts';

export interface ExternalCheckOptions {
  timeoutMs?: number;
  concurrency?: number;
  fetch?: typeof fetch;
}

async function status(url: string, options: Required<ExternalCheckOptions>): Promise<{ ok: boolean; detail: string }> {
  const attempt = async (method: 'HEAD' | 'GET') => {
    const response = await options.fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs), headers: { 'user-agent': 'devguide-link-check' } });
    await response.body?.cancel();
    return response;
  };
  try {
    let response = await attempt('HEAD');
    if (response.status === 405 || response.status === 403 || response.status === 501) response = await attempt('GET');
    return { ok: response.ok, detail: `HTTP ${response.status}` };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    return { ok: false, detail: e.name === 'TimeoutError' ? `no answer within ${options.timeoutMs / 1000} s` : (e.cause?.code ?? e.message) };
  }
}

/** Checks every distinct URL; one diagnostic per link whose URL failed. */
export async function checkExternalLinks(links: readonly ExternalLink[], opts: ExternalCheckOptions = {}): Promise<Diagnostic[]> {
  const options: Required<ExternalCheckOptions> = { timeoutMs: opts.timeoutMs ?? 10_000, concurrency: opts.concurrency ?? 8, fetch: opts.fetch ?? fetch };
  const urls = [...new Set(links.map((l) => l.href.split('#')[0]!))];
  const results = new Map<string, { ok: boolean; detail: string }>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency, urls.length) }, async () => {
      while (next < urls.length) {
        const url = urls[next++]!;
        results.set(url, await status(url, options));
      }
    }),
  );
  return links.flatMap((link) => {
    const result = results.get(link.href.split('#')[0]!)!;
    return result.ok ? [] : [diagnostic('broken-link', link.file, { line: link.line, column: link.column }, `External link "${link.href}" failed: ${result.detail}.`, 'Update the URL (look for the page\'s new address) or remove the link.')];
  });
}
