/**
 * The state of one file pane (local or remote) and the pure functions that change it: listing, sorting,
 * filtering, hidden files, selection (click, Ctrl, Shift, Ctrl+A), the keyboard cursor and type-to-find.
 * Selection and cursor are kept by name, so they survive a refresh of the same folder.
 */
import { t } from '../../common/i18n/t';
import type { WharfErrorData } from '../../common/models/errors';
import type { RemoteEntry } from '../../common/models/remote-entry';
import { compareByKeys, nameOrder } from './name-order';

/** Which pane. */
export type PaneSide = 'local' | 'remote';

/** An entry as a pane shows it: a remote entry, or a local one with its absolute path and hidden flag. */
export interface PaneEntry extends RemoteEntry {
  /** Local entries carry their absolute path; remote ones are joined from the folder. */
  readonly path?: string;
  readonly hidden?: boolean;
}

/** Sortable columns. */
export type SortKey = 'name' | 'size' | 'type' | 'modified' | 'permissions' | 'owner';

/** A column sort; folders always come first. */
export interface SortOrder {
  readonly key: SortKey;
  readonly direction: 'asc' | 'desc';
}

/** One pane. */
export interface PaneState {
  readonly side: PaneSide;
  /** The remote session shown (remote pane only). */
  readonly sessionId: string | null;
  /** The folder shown; null before the first listing. */
  readonly path: string | null;
  /** The parent folder to go up to; null at the top (a root, or the top of an allowed local folder). */
  readonly parent: string | null;
  /** `/` for remote; the OS separator for local. */
  readonly separator: string;
  readonly entries: readonly PaneEntry[];
  readonly loading: boolean;
  /** Entries received so far while a listing arrives in chunks (the footer's running count); 0 otherwise. */
  readonly received?: number;
  /** Why the last listing or operation failed; cleared by the next listing. */
  readonly error: WharfErrorData | null;
  readonly sort: SortOrder;
  readonly filter: string;
  readonly showHidden: boolean;
  readonly selected: ReadonlySet<string>;
  /** The keyboard cursor (focused row), by name. */
  readonly cursor: string | null;
  /** Where a Shift selection starts. */
  readonly anchor: string | null;
}

/** A pane before anything is listed. */
export function initialPane(side: PaneSide, separator = '/'): PaneState {
  return {
    side,
    sessionId: null,
    path: null,
    parent: null,
    separator,
    entries: [],
    loading: false,
    error: null,
    sort: { key: 'name', direction: 'asc' },
    filter: '',
    showHidden: false,
    selected: new Set(),
    cursor: null,
    anchor: null,
  };
}

/** A listing arrived: a new folder resets selection and cursor; a refresh of the same one keeps what still exists. */
export function applyListing(
  state: PaneState,
  listing: { readonly path: string; readonly parent: string | null; readonly separator?: string; readonly entries: readonly PaneEntry[] },
): PaneState {
  const sameFolder = state.path === listing.path;
  // A set of 100,000 names costs a visible pause: built only when there is a selection or cursor to keep.
  const keeps = sameFolder && (state.selected.size > 0 || state.cursor !== null || state.anchor !== null);
  const names = keeps ? new Set(listing.entries.map((e) => e.name)) : new Set<string>();
  const selected = keeps ? new Set([...state.selected].filter((n) => names.has(n))) : new Set<string>();
  const cursor = keeps && state.cursor !== null && names.has(state.cursor) ? state.cursor : null;
  return {
    ...state,
    path: listing.path,
    parent: listing.parent,
    separator: listing.separator ?? state.separator,
    entries: listing.entries,
    loading: false,
    error: null,
    selected,
    cursor,
    anchor: keeps && state.anchor !== null && names.has(state.anchor) ? state.anchor : cursor,
    filter: sameFolder ? state.filter : '',
  };
}

/** The parent of a remote path (`/a/b` -> `/a`); null at `/`. */
export function remoteParent(path: string): string | null {
  if (path === '/' || path === '') return null;
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return null;
  return slash === 0 ? '/' : trimmed.slice(0, slash);
}

