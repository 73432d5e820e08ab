/**
 * What rendering a guide gives the rest of the build: its HTML and the parts the site model needs
 * (headings for the table of contents, links and anchors for the checker, todo notes,
 * diagnostics). The plugins fill these in; the core reads them without knowing the pipeline.
 */
import type { Diagnostic } from './diagnostics.ts';

export interface Heading {
  depth: number;
  id: string;
  text: string;
}

export interface LinkRef {
  /** The link as the page's HTML has it. */
  href: string;
  /** The link as the author wrote it, when it was rewritten (a relative link to a `.md` file). */
  written?: string;
  line: number;
  column: number;
}

/** A relative link or image that points at a file, as rehype-relative-links resolved it. */
export interface ResolvedLink {
  written: string;
  /** What the page's HTML now has. */
  href: string;
  /**
   * `page`: a Markdown file or folder in the content root; `asset`: another file in it, copied
   * into the site; `repository`: a file outside the root but in the git repository; `outside`:
   * outside both.
   */
  kind: 'page' | 'asset' | 'repository' | 'outside';
  /** The file or folder on disk it points at. */
  target: string;
  /** Shown as an image (`img`, `source`, `video`, `audio`), not followed as a link. */
  image: boolean;
  line: number;
  column: number;
}

export interface Todo {
  id: string;
  line: number;
  /** The note's whole text, as plain text (its label aside), for the /todo/ list. */
  text: string;
}

export interface RenderInput {
  /** Path used in diagnostics. */
  file: string;
  /** Markdown, with frontmatter lines blanked so positions match the file. */
  body: string;
  titleFromHeading?: boolean;
  /** Where the page is published and its title: given, the renderer also writes its Markdown copy. */
  copy?: { url: string; title: string; siteUrl?: string };
}

export interface RenderedPage {
  html: string;
  headings: Heading[];
  links: LinkRef[];
  anchors: string[];
  todos: Todo[];
  /** The page has a mermaid diagram, so it loads the diagram script. */
  mermaid?: boolean;
  /** Relative links to files, for the build to check and copy. */
  resolved?: ResolvedLink[];
  /** The id of the level-1 heading that gave the title (it is shown in the page header). */
  titleId?: string;
  /** The guide's Markdown copy (src/lib/markdown-copy.ts), when the input asked for one. */
  markdown?: string;
  diagnostics: Diagnostic[];
}

/** Data files whose loading failed: directives that read them render nothing and report nothing. */
export type InvalidData = 'experts' | 'labels' | 'releases';

/** Where the links a page's renderer rewrote now point, by their place in the file. */
export function linkTargets(r: Pick<RenderedPage, 'links' | 'resolved'>): Array<{ line: number; column: number; written: string; href: string }> {
  return [...r.links.flatMap((l) => (l.written ? [{ line: l.line, column: l.column, written: l.written, href: l.href }] : [])), ...(r.resolved ?? []).map(({ line, column, written, href }) => ({ line, column, written, href }))];
}
