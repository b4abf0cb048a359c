/**
 * The panes' context menus (right-click, the Menu key or Shift+F10): which commands each pane offers and
 * which apply to what is selected. Pure, so the menu component only draws and the dispatcher only runs.
 */
import { t } from '../../common/i18n/t';
import type { PaneEntry, PaneSide } from './pane-model';

/** What a pane's menu can do; the dispatcher's `paneCommand` runs each. */
export type PaneCommand =
  | 'open'
  | 'download'
  | 'upload'
  | 'rename'
  | 'delete'
  | 'new-folder'
  | 'permissions'
  | 'raw-command'
  | 'copy-path'
  | 'refresh'
  | 'reveal';

/** One line of the menu. */
export interface MenuItem {
  readonly command: PaneCommand;
  readonly label: string;
  /** The key that does the same in the pane, shown at the right. */
  readonly shortcut: string | null;
  readonly disabled: boolean;
  /** Draws a separator above this item. */
  readonly groupStart: boolean;
}

/** An open context menu: which pane, and where (viewport pixels). */
export interface ContextMenuState {
  readonly side: PaneSide;
  readonly x: number;
  readonly y: number;
}

/** What the menu needs to know beyond the selection. */
export interface MenuContext {
  /** The pane shows a folder (and, for the remote pane, a connected session). */
  readonly ready: boolean;
  /** The other pane can receive a transfer (local: a session is connected; remote: a local folder is open). */
  readonly otherReady: boolean;
}

function opensAsFolder(side: PaneSide, entry: PaneEntry): boolean {
  return entry.type === 'directory' || (side === 'remote' && entry.type === 'symlink');
}

/**
 * The items of a pane's menu for the entries it acts on (the selection, or the row right-clicked).
 * Remote: Open (a folder, or a temporary copy of a file), Download, Rename, Delete, New folder, Permissions…, Enter custom command…, Copy path,
 * Refresh. Local: Open, Upload, Rename, Delete, New folder, Reveal in file manager.
 */
export function paneMenuItems(side: PaneSide, targets: readonly PaneEntry[], context: MenuContext): MenuItem[] {
  const one = targets.length === 1 ? targets[0]! : null;
  const some = targets.length > 0;
  const item = (command: PaneCommand, label: string, enabled: boolean, shortcut: string | null = null, groupStart = false): MenuItem => ({
    command,
    label,
    shortcut,
    disabled: !context.ready || !enabled,
    groupStart,
  });
  if (side === 'remote') {
    return [
      // A file opens as a downloaded temporary copy; Enter on a file transfers it instead (FileZilla's way).
      item('open', t('rendererWords.menu.open'), one !== null, one !== null && !opensAsFolder(side, one) ? null : t('rendererWords.key.enter')),
      item('download', t('rendererWords.menu.download'), some && context.otherReady, t('rendererWords.key.ctrlEnter')),
      item('rename', t('rendererWords.menu.rename'), one !== null, 'F2', true),
      item('delete', t('rendererWords.menu.delete'), some, t('rendererWords.key.delete')),
      item('new-folder', t('rendererWords.menu.newFolder'), true, 'F7'),
      item('permissions', t('rendererWords.menu.permissions'), some, null, true),
      item('raw-command', t('rendererWords.menu.rawCommand'), true),
      item('copy-path', t('rendererWords.menu.copyPath'), true, null, true),
      item('refresh', t('rendererWords.menu.refresh'), true, 'F5'),
    ];
  }
  return [
    item('open', t('rendererWords.menu.open'), one !== null, t('rendererWords.key.enter')),
    item('upload', t('rendererWords.menu.upload'), some && context.otherReady, t('rendererWords.key.ctrlEnter')),
    item('rename', t('rendererWords.menu.rename'), one !== null, 'F2', true),
    item('delete', t('rendererWords.menu.delete'), some, t('rendererWords.key.delete')),
    item('new-folder', t('rendererWords.menu.newFolder'), true, 'F7'),
    item('reveal', t('rendererWords.menu.reveal'), true, null, true),
  ];
}

/** Keeps a menu of `size` inside a viewport of `viewport`, opening up or left when it would not fit. */
export function placeMenu(at: { readonly x: number; readonly y: number }, size: { readonly width: number; readonly height: number }, viewport: { readonly width: number; readonly height: number }): { x: number; y: number } {
  const x = at.x + size.width > viewport.width ? Math.max(0, at.x - size.width) : at.x;
  const y = at.y + size.height > viewport.height ? Math.max(0, viewport.height - size.height - 4) : at.y;
  return { x, y };
}

/** The next enabled item from `from` in `direction` (wrapping), or -1 when none is enabled. */
export function nextEnabled(items: readonly MenuItem[], from: number, direction: 1 | -1): number {
  for (let step = 1; step <= items.length; step++) {
    const i = (((from + direction * step) % items.length) + items.length) % items.length;
    if (!items[i]!.disabled) return i;
  }
  return -1;
}
