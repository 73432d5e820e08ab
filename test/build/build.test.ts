import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildFixture, ROOT } from '../support/browser.ts';
import { contentFolder } from '../support/content.ts';
import { treeHash } from '../support/tree.ts';

const out = () => inject('basicOut');
const read = (file: string) => readFileSync(path.join(out(), file), 'utf8');

describe('a build of the fixture site', () => {
  it('writes the home page, every published guide, section pages, 404, search and robots.txt', () => {
    for (const file of ['index.html', 'start/setup/index.html', 'start/help/index.html', 'tasks/first-task/index.html', 'tasks/index.html', '404.html', 'search/index.html', 'robots.txt', 'favicon.svg', 'experts/index.html', 'experts/alice/index.html', 'todo/index.html']) {
      expect(existsSync(path.join(out(), file)), file).toBe(true);
    }
  });

  it('leaves drafts out', () => {
    expect(existsSync(path.join(out(), 'tasks/secret-plan'))).toBe(false);
    expect(read('tasks/index.html')).not.toContain('Secret plan');
  });

  it('writes a sitemap of every page when site.yaml sets the URL, and names it in robots.txt', () => {
    const sitemap = read('sitemap.xml');
    expect(sitemap).toContain('<loc>https://guide.example.org/start/setup/</loc>');
    expect(sitemap).not.toContain('secret-plan');
    expect(read('robots.txt')).toContain('Sitemap: https://guide.example.org/sitemap.xml');
  });

  it('lists in the sitemap exactly the HTML pages that are not marked noindex (experts, people and /todo/ included)', () => {
    const html = readdirSync(out(), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    const indexable = html
      .filter((f) => !read(f).includes('<meta name="robots" content="noindex">'))
      .map((f) => `https://guide.example.org/${f.replace(/index\.html$/, '')}`)
      .sort();
    const listed = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!).sort();
    expect(listed).toEqual(indexable);
    expect(listed).toContain('https://guide.example.org/experts/alice/');
    expect(listed).toContain('https://guide.example.org/todo/');
  });

  it('writes a Pagefind index with only guide bodies, filterable by section and level', () => {
    expect(existsSync(path.join(out(), 'pagefind/pagefind.js'))).toBe(true);
    const guide = read('start/setup/index.html');
    expect(guide).toContain('data-pagefind-body');
    expect(guide).toMatch(/data-pagefind-filter="section\[content\]" content="Getting started"/);
    expect(guide).toMatch(/data-pagefind-filter="level\[content\]" content="First task"/);
    expect(read('index.html')).not.toContain('data-pagefind-body');
  });

  it('gives a guide its breadcrumbs, badge, table of contents, edit link and neighbours', () => {
    const html = read('start/setup/index.html');
    expect(html).toContain('<nav class="breadcrumbs" aria-label="Breadcrumbs">');
    expect(html).toContain('class="badge level-newcomer"');
    expect(html).toMatch(/<nav class="toc"[^>]*>[\s\S]*href="#install-the-dependencies"/);
    expect(html).toContain('href="https://github.com/example/guide/edit/main/test/fixtures/basic/guides/start/setup.md"');
    expect(html).toContain('rel="next"');
    expect(html).toContain('<link rel="canonical" href="https://guide.example.org/start/setup/">');
  });

  it('lists only the current section\'s guides in each page\'s sidebar', () => {
    const sidebar = /<nav class="sidebar"[\s\S]*?<\/nav>/.exec(read('start/setup/index.html'))![0];
    expect(sidebar).toContain('/start/help/');
    expect(sidebar).not.toContain('/tasks/first-task/');
    expect(sidebar).toContain('href="/tasks/"');
  });

  it('shows the last-updated date from git when the file has history', () => {
    // The fixture is committed in this repository, so git knows the file.
    expect(read('start/setup/index.html')).toMatch(/Last updated <time datetime="\d{4}-\d\d-\d\dT[^"]+">\d+ \w+ \d{4}<\/time>/);
  });

  it('links an experts area to the guides about it, by title, under "See also"', () => {
    expect(read('experts/index.html')).toMatch(/<tr id="module-asyncio"[\s\S]*?See also: <a href="\/tasks\/pull-requests\/">Submitting a pull request<\/a>\.[\s\S]*?<\/tr>/);
  });

  it('publishes the site as a link into a store beside it holding this one build, and leaves no staging folder behind', () => {
    const parent = path.dirname(out());
    expect(readdirSync(parent).sort()).toEqual(['.dist.devguide', 'dist']);
    expect(lstatSync(out()).isSymbolicLink()).toBe(true);
    expect(readdirSync(path.join(parent, '.dist.devguide'))).toHaveLength(1);
    expect(existsSync(path.join(ROOT, 'node_modules/.cache/devguide/staging')) ? readdirSync(path.join(ROOT, 'node_modules/.cache/devguide/staging')) : []).toEqual([]);
  });
});

