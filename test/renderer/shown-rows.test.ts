import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowTotals, visibleEntries, type PaneEntry, type PaneView } from '../../renderer/state/pane-model';
import { ShownRows, sortSteps } from '../../renderer/state/shown-rows';

function entry(name: string, size: number, type: PaneEntry['type'] = 'file'): PaneEntry {
  return { name, type, size, modifiedAt: null, permissions: null, owner: null, group: null, linkTarget: null };
}

const entries = Array.from({ length: 9000 }, (_, i) => entry(i % 97 === 0 ? `.hidden-${i}` : `Item ${(i * 7919) % 9001}.txt`, (i * 31) % 50, i % 500 === 0 ? 'directory' : 'file'));
const view = (over: Partial<PaneView> = {}): PaneView => ({ sort: { key: 'name', direction: 'asc' }, filter: '', showHidden: false, ...over });

function run<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

test('the sliced merge sort orders exactly as Array.prototype.sort, stable on ties', () => {
  const bySize = (a: PaneEntry, b: PaneEntry) => a.size - b.size;
  assert.deepEqual(run(sortSteps(entries, bySize)), [...entries].sort(bySize));
  assert.deepEqual(run(sortSteps([], bySize)), []);
});

/** Waits until the rows for these entries and view have landed. */
function settle(rows: ShownRows, list: readonly PaneEntry[], v: PaneView): Promise<readonly PaneEntry[]> {
  return new Promise((resolve) => {
    const check = () => {
      if (!rows.pending(list, v)) {
        off();
        resolve(rows.rowsFor(list, v));
      }
    };
    const off = rows.subscribe(check);
    rows.want(list, v);
    check();
  });
}

test('rows of a listing that grows chunk by chunk end up as visibleEntries of the whole, for any view', async () => {
  const rows = new ShownRows();
  let landed: readonly PaneEntry[] = [];
  for (let end = 500; end < entries.length; end *= 2) {
    const part = entries.slice(0, end);
    rows.want(part, view());
    landed = rows.rowsFor(part, view());
  }
  assert.ok(landed.length <= entries.length);
  assert.deepEqual(await settle(rows, entries, view()), visibleEntries(entries, view()));
  for (const v of [view({ sort: { key: 'size', direction: 'desc' } }), view({ filter: '*1?.txt' }), view({ showHidden: true, sort: { key: 'type', direction: 'asc' } })]) {
    assert.deepEqual(await settle(rows, entries, v), visibleEntries(entries, v));
  }
  rows.dispose();
});

test('while another folder is sorted, its first entries show sorted rather than the last folder', () => {
  const rows = new ShownRows();
  const other = entries.slice(100, 4200).map((e) => ({ ...e }));
  rows.want(other, view());
  const now = rows.rowsFor(other, view());
  assert.ok(now.length > 0 && now.every((e) => other.includes(e)));
  assert.deepEqual(now, visibleEntries(other.slice(0, now.length === 0 ? 0 : 3000), view()));
  rows.dispose();
});

test('a listing that lands chunk by chunk is merged into the same rows and footer totals as the whole listing at once', async () => {
  const rows = new ShownRows();
  for (const v of [view(), view({ filter: '*1?.txt', sort: { key: 'name', direction: 'desc' } }), view({ showHidden: true, sort: { key: 'size', direction: 'asc' } })]) {
    assert.equal(rows.totalsFor(entries.slice(0, 1), v), null);
    for (let end = 700; ; end = Math.min(entries.length, end + 1900)) {
      const part = entries.slice(0, end);
      assert.deepEqual(await settle(rows, part, v), visibleEntries(part, v));
      assert.deepEqual(rows.totalsFor(part, v), rowTotals(visibleEntries(part, v)));
      if (end === entries.length) break;
    }
  }
  rows.dispose();
});
