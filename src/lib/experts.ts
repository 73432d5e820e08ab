/**
 * The experts index: experts.yaml (people, and areas grouped by kind) read, validated and turned
 * into rows with stable anchors (`#module-asyncio`), person pages and search records.
 */
import { z } from 'astro/zod';
import { diagnostic, suggestion, type Diagnostic } from './diagnostics.ts';
import { unsupportedPattern } from './codeowners-match.ts';
import { loadDataFile } from './data/load.ts';
import { httpUrl } from './schema.ts';
import { slug } from 'github-slugger';
import { areasOf, KINDS, type Area, type ExpertRef, type ExpertsIndex, type Kind, type Person } from './experts-index.ts';

export { areasOf, KINDS, type Area, type ExpertRef, type ExpertsIndex, type Kind, type Person } from './experts-index.ts';

export const KIND_LABELS: Record<Kind, { one: string; many: string }> = {
  module: { one: 'Module', many: 'Standard library modules' },
  tool: { one: 'Tool', many: 'Tools' },
  platform: { one: 'Platform', many: 'Platforms' },
  interest: { one: 'Interest area', many: 'Interest areas' },
  translation: { one: 'Translation', many: 'Documentation translations' },
};

const personSchema = z.strictObject({
  /** Display name; optional, handles are enough. */
  name: z.string().optional(),
  /** `emeritus` people are listed apart and may not be current experts. */
  status: z.enum(['active', 'emeritus']).default('active'),
  /** `false` when the handle is not an account at the profile URL (an old tracker name). */
  profile: z.boolean().default(true),
  /** Extra links, label → URL. */
  links: z.record(z.string(), httpUrl()).default({}),
});

const areaSchema = z.strictObject({
  name: z.string().min(1),
  /** Handles; a trailing `*` marks someone who may be assigned issues. */
  experts: z.array(z.string().regex(/^[A-Za-z0-9][\w.-]*\*?$/, 'must be a handle, optionally followed by "*"')).default([]),
  /** Teams (e.g. `python/macos-team`) that review this area. */
  teams: z.array(z.string()).default([]),
  /** CODEOWNERS patterns for this area. */
  paths: z.array(z.string().refine((p) => !unsupportedPattern(p), { error: (issue) => `is "${String(issue.input)}": ${unsupportedPattern(String(issue.input))}` })).default([]),
  notes: z.string().optional(),
  /** Guides about this area, as site paths (`/development/argument-clinic/`): "See also" in its row. */
  guides: z.array(z.string().startsWith('/', 'must be a path of the site, like /development/gdb/')).default([]),
  /** Support tier, for platforms. */
  tier: z.number().int().min(1).max(3).optional(),
  unmaintained: z.boolean().default(false),
});

export const expertsSchema = z.strictObject({
  people: z.record(z.string(), personSchema.nullable().transform((p) => p ?? personSchema.parse({}))),
  areas: z.strictObject(Object.fromEntries(KINDS.map((k) => [k, z.array(areaSchema).default([])])) as Record<Kind, z.ZodDefault<z.ZodArray<typeof areaSchema>>>),
});

/** `module` + `collections.abc` → `module-collectionsabc`: github-slugger, like every heading id. */
export function areaId(kind: Kind, name: string): string {
  return `${kind}-${slug(name) || 'area'}`;
}

export function profileUrl(template: string, handle: string): string {
  return template.replaceAll('{handle}', encodeURIComponent(handle));
}

