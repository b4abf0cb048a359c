/**
 * The "Synchronise…" dialog's pure side: the settings (direction, deletion), the preview's checkboxes
 * (kept by action id across a refreshed preview), counts and sizes of what is ticked, and the ids sent to
 * `syncRun`: never a delete unless deletion was chosen for the plan AND its box is ticked.
 */
import { t } from '../../common/i18n/t';
import type { WharfErrorData } from '../../common/models/errors';
import type { RunningSync, SyncAction, SyncDirection, SyncOperation, SyncPlan, SyncRunResult } from '../../common/models/sync';
import type { QueueSnapshot, TransferState } from '../../common/models/transfer';

/** Where the dialog is. */
export type SyncPhase = 'setup' | 'planning' | 'preview' | 'running' | 'done';

/** The dialog's state (one dialog at a time). */
export interface SyncDialogState {
  readonly localRoot: string;
  readonly remoteRoot: string;
  readonly sessionId: string;
  readonly direction: SyncDirection;
  /** "Delete files that are not on the source": off until the user ticks it. */
  readonly deleteEnabled: boolean;
  /** "Compare file sizes only": for servers whose times cannot be trusted or kept. */
  readonly sizeOnly: boolean;
  readonly phase: SyncPhase;
  readonly plan: SyncPlan | null;
  /** Ticked action ids. */
  readonly checked: ReadonlySet<string>;
  /** The settings changed since the preview: it must be made again before running. */
  readonly stale: boolean;
  readonly result: SyncRunResult | null;
  readonly error: WharfErrorData | null;
  /** "Cancel sync" was pressed while running: main is cancelling its transfers; the result follows. */
  readonly cancelling: boolean;
}

/** The sync store. */
export interface SyncState {
  readonly dialog: SyncDialogState | null;
}

/** No dialog. */
export const initialSync: SyncState = { dialog: null };

/** A new dialog for a folder pair: upload, nothing deleted. */
export function newSyncDialog(sessionId: string, localRoot: string, remoteRoot: string): SyncDialogState {
  return { sessionId, localRoot, remoteRoot, direction: 'up', deleteEnabled: false, sizeOnly: false, phase: 'setup', plan: null, checked: new Set(), stale: false, result: null, error: null, cancelling: false };
}

/** The dialog's settings, any of which may change at once. */
export interface SyncSettingsChange {
  readonly direction?: SyncDirection;
  readonly deleteEnabled?: boolean;
  readonly sizeOnly?: boolean;
}

/** A setting changed: an existing preview no longer matches it. */
export function changeSettings(state: SyncDialogState, change: SyncSettingsChange): SyncDialogState {
  const next = { ...state, ...change };
  const differs = next.direction !== state.direction || next.deleteEnabled !== state.deleteEnabled || next.sizeOnly !== state.sizeOnly;
  return differs && state.plan !== null ? { ...next, stale: true } : next;
}

/**
 * A preview arrived. Boxes the user changed in the previous preview keep their state (action ids are
 * stable for the same operation on the same path); new actions start as the plan suggests.
 */
export function receivePlan(state: SyncDialogState, plan: SyncPlan): SyncDialogState {
  const previous = state.plan;
  const checked = new Set<string>();
  for (const action of plan.actions) {
    const before = previous?.actions.find((a) => a.id === action.id);
    const tick = before ? state.checked.has(action.id) : action.selected;
    if (tick && (action.operation !== 'delete' || plan.deleteEnabled)) checked.add(action.id);
  }
  return { ...state, phase: 'preview', plan, checked, stale: false, error: null, result: null };
}

/** Ticks or unticks one action (not in a stale preview). A delete can be ticked only in a plan made with deletion chosen. */
export function toggleAction(state: SyncDialogState, id: string, on?: boolean): SyncDialogState {
  const action = state.plan?.actions.find((a) => a.id === id);
  if (!action || state.phase !== 'preview' || state.stale) return state;
  const checked = new Set(state.checked);
  const tick = on ?? !checked.has(id);
  if (tick && action.operation === 'delete' && !state.plan!.deleteEnabled) return state;
  if (tick) checked.add(id);
  else checked.delete(id);
  return { ...state, checked };
}

