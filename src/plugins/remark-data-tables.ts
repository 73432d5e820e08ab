/**
 * Reference tables generated from data, so they cannot drift from it:
 * `::labels` (optionally `{group="type"}`) renders the tracker's labels from data/labels.yaml;
 * `::versions-table{status="supported"|"end-of-life"}` and `::versions-chart` render the
 * release cycle from data/release-cycle.json, as of the build date.
 */
import { h, s } from 'hastscript';
import type { Element } from 'hast';
import type { Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { visit } from '../lib/visit.ts';
import type { VFile } from 'vfile';
import type { LabelGroup } from '../lib/labels.ts';
import type { InvalidData } from './types.ts';
import { STATUSES, type Release } from '../lib/release-cycle.ts';
import { versionLabels, versionsChart } from '../lib/release-cycle/chart.ts';
import { DEVELOPMENT_MONTHS } from '../lib/release-cycle/phases.ts';
import { versionsTableRows } from '../lib/release-cycle/table.ts';
import { report } from '../lib/report.ts';
import type { DirectiveDescriptor } from './types.ts';
import { slug } from 'github-slugger';

export interface Options {
  labels?: LabelGroup[];
  releases?: Release[];
  /** The build date, `YYYY-MM-DD` (injectable so output is reproducible). */
  today?: string;
  /** Data files that exist but have errors (reported for the file): their directives render nothing. */
  invalid?: ReadonlyArray<InvalidData>;
}

/** Marks a directive as handled and renders nothing in its place. */
function renderNothing(node: LeafDirective): void {
  node.data = { hName: 'div', hProperties: { hidden: true }, hChildren: [] };
}

const STATUS_TEXT: Record<string, string> = {
  feature: 'in development',
  prerelease: 'pre-release',
  bugfix: 'bug fixes',
  security: 'security fixes only',
  'end-of-life': 'end of life',
};

/** The labels reference; each group's heading is one level below the heading the directive sits under. */
function labelsTable(groups: LabelGroup[], headingDepth: number): Element {
  return h(
    'div',
    { className: ['labels-reference'] },
    groups.flatMap((group) => [
      h(`h${headingDepth}`, { id: `labels-${group.id}` }, group.title),
      ...(group.description ? [h('p', group.description)] : []),
      h('table', { className: ['labels-table'] }, [
        h('thead', h('tr', [h('th', { scope: 'col' }, 'Label'), h('th', { scope: 'col' }, 'Meaning')])),
        h(
          'tbody',
          group.labels.map((label) =>
            h('tr', { id: `label-${slug(label.name)}` }, [
              // The swatch is an SVG fill, not a style attribute, so the page needs no inline styles.
              h('td', h('span', { className: ['label-swatch'] }, [
                s('svg', { viewBox: '0 0 12 12', width: 12, height: 12, ariaHidden: 'true', focusable: 'false' }, [s('circle', { cx: 6, cy: 6, r: 5.5, fill: label.color })]),
                label.name,
              ])),
              h('td', label.meaning),
            ]),
          ),
        ),
      ]),
    ]),
  );
}

function versionsTable(releases: Release[], which: 'supported' | 'end-of-life', today: Date): Element {
  const rows = versionsTableRows(releases, which, today);
  return h('table', { className: ['versions-table', `versions-${which}`] }, [
    h('thead', h('tr', ['Version', 'Branch', 'Status', 'First release', 'End of life', 'Release manager', 'PEP'].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      rows.map((r) =>
        h('tr', { id: `version-${r.version}` }, [
          h('th', { scope: 'row' }, r.version),
          h('td', h('code', r.branch)),
          h('td', h('span', { className: ['status', `status-${r.status}`] }, STATUS_TEXT[r.status] ?? r.status)),
          h('td', { className: [r.firstIsFuture ? 'date-future' : 'date-past'] }, [h('span', { className: ['date'] }, r.firstRelease), r.firstIsFuture ? ' (planned)' : '']),
          h('td', { className: [r.endIsFuture ? 'date-future' : 'date-past'] }, [h('span', { className: ['date'] }, r.endOfLife), r.endIsFuture ? ' (planned)' : '']),
          h('td', r.releaseManager),
          h('td', { className: ['pep'] }, h('a', { href: `https://peps.python.org/pep-${String(r.pep).padStart(4, '0')}/` }, `PEP ${r.pep}`)),
        ]),
      ),
    ),
  ]);
}

/** The versions chart, scrolling sideways on narrow screens, with its legend and caption. */
function versionsFigure(releases: Release[], today: Date): Element {
  return h('figure', { className: ['versions-chart'] }, [
    h('div', { className: ['chart-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Release timeline (scrolls sideways on narrow screens)' }, [
      h('div', { className: ['chart-frame'] }, [versionsChart(releases, { today }), versionLabels(releases, { today })]),
    ]),
    h('ul', { className: ['chart-legend'], ariaLabel: 'Phases' }, STATUSES.map((phase) => h('li', [h('span', { className: ['swatch', `phase-${phase}`], ariaHidden: 'true' }), STATUS_TEXT[phase]]))),
    h(
      'figcaption',
      `Each bar runs from a version's first release to its end of life; a version not yet released also shows its development, which starts ${DEVELOPMENT_MONTHS} months before its first release. The vertical line marks ${today.toISOString().slice(0, 10)}. The tables on this page give the same dates as text.`,
    ),
  ]);
}

/** remark plugin: renders the data-driven reference tables and the versions chart. */
export default function remarkDataTables(options: Options = {}) {
  return (tree: Root, file: VFile) => {
    const today = new Date(`${options.today ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    // The depth of the last heading before each directive (the page title counts as 1).
    const depthAbove = new Map<LeafDirective, number>();
    let depth = 1;
    visit(tree, (node) => {
      if (node.type === 'heading') depth = node.depth;
      else if (node.type === 'leafDirective') depthAbove.set(node, depth);
    });
    visit(tree, 'leafDirective', (node: LeafDirective) => {
      if (node.name === 'labels') {
        if (!options.labels) {
          if (!options.invalid?.includes('labels')) report(file, 'invalid-directive', node, '"::labels" needs data/labels.yaml, which this site does not have.', 'Create data/labels.yaml in the content folder, or remove the directive.');
          renderNothing(node);
          return;
        }
        const group = node.attributes?.group;
        const groups = group ? options.labels.filter((g) => g.id === group) : options.labels;
        if (group && !groups.length) {
          report(file, 'invalid-directive', node, `"::labels{group="${group}"}" names no group of data/labels.yaml.`, `Groups: ${options.labels.map((g) => g.id).join(', ')}.`);
          renderNothing(node);
          return;
        }
        node.data = { hName: 'div', hChildren: [labelsTable(groups, Math.min(6, (depthAbove.get(node) ?? 1) + 1))] };
      } else if (node.name === 'versions-table' || node.name === 'versions-chart') {
        if (!options.releases) {
          if (!options.invalid?.includes('releases')) report(file, 'invalid-directive', node, `"::${node.name}" needs data/release-cycle.json, which this site does not have.`, 'Create data/release-cycle.json in the content folder, or remove the directive.');
          renderNothing(node);
          return;
        }
        if (node.name === 'versions-chart') {
          const figure = versionsFigure(options.releases, today);
          node.data = { hName: figure.tagName, hProperties: figure.properties, hChildren: figure.children };
          return;
        }
        const status = node.attributes?.status ?? 'supported';
        if (status !== 'supported' && status !== 'end-of-life') {
          report(file, 'invalid-directive', node, `"::versions-table" takes status="supported" or status="end-of-life", not "${status}".`, 'Use one of the two.');
          renderNothing(node);
          return;
        }
        node.data = { hName: 'div', hProperties: { className: ['table-wrap'] }, hChildren: [versionsTable(options.releases, status, today)] };
      }
    });
  };
}

/** The directives this plugin handles (src/plugins/types.ts). */
export const directives: DirectiveDescriptor[] = [
  { name: 'labels', form: '::labels', reads: ['labels'] },
  { name: 'versions-table', form: '::versions-table{status="supported"}', reads: ['releases', 'today'] },
  { name: 'versions-chart', form: '::versions-chart', reads: ['releases', 'today'] },
];
