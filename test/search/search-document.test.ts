import { describe, expect, it } from 'vitest';
import { SEARCH_WEIGHTS, searchDocument, weightedBody } from '../../src/lib/search-index.ts';
import type { Page } from '../../src/lib/site.ts';
import { CODE_END, CODE_START } from '../../src/lib/search-words.ts';

describe('the document Pagefind indexes for a guide', () => {
  it('lowers code blocks and tables, and raises the term each table row is about', () => {
    const html = '<p>Run <code>make</code>.</p><pre class="shiki"><code>make -j</code></pre><table><thead><tr><th>Label</th></tr></thead><tbody><tr id="label-easy"><td>easy</td><td>A first fix.</td></tr></tbody></table>';
    expect(weightedBody(html)).toBe(
      `<p>Run <code>make</code>.</p><pre data-pagefind-weight="${SEARCH_WEIGHTS.block}"> ${CODE_START} <code>make -j</code> ${CODE_END} </pre>` +
        `<table data-pagefind-weight="${SEARCH_WEIGHTS.block}"><thead><tr><td>Label</td></tr></thead><tbody><tr><td data-pagefind-weight="${SEARCH_WEIGHTS.rowTerm}">easy |</td><td>A first fix.</td></tr></tbody></table>`,
    );
  });

  it('indexes header cells as cells, so a header row is words, and raises a row header like a first cell', () => {
    const html = '<table><thead><tr><th scope="col">Version</th><th scope="col">Status</th></tr></thead><tbody><tr><th scope="row">3.14</th><td>bugfix</td></tr></tbody></table>';
    expect(weightedBody(html)).toBe(
      `<table data-pagefind-weight="${SEARCH_WEIGHTS.block}"><thead><tr><td>Version |</td><td>Status</td></tr></thead>` +
        `<tbody><tr><td data-pagefind-weight="${SEARCH_WEIGHTS.rowTerm}">3.14 |</td><td>bugfix</td></tr></tbody></table>`,
    );
  });

  it('separates the cells of a row with a bar, so an excerpt does not read a row as sentences', () => {
    const html = '<table><tbody><tr><td>3.13</td>\n<td>security fixes</td><td>2024-10-07</td></tr></tbody></table>';
    const cells = weightedBody(html).match(/<td[^>]*>[^<]*<\/td>/g);
    expect(cells?.map((cell) => cell.replace(/<[^>]+>/g, ''))).toEqual(['3.13 |', 'security fixes |', '2024-10-07']);
  });

  it("leaves out buttons, such as a tab group's tabs, whose labels the panels repeat", () => {
    expect(weightedBody('<div role="tablist"><button role="tab">Linux</button></div><section><p class="tab-label">Linux</p></section>')).toBe(
      '<div><button data-pagefind-ignore>Linux</button></div><section><p>Linux</p></section>',
    );
  });

  it('keeps the ids of headings only, which Pagefind turns into sub-results', () => {
    expect(weightedBody('<h2 id="build">Build</h2><aside id="note-1"><p id="p">Text</p></aside>')).toBe('<h2 id="build">Build</h2><aside><p>Text</p></aside>');
  });

  it('drops what Pagefind does not read: code tokens\' colour spans, classes, links\' targets; never the text', () => {
    const html =
      '<pre class="shiki"><code><span class="line"><span class="tl-0a3069 td-a5d6ff">make</span><span class="tl-1f2328 td-e6edf3"> -j</span></span></code></pre>' +
      '<p class="note" data-x="1" data-flag>Write <code>class="big"</code> or <a href="/a/" rel="next" aria-label="A">a link</a>.</p>' +
      '<img src="/x.png" alt="A chart" title="Chart" classification="k">';
    expect(weightedBody(html)).toBe(
      `<pre data-pagefind-weight="${SEARCH_WEIGHTS.block}"> ${CODE_START} <code><span>make -j</span></code> ${CODE_END} </pre>` +
        '<p>Write <code>class="big"</code> or <a>a link</a>.</p><img src="/x.png" alt="A chart" title="Chart" classification="k">',
    );
  });

  it('makes the title and the tags searchable fields, not words of the body', () => {
    const page = { title: 'Running tests', section: 'testing', tags: ['tests', 'refleaks'], html: '<p>Reference leaks.</p>' } as Page;
    const doc = searchDocument(page, 'Testing');
    expect(doc).toContain('<article data-pagefind-body><meta data-pagefind-meta="title[content]" content="Running tests"><meta data-pagefind-filter="section[content]" content="Testing">');
    expect(doc).toContain('<meta data-pagefind-meta="keywords[content]" content="tests, refleaks"><p>Reference leaks.</p></article>');
    expect(doc).not.toContain('<h1>');
  });
});
