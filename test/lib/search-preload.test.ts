import { describe, expect, it } from 'vitest';
import { ENTRY_MARKER, searchPreloads, withSearchPreloads } from '../../src/lib/search-preload.ts';

const entry = (hash: string) => JSON.stringify({ version: '1.6.0', languages: { en: { hash, wasm: 'en', page_count: 343 } } });

describe("the /search/ page's preloads", () => {
  it("name Pagefind's entry file under a tag, then the index's metadata and WebAssembly", () => {
    const links = searchPreloads(entry('en_1f24633d93'));
    expect(links).toMatch(/^<link rel="preload" href="\/pagefind\/pagefind-entry\.json\?ts=[0-9a-f]{12}" as="fetch" crossorigin data-pagefind-entry>/);
    expect(links).toContain('<link rel="preload" href="/pagefind/pagefind.en_1f24633d93.pf_meta" as="fetch" crossorigin>');
    expect(links).toContain('<link rel="preload" href="/pagefind/wasm.en.pagefind" as="fetch" crossorigin>');
  });

  it('change their tag when the index changes, and only then', () => {
    const tag = (text: string) => /\?ts=(\w+)/.exec(searchPreloads(text))![1];
    expect(tag(entry('en_aaaa'))).toBe(tag(entry('en_aaaa')));
    expect(tag(entry('en_aaaa'))).not.toBe(tag(entry('en_bbbb')));
  });

  it('replace the marker the page was rendered with, and leave a page without one alone', () => {
    const html = `<head><title>Search</title>${ENTRY_MARKER}</head>`;
    expect(withSearchPreloads(html, entry('en_1'))).toBe(`<head><title>Search</title>${searchPreloads(entry('en_1'))}</head>`);
    expect(withSearchPreloads('<head></head>', entry('en_1'))).toBe('<head></head>');
  });
});
