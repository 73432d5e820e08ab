/**
 * The Markdown pipeline, in order. One list serves the build, the dev server and Astro's own
 * `markdown.processor`, so every page renders the same way.
 */
import rehypeRaw from 'rehype-raw';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import rehypeCode, { type Options as CodeOptions } from './rehype-code.ts';
import rehypeCollectLinks from './rehype-collect-links.ts';
import rehypeHeadingLinks from './rehype-heading-links.ts';
import rehypeSafeHtml from './rehype-safe-html.ts';
import remarkCodeMeta from './remark-code-meta.ts';
import remarkAdmonitions, { ADMONITION_TITLES } from './remark-admonitions.ts';
import remarkGithubAlerts from './remark-github-alerts.ts';
import remarkTabs from './remark-tabs.ts';
import remarkTitle from './remark-title.ts';
import remarkUnknownDirectives from './remark-unknown-directives.ts';

export interface PipelineOptions {
  /** Keep raw HTML as written (site.yaml `options.trustHtml`). */
  trustHtml?: boolean;
  highlighter?: CodeOptions['highlighter'];
}

/** Directive names the pipeline handles; anything else is an `unknown-directive` error. */
export const KNOWN_DIRECTIVES = [...Object.keys(ADMONITION_TITLES), 'tabs', 'tab'];

export function remarkPlugins(_options: PipelineOptions = {}): PluggableList {
  return [
    remarkGfm,
    remarkDirective,
    remarkTitle,
    remarkCodeMeta,
    remarkGithubAlerts,
    remarkAdmonitions,
    remarkTabs,
    [remarkUnknownDirectives, { known: KNOWN_DIRECTIVES }],
  ];
}

export function rehypePlugins(options: PipelineOptions = {}): PluggableList {
  return [
    rehypeRaw,
    ...(options.trustHtml ? [] : [rehypeSafeHtml]),
    rehypeHeadingLinks,
    [rehypeCode, { highlighter: options.highlighter }],
    rehypeCollectLinks,
  ];
}