/** Reads and validates experts.yaml; a missing file is an empty index (the page is then omitted). */
export function loadExperts(file: string, options: { profileTemplate?: string } = {}): { index?: ExpertsIndex; diagnostics: Diagnostic[] } {
  const { value: data, diagnostics, parsed } = loadDataFile(file, expertsSchema, 'invalid-experts');
  if (!data || !parsed) return { diagnostics };
  const template = options.profileTemplate ?? 'https://github.com/{handle}';
  // Handles are case-insensitive (as on GitHub), and /experts/Alice/ and /experts/alice/ would be
  // one file on a case-insensitive file system: keep the first spelling, report the others.
  const firstSpelling = new Map<string, string>();
  const entries = Object.entries(data.people).filter(([handle]) => {
    const first = firstSpelling.get(handle.toLowerCase());
    if (first === undefined) {
      firstSpelling.set(handle.toLowerCase(), handle);
      return true;
    }
    const line = parsed.keyPositionOf(['people', first]).line;
    diagnostics.push(
      diagnostic('invalid-experts', file, parsed.keyPositionOf(['people', handle]), `"${handle}" and "${first}" (line ${line}) differ only in case; handles are case-insensitive, so this person is listed twice.`, `Merge the two entries under "${first}", and spell it the same way in every area.`),
    );
    return false;
  });
  const people: Person[] = entries.map(([handle, p]) => ({
    handle,
    name: p.name,
    status: p.status,
    profile: p.profile ? profileUrl(template, handle) : undefined,
    links: p.links,
  }));
  const byHandle = new Map(people.map((p) => [p.handle, p]));
  const handles = people.map((p) => p.handle);
  const referenced = new Set<string>();
  const seen = new Map<string, number>();
  const areas: Area[] = [];
  for (const kind of KINDS) {
    data.areas[kind].forEach((a, i) => {
      const where = ['areas', kind, i];
      const position = parsed.positionOf([...where, 'name']);
      const id = areaId(kind, a.name);
      const key = `${kind}:${a.name.toLowerCase()}`;
      if (seen.has(key) || seen.has(id)) {
        diagnostics.push(diagnostic('duplicate-area', file, position, `The ${kind} "${a.name}" is listed twice (first on line ${seen.get(key) ?? seen.get(id)}).`, 'Merge the two entries into one.'));
        return;
      }
      seen.set(key, position.line);
      seen.set(id, position.line);
      const experts: ExpertRef[] = [];
      a.experts.forEach((raw, j) => {
        const handle = raw.replace(/\*$/, '');
        const at = parsed.positionOf([...where, 'experts', j]);
        const person = byHandle.get(handle);
        if (!person) {
          const near = suggestion(handle, handles, 'handle');
          diagnostics.push(diagnostic('unknown-expert', file, at, `"${handle}" (an expert of ${kind} "${a.name}") is not listed under people.`, `${near.startsWith('did') ? `${near} ` : ''}Add \`${handle}:\` under people, or fix the spelling.`));
          return;
        }
        if (person.status === 'emeritus') {
          diagnostics.push(diagnostic('emeritus-expert', file, at, `"${handle}" is emeritus but listed as a current expert of ${kind} "${a.name}".`, `Remove "${handle}" from this area, or set their status to active if they are back.`));
          return;
        }
        referenced.add(handle);
        experts.push({ handle, assignable: raw.endsWith('*') });
      });
      if (!a.experts.length && !a.teams.length && !a.unmaintained) {
        diagnostics.push(diagnostic('no-experts', file, position, `The ${kind} "${a.name}" has no experts.`, 'Add an expert, or mark it `unmaintained: true` so readers know whom to ask instead.'));
      }
      areas.push({ kind, name: a.name, id, experts, teams: a.teams, paths: a.paths, notes: a.notes, guides: a.guides, tier: a.tier, unmaintained: a.unmaintained, line: position.line });
    });
  }
  for (const person of people) {
    if (person.status === 'active' && !referenced.has(person.handle)) {
      diagnostics.push(diagnostic('unused-person', file, parsed.keyPositionOf(['people', person.handle]), `"${person.handle}" is not an expert of any area.`, 'Add them to an area, mark them `status: emeritus`, or remove them.', 'warning'));
    }
  }
  return { index: { file, people, areas }, diagnostics };
}


/**
 * Finds an area for `:experts[name]`: `kind:name` or a bare name (modules first, then other kinds),
 * case-insensitive.
 */
export function findArea(index: ExpertsIndex, query: string): Area | undefined {
  const m = /^(module|tool|platform|interest|translation):(.*)$/i.exec(query.trim());
  const name = (m ? m[2]! : query).trim().toLowerCase();
  const kind = m?.[1]?.toLowerCase();
  return index.areas.find((a) => (!kind || a.kind === kind) && a.name.toLowerCase() === name);
}

/**
 * One search result per area (pointing at its row) and per person (pointing at their page). The
 * title names the area or the person, and Pagefind searches titles, so the content says only the
 * rest; a row that says nothing else keeps its name, since Pagefind drops a record without text.
 */
export function expertSearchRecords(index: ExpertsIndex): Array<{ url: string; title: string; content: string; filters: Record<string, string[]> }> {
  const areas = index.areas.map((a) => {
    const says = [
      a.experts.length ? `Experts: ${a.experts.map((e) => `@${e.handle}`).join(', ')}.` : a.unmaintained ? 'No current maintainer.' : '',
      a.teams.length ? `Teams: ${a.teams.map((t) => `@${t}`).join(', ')}.` : '',
      // Not the CODEOWNERS paths: a path typed into search finds its area through the owners index
      // (owners-index.ts), and as words (`**/*gil*`) they made rows outrank the guides.
      a.notes ?? '',
    ].filter(Boolean);
    return {
      url: `/experts/#${a.id}`,
      title: `${a.name} (${KIND_LABELS[a.kind].one.toLowerCase()} experts)`,
      content: says.length ? says.join(' ') : `${a.name}.`,
      filters: { kind: [KIND_LABELS[a.kind].one] },
    };
  });
  const people = index.people.map((p) => {
    const own = areasOf(index, p.handle);
    return {
      url: `/experts/${p.handle}/`,
      title: `@${p.handle}${p.name ? ` (${p.name})` : ''}`,
      content: `${p.status === 'emeritus' ? 'Emeritus' : 'Expert'}${own.length ? ` for ${own.map((a) => a.name).join(', ')}` : ''}.`,
      filters: { kind: ['Person'] },
    };
  });
  return [...areas, ...people];
}
