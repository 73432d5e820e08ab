/**
 * mdBook's `{{#include file}}` (and `{{#rustdoc_include file}}`, read the same way): the text of
 * another file, whole or in part (`file.rs:2`, `:2:`, `::10`, `:2:10`, or `file.rs:name` for the
 * lines between `ANCHOR: name` and `ANCHOR_END: name`). Paths are relative to the Markdown file
 * that holds the include. In a code block the include is replaced by the text; an include that is
 * a paragraph of its own is replaced by the file parsed as Markdown. `\{{#include …}}` shows the
 * include as written. Includes inside included files are expanded too, at most MAX_DEPTH deep.
 *
 * mdBook replaces includes in the text before parsing it; here the tree is parsed first, so an
 * include in running text is left as written, with a warning.
 */
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Code, Parent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { Node, Position } from 'unist';
import { SKIP, visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';
import { suggestion, type Severity } from '../lib/diagnostics.ts';
import { report } from '../lib/report.ts';
import { includesIn, INCLUDE_TYPES, LINK, mayInclude, parseTarget, type IncludeTarget, type Selection } from '../lib/includes.ts';

export { includedPaths, includesFingerprint, parseTarget, type IncludeTarget, type Selection } from '../lib/includes.ts';

export interface Options {
  /** The folder includes may read from (the git repository root, else the content folder); unset: no limit. */
  root?: string;
}

const emptyOptions: Options = {};

/** How many includes deep included files may include more files. */
export const MAX_DEPTH = 10;

/** A line that is nothing but one include. */
const INCLUDE_LINE = /^\{\{\s*#(?:include|rustdoc_include)\s+([^}\n]+)\}\}$/;
/** mdBook's anchor markers: anywhere on a line, so any comment syntax can hold them. */
const ANCHOR_START = /ANCHOR:\s*([\p{L}\p{M}\p{N}\p{Pc}-]+)/u;
const ANCHOR_END = /ANCHOR_END:\s*([\p{L}\p{M}\p{N}\p{Pc}-]+)/u;

/** What is wrong, and how to fix it. */
export interface Problem {
  message: string;
  hint: string;
}

/** A file's lines as mdBook counts them: a final newline ends the last line, it does not start one. */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.replace(/\r$/, ''));
}

/** The selected text and, for each of its lines, its line number in the file. */
export interface Selected {
  text: string;
  lines: number[];
}

/** The lines of `text` that `selection` asks for, or what is wrong with the selection. */
export function selectLines(text: string, selection: Selection, name: string): Selected | { problem: Problem } {
  const lines = linesOf(text);
  const numbered = lines.map((line, i) => ({ line, n: i + 1 }));
  if (selection.anchor !== undefined) {
    const anchor = selection.anchor;
    const begin = numbered.findIndex(({ line }) => ANCHOR_START.exec(line)?.[1] === anchor);
    if (begin === -1) {
      const anchors = [...new Set(lines.flatMap((line) => ANCHOR_START.exec(line)?.[1] ?? []))];
      const near = suggestion(anchor, anchors, 'anchor');
      return {
        problem: {
          message: `"${name}" has no anchor "${anchor}".`,
          hint: `${near ? `${near} ` : ''}Mark the lines in the file with the comments ANCHOR: ${anchor} and ANCHOR_END: ${anchor}.`,
        },
      };
    }
    const kept: typeof numbered = [];
    for (const entry of numbered.slice(begin + 1)) {
      const end = ANCHOR_END.exec(entry.line);
      if (end?.[1] === anchor) break;
      // Markers of other anchors, nested or overlapping, are not part of the text.
      if (!end && !ANCHOR_START.test(entry.line)) kept.push(entry);
    }
    return { text: kept.map((e) => e.line).join('\n'), lines: kept.map((e) => e.n) };
  }
  const count = lines.length;
  const start = selection.start ?? 1;
  const end = selection.end ?? count;
  const asked = selection.start === undefined ? `lines 1–${end}` : selection.end === undefined ? `lines ${start}–end` : start === end ? `line ${start}` : `lines ${start}–${end}`;
  if (start > end) {
    return { problem: { message: `The include asks for ${asked} of "${name}", a range that ends before it starts.`, hint: `Write the first line before the last, as in "${name}:${end}:${start}".` } };
  }
  if (start > count || end > count) {
    return {
      problem: {
        message: `The include asks for ${asked} of "${name}", which has ${count === 1 ? '1 line' : `${count} lines`}.`,
        hint: `Ask for lines within 1–${count}, or mark the lines with ANCHOR: name and ANCHOR_END: name comments and include "${name}:name", which keeps working when the file changes.`,
      },
    };
  }
  const kept = numbered.slice(start - 1, end);
  return { text: kept.map((e) => e.line).join('\n'), lines: kept.map((e) => e.n) };
}

type Place = { line: number; column: number };
type Emit = (place: Place | undefined, problem: Problem, severity?: Severity) => void;

/** What expanding the includes of one Markdown or text source needs to know. */
interface Context {
  /** The text the tree was parsed from (node offsets point into it). */
  source: string;
  /** Absolute path of the file that text came from. */
  file: string;
  /** The files being included, the page first, to find cycles. */
  chain: string[];
  /** The page's folder, to name included files in messages. */
  pageDir: string;
  root?: string;
  parse: (text: string) => Root;
  /** Reports a problem at a place in `source`. */
  emit: Emit;
}

function placeAt(source: string, offset: number): Place {
  const before = source.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

function realpath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** The hint for a missing file: the closest name in its folder, if any. */
function missingHint(written: string, absolute: string): string {
  let names: string[] = [];
  try {
    names = readdirSync(path.dirname(absolute));
  } catch {
    // The folder does not exist either.
  }
  const near = suggestion(path.basename(absolute), names, 'file');
  const closeName = near.startsWith('did you mean') ? path.join(path.dirname(written), /"(.*)"/.exec(near)![1]!) : undefined;
  return `${closeName ? `did you mean "${closeName.split(path.sep).join('/')}"? ` : ''}The path is relative to the folder of the Markdown file that holds the include.`;
}

/** Reads one include: its text and the context to expand the includes inside it, or reports why not. */
function readInclude(ctx: Context, target: string, place: Place | undefined): { selected: Selected; ctx: Context } | undefined {
  const { path: written, selection } = parseTarget(target);
  const absolute = path.resolve(path.dirname(ctx.file), written);
  const real = realpath(absolute);
  if (ctx.root !== undefined && !(isInside(path.resolve(ctx.root), absolute) && isInside(realpath(path.resolve(ctx.root)), real))) {
    ctx.emit(place, {
      message: `The include "${written}" leads outside ${path.resolve(ctx.root)}, the folder includes may read from.`,
      hint: 'Move the file into that folder (the git repository, else the content folder), or include a copy of it.',
    });
    return undefined;
  }
  if (ctx.chain.includes(real)) {
    const names = [...ctx.chain.slice(ctx.chain.indexOf(real)), real].map((f) => path.relative(ctx.pageDir, f).split(path.sep).join('/'));
    ctx.emit(place, { message: `"${written}" includes itself: ${names.join(' → ')}.`, hint: 'Remove one of the includes in the cycle.' });
    return undefined;
  }
  if (ctx.chain.length > MAX_DEPTH) {
    ctx.emit(place, { message: `Includes are nested more than ${MAX_DEPTH} levels deep here.`, hint: 'Include the innermost file directly, with fewer files in between.' });
    return undefined;
  }
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') ctx.emit(place, { message: `The file "${written}" that this include reads does not exist.`, hint: missingHint(written, absolute) });
    else if (code === 'EISDIR') ctx.emit(place, { message: `"${written}" is a folder; an include reads a file.`, hint: 'Name a file in that folder.' });
    else ctx.emit(place, { message: `The file "${written}" could not be read (${code ?? String(error)}).`, hint: 'Check that the file is readable.' });
    return undefined;
  }
  const selected = selectLines(text, selection, written);
  if ('problem' in selected) {
    ctx.emit(place, selected.problem);
    return undefined;
  }
  const shown = path.relative(ctx.pageDir, absolute).split(path.sep).join('/');
  // Problems inside the included text are reported at this include, naming where in that file.
  const emit: Emit = (inner, problem, severity) =>
    ctx.emit(place, { message: `In ${shown}${inner ? `:${selected.lines[inner.line - 1] ?? inner.line}:${inner.column}` : ''} (included here): ${problem.message}`, hint: problem.hint }, severity);
  return { selected, ctx: { ...ctx, source: selected.text, file: absolute, chain: [...ctx.chain, real], emit } };
}

/** `text` with its includes replaced by what they include and escaped ones unescaped, as mdBook does. */
function expandText(text: string, ctx: Context, placeOf: (index: number, match: string) => Place | undefined): string {
  return text.replace(LINK, (match: string, type: string | undefined, target: string | undefined, index: number) => {
    if (type === undefined) return match.slice(1);
    if (!INCLUDE_TYPES.has(type)) return match;
    const got = readInclude(ctx, target!, placeOf(index, match));
    if (!got) return match;
    return expandText(got.selected.text, got.ctx, (i) => placeAt(got.selected.text, i));
  });
}

/** Where a match in a code block's value is in the source: the code's lines, found in order. */
function codePlaces(node: Code, source: string): (index: number, match: string) => Place | undefined {
  const start = node.position?.start;
  if (start?.offset === undefined) return () => undefined;
  const sourceLines = source.split('\n');
  const fenced = /^[ \t]*(`{3,}|~{3,})/.test(source.slice(start.offset));
  return (index, match) => {
    const line = start.line + (fenced ? 1 : 0) + (node.value.slice(0, index).match(/\n/g)?.length ?? 0);
    const column = sourceLines[line - 1]?.indexOf(match) ?? -1;
    return column === -1 ? { line: start.line, column: start.column } : { line, column: column + 1 };
  };
}

/** The includes of a paragraph made only of include lines, each with its place, else undefined. */
function paragraphIncludes(node: Parent, source: string): Array<{ line: string; target: string; place: Place }> | undefined {
  const start = node.position?.start;
  const end = node.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return undefined;
  const found: Array<{ line: string; target: string; place: Place }> = [];
  for (const [i, raw] of source.slice(start.offset, end.offset).split('\n').entries()) {
    // Later lines start at the line's start: skip a block quote's `>` and indentation.
    const prefix = i === 0 ? 0 : /^[ \t>]*/.exec(raw)![0].length;
    const line = raw.slice(prefix).trimEnd();
    const m = INCLUDE_LINE.exec(line);
    if (!m) return undefined;
    found.push({ line, target: m[1]!, place: { line: start.line + i, column: i === 0 ? start.column : prefix + 1 } });
  }
  return found;
}

/**
 * Gives every node of an included tree the include's position: its own would point into another
 * file. So a later plugin's diagnostic about included text (a broken link, say) points at the include.
 */
function placeAtInclude(nodes: Node[], position: Position | undefined): void {
  for (const node of nodes) {
    visit(node, (n) => {
      if (position) n.position = { start: { ...position.start }, end: { ...position.end } };
      else delete n.position;
    });
  }
}

function expandTree(tree: Root, ctx: Context): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'code') {
      node.value = expandText(node.value, ctx, codePlaces(node, ctx.source));
      return undefined;
    }
    if (node.type === 'inlineCode') {
      node.value = node.value.replace(LINK, (match: string, type: string | undefined) => (type === undefined ? match.slice(1) : match));
      return undefined;
    }
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return undefined;
    const includes = node.type === 'paragraph' ? paragraphIncludes(node, ctx.source) : undefined;
    if (includes && parent && index !== undefined) {
      const replacement: RootContent[] = includes.flatMap(({ line, target, place }) => {
        const got = readInclude(ctx, target, place);
        if (!got) return [{ type: 'paragraph', children: [{ type: 'text', value: line }] }];
        const included = ctx.parse(got.selected.text);
        expandTree(included, got.ctx);
        return included.children;
      });
      placeAtInclude(replacement, node.position);
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      return [SKIP, index + replacement.length];
    }
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return undefined;
    for (const m of includesIn(ctx.source.slice(start, end))) {
      const written = ctx.source.slice(start + m.index, start + m.index + m.length);
      ctx.emit(
        placeAt(ctx.source, start + m.index),
        {
          message: `"${written}" is in running text, where it is left as written: only an include that is a paragraph of its own or sits in a code block is expanded.`,
          hint: `Put it on a line of its own with a blank line before and after, or in a code block; write \\${written} to show it as written.`,
        },
        'warning',
      );
    }
    return undefined;
  });
}

/** remark plugin: expands mdBook's `{{#include}}` and `{{#rustdoc_include}}`. */
export default function remarkInclude(this: Processor, options: Options = emptyOptions) {
  const processor = this;
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    // Most pages include nothing: skip the walk and the realpath's file-system calls.
    if (!mayInclude(source)) return;
    const page = path.resolve(file.cwd, file.path ?? 'index.md');
    expandTree(tree, {
      source,
      file: page,
      chain: [realpath(page)],
      pageDir: path.dirname(page),
      root: options.root,
      parse: (text) => processor.parse(text) as Root,
      emit: (place, problem, severity) => report(file, 'broken-include', place, problem.message, problem.hint, severity),
    });
  };
}
