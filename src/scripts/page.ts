/**
 * The only script a page loads before search is opened: theme toggle, menu, copy buttons, tabs and
 * the search shortcuts. Search itself is a separate chunk imported on first use.
 */
import { textToCopy } from './copy-text.ts';

const root = document.documentElement;
const THEME_KEY = 'dg-theme';
const TAB_KEY = 'dg-tab';

function store(key: string, value?: string): string | null {
  try {
    if (value !== undefined) localStorage.setItem(key, value);
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

// Theme: follows the OS until the reader chooses; the choice is applied before paint by the inline
// script in <head>, so there is no flash.
const dark = matchMedia('(prefers-color-scheme: dark)');
const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : dark.matches);
const syncToggle = () => toggle && (toggle.ariaPressed = String(isDark()));
if (toggle) {
  syncToggle();
  toggle.onclick = () => {
    const theme = isDark() ? 'light' : 'dark';
    root.dataset.theme = theme;
    store(THEME_KEY, theme);
    syncToggle();
  };
  dark.onchange = syncToggle;
}

// Menu: on narrow screens the sidebar folds away behind this button and opens as a drawer, which
// the button or Escape closes.
let closeMenu = () => {};
const menu = document.querySelector<HTMLButtonElement>('[data-menu]');
const sidebar = document.getElementById('sidebar');
if (menu && sidebar) {
  menu.hidden = false;
  const setMenu = (open: boolean) => (menu.ariaExpanded = String(sidebar.classList.toggle('open', open)));
  menu.onclick = () => setMenu(!sidebar.classList.contains('open'));
  closeMenu = () => {
    if (!sidebar.classList.contains('open')) return;
    setMenu(false);
    menu.focus();
  };
}

// Copy buttons, added here so a page without JavaScript shows no dead button. The layout renders
// one, with its words in the site's language, in a <template>.
const live = document.querySelector('[data-live]')!;
const copy = document.querySelector<HTMLTemplateElement>('[data-copy]')!.content.firstElementChild!;
for (const block of document.querySelectorAll<HTMLElement>('.code')) {
  const button = block.appendChild(copy.cloneNode(true) as HTMLButtonElement);
  const label = button.textContent;
  button.onclick = async () => {
    const lines = [...block.querySelectorAll('.line:not(.del)')].map((l) => l.textContent!);
    try {
      await navigator.clipboard.writeText(textToCopy(lines, block.hasAttribute('data-shell')));
      button.textContent = live.textContent = button.dataset.done!;
    } catch {
      button.textContent = live.textContent = button.dataset.failed!;
    }
    setTimeout(() => (button.textContent = label), 2000);
  };
}

// Tabs: every panel is visible and labelled without JavaScript; here they become a tablist, and
// the chosen label (say "Windows") is selected in every group, on this page and the next.
const groups: Array<(label: string) => boolean> = [];
document.querySelectorAll<HTMLElement>('[data-tabs]').forEach((group, n) => {
  const panels = [...group.querySelectorAll<HTMLElement>(':scope > .tab-panel')];
  group.insertAdjacentHTML(
    'afterbegin',
    `<div role="tablist">${panels.map((p, i) => `<button role="tab" id="tab-${n}-${i}" aria-controls="panel-${n}-${i}"></button>`).join('')}</div>`,
  );
  const list = group.firstElementChild as HTMLElement;
  const tabs = [...list.children] as HTMLButtonElement[];
  panels.forEach((panel, i) => {
    tabs[i]!.textContent = panel.dataset.label!;
    panel.id = `panel-${n}-${i}`;
    panel.role = 'tabpanel';
    panel.setAttribute('aria-labelledby', tabs[i]!.id);
    panel.tabIndex = 0;
  });
  const select = (label: string): boolean => {
    const index = panels.findIndex((p) => p.dataset.label === label);
    if (index < 0) return false;
    panels.forEach((p, i) => {
      p.hidden = i !== index;
      tabs[i]!.ariaSelected = String(i === index);
      tabs[i]!.tabIndex = i === index ? 0 : -1;
    });
    return true;
  };
  // Every group follows the choice, so panels above may change height: scroll by the difference to
  // keep the chosen tab where the reader's pointer or eyes are.
  const choose = (tab: HTMLButtonElement) => {
    const top = tab.getBoundingClientRect().top;
    store(TAB_KEY, tab.textContent!);
    groups.forEach((other) => other(tab.textContent!));
    scrollBy(0, tab.getBoundingClientRect().top - top);
  };
  list.onclick = (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLButtonElement>('[role=tab]');
    if (tab) choose(tab);
  };
  list.onkeydown = (event) => {
    const current = tabs.findIndex((t) => t.tabIndex === 0);
    const to = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: -1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const target = tabs.at(to % tabs.length)!;
    choose(target);
    target.focus();
  };
  group.className += ' enhanced';
  groups.push(select);
  select(store(TAB_KEY)!) || select(panels[0]!.dataset.label!);
});

// Search opens on the header button, "/" and Ctrl/Cmd+K. The dialog is in the page, so it opens and
// takes the keystrokes at once; the code that searches loads on first use and reads what was typed.
// A pointer over the button, or focus on it, starts loading that code and the index already.
// (Handlers and ARIA states are set as properties, here and above: the page's script must stay
// within 5 KB.)
const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]')!;
const opener = document.querySelector<HTMLElement>('[data-search-open]')!;
const search = (then: 'warmSearch' | 'mountSearchDialog') => import('./search.ts').then((m) => m[then](dialog));
const openSearch = (event: Event) => {
  event.preventDefault();
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('input')!.focus();
  void search('mountSearchDialog');
};
opener.onclick = openSearch;
opener.onpointerover = opener.onfocus = () => search('warmSearch');
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeMenu();
  const typing = (event.target as HTMLElement).closest('input,textarea,select,[contenteditable]');
  if ((event.key === '/' && !typing) || (event.key === 'k' && (event.ctrlKey || event.metaKey))) openSearch(event);
});
