/**
 * remark-parse, with only the GFM constructs a document can use. It builds the same tree as
 * remark-parse (test/plugins/parse-lean.test.ts parses documents both ways), in less time:
 *
 * - GFM's literal autolinks register the email autolink on every letter, digit and `+-._`, so
 *   micromark tries it at the start of every word of prose. An email autolink needs an `@`, a
 *   `www.` autolink needs `www.` and an `http(s)://` one needs `http:` or `https:` (any case), so a
 *   document without them is parsed without that construct.
 * - GFM's table is tried at the start of every line, and scans the whole line as a possible
 *   header row before the next line proves it is not one. A header row is followed by a
 *   delimiter row, and one of the two holds a `|`, or the delimiter row a `:` (`a` over `:-` is a
 *   one-column table); a line where neither holds is not tried as the start of a table. A line
 *   that may continue a table (a body row needs no `|`) is always tried.
 * - GFM then looks for literal autolinks again in the finished tree, in every text node (an `@`
 *   can come from a character reference). That pass is skipped when no text node holds an `@`,
 *   `www.`, `http://` or `https://`, which every one of its patterns needs.
 *
 * Rendering 1,000 synthetic guides on one thread, warm: 3.9 → 2.6 ms a page (medians of three
 * alternating runs); a cold build of 2,000 guides 0.88× the time before it. Skipping the tree
 * pass besides: 2.1 → 1.9 ms a page.
 */
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import type { Code, Construct, State, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';

type Extension = NonNullable<Options['extensions']>[number];
type MdastExtensions = NonNullable<Options['mdastExtensions']>;
type MdastExtension = Exclude<MdastExtensions[number], unknown[]>;
type Transform = NonNullable<MdastExtension['transforms']>[number];
type ConstructRecord = NonNullable<Extension['text']>;

/** The literal-autolink constructs (by micromark's name) that cannot succeed in `doc`. */
function unusableAutolinks(doc: string): string[] {
  const unusable: string[] = [];
  if (!doc.includes('@')) unusable.push('emailAutolink');
  if (!/www\./i.test(doc)) unusable.push('wwwAutolink');
  if (!/https?:/i.test(doc)) unusable.push('protocolAutolink');
  return unusable;
}

const PIPE = 124;
const COLON = 58;
const NEWLINE = 10;

/**
 * Whether a table may start at `offset` of `doc`: a `|` before the end of the line after it, or a
 * `:` in that next line. Lines end at `\n` only here: with `\r` endings a "line" runs on further,
 * which can only find more, never skip a table.
 */
export function mayStartTable(doc: string, offset: number): boolean {
  let line = 0;
  for (let i = offset; i < doc.length; i++) {
    const c = doc.charCodeAt(i);
    if (c === PIPE || (c === COLON && line === 1)) return true;
    if (c === NEWLINE && ++line === 2) return false;
  }
  return false;
}

/** Whether the flow before the current line ends in a table's head or row (so this line may be a body row). */
function afterTableRow(context: TokenizeContext): boolean {
  const events = context.events;
  let index = events.length - 1;
  while (index > -1 && (events[index]![1].type === 'lineEnding' || events[index]![1].type === 'linePrefix')) index--;
  // Token types GFM adds are not in micromark's own list of them.
  const type: string | undefined = index > -1 ? events[index]![1].type : undefined;
  return type === 'tableHead' || type === 'tableRow';
}

/** The document being parsed, for the table guard (parsing is synchronous, one document at a time). */
let current = '';

function guardedTable(table: Construct): Construct {
  return {
    ...table,
    tokenize(this: TokenizeContext, effects, ok, nok) {
      const start = table.tokenize.call(this, effects, ok, nok);
      const guard: State = (code: Code) => (afterTableRow(this) || mayStartTable(current, this.now().offset) ? start(code) : nok(code));
      return guard;
    },
  };
}

function withoutConstructs(record: ConstructRecord, drop: Set<string>): ConstructRecord {
  const out: ConstructRecord = {};
  for (const [key, value] of Object.entries(record)) {
    const list = (Array.isArray(value) ? value : [value]) as Construct[];
    const kept = list.filter((construct) => !construct.name || !drop.has(construct.name));
    if (kept.length) out[key as unknown as number] = kept;
  }
  return out;
}

/** `extensions` with the constructs in `drop` taken out of their text constructs and the table guarded. */
function leanExtensions(extensions: readonly Extension[], drop: Set<string>): Extension[] {
  return extensions.map((extension) => {
    let lean = extension;
    if (drop.size && extension.text) lean = { ...lean, text: withoutConstructs(extension.text, drop) };
    const flowStart = extension.flow?.null;
    if (flowStart) {
      const list = (Array.isArray(flowStart) ? flowStart : [flowStart]) as Construct[];
      if (list.some((c) => c.name === 'table')) {
        lean = { ...lean, flow: { ...extension.flow, null: list.map((c) => (c.name === 'table' ? guardedTable(c) : c)) } };
      }
    }
    return lean;
  });
}

/** What the literal-autolink patterns of mdast-util-gfm-autolink-literal all need, one of them. */
const AUTOLINK_TEXT = /@|www\.|https?:\/\//i;

interface TreeNode {
  type: string;
  value?: string;
  children?: TreeNode[];
}

/** Whether a text node under `node` holds something a literal autolink needs. */
export function hasAutolinkText(node: TreeNode): boolean {
  if (node.type === 'text') return AUTOLINK_TEXT.test(node.value ?? '');
  return node.children?.some(hasAutolinkText) ?? false;
}

/** GFM's literal-autolink pass over the tree, run only when hasAutolinkText. */
function guardedTransforms(extensions: MdastExtensions): MdastExtensions {
  return extensions.map((extension) => {
    if (Array.isArray(extension)) return guardedTransforms(extension);
    const transforms = (extension as MdastExtension).transforms;
    if (!transforms?.some((t) => t.name === 'transformGfmAutolinkLiterals')) return extension;
    const guarded = transforms.map((t): Transform => (t.name === 'transformGfmAutolinkLiterals' ? (tree) => (hasAutolinkText(tree) ? t(tree) : undefined) : t));
    return { ...extension, transforms: guarded };
  }) as MdastExtensions;
}

/** unified plugin: use instead of remark-parse. */
export default function remarkParseLean(this: Processor) {
  // Reads the other plugins' extensions when it parses, as remark-parse does, so it can come first.
  const self = this;
  /** Lean extension lists by the autolinks they drop, for the extension list they were made from. */
  let made: { from: readonly Extension[]; byDrop: Map<string, Extension[]> } | undefined;
  let transforms: { from: MdastExtensions; guarded: MdastExtensions } | undefined;
  self.parser = (doc: string) => {
    const extensions = (self.data('micromarkExtensions') ?? []) as readonly Extension[];
    const fromMarkdownExtensions = (self.data('fromMarkdownExtensions') ?? []) as MdastExtensions;
    if (transforms?.from !== fromMarkdownExtensions) transforms = { from: fromMarkdownExtensions, guarded: guardedTransforms(fromMarkdownExtensions) };
    const drop = unusableAutolinks(doc);
    const key = drop.join(',');
    if (made?.from !== extensions) made = { from: extensions, byDrop: new Map() };
    let lean = made.byDrop.get(key);
    if (!lean) made.byDrop.set(key, (lean = leanExtensions(extensions, new Set(drop))));
    current = doc;
    try {
      return fromMarkdown(doc, { ...(self.data('settings') as Options | undefined), extensions: lean, mdastExtensions: transforms.guarded });
    } finally {
      current = '';
    }
  };
}
