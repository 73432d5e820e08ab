/**
 * The pipeline's contract: the options and data every plugin may receive, and the descriptor a
 * directive plugin exports. The known-directive list, the directives' written forms and the data
 * a page's cache key covers are all derived from those descriptors (src/plugins/index.ts).
 */
import type { CommitRules } from '../lib/commit-message.ts';
import type { ExpertsIndex } from '../lib/experts.ts';
import type { LabelGroup } from '../lib/labels.ts';
import type { Release } from '../lib/release-cycle.ts';
import type { InvalidData } from '../lib/rendered.ts';
import type { Options as CodeOptions } from './rehype-code.ts';
import type { LinkContext } from './rehype-relative-links.ts';

export type { InvalidData };

export interface PipelineOptions {
  /** Data that directives render: the experts index, labels, release cycle. */
  data?: PipelineData;
  /** Keep raw HTML as written (site.yaml `options.trustHtml`). */
  trustHtml?: boolean;
  /** Render `:::todo` notes (site.yaml `options.showTodos`); removed when false. */
  showTodos?: boolean;
  highlighter?: CodeOptions['highlighter'];
  /** The site's language (site.yaml `lang`) for the words plugins write; default 'en'. */
  lang?: string;
  /** The site's own address (site.yaml `url`): links elsewhere are marked as leaving it. */
  siteUrl?: string;
  /**
   * The folder `{{#include}}` may read from: the git repository root, else the content folder.
   * Unset: includes may read any file.
   */
  includeRoot?: string;
  /** Where relative links resolve: the content root and the git repository (rehype-relative-links). */
  links?: LinkContext;
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

/** One kind of data a page can depend on. */
export type DataKind = Exclude<keyof PipelineData, 'invalid'>;

/** What a directive plugin declares about each directive it handles. */
export interface DirectiveDescriptor {
  name: string;
  /** How it is written, for a known name written with the wrong number of colons. */
  form: string;
  /** The data its output depends on, so only pages that use it depend on that data. */
  reads?: DataKind[];
}

/** A use of data that is not a directive (a commit example's fence, say), found by a pattern. */
export interface DataUse {
  pattern: RegExp;
  reads: DataKind[];
}
