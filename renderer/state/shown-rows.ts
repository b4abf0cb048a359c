/**
 * The rows of a big listing, filtered and sorted in slices of a few milliseconds so the window never
 * freezes: sorting 100,000 names with the locale's collator took about a second in one piece. While a
 * listing arrives in chunks, each new chunk is sorted on its own and merged into the rows already sorted.
 * Small listings (most folders) are sorted at once, as before.
 */
import { rowOrder, rowTotals, visibleEntries, visibleTest, type PaneEntry, type PaneView, type RowTotals } from './pane-model';

/** Up to this many entries, rows are computed at once (a few milliseconds). */
export const SORT_AT_ONCE_LIMIT = 3000;

/** How long one slice may run before the window gets its turn. */
const SLICE_MS = 12;

/** Elements sorted with Array.prototype.sort before merging (stable, like the merges). */
const RUN = 256;

/**
 * A stable merge sort that yields after each piece of work (a run sorted, a stretch of a merge), so a
 * driver can stop between slices. Returns a new array; `items` is not changed.
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Generator<void, T[]> {
  const n = items.length;
  let src = items.slice();
  for (let lo = 0; lo < n; lo += RUN) {
    const run = src.slice(lo, lo + RUN).sort(compare);
    for (let i = 0; i < run.length; i++) src[lo + i] = run[i]!;
    yield;
  }
  let dst = new Array<T>(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      yield* mergeSteps(src, lo, mid, src, mid, Math.min(lo + 2 * width, n), compare, dst, lo);
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/** Merges left[i, iEnd) and right[j, jEnd) into out from `at`; ties take the left side (stable). */
function* mergeSteps<T>(left: readonly T[], i: number, iEnd: number, right: readonly T[], j: number, jEnd: number, compare: (a: T, b: T) => number, out: T[], at: number): Generator<void, void> {
  let k = at;
  let step = 0;
  while (i < iEnd && j < jEnd) {
    out[k++] = compare(right[j]!, left[i]!) < 0 ? right[j++]! : left[i++]!;
    if (++step % 512 === 0) yield;
  }
  while (i < iEnd) out[k++] = left[i++]!;
  while (j < jEnd) out[k++] = right[j++]!;
}

/** Filters in stretches, yielding between them. */
function* filterSteps<T>(items: readonly T[], from: number, keep: (item: T) => boolean): Generator<void, T[]> {
  const kept: T[] = [];
  for (let i = from; i < items.length; i++) {
    const item = items[i]!;
    if (keep(item)) kept.push(item);
    if (i % 2048 === 0) yield;
  }
  return kept;
}

/** Totals of `rows` added to `before`, in stretches. */
function* totalSteps(rows: readonly PaneEntry[], before: RowTotals | undefined): Generator<void, RowTotals> {
  let totals = before;
  for (let from = 0; from < rows.length; from += TOTALS_STRETCH) {
    totals = rowTotals(rows.slice(from, from + TOTALS_STRETCH), totals);
    yield;
  }
  return totals ?? rowTotals([]);
}

const TOTALS_STRETCH = 8192;

/** Rows that landed, with the footer's totals of them. */
interface Landed {
  readonly rows: readonly PaneEntry[];
  readonly totals: RowTotals;
}

/** Rows for `entries` seen through `view`; `before`: rows already sorted for a prefix of `entries` with the same view (only the new rows are counted). */
function* rowSteps(entries: readonly PaneEntry[], view: PaneView, before: { readonly count: number; readonly rows: readonly PaneEntry[]; readonly totals: RowTotals } | null): Generator<void, Landed> {
  const order = rowOrder(view.sort);
  const added = yield* sortSteps(yield* filterSteps(entries, before?.count ?? 0, visibleTest(view)), order);
  const totals = yield* totalSteps(added, before?.totals);
  if (!before) return { rows: added, totals };
  const merged = new Array<PaneEntry>(before.rows.length + added.length);
  yield* mergeSteps(before.rows, 0, before.rows.length, added, 0, added.length, order, merged, 0);
  return { rows: merged, totals };
}

interface Basis {
  readonly entries: readonly PaneEntry[];
  /** How many of `entries` the rows were made from (entries grow as chunks arrive). */
  readonly count: number;
  readonly view: PaneView;
}

const sameView = (a: PaneView, b: PaneView) => a.filter === b.filter && a.showHidden === b.showHidden && a.sort.key === b.sort.key && a.sort.direction === b.sort.direction;

