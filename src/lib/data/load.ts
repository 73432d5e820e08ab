/**
 * The one way a data file is read (site.yaml, experts.yaml, data/labels.yaml,
 * data/release-cycle.json, redirects.yaml): read as UTF-8, parsed with positions, validated
 * against its schema. Each data file's own module adds only its schema and the checks and
 * shapes that are its own.
 */
import { existsSync } from 'node:fs';
import type { z } from 'astro/zod';
import type { Code, Diagnostic } from '../diagnostics.ts';
import { readText } from '../read-text.ts';
import { validate, type ValidateOptions } from '../schema.ts';
import { parseYaml, type ParsedYaml } from '../yaml.ts';

export interface LoadedDataFile<T> {
  /** The validated value; undefined when the file is missing or has an error. */
  value?: T;
  diagnostics: Diagnostic[];
  /** The parsed file, for the positions of checks beyond the schema; undefined when it did not parse. */
  parsed?: ParsedYaml;
}

export interface DataFileOptions extends Pick<ValidateOptions, 'name'> {
  /** The code of a syntax error; default `invalid-yaml`. */
  syntaxCode?: Code;
}

/**
 * Reads, parses and validates one data file. A missing file is no value and no diagnostic (the
 * pages and directives that use it are left out); an unreadable file, a syntax error and every
 * schema error are diagnostics at their positions, schema errors with `code`. JSON is read by the
 * YAML parser too, which keeps positions.
 */
export function loadDataFile<S extends z.ZodType>(file: string, schema: S, code: Code, options: DataFileOptions = {}): LoadedDataFile<z.infer<S>> {
  if (!existsSync(file)) return { diagnostics: [] };
  const read = readText(file);
  if (read.diagnostic) return { diagnostics: [read.diagnostic] };
  const parsed = parseYaml(read.text!, file, { code: options.syntaxCode });
  if (parsed.diagnostics.length) return { diagnostics: parsed.diagnostics };
  const { data, diagnostics } = validate(schema, parsed, file, code, { name: options.name });
  return { value: data, diagnostics, parsed };
}
