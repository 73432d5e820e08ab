/**
 * The release cycle: release-cycle.json (one entry per Python version, in the shape CPython's own
 * devguide publishes) read and validated, then turned into table rows and an accessible SVG chart.
 * Everything here is pure except `loadReleaseCycle`, which reads the file.
 *
 * Dates are calendar dates without a time zone; they are handled as UTC midnight throughout so the
 * output does not depend on the machine's zone. A `YYYY-MM` date means the first of that month.
 */
import { existsSync } from 'node:fs';
import { diagnostic, suggestion, type Diagnostic, type Position } from './diagnostics.ts';
import { readText } from './content.ts';
import { parseYaml } from './yaml.ts';

export const STATUSES = ['feature', 'prerelease', 'bugfix', 'security', 'end-of-life'] as const;
export type Status = (typeof STATUSES)[number];

export type Phase = 'prerelease' | 'bugfix' | 'security' | 'end-of-life' | 'feature';

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

/** The fields of one version's entry, in the order the file writes them. */
const FIELDS = ['branch', 'pep', 'status', 'first_release', 'end_of_life', 'release_manager'] as const;
type Field = (typeof FIELDS)[number];

const DATE_HINT = 'Write the date as "YYYY-MM-DD", or "YYYY-MM" when only the month is known, e.g. "2025-10-07".';

// ---------------------------------------------------------------------------------------------
// Dates

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses `YYYY-MM-DD` or `YYYY-MM` (the first of that month) to UTC midnight. Returns a reason
 * instead when the text is not a date or names a day that does not exist.
 */
export function parseDate(text: string): { date?: Date; problem?: string } {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!m) return { problem: 'is not a date in the form YYYY-MM-DD or YYYY-MM' };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return { problem: `has month ${m[2]}, but months run from 01 to 12` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return { problem: `is not a real date: ${MONTH_NAMES[month - 1]} ${year} has ${last} days` };
  return { date: new Date(Date.UTC(year, month - 1, day)) };
}

function toDate(text: string): Date {
  const { date, problem } = parseDate(text);
  if (!date) throw new Error(`"${text}" ${problem}.`);
  return date;
}

/** `date` plus `months` calendar months, clamped to the end of the month (Aug 31 + 6 → Feb 28/29). */
function addMonths(date: Date, months: number): Date {
  const total = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month + 1));
  return new Date(Date.UTC(year, month, day));
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Dates are shown as written (ISO `YYYY-MM-DD`, or `YYYY-MM` where only the month is known). */
export function formatDate(s: string): string {
  return s;
}

// ---------------------------------------------------------------------------------------------
// Versions

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

// ---------------------------------------------------------------------------------------------
// Loading

/**
 * Reads and validates release-cycle.json. A missing file is no data (the pages that need it are
 * then omitted). Every problem in the file is reported at once, each at the value that is wrong.
 * JSON is read with the YAML parser, which keeps positions.
 */
