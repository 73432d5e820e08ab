/**
 * What a build gives tools and sharing: a Markdown copy beside every guide, llms.txt and
 * llms-full.txt, the Atom feed, Open Graph metadata, the "Report a problem" link and external links
 * marked as leaving the site. Files are read from the fixture build, served over HTTP by the
 * preview server, and the feed is parsed by a real XML parser (Chromium's).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/guide.ts';
import { serveStatic, type StaticServer } from '../../src/lib/static-server.ts';
import { buildFixture, newPage, openSite, ROOT, type Site } from '../support/browser.ts';
import { contentFolder } from '../support/content.ts';

const SITE = 'https://guide.example.org';
const FIXTURE = path.join(ROOT, 'test/fixtures/basic');
const out = () => inject('basicOut');
const read = (file: string) => readFileSync(path.join(out(), file), 'utf8');
const source = (file: string) => splitFrontmatter(readFileSync(path.join(FIXTURE, 'guides', file), 'utf8')).body.replace(/^\n+/, '');

/** The fixture's published guides in reading order (sections in site.yaml's order, then `order`). */
const READING_ORDER = ['/start/setup/', '/start/help/', '/tasks/first-task/', '/tasks/pull-requests/', '/tasks/fixing-bugs/', '/triage/triaging/', '/triage/core-duties/', '/reference/versions/'];

