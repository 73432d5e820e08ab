import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { isSupported, loadReleaseCycle, type Release, type Status } from '../../src/lib/release-cycle.ts';
import { chartLayout, versionsChart } from '../../src/lib/release-cycle/chart.ts';
import { versionsTableRows } from '../../src/lib/release-cycle/table.ts';

const bundled = path.join(import.meta.dirname, '../../content/data/release-cycle.json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'devguide-release-cycle-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let fixtures = 0;
/** Writes `data` as pretty JSON: `{` on line 1, then per version its key and six fields, one a line. */
function fixture(data: unknown): string {
  const file = path.join(tmp, `release-cycle-${++fixtures}.json`);
  fs.writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return file;
}

const entry = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  branch: '3.14',
  pep: 745,
  status: 'bugfix',
  first_release: '2025-10-07',
  end_of_life: '2030-10',
  release_manager: 'Hugo van Kemenade',
  ...over,
});
// In a one-version fixture: "3.14" is line 2, then branch 3, pep 4, status 5, first_release 6,
// end_of_life 7, release_manager 8.
const LINE = { status: 5, first_release: 6, end_of_life: 7 };

const release = (version: string, status: Status, firstRelease: string, endOfLife: string): Release => ({
  version,
  branch: version,
  pep: 1,
  status,
  firstRelease,
  endOfLife,
  releaseManager: 'Someone',
  line: 0,
});

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

describe('loadReleaseCycle', () => {
  it('loads the bundled release-cycle.json with no diagnostics, newest version first', () => {
    const { releases, diagnostics } = loadReleaseCycle(bundled);
    expect(diagnostics).toEqual([]);
    const versions = releases!.map((r) => r.version);
    expect(versions.length).toBeGreaterThan(10);
    expect(versions[0]).toBe('3.16');
    // Numeric, not string, order: 3.10 comes after 3.11 and before 3.9; 3.0 before 2.7.
    expect(versions.indexOf('3.10')).toBe(versions.indexOf('3.11') + 1);
    expect(versions.indexOf('3.9')).toBe(versions.indexOf('3.10') + 1);
    expect(versions.indexOf('2.7')).toBe(versions.indexOf('3.0') + 1);
    const r314 = releases!.find((r) => r.version === '3.14')!;
    expect(r314).toMatchObject({ branch: '3.14', pep: 745, status: 'bugfix', firstRelease: '2025-10-07', endOfLife: '2030-10' });
  });

  it('treats a missing file as no data and no problem', () => {
    expect(loadReleaseCycle(path.join(tmp, 'nope.json'))).toEqual({ diagnostics: [] });
  });

  it('accepts YYYY-MM dates and leap days', () => {
    const { releases, diagnostics } = loadReleaseCycle(fixture({ '3.14': entry({ first_release: '2024-02-29', end_of_life: '2029-02' }) }));
    expect(diagnostics).toEqual([]);
    expect(releases![0]!.line).toBe(2);
  });

  it('reports an unknown status at its line with a did-you-mean', () => {
    const { releases, diagnostics } = loadReleaseCycle(fixture({ '3.14': entry({ status: 'bugfixx' }) }));
    expect(releases).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'invalid-release-cycle', line: LINE.status, hint: 'did you mean "bugfix"?' });
    expect(diagnostics[0]!.message).toContain('"bugfixx"');
  });

  it.each(['2024-13-01', '2024-02-30', 'soon', '2024-2-1'])('reports the unparsable date %s at its line', (bad) => {
    const { diagnostics } = loadReleaseCycle(fixture({ '3.14': entry({ first_release: bad }) }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'invalid-release-cycle', line: LINE.first_release });
    expect(diagnostics[0]!.message).toContain(bad);
    expect(diagnostics[0]!.hint).toMatch(/YYYY-MM-DD/);
  });

  it('reports an end of life before the first release at the end_of_life line', () => {
    const { diagnostics } = loadReleaseCycle(fixture({ '3.14': entry({ first_release: '2025-10-07', end_of_life: '2020-10' }) }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'invalid-release-cycle', line: LINE.end_of_life });
    expect(diagnostics[0]!.hint).toBeTruthy();
  });

  it('reports a missing field and an unknown one, each with a hint', () => {
    const e = entry({ relase_manager: 'x' });
    delete e.release_manager;
    const diagnostics = loadReleaseCycle(fixture({ '3.14': e })).diagnostics.sort((a, b) => a.line - b.line);
    // A missing field points at the entry (line 2); the unknown key is the entry's sixth field (line 8).
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [2, 'The entry for 3.14 has no "release_manager".'],
      [8, 'Unknown field "relase_manager" in the entry for 3.14.'],
    ]);
    expect(diagnostics[1]!.hint).toBe('did you mean "release_manager"?');
    expect(diagnostics.every((d) => d.hint)).toBe(true);
  });

  it('reports every problem in the file in one run', () => {
    const { diagnostics } = loadReleaseCycle(
      fixture({
        '3.14': entry({ status: 'securty' }),
        '3.13': entry({ branch: '3.13', end_of_life: 'soon' }),
        '3.12': entry({ branch: '3.12', pep: '693' }),
      }),
    );
    // 3.14 starts on line 2, 3.13 on line 10, 3.12 on line 18.
    expect(diagnostics.map((d) => d.line)).toEqual([5, 15, 20]);
    expect(diagnostics[0]!.hint).toBe('did you mean "security"?');
  });

  it('reports a JSON syntax error as invalid-release-cycle at its line', () => {
    const { releases, diagnostics } = loadReleaseCycle(fixture('{\n  "3.14": {\n    "branch": "3.14"\n    "pep": 745\n  }\n}\n'));
    expect(releases).toBeUndefined();
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]!.code).toBe('invalid-release-cycle');
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });
});

