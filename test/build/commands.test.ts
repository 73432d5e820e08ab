import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/browser.ts';
import { contentFolder } from '../support/content.ts';

/** Runs an npm command's entry point the way `npm run` does, without blocking the event loop. */
function run(script: string, args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'src/cli', script), ...args], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('npm run check', () => {
  it('reports problems without writing a site', async () => {
    const dir = contentFolder({ 'guides/tasks/a.md': '# A\n\nSee [b](/tasks/b/).\n' });
    const result = await run('check.ts', ['--content', dir]);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/guides\/tasks\/a\.md:3:5 {2}error {2}broken-link/);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('refuses a mistyped option instead of checking the default content', async () => {
    const result = await run('check.ts', ['--contnet', '/tmp/elsewhere']);
    expect(result.status).toBe(2);
    expect(result.output).toContain('Unknown option --contnet. Did you mean --content?');
    expect(result.output).not.toContain('Checked');
  });

  it('passes the bundled guide', async () => {
    const result = await run('check.ts', []);
    const guides = readdirSync(path.join(ROOT, 'content/guides'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).length;
    expect(result.output).toContain(`Checked ${guides} guides: no problems.`);
    expect(result.status).toBe(0);
  });

  it('requests external links with --external, reporting only the ones that fail, in guides and data', async () => {
    const server = createServer((req, res) => {
      res.statusCode = req.url === '/ok' ? 200 : req.url === '/head-refused' && req.method === 'HEAD' ? 405 : req.url === '/head-refused' ? 200 : 404;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = contentFolder({
      'site.yaml': `title: T\ntracker: ${base}/gone\nsections:\n  - id: tasks\n    label: Tasks\n`,
      'guides/tasks/a.md': `# A\n\n[fine](${base}/ok) [also fine](${base}/head-refused) [dead](${base}/missing)\n`,
    });
    const result = await run('check.ts', ['--content', dir, '--external', '--timeout', '5']);
    server.close();
    expect(result.status).toBe(1);
    expect(result.output).toMatch(new RegExp(`guides/tasks/a\\.md:3:\\d+ {2}error {2}broken-link\\n {2}External link "${base}/missing" failed: HTTP 404\\.`));
    expect(result.output).toMatch(/site\.yaml:2:10 {2}error {2}broken-link/);
    expect(result.output).not.toContain('/ok"');
    expect(result.output).not.toContain('head-refused');
  });
});

describe('npm run codeowners', () => {
  it('summarises the drift between CPython\'s CODEOWNERS and the bundled index, exiting 1', async () => {
    const result = await run('codeowners.ts', ['--check', path.join(ROOT, 'test/fixtures/codeowners/CODEOWNERS')]);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/\d+ CODEOWNERS rules: \d+ belong to an area of the index, \d+ to none\. Drift: \d+ owner-not-expert, \d+ expert-owns-nothing, \d+ unknown-handle\./);
  });

  it('writes CODEOWNERS lines that agree with the index', async () => {
    const written = await run('codeowners.ts', ['--write']);
    expect(written.status).toBe(0);
    expect(written.output).toMatch(/^# module: asyncio\n(.+\n)*Lib\/asyncio\/ @1st1 @asvetlov/m);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'devguide-co-')), 'CODEOWNERS');
    writeFileSync(file, written.output);
    const checked = await run('codeowners.ts', ['--check', file]);
    expect(checked.output).toMatch(/Drift: none\./);
    expect(checked.status).toBe(0);
  });
});

describe('npm run commit-msg', () => {
  it('accepts a good message silently and explains a bad one, naming rule and line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'devguide-msg-'));
    writeFileSync(path.join(dir, 'good'), 'gh-12345: Fix the frobnicator\n\nIt leaked.\n');
    writeFileSync(path.join(dir, 'bad'), 'Fixed the frobnicator.\n');
    const good = await run('commit-msg.ts', [path.join(dir, 'good')]);
    expect(good).toEqual({ status: 0, output: '' });
    const bad = await run('commit-msg.ts', [path.join(dir, 'bad')]);
    expect(bad.status).toBe(1);
    expect(bad.output).toMatch(/bad:1:1 {2}error {2}commit-summary-prefix/);
    expect(readFileSync(path.join(dir, 'bad'), 'utf8')).toBe('Fixed the frobnicator.\n');
  });

  it('accepts a message with no issue prefix when told the change has no issue', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'devguide-msg-'));
    writeFileSync(path.join(dir, 'typo'), 'Fix a typo in the zipfile docstring\n');
    expect((await run('commit-msg.ts', [path.join(dir, 'typo')])).status).toBe(1);
    expect(await run('commit-msg.ts', ['--skip-issue', path.join(dir, 'typo')])).toEqual({ status: 0, output: '' });
  });
});
