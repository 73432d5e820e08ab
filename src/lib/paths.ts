/** Where things live: the project root (this repository), the default content, the cache. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_CONTENT = path.join(PROJECT_ROOT, 'content');
export const CACHE_DIR = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'devguide');

/** The content folder chosen by `--content` (through the environment), else the bundled one. */
export function contentDirFromEnv(): string {
  return path.resolve(process.env.DEVGUIDE_CONTENT || DEFAULT_CONTENT);
}
