/**
 * `llms.txt` and `llms-full.txt` (https://llmstxt.org): the site for tools and assistants. The
 * index names the site, says what it is, and lists every guide's Markdown copy by section in
 * reading order; the full file is every copy, one after another, in the same order.
 */
import { absoluteUrl, markdownUrl } from './page-links.ts';
import type { Page, SiteModel } from './site.ts';

/** Text safe inside a Markdown link's brackets, on one line. */
function linkText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\[\]]/g, '\\$&');
}

/** The guides by section, sections in the site's order, each section's guides in reading order. */
function bySection(model: Pick<SiteModel, 'config' | 'sections' | 'pages'>): Array<{ label: string; pages: Page[] }> {
  const groups = model.sections.map((s) => ({ label: s.label, pages: model.pages.filter((p) => p.section === s.id) }));
  const known = new Set(model.sections.map((s) => s.id));
  // A page outside every section (none in devguide's own layout) is listed under the site's name.
  const others = model.pages.filter((p) => !known.has(p.section));
  return [...groups, { label: model.config.title, pages: others }].filter((g) => g.pages.length);
}

/** The llms.txt index: `# Title`, `> description`, then `## Section` lists of the Markdown copies. */
export function llmsTxt(model: Pick<SiteModel, 'config' | 'sections' | 'pages'>): string {
  const { title, description, url } = model.config;
  const lines = [`# ${title}`, ''];
  if (description.trim()) lines.push(`> ${description.replace(/\s+/g, ' ').trim()}`, '');
  for (const group of bySection(model)) {
    lines.push(`## ${group.label}`, '');
    for (const page of group.pages) {
      const about = page.description?.trim() ? `: ${page.description.replace(/\s+/g, ' ').trim()}` : '';
      lines.push(`- [${linkText(page.title)}](${absoluteUrl(markdownUrl(page.url), '/', url)})${about}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** llms-full.txt: the Markdown copies in reading order (`copies` by page URL), parted by rules. */
export function llmsFullTxt(model: Pick<SiteModel, 'pages'>, copies: ReadonlyMap<string, string>): string {
  return `${model.pages.map((p) => copies.get(p.url)?.trimEnd() ?? '').filter(Boolean).join('\n\n---\n\n')}\n`;
}
