import { afterEach, describe, expect, it, vi } from 'vitest';
import { helpText, parseArgs, readCommandLine, SHARED_OPTIONS, type CommandSpec } from '../../src/lib/args.ts';

const saved = process.env.INIT_CWD;
afterEach(() => {
  vi.restoreAllMocks();
  if (saved === undefined) delete process.env.INIT_CWD;
  else process.env.INIT_CWD = saved;
});

const BUILD = { values: ['content', 'out'] };

describe('command-line arguments', () => {
  it('reads --content and --out, in both spellings, with flags and positional arguments', () => {
    const args = parseArgs(['--content', '/a', '--out=/b', '--external', 'FILE'], { values: ['content', 'out'], flags: ['external'], positional: 1 });
    expect(args).toMatchObject({ content: '/a', out: '/b', positional: ['FILE'] });
    expect(args.flags.has('external')).toBe(true);
  });

  it('resolves relative paths against the folder the user ran npm in', () => {
    process.env.INIT_CWD = '/home/me/project/docs';
    expect(parseArgs(['--content', 'guide', '--out', '../site'], BUILD).content).toBe('/home/me/project/docs/guide');
    expect(parseArgs(['--out', '../site'], BUILD).out).toBe('/home/me/project/site');
  });

  it('says which option is missing its value, also when the next word is another option', () => {
    expect(() => parseArgs(['--content'], BUILD)).toThrow('--content needs a value.');
    expect(() => parseArgs(['--out', '--content', 'x'], BUILD)).toThrow('--out needs a value.');
  });

  it('rejects an option the command does not know, suggesting the one that was meant', () => {
    expect(() => parseArgs(['--contnet', '/tmp/x'], BUILD)).toThrow('Unknown option --contnet. Did you mean --content?');
    expect(() => parseArgs(['--verbose'], BUILD)).toThrow('Unknown option --verbose.');
  });

  it('rejects stray arguments, a value on a flag and a number that is not one', () => {
    expect(() => parseArgs(['content/'], BUILD)).toThrow('Unexpected argument "content/". Options start with --.');
    expect(() => parseArgs(['--keep=yes'], { flags: ['keep'] })).toThrow('--keep takes no value.');
    expect(() => parseArgs(['--port', 'eighty'], { numbers: ['port'] })).toThrow('--port needs a number, not "eighty".');
    expect(parseArgs(['--port', '8080'], { numbers: ['port'] }).values.get('port')).toBe('8080');
  });
});

const DEMO = {
  name: 'demo',
  description: 'Checks a demo file.',
  positional: [{ name: 'FILE', help: 'the file to check' }],
  options: { content: SHARED_OPTIONS.content, 'warn-links': SHARED_OPTIONS['warn-links'], port: SHARED_OPTIONS.port },
} as const satisfies CommandSpec;

describe('a command line read as the command declares it', () => {
  it('parses the declared options, --warn-links included', () => {
    const parsed = readCommandLine(['--warn-links', '--port', '80', 'file.txt'], DEMO);
    expect('args' in parsed && parsed.args.flags.has('warn-links')).toBe(true);
    expect('args' in parsed && parsed.args.values.get('port')).toBe('80');
  });

  it('prints the usage, the description and every option with what it does', () => {
    expect(helpText(DEMO)).toMatchInlineSnapshot(`
      "Usage: npm run demo -- FILE [options]

      Checks a demo file.

      Arguments:
        FILE           the file to check

      Options:
        --content DIR  the folder of guides and data files (default: content/)
        --warn-links   report broken links and anchors as warnings, not errors
        --port N       the port to listen on (default: 4321)
        -h, --help     print this help and exit
      "
    `);
  });

  it('answers --help and -h with the help and exit 0, even next to a mistake, but not after --', () => {
    const printed = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(readCommandLine(['--contnet', 'x', '--help'], DEMO)).toEqual({ exit: 0 });
    expect(readCommandLine(['-h'], DEMO)).toEqual({ exit: 0 });
    expect(printed.mock.calls).toEqual([[helpText(DEMO)], [helpText(DEMO)]]);
    const parsed = readCommandLine(['--', '-h'], DEMO);
    expect('args' in parsed && parsed.args.positional).toEqual(['-h']);
  });

  it('prints a mistake with the usage and where to find the options, for exit 2', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(readCommandLine(['--contnet', 'x'], DEMO)).toEqual({ exit: 2 });
    expect(errors.mock.calls[0]![0]).toBe('Unknown option --contnet. Did you mean --content?\nUsage: npm run demo -- FILE [options]\nRun `npm run demo -- --help` to see every option.');
  });
});
