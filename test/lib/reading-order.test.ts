import { describe, expect, it } from 'vitest';
import { ladder } from '../../src/lib/ladder.ts';
import { neighbours, readingOrder } from '../../src/lib/reading-order.ts';

const page = (url: string, section: string, title: string, order?: number, level?: 'newcomer' | 'contributor' | 'triager' | 'core') => ({ url, section, title, order, level });

describe('reading order', () => {
  const pages = [page('/b/z/', 'b', 'Z', 1), page('/a/y/', 'a', 'Y'), page('/a/x/', 'a', 'X', 2), page('/a/w/', 'a', 'W', 1)];

  it('orders by section as site.yaml lists them, then by order, unordered pages last by title', () => {
    expect(readingOrder(pages, [{ id: 'a' }, { id: 'b' }]).map((p) => p.url)).toEqual(['/a/w/', '/a/x/', '/a/y/', '/b/z/']);
  });

  it('gives the previous and next page across sections', () => {
    const ordered = readingOrder(pages, [{ id: 'a' }, { id: 'b' }]);
    expect(neighbours(ordered, '/a/y/')).toMatchObject({ previous: { url: '/a/x/' }, next: { url: '/b/z/' } });
    expect(neighbours(ordered, '/a/w/').previous).toBeUndefined();
  });
});

describe('contributor ladder', () => {
  it('groups pages by level in ladder order, keeping reading order within a rung and skipping empty rungs', () => {
    const rungs = ladder([page('/a/', 's', 'A', 1, 'core'), page('/b/', 's', 'B', 2, 'newcomer'), page('/c/', 's', 'C', 3), page('/d/', 's', 'D', 4, 'newcomer')]);
    expect(rungs.map((r) => [r.label, r.pages.map((p) => p.url)])).toEqual([
      ['First task', ['/b/', '/d/']],
      ['Core developer', ['/a/']],
    ]);
  });
});
