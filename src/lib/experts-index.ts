/**
 * The experts index as the pages read it: its shape, its kinds of area, and which areas a person
 * is an expert in. The loader (experts.ts, with its schema and YAML) is not here, so the templates
 * that import this do not bring it into the bundle Vite makes in every build.
 */

export const KINDS = ['module', 'tool', 'platform', 'interest', 'translation'] as const;
export type Kind = (typeof KINDS)[number];

export interface Person {
  handle: string;
  name?: string;
  status: 'active' | 'emeritus';
  profile?: string;
  links: Record<string, string>;
}

export interface ExpertRef {
  handle: string;
  assignable: boolean;
}

export interface Area {
  kind: Kind;
  name: string;
  /** Anchor of the row on /experts/, e.g. `module-asyncio`. */
  id: string;
  experts: ExpertRef[];
  teams: string[];
  paths: string[];
  notes?: string;
  guides: string[];
  tier?: number;
  unmaintained: boolean;
  line: number;
}

export interface ExpertsIndex {
  file: string;
  people: Person[];
  areas: Area[];
}

/** The areas a person looks after. */
export function areasOf(index: ExpertsIndex, handle: string): Area[] {
  return index.areas.filter((a) => a.experts.some((e) => e.handle === handle));
}
