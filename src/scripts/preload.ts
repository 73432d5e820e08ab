/**
 * What each dynamic `import()` in the site's scripts runs through in a build, in place of Vite's own
 * preload helper (src/integration/preload-helper.ts points Vite here). Vite rewrites `import(x)` as
 * `__vitePreload(() => import(x), deps)`, `deps` being the chunk and the chunks it imports, so they
 * download side by side rather than one after another. Vite's helper does that in 1.9 KB, with
 * base URLs, CSP nonces and error events this site has no use for; a guide's first view has 5 KB
 * of script in all, so it is this instead. The site's chunks carry no CSS (every style is in the
 * layout's stylesheet), so there is none to wait for.
 */
const requested = new Set<string>();

export function __vitePreload<T>(load: () => Promise<T>, deps?: readonly string[]): Promise<T> {
  for (const dep of deps ?? []) {
    if (requested.has(dep)) continue;
    requested.add(dep);
    document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href: `/${dep}` }));
  }
  return load();
}
