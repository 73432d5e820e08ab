import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/lib/args.ts';

const saved = process.env.INIT_CWD;
afterEach(() => {
  if (saved === undefined) delete process.env.INIT_CWD;
  else process.env.INIT_CWD = saved;
});

describe('command-line arguments', () => {
  it('reads --content and --out, in both spellings, with flags and positional arguments', () => {
    const args = parseArgs(['--content', '/a', '--out=/b', '--external', 'FILE'], ['external']);
    expect(args).toMatchObject({ content: '/a', out: '/b', positional: ['FILE'] });
    expect(args.flags.has('external')).toBe(true);
  });

  it('resolves relative paths against the folder the user ran npm in', () => {
    process.env.INIT_CWD = '/home/me/project/docs';
    expect(parseArgs(['--content', 'guide', '--out', '../site']).content).toBe('/home/me/project/docs/guide');
    expect(parseArgs(['--out', '../site']).out).toBe('/home/me/project/site');
  });

  it('says which flag is missing its value', () => {
    expect(() => parseArgs(['--content'])).toThrow('--content needs a value.');
  });
});
