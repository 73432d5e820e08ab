import { describe, expect, it } from 'vitest';
import { SEARCH_WEIGHTS, searchDocument, weightedBody } from '../../src/lib/search-index.ts';
import type { Page } from '../../src/lib/site.ts';

describe('the document Pagefind indexes for a guide', () => {
  it('lowers code blocks and tables, and raises the term each table row is about', () => {
    const html = '<p>Run <code>make</code>.</p><pre class="shiki"><code>make -j</code></pre><table><thead><tr><th>Label</th></tr></thead><tbody><tr id="label-easy"><td>easy</td><td>A first fix.</td></tr></tbody></table>';
    expect(weightedBody(html)).toBe(
      `<p>Run <code>make</code>.</p><pre data-pagefind-weight="${SEARCH_WEIGHTS.block}" class="shiki"><code>make -j</code></pre>` +
        `<table data-pagefind-weight="${SEARCH_WEIGHTS.block}"><thead><tr><th>Label</th></tr></thead><tbody><tr><td data-pagefind-weight="${SEARCH_WEIGHTS.rowTerm}">easy</td><td>A first fix.</td></tr></tbody></table>`,
    );
  });

  it('keeps the ids of headings only, which Pagefind turns into sub-results', () => {
    expect(weightedBody('<h2 id="build">Build</h2><aside id="note-1"><p id="p">Text</p></aside>')).toBe('<h2 id="build">Build</h2><aside><p>Text</p></aside>');
  });

  it('makes the tags searchable words without showing them in the body', () => {
    const page = { title: 'Running tests', section: 'testing', tags: ['tests', 'refleaks'], html: '<p>Reference leaks.</p>' } as Page;
    const doc = searchDocument(page, 'Testing');
    expect(doc).toContain('<meta data-pagefind-meta="keywords[content]" content="tests, refleaks">');
    expect(doc).toContain('<h1>Running tests</h1><meta data-pagefind-filter="section[content]" content="Testing">');
  });
});
