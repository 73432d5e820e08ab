/**
 * Bad input: each case must be reported with the right code at the right line, with no stack
 * trace, and must leave the previous build's output exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/browser.ts';
import { treeHash } from '../support/tree.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/basic');
let out: string;
let goodHash: string;

function build(content: string, outDir = out) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/build.ts'), '--content', content, '--out', outDir], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, DEVGUIDE_BUILD_DATE: '2026-01-15' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A copy of the fixture content with `change` applied. */
function variant(change: (dir: string) => void): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-bad-')), 'content');
  cpSync(FIXTURE, dir, { recursive: true });
  change(dir);
  return dir;
}

const write = (dir: string, file: string, text: string | Buffer) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
const edit = (dir: string, file: string, from: string | RegExp, to: string) => {
  const full = path.join(dir, file);
  writeFileSync(full, readFileSync(full, 'utf8').replace(from, to));
};

beforeAll(() => {
  out = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-good-')), 'dist');
  const result = build(FIXTURE);
  expect(result.status, result.output).toBe(0);
  goodHash = treeHash(out);
});

/** Cases that must fail the build: [name, change, expected "file:line:col  error  code"]. */
const FAILURES: Array<[string, (dir: string) => void, RegExp]> = [
  ['invalid frontmatter YAML', (d) => write(d, 'guides/start/bad.md', '---\ntitle: Bad\nlevel: [newcomer\n---\nText.\n'), /guides\/start\/bad\.md:3:17 {2}error {2}invalid-frontmatter/],
  ['a missing title', (d) => write(d, 'guides/start/untitled.md', '---\nlevel: newcomer\n---\nNo heading here.\n'), /guides\/start\/untitled\.md:1:1 {2}error {2}missing-title/],
  ['an unknown level', (d) => edit(d, 'guides/start/help.md', 'level: newcomer', 'level: beginner'), /guides\/start\/help\.md:3:8 {2}error {2}unknown-level/],
  ['two files with one URL', (d) => write(d, 'guides/start/Setup.md', '# Another setup\n'), /guides\/start\/[Ss]etup\.md:1:1 {2}error {2}duplicate-url/],
  ['a broken link', (d) => edit(d, 'guides/start/help.md', '(/start/setup/#build)', '(/start/setpu/)'), /guides\/start\/help\.md:7:23 {2}error {2}broken-link\n {2}Link "\/start\/setpu\/" points to no page\.\n {2}Fix: did you mean "\/start\/setup\/"\?/],
  ['a broken anchor', (d) => edit(d, 'guides/start/help.md', '#build', '#biuld'), /guides\/start\/help\.md:7:23 {2}error {2}broken-anchor\n.*\n {2}Fix: did you mean "#build"\? Anchors on that page: install-the-dependencies, build, run-the-tests/],
  ['a link to a draft', (d) => edit(d, 'guides/start/help.md', '(/start/setup/#build)', '(/tasks/secret-plan/)'), /guides\/start\/help\.md:7:23 {2}error {2}draft-link/],
  ['invalid experts YAML', (d) => edit(d, 'experts.yaml', 'people:\n', 'people:\n  - [broken\n'), /experts\.yaml:\d+:\d+ {2}error {2}invalid-yaml/],
  ['an unknown expert handle', (d) => edit(d, 'experts.yaml', 'experts: [bob]', 'experts: [bobby]'), /experts\.yaml:15:17 {2}error {2}unknown-expert\n.*\n {2}Fix: did you mean "bob"\?/],
  ['a redirect loop', (d) => write(d, 'redirects.yaml', '/a/: /b/\n/b/: /a/\n'), /redirects\.yaml:1:1 {2}error {2}invalid-redirect\n {2}The redirect from "\/a\/" is part of a loop/],
  ['a redirect to a missing page', (d) => write(d, 'redirects.yaml', '/old/: /start/setpu/\n'), /redirects\.yaml:1:1 {2}error {2}invalid-redirect\n.*\n {2}Fix: did you mean "\/start\/setup\/"\?/],
  ['an empty file', (d) => write(d, 'guides/start/empty.md', ''), /guides\/start\/empty\.md:1:1 {2}error {2}empty-file/],
  ['a file with invalid UTF-8', (d) => write(d, 'guides/start/latin1.md', Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n')])), /guides\/start\/latin1\.md:1:6 {2}error {2}unreadable-file/],
  ['a content folder that does not exist', (d) => rmSync(d, { recursive: true }), /content {2}error {2}missing-content\n {2}The content folder ".*" does not exist\./],
  ['a guide file that is a directory', (d) => mkdirSync(path.join(d, 'guides/start/folder.md')), /guides\/start\/folder\.md {2}error {2}unreadable-file\n {2}This is a directory/],
  ['an unreadable guide (a dangling link)', (d) => symlinkSync(path.join(d, 'nowhere.md'), path.join(d, 'guides/start/gone.md')), /guides\/start\/gone\.md {2}error {2}unreadable-file\n {2}The file cannot be read \(ENOENT\)/],
  ['an unknown section folder', (d) => write(d, 'guides/tutorials/a.md', '# A\n'), /guides\/tutorials {2}error {2}unknown-section/],
  ['an unknown directive', (d) => edit(d, 'guides/start/help.md', ':::todo', ':::todos'), /guides\/start\/help\.md:9:1 {2}error {2}unknown-directive\n.*\n {2}Fix: Did you mean "todo"\?/],
  ['experts.yaml whose aliases expand exponentially', (d) => edit(d, 'experts.yaml', /^/, ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]', ''].join('\n')), /experts\.yaml:2:8 {2}error {2}invalid-yaml\n {2}The YAML does not load: its aliases/],
  ['a site url without a scheme', (d) => edit(d, 'site.yaml', 'url: https://guide.example.org', 'url: localhost:4321'), /site\.yaml:3:6 {2}error {2}invalid-site-config\n {2}"url" is "localhost:4321", which is not an absolute http\(s\) URL\.\n {2}Fix: .*"https:\/\/localhost:4321"/],
  ['a javascript: tracker URL', (d) => edit(d, 'site.yaml', 'tracker: https://github.com/example/project/issues', 'tracker: "javascript:alert(1)"'), /site\.yaml:8:10 {2}error {2}invalid-site-config/],
  ['a guide whose file name has no letter or digit', (d) => write(d, 'guides/start/🚀.md', '# Rocket\n'), /guides\/start\/🚀\.md {2}error {2}invalid-file-name\n {2}The file name "🚀\.md" gives this guide no URL/],
  ['a section id that is a built-in page', (d) => { edit(d, 'site.yaml', 'id: reference', 'id: todo'); cpSync(path.join(d, 'guides/reference'), path.join(d, 'guides/todo'), { recursive: true }); rmSync(path.join(d, 'guides/reference'), { recursive: true }); }, /site\.yaml:17:9 {2}error {2}invalid-site-config\n {2}Section id is "todo", which the site uses for a built-in page \(\/todo\/\)\./],
  ['two expert handles that differ only in case', (d) => edit(d, 'experts.yaml', '  bob:\n', '  Alice:\n    status: active\n  bob:\n'), /experts\.yaml:5:3 {2}error {2}invalid-experts\n {2}"Alice" and "alice" \(line 2\) differ only in case/],
  ['two unknown frontmatter fields', (d) => edit(d, 'guides/start/help.md', 'order: 2', 'ordr: 2\ndraf: false'), /help\.md:4:1 {2}error {2}invalid-frontmatter\n {2}Unknown field "ordr"\.\n {2}Fix: did you mean "order"\?[\s\S]*help\.md:5:1 {2}error {2}invalid-frontmatter\n {2}Unknown field "draf"\.\n {2}Fix: did you mean "draft"\?/],
  ['an unknown experts area', (d) => edit(d, 'guides/tasks/pull-requests.md', ':experts[asyncio]', ':experts[asynco]'), /guides\/tasks\/pull-requests\.md:8:47 {2}error {2}unknown-expert/],
];

describe('bad input fails the build clearly and keeps the last good site', () => {
  for (const [name, change, expected] of FAILURES) {
    it(`reports ${name}`, () => {
      const result = build(variant(change));
      expect(result.status).toBe(1);
      expect(result.output).toMatch(expected);
      expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      expect(treeHash(out)).toBe(goodHash);
    });
  }

  it('reports every problem of a build at once', () => {
    const result = build(
      variant((d) => {
        edit(d, 'guides/start/help.md', 'level: newcomer', 'level: beginner');
        write(d, 'guides/start/empty.md', '');
        write(d, 'redirects.yaml', '/old/: /nowhere/\n');
      }),
    );
    expect(result.output).toMatch(/unknown-level[\s\S]*empty-file|empty-file[\s\S]*unknown-level/);
    expect(result.output).toContain('invalid-redirect');
    expect(result.output).toMatch(/3 errors, 0 warnings/);
  });
});

describe('bad input that still builds', () => {
  let warnOut: string;
  let warned: { status: number | null; output: string };
  beforeAll(() => {
    warnOut = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-warn-')), 'dist');
    warned = build(
      variant((d) => {
        write(d, 'guides/start/odd.md', [
          '# Odd input',
          '',
          '## Less < more & "quoted" \'single\'',
          '',
          'Link to [that heading](#less--more--quoted-single).',
          '',
          '```nosuchlang',
          'plain text',
          '```',
          '',
          '<script>alert("x")</script>',
          '',
          '<a href="javascript:alert(1)" onclick="steal()">click</a>',
          '',
          '<details><summary>More</summary><kbd>Ctrl</kbd>+<kbd>C</kbd><sup>1</sup></details>',
          '',
        ].join('\n'));
      }),
      warnOut,
    );
  });

  it('builds, warning at the positions of an unknown fence language and of unsafe HTML', () => {
    expect(warned.status, warned.output).toBe(0);
    expect(warned.output).toMatch(/guides\/start\/odd\.md:7:1 {2}warning {2}unknown-language/);
    expect(warned.output).toMatch(/guides\/start\/odd\.md:11:1 {2}warning {2}unsafe-html/);
    expect(warned.output).toMatch(/guides\/start\/odd\.md:13:1 {2}warning {2}unsafe-html\n {2}Removed the "onclick" attribute/);
    expect(warned.output).toMatch(/guides\/start\/odd\.md:13:1 {2}warning {2}unsafe-html\n {2}Removed a "javascript:" URL/);
  });

  it('renders the unknown language as plain text and drops the script, keeping harmless HTML', () => {
    const html = readFileSync(path.join(warnOut, 'start/odd/index.html'), 'utf8');
    expect(html).toContain('<span>plain text</span>');
    expect(html).not.toMatch(/alert\(|onclick|javascript:/);
    expect(html).toContain('<details><summary>More</summary><kbd>Ctrl</kbd>+<kbd>C</kbd><sup>1</sup></details>');
  });

  it('escapes <, & and quotes in a heading and keeps its anchor working', () => {
    const html = readFileSync(path.join(warnOut, 'start/odd/index.html'), 'utf8');
    expect(html).toContain('<h2 id="less--more--quoted-single">Less &#x3C; more &#x26; "quoted" \'single\'</h2>');
  });
});

describe('extreme input', () => {
  it('builds a 5 MB guide', () => {
    const paragraph = 'The interpreter reads this sentence many times over to make the page large. ';
    const big = variant((d) => write(d, 'guides/start/huge.md', `# Huge\n\n${Array.from({ length: 5 * 1024 * 1024 / paragraph.length / 10 }, (_, i) => `## Part ${i}\n\n${paragraph.repeat(10)}\n`).join('\n')}`));
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-big-')), 'dist');
    const result = build(big, dir);
    expect(result.status, result.output).toBe(0);
    expect(readFileSync(path.join(dir, 'start/huge/index.html'), 'utf8').length).toBeGreaterThan(5_000_000);
  });

  it('builds lists nested 500 deep, or reports them without a stack trace', () => {
    const deep = variant((d) => write(d, 'guides/start/deep.md', `# Deep\n\n${Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`));
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-deep-')), 'dist');
    const result = build(deep, dir);
    expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(result.status, result.output).toBe(0);
    expect(existsSync(path.join(dir, 'start/deep/index.html'))).toBe(true);
  });
});