describe('the Markdown copy of each guide', () => {
  it('is published beside every guide page and nowhere else', () => {
    const guides = readdirSync(out(), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('index.html') && read(f).includes('data-pagefind-body'))
      .map((f) => `/${f.replace(/index\.html$/, '')}`)
      .sort();
    expect(guides).toEqual([...READING_ORDER].sort());
    const copies = readdirSync(out(), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(copies.map((f) => `/${f.replace(/index\.md$/, '')}`).sort()).toEqual(guides);
    expect(existsSync(path.join(out(), 'tasks/secret-plan/index.md'))).toBe(false);
  });

  it('is the source as written without its frontmatter, titled with a # heading, its links made absolute', () => {
    expect(read('start/setup/index.md')).toBe(`# Setting up\n\n${source('start/setup.md').replace('](/tasks/first-task/)', `](${SITE}/tasks/first-task/)`)}`);
  });

  it('keeps the file\'s own # heading as the title rather than adding a second', () => {
    const copy = read('tasks/fixing-bugs/index.md');
    expect(copy).toBe(source('tasks/fixing-bugs.md'));
    expect(copy.match(/^# /gm)).toHaveLength(1);
  });

  it('points relative links, fragments and reference definitions where the page does', () => {
    const copy = read('triage/triaging/index.md');
    expect(copy).toContain(`[getting help](${SITE}/start/help/)`);
    expect(copy).toContain(`[the labels above](${SITE}/triage/triaging/#labels)`);
    expect(copy).toContain(`[setup]: ${SITE}/start/setup/`);
    expect(copy).toContain('[managing labels](https://docs.github.com/en/issues/using-labels-and-milestones-to-track-work/managing-labels)');
    expect(copy).not.toContain('.md)');
  });

  it('is linked from the guide\'s footer', () => {
    expect(read('start/setup/index.html')).toMatch(/<p class="page-meta">.*<a href="\/start\/setup\/index\.md" type="text\/markdown">View as Markdown<\/a>/s);
  });
});

describe('llms.txt and llms-full.txt', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(out());
  });
  afterAll(() => server.close());

  it('lists every guide\'s Markdown copy by section, in reading order, after the site\'s title and description', () => {
    const text = read('llms.txt');
    expect(text.startsWith('# Fixture Guide\n\n> A small site that uses every feature, for the tests.\n\n## Getting started\n\n')).toBe(true);
    expect(text.match(/^## .+$/gm)).toEqual(['## Getting started', '## Tasks', '## Triage', '## Reference']);
    expect(text).toContain(`- [Setting up](${SITE}/start/setup/index.md): Get the source and build it on your machine.\n- [Getting help](${SITE}/start/help/index.md)\n`);
    const links = [...text.matchAll(/^- \[[^\]]+\]\(([^)]+)\)/gm)].map((m) => m[1]!);
    expect(links).toEqual(READING_ORDER.map((u) => `${SITE}${u}index.md`));
  });

  it('links to copies the site serves as Markdown', async () => {
    const links = [...read('llms.txt').matchAll(/\]\((https:[^)]+)\)/g)].map((m) => m[1]!);
    for (const link of links) {
      const response = await fetch(link.replace(SITE, server.url));
      expect(response.status, link).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(await response.text()).toBe(read(new URL(link).pathname.slice(1)));
    }
  });

  it('holds every guide\'s copy whole, in reading order', () => {
    const full = read('llms-full.txt');
    const at = READING_ORDER.map((u) => full.indexOf(read(`${u.slice(1)}index.md`).trimEnd()));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('the Atom feed', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite(out());
  });
  afterAll(() => site?.close());

  it('is well-formed Atom listing the changed guides newest first, each linking to its page', async () => {
    const { page, context } = await newPage(site);
    await page.goto(`${site.url}/`);
    const feed = await page.evaluate(async () => {
      const text = await (await fetch('/feed.xml')).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      const child = (el: Element, name: string) => el.getElementsByTagNameNS(atom, name)[0];
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
        title: child(doc.documentElement, 'title')?.textContent,
        id: child(doc.documentElement, 'id')?.textContent,
        self: doc.querySelector('feed > link[rel="self"]')?.getAttribute('href'),
        entries: [...doc.getElementsByTagNameNS(atom, 'entry')].map((e) => ({
          title: child(e, 'title')?.textContent,
          id: child(e, 'id')?.textContent,
          link: child(e, 'link')?.getAttribute('href'),
          updated: child(e, 'updated')?.textContent ?? '',
          summary: child(e, 'summary')?.textContent,
        })),
      };
    });
    await context.close();
    expect(feed.error).toBe(false);
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(feed.title).toBe('Fixture Guide: recently changed guides');
    expect(feed.id).toBe(`${SITE}/`);
    expect(feed.self).toBe(`${SITE}/feed.xml`);
    expect(feed.entries.map((e) => e.link?.replace(SITE, '')).sort()).toEqual([...READING_ORDER].sort());
    const times = feed.entries.map((e) => Date.parse(e.updated));
    expect(times.every((t) => !Number.isNaN(t))).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const entry of feed.entries) expect(entry.id).toMatch(/^tag:guide\.example\.org,\d{4}-\d\d-\d\d:\/[\w/-]+\/$/);
    expect(feed.entries.find((e) => e.title === 'Setting up')?.summary).toBe('Get the source and build it on your machine.');
  });

  it('is named in the head of every page', () => {
    for (const file of ['index.html', 'start/setup/index.html', 'experts/index.html']) {
      expect(read(file), file).toContain('<link rel="alternate" type="application/atom+xml" href="/feed.xml" title="Fixture Guide: recently changed guides">');
    }
  });
});