export function loadReleaseCycle(file: string): { releases?: Release[]; diagnostics: Diagnostic[] } {
  if (!existsSync(file)) return { diagnostics: [] };
  const read = readText(file);
  if (read.diagnostic) return { diagnostics: [read.diagnostic] };
  const parsed = parseYaml(read.text!, file, { code: 'invalid-release-cycle' });
  if (parsed.diagnostics.length) return { diagnostics: parsed.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const problem = (position: Position, message: string, hint: string): void => {
    diagnostics.push(diagnostic('invalid-release-cycle', file, position, message, hint));
  };
  const root = parsed.value;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    problem(parsed.positionOf([]), 'The file must be a JSON object with one entry per version, like {"3.14": {...}}.', 'Wrap the entries in { } and key each one by its version number.');
    return { diagnostics };
  }
  const releases: Release[] = [];
  for (const [version, entry] of Object.entries(root as Record<string, unknown>)) {
    const at = (field: Field): Position => parsed.positionOf([version, field]);
    if (!/^\d+\.\d+$/.test(version)) {
      problem(parsed.keyPositionOf([version]), `"${version}" is not a version number.`, 'Key each entry by its major.minor version, e.g. "3.14".');
    }
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problem(parsed.positionOf([version]), `The entry for ${version} must be an object with the fields ${FIELDS.join(', ')}.`, `Write {"branch": …, "pep": …, "status": …, "first_release": …, "end_of_life": …, "release_manager": …}.`);
      continue;
    }
    const e = entry as Record<string, unknown>;
    let ok = true;
    for (const key of Object.keys(e)) {
      if ((FIELDS as readonly string[]).includes(key)) continue;
      ok = false;
      const near = suggestion(key, FIELDS, 'field');
      problem(parsed.keyPositionOf([version, key]), `Unknown field "${key}" in the entry for ${version}.`, near.startsWith('did') ? near : `Remove it; the fields are: ${FIELDS.join(', ')}.`);
    }
    for (const field of FIELDS) {
      if (!(field in e)) {
        ok = false;
        problem(parsed.positionOf([version]), `The entry for ${version} has no "${field}".`, `Add "${field}": ${fieldExample(field)}.`);
      }
    }
    const text = (field: Field): string | undefined => {
      const v = e[field];
      if (v === undefined) return undefined;
      if (typeof v === 'string' && v.trim()) return v;
      ok = false;
      problem(at(field), `"${field}" of ${version} must be a non-empty string, not ${JSON.stringify(v)}.`, `Write a quoted string, e.g. "${field}": ${fieldExample(field)}.`);
      return undefined;
    };
    const branch = text('branch');
    const releaseManager = text('release_manager');
    const pep = e.pep;
    if (pep !== undefined && !(typeof pep === 'number' && Number.isInteger(pep) && pep > 0)) {
      ok = false;
      problem(at('pep'), `"pep" of ${version} must be a PEP number, not ${JSON.stringify(pep)}.`, 'Write the number of the version\'s release schedule PEP without quotes, e.g. "pep": 745.');
    }
    const status = text('status');
    if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
      ok = false;
      const near = suggestion(status, STATUSES, 'status');
      problem(at('status'), `"${status}" (the status of ${version}) is not a known status.`, near.startsWith('did') ? near : `Use one of ${STATUSES.map((s) => `"${s}"`).join(', ')}.`);
    }
    const dates: Partial<Record<Field, Date>> = {};
    for (const field of ['first_release', 'end_of_life'] as const) {
      const value = text(field);
      if (value === undefined) continue;
      const { date, problem: why } = parseDate(value);
      if (date) dates[field] = date;
      else {
        ok = false;
        problem(at(field), `"${field}" of ${version} is "${value}", which ${why}.`, DATE_HINT);
      }
    }
    if (dates.first_release && dates.end_of_life && dates.end_of_life <= dates.first_release) {
      ok = false;
      problem(at('end_of_life'), `The end of life of ${version} (${String(e.end_of_life)}) is not after its first release (${String(e.first_release)}).`, 'Check the two dates: end_of_life must come after first_release; they may be swapped or mistyped.');
    }
    if (!ok) continue;
    releases.push({
      version,
      branch: branch!,
      pep: pep as number,
      status: status as Status,
      firstRelease: e.first_release as string,
      endOfLife: e.end_of_life as string,
      releaseManager: releaseManager!,
      line: parsed.positionOf([version]).line,
    });
  }
  if (diagnostics.length) return { diagnostics };
  releases.sort((a, b) => compareVersions(b.version, a.version));
  return { releases, diagnostics };
}

