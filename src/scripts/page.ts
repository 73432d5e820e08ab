/**
 * The only script a page loads before search is opened: theme, menu, "On this page", copy buttons,
 * tabs and the keyboard shortcuts. Search itself is a separate chunk imported on first use.
 * The templates render every control, and handlers and ARIA states are set as properties: the
 * page's script must stay within 5 KB.
 */
import { textToCopy } from './copy-text.ts';

const root = document.documentElement;
const $ = <E extends Element = HTMLElement>(selector: string) => document.querySelector<E>(selector)!;
const $$ = <E extends Element = HTMLElement>(selector: string) => [...document.querySelectorAll<E>(selector)];
const THEME_KEY = 'dg-theme';
const TAB_KEY = 'dg-tab';
/** The live region: what a control did, for screen readers. */
const live = $('[data-live]');

function store(key: string, value?: string): string | null {
  try {
    if (value !== undefined) localStorage.setItem(key, value);
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

// Theme: auto (the OS's, the default), light or dark. Each click moves to the next, the other one
// than the OS's first, so that every click changes what the reader sees. The inline script in
// <head> applies the stored choice before paint, and CSS shows the current one's icon and name,
// which the live region says too.
$('[data-theme-toggle]').onclick = () => {
  const order = matchMedia('(prefers-color-scheme: dark)').matches ? ['', 'light', 'dark'] : ['', 'dark', 'light'];
  const theme = order[(order.indexOf(root.dataset.theme ?? '') + 1) % 3]!;
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
  store(THEME_KEY, theme);
  live.textContent = $(`.theme-${theme || 'auto'}`).title;
};

// Menu: on narrow screens the navigation (every page has it, src/layouts/Base.astro) opens as a
// drawer over the page. While it is open the rest of the page is inert, so Tab stays in the drawer
// and its button; a tap beside it, Escape, the button or a window wide enough for the sidebar
// closes it.
const menu = $<HTMLButtonElement>('[data-menu]');
const sidebar = $('#sidebar');
const menuOpen = () => sidebar.classList.contains('open');
const setMenu = (open: boolean) => {
  menu.ariaExpanded = String(sidebar.classList.toggle('open', open));
  // Inert: everything beside the drawer, the button, and the elements that hold them.
  for (const keep of [sidebar, menu]) {
    for (let el: Element = keep; el !== document.body; el = el.parentElement!) {
      for (const other of el.parentElement!.children) if (!other.contains(sidebar) && !other.contains(menu)) (other as HTMLElement).inert = open;
    }
  }
};
const closeMenu = () => {
  if (!menuOpen()) return;
  setMenu(false);
  menu.focus();
};
menu.onclick = () => setMenu(!menuOpen());
matchMedia('(min-width: 50.01rem)').onchange = () => setMenu(false);

// On this page: the link to the section being read (the last heading above the top third of the
// window, or anywhere in it once the page can scroll no further) is marked as the reader scrolls. Only its
// colour and bar change, so nothing moves. The observer watches every block of the guide, not just
// the headings, so that a jump past a heading (a link, a search) is noticed too.
const marks = $$<HTMLAnchorElement>('.toc a');
const headings = marks.map((a) => document.getElementById(a.getAttribute('href')!.slice(1)));
const spy = new IntersectionObserver(
  () => {
    const line = innerHeight + scrollY < root.scrollHeight - 1 ? innerHeight / 3 : innerHeight;
    const current = headings.findLastIndex((h) => h && h.getBoundingClientRect().top < line);
    marks.forEach((a, i) => (a.ariaCurrent = i === current ? 'true' : null));
  },
  { rootMargin: '0px 0px -67% 0px' },
);
if (marks.length) $$('.content > *').forEach((block) => spy.observe(block));

// Copy buttons say whether it worked, on themselves for a moment and in the live region.
const copier = (button: HTMLElement, copy: () => Promise<void>) => {
  const label = button.textContent;
  button.onclick = () =>
    copy()
      .then(() => button.dataset.done, () => button.dataset.failed)
      .then((said) => {
        button.textContent = live.textContent = said!;
        setTimeout(() => (button.textContent = label), 2000);
      });
};

// A code block's button is added here, so a page without JavaScript shows no dead button. The
// layout renders one, with its words in the site's language, in a <template>.
const copy = $<HTMLTemplateElement>('[data-copy]').content.firstElementChild!;
for (const block of $$('.code')) {
  copier(block.appendChild(copy.cloneNode(true) as HTMLElement), () =>
    navigator.clipboard.writeText(textToCopy([...block.querySelectorAll('.line:not(.del)')].map((l) => l.textContent!), block.hasAttribute('data-shell'))),
  );
}

// "Copy page" copies the guide's Markdown copy. The clipboard is handed the download itself, so
// the write belongs to the click even where a browser allows it only then (Safari).
const copyPage = $('[data-copy-page]');
if (copyPage) {
  const markdown = () => fetch(copyPage.dataset.copyPage!).then(async (r) => (r.ok ? new Blob([await r.text()], { type: 'text/plain' }) : Promise.reject()));
  copier(copyPage, () => navigator.clipboard.write([new ClipboardItem({ 'text/plain': markdown() })]));
}

// Tabs (rendered as tablists by src/plugins/remark-tabs.ts, panels following each): the label
// chosen (say "Windows") is selected in every group, on this page and the next. Until the reader
// chooses, the reader's OS is.
const agent = navigator as Navigator & { userAgentData?: { platform: string } };
const platform = agent.userAgentData?.platform || navigator.platform || navigator.userAgent;
const os = /Win/.test(platform) ? 'Windows' : /Mac|mac|iP/.test(platform) ? 'macOS' : /Lin|X11|CrOS/.test(platform) ? 'Linux' : '';
const tabLists = $$('.tabs > [role=tablist]');
/** Selects the tab labelled `label` in `list`'s group and shows its panel; false when there is none. */
const select = (list: Element, label: string | null) => {
  const tabs = [...list.children] as HTMLElement[];
  const found = tabs.some((tab) => tab.textContent === label);
  if (found) {
    tabs.forEach((tab, i) => {
      const on = tab.textContent === label;
      tab.ariaSelected = String(on);
      tab.tabIndex = on ? 0 : -1;
      (list.parentElement!.children[i + 1] as HTMLElement).hidden = !on;
    });
  }
  return found;
};
// Every group follows the choice, so panels above may change height: scroll by the difference to
// keep the chosen tab where the reader's pointer or eyes are.
const choose = (tab: HTMLElement) => {
  const top = tab.getBoundingClientRect().top;
  store(TAB_KEY, tab.textContent!);
  tabLists.forEach((list) => select(list, tab.textContent));
  scrollBy(0, tab.getBoundingClientRect().top - top);
  tab.focus();
};
for (const list of tabLists) {
  select(list, store(TAB_KEY)) || select(list, os) || select(list, list.firstElementChild!.textContent);
  list.parentElement!.className += ' enhanced';
}

document.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  const tab = target.closest<HTMLElement>('.tabs [role=tab]');
  if (tab) choose(tab);
  if (menuOpen() && !sidebar.contains(target) && !menu.contains(target)) setMenu(false);
});

