import { dirname } from 'node:path';
import type { WharfErrorData } from '../../common/models/errors';
import type {
  OverwritePolicy,
  QueueProgress,
  QueueUpdate,
  TransferDirection,
  TransferItem,
  TransferKind,
  TransferState,
} from '../../common/models/transfer';
import { temporaryUploadPathFor } from '../ftps/file-transfer';
import { temporaryDownloadPathFor } from './local-target';
import type { MoveTarget } from './queue-controls';

/** An item to add: a file or a folder to create, already expanded from what the user picked. */
export interface NewTransferItem {
  readonly kind: TransferKind;
  readonly direction: TransferDirection;
  readonly siteKey: string;
  readonly localPath: string;
  readonly remotePath: string;
  readonly size?: number | null;
  readonly modifiedAt?: string | null;
  /** default: the scheduler's `defaultOverwrite` */
  readonly overwrite?: OverwritePolicy;
  /** A file upload goes to `NAME.wharf-part` and is renamed when verified (the site setting). default true */
  readonly uploadViaTemporaryName?: boolean;
  /** Downloads: the folder the user chose, which the local path must stay inside. default: the local path's own folder */
  readonly localRoot?: string;
  /** Queued already refused (a server's name unsafe as a local name, a folder the walk could not read): the item fails with this, nothing runs. */
  readonly refusal?: WharfErrorData;
}

/** A fresh queued item from what to add. */
export function newItem(id: string, input: NewTransferItem, defaultOverwrite: OverwritePolicy): TransferItem {
  const size = input.size ?? null;
  return {
    id,
    kind: input.kind,
    direction: input.direction,
    localPath: input.localPath,
    remotePath: input.remotePath,
    siteKey: input.siteKey,
    localRoot: input.direction === 'download' ? (input.localRoot ?? dirname(input.localPath)) : null,
    // Recorded before the first byte: only a temporary file the queue knows of is ever resumed or deleted.
    temporaryLocalPath: input.kind === 'file' && input.direction === 'download' && !input.refusal ? temporaryDownloadPathFor(input.localPath, id) : null,
    // Chosen once, here, and kept: a retry or a restarted Wharf must resume into the file the first attempt wrote.
    temporaryRemotePath:
      input.kind === 'file' && input.direction === 'upload' && (input.uploadViaTemporaryName ?? true) ? temporaryUploadPathFor(input.remotePath) : null,
    size,
    modifiedAt: input.modifiedAt ?? null,
    overwrite: input.overwrite ?? defaultOverwrite,
    state: input.refusal ? 'failed' : 'queued',
    bytesDone: 0,
    bytesTotal: size ?? 0,
    speed: 0,
    etaSeconds: null,
    attempts: 0,
    lastError: input.refusal ?? null,
    nextAttemptAt: null,
    resumedFrom: 0,
    verifiedBy: null,
    skipReason: null,
  };
}

/** What changed since the last update, as `QueueUpdate` carries it. */
export type ItemChanges = Pick<QueueUpdate, 'items' | 'removedIds' | 'order'>;

/**
 * The queue's items in order, with what the scheduler asks of them kept as they change: counts per state
 * and per site, byte sums, where the first queued item can be, and what changed since the last update.
 * So a 100,000-item queue costs O(1) per finished transfer in the usual case, not a pass over all items.
 */
export class TransferItems {
  private readonly byId = new Map<string, TransferItem>();
  private order: string[] = [];
  /** No queued item sits before this index of `order`. */
  private scanFrom = 0;
  private readonly stateCounts = new Map<TransferState, number>();
  private readonly queuedBySite = new Map<string, number>();
  private readonly runningBySite = new Map<string, number>();
  private bytesTotalSum = 0;
  private bytesDoneSum = 0;
  private readonly dirty = new Set<string>();
  private removedSinceUpdate: string[] = [];
  private orderChanged = false;

  get(id: string): TransferItem | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Adds or replaces an item (a new one goes to the end of the queue), keeping counts, sums and the changed set right. */
  set(next: TransferItem): void {
    const previous = this.byId.get(next.id);
    if (previous) this.account(previous, -1);
    else this.order.push(next.id);
    this.byId.set(next.id, next);
    this.account(next, +1);
    this.dirty.add(next.id);
  }

  /** The item changed without a new object yet (a running transfer's progress): in the next update all the same. */
  touch(id: string): void {
    this.dirty.add(id);
  }

  /** Takes items out; `removedIds` of the next update names them. */
  delete(items: readonly TransferItem[]): void {
    const removing = new Set<string>();
    for (const item of items) {
      this.account(item, -1);
      this.byId.delete(item.id);
      this.dirty.delete(item.id);
      this.removedSinceUpdate.push(item.id);
      removing.add(item.id);
    }
    this.order = this.order.filter((id) => !removing.has(id));
    this.scanFrom = 0;
  }

