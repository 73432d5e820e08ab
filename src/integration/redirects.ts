/** A page at every old path of redirects.yaml, and `_redirects` for hosts that read it. */
import type { SiteModel } from '../lib/site.ts';
import { writeRedirects } from '../lib/redirects.ts';

export function writeRedirectPages(dir: string, model: SiteModel): void {
  writeRedirects(dir, model.redirects, model.config.url);
}
