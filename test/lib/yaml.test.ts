import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_EXPANSION, MAX_SYNTAX_ERRORS, parseYaml } from '../../src/lib/yaml.ts';

describe('YAML with positions', () => {
  it('loads a data file that reuses one anchor on more than a hundred areas', () => {
    const text = ['a: &team [alice, bob]', ...Array.from({ length: 150 }, (_, i) => `k${i}: *team`)].join('\n');
    const parsed = parseYaml(text, 'experts.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect((parsed.value as Record<string, string[]>).k149).toEqual(['alice', 'bob']);
  });

  it('reports a "billion laughs" document at its first alias instead of throwing', () => {
    const level = (name: string, of: string) => `${name}: &${name} [${Array(10).fill(of).join(', ')}]`;
    const text = [level('a', 'lol'), level('b', '*a'), level('c', '*b'), level('d', '*c'), level('e', '*d'), `f: [${Array(10).fill('*e').join(', ')}]`].join('\n');
    const parsed = parseYaml(text, 'experts.yaml');
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics).toMatchObject([{ code: 'invalid-yaml', line: 2, column: 8 }]);
    expect(parsed.diagnostics[0]!.message).toContain(`more than ${MAX_ALIAS_EXPANSION.toLocaleString('en')} values`);
  });

  it('merges a mapping into another with a << merge key', () => {
    const text = 'base: &base\n  status: active\n  links: []\nalice:\n  <<: *base\n  name: Alice\n';
    const parsed = parseYaml(text, 'experts.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect((parsed.value as Record<string, unknown>).alice).toEqual({ status: 'active', links: [], name: 'Alice' });
  });

  it('reports the first few syntax errors, one per line, and counts the ones that follow from them', () => {
    const text = 'title: Test\nsections:\n\t- id: a\n\t  label: A\n\t- id: b\n\t  label: B\n\t- id: c\n';
    const parsed = parseYaml(text, 'site.yaml');
    const lines = parsed.diagnostics.map((d) => d.line);
    expect(lines.length).toBeLessThanOrEqual(MAX_SYNTAX_ERRORS);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines[0]).toBe(3);
    expect(parsed.diagnostics.at(-1)!.message).toMatch(/The parser reports \d+ more errors? after this/);
  });
});
