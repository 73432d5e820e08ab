/**
 * Raw HTML in Markdown keeps harmless tags (details, kbd, sup, tables …) but loses anything that
 * can run script: `<script>`, `<iframe>`, `<object>`, `<embed>`, `on*=` handlers and
 * `javascript:` URLs. Each removal is a warning at its position. Sites that trust their authors set
 * `options.trustHtml` in site.yaml and skip this plugin.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../lib/report.ts';

const DROPPED_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'meta', 'link', 'style', 'form']);
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'data', 'cite', 'background'];
const UNSAFE_URL = /^\s*(?:javascript|vbscript|data(?!:image\/(?:png|gif|jpe?g|webp);))\s*:/i;

/** rehype plugin: removes script-capable HTML with a warning. */
export default function rehypeSafeHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (DROPPED_TAGS.has(node.tagName) && parent && index !== undefined) {
        report(file, 'unsafe-html', node, `Removed a <${node.tagName}> element: raw HTML may not run script or embed other pages.`, 'Describe or link to the content instead; set `options.trustHtml: true` in site.yaml only if every author is trusted.', 'warning');
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      for (const key of Object.keys(node.properties)) {
        if (!/^on./i.test(key)) continue;
        report(file, 'unsafe-html', node, `Removed the "${key.toLowerCase()}" attribute from <${node.tagName}>: inline event handlers are not allowed.`, 'Remove the attribute; pages run no inline script.', 'warning');
        delete node.properties[key];
      }
      for (const key of URL_PROPERTIES) {
        const value = node.properties[key];
        if (typeof value === 'string' && UNSAFE_URL.test(value)) {
          report(file, 'unsafe-html', node, `Removed a "${value.split(':')[0]!.trim().toLowerCase()}:" URL from <${node.tagName}>.`, 'Link to an http(s) URL or a page of the site instead.', 'warning');
          delete node.properties[key];
        }
      }
      return undefined;
    });
  };
}
