/**
 * Markdown → HTML for one guide: the unified processor built from src/plugins, plus what the rest
 * of the build needs from a page (headings for the table of contents, links and anchors for the
 * checker, diagnostics with positions).
 */
import rehypeStringify from 'rehype-stringify';
import remarkParseLean from '../plugins/remark-parse-lean.ts';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import { vfileDiagnostics } from '../lib/report.ts';
import { rehypePlugins, remarkPlugins } from '../plugins/index.ts';
import { linkTargets, type Heading, type LinkRef, type RenderedPage, type RenderInput, type Todo } from '../lib/rendered.ts';
import { markdownCopy } from '../lib/markdown-copy.ts';
import type { PipelineOptions } from '../plugins/types.ts';

export type { Heading, LinkRef, RenderedPage, RenderInput, Todo };

export type MarkdownProcessor = Processor<any, any, any, any, string>;

/** Builds the processor once; reuse it for every page. */
export function createMarkdownProcessor(options: PipelineOptions = {}): MarkdownProcessor {
  return unified()
    .use(remarkParseLean)
    .use(remarkPlugins(options))
    .use(remarkRehype, { allowDangerousHtml: true, footnoteLabelTagName: 'h2', footnoteBackLabel: 'Back to reference' })
    .use(rehypePlugins(options))
    .use(rehypeStringify) as unknown as MarkdownProcessor;
}

/**
 * How deep block quotes and lists may nest. Deeper Markdown exhausts the call stack of the
 * parser or serializer, at a depth that differs between the main thread and a worker; a fixed
 * limit, checked before parsing, gives every page the same outcome wherever it renders.
 */
export const MAX_NESTING = 256;

/** The first line nested deeper than MAX_NESTING (`>` markers plus list indentation), if any. */
export function tooDeep(body: string): { line: number; depth: number } | undefined {
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^((?:[ \t]*>)*)([ \t]*)/.exec(lines[i]!)!;
    const quotes = m[1]!.split('>').length - 1;
    const indent = m[2]!.replace(/\t/g, '    ').length;
    const depth = quotes + Math.floor(indent / 2);
    if (depth > MAX_NESTING) return { line: i + 1, depth };
  }
  return undefined;
}

/** Renders one page. Never throws for bad input: problems come back as diagnostics. */
export async function renderPage(processor: MarkdownProcessor, input: RenderInput): Promise<RenderedPage> {
  const file = new VFile({ path: input.file, value: input.body });
  file.data.titleFromHeading = Boolean(input.titleFromHeading);
  let html = '';
  const deep = tooDeep(input.body);
  try {
    if (deep) {
      const m = file.message(`This line is nested ${deep.depth} levels deep (block quotes and list indentation); at most ${MAX_NESTING} are rendered.`, { place: { line: deep.line, column: 1 }, ruleId: 'too-deep', source: 'devguide' });
      m.fatal = true;
      m.note = 'Flatten the nesting: split the quote or list into shorter ones, or put deep content in a code block.';
    } else html = String(await processor.process(file));
  } catch (error) {
    const e = error as { message?: string; line?: number; column?: number; place?: { line: number; column: number } };
    file.message(`Rendering failed: ${e.message ?? String(error)}`, { place: e.place, ruleId: 'invalid-directive', source: 'devguide' }).fatal = true;
  }
  return {
    html,
    headings: file.data.headings ?? [],
    links: file.data.links ?? [],
    anchors: file.data.anchors ?? [],
    todos: file.data.todos ?? [],
    ...(file.data.resolved?.length ? { resolved: file.data.resolved } : {}),
    ...(file.data.titleId ? { titleId: file.data.titleId } : {}),
    ...(file.data.mermaid ? { mermaid: true } : {}),
    ...(input.copy && file.data.copySites ? { markdown: markdownCopy({ ...input.copy, linkTargets: linkTargets({ links: file.data.links ?? [], resolved: file.data.resolved }) }, input.body, file.data.copySites, input.copy.siteUrl) } : {}),
    diagnostics: vfileDiagnostics(file, input.file),
  };
}
