/**
 * The last address (path and search) of each list page in this tab, so that a detail page's
 * back link returns to the list as the user left it: same filters, sort and page. Kept in
 * sessionStorage, so it survives a reload of the detail page but not the tab.
 */

const KEY = 'gongfu.lists';
let memory: Record<string, string> | null = null;

function read(): Record<string, string> {
  if (memory) return memory;
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    memory = parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    memory = {};
  }
  return memory;
}

export function rememberListUrl(pathname: string, search: string): void {
  const all = read();
  if (all[pathname] === search) return;
  all[pathname] = search;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    /* storage full or disabled: the memory copy still serves this page's life */
  }
}

/** The list at `pathname` as last shown in this tab (its search parameters), or plain. */
export function listUrl(pathname: string): string {
  return `${pathname}${read()[pathname] ?? ''}`;
}
