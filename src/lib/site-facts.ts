/**
 * Facts about the whole site that every page shows, worked out once per model: asked for by each
 * of 50,000 pages, a walk over every page made page generation quadratic (the Astro stage took
 * 866 s of a 1,067 s build).
 */
import type { Page, SiteModel } from './site.ts';

interface SiteFacts {
  /** Each guide's place in reading order. */
  position: Map<string, number>;
  hasTodos: boolean;
}
const facts = new WeakMap<Pick<SiteModel, 'pages'>, SiteFacts>();
function factsOf(model: Pick<SiteModel, 'pages'>): SiteFacts {
  let known = facts.get(model);
  if (!known) {
    known = { position: new Map(model.pages.map((p, i) => [p.url, i])), hasTodos: model.pages.some((p) => p.todos.length > 0) };
    facts.set(model, known);
  }
  return known;
}

/** The guides before and after `url` in reading order (what reading-order.ts `neighbours` finds, by index). */
export function pageNeighbours(model: Pick<SiteModel, 'pages'>, url: string): { previous?: Page; next?: Page } {
  const i = factsOf(model).position.get(url);
  return i === undefined ? {} : { previous: model.pages[i - 1], next: model.pages[i + 1] };
}

/** The guide at `url`, if there is one. */
export function pageAt(model: Pick<SiteModel, 'pages'>, url: string): Page | undefined {
  const i = factsOf(model).position.get(url);
  return i === undefined ? undefined : model.pages[i];
}

/** Whether any guide has a `:::todo` note (the sidebar then links to Help wanted). */
export function hasTodos(model: Pick<SiteModel, 'pages'>): boolean {
  return factsOf(model).hasTodos;
}
