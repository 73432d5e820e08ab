/**
 * The starting site.yaml that `npm run init` writes for a folder of Markdown: what devguide
 * inferred (the title, the repository, the sections), with the other keys as comments that say
 * what they do. Every key is optional; the file only records what the folder already gives, so a
 * maintainer can see it and change it.
 */
import { stringify } from 'yaml';
import type { ContentSource } from './content.ts';

const quote = (value: unknown) => stringify(value).trimEnd();

export function starterSiteYaml(content: ContentSource): string {
  const site = content.site;
  const lines = [
    '# site.yaml, written by `npm run init` from what devguide found in this folder.',
    '# Every key is optional: change what you want, delete what you do not. See the README.',
    `title: ${quote(site.title)}`,
    '# description: One sentence for the home page and for search engines.',
    '# url: https://docs.example.org/   # the public address; enables sitemap.xml and canonical links',
  ];
  if (site.repository) {
    lines.push(
      '# Where the files live, for "Edit this page" and for links to files outside this folder.',
      'repository:',
      `  url: ${quote(site.repository.url)}`,
      `  branch: ${quote(site.repository.branch)}`,
      `  path: ${quote(site.repository.path || '.')}`,
    );
  } else {
    lines.push('# repository: { url: https://github.com/owner/name, branch: main, path: docs }   # for "Edit this page"');
  }
  if (site.sections.length) {
    lines.push(
      content.layout === 'mdbook'
        ? "# Sections in reading order, from SUMMARY.md's parts; change a label here to rename one."
        : content.layout === 'folder'
          ? '# Sections in reading order: the top-level folders (root files first); change a label or the order here.'
          : '# Sections in reading order: the folders under guides/.',
      'sections:',
      ...site.sections.flatMap((s) => [`  - id: ${quote(s.id)}`, `    label: ${quote(s.label)}`]),
    );
  }
  lines.push('# linkCheck: warn   # list broken links and images as warnings while you fix them, instead of failing the build');
  return `${lines.join('\n')}\n`;
}
