/**
 * Raw HTML in Markdown is sanitised by hast-util-sanitize with GitHub's schema, extended only for
 * the markup devguide's own directives emit (admonitions, tabs, data tables, the versions chart).
 * Everything that can run script is removed: `<script>`, `<template>` (and the shadow roots it
 * declares), frames, forms, `on*=` handlers, `style=`, SVG animation, and URLs whose scheme is not
 * http(s), mailto or a relative path — however the scheme is spelled. Each removal is an
 * `unsafe-html` warning at its position. Sites whose authors are all trusted set
 * `options.trustHtml` in site.yaml, which leaves this plugin out.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { find, html as htmlSchema, svg as svgSchema } from 'property-information';
import type { VFile } from 'vfile';
import { report } from '../lib/report.ts';

const ARIA = ['ariaLabel', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaHidden', 'ariaCurrent', 'ariaControls', 'ariaSelected', 'ariaExpanded'];

/** The elements and attributes devguide's directives emit, beyond GitHub's list (`button`: the tabs' tablist). */
const DEVGUIDE_TAGS = ['aside', 'button', 'section', 'figure', 'figcaption', 'span', 'svg', 'g', 'title', 'desc', 'rect', 'line', 'text', 'circle'];
const SVG_ATTRIBUTES = ['viewBox', 'xmlns', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'textAnchor', 'dominantBaseline', 'focusable', 'cx', 'cy', 'r', 'fill'];

export const SAFE_HTML_SCHEMA: Schema = {
  ...defaultSchema,
  // Ids are kept as written: links and the anchor check rely on them (GitHub prefixes them).
  clobber: [],
  clobberPrefix: '',
  // Structure is not a safety matter; a stray <li> keeps its place.
  ancestors: {},
  tagNames: [...(defaultSchema.tagNames ?? []), ...DEVGUIDE_TAGS],
  attributes: {
    // Class names are allowed everywhere (directives set them), so the per-element class limits go.
    ...Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [tag, list.filter((a) => !(Array.isArray(a) && a[0] === 'className'))])),
    '*': [...(defaultSchema.attributes?.['*'] ?? []).filter((a) => a !== 'action'), 'className', 'id', 'role', 'hidden', 'tabIndex', 'scope', 'data*', ...ARIA, ...SVG_ATTRIBUTES],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  // Dropped with everything inside them; other unknown elements keep their text.
  strip: ['script', 'style', 'template', 'noscript', 'textarea'],
};

/** `<template>` keeps its parsed children in `content`, outside `children`. */
const contentOf = (node: Element): ElementContent[] => [...node.children, ...(((node as { content?: Root }).content?.children ?? []) as ElementContent[])];

/** The name an author wrote for a hast property (`onClick` → `onclick`, `xLinkHref` → `xlink:href`). */
function attributeName(node: Element, property: string): string {
  return find(node.tagName === 'svg' || node.properties.xmlns ? svgSchema : htmlSchema, property).attribute;
}

/** Whether two trees are the same in every element, property and text (the common case: nothing removed). */
function same(a: RootContent | Root, b: RootContent | Root): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'element') {
    const e = b as Element;
    if (a.tagName !== e.tagName) return false;
    const ka = Object.keys(a.properties);
    if (ka.length !== Object.keys(e.properties).length || ka.some((k) => String(a.properties[k]) !== String(e.properties[k]))) return false;
    if ((a as { content?: Root }).content) return false;
  }
  if ('value' in a && a.value !== (b as { value: string }).value) return false;
  if ('children' in a) {
    const cb = (b as Root).children;
    if (a.children.length !== cb.length) return false;
    return a.children.every((child, i) => same(child, cb[i]!));
  }
  return true;
}

const FIX = 'Describe or link to the content instead; set `options.trustHtml: true` in site.yaml only if every author is trusted.';

/** Reports what sanitising removes from `node` and below, one warning per element or attribute. */
function explain(node: Element, file: VFile): void {
  const alone: Element = { type: 'element', tagName: node.tagName, properties: { ...node.properties }, children: [] };
  const kept = (sanitize({ type: 'root', children: [alone] }, SAFE_HTML_SCHEMA) as Root).children[0];
  if (!kept || kept.type !== 'element' || kept.tagName !== node.tagName) {
    const stripped = SAFE_HTML_SCHEMA.strip?.includes(node.tagName) || node.tagName === 'template';
    report(file, 'unsafe-html', node, `Removed the <${node.tagName}> element${stripped ? ' and everything inside it' : ' (its text is kept)'}: raw HTML may not run script, embed other pages or animate attributes.`, FIX, 'warning');
    if (stripped) return;
  } else {
    for (const [key, value] of Object.entries(node.properties)) {
      if (key in kept.properties) continue;
      const name = attributeName(node, key);
      if (/^on/i.test(key)) report(file, 'unsafe-html', node, `Removed the "${name}" attribute from <${node.tagName}>: inline event handlers are not allowed.`, 'Remove the attribute; pages run no inline script.', 'warning');
      else if (key === 'style') report(file, 'unsafe-html', node, `Removed the "style" attribute from <${node.tagName}>: inline styles are not allowed.`, 'Use Markdown, or a class the site styles; pages allow no inline style.', 'warning');
      else if (typeof value === 'string' && SAFE_HTML_SCHEMA.protocols?.[key]) {
        const scheme = value.slice(0, value.indexOf(':')).replace(/[\u0000-\u0020]/g, '').toLowerCase();
        report(file, 'unsafe-html', node, `Removed a "${scheme}:" URL from <${node.tagName}>.`, 'Link to an http(s) URL or a page of the site instead.', 'warning');
      } else report(file, 'unsafe-html', node, `Removed the "${name}" attribute from <${node.tagName}>: raw HTML may use only the attributes GitHub allows.`, FIX, 'warning');
    }
  }
  for (const child of contentOf(node)) if (child.type === 'element') explain(child, file);
}

/** rehype plugin: sanitises the tree, warning at each removal. */
export default function rehypeSafeHtml() {
  return (tree: Root, file: VFile) => {
    const clean = sanitize(tree, SAFE_HTML_SCHEMA) as Root;
    if (same(tree, clean)) return;
    for (const child of tree.children) if (child.type === 'element') explain(child, file);
    // Positions survive sanitising, so later plugins still report at the right lines.
    tree.children = clean.children;
  };
}
