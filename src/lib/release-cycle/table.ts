/** The rows of the versions tables (`::versions-table`), as of the build date. */
import { isSupported, type Release, type Status } from '../release-cycle.ts';
import { toDate } from './dates.ts';

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

/**
 * Rows of the supported or the end-of-life table, in the order given (newest first when loaded).
 * Dates are shown as written (ISO `YYYY-MM-DD`, or `YYYY-MM` where only the month is known).
 */
export function versionsTableRows(releases: readonly Release[], which: 'supported' | 'end-of-life', today: Date): VersionRow[] {
  return releases
    .filter((r) => (which === 'supported' ? isSupported(r) : !isSupported(r)))
    .map((r) => ({
      version: r.version,
      branch: r.branch,
      status: r.status,
      firstRelease: r.firstRelease,
      endOfLife: r.endOfLife,
      releaseManager: r.releaseManager,
      pep: r.pep,
      firstIsFuture: toDate(r.firstRelease).getTime() > today.getTime(),
      endIsFuture: toDate(r.endOfLife).getTime() > today.getTime(),
    }));
}