/** Ticks or unticks every action (of one operation, or all). */
export function toggleAll(state: SyncDialogState, on: boolean, operation?: SyncOperation): SyncDialogState {
  if (!state.plan || state.phase !== 'preview' || state.stale) return state;
  const checked = new Set(state.checked);
  for (const a of state.plan.actions) {
    if (operation && a.operation !== operation) continue;
    if (on && a.operation === 'delete' && !state.plan.deleteEnabled) continue;
    if (on) checked.add(a.id);
    else checked.delete(a.id);
  }
  return { ...state, checked };
}

/** What is ticked, by operation, with the bytes to send each way. */
export interface CheckedSummary {
  readonly copy: number;
  readonly overwrite: number;
  readonly delete: number;
  readonly bytesUp: number;
  readonly bytesDown: number;
  readonly total: number;
}

/** Counts and sizes of the ticked actions. */
export function checkedSummary(plan: SyncPlan, checked: ReadonlySet<string>): CheckedSummary {
  const summary = { copy: 0, overwrite: 0, delete: 0, bytesUp: 0, bytesDown: 0, total: 0 };
  for (const a of plan.actions) {
    if (!checked.has(a.id)) continue;
    summary[a.operation] += 1;
    summary.total += 1;
    if (a.operation !== 'delete') {
      if (a.target === 'remote') summary.bytesUp += a.size ?? 0;
      else summary.bytesDown += a.size ?? 0;
    }
  }
  return summary;
}

/**
 * The ids `syncRun` gets: the ticked actions of this plan, in plan order; deletes only when the plan was
 * made with deletion chosen. Always an explicit list, so main never falls back to its defaults.
 */
export function runActionIds(plan: SyncPlan, checked: ReadonlySet<string>): string[] {
  return plan.actions.filter((a) => checked.has(a.id) && (a.operation !== 'delete' || plan.deleteEnabled)).map((a) => a.id);
}

/** Whether Run can be pressed. */
export function canRun(state: SyncDialogState): boolean {
  return state.phase === 'preview' && !state.stale && state.plan !== null && runActionIds(state.plan, state.checked).length > 0;
}

const ENDED: ReadonlySet<TransferState> = new Set(['done', 'skipped', 'failed']);

/**
 * Ids of the running sync's transfers that have not ended in the queue: the items main queued for its
 * ticked copies, found by direction and both paths as main matches them.
 */
export function unfinishedSyncTransfers(state: SyncDialogState, queue: QueueSnapshot | null): string[] {
  if (state.phase !== 'running' || !state.plan || !queue) return [];
  const key = (direction: string, localPath: string, remotePath: string) => `${direction}\0${localPath}\0${remotePath}`;
  const ticked = new Set(runActionIds(state.plan, state.checked));
  const copies = new Set(
    state.plan.actions
      .filter((a) => ticked.has(a.id) && a.operation !== 'delete')
      .map((a) => key(a.target === 'remote' ? 'upload' : 'download', a.localPath, a.remotePath)),
  );
  return queue.items.filter((i) => !ENDED.has(i.state) && copies.has(key(i.direction, i.localPath, i.remotePath))).map((i) => i.id);
}

/**
 * Why a running sync does not move, for the dialog's banner: its transfers wait in a queue that is paused
 * as a whole (nothing starts until it resumes). null when the sync is not held by a paused queue.
 */
export function syncWaitingOnPausedQueue(state: SyncDialogState, queue: QueueSnapshot | null): { readonly transfers: number } | null {
  if (!queue?.paused) return null;
  const waiting = unfinishedSyncTransfers(state, queue).length;
  return waiting > 0 ? { transfers: waiting } : null;
}

/** The words of a direction, as the dialog offers them. */
export const DIRECTION_CHOICES: readonly { readonly value: SyncDirection; readonly label: string; readonly hint: string }[] = (['up', 'down', 'mirror'] as const).map((value) => ({
  value,
  // Getters: the words follow the language at the time they are drawn.
  get label() {
    return t(`syncView.direction.${value}`);
  },
  get hint() {
    return t(`syncView.direction.${value}.hint`);
  },
}));

