/**
 * YAML with positions. The `yaml` package keeps offsets for every node; this module turns them into
 * line/column pairs so a schema error can point at the value that is wrong, not just at the file.
 */
import { isAlias, isNode, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { diagnostic, type Code, type Diagnostic, type Position } from './diagnostics.ts';

export interface ParsedYaml {
  /** The plain JavaScript value (undefined when the YAML does not parse). */
  value: unknown;
  /** Problems found while parsing, already as diagnostics. */
  diagnostics: Diagnostic[];
  /** Position of the value at `path` (or of its closest existing parent). */
  positionOf(path: readonly PropertyKey[]): Position;
  /** Position of the key at `path` (for "unknown field" messages), falling back to its value. */
  keyPositionOf(path: readonly PropertyKey[]): Position;
}

/** At most this many YAML syntax errors are reported per file. */
export const MAX_SYNTAX_ERRORS = 3;

/**
 * Parses YAML text. `lineOffset` shifts reported lines, for YAML embedded in another file
 * (frontmatter starts on line 2 of a guide).
 */
export function parseYaml(text: string, file: string, options: { lineOffset?: number; code?: Code } = {}): ParsedYaml {
  const lineOffset = options.lineOffset ?? 0;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  // One syntax error (a tab, a missing quote) usually makes the parser report many more after it;
  // show the first few, one per line, and count the rest.
  const shown = doc.errors.filter((e, i, all) => all.findIndex((o) => at(o.pos[0]).line === at(e.pos[0]).line) === i).slice(0, MAX_SYNTAX_ERRORS);
  for (const error of shown) {
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    diagnostics.push(
      diagnostic(
        options.code ?? 'invalid-yaml',
        file,
        at(error.pos[0]),
        `The YAML does not parse: ${message}`,
        yamlHint(error.code),
      ),
    );
  }
  const hidden = doc.errors.length - shown.length;
  if (hidden > 0) {
    const last = diagnostics.at(-1)!;
    last.message += ` (The parser reports ${hidden} more error${hidden === 1 ? '' : 's'} after this, most likely caused by the ones shown; fix these first.)`;
  }
  let value: unknown;
  if (!doc.errors.length) {
    try {
      value = toJS(doc);
    } catch (error) {
      // The yaml package refuses documents whose aliases would expand beyond MAX_ALIAS_EXPANSION.
      diagnostics.push(
        diagnostic(
          options.code ?? 'invalid-yaml',
          file,
          at(firstAliasOffset(doc) ?? 0),
          `The YAML does not load: its aliases (*name) would expand to more than ${MAX_ALIAS_EXPANSION.toLocaleString('en')} values (${(error as Error).message}).`,
          'Write the repeated values out, or use fewer and less deeply nested aliases.',
        ),
      );
    }
  }
  // Not `doc.getIn(path, true)`: it matches keys by their YAML type (`3.14:` is the number 3.14,
  // while a path from the JavaScript value holds the string "3.14") and returns no key node.
  const nodeAt = (path: readonly PropertyKey[]): { node: unknown; keyNode: unknown } => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const key of path) {
      const collection = node as { items?: unknown[] } | null;
      if (!collection || !Array.isArray(collection.items)) break;
      let next: unknown;
      let nextKey: unknown;
      if (typeof key === 'number') {
        next = collection.items[key];
      } else {
        for (const item of collection.items) {
          if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(key)) {
            next = item.value;
            nextKey = item.key;
            break;
          }
        }
      }
      if (next === undefined && nextKey === undefined) break;
      node = next ?? nextKey;
      keyNode = nextKey;
    }
    return { node, keyNode };
  };
  const rangeStart = (node: unknown): number | undefined =>
    isNode(node) && (node as YamlNode).range ? (node as YamlNode).range![0] : undefined;
  return {
    value,
    diagnostics,
    positionOf(path) {
      const { node, keyNode } = nodeAt(path);
      const offset = rangeStart(node) ?? rangeStart(keyNode) ?? rangeStart(doc.contents) ?? 0;
      return at(offset);
    },
    keyPositionOf(path) {
      const { node, keyNode } = nodeAt(path);
      const offset = rangeStart(keyNode) ?? rangeStart(node) ?? rangeStart(doc.contents) ?? 0;
      return at(offset);
    },
  };
}

/**
 * How far aliases may expand a document. Data files reuse an anchor legitimately (one team as the
 * experts of a hundred areas), so the yaml package's default of 100 is too low; a limit still
 * guards against "billion laughs" documents, whose nested aliases expand exponentially.
 */
export const MAX_ALIAS_EXPANSION = 10_000;

function toJS(doc: Document): unknown {
  return doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
}

function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each key may appear once in a mapping; remove or rename one of them.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'Check the indentation: nested keys are indented by the same number of spaces.';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'A key must fit on one line and be followed by ": ". Quote values that contain ": ".';
    case 'TAB_AS_INDENT':
      return 'YAML indentation must use spaces, not tabs.';
    default:
      return 'Check the YAML syntax near this position; quote values that contain ":", "#" or start with "*", "&", "!", "@" or "`".';
  }
}

/** Every http(s) URL among a YAML file's string values, with its position (for link checks). */
export function urlsInYaml(text: string): Array<{ href: string; line: number; column: number }> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const found: Array<{ href: string; line: number; column: number }> = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /^https?:\/\/[^\s{}]+$/.test(node.value) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        found.push({ href: node.value, line, column: col });
      }
    },
  });
  return found;
}
