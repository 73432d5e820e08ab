/**
 * Search by file path: when a query looks like a repository path ("Lib/asyncio/tasks.py"), the
 * areas of the experts index that own it, most specific first, for the search to show above its
 * other results. The owners list (src/lib/owners-index.ts) is fetched the first time a query looks
 * like a path, and never for other queries.
 */
import { OWNERS_FILE, ownersOfPath, queryPath, type OwnerEntry } from '../lib/owners-index.ts';

export interface OwnerResult {
  title: string;
  url: string;
  /** The kind's label ("Module"). */
  kind: string;
  /** The area's pattern that matched, e.g. `Lib/asyncio/`. */
  pattern: string;
}

let owners: Promise<OwnerEntry[]> | undefined;
function ownersList(): Promise<OwnerEntry[]> {
  // A site without an experts index (or a dev server before the first build) has no list: no
  // owners, and never a rejection, which would break the search that waits for this.
  return (owners ??= fetch(`/${OWNERS_FILE}`)
    .then((r) => (r.ok ? (r.json() as Promise<OwnerEntry[]>) : []))
    .catch(() => []));
}

/** The areas that own the path typed in `query`, most specific first; none when it is not a path. */
export async function ownersOf(query: string): Promise<OwnerResult[]> {
  const path = queryPath(query);
  if (!path) return [];
  return ownersOfPath(await ownersList(), path).map(({ entry, pattern }) => ({ title: entry.title, url: entry.url, kind: entry.kind, pattern }));
}
