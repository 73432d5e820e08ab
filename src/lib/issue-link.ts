/**
 * "Report a problem with this page": a link to the tracker's new-issue form with the title and
 * body filled in, with no backend. Trackers take the fields in the form's URL: GitHub, Gitea and
 * Forgejo (`…/issues/new?title=…&body=…`) and GitLab (`…/-/issues/new?issue[title]=…`).
 */

export interface IssueFields {
  title: string;
  body: string;
}

/** The new-issue link for `tracker` (site.yaml), or undefined for a tracker whose form is unknown. */
export function newIssueUrl(tracker: string, fields: IssueFields): string | undefined {
  const base = tracker.replace(/\/+$/, '');
  const title = encodeURIComponent(fields.title);
  const body = encodeURIComponent(fields.body);
  if (/\/-\/issues$/.test(base)) return `${base}/new?issue%5Btitle%5D=${title}&issue%5Bdescription%5D=${body}`;
  if (/\/issues$/.test(base)) return `${base}/new?title=${title}&body=${body}`;
  return undefined;
}
