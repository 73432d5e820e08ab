/**
 * Links to a guide's file in its repository (site.yaml's `repository`): where the host edits it, and
 * one of its lines. Templates use these, so they live apart from the pipeline in site.ts (a template's
 * import is bundled by Vite in every build, with everything it imports).
 */
import type { SiteConfig } from './schema.ts';

/** Where the host edits a guide's file; none without `repository`. */
export function editUrl(config: SiteConfig, relativePath: string): string | undefined {
  return repositoryFileUrl(config, 'edit', relativePath);
}

/** A guide's file in the repository, as the host shows or edits it; none without `repository`. */
function repositoryFileUrl(config: SiteConfig, view: 'edit' | 'blob', relativePath: string): string | undefined {
  const repo = config.repository;
  if (!repo) return undefined;
  const base = repo.url.replace(/\/$/, '');
  const prefix = repo.path.replace(/^\/|\/$/g, '');
  return `${base}/${view}/${repo.branch}/${prefix ? `${prefix}/` : ''}${relativePath}`;
}

/**
 * A line of a guide's source in the repository (`…/blob/main/guides/x.md?plain=1#L12`: `plain=1`
 * shows a Markdown file as text, where GitHub and GitLab have line anchors); none without `repository`.
 */
export function sourceLineUrl(config: SiteConfig, relativePath: string, line: number): string | undefined {
  const url = repositoryFileUrl(config, 'blob', relativePath);
  return url && `${url}?plain=1#L${line}`;
}
