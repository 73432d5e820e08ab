/**
 * rustdoc and mdBook hide lines of a Rust example that only make it compile (`# fn main() {`):
 * a line that is `#` alone or starts with `# ` (after any indentation) is left out, and `##`
 * stands for a literal `#`. Attributes (`#[derive(Debug)]`, `#![allow(unused)]`) are code and stay.
 * Only fences whose language (the info string's first word, `rust,ignore` → `rust`) is `rust`.
 */
import type { Root } from 'mdast';
import { visit } from '../lib/visit.ts';
import { infoLanguage } from '../lib/unknown-languages.ts';

const HIDDEN = /^\s*#(?:[ \t]|\r?$)/;
const ESCAPED_HASH = /^(\s*)##/;

/** The code as shown: hidden lines left out, `##` turned into `#`. */
export function withoutHiddenLines(code: string): string {
  return code
    .split('\n')
    .filter((line) => !HIDDEN.test(line))
    .map((line) => line.replace(ESCAPED_HASH, '$1#'))
    .join('\n');
}

/** remark plugin: removes rustdoc's hidden lines from Rust code blocks. */
export default function remarkRustdocHidden() {
  return (tree: Root) => {
    visit(tree, 'code', (node) => {
      if (node.lang && infoLanguage(node.lang).toLowerCase() === 'rust') node.value = withoutHiddenLines(node.value);
    });
  };
}