/** Entries that grew from `basis` by appending (a chunked listing still arriving), with the same view. */
function extendsBasis(basis: Basis, entries: readonly PaneEntry[], view: PaneView): boolean {
  return sameView(basis.view, view) && entries.length >= basis.count && (basis.count === 0 || (entries[0] === basis.entries[0] && entries[basis.count - 1] === basis.entries[basis.count - 1]));
}

/** Runs a generator in slices on timers; `cancel` stops it between slices. */
export function runInSlices<T>(steps: Generator<void, T>, done: (value: T) => void, sliceMs = SLICE_MS): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const slice = () => {
    timer = null;
    const end = performance.now() + sliceMs;
    for (;;) {
      const step = steps.next();
      if (step.done) return done(step.value);
      if (cancelled) return;
      if (performance.now() >= end) break;
    }
    timer = setTimeout(slice, 0);
  };
  timer = setTimeout(slice, 0);
  return () => {
    cancelled = true;
    if (timer !== null) clearTimeout(timer);
  };
}

/**
 * One pane's rows for big listings. `want` names the latest entries and view; one job runs at a time, and
 * when it ends the next starts from what is wanted then (merging only the new entries when the listing
 * grew). `rowsFor` answers at once: the rows if they are current, the last rows while the listing grows,
 * and otherwise the first entries sorted on the spot, until the job lands.
 */
export class ShownRows {
  private basis: Basis | null = null;
  private rows: readonly PaneEntry[] = [];
  private totals: RowTotals = rowTotals([]);
  private wanted: { entries: readonly PaneEntry[]; view: PaneView } | null = null;
  private cancelJob: (() => void) | null = null;
  private jobFor: { entries: readonly PaneEntry[]; view: PaneView } | null = null;
  private stopgap: { entries: readonly PaneEntry[]; view: PaneView; rows: readonly PaneEntry[] } | null = null;
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` whenever new rows landed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The rows to show for these entries through this view (starts a job when they are not current). */
  want(entries: readonly PaneEntry[], view: PaneView): void {
    this.wanted = { entries, view };
    const job = this.jobFor;
    // A job for another folder or view is dropped; one for a listing that merely grew since is let finish.
    if (this.cancelJob && job && !extendsBasis({ entries: job.entries, count: job.entries.length, view: job.view }, entries, view)) {
      this.cancelJob();
      this.cancelJob = null;
    }
    if (!this.cancelJob) this.startNext();
  }

  /** True while the rows shown are not yet those of the latest entries and view. */
  pending(entries: readonly PaneEntry[], view: PaneView): boolean {
    return !(this.basis && this.basis.entries === entries && this.basis.count === entries.length && sameView(this.basis.view, view));
  }

  /** What to show now for these entries and view. */
  rowsFor(entries: readonly PaneEntry[], view: PaneView): readonly PaneEntry[] {
    if (this.basis && extendsBasis(this.basis, entries, view)) return this.rows;
    if (this.stopgap?.entries !== entries || !sameView(this.stopgap.view, view)) {
      this.stopgap = { entries, view, rows: visibleEntries(entries.slice(0, SORT_AT_ONCE_LIMIT), view) };
    }
    return this.stopgap.rows;
  }

  /** The footer's totals of the rows, once they are those of these entries and view; null before. */
  totalsFor(entries: readonly PaneEntry[], view: PaneView): RowTotals | null {
    return this.pending(entries, view) ? null : this.totals;
  }

  /** Stops any job: the pane shows a small folder now, whose rows are computed at once. */
  stop(): void {
    this.cancelJob?.();
    this.cancelJob = null;
    this.wanted = null;
  }

  /** Stops any job (the pane went away). */
  dispose(): void {
    this.cancelJob?.();
    this.cancelJob = null;
    this.listeners.clear();
  }

  private startNext(): void {
    const wanted = this.wanted;
    if (!wanted || (this.basis && !this.pending(wanted.entries, wanted.view))) return;
    const grows = this.basis !== null && extendsBasis(this.basis, wanted.entries, wanted.view);
    const before = grows && this.basis ? { count: this.basis.count, rows: this.rows, totals: this.totals } : null;
    this.jobFor = wanted;
    this.cancelJob = runInSlices(rowSteps(wanted.entries, wanted.view, before), ({ rows, totals }) => {
      this.cancelJob = null;
      this.basis = { entries: wanted.entries, count: wanted.entries.length, view: wanted.view };
      this.rows = rows;
      this.totals = totals;
      this.stopgap = null;
      for (const listener of [...this.listeners]) listener();
      this.startNext();
    });
  }
}
