/**
 * Draws the page's diagrams: each ```` ```mermaid ```` fence, written by the build as
 * `<pre class="mermaid">` holding its source (src/plugins/rehype-mermaid.ts). Only pages with a
 * diagram load this script, after mermaid's own browser build, which defines `window.mermaid`.
 * Diagrams follow the site's theme (the reader's choice on `<html data-theme>`, else the OS's) and
 * are drawn again when it changes. A diagram mermaid cannot read keeps showing its source.
 *
 * This is a classic script, not a module (mermaid's single-file build is one too), so everything
 * it declares stays inside the block below rather than becoming a global.
 */
type Mermaid = typeof import('mermaid').default;

{
  const mermaid = (window as unknown as { mermaid: Mermaid }).mermaid;
  const root = document.documentElement;
  const osDark = matchMedia('(prefers-color-scheme: dark)');
  const diagrams = [...document.querySelectorAll<HTMLElement>('pre.mermaid')];
  // Drawing replaces each diagram's text; its source is kept to draw it again in the other theme.
  const sources = new Map(diagrams.map((pre) => [pre, pre.textContent ?? '']));
  const theme = () => ((root.dataset.theme ?? (osDark.matches ? 'dark' : 'light')) === 'dark' ? 'dark' : 'default');
  let drawn = '';

  const draw = async () => {
    const next = theme();
    if (next === drawn) return;
    drawn = next;
    for (const [pre, source] of sources) {
      pre.textContent = source;
      pre.removeAttribute('data-processed');
    }
    // 'strict' (mermaid's default, said here so no change of default loosens it): labels are
    // sanitised and diagrams cannot run script or add click handlers.
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: next, fontFamily: getComputedStyle(document.body).fontFamily });
    await mermaid.run({ nodes: diagrams, suppressErrors: true });
    // On a syntax error mermaid leaves its own error drawing; the source says more to a reader.
    for (const [pre, source] of sources) if (!pre.querySelector(':scope > svg')) pre.textContent = source;
  };

  // One drawing at a time: a theme change while drawing waits for the drawing to finish.
  let queue = Promise.resolve();
  const redraw = () => {
    queue = queue.then(draw, draw);
  };
  redraw();
  osDark.addEventListener('change', redraw);
  new MutationObserver(redraw).observe(root, { attributes: true, attributeFilter: ['data-theme'] });
}
