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
  href: string;
  line: number;
  column: number;
}

export interface Todo {
  id: string;
  line: number;
  /** The note's text, shortened, for the /todo/ list. */
  summary: string;
}

export interface RenderInput {
  /** Path used in diagnostics. */
  file: string;
  /** Markdown, with frontmatter lines blanked so positions match the file. */
  body: string;
  titleFromHeading?: boolean;
}

export interface RenderedPage {
  html: string;
  headings: Heading[];
  links: LinkRef[];
  anchors: string[];
  todos: Todo[];
  diagnostics: Diagnostic[];
}

/** Data files whose loading failed: directives that read them render nothing and report nothing. */
export type InvalidData = 'experts' | 'labels' | 'releases';
