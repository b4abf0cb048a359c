/** Putting files in the queue: from one pane to the other, and dropped from the OS file manager. */
import { t } from '../../common/i18n/t';
import type { EnqueueTransfer } from '../../common/ipc/payloads';
import type { PaneEntry, PaneSide } from '../state/pane-model';
import { toEnqueue, transferRequests } from '../state/transfer-requests';
import { wharf } from './api';
import type { NoticesController } from './notices';
import type { PanesController } from './panes';
import type { Stores } from './stores';
import type { ViewController } from './view';

/** Builds queue requests (each through `toEnqueue`) and hands them to main's queue. */
export class TransfersController {
  constructor(
    private readonly stores: Pick<Stores, 'local' | 'remote' | 'sessions' | 'queue'>,
    private readonly notices: NoticesController,
    private readonly view: ViewController,
    private readonly panes: PanesController,
  ) {}

  /**
   * Queues the entries of one pane for the other: uploads from local, downloads from remote. `folder` is
   * a target folder row; default the other pane's current folder.
   */
  async transfer(from: PaneSide, entries: readonly PaneEntry[], folder?: string): Promise<boolean> {
    if (entries.length === 0) return false;
    const local = this.stores.local.get();
    const remote = this.stores.remote.get();
    const sessionId = this.stores.sessions.get().activeId;
    if (!sessionId || !remote.path) {
      this.notices.notify('warning', t('notices.notConnected.title'), t('notices.notConnected.transfer'));
      return false;
    }
    if (!local.path) return false;
    return this.enqueue(sessionId, transferRequests(from, entries, { ...local, path: local.path }, { ...remote, path: remote.path }, folder));
  }

  /**
   * Files and folders dropped from the OS file manager. On the remote pane they are uploaded (into the
   * folder row they were dropped on); on the local pane a dropped folder opens.
   */
  async dropFromOs(side: PaneSide, files: readonly { readonly name: string; readonly size: number }[], folder?: string): Promise<void> {
    const paths = files.map((f) => wharf().getPathForFile(f)).filter((p) => p !== '');
    if (paths.length === 0) {
      this.notices.notify('warning', t('notices.nothingToAdd.title'), t('notices.nothingToAdd.message'));
      return;
    }
    const dropped = await wharf().dropIn({ paths });
    if (!dropped.ok) return this.notices.report(dropped.error, t('rendererWords.context.drop'));
    const entries = dropped.value.entries;
    if (side === 'local') {
      const dir = entries.find((e) => e.type === 'directory');
      if (dir) await this.panes.openLocal(dir.path);
      else this.notices.notify('info', t('notices.droppedFiles.title'), t('notices.droppedFiles.message'));
      return;
    }
    const sessionId = this.stores.sessions.get().activeId;
    const remotePath = folder ?? this.stores.remote.get().path;
    if (!sessionId || !remotePath) {
      this.notices.notify('warning', t('notices.notConnected.title'), t('notices.notConnected.drop'));
      return;
    }
    await this.enqueue(
      sessionId,
      entries.map((e) => toEnqueue(e, { direction: 'upload', localPath: e.path, remoteFolder: remotePath })),
    );
  }

  private async enqueue(sessionId: string, transfers: readonly EnqueueTransfer[]): Promise<boolean> {
    const result = await wharf().queueEnqueue({ sessionId, transfers });
    if (!result.ok) {
      this.notices.report(result.error, t('rendererWords.context.transfer'));
      return false;
    }
    this.view.showBottomTab('queue');
    this.stores.queue.update((q) => ({ ...q, tab: 'queued' }));
    if (result.value.skipped.length > 0) {
      const first = result.value.skipped[0]!;
      this.notices.notify('warning', t('notices.leftOut.title', { count: result.value.skipped.length }), t('notices.leftOut.message', { path: first.path, reason: first.reason }));
    }
    return true;
  }
}
