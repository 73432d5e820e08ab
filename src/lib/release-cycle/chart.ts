/**
 * The release cycle as an accessible SVG timeline (`::versions-chart`): where everything goes
 * (`chartLayout`), then the drawing itself as a hast tree (`versionsChart`), so it joins the page
 * as elements rather than as HTML text parsed back.
 */
import type { Element } from 'hast';
import { s } from 'hastscript';
import { STATUSES, type Release, type Status } from '../release-cycle.ts';
import { isoDate, toDate } from './dates.ts';
import { releasePhases, type Phase } from './phases.ts';

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
export function versionsChart(releases: readonly Release[], options: ChartOptions): Element {
  const layout = chartLayout(releases, options);
  const { width, height, rowHeight, labelWidth, top } = layout;
  const id = options.idPrefix ?? 'versions-chart';
  const bottom = top + releases.length * rowHeight;
  const gap = Math.max(1, Math.round(rowHeight * 0.15));
  // Gridlines on every Jan 1; labels centred in each year, thinned out when years are narrow.
  const yearWidth = layout.years.length > 1 ? layout.years[1]!.x - layout.years[0]!.x : width;
  const step = Math.max(1, Math.ceil(36 / yearWidth));
  const todayShown = layout.todayX >= labelWidth && layout.todayX <= width;
  const todayLabelX = Math.min(Math.max(layout.todayX, labelWidth + 20), width - 20);
  return s('svg', { xmlns: 'http://www.w3.org/2000/svg', className: ['chart'], role: 'img', ariaLabelledBy: [`${id}-title`, `${id}-desc`], viewBox: `0 0 ${n(width)} ${n(height)}` }, [
    s('title', { id: `${id}-title` }, 'Python release cycle'),
    s('desc', { id: `${id}-desc` }, chartSummary(releases, options.today)),
    s('g', { className: ['grid'] }, layout.years.map(({ x }) => s('line', { className: ['grid'], x1: n(x), x2: n(x), y1: n(top), y2: n(bottom) }))),
    s(
      'g',
      { className: ['years'] },
      layout.years
        .slice(0, -1)
        .filter((_, i) => i % step === 0)
        .map(({ year, x }) => s('text', { className: ['label'], x: n(x + yearWidth / 2), y: n(bottom + 16), textAnchor: 'middle' }, String(year))),
    ),
    ...layout.bars.map((bar) =>
      s('g', { className: ['bar'], dataVersion: bar.version, dataStatus: bar.status }, [
        s('text', { className: ['label'], x: n(labelWidth - 8), y: n(bar.y + rowHeight / 2), textAnchor: 'end', dominantBaseline: 'central' }, bar.version),
        ...bar.segments.map((segment) =>
          s('rect', { className: [`phase-${segment.phase}`], x: n(segment.x1), y: n(bar.y + gap), width: n(Math.max(0, segment.x2 - segment.x1)), height: n(rowHeight - 2 * gap) }, [
            s('title', `${bar.version} ${segment.phase}: ${segment.from} to ${segment.to}`),
          ]),
        ),
      ]),
    ),
    ...(todayShown
      ? [
          s('line', { className: ['today'], x1: n(layout.todayX), x2: n(layout.todayX), y1: n(top - 4), y2: n(bottom) }),
          s('text', { className: ['label', 'today-label'], x: n(todayLabelX), y: n(top - 8), textAnchor: 'middle' }, 'Today'),
        ]
      : []),
  ]);
}

/**
 * The version labels again, as a narrow SVG of their own drawn over the chart's label column
 * (`aria-hidden`: the chart already has them). The page keeps it in view while the chart scrolls
 * sideways, so a bar is never without its version. Its width is the label column's share of the
 * chart's, so at any size the two line up.
 */
export function versionLabels(releases: readonly Release[], options: ChartOptions): Element {
  const { width, height, rowHeight, labelWidth, top, bars } = chartLayout(releases, options);
  return s('svg', { xmlns: 'http://www.w3.org/2000/svg', className: ['chart-labels'], ariaHidden: 'true', focusable: 'false', viewBox: `0 0 ${n(labelWidth)} ${n(height)}`, width: `${n((labelWidth / width) * 100)}%` }, [
    // Bars pass under the labels' rows; the years' row below stays uncovered.
    s('rect', { className: ['labels-background'], width: n(labelWidth), height: n(top + bars.length * rowHeight) }),
    ...bars.map((bar) => s('text', { className: ['label'], x: n(labelWidth - 8), y: n(bar.y + rowHeight / 2), textAnchor: 'end', dominantBaseline: 'central' }, bar.version)),
  ]);
}
