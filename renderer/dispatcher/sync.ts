/** "Synchronise…": settings, preview, run, cancel; and the line above the queue for each sync main runs. */
import { t } from '../../common/i18n/t';
import type { RunningSync, SyncOperation } from '../../common/models/sync';
import {
  applySyncProgress,
  canRun,
  changeSettings,
  initialSync,
  newSyncDialog,
  receivePlan,
  runActionIds,
  runSummaryText,
  toggleAction,
  toggleAll,
  type SyncDialogState,
  type SyncSettingsChange,
} from '../state/sync-model';
import { wharf } from './api';
import type { DialogsController } from './dialogs';
import type { FolderPairController } from './folder-pair';
import type { NoticesController } from './notices';
import type { PanesController } from './panes';
import type { QueueController } from './queue';
import type { Stores } from './stores';
import type { ViewController } from './view';

/** Plans and runs a sync of the folders both panes show; the dialog's state is the `sync` store. */
export class SyncController {
  private syncSeq = 0;
  /** Plans whose `syncRun` this window awaits: their end is reported from its answer, with the results. */
  private readonly syncRunsAwaited = new Set<string>();

  constructor(
    private readonly stores: Pick<Stores, 'sync' | 'runningSyncs' | 'queue'>,
    private readonly notices: NoticesController,
    private readonly view: ViewController,
    private readonly dialogs: DialogsController,
    private readonly queue: QueueController,
    private readonly panes: PanesController,
    private readonly folderPair: FolderPairController,
  ) {}

  /** "Synchronise…" for the folders both panes show. */
  open(): void {
    const folders = this.folderPair.folders();
    if (!folders) {
      this.notices.notify('warning', t('notices.nothingToSync.title'), t('notices.nothingToSync.run'));
      return;
    }
    this.syncSeq++;
    this.stores.sync.set({ dialog: newSyncDialog(folders.sessionId, folders.local, folders.remote) });
    this.dialogs.open({ kind: 'sync', id: 'sync' });
  }

  /**
   * Closes the dialog; a running sync goes on (the line above the queue shows it) and reports in a notice.
   * A running sync's dialog is only hidden, so Show on that line brings it back as it was.
   */
  close(): void {
    this.dialogs.close('sync');
    if (this.stores.sync.get().dialog?.phase !== 'running') this.stores.sync.set(initialSync);
  }

  /**
   * Show on a running sync's line: its dialog, if this window hid it; else (started before a reload, or
   * its dialog replaced by a new one) the queue, where its transfers are.
   */
  showRunning(planId: string): void {
    const dialog = this.stores.sync.get().dialog;
    if (dialog?.phase === 'running' && dialog.plan?.planId === planId) {
      this.dialogs.open({ kind: 'sync', id: 'sync' });
      return;
    }
    this.view.showBottomTab('queue');
    this.queue.showTab('queued');
  }

  private changeDialog(change: (d: SyncDialogState) => SyncDialogState): void {
    this.stores.sync.update((s) => (s.dialog ? { dialog: change(s.dialog) } : s));
  }

  /** Direction or deletion changed (an existing preview must be made again). */
  setSettings(change: SyncSettingsChange): void {
    this.changeDialog((d) => changeSettings(d, change));
  }

  /** Ticks or unticks one action of the preview. */
  toggleAction(id: string, on?: boolean): void {
    this.changeDialog((d) => toggleAction(d, id, on));
  }

  /** Ticks or unticks every action (of one operation). */
  toggleAllActions(on: boolean, operation?: SyncOperation): void {
    this.changeDialog((d) => toggleAll(d, on, operation));
  }

