/** Which finished transfers make a pane list again, and how a burst of them is coalesced. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TransferItem } from '../../common/models/transfer';
import { foldersChangedBy } from '../../main/services/folders-changed';
import { CoalescedRefresh, showsChangedFolder } from '../../renderer/state/folder-refresh';

function item(changes: Partial<TransferItem>): TransferItem {
  return { kind: 'file', direction: 'upload', localPath: '/home/u/a.txt', remotePath: '/srv/a.txt', state: 'done', ...changes } as TransferItem;
}

describe('folders changed by finished transfers', () => {
  it('names the folder of each finished file and an empty folder with its parent, per side', () => {
    const changed = foldersChangedBy([
      item({ remotePath: '/srv/project/src/main.c' }),
      item({ remotePath: '/top.txt' }),
      item({ kind: 'directory', direction: 'download', localPath: '/home/u/dl/empty' }),
      item({ remotePath: '/srv/still-running.bin', state: 'running' }),
    ]);
    assert.deepEqual(changed, [
      { side: 'local', folders: ['/home/u/dl', '/home/u/dl/empty'] },
      { side: 'remote', folders: ['/srv/project/src', '/'] },
    ]);
  });

  it('refreshes a pane showing the changed folder or a folder above it, not a sibling or a folder below', () => {
    assert.equal(showsChangedFolder('/srv', '/', ['/srv/project/src']), true);
    assert.equal(showsChangedFolder('/srv/project/src', '/', ['/srv/project/src']), true);
    assert.equal(showsChangedFolder('/', '/', ['/srv']), true);
    assert.equal(showsChangedFolder('/srv2', '/', ['/srv/project']), false);
    assert.equal(showsChangedFolder('/srv/project/src', '/', ['/srv/project']), false);
    assert.equal(showsChangedFolder('C:\\Users', '\\', ['C:\\Users\\me\\dl']), true);
    assert.equal(showsChangedFolder(null, '/', ['/srv']), false);
  });

  it('runs one refresh at a time and once more for requests made while it ran', async () => {
    let runs = 0;
    const finishers: (() => void)[] = [];
    const refresh = new CoalescedRefresh(() => {
      runs++;
      return new Promise<void>((resolve) => finishers.push(resolve));
    });
    refresh.request();
    refresh.request();
    refresh.request();
    assert.equal(runs, 1);
    finishers.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(runs, 2);
    finishers.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(runs, 2);
  });
});