// Search opens on the header button, "/" and Ctrl/Cmd+K. The dialog is in the page, so it opens and
// takes the keystrokes at once; the code that searches loads on first use and reads what was typed.
// A pointer over the button, or focus on it, starts loading that code and the index already.
// "?" opens the list of these keys, a dialog in the page too, which a click beside it closes.
const dialog = $<HTMLDialogElement>('[data-search-dialog]');
const opener = $('[data-search-open]');
const keys = $<HTMLDialogElement>('[data-keys-dialog]');
const search = (then: 'warmSearch' | 'mountSearchDialog') => import('./search.ts').then((m) => m[then](dialog));
const openSearch = (event: Event) => {
  event.preventDefault();
  closeMenu();
  if (!dialog.open) dialog.showModal();
  $('#search-dialog-input').focus();
  void search('mountSearchDialog');
};
opener.onclick = openSearch;
opener.onpointerover = opener.onfocus = () => search('warmSearch');
// (A handler property that returns false cancels the click, so this one returns nothing.)
keys.onclick = (event) => {
  if (event.target === keys) keys.close();
};
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  const typing = target.closest('input,textarea,select,[contenteditable]');
  const key = event.key;
  if (key === 'Escape') closeMenu();
  if ((key === '/' && !typing) || (key === 'k' && (event.ctrlKey || event.metaKey))) openSearch(event);
  if (key === '?' && !typing) {
    closeMenu();
    keys.showModal();
  }
  // Arrow keys, Home and End move between the tabs of a group.
  const tab = target.closest('.tabs [role=tab]');
  const list = tab?.parentElement;
  const to = list && { ArrowRight: tab.nextElementSibling ?? list.firstElementChild, ArrowLeft: tab.previousElementSibling ?? list.lastElementChild, Home: list.firstElementChild, End: list.lastElementChild }[key];
  if (to) {
    event.preventDefault();
    choose(to as HTMLElement);
  }
});
