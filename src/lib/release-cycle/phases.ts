/**
 * The phases of a version's life, from its dates and PEP 602's rules: development, bug fixes,
 * security fixes only, end of life.
 */
import { compareVersions, type Release } from '../release-cycle.ts';
import { addMonths, isoDate, toDate } from './dates.ts';

export type Phase = 'prerelease' | 'bugfix' | 'security' | 'end-of-life' | 'feature';

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
