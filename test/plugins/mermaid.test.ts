/**
 * A mermaid fence is a diagram: the page says it has one, so the build gives it the diagram script
 * (the HTML it becomes is pinned by test/plugins/mermaid/). A page without one says nothing.
 */
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor, renderPage } from '../../src/render/markdown.ts';

const processor = createMarkdownProcessor();
const render = (body: string) => renderPage(processor, { file: 'page.md', body });

describe('mermaid fences', () => {
  it('become pre.mermaid with the source as text, not highlighted, and flag the page', async () => {
    const page = await render('```mermaid\ngraph TD\n  A --> B\n```\n');
    expect(page.html).toBe('<pre class="mermaid">graph TD\n  A --> B</pre>');
    expect(page.mermaid).toBe(true);
    expect(page.diagnostics).toEqual([]);
  });

  it('leave a page without a diagram unflagged, other fences highlighted', async () => {
    const page = await render('```sh\nmake\n```\n\n    indented mermaid\n');
    expect(page.html).toContain('class="shiki"');
    expect(page).not.toHaveProperty('mermaid');
  });
});