describe('builds', () => {
  it('give byte-identical output for the same input', () => {
    const a = buildFixture(path.join(ROOT, 'test/fixtures/basic'));
    expect(a.status, a.stderr).toBe(0);
    expect(treeHash(a.out)).toBe(treeHash(out()));
  });

  it('list at most 40 sections in the sidebar of a site with more, around the current one, and link to the home page that lists all', () => {
    const ids = Array.from({ length: 45 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
    const site = `title: Many\nsections:\n${ids.map((id) => `  - id: ${id}\n    label: Section ${id}\n`).join('')}`;
    const dir = contentFolder({ 'site.yaml': site, ...Object.fromEntries(ids.map((id) => [`guides/${id}/g.md`, `---\ntitle: Guide in ${id}\nlevel: newcomer\n---\nText.\n`])) });
    const built = buildFixture(dir);
    expect(built.status, built.stderr).toBe(0);
    const sidebar = (file: string) => /<nav class="sidebar"[^>]*>([\s\S]*?)<\/nav>/.exec(readFileSync(path.join(built.out, file), 'utf8'))![1]!;
    const listed = (file: string) => [...sidebar(file).matchAll(/>Section (s\d\d)</g)].map((m) => m[1]);
    // The last section's guide: the 40 that end with it.
    expect(listed('s45/g/index.html')).toEqual(ids.slice(5));
    // A section in the middle: the 40 around it.
    expect(listed('s20/g/index.html')).toEqual(ids.slice(0, 40));
    expect(listed('s30/g/index.html')).toEqual(ids.slice(5, 45));
    expect(sidebar('s30/g/index.html')).toContain('<a href="/#sections-title">All 45 sections</a>');
    const home = readFileSync(path.join(built.out, 'index.html'), 'utf8');
    for (const id of ids) expect(home).toContain(`>Section ${id}</a></h3>`);
  });

  it('show no date and report no error when the content has no git history', () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '---\ntitle: Alone\nlevel: newcomer\n---\nNo history.\n' });
    const built = buildFixture(dir);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toBe('');
    const html = readFileSync(path.join(built.out, 'tasks/a/index.html'), 'utf8');
    expect(html).not.toContain('Last updated');
    expect(existsSync(path.join(built.out, 'sitemap.xml'))).toBe(false);
    expect(readFileSync(path.join(built.out, 'robots.txt'), 'utf8')).not.toContain('Sitemap');
    expect(existsSync(path.join(built.out, 'experts'))).toBe(false);
  });

  it('leave todo notes and the /todo/ page out when site.yaml hides them, and keep raw HTML for trusted sites', () => {
    const dir = contentFolder({
      'site.yaml': 'title: T\nsections:\n  - id: tasks\n    label: Tasks\noptions:\n  showTodos: false\n  trustHtml: true\n',
      'guides/tasks/a.md': '---\ntitle: A\n---\nText.\n\n:::todo\nUnfinished.\n:::\n\n<button onclick="go()">Go</button>\n',
    });
    const built = buildFixture(dir);
    expect(built.status, built.stderr).toBe(0);
    const html = readFileSync(path.join(built.out, 'tasks/a/index.html'), 'utf8');
    expect(html).not.toContain('Unfinished');
    expect(html).toContain('<button onclick="go()">Go</button>');
    expect(existsSync(path.join(built.out, 'todo'))).toBe(false);
  });

  it('escape text from data files', () => {
    const dir = contentFolder({
      'experts.yaml': 'people:\n  alice: {name: "<img src=x onerror=alert(1)>"}\nareas:\n  module:\n    - name: "<script>alert(1)</script>"\n      experts: [alice]\n      notes: "Use <b>care</b> & patience"\n',
      'data/labels.yaml': 'groups:\n  - id: type\n    title: "<i>Type</i>"\n    labels:\n      - name: "<b>bug</b>"\n        meaning: "Breaks <script>things</script>"\n        color: "#ff0000"\n',
      'guides/tasks/a.md': '---\ntitle: A\n---\n::labels\n',
    });
    const built = buildFixture(dir);
    expect(built.status, built.stderr).toBe(0);
    const experts = readFileSync(path.join(built.out, 'experts/index.html'), 'utf8');
    const person = readFileSync(path.join(built.out, 'experts/alice/index.html'), 'utf8');
    const labels = readFileSync(path.join(built.out, 'tasks/a/index.html'), 'utf8');
    for (const html of [experts, person, labels]) {
      // Inside a quoted attribute value "<" is only text; everywhere else it must be escaped.
      expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<script>alert|<img src=x|<b>bug|<b>care|<script>things|<i>Type/);
    }
    expect(experts).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(labels).toContain('Breaks &#x3C;script>things&#x3C;/script>');
  });

  it('re-render only what an edit changed, and the result equals a full build', () => {
    const dir = contentFolder({
      'guides/tasks/a.md': '---\ntitle: A\norder: 1\n---\nFirst.\n',
      'guides/tasks/b.md': '---\ntitle: B\norder: 2\n---\nSecond.\n',
      'guides/triage/c.md': '---\ntitle: C\n---\nThird.\n',
    });
    const first = buildFixture(dir);
    const outDir = first.out;
    writeFileSync(path.join(dir, 'guides/triage/c.md'), '---\ntitle: C\n---\nThird, edited.\n');
    const again = buildFixture(dir, ['--out', outDir]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/1 rendered, 2 from cache, 2 pages unchanged/);
    expect(readFileSync(path.join(outDir, 'triage/c/index.html'), 'utf8')).toContain('Third, edited.');
    const fresh = buildFixture(dir);
    expect(treeHash(outDir)).toBe(treeHash(fresh.out));
  });

  it('carry over the same pages when `check` ran between the edit and the build', () => {
    const dir = contentFolder({
      'guides/tasks/a.md': '---\ntitle: A\norder: 1\n---\nFirst.\n',
      'guides/tasks/b.md': '---\ntitle: B\norder: 2\n---\nSecond.\n',
      'guides/triage/c.md': '---\ntitle: C\n---\nThird.\n',
    });
    const outDir = buildFixture(dir).out;
    writeFileSync(path.join(dir, 'guides/triage/c.md'), '---\ntitle: C\n---\nThird, checked.\n');
    const check = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/check.ts'), '--content', dir], { encoding: 'utf8', cwd: ROOT });
    expect(check.status, check.stderr).toBe(0);
    const again = buildFixture(dir, ['--out', outDir]);
    expect(again.status, again.stderr).toBe(0);
    // `check` rendered the edited page into the cache; the build reuses it and the two unchanged pages.
    expect(again.stdout).toMatch(/0 rendered, 3 from cache, 2 pages unchanged/);
    expect(readFileSync(path.join(outDir, 'triage/c/index.html'), 'utf8')).toContain('Third, checked.');
  });
});