describe('support and tables', () => {
  const releases = [
    release('3.15', 'feature', '2026-10-01', '2031-10'),
    release('3.14', 'bugfix', '2025-10-07', '2030-10'),
    release('3.10', 'security', '2021-10-04', '2026-10'),
    release('3.9', 'end-of-life', '2020-10-05', '2025-10-31'),
  ];

  it('counts every status but end-of-life as supported', () => {
    expect(releases.filter(isSupported).map((r) => r.version)).toEqual(['3.15', '3.14', '3.10']);
  });

  it('splits table rows into supported and end-of-life and marks end dates still to come', () => {
    const today = utc(2026, 11, 21);
    const supported = versionsTableRows(releases, 'supported', today);
    expect(supported.map((r) => [r.version, r.endIsFuture])).toEqual([['3.15', true], ['3.14', true], ['3.10', false]]);
    expect(supported[1]).toEqual({ version: '3.14', branch: '3.14', status: 'bugfix', firstRelease: '2025-10-07', endOfLife: '2030-10', releaseManager: 'Someone', pep: 1, firstIsFuture: false, endIsFuture: true });
    expect(versionsTableRows(releases, 'end-of-life', today).map((r) => r.version)).toEqual(['3.9']);
  });

  it('marks a first release still to come', () => {
    const rows = versionsTableRows(releases, 'supported', utc(2026, 1, 1));
    expect(rows.map((r) => [r.version, r.firstIsFuture])).toEqual([['3.15', true], ['3.14', false], ['3.10', false]]);
  });
});

describe('chartLayout', () => {
  const releases = [
    release('3.15', 'feature', '2026-10-01', '2030-12'),
    release('3.14', 'bugfix', '2025-10-07', '2030-10'),
    release('3.13', 'bugfix', '2024-10-07', '2029-10'),
    release('3.12', 'security', '2023-10-02', '2028-10'),
    release('3.9', 'end-of-life', '2020-10-05', '2025-10-31'),
  ];
  const today = utc(2026, 1, 1);
  const layout = chartLayout(releases, { today, width: 1000, labelWidth: 100, rowHeight: 20 });

  it('spans Jan 1 of the first release year to Jan 1 after the last end of life', () => {
    expect(layout.start).toEqual(utc(2020, 1, 1));
    expect(layout.end).toEqual(utc(2031, 1, 1));
    expect(layout.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031]);
  });

  it('maps the start to labelWidth, the end to width, and halfway to halfway', () => {
    expect(layout.x(layout.start)).toBe(100);
    expect(layout.x(layout.end)).toBe(1000);
    const mid = new Date((layout.start.getTime() + layout.end.getTime()) / 2);
    expect(layout.x(mid)).toBeCloseTo(550, 9);
  });

  it('puts the today line at today\'s date', () => {
    // 2020-01-01 to 2026-01-01 is 2192 days of the 4018 between 2020-01-01 and 2031-01-01.
    expect(layout.todayX).toBeCloseTo(100 + (900 * 2192) / 4018, 9);
    expect(chartLayout(releases, { today: utc(2020, 1, 1), width: 1000, labelWidth: 100 }).todayX).toBe(100);
  });

  it('draws one bar per version, newest on top, from first release to end of life', () => {
    expect(layout.bars.map((b) => b.version)).toEqual(['3.15', '3.14', '3.13', '3.12', '3.9']);
    const ys = layout.bars.map((b) => b.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(ys[1]! - ys[0]!).toBe(20);
    const b314 = layout.bars[1]!;
    expect(b314.x1).toBeCloseTo(layout.x(utc(2025, 10, 7)), 9);
    // A YYYY-MM date is the first of the month.
    expect(b314.x2).toBeCloseTo(layout.x(utc(2030, 10, 1)), 9);
    expect(layout.height).toBeGreaterThanOrEqual(5 * 20);
  });

  it('switches from bugfix to security two years after release from 3.13 on', () => {
    for (const bar of [layout.bars[1]!, layout.bars[2]!]) {
      expect(bar.segments.map((s) => s.phase)).toEqual(['bugfix', 'security']);
    }
    const [bugfix, security] = layout.bars[2]!.segments;
    expect(bugfix!.x2).toBeCloseTo(layout.x(utc(2026, 10, 7)), 9);
    expect(security!.x1).toBe(bugfix!.x2);
    expect(security!.x2).toBeCloseTo(layout.x(utc(2029, 10, 1)), 9);
  });

  it('switches from bugfix to security 18 months after release for 3.12 and older', () => {
    const [bugfix, security] = layout.bars[3]!.segments;
    expect(bugfix!.phase).toBe('bugfix');
    expect(bugfix!.x2).toBeCloseTo(layout.x(utc(2025, 4, 2)), 9);
    expect(security!.phase).toBe('security');
  });

  it('draws an end-of-life version as one segment', () => {
    expect(layout.bars[4]!.segments.map((s) => s.phase)).toEqual(['end-of-life']);
  });

  it('draws a version not yet released as 17 months of development, then its planned bugfix and security phases', () => {
    const [development, bugfix, security] = layout.bars[0]!.segments;
    expect(layout.bars[0]!.segments.map((s) => s.phase)).toEqual(['feature', 'bugfix', 'security']);
    expect(development!.x1).toBeCloseTo(layout.x(utc(2025, 5, 1)), 9);
    expect(development!.from).toBe('2025-05-01');
    expect(development!.x2).toBeCloseTo(layout.x(utc(2026, 10, 1)), 9);
    expect(bugfix!.x1).toBe(development!.x2);
    expect(bugfix!.x2).toBeCloseTo(layout.x(utc(2028, 10, 1)), 9);
    expect(security!.x2).toBeCloseTo(layout.x(utc(2030, 12, 1)), 9);
  });

  it('starts the axis early enough for a development period that begins before every first release', () => {
    const early = chartLayout([release('3.16', 'prerelease', '2027-10-05', '2032-10')], { today });
    expect(early.start).toEqual(utc(2026, 1, 1));
    expect(early.bars[0]!.segments[0]!.phase).toBe('prerelease');
  });
});

