/**
 * The release cycle: data/release-cycle.json (one entry per Python version, in the shape CPython's
 * own devguide publishes), its schema and its loader. What is made from it lives in
 * release-cycle/: the phases of a version's life, the versions tables' rows and the SVG chart.
 */
import { z } from 'astro/zod';
import type { Diagnostic } from './diagnostics.ts';
import { loadDataFile } from './data/load.ts';
import { parseDate } from './release-cycle/dates.ts';

export const STATUSES = ['feature', 'prerelease', 'bugfix', 'security', 'end-of-life'] as const;
export type Status = (typeof STATUSES)[number];

export interface Release {
  version: string;
  branch: string;
  pep: number;
  status: Status;
  /** `YYYY-MM-DD` or `YYYY-MM`, as written in the file. */
  firstRelease: string;
  /** `YYYY-MM-DD` or `YYYY-MM`, as written in the file. */
  endOfLife: string;
  releaseManager: string;
  /** Line of the version's entry in the file. */
  line: number;
}

/** A non-empty string, such as a branch name. */
const text = (example: string) =>
  z.string().refine((s) => s.trim() !== '', { error: 'must not be empty', params: { hint: `Write it in quotes, e.g. ${example}.` } });

/** `YYYY-MM-DD`, or `YYYY-MM` when only the month is known; a day that does not exist is refused. */
const date = z.string().refine((s) => parseDate(s).date !== undefined, {
  error: (issue) => `is "${String(issue.input)}", which ${parseDate(String(issue.input)).problem}`,
  params: { hint: 'Write the date as "YYYY-MM-DD", or "YYYY-MM" when only the month is known, e.g. "2025-10-07".' },
});

const entrySchema = z
  .strictObject({
    /** The version's branch in the repository, e.g. "3.14" or "main". */
    branch: text('"3.14"'),
    /** The number of the version's release schedule PEP. */
    pep: z.number().refine((n) => Number.isInteger(n) && n > 0, { error: 'must be a PEP number', params: { hint: 'Write the number of the version\'s release schedule PEP without quotes, e.g. "pep": 745.' } }),
    status: z.enum(STATUSES),
    first_release: date,
    end_of_life: date,
    release_manager: text('"Hugo van Kemenade"'),
  })
  .refine((e) => !endsBeforeFirstRelease(e), {
    path: ['end_of_life'],
    // Checked even when another field is wrong, so every problem is reported in one run.
    when: ({ value }) => typeof value === 'object' && value !== null,
    error: (issue) => {
      const e = issue.input as { first_release: string; end_of_life: string };
      return `(${e.end_of_life}) is not after the first release (${e.first_release})`;
    },
    params: { hint: 'Check the two dates: end_of_life must come after first_release; they may be swapped or mistyped.' },
  });

function endsBeforeFirstRelease(e: { first_release?: unknown; end_of_life?: unknown }): boolean {
  const first = typeof e.first_release === 'string' ? parseDate(e.first_release).date : undefined;
  const end = typeof e.end_of_life === 'string' ? parseDate(e.end_of_life).date : undefined;
  return first !== undefined && end !== undefined && end <= first;
}

/** release-cycle.json: version ("3.14") → its entry. */
export const releaseCycleSchema = z.record(
  z.string().refine((v) => /^\d+\.\d+$/.test(v), { error: 'is not a version number', params: { hint: 'Key each entry by its major.minor version, e.g. "3.14".' } }),
  entrySchema,
);

/** Numeric comparison of dotted versions: "3.10" is newer than "3.9". Negative when a is older. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** A version still receives fixes of some kind (or is yet to be released). */
export function isSupported(r: Pick<Release, 'status'>): boolean {
  return r.status !== 'end-of-life';
}

/**
 * Reads and validates release-cycle.json, newest version first. A missing file is no data (the
 * pages that need it are then omitted); every problem in the file is reported at once, each at
 * the value that is wrong.
 */
export function loadReleaseCycle(file: string): { releases?: Release[]; diagnostics: Diagnostic[] } {
  const { value, diagnostics, parsed } = loadDataFile(file, releaseCycleSchema, 'invalid-release-cycle', {
    syntaxCode: 'invalid-release-cycle',
    name: ([version, field]) => (field !== undefined ? `"${String(field)}" of ${String(version)}` : version !== undefined ? `the entry for ${String(version)}` : undefined),
  });
  if (!value || !parsed) return { diagnostics };
  const releases = Object.entries(value).map(([version, e]) => ({
    version,
    branch: e.branch,
    pep: e.pep,
    status: e.status,
    firstRelease: e.first_release,
    endOfLife: e.end_of_life,
    releaseManager: e.release_manager,
    line: parsed.positionOf([version]).line,
  }));
  return { releases: releases.sort((a, b) => compareVersions(b.version, a.version)), diagnostics };
}
