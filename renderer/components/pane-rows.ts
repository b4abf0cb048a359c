/**
 * What a file pane's rows show, apart from the pane itself: its columns, a row's icon and tooltip, the owner
 * column, which names are hidden, and the footer's loading words.
 */
import { t, translator } from '../../common/i18n/t';
import { visibleName } from '../../common/models/visible-name';
import { markWords, type CompareMarkKind } from '../state/compare-model';
import type { PaneEntry, SortKey } from '../state/pane-model';

/** A value computed at its first use, then kept. */
export function lazily<T>(compute: () => T): () => T {
  let value: { readonly v: T } | null = null;
  return () => (value ??= { v: compute() }).v;
}

export interface Column {
  readonly key: SortKey;
  readonly className: string;
  readonly remoteOnly?: boolean;
}

export const COLUMNS: readonly Column[] = [
  { key: 'name', className: 'c-name' },
  { key: 'size', className: 'c-size' },
  { key: 'type', className: 'c-type' },
  { key: 'modified', className: 'c-modified' },
  { key: 'permissions', className: 'c-perms' },
  { key: 'owner', className: 'c-owner', remoteOnly: true },
];

export function iconFor(entry: PaneEntry): 'folder' | 'file' | 'link' {
  if (entry.type === 'directory') return 'folder';
  if (entry.type === 'symlink') return 'link';
  return 'file';
}

/** "Loading… 42,000 entries" while a listing arrives; "Sorting 100,000 entries…" while a big one is put in order. */
export function loadingText(loading: boolean, received: number, total: number): string {
  if (loading) return received > 0 ? t('panes.loading.received', { count: translator().number(received) }) : t('panes.loading');
  return t('panes.sorting', { count: translator().number(total) });
}

/** `owner:group` as the server listed them (either may be missing). */
export function ownerAndGroup(entry: PaneEntry): string {
  return `${entry.owner ?? ''}${entry.group ? `:${entry.group}` : ''}`;
}

/** A row's tooltip: its name (and link target), and why a compare marked it. */
export function rowTitle(entry: PaneEntry, mark: { readonly kind: CompareMarkKind; readonly explanation: string } | null): string {
  const name = entry.linkTarget ? t('panes.row.link', { name: visibleName(entry.name), target: visibleName(entry.linkTarget) }) : visibleName(entry.name);
  return mark ? t('panes.row.mark', { name, mark: markWords(mark.kind), explanation: mark.explanation }) : name;
}

export function isHiddenName(entry: PaneEntry): boolean {
  return entry.hidden ?? entry.name.startsWith('.');
}
