/** A pane's commands: its context menu, Enter and double-click, and the F2/F7/Delete keys. */
import { t } from '../../common/i18n/t';
import { hasControlCharacters } from '../../common/models/site-profile';
import { visibleName } from '../../common/models/visible-name';
import { paneMenuItems, type MenuItem, type PaneCommand } from '../state/context-menu-model';
import { entryPath, selectedEntries, selectOnly, type PaneEntry, type PaneSide } from '../state/pane-model';
import { activeSession } from '../state/session-model';
import { wharf } from './api';
import { dialogId, type DialogsController } from './dialogs';
import type { FolderPairController } from './folder-pair';
import type { NoticesController } from './notices';
import type { PanesController } from './panes';
import type { Stores } from './stores';
import type { TransfersController } from './transfers';
import type { ViewController } from './view';

/** Runs what a pane's menu and keys ask on the selected entries. */
export class PaneCommandsController {
  constructor(
    private readonly stores: Pick<Stores, 'pane' | 'sessions' | 'ui'>,
    private readonly notices: NoticesController,
    private readonly view: ViewController,
    private readonly dialogs: DialogsController,
    private readonly panes: PanesController,
    private readonly folderPair: FolderPairController,
    private readonly transfers: TransfersController,
  ) {}

  /** What a pane's commands act on: the selected entries in the order shown, else the cursor row. */
  targets(side: PaneSide): PaneEntry[] {
    return selectedEntries(this.stores.pane(side).get(), this.folderPair.shownEntries(side));
  }

  /** Whether a pane shows a folder it can act in (the remote pane: of a connected session). */
  private ready(side: PaneSide): boolean {
    const state = this.stores.pane(side).get();
    if (!state.path) return false;
    const sessions = this.stores.sessions.get();
    return side === 'local' || (activeSession(sessions)?.state === 'connected' && state.sessionId === sessions.activeId);
  }

  /** The items of a pane's context menu for what is selected now. */
  menuItems(side: PaneSide): MenuItem[] {
    return paneMenuItems(side, this.targets(side), { ready: this.ready(side), otherReady: this.ready(side === 'local' ? 'remote' : 'local') });
  }

  /**
   * Opens a pane's context menu at a point of the window. A right-click on a row that is not selected
   * selects it alone (as file managers do); on the empty part of the list, it clears the selection.
   */
  openContextMenu(side: PaneSide, at: { readonly x: number; readonly y: number }, row?: { readonly name: string | null }): void {
    if (row) {
      const name = row.name;
      this.stores.pane(side).update((s) => (name === null ? { ...s, selected: new Set(), cursor: null, anchor: null } : s.selected.has(name) ? { ...s, cursor: name } : selectOnly(s, name)));
    }
    this.view.focusPane(side);
    this.stores.ui.update((u) => ({ ...u, contextMenu: { side, x: Math.round(at.x), y: Math.round(at.y) } }));
  }

  /** Closes the context menu. */
  closeContextMenu(): void {
    this.stores.ui.update((u) => (u.contextMenu ? { ...u, contextMenu: null } : u));
  }

  /** Enter or double-click: a folder opens; a file is transferred to the other pane's folder. */
  async activate(side: PaneSide, entry: PaneEntry): Promise<void> {
    const state = this.stores.pane(side).get();
    if (entry.type === 'directory' || (entry.type === 'symlink' && side === 'remote')) {
      await this.panes.go(side, entryPath(state, entry));
      return;
    }
    await this.transfers.transfer(side, [entry]);
  }

  /** Runs one command of a pane (its context menu, and the F2/F7/Delete keys) on what is selected. */
  async run(side: PaneSide, command: PaneCommand): Promise<void> {
    const state = this.stores.pane(side).get();
    const shown = this.folderPair.shownEntries(side);
    const targets = selectedEntries(state, shown);
    const one = targets.length === 1 ? targets[0]! : null;
    const ready = this.ready(side);
    switch (command) {
      case 'open':
        if (!one) return;
        if (one.type === 'directory' || (side === 'remote' && one.type === 'symlink')) {
          await this.panes.go(side, entryPath(state, one));
        } else if (side === 'remote' && hasControlCharacters(one.name)) {
          // No request may carry it (the gate refuses such a path) and no copy could be named so: say why here.
          const message = t('rendererWords.openUnsafe', { name: visibleName(one.name) });
          this.notices.report({ kind: 'unsafe-name', message }, t('rendererWords.context.open'));
        } else {
          const path = entryPath(state, one);
          const result = side === 'local' ? await wharf().localOpen({ path }) : await wharf().remoteOpen({ sessionId: state.sessionId ?? '', path });
          if (!result.ok) this.notices.report(result.error, t('rendererWords.context.open'));
        }
        return;
      case 'download':
      case 'upload':
        await this.transfers.transfer(side, targets);
        return;
      case 'rename': {
        // The row under the keyboard cursor first: F2 renames what the user is on.
        const target = (state.cursor !== null ? shown.find((e) => e.name === state.cursor) : undefined) ?? targets[0];
        if (ready && target) this.dialogs.open({ kind: 'rename', id: dialogId('rename'), side, name: target.name });
        return;
      }
      case 'delete':
        if (!ready || targets.length === 0) return;
        this.dialogs.open({
          kind: 'delete',
          id: dialogId('delete'),
          side,
          names: targets.map((e) => e.name),
          paths: targets.map((e) => entryPath(state, e)),
          hasFolders: targets.some((e) => e.type === 'directory'),
        });
        return;
      case 'new-folder':
        if (ready) this.dialogs.open({ kind: 'new-folder', id: dialogId('new-folder'), side });
        return;
      case 'permissions':
        if (side !== 'remote' || !ready || !state.sessionId || targets.length === 0) return;
        this.dialogs.open({
          kind: 'permissions',
          id: dialogId('permissions'),
          sessionId: state.sessionId,
          names: targets.map((e) => e.name),
          paths: targets.map((e) => entryPath(state, e)),
          permissions: targets.find((e) => e.permissions !== null)?.permissions ?? null,
        });
        return;
      case 'raw-command': {
        const session = activeSession(this.stores.sessions.get());
        if (session?.state === 'connected') this.dialogs.open({ kind: 'raw-command', id: 'raw-command', sessionId: session.sessionId, label: session.label });
        return;
      }
      case 'copy-path': {
        const text = targets.length > 0 ? targets.map((e) => entryPath(state, e)).join('\n') : (state.path ?? '');
        if (!text) return;
        const result = await wharf().clipboardWriteText({ text });
        if (!result.ok) return this.notices.report(result.error, t('rendererWords.context.copyPath'));
        this.notices.notify('success', t('notices.pathCopied.title', { count: Math.max(1, targets.length) }), text.length > 200 ? t('notices.pathCopied.many', { count: targets.length }) : text);
        return;
      }
      case 'refresh':
        await this.panes.refresh(side);
        return;
      case 'reveal': {
        const path = one ? entryPath(state, one) : state.path;
        if (side !== 'local' || !path) return;
        const result = await wharf().localReveal({ path });
        if (!result.ok) this.notices.report(result.error, t('rendererWords.context.reveal'));
        return;
      }
      default: {
        const never: never = command;
        throw new Error(`unknown pane command ${String(never)}`);
      }
    }
  }
}
