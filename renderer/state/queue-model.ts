/**
 * The renderer's mirror of main's transfer queue: a snapshot taken once, then updates applied in revision
 * order (updates that arrive before the snapshot are buffered, those it already contains are dropped),
 * plus the tab grouping, the selection and the status words the queue view shows.
 */
import { t } from '../../common/i18n/t';
import { withReplyWords } from '../../common/models/ftp-replies';
import { applyQueueUpdate, type QueueSnapshot, type QueueUpdate, type TransferItem, type TransferState } from '../../common/models/transfer';

/** The three tabs of the queue view. */
export type QueueTab = 'queued' | 'failed' | 'completed';

/** The mirror of the queue plus what only the view cares about. */
export interface QueueState {
  /** null until the first snapshot arrived. */
  readonly snapshot: QueueSnapshot | null;
  /** Updates received before the snapshot, applied once it arrives. */
  readonly pending: readonly QueueUpdate[];
  readonly tab: QueueTab;
  readonly selected: ReadonlySet<string>;
}

/** Nothing known yet. */
export const initialQueue: QueueState = { snapshot: null, pending: [], tab: 'queued', selected: new Set() };

/** Which tab an item belongs in. */
export function tabOf(state: TransferState): QueueTab {
  switch (state) {
    case 'queued':
    case 'running':
    case 'paused':
      return 'queued';
    case 'failed':
    case 'skipped':
      return 'failed';
    case 'done':
      return 'completed';
    default: {
      const never: never = state;
      throw new Error(`unknown transfer state ${String(never)}`);
    }
  }
}

/** The states each tab's "Clear" button removes. */
export function statesOfTab(tab: QueueTab): TransferState[] {
  switch (tab) {
    case 'queued':
      return ['queued', 'paused'];
    case 'failed':
      return ['failed', 'skipped'];
    case 'completed':
      return ['done'];
    default: {
      const never: never = tab;
      throw new Error(`unknown tab ${String(never)}`);
    }
  }
}

function pruneSelection(selected: ReadonlySet<string>, snapshot: QueueSnapshot): ReadonlySet<string> {
  if (selected.size === 0) return selected;
  const ids = new Set(snapshot.items.map((i) => i.id));
  const kept = [...selected].filter((id) => ids.has(id));
  return kept.length === selected.size ? selected : new Set(kept);
}

/** The snapshot arrived: buffered updates newer than it are applied on top, older ones dropped. */
export function receiveSnapshot(state: QueueState, snapshot: QueueSnapshot): QueueState {
  let current = snapshot;
  for (const update of [...state.pending].sort((a, b) => a.revision - b.revision)) {
    if (update.revision > current.revision) current = applyQueueUpdate(current, update);
  }
  return { ...state, snapshot: current, pending: [], selected: pruneSelection(state.selected, current) };
}

/** An update arrived: buffered until the snapshot is there; ignored when the snapshot already contains it. */
export function receiveUpdate(state: QueueState, update: QueueUpdate): QueueState {
  if (!state.snapshot) return { ...state, pending: [...state.pending, update] };
  if (update.revision <= state.snapshot.revision) return state;
  const snapshot = applyQueueUpdate(state.snapshot, update);
  return { ...state, snapshot, selected: pruneSelection(state.selected, snapshot) };
}

/** Items of one tab, in queue order (running first within the queued tab, as they are at the top anyway). */
export function itemsOfTab(snapshot: QueueSnapshot | null, tab: QueueTab): TransferItem[] {
  if (!snapshot) return [];
  const items = snapshot.items.filter((i) => tabOf(i.state) === tab);
  if (tab === 'queued') {
    const running = items.filter((i) => i.state === 'running');
    return running.length === 0 ? items : [...running, ...items.filter((i) => i.state !== 'running')];
  }
  return items;
}

/** How many items each tab holds, for the tab labels. */
export function tabCounts(snapshot: QueueSnapshot | null): Record<QueueTab, number> {
  const counts: Record<QueueTab, number> = { queued: 0, failed: 0, completed: 0 };
  for (const item of snapshot?.items ?? []) counts[tabOf(item.state)]++;
  return counts;
}

/** The status column: words a person reads. `awaitingAnswer`: an overwrite question about it is open. */
export function statusText(item: TransferItem, awaitingAnswer = false): string {
  if (awaitingAnswer && (item.state === 'running' || item.state === 'queued')) return t('rendererWords.status.awaitingAnswer');
  switch (item.state) {
    case 'queued':
      return item.nextAttemptAt ? t('rendererWords.status.retrying', { attempt: item.attempts + 1 }) : t('rendererWords.status.waiting');
    case 'running':
      return item.resumedFrom > 0 ? t('rendererWords.status.resuming') : item.direction === 'upload' ? t('rendererWords.status.uploading') : t('rendererWords.status.downloading');
    case 'paused':
      return t('rendererWords.status.paused');
    case 'done':
      return t('rendererWords.status.done');
    case 'failed':
      // A server reply with its plain words in the window's language, as the pane's error box says it.
      return item.lastError ? withReplyWords(item.lastError.message, item.lastError.code) : t('rendererWords.status.failed');
    case 'skipped':
      return item.skipReason ?? t('rendererWords.status.skipped');
    default: {
      const never: never = item.state;
      return String(never);
    }
  }
}

/** The verification column. */
export function verificationText(item: TransferItem): string {
  if (item.kind === 'directory') return item.state === 'done' ? t('rendererWords.verified.folderCreated') : '';
  if (!item.verifiedBy) return '';
  return item.verifiedBy === 'size' ? t('rendererWords.verified.size') : t('rendererWords.verified.hash', { method: item.verifiedBy });
}

/** Which buttons apply to a selection. */
export function availableActions(items: readonly TransferItem[]): { pause: boolean; resume: boolean; cancel: boolean; retry: boolean; move: boolean; remove: boolean } {
  const has = (pred: (i: TransferItem) => boolean) => items.some(pred);
  return {
    pause: has((i) => i.state === 'queued' || i.state === 'running'),
    resume: has((i) => i.state === 'paused'),
    cancel: has((i) => i.state === 'queued' || i.state === 'running' || i.state === 'paused'),
    retry: has((i) => i.state === 'failed' || i.state === 'skipped'),
    move: has((i) => i.state === 'queued' || i.state === 'paused'),
    remove: items.length > 0,
  };
}

/** The last path segment of either separator, for the queue's name column. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut >= 0 ? trimmed.slice(cut + 1) || trimmed : trimmed;
}
