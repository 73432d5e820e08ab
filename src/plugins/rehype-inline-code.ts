/**
 * Inline code breaks only at its spaces, so a reader retyping `gh repo fork --clone` never sees
 * `-` / `-clone` on two lines. Browsers also break after hyphens, slashes and brackets, and no CSS
 * property turns that off alone, so each word that has such a character is kept whole in a
 * `<span class="nowrap">` (or the `<code>` itself gets the class when it is one word).
 *
 * A word longer than a phone's line (`MAX_WORD` characters) cannot stay whole without widening
 * the page: it is kept whole between its slashes (a path breaks after a `/`, marked by `<wbr>`),
 * and a part still too long breaks where the browser likes.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from '../lib/visit.ts';

/** About the characters of monospace text that fit a 320 px screen's line. */
const MAX_WORD = 30;

/** Characters after (or before) which browsers may break a line inside a word. */
const BREAKABLE = /[^\p{L}\p{N}_]/u;

const nowrap = (value: string): Element => ({ type: 'element', tagName: 'span', properties: { className: ['nowrap'] }, children: [{ type: 'text', value }] });

/** The word as nodes that keep it whole, or whole between its slashes when it is too long. */
function keepWhole(word: string): ElementContent[] {
  if (!BREAKABLE.test(word)) return [{ type: 'text', value: word }];
  if (word.length <= MAX_WORD) return [nowrap(word)];
  const parts = word.split(/(?<=\/)(?=.)/);
  if (parts.length === 1) return [{ type: 'text', value: word }];
  return parts.flatMap((part, i): ElementContent[] => [
    ...(i > 0 ? [{ type: 'element', tagName: 'wbr', properties: {}, children: [] } as Element] : []),
    ...(part.length <= MAX_WORD && BREAKABLE.test(part) ? [nowrap(part)] : [{ type: 'text', value: part } as Text]),
  ]);
}

/** rehype plugin: inline code that breaks only at spaces (and, in an over-long path, after a slash). */
export default function rehypeInlineCode() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, _index, parent) => {
      if (node.tagName !== 'code' || (parent?.type === 'element' && parent.tagName === 'pre')) return;
      const text = node.children.length === 1 && node.children[0]!.type === 'text' ? node.children[0]!.value : undefined;
      // One short word: the whole element keeps together.
      if (text !== undefined && !/\s/.test(text) && text.length <= MAX_WORD && BREAKABLE.test(text)) {
        node.properties.className = [...((node.properties.className as string[] | undefined) ?? []), 'nowrap'];
        return;
      }
      node.children = node.children.flatMap((child) => (child.type === 'text' ? child.value.split(/(\s+)/).flatMap((piece, i) => (i % 2 ? [{ type: 'text' as const, value: piece }] : piece ? keepWhole(piece) : [])) : [child]));
    });
  };
}
