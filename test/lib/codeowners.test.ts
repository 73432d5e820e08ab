import { describe, expect, it } from 'vitest';
import { codeownersDrift, codeownersFromIndex, matches, ownersOf, parseCodeowners } from '../../src/lib/codeowners.ts';
import type { ExpertsIndex } from '../../src/lib/experts.ts';

const FILE = `# Comment line
Lib/asyncio/        @alice @bob   # inline comment
*.rst               @python/docs-team
/Doc/whatsnew/      @bob
**/*pystate*        @carol
Lib/json/           @zed
Lib/json/tool.py
`;

describe('CODEOWNERS parsing', () => {
  it('skips comments and blank lines and keeps owners, teams and exclusion lines', () => {
    expect(parseCodeowners(FILE)).toEqual([
      { pattern: 'Lib/asyncio/', owners: ['@alice', '@bob'], line: 2 },
      { pattern: '*.rst', owners: ['@python/docs-team'], line: 3 },
      { pattern: '/Doc/whatsnew/', owners: ['@bob'], line: 4 },
      { pattern: '**/*pystate*', owners: ['@carol'], line: 5 },
      { pattern: 'Lib/json/', owners: ['@zed'], line: 6 },
      { pattern: 'Lib/json/tool.py', owners: [], line: 7 },
    ]);
  });
});

describe('CODEOWNERS matching', () => {
  it('follows every example of GitHub\'s CODEOWNERS documentation', () => {
    const cases: Array<[string, string, boolean]> = [
      ['*', 'anything/at/all.txt', true],
      ['*.js', 'src/app/index.js', true],
      ['*.js', 'src/app/index.ts', false],
      ['/build/logs/', 'build/logs/today.log', true],
      ['/build/logs/', 'src/build/logs/today.log', false],
      ['docs/*', 'docs/getting-started.md', true],
      ['docs/*', 'docs/build-app/troubleshooting.md', false],
      ['apps/', 'apps/web/index.js', true],
      ['apps/', 'src/apps/web/index.js', true],
      ['**/logs', 'build/logs/today.log', true],
      ['**/logs', 'deeply/nested/logs/x.log', true],
      ['**/logs', 'logs/x.log', true],
      ['/docs/', 'docs/a/b.md', true],
      ['/docs/', 'src/docs/a.md', false],
      ['/scripts/', 'scripts/deploy.sh', true],
    ];
    expect(cases.filter(([pattern, path, expected]) => matches(pattern, path) !== expected)).toEqual([]);
  });

  it('reports the syntax GitHub does not support (! negation, [ ] ranges) at its line, and leaves those lines out', () => {
    const problems: Array<{ line: number; column: number; message: string }> = [];
    const rules = parseCodeowners('*.js @web\n!docs/keep.js @web\n  src/[ab]*.c @c\n/ok/ @ok\n', problems);
    expect(rules.map((r) => r.pattern)).toEqual(['*.js', '/ok/']);
    expect(problems).toEqual([
      { line: 2, column: 1, message: '"!docs/keep.js": negation with "!" is not supported in CODEOWNERS, so GitHub ignores this line.' },
      { line: 3, column: 3, message: '"src/[ab]*.c": character ranges in "[ ]" are not supported in CODEOWNERS, so GitHub ignores this line.' },
    ]);
  });

  it('matches in time linear in the path, even for a pattern built to backtrack', () => {
    const pattern = `a${'**'.repeat(40)}c`;
    const started = performance.now();
    expect(matches(pattern, `${'a'.repeat(5000)}b`)).toBe(false);
    // A backtracking matcher takes minutes here; a linear one a few milliseconds.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('matches directories, with everything beneath them', () => {
    expect(matches('Lib/asyncio/', 'Lib/asyncio/tasks.py')).toBe(true);
    expect(matches('Lib/asyncio/', 'Lib/asyncio')).toBe(false);
    expect(matches('Lib/asyncio/', 'Lib/test/Lib/asyncio/x')).toBe(false);
  });

  it('matches a pattern without a slash at any depth, and * within one segment', () => {
    expect(matches('*.rst', 'Doc/library/os.rst')).toBe(true);
    expect(matches('Lib/*.py', 'Lib/os.py')).toBe(true);
    expect(matches('Lib/*.py', 'Lib/json/tool.py')).toBe(false);
  });

  it('matches ** across directories', () => {
    expect(matches('**/*pystate*', 'Include/internal/pycore_pystate.h')).toBe(true);
    expect(matches('Doc/**/*time.rst', 'Doc/library/datetime.rst')).toBe(true);
    expect(matches('Doc/**/*time.rst', 'Doc/datetime.rst')).toBe(true);
  });

  it('anchors a leading slash to the root', () => {
    expect(matches('/Doc/whatsnew/', 'Doc/whatsnew/3.14.rst')).toBe(true);
    expect(matches('/Doc/whatsnew/', 'x/Doc/whatsnew/3.14.rst')).toBe(false);
  });

  it('lets the last matching rule win, and an owner-less line exclude a path', () => {
    const rules = parseCodeowners(FILE);
    expect(ownersOf(rules, 'Doc/whatsnew/3.14.rst').owners).toEqual(['@bob']);
    expect(ownersOf(rules, 'Doc/library/os.rst').owners).toEqual(['@python/docs-team']);
    expect(ownersOf(rules, 'Lib/json/tool.py').owners).toEqual([]);
    expect(ownersOf(rules, 'Lib/json/decoder.py').owners).toEqual(['@zed']);
  });
});

describe('drift between CODEOWNERS and the experts index', () => {
  const index: ExpertsIndex = {
    file: 'experts.yaml',
    people: [
      { handle: 'alice', status: 'active', links: {} },
      { handle: 'bob', status: 'active', links: {} },
      { handle: 'dora', status: 'active', links: {} },
    ],
    areas: [
      { kind: 'module', name: 'asyncio', id: 'module-asyncio', experts: [{ handle: 'alice', assignable: true }, { handle: 'dora', assignable: false }], teams: [], paths: ['Lib/asyncio/'], guides: [], unmaintained: false, line: 3 },
      { kind: 'module', name: 'json', id: 'module-json', experts: [{ handle: 'bob', assignable: false }], teams: [], paths: [], guides: [], unmaintained: false, line: 9 },
    ],
  };

  it('reports owners who are not experts, experts who own nothing, and unknown handles', () => {
    const { drift } = codeownersDrift(index, parseCodeowners(FILE));
    expect(drift.map((d) => `${d.kind} @${d.handle}`)).toEqual(['owner-not-expert @bob', 'unknown-handle @carol', 'unknown-handle @zed', 'expert-owns-nothing @dora']);
    expect(drift[0]).toMatchObject({ line: 2, pattern: 'Lib/asyncio/' });
  });

  it('finds no drift when CODEOWNERS is generated from the index', () => {
    const generated = parseCodeowners(codeownersFromIndex(index));
    expect(generated).toEqual([{ pattern: 'Lib/asyncio/', owners: ['@alice', '@dora'], line: 5 }]);
    expect(codeownersDrift(index, generated).drift).toEqual([]);
  });
});
