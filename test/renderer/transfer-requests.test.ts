import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PaneEntry } from '../../renderer/state/pane-model';
import { transferRequests } from '../../renderer/state/transfer-requests';

function entry(name: string, type: PaneEntry['type'] = 'file', path?: string): PaneEntry {
  return { name, type, size: 1, modifiedAt: null, permissions: null, owner: null, group: null, linkTarget: null, ...(path ? { path } : {}) };
}

const local = { path: '/home/u/Downloads', separator: '/' };
const remote = { path: '/pub', separator: '/' };

describe('the queue requests a pane builds', () => {
  it('sends a download as the listed name and the two folders: no local path is built from a server name', () => {
    const names = ['ok.txt', 'sub/../../escape-mid.txt', '../x', '..\\x', '/etc/x', 'bell\u0007', 'CON', 'trailing.'];
    const requests = transferRequests('remote', names.map((n) => entry(n)), local, remote);
    assert.deepEqual(requests, names.map((name) => ({ direction: 'download', localFolder: '/home/u/Downloads', remoteFolder: '/pub', name, kind: 'file' })));
  });

  it('downloads into a folder row when one is the target, and leaves the kind out for a link', () => {
    const [request] = transferRequests('remote', [entry('link', 'symlink')], local, remote, '/home/u/Downloads/sub');
    assert.deepEqual(request, { direction: 'download', localFolder: '/home/u/Downloads/sub', remoteFolder: '/pub', name: 'link' });
  });

  it('sends an upload as the local source and the remote path', () => {
    const requests = transferRequests('local', [entry('a.txt', 'file', '/home/u/Downloads/a.txt'), entry('src', 'directory', '/home/u/Downloads/src')], local, remote, '/pub/in');
    assert.deepEqual(requests, [
      { direction: 'upload', localPath: '/home/u/Downloads/a.txt', remotePath: '/pub/in/a.txt', kind: 'file' },
      { direction: 'upload', localPath: '/home/u/Downloads/src', remotePath: '/pub/in/src', kind: 'directory' },
    ]);
  });
});