/** The warning beside "delete files that are not on the source", per direction. */
export function deletionWarning(direction: SyncDirection): string {
  switch (direction) {
    case 'up':
      return t('syncView.deletion.up');
    case 'down':
      return t('syncView.deletion.down');
    case 'mirror':
      return t('syncView.deletion.mirror');
    default: {
      const never: never = direction;
      return String(never);
    }
  }
}

/** How an action reads in the preview: "Upload", "Overwrite on the server", "Delete here". */
export function actionLabel(action: Pick<SyncAction, 'operation' | 'target'>): string {
  switch (action.operation) {
    case 'copy':
      return action.target === 'remote' ? t('syncView.action.upload') : t('syncView.action.download');
    case 'overwrite':
      return action.target === 'remote' ? t('syncView.action.uploadReplace') : t('syncView.action.downloadReplace');
    case 'delete':
      return action.target === 'remote' ? t('syncView.action.deleteRemote') : t('syncView.action.deleteLocal');
    default: {
      const never: never = action.operation;
      return String(never);
    }
  }
}

/** A run ended: one line for the notice. */
export function runSummaryText(result: SyncRunResult): string {
  const { done, skipped, failed } = result.summary;
  return t('syncView.runSummary', { done, skipped, failed, cancelled: result.cancelled ? 'yes' : 'no' });
}

/**
 * The syncs main runs, mirrored for the line above the queue: from `syncRunning` on start (and after a
 * reload), then from `syncProgress` events. Main owns them: a window that hides its dialog or reloads
 * still shows and cancels them.
 */
export interface RunningSyncsState {
  /** Oldest first; never an ended one. */
  readonly syncs: readonly RunningSync[];
  /**
   * Plans whose end was seen: a `syncRunning` answer computed before that end, but arriving after it,
   * must not bring the sync back.
   */
  readonly endedPlanIds: ReadonlySet<string>;
}

/** Nothing running (until main says otherwise). */
export const initialRunningSyncs: RunningSyncsState = { syncs: [], endedPlanIds: new Set() };

/** A `syncProgress` event: the sync is replaced in place, added at the end when new, dropped once ended. */
export function applySyncProgress(state: RunningSyncsState, sync: RunningSync): RunningSyncsState {
  if (sync.ended) {
    return { syncs: state.syncs.filter((s) => s.planId !== sync.planId), endedPlanIds: new Set(state.endedPlanIds).add(sync.planId) };
  }
  if (state.endedPlanIds.has(sync.planId)) return state;
  const known = state.syncs.some((s) => s.planId === sync.planId);
  return { ...state, syncs: known ? state.syncs.map((s) => (s.planId === sync.planId ? sync : s)) : [...state.syncs, sync] };
}

/**
 * `syncRunning`'s answer: main's list, except syncs already seen ending; a sync that started after main
 * answered (its event came first) is kept.
 */
export function receiveRunningSyncs(state: RunningSyncsState, running: readonly RunningSync[]): RunningSyncsState {
  const fromMain = running.filter((s) => !state.endedPlanIds.has(s.planId));
  const newer = state.syncs.filter((s) => !fromMain.some((m) => m.planId === s.planId));
  return { ...state, syncs: [...fromMain, ...newer] };
}

const DIRECTION_ARROW: Record<SyncDirection, string> = { up: '→', down: '←', mirror: '↔' };

/** The running-sync line: "Syncing /home/me/site → example:/www — 3 of 10 done", or "Cancelling …". */
export function runningSyncText(sync: RunningSync): string {
  const pair = `${sync.localRoot} ${DIRECTION_ARROW[sync.direction]} ${sync.siteLabel}:${sync.remoteRoot}`;
  return t('syncView.running', { cancelling: sync.cancelled ? 'yes' : 'no', pair, done: sync.actionsDone, total: sync.actionsTotal });
}
