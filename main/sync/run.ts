import { t } from '../../common/i18n/t';
import { rm, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { WharfErrorData } from '../../common/models/errors';
import type { SyncAction, SyncActionResult, SyncPlan, SyncRunResult } from '../../common/models/sync';
import type { QueueSnapshot, QueueUpdate, TransferItem } from '../../common/models/transfer';
import { WharfError, isWharfError } from '../core/errors';
import { safeLocalPath } from '../ftps/safe-names';
import { toErrorData } from '../transfers/retry-policy';
import type { QueueControls } from '../transfers/queue-controls';
import type { NewTransferItem } from '../transfers/transfer-scheduler';
import type { SyncStateStore } from './sync-state';

/** The transfer queue calls a sync run makes: `TransferQueue` satisfies it. */
export interface SyncQueue {
  enqueue(items: readonly NewTransferItem[]): number;
  getSnapshot(): QueueSnapshot;
  subscribe(listener: (update: QueueUpdate) => void): () => void;
  readonly controls: Pick<QueueControls, 'cancel'>;
}

/** What remote deletions need of a session: `FtpsSession` satisfies it. */
export interface SyncRemote {
  size(path: string): Promise<number>;
  remove(path: string, options?: { recursive?: boolean }): Promise<void>;
}

/** How to run a plan. */
export interface RunSyncOptions {
  /** Copies and overwrites go through this queue (its runner verifies every file). */
  readonly queue: SyncQueue;
  /** The queue's site key for this server (its connection pool). */
  readonly siteKey: string;
  /** Remote deletions go through this session (used only after every transfer has ended). */
  readonly session: SyncRemote;
  /** Uploads go to a temporary name and are renamed once verified (the site setting). default true */
  readonly uploadViaTemporaryName?: boolean;
  /** The ticked actions; default: those whose checkbox starts ticked. */
  readonly actionIds?: readonly string[];
  /** List what would happen; change nothing. default false */
  readonly dryRun?: boolean;
  /** Local deletions (the app: to the trash); default: removed for good. */
  readonly deleteLocal?: (path: string, kind: 'file' | 'directory') => Promise<void>;
  /** Where the pair's record is kept for later mirror deletions. */
  readonly state?: { readonly store: SyncStateStore; readonly pairKey: string };
  /** Each action's result as it ends. */
  readonly onAction?: (result: SyncActionResult) => void;
  /**
   * How many of the chosen actions have ended, first (0 of all) before anything starts, then each time a
   * transfer ends in the queue or an action is recorded: a copy counts when its transfer ends, not only
   * once every transfer has (which is when its result is recorded).
   */
  readonly onProgress?: (actionsDone: number, actionsTotal: number) => void;
  /**
   * Cancels the run: its transfers still queued, paused or running are cancelled in the queue, and no
   * deletion starts after it (one already under way finishes).
   */
  readonly signal?: AbortSignal;
}

const TERMINAL = new Set<TransferItem['state']>(['done', 'skipped', 'failed']);

function result(action: SyncAction, fields: Partial<SyncActionResult> & Pick<SyncActionResult, 'status'>): SyncActionResult {
  return { actionId: action.id, transferId: null, verifiedBy: null, error: null, note: null, ...fields };
}

/** A local path strictly inside the plan's local folder, checked again right before anything is deleted. */
function insideRoot(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel !== '' && rel !== '..' && !rel.startsWith('../') && !rel.startsWith('..\\') && !isAbsolute(rel);
}

function isMissing(error: WharfErrorData): boolean {
  return error.kind === 'ftp' && error.code !== undefined && error.code >= 500;
}

function queueItemFor(plan: SyncPlan, action: SyncAction, siteKey: string, uploadViaTemporaryName: boolean): NewTransferItem {
  const upload = action.target === 'remote';
  const source = upload ? plan.compare.entries.find((e) => e.relativePath === action.relativePath)?.local : plan.compare.entries.find((e) => e.relativePath === action.relativePath)?.remote;
  return {
    kind: action.kind,
    direction: upload ? 'upload' : 'download',
    siteKey,
    localPath: action.localPath,
    ...(upload ? {} : { localRoot: plan.localRoot }),
    remotePath: action.remotePath,
    size: action.size,
    modifiedAt: source?.modifiedAt ?? null,
    // A copy never replaces a target that appeared since the preview; an overwrite was chosen in it.
    overwrite: action.operation === 'overwrite' ? 'overwrite' : 'skip',
    uploadViaTemporaryName,
  };
}

/**
 * Enqueues the transfers and resolves with each one's final item once all have ended. An abort cancels
 * those not ended yet in the queue, which ends them (as failed, kind `cancelled`).
 */
async function runTransfers(queue: SyncQueue, items: readonly NewTransferItem[], signal: AbortSignal | undefined, onEnded: () => void): Promise<(TransferItem | null)[]> {
  if (items.length === 0) return [];
  const before = new Set(queue.getSnapshot().items.map((i) => i.id));
  const key = (i: { direction: string; localPath: string; remotePath: string }) => `${i.direction}\0${i.localPath}\0${i.remotePath}`;
  const finals = new Map<string, TransferItem | null>();
  const wanted = new Map<string, string>();
  let resolveAll: () => void = () => undefined;
  const allDone = new Promise<void>((r) => {
    resolveAll = r;
  });
  const settle = (item: TransferItem) => {
    if (!wanted.has(item.id) || !TERMINAL.has(item.state)) return;
    finals.set(wanted.get(item.id) as string, item);
    wanted.delete(item.id);
    onEnded();
    if (wanted.size === 0) resolveAll();
  };
  const unsubscribe = queue.subscribe((update) => {
    for (const item of update.items) settle(item);
    for (const id of update.removedIds) {
      const k = wanted.get(id);
      if (k === undefined) continue;
      finals.set(k, null);
      wanted.delete(id);
      onEnded();
      if (wanted.size === 0) resolveAll();
    }
  });
  const cancelUnfinished = () => queue.controls.cancel([...wanted.keys()]);
  try {
    queue.enqueue(items);
    const wantedKeys = new Set(items.map(key));
    for (const item of queue.getSnapshot().items) {
      if (!before.has(item.id) && wantedKeys.has(key(item))) wanted.set(item.id, key(item));
    }
    if (wanted.size === 0) throw new WharfError('internal', t('transfers.syncNotAccepted'));
    for (const item of queue.getSnapshot().items) settle(item);
    signal?.addEventListener('abort', cancelUnfinished, { once: true });
    if (wanted.size > 0) await allDone;
  } finally {
    signal?.removeEventListener('abort', cancelUnfinished);
    unsubscribe();
  }
  return items.map((i) => finals.get(key(i)) ?? null);
}

async function deleteRemote(action: SyncAction, session: SyncRemote): Promise<SyncActionResult> {
  if (action.kind === 'file' && action.size !== null) {
    let size: number;
    try {
      size = await session.size(action.remotePath);
    } catch (err) {
      const error = toErrorData(err);
      if (isMissing(error)) return result(action, { status: 'skipped', note: t('syncTexts.alreadyGone', { side: 'remote' }) });
      return result(action, { status: 'failed', error });
    }
    if (size !== action.size) return result(action, { status: 'skipped', note: t('syncTexts.changedSincePreview', { side: 'remote', size, was: action.size }) });
  }
  try {
    await session.remove(action.remotePath, { recursive: action.kind === 'directory' });
    return result(action, { status: 'done' });
  } catch (err) {
    return result(action, { status: 'failed', error: toErrorData(err) });
  }
}

async function deleteLocal(plan: SyncPlan, action: SyncAction, remove: NonNullable<RunSyncOptions['deleteLocal']>): Promise<SyncActionResult> {
  if (!insideRoot(plan.localRoot, action.localPath)) {
    return result(action, { status: 'failed', error: { kind: 'invalid-input', message: t('syncTexts.notInsideRoot', { path: action.localPath, root: plan.localRoot }) } });
  }
  const info = await stat(action.localPath).catch(() => null);
  if (info === null) return result(action, { status: 'skipped', note: t('syncTexts.alreadyGone', { side: 'local' }) });
  if (action.kind === 'file' && action.size !== null && info.size !== action.size) {
    return result(action, { status: 'skipped', note: t('syncTexts.changedSincePreview', { side: 'local', size: info.size, was: action.size }) });
  }
  try {
    await remove(action.localPath, action.kind);
    return result(action, { status: 'done' });
  } catch (err) {
    return result(action, { status: 'failed', error: toErrorData(err) });
  }
}

/** The paths on both sides after the run: what a later mirror compares against to find deletions. */
function nextBaseline(plan: SyncPlan, previous: ReadonlySet<string> | null, results: ReadonlyMap<string, SyncActionResult>): Set<string> {
  const paths = new Set(previous ?? []);
  for (const e of plan.compare.entries) {
    if (e.local && e.remote && e.local.type === e.remote.type) paths.add(e.relativePath);
  }
  for (const action of plan.actions) {
    if (results.get(action.id)?.status !== 'done') continue;
    if (action.operation === 'delete') {
      for (const p of [...paths]) if (p === action.relativePath || p.startsWith(`${action.relativePath}/`)) paths.delete(p);
      continue;
    }
    for (let p = action.relativePath; p !== ''; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') paths.add(p);
  }
  return paths;
}

/**
 * Carries out the ticked actions of a plan: copies and overwrites through the transfer queue (which
 * verifies every file, by server hash where offered, else by size), then deletions, each checked once more
 * against the preview (a file that changed since is not deleted). A plan without deletion chosen has no
 * delete actions, and a delete action in one is refused.
 */
export async function runSyncPlan(plan: SyncPlan, options: RunSyncOptions): Promise<SyncRunResult> {
  const byId = new Map(plan.actions.map((a) => [a.id, a]));
  let chosen: SyncAction[];
  if (options.actionIds) {
    const unknown = options.actionIds.filter((id) => !byId.has(id));
    if (unknown.length > 0) throw new WharfError('invalid-input', t('transfers.unknownActions', { count: unknown.length }), { detail: { unknown: unknown.slice(0, 5).join(',') } });
    const ids = new Set(options.actionIds);
    chosen = plan.actions.filter((a) => ids.has(a.id));
  } else {
    chosen = plan.actions.filter((a) => a.selected);
  }
  if (!plan.deleteEnabled && chosen.some((a) => a.operation === 'delete')) {
    throw new WharfError('invalid-input', t('transfers.planWithoutDeletion'));
  }
  const results = new Map<string, SyncActionResult>();
  // Whether the cancel left any action undone: a cancel that came after the last action changes nothing.
  let stoppedByCancel = false;
  const cancelled = () => options.signal?.aborted === true;
  // Reported counts only grow: a copy is counted when its transfer ends and again when its result is recorded.
  let reported = -1;
  const reportProgress = (actionsDone: number) => {
    if (actionsDone <= reported) return;
    reported = actionsDone;
    options.onProgress?.(actionsDone, chosen.length);
  };
  const record = (r: SyncActionResult) => {
    results.set(r.actionId, r);
    options.onAction?.(r);
    reportProgress(results.size);
  };
  reportProgress(0);

  // Second line of defence: every download target is built from safe names and lies inside the local folder.
  const unsafe = new Set<string>();
  for (const action of chosen) {
    if (action.target !== 'local' || action.operation === 'delete') continue;
    try {
      if (safeLocalPath(plan.localRoot, action.relativePath.split('/')) !== resolve(action.localPath)) throw new WharfError('unsafe-name', t('transfers.syncPathMisplaced', { localPath: action.localPath, relativePath: action.relativePath }));
    } catch (err) {
      unsafe.add(action.id);
      record(result(action, { status: 'failed', error: isWharfError(err) ? err.toData() : toErrorData(err) }));
    }
  }

  if (options.dryRun) {
    for (const action of chosen) if (!unsafe.has(action.id)) record(result(action, { status: 'skipped', note: t('syncTexts.dryRun') }));
  } else {
    const copies = chosen.filter((a) => a.operation !== 'delete' && !unsafe.has(a.id));
    const items = copies.map((a) => queueItemFor(plan, a, options.siteKey, options.uploadViaTemporaryName ?? true));
    let transfersEnded = 0;
    const onTransferEnded = () => reportProgress(results.size + ++transfersEnded);
    const finals = cancelled() ? items.map(() => null) : await runTransfers(options.queue, items, options.signal, onTransferEnded);
    copies.forEach((action, i) => {
      const item = finals[i] ?? null;
      if (cancelled() && (item === null || item.lastError?.kind === 'cancelled')) {
        stoppedByCancel = true;
        record(result(action, { status: 'skipped', transferId: item?.id ?? null, note: t('syncTexts.cancelledNotCopied') }));
      } else if (item === null) {
        record(result(action, { status: 'failed', error: { kind: 'cancelled', message: t('syncTexts.removedFromQueue') } }));
      } else if (item.state === 'done') {
        record(result(action, { status: 'done', transferId: item.id, verifiedBy: item.verifiedBy }));
      } else if (item.state === 'skipped') {
        record(result(action, { status: 'skipped', transferId: item.id, note: item.skipReason ? t('syncTexts.notCopiedAppeared', { reason: item.skipReason }) : null }));
      } else {
        record(result(action, { status: 'failed', transferId: item.id, error: item.lastError }));
      }
    });
    const removeLocal = options.deleteLocal ?? ((path: string) => rm(path, { recursive: true, force: false }));
    for (const action of chosen.filter((a) => a.operation === 'delete' && !unsafe.has(a.id))) {
      if (cancelled()) {
        stoppedByCancel = true;
        record(result(action, { status: 'skipped', note: t('syncTexts.cancelledNotDeleted') }));
        continue;
      }
      record(action.target === 'remote' ? await deleteRemote(action, options.session) : await deleteLocal(plan, action, removeLocal));
    }
    if (options.state) {
      const previous = await options.state.store.load(options.state.pairKey);
      await options.state.store.save(options.state.pairKey, nextBaseline(plan, previous, results));
    }
  }

  const list = chosen.map((a) => results.get(a.id) as SyncActionResult);
  return {
    planId: plan.planId,
    dryRun: options.dryRun === true,
    cancelled: stoppedByCancel,
    results: list,
    summary: {
      done: list.filter((r) => r.status === 'done').length,
      skipped: list.filter((r) => r.status === 'skipped').length,
      failed: list.filter((r) => r.status === 'failed').length,
    },
  };
}
