import { describe, expect, it } from 'vitest';
import { newIssueUrl } from '../../src/lib/issue-link.ts';

const fields = { title: 'Problem on “Setup”', body: 'Page: /a b/\n&more' };

describe('the "Report a problem" link', () => {
  it('opens GitHub\'s new-issue form with the title and body URL-encoded', () => {
    expect(newIssueUrl('https://github.com/python/cpython/issues/', fields)).toBe('https://github.com/python/cpython/issues/new?title=Problem%20on%20%E2%80%9CSetup%E2%80%9D&body=Page%3A%20%2Fa%20b%2F%0A%26more');
  });

  it('uses GitLab\'s own field names', () => {
    const url = new URL(newIssueUrl('https://gitlab.com/group/project/-/issues', fields)!);
    expect(url.pathname).toBe('/group/project/-/issues/new');
    expect(url.searchParams.get('issue[title]')).toBe(fields.title);
    expect(url.searchParams.get('issue[description]')).toBe(fields.body);
  });

  it('gives none for a tracker whose form it does not know', () => {
    expect(newIssueUrl('https://bugs.example.org/', fields)).toBeUndefined();
  });
});
