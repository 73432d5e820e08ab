/**
 * mdBook's SUMMARY.md: the book's navigation. Prefix chapters (links before the first list),
 * numbered chapters (nested lists of links), part titles (`# Part`) that start a new part, draft
 * chapters (`[Title]()`, listed but not linked) and suffix chapters (links after the lists, each a
 * part of its own, as mdBook lists them after the numbered chapters).
 * See https://rust-lang.github.io/mdBook/format/summary.html.
 */
import type { Link, List, ListItem, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

export interface SummaryItem {
  title: string;
  /** The link's target as written (relative to SUMMARY.md); absent for a draft chapter. */
  path?: string;
  line: number;
  column: number;
  children: SummaryItem[];
}

export interface SummaryPart {
  /** The part title; absent for the chapters before the first one. */
  label?: string;
  line?: number;
  items: SummaryItem[];
  /** A suffix chapter (a link after the numbered chapters), which belongs to no part. */
  suffix?: true;
}

/** Reads SUMMARY.md into parts of chapters, in the book's order. */
export function parseSummary(text: string): SummaryPart[] {
  const tree = fromMarkdown(text);
  const parts: SummaryPart[] = [{ items: [] }];
  let seenChapter = false;
  let seenHeading = false;
  let seenList = false;
  const current = () => parts.at(-1)!;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      // The first heading before any chapter is the summary's own title ("# Summary").
      if (!seenChapter && !seenHeading) {
        seenHeading = true;
        continue;
      }
      parts.push({ label: toString(node), line: node.position?.start.line, items: [] });
    } else if (node.type === 'list') {
      current().items.push(...listItems(node));
      seenChapter = true;
      seenList = true;
    } else if (node.type === 'paragraph') {
      const links = linksIn(node);
      // After the numbered chapters, each link is a suffix chapter of its own (appendices).
      if (seenList) parts.push(...links.map((link) => ({ items: [item(link, [])], suffix: true as const })));
      else current().items.push(...links.map((link) => item(link, [])));
      if (links.length) seenChapter = true;
    }
  }
  return parts.filter((p) => p.items.length || p.label);
}

function listItems(list: List): SummaryItem[] {
  return list.children.flatMap((entry: ListItem) => {
    const link = entry.children.flatMap((child) => (child.type === 'paragraph' ? linksIn(child) : []))[0];
    const nested = entry.children.filter((child): child is List => child.type === 'list').flatMap(listItems);
    if (!link) {
      // A list item that is not a link (plain text) still groups its nested chapters.
      const paragraph = entry.children.find((c) => c.type === 'paragraph');
      if (!paragraph) return nested;
      const start = entry.position?.start;
      return [{ title: toString(paragraph), line: start?.line ?? 0, column: start?.column ?? 0, children: nested }];
    }
    return [item(link, nested)];
  });
}

function linksIn(node: RootContent): Link[] {
  if (node.type === 'link') return [node];
  if ('children' in node) return (node.children as RootContent[]).flatMap(linksIn);
  return [];
}

function item(link: Link, children: SummaryItem[]): SummaryItem {
  const start = link.position?.start;
  return { title: toString(link), ...(link.url ? { path: link.url } : {}), line: start?.line ?? 0, column: start?.column ?? 0, children };
}
