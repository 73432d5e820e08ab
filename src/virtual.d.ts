/** The virtual module pages read the site model from (src/integration/site-module.ts). */
declare module 'virtual:devguide/site' {
  export const site: () => import('./lib/site.ts').SiteModel;
  export const skippedPages: () => ReadonlySet<string>;
}
