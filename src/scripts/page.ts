/**
 * The only script a page loads before search is opened: theme toggle, menu, copy buttons, tabs and
 * the search shortcuts. Search itself is a separate chunk imported on first use.
 */
import { textToCopy } from './copy-text.ts';

const root = document.documentElement;
const THEME_KEY = 'devguide-theme';
const TAB_KEY = 'devguide-tab';

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
const isDark = () => (root.dataset.theme ?? (dark.matches ? 'dark' : 'light')) === 'dark';
const syncToggle = () => toggle?.setAttribute('aria-pressed', String(isDark()));
if (toggle) {
  toggle.hidden = false;
  syncToggle();
  toggle.addEventListener('click', () => {
    const theme = isDark() ? 'light' : 'dark';
    root.dataset.theme = theme;
    store(THEME_KEY, theme);
    syncToggle();
  });
  dark.addEventListener('change', syncToggle);
}

// Menu: on narrow screens the sidebar folds away behind this button.
const menu = document.querySelector<HTMLButtonElement>('[data-menu]');
const sidebar = document.getElementById('sidebar');
if (menu && sidebar) {
  menu.hidden = false;
  menu.addEventListener('click', () => {
    const open = sidebar.classList.toggle('open');
    menu.setAttribute('aria-expanded', String(open));
  });
}

// Copy buttons, added here so a page without JavaScript shows no dead button.
const live = document.createElement('p');
live.className = 'visually-hidden';
live.setAttribute('aria-live', 'polite');
document.body.append(live);
for (const block of document.querySelectorAll<HTMLElement>('.code')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', 'Copy code');
  button.addEventListener('click', async () => {
    try {
      const lines = [...block.querySelectorAll<HTMLElement>('.line')].filter((l) => !l.classList.contains('del')).map((l) => l.textContent ?? '');
      await navigator.clipboard.writeText(textToCopy(lines, block.hasAttribute('data-shell')));
      button.textContent = live.textContent = 'Copied';
    } catch {
      button.textContent = live.textContent = 'Copy failed';
    }
    setTimeout(() => ((button.textContent = 'Copy'), (live.textContent = '')), 2000);
  });
  block.append(button);
}

// Tabs: every panel is visible and labelled without JavaScript; here they become a tablist, and
// the chosen label (say "Windows") is selected in every group, on this page and the next.
let groupCount = 0;
const groups: Array<(label: string) => boolean> = [];
for (const group of document.querySelectorAll<HTMLElement>('[data-tabs]')) {
  const panels = [...group.children].filter((c): c is HTMLElement => c.classList.contains('tab-panel'));
  const list = document.createElement('div');
  list.setAttribute('role', 'tablist');
  const n = groupCount++;
  const tabs = panels.map((panel, i) => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.id = `tab-${n}-${i}`;
    tab.textContent = panel.dataset.label ?? '';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', (panel.id ||= `panel-${n}-${i}`));
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    panel.tabIndex = 0;
    list.append(tab);
    return tab;
  });
  const select = (label: string): boolean => {
    const index = panels.findIndex((p) => p.dataset.label === label);
    if (index === -1) return false;
    panels.forEach((p, i) => {
      p.hidden = i !== index;
      tabs[i]!.setAttribute('aria-selected', String(i === index));
      tabs[i]!.tabIndex = i === index ? 0 : -1;
    });
    return true;
  };
  const choose = (label: string) => {
    store(TAB_KEY, label);
    for (const other of groups) other(label);
  };
  list.addEventListener('click', (event) => {
    const tab = (event.target as HTMLElement).closest('[role=tab]');
    if (tab) choose(tab.textContent ?? '');
  });
  list.addEventListener('keydown', (event) => {
    const current = tabs.findIndex((t) => t.getAttribute('aria-selected') === 'true');
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const target = tabs[(moves[event.key]! + tabs.length) % tabs.length]!;
    choose(target.textContent ?? '');
    target.focus();
  });
  group.prepend(list);
  group.classList.add('enhanced');
  groups.push(select);
  if (!select(store(TAB_KEY) ?? '')) select(panels[0]?.dataset.label ?? '');
}

// Search opens on the header button, "/" and Ctrl/Cmd+K; its code loads on first use.
const openSearch = (event?: Event) => {
  event?.preventDefault();
  void import('./search.ts').then((m) => m.openSearchDialog());
};
document.querySelector('[data-search-open]')?.addEventListener('click', openSearch);
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  if ((event.key === '/' && !typing) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey))) openSearch(event);
});
