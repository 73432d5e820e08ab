/**
 * The navigation tree: sections, each a tree of entries. A folder of Markdown gives one from its
 * folders, an mdBook book from SUMMARY.md, and a devguide content folder from site.yaml's
 * sections. The sidebar, the reading order (previous / next), the breadcrumbs and the folder
 * listings all read it.
 */

export interface NavItem {
  title: string;
  /** The page it opens; absent for a draft chapter. */
  url?: string;
  children: NavItem[];
}

export interface NavSection {
  id: string;
  label: string;
  description?: string;
  /** The page the section's name links to; absent when it has none of its own. */
  url?: string;
  items: NavItem[];
}

/** Every URL in the tree, depth first: the reading order. */
export function navOrder(sections: readonly NavSection[]): string[] {
  const seen = new Set<string>();
  const visit = (items: readonly NavItem[]) => {
    for (const item of items) {
      if (item.url) seen.add(item.url);
      visit(item.children);
    }
  };
  for (const section of sections) {
    if (section.url) seen.add(section.url);
    visit(section.items);
  }
  return [...seen];
}

/** The tree without the entries `keep` refuses; their children move up into their place. */
export function pruneNav(items: readonly NavItem[], keep: (url: string) => boolean): NavItem[] {
  return items.flatMap((item) => {
    const children = pruneNav(item.children, keep);
    if (!item.url || keep(item.url)) return [{ ...item, children }];
    return children;
  });
}

/** The entries above `url` (its section first), for breadcrumbs; empty when it is not in the tree. */
export function trail(sections: readonly NavSection[], url: string): Array<{ label: string; href?: string }> {
  const path = (items: readonly NavItem[]): NavItem[] | undefined => {
    for (const item of items) {
      if (item.url === url) return [];
      const below = path(item.children);
      if (below) return [item, ...below];
    }
    return undefined;
  };
  for (const section of sections) {
    const above = section.url === url ? [] : path(section.items);
    if (!above) continue;
    const crumbs = above.map((item) => ({ label: item.title, href: item.url }));
    return section.url === url ? [] : [{ label: section.label, href: section.url }, ...crumbs];
  }
  return [];
}

/** The section whose tree holds `url`. */
export function sectionOf(sections: readonly NavSection[], url: string): NavSection | undefined {
  const holds = (items: readonly NavItem[]): boolean => items.some((item) => item.url === url || holds(item.children));
  return sections.find((s) => s.url === url || holds(s.items));
}

/** Whether `item` is `url` or an ancestor of it: the branch the sidebar keeps open. */
export function onBranch(item: NavItem, url: string | undefined): boolean {
  if (!url) return false;
  return item.url === url || item.children.some((child) => onBranch(child, url));
}

/** At most this many sections are listed in the sidebar (see `sectionWindow`). */
export const SIDEBAR_SECTIONS = 40;

/**
 * The sections the sidebar lists: all of them up to `limit`; beyond, the `limit` around the
 * current one (or the first `limit`), and how many are left out, which the home page lists. A
 * page's size then does not grow with the number of sections: at 500 sections every guide
 * carried 30 KB of links to them.
 */
export function sectionWindow<T extends { id: string }>(sections: readonly T[], current: string | undefined, limit = SIDEBAR_SECTIONS): { shown: T[]; hidden: number } {
  if (sections.length <= limit) return { shown: [...sections], hidden: 0 };
  const at = Math.max(0, sections.findIndex((s) => s.id === current));
  const start = Math.min(Math.max(0, at - Math.floor(limit / 2)), sections.length - limit);
  return { shown: sections.slice(start, start + limit), hidden: sections.length - limit };
}
