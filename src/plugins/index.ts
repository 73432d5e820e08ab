/**
 * The Markdown pipeline, in order. One list serves the build, the dev server and Astro's own
 * `markdown.processor`, so every page renders the same way.
 */
import rehypeRaw from 'rehype-raw';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import type { Plugin } from 'unified';
import type { CommitRules } from '../lib/commit-message.ts';
import type { ExpertsIndex } from '../lib/experts.ts';
import type { LabelGroup } from '../lib/labels.ts';
import type { Release } from '../lib/release-cycle.ts';
import rehypeCode, { type Options as CodeOptions } from './rehype-code.ts';
import rehypeCollectLinks from './rehype-collect-links.ts';
import rehypeHeadingLinks from './rehype-heading-links.ts';
import rehypeSafeHtml from './rehype-safe-html.ts';
import rehypeTableScroll from './rehype-table-scroll.ts';
import rehypeTaskList from './rehype-task-list.ts';
import remarkCodeMeta from './remark-code-meta.ts';
import remarkCommitExamples from './remark-commit-examples.ts';
import remarkDataTables from './remark-data-tables.ts';
import remarkExperts from './remark-experts.ts';
import remarkFootnoteCheck from './remark-footnote-check.ts';
import remarkAdmonitions, { ADMONITION_TITLES } from './remark-admonitions.ts';
import remarkGithubAlerts from './remark-github-alerts.ts';
import remarkTabs from './remark-tabs.ts';
import remarkTitle from './remark-title.ts';
import remarkTodo from './remark-todo.ts';
import remarkUnknownDirectives from './remark-unknown-directives.ts';

export interface PipelineOptions {
  /** Data that directives render: the experts index, labels, release cycle. */
  data?: PipelineData;
  /** Keep raw HTML as written (site.yaml `options.trustHtml`). */
  trustHtml?: boolean;
  /** Render `:::todo` notes (site.yaml `options.showTodos`); removed when false. */
  showTodos?: boolean;
  highlighter?: CodeOptions['highlighter'];
}

export interface PipelineData {
  experts?: ExpertsIndex;
  commitRules?: CommitRules;
  labels?: LabelGroup[];
  releases?: Release[];
  /** Build date, YYYY-MM-DD. */
  today?: string;
  /**
   * Data files that exist but have errors. Directives that use them render nothing and report
   * nothing: the file's own errors say what to fix.
   */
  invalid?: ReadonlyArray<InvalidData>;
}

export type InvalidData = 'experts' | 'labels' | 'releases';

/** Directive names the pipeline handles; anything else is an `unknown-directive` error. */
export const KNOWN_DIRECTIVES = [...Object.keys(ADMONITION_TITLES), 'tabs', 'tab', 'experts', 'todo', 'labels', 'versions-table', 'versions-chart'];

/** How each known directive is written, for a known name written with the wrong number of colons. */
export const DIRECTIVE_FORMS: Record<string, string> = {
  ...Object.fromEntries(Object.keys(ADMONITION_TITLES).map((name) => [name, `:::${name}`])),
  tabs: '::::tabs',
  tab: ':::tab{label="…"}',
  experts: ':experts[area]',
  todo: ':::todo',
  labels: '::labels',
  'versions-table': '::versions-table{status="supported"}',
  'versions-chart': '::versions-chart',
};

/** The remark plugins, in order (each a plugin or a [plugin, options] pair). */
export function remarkPlugins(options: PipelineOptions = {}): Array<Plugin<any[], any> | [Plugin<any[], any>, unknown]> {
  return [
    remarkGfm,
    remarkFootnoteCheck,
    remarkDirective,
    remarkTitle,
    [remarkCommitExamples, { rules: options.data?.commitRules }],
    remarkCodeMeta,
    remarkGithubAlerts,
    remarkAdmonitions,
    remarkTabs,
    [remarkTodo, { show: options.showTodos ?? true }],
    [remarkExperts, { experts: options.data?.experts, invalid: options.data?.invalid?.includes('experts') }],
    [remarkDataTables, { labels: options.data?.labels, releases: options.data?.releases, today: options.data?.today, invalid: options.data?.invalid }],
    [remarkUnknownDirectives, { known: KNOWN_DIRECTIVES, forms: DIRECTIVE_FORMS }],
  ];
}

/** The rehype plugins, in order. */
export function rehypePlugins(options: PipelineOptions = {}): Array<Plugin<any[], any> | [Plugin<any[], any>, unknown]> {
  return [
    rehypeRaw,
    ...(options.trustHtml ? [] : [rehypeSafeHtml]),
    rehypeHeadingLinks,
    rehypeTaskList,
    rehypeTableScroll,
    [rehypeCode, { highlighter: options.highlighter }],
    rehypeCollectLinks,
  ];
}