  /** Makes the preview: every planned action, nothing changed yet. */
  async preview(): Promise<void> {
    const dialog = this.stores.sync.get().dialog;
    if (!dialog || dialog.phase === 'planning' || dialog.phase === 'running') return;
    const seq = ++this.syncSeq;
    this.changeDialog((d) => ({ ...d, phase: 'planning', error: null }));
    const result = await wharf().syncPlan({
      sessionId: dialog.sessionId,
      localRoot: dialog.localRoot,
      remoteRoot: dialog.remoteRoot,
      direction: dialog.direction,
      delete: dialog.deleteEnabled,
      ...(dialog.sizeOnly ? { sizeOnly: true } : {}),
    });
    if (seq !== this.syncSeq) return;
    this.changeDialog((d) => (result.ok ? receivePlan(d, result.value) : { ...d, phase: d.plan ? 'preview' : 'setup', error: result.error }));
  }

  /**
   * A sync started, moved on or ended. The end of one this window does not await (started before a reload,
   * or in another window) is reported here: nothing else would say it ended.
   */
  onProgress(sync: RunningSync): void {
    this.stores.runningSyncs.update((r) => applySyncProgress(r, sync));
    if (!sync.ended || this.syncRunsAwaited.has(sync.planId)) return;
    const counts = t('notices.syncEnded.message', { done: sync.actionsDone, total: sync.actionsTotal });
    if (sync.cancelled) this.notices.notify('warning', t('notices.syncCancelled.title'), counts);
    else this.notices.notify('success', t('notices.syncEnded.title'), counts);
  }

  /** "Cancel sync" in the dialog: main cancels the sync's transfers still in the queue, and no deletion starts after it. */
  async cancel(): Promise<void> {
    const dialog = this.stores.sync.get().dialog;
    if (!dialog?.plan || dialog.phase !== 'running' || dialog.cancelling) return;
    await this.cancelRunning(dialog.plan.planId);
  }

  /** "Cancel sync" for any sync main runs (the dialog's, or a line above the queue, after a reload too). */
  async cancelRunning(planId: string): Promise<void> {
    this.changeDialog((d) => (d.plan?.planId === planId ? { ...d, cancelling: true } : d));
    const result = await wharf().syncCancel({ planId });
    if (result.ok) return;
    this.notices.report(result.error, t('queue.runningSyncs.cancel'));
    this.changeDialog((d) => (d.plan?.planId === planId ? { ...d, cancelling: false } : d));
  }

  /** Runs the ticked actions: copies through the queue (verified), deletions through a session. */
  async run(): Promise<void> {
    const dialog = this.stores.sync.get().dialog;
    if (!dialog || !dialog.plan || !canRun(dialog)) return;
    const plan = dialog.plan;
    const actionIds = runActionIds(plan, dialog.checked);
    const seq = ++this.syncSeq;
    this.changeDialog((d) => ({ ...d, phase: 'running', error: null }));
    this.view.showBottomTab('queue');
    this.stores.queue.update((q) => ({ ...q, tab: 'queued' }));
    this.syncRunsAwaited.add(plan.planId);
    const result = await wharf().syncRun({ planId: plan.planId, actionIds }).finally(() => this.syncRunsAwaited.delete(plan.planId));
    const current = seq === this.syncSeq;
    if (result.ok) {
      const { cancelled } = result.value;
      const failed = result.value.summary.failed > 0;
      const title = cancelled ? t('notices.syncCancelled.title') : failed ? t('notices.syncFinishedFailures.title') : t('notices.syncFinished.title');
      this.notices.notify(failed || cancelled ? 'warning' : 'success', title, runSummaryText(result.value));
      if (current) this.changeDialog((d) => ({ ...d, phase: 'done', cancelling: false, result: result.value }));
    } else {
      this.notices.report(result.error, t('rendererWords.context.synchronise'));
      // The plan was used up: a new preview is needed.
      if (current) this.changeDialog((d) => ({ ...d, phase: 'setup', cancelling: false, plan: null, checked: new Set(), error: result.error }));
    }
    await Promise.all([this.panes.refresh('local'), this.folderPair.folders() ? this.panes.refresh('remote') : Promise.resolve()]);
  }
}
