/**
 * The schemas of devguide's input files (site.yaml and guide frontmatter), and the translation of
 * schema failures into diagnostics that point at the offending key or value.
 */
import { z } from 'astro/zod';
import { commitRulesSchema } from './commit-message.ts';
import { closest, diagnostic, type Code, type Diagnostic } from './diagnostics.ts';
import { RESERVED_SEGMENTS } from './routes.ts';
import type { ParsedYaml } from './yaml.ts';

/** The rungs of the contributor ladder, in order. */
export const LEVELS = ['newcomer', 'contributor', 'triager', 'core'] as const;
export type Level = (typeof LEVELS)[number];

/** What each rung is called on the home page. */
export const LEVEL_LABELS: Record<Level, string> = {
  newcomer: 'First task',
  contributor: 'Regular contributor',
  triager: 'Triager',
  core: 'Core developer',
};

/**
 * An absolute http(s) URL. `z.url()` alone accepts any scheme, so `localhost:4321` (scheme
 * "localhost:") and `javascript:alert(1)` would pass and reach Astro or a link's href.
 */
export const httpUrl = () => z.url({ protocol: /^https?$/ });

/** Whether `value` is an absolute http(s) URL (for templates such as profileUrl). */
export function isHttpUrl(value: string): boolean {
  return httpUrl().safeParse(value).success;
}

/** Whether `value` is a well-formed BCP 47 language tag ("en", "pt-BR", "zh-Hant"). */
function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * First URL segments the site itself uses: its generated pages and the search index. A section with
 * one of these ids would replace a built-in page or be replaced by it. (Other top-level files, such
 * as `_astro/`, `robots.txt` and `_headers`, cannot be section ids: ids have no dots or underscores.)
 */
/** Section ids that built-in pages and folders own (src/lib/routes.ts). */
export const RESERVED_SECTION_IDS = RESERVED_SEGMENTS;

export const sectionSchema = z.strictObject({
  /** Folder name under guides/ and the first URL segment. */
  id: z
    .string()
    .regex(slugPattern, 'must be lowercase letters, digits and single hyphens, like "getting-started"')
    .refine((id) => !RESERVED_SECTION_IDS.includes(id), {
      error: (issue) => `is "${String(issue.input)}", which the site uses for a built-in page (/${String(issue.input)}/)`,
      params: { reserved: true },
    }),
  /** Label shown in the sidebar and breadcrumbs. */
  label: z.string().min(1),
  /** One sentence shown on the home page. */
  description: z.string().optional(),
});

