/** `sitemap.xml`, when site.yaml sets the site's `url`. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteModel } from '../lib/site.ts';
import { sitemap } from '../lib/sitemap.ts';

export function writeSitemap(dir: string, model: SiteModel): void {
  const map = sitemap(model);
  if (map) writeFileSync(path.join(dir, 'sitemap.xml'), map);
}
