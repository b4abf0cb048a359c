/*
 * The sync planner, pure: a compare result in, a list of actions out. Nothing is deleted unless deletion
 * was asked for; an overwrite that would replace a newer copy is planned but left unticked.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { CompareEntry, CompareResult, SyncAction, SyncConflict, SyncDirection, SyncOperation, SyncPlan } from '../../common/models/sync';
import { t } from '../../common/i18n/t';
import { suspectedTimezoneShift } from './compare';
import { localJoin, remoteJoin } from './compare-folders';

/** How to plan. */
export interface PlanOptions {
  readonly direction: SyncDirection;
  /** Delete what the other side does not have (up/down), or what was deleted since the last sync (mirror). default false */
  readonly delete?: boolean;
  /**
   * Mirror only: the paths that were on both sides after the last sync of this pair. A path on one side only
   * that is in it was deleted on the other side since; one that is not is new. null: no earlier sync known.
   */
  readonly baseline?: ReadonlySet<string> | null;
  /** default: a random id */
  readonly planId?: string;
  /** default: now */
  readonly now?: Date;
}

/** A stable id for an action: the same operation on the same path gets the same id in every preview. */
export function actionId(operation: SyncOperation, target: 'local' | 'remote', relativePath: string): string {
  return createHash('sha256').update(`${operation}\0${target}\0${relativePath}`).digest('hex').slice(0, 20);
}

function isUnder(path: string, folders: ReadonlySet<string>): boolean {
  for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
    if (folders.has(path.slice(0, cut))) return true;
  }
  return false;
}

/**
 * Plans a sync from a compare: `up` makes the server match this computer, `down` the reverse, `mirror`
 * copies both ways (the newer copy wins). A folder to delete is one action (its contents go with it);
 * a file here and a folder there, or two changed copies whose times do not say which is newer, are
 * conflicts and left alone.
 */
export function planSync(compare: CompareResult, options: PlanOptions): SyncPlan {
  const { direction } = options;
  const deleteEnabled = options.delete === true;
  const baseline = options.baseline ?? null;
  const actions: SyncAction[] = [];
  const conflicts: SyncConflict[] = [];
  const notes: string[] = [];
  const covered = new Set<string>();
  let keptOnlyLocal = 0;
  let keptOnlyRemote = 0;

  const add = (entry: CompareEntry, operation: SyncOperation, target: 'local' | 'remote', reason: string, extra: { selected?: boolean; warning?: string | null } = {}) => {
    const source = operation === 'delete' ? (target === 'local' ? entry.local : entry.remote) : target === 'remote' ? entry.local : entry.remote;
    const kind = source?.type === 'directory' ? 'directory' : 'file';
    actions.push({
      id: actionId(operation, target, entry.relativePath),
      operation,
      target,
      kind,
      relativePath: entry.relativePath,
      localPath: localJoin(compare.localRoot, entry.relativePath),
      remotePath: remoteJoin(compare.remoteRoot, entry.relativePath),
      size: kind === 'file' ? (source?.size ?? null) : null,
      reason,
      selected: extra.selected ?? true,
      warning: extra.warning ?? null,
    });
    if (operation === 'delete' && kind === 'directory') covered.add(entry.relativePath);
  };

  for (const entry of compare.entries) {
    if (isUnder(entry.relativePath, covered)) continue;
    const path = entry.relativePath;
    if (entry.status === 'same') continue;
    if (entry.status === 'different' && entry.reasons.includes('type')) {
      conflicts.push({ relativePath: path, reason: entry.explanation });
      covered.add(path);
      continue;
    }
    if (entry.status === 'different' && entry.reasons.includes('contents')) continue;

    if (entry.status === 'only-local' || entry.status === 'only-remote') {
      const here: 'local' | 'remote' = entry.status === 'only-local' ? 'local' : 'remote';
      const there: 'local' | 'remote' = here === 'local' ? 'remote' : 'local';
      const copiesThisWay = direction === 'mirror' || (direction === 'up') === (here === 'local');
      if (direction === 'mirror' && deleteEnabled && baseline?.has(path)) {
        const newBelow = compare.entries.filter((e) => e.relativePath.startsWith(`${path}/`) && !baseline.has(e.relativePath));
        if (newBelow.length > 0) {
          conflicts.push({ relativePath: path, reason: t('syncTexts.deletedButNewInside', { side: there, count: newBelow.length }) });
          covered.add(path);
        } else {
          add(entry, 'delete', here, t('syncTexts.deletedSinceLastSync', { side: there }));
        }
      } else if (copiesThisWay) {
        add(entry, 'copy', there, t('syncTexts.onlyOnSide', { side: here }));
      } else if (deleteEnabled) {
        add(entry, 'delete', here, t('syncTexts.onlyOnSideNotOther', { side: here }));
      } else if (here === 'local') {
        keptOnlyLocal += 1;
      } else {
        keptOnlyRemote += 1;
      }
      continue;
    }

    // Two files that differ.
    const wins: 'local' | 'remote' | null = direction === 'up' ? 'local' : direction === 'down' ? 'remote' : entry.newer;
    if (wins === null) {
      conflicts.push({ relativePath: path, reason: t('syncTexts.timesUndecided', { explanation: entry.explanation }) });
      continue;
    }
    const target = wins === 'local' ? 'remote' : 'local';
    const targetIsNewer = entry.newer === target;
    add(entry, 'overwrite', target, entry.explanation, {
      selected: !targetIsNewer,
      warning: targetIsNewer ? t('syncTexts.targetIsNewer', { side: target }) : null,
    });
  }

  if (keptOnlyLocal > 0) notes.push(t('syncTexts.keptOnlyOnSide', { side: 'local', count: keptOnlyLocal }));
  if (keptOnlyRemote > 0) notes.push(t('syncTexts.keptOnlyOnSide', { side: 'remote', count: keptOnlyRemote }));
  if (direction === 'mirror' && deleteEnabled && baseline === null) {
    notes.push(t('syncTexts.noEarlierSync'));
  }
  const unticked = actions.filter((a) => !a.selected).length;
  if (unticked > 0) notes.push(t('syncTexts.untickedOverwrites', { count: unticked }));
  const shift = compare.settings.offsetApplies && compare.settings.sizeOnly !== true ? suspectedTimezoneShift(compare.entries) : null;
  if (shift !== null) {
    const suggested = compare.settings.timezoneOffsetMinutes + shift;
    // Strings, not numbers: a number argument would be grouped (1,440), and the option must stay typeable.
    notes.push(t('syncTexts.timezoneShift', { minutes: String(Math.abs(shift)), direction: shift > 0 ? 'newer' : 'older', suggested: String(suggested) }));
  }
  if (compare.skipped.length > 0) notes.push(t('syncTexts.skippedEntries', { count: compare.skipped.length }));

  const count = (op: SyncOperation) => actions.filter((a) => a.operation === op).length;
  const bytes = (target: 'local' | 'remote') => actions.filter((a) => a.operation !== 'delete' && a.target === target).reduce((sum, a) => sum + (a.size ?? 0), 0);
  return {
    planId: options.planId ?? randomUUID(),
    direction,
    deleteEnabled,
    localRoot: compare.localRoot,
    remoteRoot: compare.remoteRoot,
    actions,
    conflicts,
    skipped: compare.skipped,
    notes,
    summary: { copy: count('copy'), overwrite: count('overwrite'), delete: count('delete'), bytesUp: bytes('remote'), bytesDown: bytes('local') },
    compare,
    createdAt: (options.now ?? new Date()).toISOString(),
  };
}
