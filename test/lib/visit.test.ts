import { readFileSync } from 'node:fs';
import type { Root as MdastRoot } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP as THEIR_SKIP, visit as theirVisit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { SKIP, visit } from '../../src/lib/visit.ts';

const markdown = readFileSync(new URL('../../content/guides/getting-started/setup.md', import.meta.url), 'utf8');
const parse = () => unified().use(remarkParse).use(remarkGfm).use(remarkDirective).parse(markdown) as MdastRoot;
const toHtmlTree = (tree: MdastRoot) => unified().use(remarkRehype).runSync(tree);

/** What a walk saw: each visit's node type, index and parent type, in order. */
function trace(walk: (record: (node: { type: string }, index: number | undefined, parent: { type: string } | undefined) => void) => void): string[] {
  const seen: string[] = [];
  walk((node, index, parent) => seen.push(`${node.type}@${index ?? '-'} in ${parent?.type ?? '-'}`));
  return seen;
}

describe('the tree walker our plugins use', () => {
  it('visits a real guide in the same order as unist-util-visit, with the same indexes and parents', () => {
    const tree = parse();
    const ours = trace((record) => visit(tree, (node, index, parent) => void record(node, index, parent)));
    const theirs = trace((record) => theirVisit(tree, (node, index, parent) => void record(node, index, parent)));
    expect(ours.length).toBeGreaterThan(100);
    expect(ours).toEqual(theirs);
  });

  it('visits only the nodes of the type it is given, in Markdown and in HTML trees', () => {
    const tree = parse();
    expect(trace((record) => visit(tree, 'heading', (node, index, parent) => void record(node, index, parent)))).toEqual(
      trace((record) => theirVisit(tree, 'heading', (node, index, parent) => void record(node, index, parent))),
    );
    const html = toHtmlTree(tree);
    const ours = trace((record) => visit(html, 'element', (node, index, parent) => void record(node, index, parent)));
    expect(ours.length).toBeGreaterThan(50);
    expect(ours).toEqual(trace((record) => theirVisit(html, 'element', (node, index, parent) => void record(node, index, parent))));
  });

  it('does not enter a node whose visitor returns SKIP', () => {
    const tree = parse();
    let visits = 0;
    visit(tree, (node) => {
      visits++;
      return node.type === 'root' ? undefined : SKIP;
    });
    expect(visits).toBe(1 + tree.children.length);
  });

  it('goes on at the index a visitor returns, so a visitor can remove or replace nodes as unist-util-visit allows', () => {
    const removeCode = (walk: typeof visit | typeof theirVisit, skip: typeof SKIP | typeof THEIR_SKIP) => {
      const tree = parse();
      const seen: string[] = [];
      (walk as typeof visit)(tree, (node, index, parent) => {
        seen.push(node.type);
        if (node.type === 'code' && parent && index !== undefined) {
          parent.children.splice(index, 1, { type: 'thematicBreak' }, { type: 'thematicBreak' });
          return [skip as typeof SKIP, index + 2];
        }
        return undefined;
      });
      return { seen, tree };
    };
    const ours = removeCode(visit, SKIP);
    const theirs = removeCode(theirVisit as unknown as typeof visit, THEIR_SKIP);
    const breaksBefore = trace((record) => visit(parse(), 'thematicBreak', (node) => void record(node, 0, undefined))).length;
    expect(ours.seen).toContain('code');
    expect(ours.seen.filter((type) => type === 'thematicBreak')).toHaveLength(breaksBefore);
    expect(ours.tree.children.filter((node) => node.type === 'code')).toHaveLength(0);
    expect(ours).toEqual(theirs);
  });
});
