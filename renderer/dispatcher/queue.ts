/** The transfer queue's controls: tabs, selection, item commands, order, pause, clear, overwrite policy. */
import { t } from '../../common/i18n/t';
import type { Result } from '../../common/models/result';
import type { OverwritePolicy, QueueSnapshot, TransferState } from '../../common/models/transfer';
import { receiveSnapshot, statesOfTab, type QueueTab } from '../state/queue-model';
import { wharf } from './api';
import type { NoticesController } from './notices';
import type { Stores } from './stores';

/** Asks main's queue to act; what changed comes back as `queueUpdate` events into the `queue` store. */
export class QueueController {
  constructor(
    private readonly stores: Pick<Stores, 'queue' | 'ui'>,
    private readonly notices: NoticesController,
  ) {}

  /** Switches the queue tab. */
  showTab(tab: QueueTab): void {
    this.stores.queue.update((q) => ({ ...q, tab, selected: new Set() }));
  }

  /** Sets the queue selection. */
  select(ids: ReadonlySet<string>): void {
    this.stores.queue.update((q) => ({ ...q, selected: ids }));
  }

  /** Runs an item command on the selected items. */
  async command(command: 'pause' | 'resume' | 'cancel' | 'retry' | 'remove', itemIds: readonly string[]): Promise<void> {
    if (itemIds.length === 0) return;
    const api = wharf();
    const request = { itemIds };
    let result: Result<void>;
    switch (command) {
      case 'pause':
        result = await api.queuePause(request);
        break;
      case 'resume':
        result = await api.queueResume(request);
        break;
      case 'cancel':
        result = await api.queueCancel(request);
        break;
      case 'retry':
        result = await api.queueRetry(request);
        break;
      case 'remove':
        result = await api.queueRemove(request);
        break;
      default: {
        const never: never = command;
        throw new Error(`unknown queue command ${String(never)}`);
      }
    }
    if (!result.ok) this.notices.report(result.error, t('rendererWords.context.queue'));
  }

  /** Reorders items. */
  async move(itemIds: readonly string[], to: 'top' | 'up' | 'down' | 'bottom'): Promise<void> {
    if (itemIds.length === 0) return;
    const result = await wharf().queueMove({ itemIds, to });
    if (!result.ok) this.notices.report(result.error, t('rendererWords.context.queue'));
  }

  /** Pauses or resumes the whole queue. */
  async togglePaused(): Promise<void> {
    const paused = this.stores.queue.get().snapshot?.paused ?? false;
    const result = paused ? await wharf().queueResumeAll({}) : await wharf().queuePauseAll({});
    if (!result.ok) this.notices.report(result.error, t('rendererWords.context.queue'));
  }

  /** "Resume queue" in the sync dialog: the whole queue resumes, and the sync's transfers with it. */
  async resumeAll(): Promise<void> {
    const result = await wharf().queueResumeAll({});
    if (!result.ok) this.notices.report(result.error, t('rendererWords.context.queue'));
  }

  /** Clears a tab. */
  async clearTab(tab: QueueTab): Promise<void> {
    const states: TransferState[] = statesOfTab(tab);
    const result = await wharf().queueClear({ states });
    if (!result.ok) this.notices.report(result.error, t('rendererWords.context.queue'));
  }

  /** The policy for new transfers whose target exists. */
  async setOverwritePolicy(policy: OverwritePolicy): Promise<void> {
    const result = await wharf().queueSetOverwritePolicy({ policy });
    if (!result.ok) return this.notices.report(result.error, t('rendererWords.context.queue'));
    this.stores.ui.update((u) => ({ ...u, queueSettings: result.value }));
  }

  /** Re-reads the whole queue (after a gap). */
  async resync(): Promise<QueueSnapshot | null> {
    const result = await wharf().queueSnapshot({});
    if (!result.ok) return null;
    this.stores.queue.update((q) => receiveSnapshot({ ...q, snapshot: null }, result.value));
    return result.value;
  }
}
