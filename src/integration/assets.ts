/**
 * Files beside the guides that pages link to (images, diagrams, PDFs): copied into the built site
 * at the path they have below the content root, and served from there by the dev server. They go
 * into the site being built, never into the project's public/, so two sites built from one
 * checkout share nothing.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SiteModel } from '../lib/site.ts';

/** Copies every asset into `out`; returns how many. */
export function copyAssets(out: string, model: SiteModel): number {
  for (const asset of model.assets) {
    const target = path.join(out, ...asset.url.split('/').filter(Boolean));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(asset.file, target);
  }
  return model.assets.length;
}

/** The file an asset URL (a request's decoded path) is served from, if it is one. */
export function assetFile(model: SiteModel, pathname: string): string | undefined {
  return model.assets.find((a) => a.url === pathname)?.file;
}