export const siteConfigSchema = z.strictObject({
  /** The site's name, shown in the header and in every page title. */
  title: z.string().min(1),
  /** The site's language, a BCP 47 tag: `<html lang>` and the strings file (src/i18n/<lang>.json). */
  lang: z
    .string()
    .refine(isLanguageTag, {
      error: (issue) => `is "${String(issue.input)}", which is not a BCP 47 language tag`,
      params: { hint: 'Write a tag such as "en", "fr" or "pt-BR": the language, then any region, joined by a hyphen.' },
    })
    .default('en'),
  /** Used in the home page and as the default meta description. */
  description: z.string().default(''),
  /** The public URL of the site; when set, sitemap.xml and canonical links are emitted. */
  url: httpUrl().optional(),
  /** Where the content is edited: drives "Edit this page" links. */
  repository: z
    .strictObject({
      url: httpUrl(),
      branch: z.string().default('main'),
      /** Path of the content folder inside the repository. */
      path: z.string().default('content'),
    })
    .optional(),
  /** The project's issue tracker. */
  tracker: httpUrl().optional(),
  /** The page the home page's "Start with your first task" button opens (default: the ladder's first page). */
  start: z.string().startsWith('/').optional(),
  /** Sections in reading order. */
  sections: z.array(sectionSchema).min(1),
  /** The rules `npm run commit-msg` and the guide's commit examples are checked against. */
  commitRules: commitRulesSchema.optional(),
  /**
   * What a broken link, anchor or image is: an `error` that fails the build (the default), or a
   * `warning` that is listed but lets the site build (an imported folder's first builds).
   */
  linkCheck: z.enum(['error', 'warn']).default('error'),
  /** Where a person's handle links to; `{handle}` is replaced. */
  profileUrl: z
    .string()
    .refine((s) => isHttpUrl(s.replaceAll('{handle}', 'handle')), { params: { url: true } })
    .default('https://github.com/{handle}'),
  options: z
    .strictObject({
      /** Show `:::todo` notes and the /todo/ page in production builds. */
      showTodos: z.boolean().default(true),
      /** Keep raw HTML as written, scripts included (trusted sites only). */
      trustHtml: z.boolean().default(false),
    })
    .default({ showTodos: true, trustHtml: false }),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/**
 * site.yaml as written: every key optional. What it leaves out is inferred from the content (the
 * title from book.toml or the root README, sections from the folders).
 */
export const siteFileSchema = siteConfigSchema.partial({ title: true, sections: true });
export type SiteFile = z.infer<typeof siteFileSchema>;
export type Section = z.infer<typeof sectionSchema>;

export const frontmatterSchema = z.strictObject({
  title: z.string().min(1).optional(),
  description: z.string().optional(),
  level: z.enum(LEVELS).optional(),
  order: z.number().optional(),
  draft: z.boolean().default(false),
  tags: z.array(z.string()).default([]),
});

export type Frontmatter = z.infer<typeof frontmatterSchema>;

/**
 * Validates `parsed.value` against `schema`, returning the data or diagnostics that point at the
 * key or value that is wrong, with a hint naming what would be valid.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  parsed: ParsedYaml,
  file: string,
  code: Code,
  options: ValidateOptions = {},
): { data?: z.infer<S>; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(parsed.value ?? {});
  if (result.success) return { data: result.data, diagnostics: [] };
  const nameOf: NameOf = (path) => options.name?.(path) ?? (path.length ? `"${path.join('.')}"` : 'the file');
  const diagnostics = result.error.issues.flatMap((issue) => issueDiagnostics(issue, parsed, file, options.codeFor?.(issue) ?? code, schema, nameOf));
  return { diagnostics };
}

/**
 * What validate() needs beyond the schema. A refinement can carry its own fix as `params.hint`
 * (`.refine(check, { error: 'is not a date', params: { hint: 'Write YYYY-MM-DD.' } })`).
 */
export interface ValidateOptions {
  /** A more specific code for some issues (an unknown `level` in frontmatter, say). */
  codeFor?: (issue: z.core.$ZodIssue) => Code | undefined;
  /**
   * What the value at `path` is called in messages (`"status" of 3.14`); by default its path in
   * quotes (`"sections.0.id"`), or "the file" for the whole file.
   */
  name?: (path: readonly PropertyKey[]) => string | undefined;
}

type NameOf = (path: readonly PropertyKey[]) => string;

/** One diagnostic per issue, except unknown keys: one for each, at its own position. */
function issueDiagnostics(issue: z.core.$ZodIssue, parsed: ParsedYaml, file: string, code: Code, schema: z.ZodType, nameOf: NameOf): Diagnostic[] {
  if (issue.code !== 'unrecognized_keys') return [issueDiagnostic(issue, parsed, file, code, nameOf)];
  const path = issue.path;
  const known = knownKeys(schema, path);
  return issue.keys.map((key) => {
    const near = closest(key, known);
    return diagnostic(
      code,
      file,
      parsed.keyPositionOf([...path, key]),
      `Unknown field "${key}"${path.length ? ` in ${nameOf(path)}` : ''}.`,
      near ? `did you mean "${near}"?` : `Remove it; the fields here are: ${known.join(', ')}.`,
    );
  });
}

function issueDiagnostic(issue: z.core.$ZodIssue, parsed: ParsedYaml, file: string, code: Code, nameOf: NameOf): Diagnostic {
  const path = issue.path;
  const where = capitalize(nameOf(path));
  switch (issue.code) {
    case 'invalid_value': {
      const valid = issue.values.map(String);
      const got = valueAt(parsed.value, path);
      const near = typeof got === 'string' ? closest(got, valid) : undefined;
      return diagnostic(
        code,
        file,
        parsed.positionOf(path),
        `${where} is ${JSON.stringify(got)}, which is not one of ${valid.map((v) => `"${v}"`).join(', ')}.`,
        near ? `did you mean "${near}"?` : `Use one of ${valid.map((v) => `"${v}"`).join(', ')}.`,
      );
    }
    case 'invalid_type': {
      const got = valueAt(parsed.value, path);
      if (got === undefined) {
        const key = String(path.at(-1));
        return diagnostic(code, file, parsed.positionOf(path.slice(0, -1)), `${capitalize(nameOf(path.slice(0, -1)))} has no "${key}".`, `Add "${key}" (${issue.expected}).`);
      }
      if (typeof got === 'number' && !Number.isFinite(got)) {
        // YAML reads `1e999` as Infinity and `.nan` as NaN, which are numbers but not usable ones.
        return diagnostic(code, file, parsed.positionOf(path), `${where} is ${got}, which is not a finite number.`, 'Write an ordinary number, such as 2 or 2.5.');
      }
      return diagnostic(
        code,
        file,
        parsed.positionOf(path),
        `${where} must be ${article(issue.expected)}, not ${describe(got)}.`,
        issue.expected === 'string' ? 'Quote the value if YAML reads it as another type.' : `Write ${article(issue.expected)} here.`,
      );
    }
    case 'invalid_format':
    case 'custom':
      if ((issue.code === 'invalid_format' && issue.format === 'url') || (issue.code === 'custom' && issue.params?.url)) {
        const got = String(valueAt(parsed.value, path));
        const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(got)?.[1];
        return diagnostic(
          code,
          file,
          parsed.positionOf(path),
          `${where} is ${JSON.stringify(got)}, which is not an absolute http(s) URL.`,
          scheme && !/^https?$/i.test(scheme)
            ? `Links here must start with "https://" (or "http://"); a "${scheme}:" URL cannot be used.`
            : `Write the full address, starting with "https://": "https://${got.replace(/^\/+/, '')}".`,
        );
      }
      if (issue.code === 'custom' && issue.params?.reserved) {
        const id = String(valueAt(parsed.value, path));
        return diagnostic(
          code,
          file,
          parsed.positionOf(path),
          `Section id ${issue.message}.`,
          `Choose another id, such as "${id}-guides", and rename the folder guides/${id}/ to match. Reserved ids: ${RESERVED_SECTION_IDS.join(', ')}.`,
        );
      }
      return diagnostic(code, file, parsed.positionOf(path), `${where} ${issue.message}.`, hintOf(issue) ?? 'Correct the value and rebuild.');
    case 'invalid_key': {
      // A key of a z.record that its key schema refuses: reported at the key.
      const reason = issue.issues[0];
      const parent = path.slice(0, -1);
      return diagnostic(
        code,
        file,
        parsed.keyPositionOf(path),
        `The key "${String(path.at(-1))}"${parent.length ? ` in ${nameOf(parent)}` : ''} ${reason?.message ?? 'is not valid'}.`,
        (reason && hintOf(reason)) ?? 'Rename the key.',
      );
    }
    default:
      return diagnostic(code, file, parsed.positionOf(path), `${where} ${issue.message}.`, 'Correct the value and rebuild.');
  }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: unknown = schema;
  for (const key of path) {
    s = unwrap(s);
    const def = (s as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown } }).def;
    if (def?.type === 'object' && def.shape) s = def.shape[String(key)];
    else if (def?.type === 'array') s = def.element;
    else if (def?.type === 'record') s = def.valueType;
    else return [];
  }
  s = unwrap(s);
  const shape = (s as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(s: unknown): unknown {
  let current = s as { def?: { type?: string; innerType?: unknown; in?: unknown } };
  while (current?.def && ['optional', 'default', 'nullable', 'prefault', 'pipe'].includes(current.def.type ?? '')) {
    // A pipe (a `.transform()`) is checked against its input schema.
    current = (current.def.type === 'pipe' ? current.def.in : current.def.innerType) as typeof current;
  }
  return current;
}

/** The fix a refinement gave in `params.hint`. */
function hintOf(issue: z.core.$ZodIssue): string | undefined {
  const hint = (issue as { params?: { hint?: unknown } }).params?.hint;
  return typeof hint === 'string' ? hint : undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** zod's name for a type, with an article, in the words of a YAML author ("a mapping", not "a record"). */
function article(type: string): string {
  const name = ({ record: 'mapping', object: 'mapping', array: 'list' } as Record<string, string>)[type] ?? type;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
