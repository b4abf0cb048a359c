import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextEnabled, paneMenuItems, placeMenu } from '../../renderer/state/context-menu-model';
import type { PaneEntry } from '../../renderer/state/pane-model';

function entry(name: string, type: PaneEntry['type'] = 'file'): PaneEntry {
  return { name, type, size: 1, modifiedAt: null, permissions: 'rw-r--r--', owner: null, group: null, linkTarget: null };
}

const ready = { ready: true, otherReady: true };
const enabled = (items: ReturnType<typeof paneMenuItems>) => items.filter((i) => !i.disabled).map((i) => i.command);

describe('the panes’ context menus', () => {
  it('offers the remote commands in order, enabled for what is selected', () => {
    const items = paneMenuItems('remote', [entry('a.txt')], ready);
    assert.deepEqual(
      items.map((i) => i.label),
      ['Open', 'Download', 'Rename', 'Delete', 'New folder', 'Permissions…', 'Enter custom command…', 'Copy path', 'Refresh'],
    );
    assert.deepEqual(enabled(items), ['open', 'download', 'rename', 'delete', 'new-folder', 'permissions', 'raw-command', 'copy-path', 'refresh']);
    assert.equal(items[0]?.shortcut, null, 'Enter transfers a file: the shortcut is not shown for opening its copy');
    const folderItems = paneMenuItems('remote', [entry('dir', 'directory')], ready);
    assert.ok(enabled(folderItems).includes('open'));
    assert.equal(folderItems[0]?.shortcut, 'Enter');
    const two = enabled(paneMenuItems('remote', [entry('a'), entry('b')], ready));
    assert.ok(!two.includes('rename') && two.includes('delete') && two.includes('permissions'));
    const none = enabled(paneMenuItems('remote', [], ready));
    assert.deepEqual(none, ['new-folder', 'raw-command', 'copy-path', 'refresh']);
  });

  it('offers the local commands, Upload only with a connected server', () => {
    const items = paneMenuItems('local', [entry('a.txt')], { ready: true, otherReady: false });
    assert.deepEqual(items.map((i) => i.label), ['Open', 'Upload', 'Rename', 'Delete', 'New folder', 'Reveal in file manager']);
    assert.deepEqual(enabled(items), ['open', 'rename', 'delete', 'new-folder', 'reveal']);
  });

  it('disables everything in a pane that shows nothing', () => {
    assert.deepEqual(enabled(paneMenuItems('remote', [entry('a')], { ready: false, otherReady: true })), []);
  });

  it('moves between enabled items, wrapping, and keeps the menu on screen', () => {
    const items = paneMenuItems('remote', [entry('a.txt')], ready);
    assert.equal(nextEnabled(items, -1, 1), 0);
    assert.equal(nextEnabled(items, 0, -1), 8, 'up from the first wraps to Refresh');
    const twoFiles = paneMenuItems('remote', [entry('a'), entry('b')], ready);
    assert.equal(nextEnabled(twoFiles, -1, 1), 1, 'Open is disabled for two files: Download first');
    assert.equal(nextEnabled(paneMenuItems('remote', [], { ready: false, otherReady: false }), -1, 1), -1);
    assert.deepEqual(placeMenu({ x: 100, y: 100 }, { width: 200, height: 300 }, { width: 1000, height: 800 }), { x: 100, y: 100 });
    assert.deepEqual(placeMenu({ x: 900, y: 700 }, { width: 200, height: 300 }, { width: 1000, height: 800 }), { x: 700, y: 496 });
  });
});