describe('the output folder', () => {
  const build = (content: string, out: string) =>
    spawnSync(process.execPath, [path.join(ROOT, 'src/cli/build.ts'), '--content', content, '--out', out], { encoding: 'utf8', cwd: ROOT });

  it('is never a folder the build did not write: someone\'s files stay where they are', () => {
    const content = contentFolder({ 'guides/tasks/a.md': '# A\n\nText.\n' });
    const theirs = mkdtempSync(path.join(tmpdir(), 'devguide-theirs-'));
    writeFileSync(path.join(theirs, 'thesis.txt'), 'four years of work');
    const result = build(content, theirs);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is a folder that devguide did not write');
    expect(readdirSync(theirs)).toEqual(['thesis.txt']);
  });

  it('is never the content folder, a folder holding it, or the project', () => {
    const content = contentFolder({ 'guides/tasks/a.md': '# A\n\nText.\n' });
    const before = treeHash(content);
    expect(build(content, content).stderr).toContain('is the content folder');
    expect(build(content, path.dirname(content)).stderr).toContain('holds the content folder');
    expect(build(content, path.join(content, 'guides')).stderr).toContain('is inside the content folder');
    expect(build(content, ROOT).stderr).toContain('holds the devguide project');
    expect(treeHash(content)).toBe(before);
  });

  it('is marked as devguide\'s own, so the next build may replace it', () => {
    expect(readFileSync(path.join(out(), '.devguide-build'), 'utf8')).toMatch(/written by devguide/);
    const content = contentFolder({ 'guides/tasks/a.md': '# A\n\nText.\n' });
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-out-')), 'site');
    expect(build(content, target).status).toBe(0);
    expect(build(content, target).status).toBe(0);
  });
});

