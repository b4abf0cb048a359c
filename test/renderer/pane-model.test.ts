import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyListing,
  breadcrumbs,
  countSummary,
  filterMatcher,
  findByPrefix,
  initialPane,
  joinPath,
  moveCursor,
  remoteParent,
  selectAll,
  selectedEntries,
  selectOnly,
  selectRange,
  toggleSelected,
  toggleSort,
  validateNewName,
  visibleEntries,
  type PaneEntry,
} from '../../renderer/state/pane-model';
import { windowRange } from '../../renderer/state/windowing';

function entry(name: string, type: PaneEntry['type'] = 'file', size = 0, modifiedAt: string | null = null): PaneEntry {
  return { name, type, size, modifiedAt, permissions: null, owner: null, group: null, linkTarget: null };
}

const entries = [entry('b.txt', 'file', 30), entry('A-dir', 'directory'), entry('.hidden'), entry('a.txt', 'file', 10), entry('file10'), entry('file2'), entry('z-dir', 'directory')];
const view = { sort: { key: 'name' as const, direction: 'asc' as const }, filter: '', showHidden: false };

describe('the pane model', () => {
  it('lists folders first, hides dot-files unless asked, and sorts names naturally', () => {
    assert.deepEqual(visibleEntries(entries, view).map((e) => e.name), ['A-dir', 'z-dir', 'a.txt', 'b.txt', 'file2', 'file10']);
    assert.ok(visibleEntries(entries, { ...view, showHidden: true }).some((e) => e.name === '.hidden'));
  });

  it('sorts by any column in both directions, folders still first', () => {
    const bySizeDesc = visibleEntries(entries, { ...view, sort: { key: 'size', direction: 'desc' } }).map((e) => e.name);
    assert.deepEqual(bySizeDesc.slice(0, 4), ['z-dir', 'A-dir', 'b.txt', 'a.txt']);
    assert.deepEqual(toggleSort({ key: 'size', direction: 'asc' }, 'size'), { key: 'size', direction: 'desc' });
    assert.deepEqual(toggleSort({ key: 'size', direction: 'desc' }, 'name'), { key: 'name', direction: 'asc' });
  });

  it('filters by substring or glob, case-insensitively', () => {
    assert.deepEqual(visibleEntries(entries, { ...view, filter: '*.TXT' }).map((e) => e.name), ['a.txt', 'b.txt']);
    assert.equal(filterMatcher('file')('my-FILE.c'), true);
    assert.equal(filterMatcher('a?c')('abc'), true);
    assert.equal(filterMatcher('a?c')('abbc'), false);
    assert.equal(filterMatcher('(')('a(b'), true);
  });

  it('selects with click, Ctrl, Shift and Ctrl+A', () => {
    const names = ['a', 'b', 'c', 'd'];
    let s = selectOnly(initialPane('local'), 'b');
    s = selectRange(s, names, 'd');
    assert.deepEqual([...s.selected], ['b', 'c', 'd']);
    s = toggleSelected(s, 'c');
    assert.deepEqual([...s.selected].sort(), ['b', 'd']);
    s = selectAll(s, names);
    assert.equal(s.selected.size, 4);
  });

  it('moves the cursor with arrows, Home/End and pages, extending with Shift', () => {
    const names = Array.from({ length: 50 }, (_, i) => `n${i}`);
    let s = moveCursor(initialPane('remote'), names, 'down');
    assert.equal(s.cursor, 'n0');
    s = moveCursor(s, names, 'pagedown', { pageSize: 10 });
    assert.equal(s.cursor, 'n10');
    s = moveCursor(s, names, 'down', { extend: true });
    assert.deepEqual([...s.selected], ['n10', 'n11']);
    s = moveCursor(s, names, 'end');
    assert.equal(s.cursor, 'n49');
    s = moveCursor(s, names, 'up', { keepSelection: true });
    assert.equal(s.cursor, 'n48');
    assert.deepEqual([...s.selected], ['n49']);
    assert.equal(moveCursor(s, names, 'home').cursor, 'n0');
  });

  it('finds by typed prefix from the cursor, wrapping around', () => {
    const names = ['alpha', 'beta', 'bravo', 'charlie'];
    assert.equal(findByPrefix(names, 'b', 0), 'beta');
    assert.equal(findByPrefix(names, 'b', 2), 'bravo');
    assert.equal(findByPrefix(names, 'a', 3), 'alpha');
    assert.equal(findByPrefix(names, 'x', 0), null);
  });

  it('keeps the selection of what still exists on a refresh, and resets it in another folder', () => {
    let s = applyListing(initialPane('local'), { path: '/a', parent: '/', entries: [entry('x'), entry('y')] });
    s = selectAll(s, ['x', 'y']);
    s = { ...s, filter: 'x' };
    const refreshed = applyListing(s, { path: '/a', parent: '/', entries: [entry('y')] });
    assert.deepEqual([...refreshed.selected], ['y']);
    assert.equal(refreshed.filter, 'x');
    const elsewhere = applyListing(s, { path: '/b', parent: '/', entries: [entry('y')] });
    assert.equal(elsewhere.selected.size, 0);
    assert.equal(elsewhere.filter, '');
  });

  it('takes the cursor row when nothing is selected', () => {
    const shown = [entry('x'), entry('y')];
    const s = { ...initialPane('local'), cursor: 'y' };
    assert.deepEqual(selectedEntries(s, shown).map((e) => e.name), ['y']);
  });

  it('builds breadcrumbs for POSIX, Windows and remote paths', () => {
    assert.deepEqual(breadcrumbs('/home/ann', '/'), [
      { label: '/', path: '/' },
      { label: 'home', path: '/home' },
      { label: 'ann', path: '/home/ann' },
    ]);
    assert.deepEqual(breadcrumbs('C:\\Users\\ann', '\\').map((c) => c.path), ['C:\\', 'C:\\Users', 'C:\\Users\\ann']);
    assert.deepEqual(breadcrumbs('C:\\', '\\'), [{ label: 'C:\\', path: 'C:\\' }]);
    assert.deepEqual(breadcrumbs('C:', '\\'), [{ label: 'C:\\', path: 'C:\\' }]);
    assert.deepEqual(breadcrumbs('D:\\Users\\name\\a very long folder name\\', '\\').map((c) => c.label), ['D:\\', 'Users', 'name', 'a very long folder name']);
    assert.deepEqual(breadcrumbs('/', '/'), [{ label: '/', path: '/' }]);
  });

  it('joins and goes up paths without doubling separators', () => {
    assert.equal(joinPath('/', 'a', '/'), '/a');
    assert.equal(joinPath('/a', 'b', '/'), '/a/b');
    assert.equal(joinPath('C:\\', 'x', '\\'), 'C:\\x');
    assert.equal(remoteParent('/a/b'), '/a');
    assert.equal(remoteParent('/a'), '/');
    assert.equal(remoteParent('/'), null);
  });

  it('refuses names that would escape the folder or already exist', () => {
    assert.equal(validateNewName('ok', []), null);
    assert.match(validateNewName('a/b', []) ?? '', /cannot contain/);
    assert.match(validateNewName('..', []) ?? '', /reserved/);
    assert.match(validateNewName('x', [entry('x')]) ?? '', /already exists/);
    assert.equal(validateNewName('x', [entry('x')], 'x'), null);
  });

  it('counts folders, files and the selection for the footer', () => {
    const c = countSummary([entry('d', 'directory'), entry('f', 'file', 5), entry('g', 'file', 7)], new Set(['g', 'd']));
    assert.deepEqual(c, { folders: 1, files: 2, bytes: 12, selectedCount: 2, selectedBytes: 7 });
  });

  it('draws a bounded window of rows for any list size and scroll position', () => {
    assert.deepEqual(windowRange(0, 24, 0, 400, 8), { first: 0, last: -1 });
    const { first, last } = windowRange(100_000, 24, 24 * 50_000, 480, 8);
    assert.equal(first, 50_000 - 8);
    assert.ok(last - first < 40);
    assert.equal(windowRange(100_000, 24, 24 * 100_000, 480, 8).last, 99_999);
  });
});
