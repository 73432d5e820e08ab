/**
 * The tracker's labels: labels.yaml (groups of labels, each with a meaning and a colour) read and
 * validated. A label's colour is drawn as an SVG dot beside its name, so no text sits on the colour.
 */
import { z } from 'astro/zod';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { loadDataFile } from './data/load.ts';

const labelSchema = z.strictObject({
  /** The label as the tracker spells it. */
  name: z.string().min(1),
  /** What the label means, in one or two sentences. */
  meaning: z.string().min(1),
  /** `#rrggbb` or `#rgb`; quote it, since `#` starts a YAML comment. */
  color: z.string(),
});

const groupSchema = z.strictObject({
  /** Anchor of the group's table, e.g. `type` → `#labels-type`. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens, like "os"'),
  title: z.string().min(1),
  description: z.string().optional(),
  labels: z.array(labelSchema).min(1),
});

export const labelsSchema = z.strictObject({
  groups: z.array(groupSchema).min(1),
});

export interface Label {
  name: string;
  meaning: string;
  /** Lowercase `#rrggbb`. */
  color: string;
  line: number;
}

export interface LabelGroup {
  id: string;
  title: string;
  description?: string;
  labels: Label[];
  line: number;
}

/** `#abc` / `#AABBCC` → `#aabbcc`; undefined when the text is not a hex colour with a `#`. */
export function normalizeColor(text: string): string | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!m) return undefined;
  const hex = m[1]!.toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
}

/**
 * Reads and validates labels.yaml; a missing file is no data (`::labels` is then an error where
 * it is used). Schema errors, duplicate group ids, duplicate label names (across all groups,
 * ignoring case, as the tracker does) and bad colours are all reported in one run.
 */
export function loadLabels(file: string): { groups?: LabelGroup[]; diagnostics: Diagnostic[] } {
  const { value: data, diagnostics, parsed } = loadDataFile(file, labelsSchema, 'invalid-labels', { syntaxCode: 'invalid-labels' });
  if (!parsed) return { diagnostics };
  // The checks below read the raw value, so they run even when the schema failed elsewhere.
  const raw = (parsed.value as { groups?: unknown } | null)?.groups;
  const groupsRaw = Array.isArray(raw) ? raw : [];
  const groupLines = new Map<string, number>();
  const nameLines = new Map<string, { name: string; line: number }>();
  const colors = new Map<string, string>();
  groupsRaw.forEach((g, i) => {
    if (!g || typeof g !== 'object') return;
    const group = g as { id?: unknown; labels?: unknown };
    if (typeof group.id === 'string') {
      const at = parsed.positionOf(['groups', i, 'id']);
      const first = groupLines.get(group.id);
      if (first !== undefined) {
        diagnostics.push(diagnostic('invalid-labels', file, at, `The group "${group.id}" is listed twice.`, `It is first listed on line ${first}; merge the two groups or rename one.`));
      } else groupLines.set(group.id, at.line);
    }
    if (!Array.isArray(group.labels)) return;
    group.labels.forEach((l, j) => {
      if (!l || typeof l !== 'object') return;
      const label = l as { name?: unknown; color?: unknown };
      const where = ['groups', i, 'labels', j];
      if (typeof label.name === 'string') {
        const at = parsed.positionOf([...where, 'name']);
        const key = label.name.toLowerCase();
        const first = nameLines.get(key);
        if (first !== undefined) {
          const same = first.name === label.name ? '' : ` (as "${first.name}"; the tracker ignores case)`;
          diagnostics.push(diagnostic('invalid-labels', file, at, `The label "${label.name}" is listed twice.`, `It is first listed on line ${first.line}${same}; remove one of the two.`));
        } else nameLines.set(key, { name: label.name, line: at.line });
      }
      if (typeof label.color === 'string') {
        const color = normalizeColor(label.color);
        if (color) colors.set(`${i}/${j}`, color);
        else {
          const bare = normalizeColor(`#${label.color.trim()}`);
          diagnostics.push(
            diagnostic(
              'invalid-labels',
              file,
              parsed.positionOf([...where, 'color']),
              `The colour of "${String(label.name)}" is "${label.color}", which is not a hex colour like "#rrggbb".`,
              bare ? `Write it with a "#" and in quotes: "${bare}".` : 'Write six (or three) hex digits after a "#", in quotes, e.g. "#d73a4a".',
            ),
          );
        }
      }
    });
  });
  if (!data || diagnostics.length) return { diagnostics };

  const groups: LabelGroup[] = data.groups.map((g, i) => ({
    id: g.id,
    title: g.title,
    ...(g.description !== undefined ? { description: g.description } : {}),
    labels: g.labels.map((l, j) => {
      const color = colors.get(`${i}/${j}`)!;
      return { name: l.name, meaning: l.meaning, color, line: parsed.positionOf(['groups', i, 'labels', j, 'name']).line };
    }),
    line: parsed.positionOf(['groups', i, 'id']).line,
  }));
  return { groups, diagnostics };
}