  count(state: TransferState): number {
    return this.stateCounts.get(state) ?? 0;
  }

  runningOn(siteKey: string): number {
    return this.runningBySite.get(siteKey) ?? 0;
  }

  /** Sites with at least one queued item. */
  *sitesWithQueued(): Generator<string> {
    for (const [siteKey, queued] of this.queuedBySite) if (queued > 0) yield siteKey;
  }

  /** Every item in queue order. */
  inOrder(): TransferItem[] {
    const items: TransferItem[] = [];
    for (const id of this.order) {
      const item = this.byId.get(id);
      if (item) items.push(item);
    }
    return items;
  }

  /** The ids of the items that match, in queue order. */
  idsWhere(matches: (item: TransferItem) => boolean): string[] {
    return this.order.filter((id) => {
      const item = this.byId.get(id);
      return item !== undefined && matches(item);
    });
  }

  /**
   * Queued items in queue order, from the first one that can be queued: the items passed over on the way
   * (running, finished) are not looked at again until `rescanFromStart`.
   */
  *queuedInOrder(): Generator<TransferItem> {
    let advancing = true;
    for (let i = this.scanFrom; i < this.order.length; i++) {
      const item = this.byId.get(this.order[i] as string);
      if (item?.state !== 'queued') {
        if (advancing) this.scanFrom = i + 1;
        continue;
      }
      advancing = false;
      yield item;
    }
  }

  /** An item became queued again somewhere before the scan position. */
  rescanFromStart(): void {
    this.scanFrom = 0;
  }

  /** Moves the selected ids one step up or down, or to the top or bottom, keeping their relative order. */
  move(selected: ReadonlySet<string>, target: MoveTarget): void {
    const order = this.order;
    if (target === 'top' || target === 'bottom') {
      const picked = order.filter((id) => selected.has(id));
      const rest = order.filter((id) => !selected.has(id));
      this.order = target === 'top' ? [...picked, ...rest] : [...rest, ...picked];
    } else if (target === 'up') {
      for (let i = 1; i < order.length; i++) {
        const here = order[i] as string;
        const before = order[i - 1] as string;
        if (selected.has(here) && !selected.has(before)) {
          order[i - 1] = here;
          order[i] = before;
        }
      }
    } else {
      for (let i = order.length - 2; i >= 0; i--) {
        const here = order[i] as string;
        const after = order[i + 1] as string;
        if (selected.has(here) && !selected.has(after)) {
          order[i + 1] = here;
          order[i] = after;
        }
      }
    }
    this.orderChanged = true;
    this.scanFrom = 0;
  }

  /** Totals for one progress bar; `speed` is the running items' sum. */
  progress(speed: number): QueueProgress {
    const left = Math.max(0, this.bytesTotalSum - this.bytesDoneSum);
    return {
      total: this.byId.size,
      queued: this.count('queued'),
      running: this.count('running'),
      paused: this.count('paused'),
      done: this.count('done'),
      failed: this.count('failed'),
      skipped: this.count('skipped'),
      bytesDone: this.bytesDoneSum,
      bytesTotal: this.bytesTotalSum,
      speed,
      etaSeconds: speed > 0 ? Math.ceil(left / speed) : null,
    };
  }

  get hasChanges(): boolean {
    return this.dirty.size > 0 || this.removedSinceUpdate.length > 0 || this.orderChanged;
  }

  /** What changed since the last call, and forgets it. */
  takeChanges(): ItemChanges {
    const items: TransferItem[] = [];
    // New items must arrive in queue order; a Set keeps insertion order, which is enqueue order.
    for (const id of this.dirty) {
      const item = this.byId.get(id);
      if (item) items.push(item);
    }
    const changes: ItemChanges = { items, removedIds: this.removedSinceUpdate, order: this.orderChanged ? [...this.order] : null };
    this.forgetChanges();
    return changes;
  }

  /** Starts the changed set afresh (a restored queue is no change). */
  forgetChanges(): void {
    this.dirty.clear();
    this.removedSinceUpdate = [];
    this.orderChanged = false;
  }

  private account(item: TransferItem, sign: 1 | -1): void {
    this.stateCounts.set(item.state, this.count(item.state) + sign);
    if (item.state === 'queued') this.queuedBySite.set(item.siteKey, (this.queuedBySite.get(item.siteKey) ?? 0) + sign);
    if (item.state === 'running') this.runningBySite.set(item.siteKey, (this.runningBySite.get(item.siteKey) ?? 0) + sign);
    this.bytesTotalSum += sign * item.bytesTotal;
    this.bytesDoneSum += sign * item.bytesDone;
  }
}
