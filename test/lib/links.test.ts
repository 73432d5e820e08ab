import { describe, expect, it } from 'vitest';
import { findBrokenLinks, resolveLink } from '../../src/lib/links.ts';

const pages = new Map<string, readonly string[]>([
  ['/triage/labels/', ['type-labels', 'other-labels']],
  ['/tasks/easy/', []],
]);
const check = (href: string, from = '/tasks/easy/') => findBrokenLinks([{ url: from, file: 'x.md', links: [{ href, line: 3, column: 5 }] }], { pages, drafts: new Set(['/tasks/secret/']) });

describe('link checker', () => {
  it('accepts absolute, relative and fragment links that exist, and ignores external ones', () => {
    for (const href of ['/triage/labels/', '/triage/labels', '../../triage/labels/#type-labels', '#', 'https://example.org/x', 'mailto:a@b.c']) expect(check(href)).toEqual([]);
  });

  it('reports a link to no page with the closest page suggested', () => {
    const [d] = check('/triage/lables/');
    expect(d).toMatchObject({ code: 'broken-link', line: 3, column: 5 });
    expect(d!.hint).toContain('did you mean "/triage/labels/"?');
  });

  it('reports a broken anchor and lists the anchors that exist', () => {
    const [d] = check('/triage/labels/#type-label');
    expect(d).toMatchObject({ code: 'broken-anchor' });
    expect(d!.hint).toBe('did you mean "#type-labels"? Anchors on that page: type-labels, other-labels.');
  });

  it('reports a link into a draft page', () => {
    expect(check('/tasks/secret/')[0]).toMatchObject({ code: 'draft-link' });
  });

  it('resolves relative links against the page URL', () => {
    expect(resolveLink('../labels/#x', '/triage/stale/')).toEqual({ path: '/triage/labels/', fragment: 'x' });
    expect(resolveLink('/a/b/index.html', '/')).toEqual({ path: '/a/b/', fragment: undefined });
  });
});
