import { describe, expect, it } from 'vitest';
import { atomFeed, changedGuides, FEED_LIMIT } from '../../src/lib/feed.ts';
import type { Page } from '../../src/lib/site.ts';

const guide = (url: string, lastUpdated?: string, more: Partial<Page> = {}) => ({ url, title: url, section: 's', slug: 's', draft: false, tags: [], relativePath: '', html: '', headings: [], anchors: [], todos: [], crumbs: [], lastUpdated, ...more }) as Page;
const config = { title: 'Guide & co', description: 'About <it>.', lang: 'en', url: 'https://guide.example.org' };

describe('the Atom feed', () => {
  it('lists the guides git dates, most recently changed first, reading order among equals, at most 50', () => {
    const pages = [guide('/a/', '2026-01-01T10:00:00+01:00'), guide('/b/'), guide('/c/', '2026-03-01T00:00:00Z'), guide('/d/', '2026-01-01T09:00:00Z')];
    expect(changedGuides(pages).map((p) => p.url)).toEqual(['/c/', '/a/', '/d/']);
    const many = Array.from({ length: 60 }, (_, i) => guide(`/p${i}/`, `2026-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`));
    expect(changedGuides(many)).toHaveLength(FEED_LIMIT);
  });

  it('gives each change a tag: id of the site\'s host and day, and escapes what it writes', () => {
    const feed = atomFeed({ config: config as never, pages: [guide('/a/', '2026-01-01T23:30:00-02:00', { title: 'A <b> & "c"', description: 'It & that' })] }, { title: 'Guide & co: changes', today: '2026-02-01' })!;
    expect(feed).toContain('<title>Guide &#38; co: changes</title>');
    expect(feed).toContain('<subtitle>About &#60;it&#62;.</subtitle>');
    expect(feed).toContain('<updated>2026-01-02T01:30:00Z</updated>\n  <author>');
    expect(feed).toContain('    <title>A &#60;b&#62; &#38; &#34;c&#34;</title>\n    <link rel="alternate" type="text/html" href="https://guide.example.org/a/"/>\n    <id>tag:guide.example.org,2026-01-02:/a/</id>\n    <updated>2026-01-02T01:30:00Z</updated>\n    <summary>It &#38; that</summary>');
  });

  it('is dated by the build when no guide has a date, and is not written without the site\'s URL', () => {
    expect(atomFeed({ config: config as never, pages: [guide('/a/')] }, { title: 'T', today: '2026-02-01' })).toContain('<updated>2026-02-01T00:00:00Z</updated>');
    expect(atomFeed({ config: { ...config, url: undefined } as never, pages: [guide('/a/', '2026-01-01T00:00:00Z')] }, { title: 'T', today: '2026-02-01' })).toBeUndefined();
  });
});
