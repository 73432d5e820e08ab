/** sitemap.xml for sites that set `url` in site.yaml. */
import type { SiteModel } from './site.ts';
import { escapeHtml } from './html.ts';


/** Every page a search engine should index: the built-in pages not marked noindex, listings and guides. */
export function sitemap(model: SiteModel): string | undefined {
  const base = model.config.url;
  if (!base) return undefined;
  const paths = [...new Set([...model.builtIn.filter((p) => p.sitemap).map((p) => p.path), ...model.listings.map((l) => l.url), ...model.pages.map((p) => p.url)])];
  const lastmod = new Map(model.pages.map((p) => [p.url, p.lastUpdated]));
  const entries = paths.map((p) => {
    const date = lastmod.get(p);
    return `  <url><loc>${escapeHtml(new URL(p, base).href)}</loc>${date ? `<lastmod>${date.slice(0, 10)}</lastmod>` : ''}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}
