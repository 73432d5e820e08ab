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
  // A guide with a frontmatter error still has its links checked, so one run lists both.
  ['a broken link in a guide whose frontmatter is wrong', (d) => write(d, 'guides/start/bad.md', '---\nlevel: beginner\n---\n# Bad\n\nSee [setup](/start/setpu/).\n'), /guides\/start\/bad\.md:2:8 {2}error {2}unknown-level[\s\S]*guides\/start\/bad\.md:6:5 {2}error {2}broken-link/],
  ['a broken relative link to a Markdown file', (d) => edit(d, 'guides/start/help.md', '(/start/setup/#build)', '(setpu.md)'), /guides\/start\/help\.md:7:23 {2}error {2}broken-link\n {2}Link "setpu\.md" points to no page \(it would be \/start\/setpu\/\)\./],
  ['a missing image beside the guides', (d) => edit(d, 'guides/start/help.md', '(/start/setup/#build)', '(/start/setup/)\n\n![Diagram](img/flow.png)'), /guides\/start\/help\.md:9:1 {2}error {2}broken-image\n {2}Image "img\/flow\.png" points to guides\/start\/img\/flow\.png, which does not exist beside the guides\./],
  ['an unknown level', (d) => edit(d, 'guides/start/help.md', 'level: newcomer', 'level: beginner'), /guides\/start\/help\.md:3:8 {2}error {2}unknown-level/],
  ['two files with one URL', (d) => write(d, 'guides/start/Setup.md', '# Another setup\n'), /guides\/start\/[Ss]etup\.md:1:1 {2}error {2}duplicate-url/],
  ['a broken link', (d) => edit(d, 'guides/start/help.md', '(/start/setup/#build)', '(/start/setpu/)'), /guides\/start\/help\.md:7:23 {2}error {2}broken-link\n {2}Link "\/start\/setpu\/" points to no page\.\n {2}Fix: did you mean "\/start\/setup\/"\?/],
  ['a broken anchor', (d) => edit(d, 'guides/start/help.md', '#build', '#biuld'), /guides\/start\/help\.md:7:23 {2}error {2}broken-anchor\n.*\n {2}Fix: did you mean "#build"\? Anchors on that page: install-the-dependencies, build, run-the-tests/],
  ['a link to a draft', (d) => edit(d, 'guides/start/help.md', '(/start/setup/#build)', '(/tasks/secret-plan/)'), /guides\/start\/help\.md:7:23 {2}error {2}draft-link/],
  ['invalid experts YAML', (d) => edit(d, 'experts.yaml', 'people:\n', 'people:\n  - [broken\n'), /experts\.yaml:\d+:\d+ {2}error {2}invalid-yaml/],
  ['an unknown expert handle', (d) => edit(d, 'experts.yaml', 'experts: [bob]', 'experts: [bobby]'), /experts\.yaml:16:17 {2}error {2}unknown-expert\n.*\n {2}Fix: did you mean "bob"\?/],
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
  ['an experts area naming a guide that does not exist', (d) => edit(d, 'experts.yaml', 'guides: [/tasks/pull-requests/]', 'guides: [/tasks/pull-reqests/]'), /experts\.yaml:11:1 {2}error {2}broken-link\n {2}Link "\/tasks\/pull-reqests\/" points to no page\.\n {2}Fix: did you mean "\/tasks\/pull-requests\/"\?/],
  ['a site.yaml start page that does not exist', (d) => edit(d, 'site.yaml', 'options:', 'start: /tasks/frist-task/\noptions:'), /site\.yaml:19:8 {2}error {2}broken-link\n {2}Link "\/tasks\/frist-task\/" points to no page\.\n {2}Fix: did you mean "\/tasks\/first-task\/"\?/],
  // Hardening review (issue 15), finding 7: malformed escapes were a URIError with a stack trace.
  ['a link with a malformed percent-escape', (d) => edit(d, 'guides/start/help.md', '(/start/setup/#build)', '(/start/%zz/)'), /guides\/start\/help\.md:7:23 {2}error {2}broken-link\n {2}Link "\/start\/%zz\/" is not a valid URL/],
  ['a redirect to a malformed percent-escape', (d) => write(d, 'redirects.yaml', '/old/: /start/%E0%A4%A/\n'), /redirects\.yaml:1:1 {2}error {2}invalid-redirect\n.*is not a valid URL/],
  // Finding 7: `guides` as a file was ENOTDIR with a stack trace.
  ['a guides entry that is a file', (d) => { rmSync(path.join(d, 'guides'), { recursive: true }); write(d, 'guides', 'not a folder'); }, /guides {2}error {2}missing-content\n {2}guides is a file/],
  // Finding 11: a newline in a target wrote a second rule into _redirects; script schemes became a meta refresh.
  ['a redirect target holding a newline', (d) => write(d, 'redirects.yaml', '/old/: "https://ok.example/\\n/start/setup/ https://evil.example/ 301"\n'), /redirects\.yaml:1:8 {2}error {2}invalid-redirect\n.*contains white space or a control character/],
  ['a javascript: redirect target', (d) => write(d, 'redirects.yaml', '/old/: "javascript:alert(1)"\n'), /redirects\.yaml:1:8 {2}error {2}invalid-redirect\n.*is neither a page of the site nor an http\(s\) URL/],
  ['a data: redirect target', (d) => write(d, 'redirects.yaml', '/old/: "data:text/html,<script>alert(1)</script>"\n'), /redirects\.yaml:1:8 {2}error {2}invalid-redirect/],
  // Finding 12: 5,000 nested quotes overflowed the stack in the main thread but rendered in a worker.
  ['block quotes nested 5,000 deep', (d) => write(d, 'guides/start/deep.md', `# Deep\n\n${'>'.repeat(5000)} deep\n`), /guides\/start\/deep\.md:3:1 {2}error {2}too-deep\n {2}This line is nested 5000 levels deep/],
  // Finding 13: a symlink out of the content folder was published without a word.
  ['a guide that is a link to a file outside the content folder', (d) => { const outside = path.join(path.dirname(d), 'private.md'); writeFileSync(outside, '# Private notes\n'); symlinkSync(outside, path.join(d, 'guides/start/notes.md')); }, /guides\/start\/notes\.md {2}error {2}outside-content\n {2}This is a symbolic link to .*private\.md, which is outside the content folder/],
];

