import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaId, expertSearchRecords, findArea, loadExperts } from '../../src/lib/experts.ts';
import { contentFolder } from '../support/content.ts';

const load = (yaml: string) => {
  const dir = contentFolder({ 'experts.yaml': yaml }, false);
  return loadExperts(path.join(dir, 'experts.yaml'));
};
const codes = (yaml: string) => load(yaml).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);

const VALID = `people:
  alice:
    name: Alice
  bob:
    status: active
  carol:
    status: emeritus
areas:
  module:
    - name: asyncio
      experts: ["alice*", bob]
      paths: [Lib/asyncio/]
    - name: collections.abc
      experts: [bob]
  platform:
    - name: Windows
      tier: 1
      experts: [alice]
    - name: Solaris
      experts: []
      unmaintained: true
`;

describe('experts index', () => {
  it('reports two handles that differ only in case at the second one, and keeps one person page', () => {
    const result = load(VALID.replace('  bob:\n', '  Alice:\n    status: active\n  bob:\n'));
    expect(result.diagnostics).toMatchObject([{ code: 'invalid-experts', line: 4, column: 3, message: '"Alice" and "alice" (line 2) differ only in case; handles are case-insensitive, so this person is listed twice.' }]);
    expect(result.index!.people.map((p) => p.handle)).toEqual(['alice', 'bob', 'carol']);
  });

  it('reports a person\'s link that is not an http(s) URL, such as javascript:', () => {
    const found = load(VALID.replace('    name: Alice\n', '    name: Alice\n    links: { Blog: "javascript:alert(1)" }\n')).diagnostics;
    expect(found).toMatchObject([{ code: 'invalid-experts', line: 4, column: 20, message: '"people.alice.links.Blog" is "javascript:alert(1)", which is not an absolute http(s) URL.' }]);
  });

  it('parses people, areas by kind, assignable marks and stable row anchors', () => {
    const { index, diagnostics } = load(VALID);
    expect(diagnostics).toEqual([]);
    expect(index!.areas.map((a) => a.id)).toEqual(['module-asyncio', 'module-collectionsabc', 'platform-windows', 'platform-solaris']);
    expect(index!.areas[0]!.experts).toEqual([{ handle: 'alice', assignable: true }, { handle: 'bob', assignable: false }]);
    expect(index!.people.find((p) => p.handle === 'alice')).toMatchObject({ name: 'Alice', status: 'active', profile: 'https://github.com/alice' });
  });

  it('finds an area by name, by kind:name, case-insensitively', () => {
    const { index } = load(VALID);
    expect(findArea(index!, 'AsyncIO')?.id).toBe('module-asyncio');
    expect(findArea(index!, 'platform:windows')?.id).toBe('platform-windows');
    expect(findArea(index!, 'module:windows')).toBeUndefined();
  });

  it('reports an unknown handle at its position with the closest handle', () => {
    const { diagnostics } = load(VALID.replace('[bob]', '[bobb]'));
    expect(diagnostics[0]).toMatchObject({ code: 'unknown-expert', line: 14, column: 17 });
    expect(diagnostics[0]!.hint).toContain('did you mean "bob"?');
  });

  it('reports an area listed twice', () => {
    expect(codes(VALID.replace('name: collections.abc', 'name: asyncio'))).toEqual(['13:13 error duplicate-area']);
  });

  it('reports an emeritus person listed as a current expert', () => {
    expect(codes(VALID.replace('experts: [bob]', 'experts: [bob, carol]'))).toEqual(['14:22 error emeritus-expert']);
  });

  it('reports an area with no experts that is not marked unmaintained', () => {
    expect(codes(VALID.replace('      unmaintained: true\n', ''))).toEqual(['19:13 error no-experts']);
  });

  it('warns about a person who is an expert of nothing', () => {
    expect(codes(VALID.replace('  bob:\n', '  dave:\n    status: active\n  bob:\n'))).toEqual(['4:3 warning unused-person']);
  });

  it('reports malformed YAML and unknown fields', () => {
    expect(codes('people: {alice: {}\nareas: [')[0]).toMatch(/error invalid-yaml$/);
    expect(codes(VALID.replace('tier: 1', 'teir: 1'))).toEqual(['17:7 error invalid-experts']);
  });

  it('makes one search record per area pointing at its row, filterable by kind', () => {
    const records = expertSearchRecords(load(VALID).index!);
    expect(records[0]).toMatchObject({ url: '/experts/#module-asyncio', title: 'asyncio (module experts)', filters: { kind: ['Module'] } });
    expect(records[0]!.content).toContain('@alice, @bob');
  });

  it('names an area or a person in the search title only, unless a row would have no text', () => {
    const records = expertSearchRecords(load(VALID.replace('      experts: [bob]\n', '      experts: [carol]\n')).index!);
    const text = (url: string) => records.find((r) => r.url === url)!.content;
    expect(text('/experts/#module-asyncio')).toBe('Experts: @alice, @bob.');
    expect(text('/experts/#module-collectionsabc')).toBe('collections.abc.');
    expect(text('/experts/alice/')).toBe('Expert for asyncio, Windows.');
  });

  it('makes anchors from any area name', () => {
    expect(areaId('interest', 'AST/compiler')).toBe('interest-astcompiler');
  });
});
