import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/lib/args.ts';

const saved = process.env.INIT_CWD;
afterEach(() => {
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
