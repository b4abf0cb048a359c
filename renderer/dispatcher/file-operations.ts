/** What the user does to files in a pane: new folder, rename, delete, move, drag out, permissions, raw commands. */
import { t } from '../../common/i18n/t';
import type { RawReply } from '../../common/ipc/payloads';
import { hasControlCharacters } from '../../common/models/site-profile';
import { visibleName } from '../../common/models/visible-name';
import { entryPath, joinPath, type PaneEntry, type PaneSide } from '../state/pane-model';
import { wharf } from './api';
import type { NoticesController } from './notices';
import type { Stores } from './stores';
import type { ViewController } from './view';

/** File operations in the folder a pane shows; main refreshes the folders they change. */
export class FileOperationsController {
  constructor(
    private readonly stores: Pick<Stores, 'pane'>,
    private readonly notices: NoticesController,
    private readonly view: ViewController,
  ) {}

  /** Creates a folder in the pane's current folder. */
  async mkdir(side: PaneSide, name: string): Promise<boolean> {
    const state = this.stores.pane(side).get();
    if (!state.path) return false;
    const path = joinPath(state.path, name, state.separator);
    const result = side === 'local' ? await wharf().localMkdir({ path }) : await wharf().remoteMkdir({ sessionId: state.sessionId ?? '', path });
    if (!result.ok) {
      this.notices.reportInPane(side, t('rendererWords.context.newFolder'), result.error, () => this.mkdir(side, name));
      return false;
    }
    this.stores.pane(side).update((s) => ({ ...s, cursor: name, anchor: name, selected: new Set([name]) }));
    return true;
  }

  /** Renames an entry of the pane's current folder. */
  async rename(side: PaneSide, from: string, to: string): Promise<boolean> {
    const state = this.stores.pane(side).get();
    if (!state.path || from === to) return true;
    const entry = state.entries.find((e) => e.name === from);
    const fromPath = entry ? entryPath(state, entry) : joinPath(state.path, from, state.separator);
    const toPath = joinPath(state.path, to, state.separator);
    const result =
      side === 'local'
        ? await wharf().localRename({ from: fromPath, to: toPath })
        : await wharf().remoteRename({ sessionId: state.sessionId ?? '', from: fromPath, to: toPath });
    if (!result.ok) {
      this.notices.reportInPane(side, t('rendererWords.context.rename'), result.error, () => this.rename(side, from, to));
      return false;
    }
    this.stores.pane(side).update((s) => ({ ...s, cursor: to, anchor: to, selected: new Set([to]) }));
    return true;
  }

  /** Deletes paths of a pane (local ones to the trash where there is one). */
  async remove(side: PaneSide, paths: readonly string[], recursive: boolean): Promise<boolean> {
    const state = this.stores.pane(side).get();
    const result =
      side === 'local'
        ? await wharf().localDelete({ paths, toTrash: true })
        : await wharf().remoteDelete({ sessionId: state.sessionId ?? '', paths, recursive });
    if (!result.ok) {
      this.notices.reportInPane(side, t('rendererWords.context.delete'), result.error, () => this.remove(side, paths, recursive));
      return false;
    }
    return true;
  }

  /** Moves entries into another folder of the same pane (a drop on a folder row within a pane). */
  async move(side: PaneSide, entries: readonly PaneEntry[], folder: string): Promise<boolean> {
    const state = this.stores.pane(side).get();
    for (const entry of entries) {
      const from = entryPath(state, entry);
      const to = joinPath(folder, entry.name, state.separator);
      if (from === folder || folder.startsWith(`${from}${state.separator}`) || from === to) continue;
      const result =
        side === 'local'
          ? await wharf().localRename({ from, to })
          : await wharf().remoteRename({ sessionId: state.sessionId ?? '', from, to });
      if (!result.ok) {
        this.notices.reportInPane(side, t('rendererWords.context.move', { name: entry.name }), result.error, () => this.move(side, entries, folder));
        return false;
      }
    }
    return true;
  }

  /** Drags entries out to the OS file manager (remote ones are downloaded to a temporary folder first). */
  async dragOut(side: PaneSide, entries: readonly PaneEntry[]): Promise<void> {
    const state = this.stores.pane(side).get();
    const files = side === 'local' ? entries : entries.filter((e) => e.type === 'file');
    // No request may carry a control character in a remote path (the gate would refuse the whole drag).
    const controlNamed = side === 'remote' ? files.filter((e) => hasControlCharacters(e.name)) : [];
    const items =
      side === 'local'
        ? files.map((e) => ({ side: 'local' as const, path: entryPath(state, e) }))
        : files.filter((e) => !controlNamed.includes(e)).map((e) => ({ side: 'remote' as const, sessionId: state.sessionId ?? '', path: entryPath(state, e) }));
    const controlNote = controlNamed.length === 0 ? [] : [t('rendererWords.dragOut.controlNames', { names: controlNamed.map((e) => `"${visibleName(e.name)}"`).join(', ') })];
    if (items.length === 0) {
      if (controlNote.length > 0) this.notices.notify('warning', t('rendererWords.context.dragOut'), [t('rendererWords.dragOut.nothing'), ...controlNote].join(' '));
      return;
    }
    const result = await wharf().dragOut({ items });
    if (!result.ok) return this.notices.report(result.error, t('rendererWords.context.dragOut'));
    const leftOut = files.length - result.value.files.length;
    const logNote = items.length > result.value.files.length ? [t('rendererWords.dragOut.logSays')] : [];
    if (leftOut > 0) this.notices.notify('warning', t('rendererWords.context.dragOut'), [t('rendererWords.dragOut.leftOut', { leftOut, total: files.length }), ...logNote, ...controlNote].join(' '));
  }

  /** SITE CHMOD on each path (stopping at the first refusal); main refreshes the folder after each. */
  async chmod(sessionId: string, paths: readonly string[], mode: string): Promise<boolean> {
    for (const path of paths) {
      const result = await wharf().remoteChmod({ sessionId, path, mode });
      if (!result.ok) {
        this.notices.report(result.error, t('rendererWords.context.permissionsOf', { name: path.slice(path.lastIndexOf('/') + 1) }));
        return false;
      }
    }
    return true;
  }

  /** Sends one raw command; the command and the reply also go to the message log, which is shown. */
  async rawCommand(sessionId: string, command: string): Promise<RawReply | null> {
    const result = await wharf().remoteCommand({ sessionId, command });
    this.view.showBottomTab('log');
    if (!result.ok) {
      this.notices.report(result.error, t('rendererWords.context.customCommand'));
      return null;
    }
    return result.value;
  }
}
