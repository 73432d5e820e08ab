/**
 * A heading's attribute block, as mdBook and pandoc write it: `## Options {#options .wide}`. The
 * pipeline gives the heading that id (src/plugins/remark-heading-ids.ts); the content loader
 * takes the block off a title that comes from the heading.
 */

/** A `{…}` block at the end of a heading's text, with the spaces around it. */
const BLOCK = /[ \t]*\{([^{}]*)\}[ \t]*$/;
/** One word of the block: `#id`, `.class` or `key=value`. */
const WORD = /^(?:#[^\s{}]+|\.[^\s{}]+|[^\s{}=#.][^\s{}=]*=[^\s{}]*)$/;

/**
 * Splits a heading's text from the attribute block that ends it (`Options {#options .wide}` →
 * `Options` and `options`), or undefined when it ends in no attribute block. A block of words
 * that are not all attributes (`Sets {a, b}`) is text.
 */
export function headingAttributes(text: string): { text: string; id?: string } | undefined {
  const match = BLOCK.exec(text);
  if (!match) return undefined;
  const words = match[1]!.split(/\s+/).filter(Boolean);
  if (words.length === 0 || !words.every((word) => WORD.test(word))) return undefined;
  // As in mdBook, the last id wins.
  const id = words.findLast((word) => word.startsWith('#'))?.slice(1);
  return { text: text.slice(0, match.index), ...(id ? { id } : {}) };
}

