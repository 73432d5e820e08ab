/**
 * A small static file server for a built site: what `npm run preview` and the browser tests use.
 * Serves `dir/path/index.html` for `/path/`, redirects `/path` to `/path/`, answers unknown paths
 * with 404.html and status 404, and sends the headers from `_headers` when present.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Content types by file extension, for the preview server and the dev server's search index. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** One block of a `_headers` file: a path (exact, or ending in `*`), headers it sets and detaches. */
export interface HeaderRule {
  path: string;
  set: Record<string, string>;
  /** Headers an earlier matching rule set that this one removes (`! Name`, Cloudflare's syntax). */
  unset: string[];
}

/** Parses a Netlify/Cloudflare-style `_headers` file into its rules, in order. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), set: {}, unset: [] });
      continue;
    }
    const rule = rules.at(-1);
    const detach = /^\s+!\s*([\w-]+)\s*$/.exec(line);
    const header = /^\s+([\w-]+):\s*(.*)$/.exec(line);
    if (rule && detach) rule.unset.push(detach[1]!.toLowerCase());
    else if (rule && header) rule.set[header[1]!] = header[2]!;
  }
  return rules;
}

/**
 * The headers for `pathname`, as Cloudflare Pages applies them: every matching rule in order, each
 * first removing what it detaches; a header two rules set gets both values, comma-separated.
 */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const headers = new Map<string, [name: string, value: string]>();
  for (const rule of rules) {
    const matches = rule.path.endsWith('*') ? pathname.startsWith(rule.path.slice(0, -1)) : pathname === rule.path;
    if (!matches) continue;
    for (const name of rule.unset) headers.delete(name);
    for (const [name, value] of Object.entries(rule.set)) {
      const before = headers.get(name.toLowerCase());
      headers.set(name.toLowerCase(), [name, before ? `${before[1]}, ${value}` : value]);
    }
  }
  return Object.fromEntries(headers.values());
}

/**
 * The file a request path names inside `root`: decoded safely, with no control character, and
 * joined with a separator check so it cannot leave `root` (nor reach a sibling such as
 * `dist-private`). 'bad' for a path that does not decode or holds a control character,
 * 'forbidden' for one that leaves the folder.
 */
export function resolveRequest(root: string, url: string): string | 'bad' | 'forbidden' {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return 'bad';
  }
  if (/[\u0000-\u001f\u007f\\]/.test(pathname)) return 'bad';
  const file = path.join(root, pathname);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return 'forbidden';
  return file;
}

/** The URL path of a folder inside the site, with a trailing slash: `/start/setup/`. */
export function sitePath(root: string, dir: string): string {
  const segments = path.relative(root, dir).split(path.sep).filter(Boolean);
  return `/${segments.map(encodeURIComponent).join('/')}${segments.length ? '/' : ''}`;
}

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const root = path.resolve(dir);
  // Read again whenever the file changes: a rebuild while the server runs may change the policy.
  let headers: { mtime: number; rules: HeaderRule[] } = { mtime: -1, rules: [] };
  const currentHeaders = (url: string) => {
    const file = path.join(root, '_headers');
    const mtime = existsSync(file) ? statSync(file).mtimeMs : 0;
    if (mtime !== headers.mtime) headers = { mtime, rules: mtime ? parseHeaders(readFileSync(file, 'utf8')) : [] };
    return headersFor(headers.rules, new URL(url, 'http://x').pathname);
  };
  const server = createServer((req, res) => {
    try {
      respond(req.url ?? '/', res);
    } catch {
      // A request must never stop the server; whatever went wrong is this request's alone.
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }
  });
  const respond = (url: string, res: ServerResponse) => {
    for (const [k, v] of Object.entries(currentHeaders(url))) res.setHeader(k, v);
    const file = resolveRequest(root, url);
    if (file === 'bad') {
      res.statusCode = 400;
      res.end('Bad request');
      return;
    }
    if (file === 'forbidden') {
      res.statusCode = 403;
      res.end();
      return;
    }
    let target = file;
    if (existsSync(target) && statSync(target).isDirectory()) {
      if (!url.split('?')[0]!.endsWith('/')) {
        // Built from the file's place in the site, never from the request: always this origin.
        res.statusCode = 301;
        res.setHeader('Location', sitePath(root, target));
        res.end();
        return;
      }
      target = path.join(target, 'index.html');
    }
    let status = 200;
    if (!existsSync(target) || !statSync(target).isFile()) {
      status = 404;
      target = path.join(root, '404.html');
      if (!existsSync(target)) {
        res.statusCode = 404;
        res.end('Not found');
        return;
      }
    }
    res.statusCode = status;
    res.setHeader('Content-Type', CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream');
    createReadStream(target).pipe(res);
  };
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