describe('a guide page', () => {
  it('has Open Graph and Twitter card metadata with its canonical URL', () => {
    const head = /<head>([\s\S]*)<\/head>/.exec(read('start/setup/index.html'))![1]!;
    for (const tag of [
      '<link rel="canonical" href="https://guide.example.org/start/setup/">',
      '<meta property="og:title" content="Setting up">',
      '<meta property="og:description" content="Get the source and build it on your machine.">',
      '<meta property="og:site_name" content="Fixture Guide">',
      '<meta property="og:type" content="article">',
      '<meta property="og:url" content="https://guide.example.org/start/setup/">',
      '<meta name="twitter:card" content="summary">',
    ]) {
      expect(head).toContain(tag);
    }
    expect(head).toMatch(/<meta property="article:modified_time" content="\d{4}-\d\d-\d\dT[^"]+">/);
    expect(head).not.toContain('og:image');
    expect(read('experts/index.html')).toContain('<meta property="og:type" content="website">');
  });

  it('links to a new issue on the tracker with the page\'s title and URL filled in', () => {
    const href = /<a href="([^"]+)">Report a problem with this page<\/a>/.exec(read('start/setup/index.html'))![1]!.replaceAll('&amp;', '&');
    const url = new URL(href);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/example/project/issues/new');
    expect(url.searchParams.get('title')).toBe('Problem on the page “Setting up”');
    expect(url.searchParams.get('body')).toBe('Page: Setting up\nhttps://guide.example.org/start/setup/\n\nWhat is wrong, missing or unclear:\n');
  });

  it('marks links to other sites with hidden words and an icon, and leaves links within the site alone', () => {
    const html = read('triage/triaging/index.html');
    expect(html).toContain('<a href="https://docs.github.com/en/issues/using-labels-and-milestones-to-track-work/managing-labels" data-external="">managing labels<span class="visually-hidden" data-pagefind-ignore=""> (opens another site)</span></a>');
    expect(html).toContain('<a href="https://guide.example.org/start/setup/">on this site</a>');
    expect(html).toContain('<a href="/start/help/">getting help</a>');
    expect(html).toContain('<a href="/experts/#module-asyncio">experts index</a>');
    expect(html).not.toMatch(/<a [^>]*target=/);
    const css = readdirSync(path.join(out(), '_astro')).filter((f) => f.endsWith('.css')).map((f) => read(`_astro/${f}`)).join('\n');
    expect(css).toMatch(/a\[data-external\]:{1,2}after\{[^}]*mask:/);
  });

  it('leaves the _headers policy as it was: nothing it adds needs an exception', () => {
    const headers = read('_headers');
    expect(headers.split('\n').filter((l) => l.startsWith('/'))).toEqual(['/*']);
    expect(headers).toContain("img-src 'self' data: https:");
  });
});

describe('a site without `url`', () => {
  let built: ReturnType<typeof buildFixture>;
  beforeAll(() => {
    const content = contentFolder({
      'site.yaml': 'title: Plain\ntracker: https://gitlab.com/example/project/-/issues\nsections:\n  - id: tasks\n    label: Tasks\n',
      'guides/tasks/first.md': '---\ntitle: First\n---\n\nSee [the second](second.md#more) and [this part](#part).\n\n## Part\n\nText.\n',
      'guides/tasks/second.md': '# Second\n\n## More\n\nText.\n',
    });
    built = buildFixture(content);
  }, 120_000);
  const readBuilt = (file: string) => readFileSync(path.join(built.out, file), 'utf8');

  it('writes the copies and llms.txt with root-relative links', () => {
    expect(built.status, built.stderr).toBe(0);
    expect(readBuilt('tasks/first/index.md')).toBe('# First\n\nSee [the second](/tasks/second/#more) and [this part](/tasks/first/#part).\n\n## Part\n\nText.\n');
    expect(readBuilt('llms.txt')).toBe('# Plain\n\n## Tasks\n\n- [First](/tasks/first/index.md)\n- [Second](/tasks/second/index.md)\n');
  });

  it('writes no feed, since Atom ids must be absolute, and names none in the head', () => {
    expect(existsSync(path.join(built.out, 'feed.xml'))).toBe(false);
    expect(readBuilt('tasks/first/index.html')).not.toContain('application/atom+xml');
    expect(readBuilt('tasks/first/index.html')).not.toContain('og:url');
  });

  it('reports a problem with the page\'s root-relative URL, in the form GitLab reads', () => {
    const href = /<a href="([^"]+)">Report a problem with this page<\/a>/.exec(readBuilt('tasks/first/index.html'))![1]!.replaceAll('&amp;', '&');
    const url = new URL(href);
    expect(url.pathname).toBe('/example/project/-/issues/new');
    expect(url.searchParams.get('issue[title]')).toBe('Problem on the page “First”');
    expect(url.searchParams.get('issue[description]')).toContain('\n/tasks/first/\n');
  });
});
