/**
 * A tree walker with unist-util-visit's calling convention, for our plugins.
 *
 * `visit(tree, type?, visitor)` calls `visitor(node, index, parent)` for every node in preorder
 * (every node of `type`, when given). The visitor may return `SKIP` (do not enter this node's
 * children), an index (go on at that index of the parent's children), or `[SKIP, index]` (both).
 * Children are read from the node after its visitor ran, so a visitor may replace them.
 *
 * unist-util-visit does the same, but names a new closure for every node it enters
 * (`Object.defineProperty(…, 'name')`, for stack traces) and copies the ancestor list at every
 * level: on a 2,000-guide site that was about a sixth of each render worker's time, across the
 * two dozen walks a guide goes through. This one walks with plain recursion and allocates nothing.
 */
import type { Nodes as HastNodes } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';

/** Do not enter the children of the node just visited. */
export const SKIP = 'skip';

/** What a visitor may return. */
export type VisitorResult = void | undefined | typeof SKIP | number | readonly [typeof SKIP, number];

/** A node of either tree: Markdown (mdast, with directives and GFM) or HTML (hast). */
type AnyNode = MdastNodes | HastNodes;

/** The nodes a tree holds: mdast's for a Markdown tree, hast's for an HTML one. */
type NodesOf<Tree> = Tree extends MdastNodes ? MdastNodes : Tree extends HastNodes ? HastNodes : AnyNode;
type ParentsOf<Tree> = Extract<NodesOf<Tree>, { children: unknown }>;

interface WalkNode {
  type: string;
  children?: WalkNode[];
}

type Visitor<N, P> = (node: N, index: number | undefined, parent: P | undefined) => VisitorResult;

/** Calls `visitor` for every node of `tree` whose type is `type`. */
export function visit<Tree extends { type: string }, T extends NodesOf<Tree>['type']>(
  tree: Tree,
  type: T,
  visitor: Visitor<Extract<NodesOf<Tree>, { type: T }>, ParentsOf<Tree>>,
): void;
/** Calls `visitor` for every node of `tree`. */
export function visit<Tree extends { type: string }>(tree: Tree, visitor: Visitor<NodesOf<Tree>, ParentsOf<Tree>>): void;
export function visit(tree: { type: string }, typeOrVisitor: unknown, maybeVisitor?: unknown): void {
  const type = typeof typeOrVisitor === 'string' ? typeOrVisitor : undefined;
  const visitor = (type === undefined ? typeOrVisitor : maybeVisitor) as Visitor<WalkNode, WalkNode>;
  walk(tree as WalkNode, undefined, undefined, type, visitor);
}

/** Visits `node` and its descendants; returns the index the parent's loop goes on at, if the visitor gave one. */
function walk(node: WalkNode, index: number | undefined, parent: WalkNode | undefined, type: string | undefined, visitor: Visitor<WalkNode, WalkNode>): number | undefined {
  let skip = false;
  let next: number | undefined;
  if (type === undefined || node.type === type) {
    const result = visitor(node, index, parent);
    if (result === SKIP) skip = true;
    else if (typeof result === 'number') next = result;
    else if (Array.isArray(result)) {
      skip = result[0] === SKIP;
      next = result[1];
    }
  }
  if (!skip && node.children) {
    let i = 0;
    while (i > -1 && i < node.children.length) {
      const jump = walk(node.children[i]!, i, node, type, visitor);
      i = jump === undefined ? i + 1 : jump;
    }
  }
  return next;
}
