import { describe, expect, it } from 'vitest';
import { hasTodos, pageAt, pageNeighbours } from '../../src/lib/site-facts.ts';
import { neighbours } from '../../src/lib/reading-order.ts';
import type { Page } from '../../src/lib/site.ts';

const page = (url: string, todos = 0) => ({ url, section: 's', title: url, todos: Array.from({ length: todos }, () => ({})) }) as unknown as Page;

describe('facts every page shows about the whole site', () => {
  const model = { pages: ['/a/', '/b/', '/c/', '/d/'].map((url) => page(url)) };

  it('give the guide at a URL, and none for a URL that is no guide', () => {
    expect(pageAt(model, '/c/')).toBe(model.pages[2]);
    expect(pageAt(model, '/nope/')).toBeUndefined();
  });

  it('give the same neighbours as a walk through the reading order', () => {
    for (const url of ['/a/', '/b/', '/d/', '/nope/']) expect(pageNeighbours(model, url)).toEqual(neighbours(model.pages, url));
  });

  it('tell whether any guide has a todo note', () => {
    expect(hasTodos(model)).toBe(false);
    expect(hasTodos({ pages: [page('/a/'), page('/b/', 2)] })).toBe(true);
  });
});