describe('versionsChart', () => {
  const releases = loadReleaseCycle(bundled).releases!;
  const today = utc(2026, 11, 21);
  const svg = toHtml(versionsChart(releases, { today }));

  it('is an image labelled by its title and a one-sentence description', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="versions-chart-title versions-chart-desc"[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('<title id="versions-chart-title">');
    const desc = /<desc id="versions-chart-desc">([^<]*)<\/desc>/.exec(svg)?.[1];
    const count = (status: string) => releases.filter((r) => r.status === status).length;
    expect(desc).toBe(`${count('feature')} version in feature development, ${count('bugfix')} in bugfix, ${count('security')} in security and ${count('end-of-life')} at end of life, as of 2026-11-21.`);
  });

  it('has one g.bar per version, each with a label and a titled rect per phase', () => {
    const bars = svg.match(/<g class="bar" data-version="[^"]+"/g) ?? [];
    expect(bars).toHaveLength(releases.length);
    const b314 = /<g class="bar" data-version="3\.14"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1]!;
    expect(b314).toContain('>3.14</text>');
    expect(b314).toContain('<rect class="phase-bugfix"');
    expect(b314).toContain('<title>3.14 bugfix: 2025-10-07 to 2027-10-07</title>');
    expect(b314).toContain('<title>3.14 security: 2027-10-07 to 2030-10</title>');
  });

  it('marks today with a line and a "Today" label', () => {
    const x = chartLayout(releases, { today }).todayX;
    expect(svg).toMatch(new RegExp(`<line class="today" x1="${x.toFixed(2).replace(/\.?0+$/, '')}"`));
    expect(svg).toContain('>Today</text>');
  });

  it('draws year gridlines and leaves all colours to CSS classes', () => {
    expect(svg.match(/<line class="grid"/g)!.length).toBe(chartLayout(releases, { today }).years.length);
    expect(svg).not.toMatch(/\b(fill|stroke|style)=/);
  });

  it('keeps text as text, never markup', () => {
    const parsed = fromHtml(toHtml(versionsChart([release('<b>3.14</b>', 'bugfix', '2025-10-07', '2030-10')], { today })), { fragment: true });
    const elements: string[] = [];
    visit(parsed, 'element', (element) => void elements.push(element.tagName));
    expect(elements).not.toContain('b');
    expect(toString(parsed)).toContain('<b>3.14</b> bugfix');
  });

  it('is identical for the same today and moves with a different one', () => {
    expect(toHtml(versionsChart(releases, { today: utc(2026, 11, 21) }))).toBe(svg);
    expect(toHtml(versionsChart(releases, { today: utc(2027, 1, 1) }))).not.toBe(svg);
  });
});
