import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { get } from 'node:http';
import { contentSecurityPolicy, headersFile } from '../../src/lib/security-headers.ts';
import { headersFor, parseHeaders, resolveRequest, serveStatic } from '../../src/lib/static-server.ts';

function site(): string {
  const parent = mkdtempSync(path.join(tmpdir(), 'devguide-serve-'));
  const dir = path.join(parent, 'dist');
  mkdirSync(path.join(dir, 'guide'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), 'home');
  writeFileSync(path.join(dir, 'guide/index.html'), 'guide');
  writeFileSync(path.join(dir, '404.html'), 'not found');
  writeFileSync(path.join(dir, '_headers'), "/*\n  Content-Security-Policy: default-src 'self'\n");
  // A sibling whose name starts with the site folder's name.
  mkdirSync(path.join(parent, 'dist-private'));
  writeFileSync(path.join(parent, 'dist-private/secret.txt'), 'secret');
  return dir;
}

describe('the preview server', () => {
  it('serves pages with the headers from _headers, and picks up a new _headers after a rebuild', async () => {
    const dir = site();
    const server = await serveStatic(dir);
    try {
      const first = await fetch(`${server.url}/guide/`);
      expect(await first.text()).toBe('guide');
      expect(first.headers.get('content-security-policy')).toBe("default-src 'self'");
      writeFileSync(path.join(dir, '_headers'), "/*\n  Content-Security-Policy: default-src 'none'\n");
      utimesSync(path.join(dir, '_headers'), new Date(), new Date(Date.now() + 5000));
      expect((await fetch(`${server.url}/`)).headers.get('content-security-policy')).toBe("default-src 'none'");
    } finally {
      await server.close();
    }
  });

  it('serves nothing outside the site folder, not even from a sibling with a longer name', async () => {
    const server = await serveStatic(site());
    try {
      const response = await fetch(`${server.url}/..%2Fdist-private/secret.txt`);
      expect(await response.text()).not.toBe('secret');
      expect(response.status).toBeGreaterThanOrEqual(400);
    } finally {
      await server.close();
    }
  });

  it('survives a request whose path decodes to a newline, and answers the next one', async () => {
    const server = await serveStatic(site());
    try {
      const bad = await new Promise<number>((resolve, reject) => {
        // fetch() would normalise the path; a raw request sends it as an attacker would.
        get(`${server.url}/%0a%2f..%2fguide`, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject);
      });
      expect(bad).toBe(400);
      expect(await (await fetch(`${server.url}/guide/`)).text()).toBe('guide');
    } finally {
      await server.close();
    }
  });

  it('redirects a folder without its slash to a path on this site, never to another host', async () => {
    const server = await serveStatic(site());
    try {
      const plain = await fetch(`${server.url}/guide`, { redirect: 'manual' });
      expect(plain.status).toBe(301);
      expect(plain.headers.get('location')).toBe('/guide/');
      const sneaky = await fetch(`${server.url}/%2Fevil.example%2F..%2Fguide`, { redirect: 'manual' });
      expect(sneaky.headers.get('location') ?? '/').toMatch(/^\/(?![/\\])/);
      const malformed = await fetch(`${server.url}/%zz`);
      expect(malformed.status).toBe(400);
    } finally {
      await server.close();
    }
  });
});

describe('resolveRequest', () => {
  it('refuses control characters and backslashes, paths that leave the folder, and malformed escapes', () => {
    expect(resolveRequest('/site', '/a/%0d%0aSet-Cookie:x')).toBe('bad');
    expect(resolveRequest('/site', '/a%5c..%5c..%5cetc')).toBe('bad');
    expect(resolveRequest('/site', '/%E0%A4%A')).toBe('bad');
    expect(resolveRequest('/site', '/..%2F..%2Fetc/passwd')).toBe('forbidden');
    expect(resolveRequest('/site', '/..%2Fsite-private/x')).toBe('forbidden');
    expect(resolveRequest('/site', '/start/setup/')).toBe(path.join('/site', 'start/setup/'));
  });
});

describe('_headers rules', () => {
  const file = headersFile(contentSecurityPolicy([]), [['/start/diagram/', contentSecurityPolicy([], { inlineStyles: true })]]);

  it("give a diagram page its own policy, detaching the site's, and every other page the strict one", () => {
    const rules = parseHeaders(file);
    const diagram = headersFor(rules, '/start/diagram/');
    expect(diagram['Content-Security-Policy']).toContain("style-src 'self' 'unsafe-inline';");
    expect(diagram['Content-Security-Policy']).not.toContain(', ');
    expect(diagram['X-Content-Type-Options']).toBe('nosniff');
    expect(headersFor(rules, '/start/setup/')['Content-Security-Policy']).toContain("style-src 'self';");
    expect(headersFor(rules, '/start/diagram/more/')['Content-Security-Policy']).toContain("style-src 'self';");
  });

  it('send both policies, as Cloudflare would, when a rule does not detach the first', () => {
    const rules = parseHeaders("/*\n  Content-Security-Policy: a\n/x/\n  Content-Security-Policy: b\n");
    expect(headersFor(rules, '/x/')['Content-Security-Policy']).toBe('a, b');
  });
});