/** Joins a folder and a name with a separator, without doubling it at a root. */
export function joinPath(folder: string, name: string, separator: string): string {
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/** The full path of an entry shown in a pane. */
export function entryPath(state: Pick<PaneState, 'path' | 'separator'>, entry: PaneEntry): string {
  return entry.path ?? joinPath(state.path ?? state.separator, entry.name, state.separator);
}

/** One step of the breadcrumb bar. */
export interface Crumb {
  readonly label: string;
  readonly path: string;
}

/** `/home/ann` -> `/`, `home`, `ann`; `C:\Users\ann` -> `C:\`, `Users`, `ann`. */
export function breadcrumbs(path: string, separator: string): Crumb[] {
  if (!path) return [];
  const crumbs: Crumb[] = [];
  let rest = path;
  let prefix: string;
  const drive = /^[A-Za-z]:[\\/]?/.exec(path);
  if (drive) {
    prefix = drive[0].length === 2 ? `${drive[0]}${separator}` : drive[0];
    rest = path.slice(drive[0].length);
  } else if (path.startsWith(separator)) {
    prefix = separator;
    rest = path.slice(separator.length);
  } else {
    prefix = '';
  }
  if (prefix) crumbs.push({ label: prefix, path: prefix });
  let current = prefix;
  for (const part of rest.split(separator)) {
    if (!part) continue;
    current = current === '' ? part : joinPath(current, part, separator);
    crumbs.push({ label: part, path: current });
  }
  return crumbs;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const byName = nameOrder();
/** Name keys per entry, built once per entry (entries live as long as their listing). */
const nameKeys = new WeakMap<PaneEntry, string | null>();

function nameKey(entry: PaneEntry): string | null {
  let key = nameKeys.get(entry);
  if (key === undefined) {
    key = byName.keyOf(entry.name);
    nameKeys.set(entry, key);
  }
  return key;
}

/** Prepares the name order's keys ahead of the first big sort. */
export function warmNameOrder(): void {
  void byName.usesKeys;
}

/** The collator's order of two entries' names, through their keys when both have one. */
function compareNames(a: PaneEntry, b: PaneEntry): number {
  return compareByKeys(byName, a.name, nameKey(a), b.name, nameKey(b));
}

function isFolder(e: PaneEntry): boolean {
  return e.type === 'directory';
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function compareBy(key: SortKey): (a: PaneEntry, b: PaneEntry) => number {
  switch (key) {
    case 'name':
      return compareNames;
    case 'size':
      return (a, b) => a.size - b.size || compareNames(a, b);
    case 'type':
      return (a, b) => collator.compare(extension(a.name), extension(b.name)) || compareNames(a, b);
    case 'modified':
      return (a, b) => (a.modifiedAt ?? '').localeCompare(b.modifiedAt ?? '') || compareNames(a, b);
    case 'permissions':
      return (a, b) => (a.permissions ?? '').localeCompare(b.permissions ?? '') || compareNames(a, b);
    case 'owner':
      return (a, b) => collator.compare(a.owner ?? '', b.owner ?? '') || compareNames(a, b);
    default: {
      const never: never = key;
      throw new Error(`unknown sort key ${String(never)}`);
    }
  }
}

/** Whether a name is hidden in this pane (a local entry says; remote dot-files are hidden). */
export function isHidden(entry: PaneEntry): boolean {
  return entry.hidden ?? entry.name.startsWith('.');
}

/** Turns a filter into a test: `*.txt` and `a?c` are globs, anything else a case-insensitive substring. */
export function filterMatcher(filter: string): (name: string) => boolean {
  const f = filter.trim().toLowerCase();
  if (!f) return () => true;
  if (/[*?]/.test(f)) {
    const pattern = f.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    const re = new RegExp(`^${pattern}$`, 'i');
    return (name) => re.test(name);
  }
  return (name) => name.toLowerCase().includes(f);
}

/** How a pane shows its entries: the sort, the filter and whether hidden files show. */
export interface PaneView {
  readonly sort: SortOrder;
  readonly filter: string;
  readonly showHidden: boolean;
}

/** Whether an entry shows: hidden files and the filter. */
export function visibleTest(view: PaneView): (entry: PaneEntry) => boolean {
  const match = filterMatcher(view.filter);
  return (e) => (view.showHidden || !isHidden(e)) && match(e.name);
}

/** The order of the grid: folders first, then the chosen column. */
export function rowOrder(sort: SortOrder): (a: PaneEntry, b: PaneEntry) => number {
  const compare = compareBy(sort.key);
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const fa = isFolder(a);
    if (fa !== isFolder(b)) return fa ? -1 : 1;
    return sign * compare(a, b);
  };
}

/** What the grid shows: hidden files and the filter applied, folders first, then the chosen column. */
export function visibleEntries(entries: readonly PaneEntry[], view: PaneView): PaneEntry[] {
  return entries.filter(visibleTest(view)).sort(rowOrder(view.sort));
}

/** A click on a column header: the same column flips direction, another starts ascending. */
export function toggleSort(sort: SortOrder, key: SortKey): SortOrder {
  return sort.key === key ? { key, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' };
}

/** A plain click: only this row. */
export function selectOnly(state: PaneState, name: string): PaneState {
  return { ...state, selected: new Set([name]), cursor: name, anchor: name };
}

/** Ctrl/Cmd+click or Ctrl+Space: toggles one row, keeps the others. */
export function toggleSelected(state: PaneState, name: string): PaneState {
  const selected = new Set(state.selected);
  if (selected.has(name)) selected.delete(name);
  else selected.add(name);
  return { ...state, selected, cursor: name, anchor: name };
}

/** Shift+click or Shift+arrow: every row from the anchor to `name`, in the order shown. */
export function selectRange(state: PaneState, names: readonly string[], name: string): PaneState {
  const anchor = state.anchor ?? state.cursor ?? name;
  let from = names.indexOf(anchor);
  const to = names.indexOf(name);
  if (to < 0) return state;
  if (from < 0) from = to;
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return { ...state, selected: new Set(names.slice(lo, hi + 1)), cursor: name, anchor };
}

/** Ctrl/Cmd+A: every row shown. */
export function selectAll(state: PaneState, names: readonly string[]): PaneState {
  return { ...state, selected: new Set(names), cursor: state.cursor ?? names[0] ?? null, anchor: state.anchor ?? names[0] ?? null };
}

/** Keys that move the cursor. */
export type CursorMove = 'up' | 'down' | 'home' | 'end' | 'pageup' | 'pagedown';

/**
 * Moves the cursor. `extend` (Shift) selects the range from the anchor; `keepSelection` (Ctrl) moves the
 * cursor alone; otherwise the row under the cursor becomes the selection.
 */
export function moveCursor(
  state: PaneState,
  names: readonly string[],
  move: CursorMove,
  options: { readonly extend?: boolean; readonly keepSelection?: boolean; readonly pageSize?: number } = {},
): PaneState {
  if (names.length === 0) return state;
  const page = Math.max(1, options.pageSize ?? 10);
  const current = state.cursor === null ? -1 : names.indexOf(state.cursor);
  let next: number;
  switch (move) {
    case 'up':
      next = current < 0 ? 0 : current - 1;
      break;
    case 'down':
      next = current + 1;
      break;
    case 'home':
      next = 0;
      break;
    case 'end':
      next = names.length - 1;
      break;
    case 'pageup':
      next = current - page;
      break;
    case 'pagedown':
      next = current < 0 ? page - 1 : current + page;
      break;
    default: {
      const never: never = move;
      throw new Error(`unknown move ${String(never)}`);
    }
  }
  next = Math.max(0, Math.min(names.length - 1, next));
  const name = names[next]!;
  if (options.extend) return selectRange(state, names, name);
  if (options.keepSelection) return { ...state, cursor: name };
  return selectOnly(state, name);
}

/** Type-to-find: the first name at or after the cursor starting with `prefix` (wrapping), or null. */
export function findByPrefix(names: readonly string[], prefix: string, from: number): string | null {
  const p = prefix.toLowerCase();
  if (!p || names.length === 0) return null;
  for (let i = 0; i < names.length; i++) {
    const name = names[(Math.max(0, from) + i) % names.length]!;
    if (name.toLowerCase().startsWith(p)) return name;
  }
  return null;
}

/** The entries selected, in the order shown; the cursor row when nothing is selected. */
export function selectedEntries(state: PaneState, shown: readonly PaneEntry[]): PaneEntry[] {
  const picked = shown.filter((e) => state.selected.has(e.name));
  if (picked.length > 0) return picked;
  const cursor = state.cursor === null ? undefined : shown.find((e) => e.name === state.cursor);
  return cursor ? [cursor] : [];
}

/** The footer's totals of the rows shown. */
export interface RowTotals {
  readonly folders: number;
  readonly files: number;
  /** Bytes of the files. */
  readonly bytes: number;
}

/** Folders, files and bytes of `rows`, added to `before` (a big listing counts only its new rows). */
export function rowTotals(rows: readonly PaneEntry[], before: RowTotals = { folders: 0, files: 0, bytes: 0 }): RowTotals {
  let { folders, files, bytes } = before;
  for (const e of rows) {
    if (e.type === 'directory') folders++;
    else {
      files++;
      bytes += e.size;
    }
  }
  return { folders, files, bytes };
}

/** How many of the rows shown are selected, and the bytes of those that are files. */
export function selectionTotals(shown: readonly PaneEntry[], selected: ReadonlySet<string>): { selectedCount: number; selectedBytes: number } {
  let selectedCount = 0;
  let selectedBytes = 0;
  if (selected.size === 0) return { selectedCount, selectedBytes };
  for (const e of shown) {
    if (selected.has(e.name)) {
      selectedCount++;
      if (e.type !== 'directory') selectedBytes += e.size;
    }
  }
  return { selectedCount, selectedBytes };
}

/** Footer text: "3 folders, 12 files, 4.2 MB" (+ selection). */
export function countSummary(shown: readonly PaneEntry[], selected: ReadonlySet<string>): RowTotals & { selectedCount: number; selectedBytes: number } {
  return { ...rowTotals(shown), ...selectionTotals(shown, selected) };
}

/** A name the user typed for a new folder or a rename: none of `/`, `\`, NUL, `.` or `..`. */
export function validateNewName(name: string, existing: readonly PaneEntry[], current?: string): string | null {
  const n = name.trim();
  if (!n) return t('rendererWords.name.empty');
  if (n === '.' || n === '..') return t('rendererWords.name.reserved');
  if (/[/\\\0]/.test(n) || [...n].some((c) => c.charCodeAt(0) < 0x20)) return t('rendererWords.name.forbidden');
  if (n !== current && existing.some((e) => e.name === n)) return t('rendererWords.name.exists', { name: n });
  return null;
}
