/**
 * Every devguide command among the npm scripts answers `--help` and `-h` with its usage, what it
 * does and every option it accepts (read from the command's own `command` spec), then exits 0
 * without doing anything else.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText, type CommandSpec } from '../../src/lib/args.ts';
import { ROOT } from '../support/browser.ts';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const commands = Object.entries(pkg.scripts).flatMap(([name, script]) => {
  const file = /^node (?:\S+ )*(src\/cli\/[\w-]+\.ts)$/.exec(script)?.[1];
  return file ? [{ name, file }] : [];
});

/** Runs a command's entry point as `npm run` does; a command that ignored --help is stopped, not waited for. */
function run(file: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, file), ...args], { cwd: ROOT, timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe.concurrent('--help', () => {
  it('is tested for every devguide command in package.json', () => {
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['build', 'dev', 'check', 'init', 'preview', 'bench', 'codeowners', 'commit-msg']));
  });

  for (const { name, file } of commands) {
    it(`npm run ${name} -- --help prints the usage and every option, and does nothing else`, async () => {
      const { command } = (await import(path.join(ROOT, file))) as { command: CommandSpec };
      expect(command.name).toBe(name);
      // Options that would make the command write or read somewhere, had it ignored --help.
      const dir = mkdtempSync(path.join(tmpdir(), 'devguide-help-'));
      const out = path.join(dir, 'dist');
      const given = [...('out' in command.options ? ['--out', out] : []), ...('content' in command.options ? ['--content', dir] : [])];
      const [long, short] = await Promise.all([run(file, [...given, '--help']), run(file, ['-h'])]);

      expect(long.status).toBe(0);
      expect(long.stdout).toContain(`Usage: npm run ${name} -- `);
      expect(long.stdout).toContain(command.description);
      const lines = long.stdout.split('\n').map((line) => line.trim());
      for (const [option, spec] of Object.entries(command.options)) {
        expect(lines.find((line) => line.startsWith(`--${option} `)), `--${option}`).toContain(spec.help);
      }
      for (const argument of command.positional ?? []) {
        expect(lines.find((line) => line.startsWith(`${argument.name} `)), argument.name).toContain(argument.help);
      }
      // Nothing but the help: no build, no check, no server.
      expect(long.stdout).toBe(helpText(command));
      expect(long.stderr).toBe('');
      expect(existsSync(out)).toBe(false);
      expect(short).toEqual(long);
    });
  }
});