describe('the render cache', () => {
  it('is shared by check and build: a check, then a one-edit build, renders only the edited page', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-cache-')), 'content');
    cpSync(path.join(ROOT, 'test/fixtures/basic'), dir, { recursive: true });
    // Unique text, so no page of this copy is in the cache before the check.
    const marker = `cache test ${Date.now()}`;
    for (const file of readdirSync(path.join(dir, 'guides'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'))) {
      writeFileSync(path.join(dir, 'guides', file), `${readFileSync(path.join(dir, 'guides', file), 'utf8')}\n${marker}\n`);
    }
    const check = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/check.ts'), '--content', dir], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, DEVGUIDE_BUILD_DATE: '2026-01-15' } });
    expect(check.status, check.stderr).toBe(0);
    writeFileSync(path.join(dir, 'guides/start/help.md'), `${readFileSync(path.join(dir, 'guides/start/help.md'), 'utf8')}\nOne more line.\n`);
    const built = buildFixture(dir);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/\(1 rendered, \d+ from cache/);
  });
});


describe('the Astro integration on its own', () => {
  it('makes the same site with a plain `astro build` as `npm run build` (all but the build marker)', () => {
    const plain = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-astro-')), 'dist');
    const env = { ...process.env, DEVGUIDE_BUILD_DATE: '2026-01-15', DEVGUIDE_CONTENT: path.join(ROOT, 'test/fixtures/basic') };
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', plain], { encoding: 'utf8', cwd: ROOT, env });
    expect(result.status, result.stderr).toBe(0);
    for (const file of ['_headers', '_redirects', 'sitemap.xml', 'pagefind/pagefind.js', 'old-setup/index.html']) expect(existsSync(path.join(plain, file)), file).toBe(true);
    const viaCli = buildFixture(path.join(ROOT, 'test/fixtures/basic'));
    expect(viaCli.status, viaCli.stderr).toBe(0);
    rmSync(path.join(viaCli.out, '.devguide-build'));
    expect(treeHash(plain)).toBe(treeHash(viaCli.out));
  });

  // An .mjs config is loaded by Node, an .ts one through Vite's module runner: the pages get the
  // model either way.
  it.each(['astro.config.mjs', 'astro.config.ts'])('adds the whole guide to an existing Astro project with devguide({ content }) in its %s, beside its own pages', (config) => {
    const project = mkdtempSync(path.join(tmpdir(), 'devguide-host-'));
    // devguide as a copy inside the project, as an installed package would be.
    for (const part of ['src', 'public', 'package.json']) cpSync(path.join(ROOT, part), path.join(project, 'vendor/devguide', part), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
    cpSync(path.join(ROOT, 'test/fixtures/basic'), path.join(project, 'docs'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(path.join(project, config), "import devguide from './vendor/devguide/src/integration/index.ts';\nexport default { output: 'static', integrations: [devguide({ content: 'docs' })] };\n");
    mkdirSync(path.join(project, 'src/pages'), { recursive: true });
    writeFileSync(path.join(project, 'src/pages/about.astro'), '<html lang="en"><head><title>About</title></head><body><h1>About us</h1></body></html>\n');
    const env = { ...process.env, DEVGUIDE_BUILD_DATE: '2026-01-15', DEVGUIDE_CONTENT: '' };
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { encoding: 'utf8', cwd: project, env });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    for (const file of ['about/index.html', 'index.html', 'start/setup/index.html', 'experts/index.html', 'search/index.html', '404.html', '_headers', 'sitemap.xml', 'pagefind/pagefind.js', 'favicon.svg']) {
      expect(existsSync(path.join(project, 'dist', file)), file).toBe(true);
    }
    expect(readFileSync(path.join(project, 'dist/start/setup/index.html'), 'utf8')).toContain('Setting up');
  });
});