describe('bad input fails the build clearly and keeps the last good site', () => {
  for (const [name, change, expected] of FAILURES) {
    it(`reports ${name}`, () => {
      const result = build(variant(change));
      expect(result.status).toBe(1);
      expect(result.output).toMatch(expected);
      expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      // Found while the guides render (a link) or before (frontmatter), the build ends the same way.
      expect(result.output).not.toContain('unexpected error');
      expect(result.output).toMatch(/Build failed; .* was left as it was\.\n?$/);
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

  it('builds lists nested 200 deep, and reports 500 deep at the line past the limit, without a stack trace', () => {
    const list = (n: number) => `# Deep\n\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`;
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-deep-')), 'dist');
    const built = build(variant((d) => write(d, 'guides/start/deep.md', list(200))), dir);
    expect(built.status, built.output).toBe(0);
    expect(existsSync(path.join(dir, 'start/deep/index.html'))).toBe(true);
    const refused = build(variant((d) => write(d, 'guides/start/deep.md', list(500))), dir);
    expect(refused.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(refused.output).toMatch(/guides\/start\/deep\.md:260:1 {2}error {2}too-deep/);
    expect(refused.status).toBe(1);
  });
});

/** Runs a command of the CLI (src/cli/NAME.ts) with `args`, as `npm run NAME` would. */
function command(name: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(ROOT, `src/cli/${name}.ts`), ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, DEVGUIDE_BUILD_DATE: '2026-01-15', ...env }, timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('hardening: input that builds, handled safely (issue 15)', () => {
  it('refuses to replace a folder without the build marker, even one that looks like a build, and leaves it whole (finding 5)', () => {
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-foreign-')), 'site');
    for (const [file, text] of [['index.html', 'mine'], ['_headers', ''], ['pagefind/x', ''], ['blog/post.md', '# My post\n']]) write(target, file!, text!);
    const before = treeHash(target);
    const result = build(FIXTURE, target);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/is a folder that devguide did not write \(it has no \.devguide-build file\)[\s\S]*Fix: pass --out a new or empty folder/);
    expect(treeHash(target)).toBe(before);
  });

  it('says what went wrong when --out cannot be written (its parent is a file), with no stack trace (finding 7)', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-parent-')), 'not-a-folder');
    writeFileSync(file, 'x');
    const result = build(FIXTURE, path.join(file, 'dist'));
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/Build failed while publishing: ENOTDIR.*\n.*was left as it was/);
    expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it('builds onto another file system, a tmpfs, twice (finding 4: EXDEV)', () => {
    const target = path.join(mkdtempSync('/dev/shm/devguide-tmpfs-'), 'dist');
    expect(build(FIXTURE, target).status).toBe(0);
    const again = build(variant((d) => edit(d, 'guides/start/help.md', 'Ask on the forum.', 'Ask on the forum or the chat.')), target);
    expect(again.status, again.output).toBe(0);
    expect(readFileSync(path.join(target, 'start/help/index.html'), 'utf8')).toContain('Ask on the forum or the chat.');
  });

  it('gives byte-identical output under two locales that sort "Ä" differently (finding 9)', () => {
    const content = variant((d) => {
      write(d, 'guides/tasks/zebra.md', '---\ntitle: Zebra crossing\nlevel: contributor\n---\nStripes.\n');
      write(d, 'guides/tasks/apple.md', '---\ntitle: Äpple picking\nlevel: contributor\n---\nFruit.\n');
    });
    const outs = ['en_US.UTF-8', 'sv_SE.UTF-8'].map((locale) => {
      const dir = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-locale-')), 'dist');
      const result = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/build.ts'), '--content', content, '--out', dir], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, DEVGUIDE_BUILD_DATE: '2026-01-15', LC_ALL: locale, LANG: locale } });
      expect(result.status, result.stderr).toBe(0);
      return dir;
    });
    expect(treeHash(outs[0]!)).toBe(treeHash(outs[1]!));
  });

  it('checks commit examples against a rule that would backtrack for minutes, at once (finding 10)', () => {
    const content = variant((d) => {
      edit(d, 'site.yaml', 'options:', "commitRules:\n  prefix: '^(a|a)*: '\noptions:");
      write(d, 'guides/tasks/commits.md', `# Commits\n\n\`\`\`text commit="bad"\n${'a'.repeat(34)}!\n\`\`\`\n`);
    });
    const result = command('check', ['--content', content]);
    expect(result.output).not.toMatch(/commit-example/);
    expect(result.status, result.output).toBe(0);
  });

  it('follows a section folder that is a link inside the content folder, and reports one that leads out (finding 13)', () => {
    const inside = variant((d) => {
      cpSync(path.join(d, 'guides/triage'), path.join(d, 'shared-triage'), { recursive: true });
      rmSync(path.join(d, 'guides/triage'), { recursive: true });
      symlinkSync(path.join(d, 'shared-triage'), path.join(d, 'guides/triage'));
    });
    const followed = command('check', ['--content', inside]);
    expect(followed.status, followed.output).toBe(0);
    const outside = variant((d) => {
      const elsewhere = path.join(path.dirname(d), 'elsewhere');
      cpSync(path.join(d, 'guides/triage'), elsewhere, { recursive: true });
      rmSync(path.join(d, 'guides/triage'), { recursive: true });
      symlinkSync(elsewhere, path.join(d, 'guides/triage'));
    });
    expect(command('check', ['--content', outside]).output).toMatch(/guides\/triage {2}error {2}outside-content\n {2}This is a symbolic link to .*elsewhere/);
  });

  it('warns about an undefined footnote, names an empty heading, and keeps escaped quotes in a code title (finding 13)', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-low-')), 'dist');
    const result = build(variant((d) => write(d, 'guides/start/low.md', '# Low\n\nSee the note.[^missing]\n\n## ???\n\n```sh title="say \\"hi\\""\necho hi\n```\n')), dir);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/guides\/start\/low\.md:3:14 {2}warning {2}undefined-footnote\n {2}The footnote \[\^missing\] has no definition/);
    const html = readFileSync(path.join(dir, 'start/low/index.html'), 'utf8');
    expect(html).toContain('<h2 id="section">');
    expect(html).not.toContain('id=""');
    expect(html).toContain('say "hi"');
  });
});

describe('every command, on an error nobody expected', () => {
  it('prints one line saying where to report it and exits 1, with no stack trace; and exits 1, not 13, on work that never finishes', () => {
    const crash = path.join(ROOT, 'src/lib/crash.ts');
    const thrown = spawnSync(process.execPath, ['--input-type=module', '-e', `import { guardCommand } from ${JSON.stringify(crash)}; guardCommand(); setTimeout(() => { throw new TypeError('boom'); });`], { encoding: 'utf8' });
    expect(thrown.status).toBe(1);
    expect(thrown.stderr.trim()).toMatch(/^devguide: unexpected error: TypeError: boom.*\n {2}This is a bug in devguide: please report it/);
    expect(thrown.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    const stuck = spawnSync(process.execPath, ['--input-type=module', '-e', `import { guardCommand } from ${JSON.stringify(crash)}; guardCommand(); await new Promise(() => {});`], { encoding: 'utf8' });
    expect(stuck.status).toBe(1);
    expect(stuck.stderr).toMatch(/stopped while waiting for work that never finished/);
  });
});
