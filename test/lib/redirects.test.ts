import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRedirects, redirectFor, redirectPage, redirectsFile, validateRedirects, writeRedirects, type Redirect } from '../../src/lib/redirects.ts';
import { contentFolder } from '../support/content.ts';

const pages = new Map<string, readonly string[]>([
  ['/new/', ['usage']],
  ['/live/', []],
]);
const r = (from: string, to: string, line = 1): Redirect => ({ from, to, line, column: 1 });
const check = (...redirects: Redirect[]) => validateRedirects('redirects.yaml', redirects, pages);

describe('redirects', () => {
  it('accepts a redirect to an existing page and anchor', () => {
    expect(check(r('/old/', '/new/#usage'))).toEqual([]);
  });

  it('reports a chain and names the final target', () => {
    const [d] = check(r('/a/', '/b/'), r('/b/', '/new/', 2));
    expect(d).toMatchObject({ code: 'invalid-redirect', line: 1 });
    expect(d!.hint).toBe('Point it straight at the final target: "/new/".');
  });

  it('reports a loop', () => {
    expect(check(r('/a/', '/b/'), r('/b/', '/a/', 2)).map((d) => d.message)).toEqual([
      'The redirect from "/a/" is part of a loop (/a/ → /b/ → /a/).',
      'The redirect from "/b/" is part of a loop (/b/ → /a/ → /b/).',
    ]);
  });

  it('reports an old path that is still a live page, a missing target and a missing anchor', () => {
    expect(check(r('/live/', '/new/'), r('/x/', '/nwe/'), r('/y/', '/new/#nope')).map((d) => d.message)).toEqual([
      '"/live/" is a live page, so it cannot also redirect to "/new/".',
      'The redirect from "/x/" points to "/nwe/", which is no page.',
      'The redirect from "/y/" points to #nope, which is not an anchor of /new/.',
    ]);
  });

  it('writes a page with refresh, canonical, noindex and a visible link, and a _redirects line', () => {
    const html = redirectPage('/new/#usage', 'https://guide.example.org');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/new/#usage">');
    expect(html).toContain('<link rel="canonical" href="https://guide.example.org/new/#usage">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<a href="/new/#usage">');
    expect(redirectsFile([r('/old/', '/new/')])).toBe('/old/ /new/ 301\n');
  });

  it('refuses old paths that would write outside the site, over its own files, or into an unreadable _redirects line', () => {
    const problems = check(
      r('/../escaped/', '/new/'),
      r('/a/./b/', '/new/'),
      r('/with space/', '/new/'),
      r('/q/?x=1/', '/new/'),
      r('/', '/new/'),
      r('/index.html', '/new/'),
      r('/_headers/', '/new/'),
      r('/robots.txt', '/new/'),
      r('/pagefind/pagefind.js', '/new/'),
      r('/search/', '/new/'),
    ).map((d) => d.message.replace(/^The old path "([^"]*)" /, '$1: '));
    expect(problems).toEqual([
      '/../escaped/: has an empty, "." or ".." segment.',
      '/a/./b/: has an empty, "." or ".." segment.',
      '/with space/: contains a space, "?", "#", a backslash or a control character.',
      '/q/?x=1/: contains a space, "?", "#", a backslash or a control character.',
      '/: is a file or page the build writes itself.',
      '/index.html: is a file or page the build writes itself.',
      '/_headers/: is a file or page the build writes itself.',
      '/robots.txt: is a file or page the build writes itself.',
      '/pagefind/pagefind.js: is a file or page the build writes itself.',
      '/search/: is a file or page the build writes itself.',
    ]);
  });

  it('never writes a redirect page outside the site, even if asked to', () => {
    expect(() => writeRedirects(mkdtempSync(path.join(tmpdir(), 'devguide-redirects-')), [r('/../../outside/', '/new/')])).toThrow('would be written outside the site');
  });

  it('finds the target of a request for an old path, with or without its trailing slash or query', () => {
    const redirects = [r('/old/', '/new/#usage'), r('/legacy.html', '/new/')];
    expect(redirectFor(redirects, '/old/')).toBe('/new/#usage');
    expect(redirectFor(redirects, '/old')).toBe('/new/#usage');
    expect(redirectFor(redirects, '/old/?ref=mail')).toBe('/new/#usage');
    expect(redirectFor(redirects, '/legacy.html')).toBe('/new/');
    expect(redirectFor(redirects, '/new/')).toBeUndefined();
    expect(redirectFor(redirects, '/%E0%A4%A/')).toBeUndefined();
  });
});

describe('loadRedirects', () => {
  const load = (yaml: string) => loadRedirects(path.join(contentFolder({ 'redirects.yaml': yaml }, false), 'redirects.yaml'));

  it('keeps the right redirects while reporting the wrong ones, each at its line', () => {
    const { redirects, diagnostics } = load('/setup: /start/setup/\n/empty/:\n/js/: "javascript:alert(1)"\n');
    expect(redirects).toEqual([{ from: '/setup/', to: '/start/setup/', line: 1, column: 1 }]);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '2:1 The redirect from "/empty/" has no target.',
      '3:7 The redirect from "/js/" points to "javascript:alert(1)", which is neither a page of the site nor an http(s) URL.',
    ]);
  });

  it('reads an empty file as no redirects, and a list as a mistake', () => {
    expect(load('# none yet\n')).toEqual({ redirects: [], diagnostics: [] });
    expect(load('- /old/\n').diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([['invalid-redirect', 1, 'The file must be a mapping, not a list.']]);
  });
});
