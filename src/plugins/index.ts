/**
 * The Markdown pipeline, in order. One list serves the build, the dev server and Astro's own
 * `markdown.processor`, so every page renders the same way.
 */
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import type { Plugin } from 'unified';
import rehypeCode from './rehype-code.ts';
import rehypeCollectLinks from './rehype-collect-links.ts';
import rehypeExternalLinks from './rehype-external-links.ts';
import rehypeHeadingLinks from './rehype-heading-links.ts';
import rehypeInlineCode from './rehype-inline-code.ts';
import rehypeMdbookWarning from './rehype-mdbook-warning.ts';
import rehypeMermaid from './rehype-mermaid.ts';
import rehypeRawHtml from './rehype-raw-html.ts';
import rehypeRelativeLinks from './rehype-relative-links.ts';
import rehypeSafeHtml from './rehype-safe-html.ts';
import rehypeTableScroll from './rehype-table-scroll.ts';
import rehypeTaskList from './rehype-task-list.ts';
import remarkCodeMeta from './remark-code-meta.ts';
import remarkCopySites from './remark-copy-sites.ts';
import remarkCommitExamples, { dataUses as commitDataUses } from './remark-commit-examples.ts';
import remarkDataTables, { directives as dataTableDirectives } from './remark-data-tables.ts';
import remarkExperts, { directives as expertsDirectives } from './remark-experts.ts';
import remarkFootnoteCheck from './remark-footnote-check.ts';
import remarkAdmonitions, { directives as admonitionDirectives } from './remark-admonitions.ts';
import remarkGithubAlerts from './remark-github-alerts.ts';
import remarkHeadingIds from './remark-heading-ids.ts';
import remarkInclude from './remark-include.ts';
import remarkRustdocHidden from './remark-rustdoc-hidden.ts';
import remarkTabs, { directives as tabDirectives } from './remark-tabs.ts';
import remarkTitle from './remark-title.ts';
import remarkTodo, { directives as todoDirectives } from './remark-todo.ts';
import remarkUnknownDirectives from './remark-unknown-directives.ts';
import type { DataUse, DirectiveDescriptor, PipelineOptions } from './types.ts';

export type { PipelineData, PipelineOptions } from './types.ts';

/** Every directive the pipeline handles, from the plugins' own descriptors. */
const DIRECTIVES: DirectiveDescriptor[] = [...admonitionDirectives, ...tabDirectives, ...todoDirectives, ...expertsDirectives, ...dataTableDirectives];

/** Directive names the pipeline handles; anything else is an `unknown-directive` error. */
export const KNOWN_DIRECTIVES = DIRECTIVES.map((d) => d.name);

/** How each known directive is written, for a known name written with the wrong number of colons. */
export const DIRECTIVE_FORMS: Record<string, string> = Object.fromEntries(DIRECTIVES.map((d) => [d.name, d.form]));

/** Which data each page depends on, found by the directives that read data and other uses (commit examples). */
export const DATA_USES: DataUse[] = [
  ...DIRECTIVES.filter((d) => d.reads).map((d) => ({ pattern: new RegExp(`:${d.name}\\b`), reads: d.reads! })),
  ...commitDataUses,
];

/** The remark plugins, in order (each a plugin or a [plugin, options] pair). */
export function remarkPlugins(options: PipelineOptions = {}): Array<Plugin<any[], any> | [Plugin<any[], any>, unknown]> {
  return [
    remarkGfm,
    remarkDirective,
    // Before anything changes the tree: where the file's own links are written, for its Markdown copy.
    remarkCopySites,
    // First, so every later plugin sees included text (parsed with the extensions above).
    [remarkInclude, { root: options.includeRoot }],
    // After include, so included headings and code are covered; before remark-title, which takes the title's text.
    remarkHeadingIds,
    remarkRustdocHidden,
    remarkFootnoteCheck,
    remarkTitle,
    [remarkCommitExamples, { rules: options.data?.commitRules }],
    remarkCodeMeta,
    [remarkGithubAlerts, { lang: options.lang }],
    [remarkAdmonitions, { lang: options.lang }],
    remarkTabs,
    [remarkTodo, { show: options.showTodos ?? true, lang: options.lang }],
    [remarkExperts, { experts: options.data?.experts, invalid: options.data?.invalid?.includes('experts'), lang: options.lang }],
    [remarkDataTables, { labels: options.data?.labels, releases: options.data?.releases, today: options.data?.today, invalid: options.data?.invalid }],
    [remarkUnknownDirectives, { known: KNOWN_DIRECTIVES, forms: DIRECTIVE_FORMS }],
  ];
}

/** The rehype plugins, in order. */
export function rehypePlugins(options: PipelineOptions = {}): Array<Plugin<any[], any> | [Plugin<any[], any>, unknown]> {
  return [
    rehypeRawHtml,
    ...(options.trustHtml ? [] : [rehypeSafeHtml]),
    // After sanitising, which keeps their input (classes are allowed) and never sees their output.
    [rehypeMdbookWarning, { lang: options.lang }],
    // Before rehype-code, which would highlight a mermaid fence as code.
    rehypeMermaid,
    [rehypeHeadingLinks, { lang: options.lang }],
    [rehypeRelativeLinks, { links: options.links }],
    [rehypeTaskList, { lang: options.lang }],
    [rehypeTableScroll, { lang: options.lang }],
    [rehypeCode, { highlighter: options.highlighter }],
    rehypeInlineCode,
    rehypeCollectLinks,
    // Last: it adds words to links, which the headings' and tables' names must not take in.
    [rehypeExternalLinks, { lang: options.lang, siteUrl: options.siteUrl }],
  ];
}