function fieldExample(field: Field): string {
  switch (field) {
    case 'branch':
      return '"3.14"';
    case 'pep':
      return '745';
    case 'status':
      return STATUSES.map((s) => `"${s}"`).join(' | ');
    case 'first_release':
      return '"2025-10-07"';
    case 'end_of_life':
      return '"2030-10"';
    case 'release_manager':
      return '"Hugo van Kemenade"';
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface VersionRow {
  version: string;
  branch: string;
  status: Status;
  firstRelease: string;
  endOfLife: string;
  releaseManager: string;
  pep: number;
  /** The first release is after `today`: the version is not out yet. */
  firstIsFuture: boolean;
  /** The end-of-life date is after `today` (styled apart from dates already passed). */
  endIsFuture: boolean;
}

/** Rows of the supported or the end-of-life table, in the order given (newest first when loaded). */
export function versionsTableRows(releases: readonly Release[], which: 'supported' | 'end-of-life', today: Date): VersionRow[] {
  return releases
    .filter((r) => (which === 'supported' ? isSupported(r) : !isSupported(r)))
    .map((r) => ({
      version: r.version,
      branch: r.branch,
      status: r.status,
      firstRelease: formatDate(r.firstRelease),
      endOfLife: formatDate(r.endOfLife),
      releaseManager: r.releaseManager,
      pep: r.pep,
      firstIsFuture: toDate(r.firstRelease).getTime() > today.getTime(),
      endIsFuture: toDate(r.endOfLife).getTime() > today.getTime(),
    }));
}

// ---------------------------------------------------------------------------------------------
// Chart geometry

export interface ChartOptions {
  /** The date the "Today" line marks; pass it in so output is reproducible. */
  today: Date;
  /** Width of the drawing in SVG units (the viewBox); default 760, about the content column's width, so text is drawn near its real size. */
  width?: number;
  /** Height of one version's row; default 22. */
  rowHeight?: number;
  /** Space left of the time axis for version labels; default 56. */
  labelWidth?: number;
  /** Prefix of the `<title>` and `<desc>` ids; change it when a page shows two charts. */
  idPrefix?: string;
}

export interface ChartSegment {
  phase: Phase;
  x1: number;
  x2: number;
  /** The segment's dates, as written in the file where they come from it. */
  from: string;
  to: string;
}

export interface ChartBar {
  version: string;
  status: Status;
  /** Top of the version's row. */
  y: number;
  x1: number;
  x2: number;
  segments: ChartSegment[];
}

export interface ChartLayout {
  width: number;
  height: number;
  rowHeight: number;
  labelWidth: number;
  /** Top of the first row (room above it for the "Today" label). */
  top: number;
  /** Jan 1 of the year the earliest bar starts (a first release, or a development start). */
  start: Date;
  /** Jan 1 of the year after the latest end of life. */
  end: Date;
  x(date: Date): number;
  todayX: number;
  bars: ChartBar[];
  /** One gridline per Jan 1 from `start` to `end`. */
  years: Array<{ year: number; x: number }>;
}

const CHART_TOP = 24;
const CHART_BOTTOM = 24;

/**
 * How long a version gets bug fixes, in months after its first release. PEP 602 (annual
 * releases) gave each version about 18 months of bug fixes and then security fixes until five
 * years after release; the 2024 amendment to PEP 602 extended bug fixes to two years from 3.13
 * on. The chart uses exactly this rule — 24 months from 3.13, 18 months before — rather than each
 * version's actual last bugfix release, which release-cycle.json does not record. For versions
 * before 3.9 (which predate PEP 602) the split is approximate, but those are end-of-life and
 * drawn as one segment anyway.
 */
export function bugfixMonths(version: string): number {
  return compareVersions(version, '3.13') >= 0 ? 24 : 18;
}

/** PEP 602: a feature release is developed for 17 months before its first release. */
export const DEVELOPMENT_MONTHS = 17;

/**
 * The phases of one version's bar. A version at end of life is one `end-of-life` segment. A
 * bugfix or security version is bugfix from its first release for `bugfixMonths`, then security
 * until its end of life. A version not yet released (feature or prerelease) starts with its
 * development, `DEVELOPMENT_MONTHS` before the first release, in its status's colour, followed by
 * the bugfix and security phases it is planned to have.
 */
export function releasePhases(r: Release): Array<{ phase: Phase; from: Date; to: Date; fromText: string; toText: string }> {
  const first = toDate(r.firstRelease);
  const eol = toDate(r.endOfLife);
  if (r.status === 'end-of-life') {
    return [{ phase: r.status, from: first, to: eol, fromText: r.firstRelease, toText: r.endOfLife }];
  }
  const development =
    r.status === 'feature' || r.status === 'prerelease' ? [{ phase: r.status, from: addMonths(first, -DEVELOPMENT_MONTHS), to: first, fromText: isoDate(addMonths(first, -DEVELOPMENT_MONTHS)), toText: r.firstRelease }] : [];
  const split = addMonths(first, bugfixMonths(r.version));
  if (split >= eol) return [...development, { phase: 'bugfix', from: first, to: eol, fromText: r.firstRelease, toText: r.endOfLife }];
  return [
    ...development,
    { phase: 'bugfix', from: first, to: split, fromText: r.firstRelease, toText: isoDate(split) },
    { phase: 'security', from: split, to: eol, fromText: isoDate(split), toText: r.endOfLife },
  ];
}

/** Where everything in the chart goes. One bar per version, in the order given (newest on top). */
export function chartLayout(releases: readonly Release[], options: ChartOptions): ChartLayout {
  const width = options.width ?? 760;
  const rowHeight = options.rowHeight ?? 22;
  const labelWidth = options.labelWidth ?? 56;
  const firstYears = releases.map((r) => releasePhases(r)[0]!.from.getUTCFullYear());
  const lastYears = releases.map((r) => toDate(r.endOfLife).getUTCFullYear());
  const todayYear = options.today.getUTCFullYear();
  const startYear = firstYears.length ? Math.min(...firstYears) : todayYear;
  const endYear = (lastYears.length ? Math.max(...lastYears) : todayYear) + 1;
  const start = new Date(Date.UTC(startYear, 0, 1));
  const end = new Date(Date.UTC(endYear, 0, 1));
  const span = end.getTime() - start.getTime();
  const x = (date: Date): number => labelWidth + ((date.getTime() - start.getTime()) / span) * (width - labelWidth);
  const bars: ChartBar[] = releases.map((r, i) => {
    const segments = releasePhases(r).map((p) => ({ phase: p.phase, x1: x(p.from), x2: x(p.to), from: p.fromText, to: p.toText }));
    return { version: r.version, status: r.status, y: CHART_TOP + i * rowHeight, x1: segments[0]!.x1, x2: segments.at(-1)!.x2, segments };
  });
  const years: Array<{ year: number; x: number }> = [];
  for (let year = startYear; year <= endYear; year++) years.push({ year, x: x(new Date(Date.UTC(year, 0, 1))) });
  return {
    width,
    height: CHART_TOP + releases.length * rowHeight + CHART_BOTTOM,
    rowHeight,
    labelWidth,
    top: CHART_TOP,
    start,
    end,
    x,
    todayX: x(options.today),
    bars,
    years,
  };
}

// ---------------------------------------------------------------------------------------------
// Chart SVG

const STATUS_PHRASES: Record<Status, string> = {
  feature: 'in feature development',
  prerelease: 'in prerelease',
  bugfix: 'in bugfix',
  security: 'in security',
  'end-of-life': 'at end of life',
};

/** One sentence: how many versions are in each status, as of `today`. */
export function chartSummary(releases: readonly Release[], today: Date): string {
  const parts: string[] = [];
  for (const status of STATUSES) {
    const n = releases.filter((r) => r.status === status).length;
    if (!n) continue;
    parts.push(parts.length ? `${n} ${STATUS_PHRASES[status]}` : `${n} version${n === 1 ? '' : 's'} ${STATUS_PHRASES[status]}`);
  }
  if (!parts.length) return `No versions, as of ${isoDate(today)}.`;
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!;
  return `${list}, as of ${isoDate(today)}.`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Numbers rounded to 2 decimals, so output is compact and stable. */
function n(value: number): string {
  const r = Math.round(value * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/**
 * The release cycle as an accessible SVG: a `<title>` and a one-sentence `<desc>`, year
 * gridlines, one `<g class="bar">` per version with a `<rect>` per phase (each with a tooltip
 * `<title>`), and a "Today" line. Colours come only from classes (`phase-*`, `today`, `grid`,
 * `label`), so the page's stylesheet themes the chart for light and dark.
 */
export function versionsChartSvg(releases: readonly Release[], options: ChartOptions): string {
  const layout = chartLayout(releases, options);
  const { width, height, rowHeight, labelWidth, top } = layout;
  const id = options.idPrefix ?? 'versions-chart';
  const bottom = top + releases.length * rowHeight;
  const gap = Math.max(1, Math.round(rowHeight * 0.15));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${escapeXml(`${id}-title ${id}-desc`)}" viewBox="0 0 ${n(width)} ${n(height)}">`);
  out.push(`<title id="${escapeXml(id)}-title">Python release cycle</title>`);
  out.push(`<desc id="${escapeXml(id)}-desc">${escapeXml(chartSummary(releases, options.today))}</desc>`);
  // Gridlines on every Jan 1; labels centred in each year, thinned out when years are narrow.
  const yearWidth = layout.years.length > 1 ? layout.years[1]!.x - layout.years[0]!.x : width;
  const step = Math.max(1, Math.ceil(36 / yearWidth));
  out.push('<g class="grid">');
  for (const { x } of layout.years) out.push(`<line class="grid" x1="${n(x)}" x2="${n(x)}" y1="${n(top)}" y2="${n(bottom)}"/>`);
  out.push('</g>');
  out.push('<g class="years">');
  layout.years.slice(0, -1).forEach(({ year, x }, i) => {
    if (i % step) return;
    out.push(`<text class="label" x="${n(x + yearWidth / 2)}" y="${n(bottom + 16)}" text-anchor="middle">${year}</text>`);
  });
  out.push('</g>');
  for (const bar of layout.bars) {
    out.push(`<g class="bar" data-version="${escapeXml(bar.version)}" data-status="${escapeXml(bar.status)}">`);
    out.push(`<text class="label" x="${n(labelWidth - 8)}" y="${n(bar.y + rowHeight / 2)}" text-anchor="end" dominant-baseline="central">${escapeXml(bar.version)}</text>`);
    for (const s of bar.segments) {
      out.push(
        `<rect class="phase-${s.phase}" x="${n(s.x1)}" y="${n(bar.y + gap)}" width="${n(Math.max(0, s.x2 - s.x1))}" height="${n(rowHeight - 2 * gap)}">` +
          `<title>${escapeXml(`${bar.version} ${s.phase}: ${s.from} to ${s.to}`)}</title></rect>`,
      );
    }
    out.push('</g>');
  }
  if (layout.todayX >= labelWidth && layout.todayX <= width) {
    const labelX = Math.min(Math.max(layout.todayX, labelWidth + 20), width - 20);
    out.push(`<line class="today" x1="${n(layout.todayX)}" x2="${n(layout.todayX)}" y1="${n(top - 4)}" y2="${n(bottom)}"/>`);
    out.push(`<text class="label today-label" x="${n(labelX)}" y="${n(top - 8)}" text-anchor="middle">Today</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}
