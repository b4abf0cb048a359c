import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EditedFileQuestion, SessionInfo } from '../../common/ipc/payloads';
import type { WharfErrorData } from '../../common/models/errors';
import { ERROR_KINDS } from '../../common/models/errors';
import type { LogLine } from '../../common/models/log';
import type { SecurityReport } from '../../common/models/security';
import type { QueueProgress, QueueSnapshot, QueueUpdate, TransferItem } from '../../common/models/transfer';
import { closeDialog, initialDialogs, openDialog, questionDialog, topDialog } from '../../renderer/state/dialogs';
import { describeError } from '../../renderer/state/errors';
import { formatEta, formatSize, typeLabel } from '../../renderer/state/format';
import { appendLog, logAsText, mergeHistory } from '../../renderer/state/log-model';
import { availableActions, initialQueue, itemsOfTab, receiveSnapshot, receiveUpdate, statusText, tabCounts } from '../../renderer/state/queue-model';
import { activeSession, applySession, fromList, initialSessions, securityBadge } from '../../renderer/state/session-model';
import { Store } from '../../renderer/state/store';

const progress: QueueProgress = { total: 0, queued: 0, running: 0, paused: 0, done: 0, failed: 0, skipped: 0, bytesDone: 0, bytesTotal: 0, speed: 0, etaSeconds: null };

function item(id: string, state: TransferItem['state'], extra: Partial<TransferItem> = {}): TransferItem {
  return {
    id, kind: 'file', direction: 'upload', localPath: `/l/${id}`, remotePath: `/r/${id}`, siteKey: 's', temporaryRemotePath: null, localRoot: null, temporaryLocalPath: null, size: 10, modifiedAt: null, overwrite: 'ask', state,
    bytesDone: 0, bytesTotal: 10, speed: 0, etaSeconds: null, attempts: 0, lastError: null, nextAttemptAt: null, resumedFrom: 0, verifiedBy: null, skipReason: null, ...extra,
  };
}

function update(revision: number, items: TransferItem[], removedIds: string[] = [], order: string[] | null = null): QueueUpdate {
  return { revision, paused: false, progress, items, removedIds, order };
}

function session(id: string, state: SessionInfo['state']): SessionInfo {
  return {
    sessionId: id, siteId: null, label: id, state, initialPath: '/', report: null, error: null,
    target: { host: 'h', port: 21, mode: 'explicit', user: 'u', dataMode: 'passive', minTlsVersion: 'TLSv1.2', timezoneOffsetMinutes: 0, encoding: 'utf8' },
  };
}

describe('the store', () => {
  it('notifies only on a real change and unsubscribes', () => {
    const store = new Store({ n: 1 });
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.set(store.get());
    store.update((s) => ({ n: s.n + 1 }));
    off();
    store.update((s) => ({ n: s.n + 1 }));
    assert.equal(calls, 1);
    assert.equal(store.get().n, 3);
  });
});

describe('the queue mirror', () => {
  it('buffers updates that arrive before the snapshot and applies only the newer ones', () => {
    let q = receiveUpdate(initialQueue, update(2, [item('a', 'running')]));
    q = receiveUpdate(q, update(3, [item('b', 'queued')]));
    const snapshot: QueueSnapshot = { revision: 2, paused: false, items: [item('a', 'running')], progress };
    q = receiveSnapshot(q, snapshot);
    assert.deepEqual(q.snapshot?.items.map((i) => i.id), ['a', 'b']);
    assert.equal(q.snapshot?.revision, 3);
    assert.equal(receiveUpdate(q, update(3, [item('z', 'queued')])), q, 'an update the snapshot holds is ignored');
  });

  it('applies removals and reorders, and forgets selected items that went away', () => {
    let q = receiveSnapshot(initialQueue, { revision: 1, paused: false, items: [item('a', 'queued'), item('b', 'queued'), item('c', 'queued')], progress });
    q = { ...q, selected: new Set(['a', 'b']) };
    q = receiveUpdate(q, update(2, [], ['a'], ['c', 'b']));
    assert.deepEqual(q.snapshot?.items.map((i) => i.id), ['c', 'b']);
    assert.deepEqual([...q.selected], ['b']);
  });

  it('groups items into Queued, Failed and Completed tabs, running first', () => {
    const snapshot: QueueSnapshot = { revision: 1, paused: false, progress, items: [item('q', 'queued'), item('r', 'running'), item('p', 'paused'), item('f', 'failed'), item('s', 'skipped'), item('d', 'done')] };
    assert.deepEqual(itemsOfTab(snapshot, 'queued').map((i) => i.id), ['r', 'q', 'p']);
    assert.deepEqual(itemsOfTab(snapshot, 'failed').map((i) => i.id), ['f', 's']);
    assert.deepEqual(tabCounts(snapshot), { queued: 3, failed: 2, completed: 1 });
  });

  it('offers only the actions that apply and says why an item failed', () => {
    assert.deepEqual(availableActions([item('p', 'paused')]), { pause: false, resume: true, cancel: true, retry: false, move: true, remove: true });
    assert.equal(availableActions([item('f', 'failed')]).retry, true);
    const failed = item('f', 'failed', { lastError: { kind: 'timeout', message: 'No answer in 30 s.' } });
    assert.equal(statusText(failed), 'No answer in 30 s.');
    assert.equal(statusText(item('x', 'queued', { nextAttemptAt: '2030-01-01T00:00:00Z', attempts: 1 })), 'Retrying (attempt 2)');
  });
});

describe('the log mirror', () => {
  const line = (text: string, time = '2024-01-01T00:00:00.000Z'): LogLine => ({ time, connectionId: 'c1', direction: 'command', text });

  it('keeps the most recent lines only', () => {
    const lines = appendLog([line('1'), line('2')], [line('3')], 2);
    assert.deepEqual(lines.map((l) => l.text), ['2', '3']);
  });

  it('merges the history after a reload without duplicating live lines', () => {
    const merged = mergeHistory([line('a'), line('b')], [line('b'), line('c')]);
    assert.deepEqual(merged.map((l) => l.text), ['a', 'b', 'c']);
  });

  it('renders the text that Copy and Save produce', () => {
    assert.match(logAsText([line('USER ann')]), /Command: USER ann\n$/);
  });
});

describe('sessions', () => {
  it('follows states, drops closed sessions and picks the next connected one', () => {
    let s = applySession(initialSessions, session('a', 'connecting'));
    assert.equal(s.activeId, 'a');
    s = applySession(s, session('a', 'connected'));
    s = applySession(s, session('b', 'connected'));
    assert.equal(activeSession(s)?.sessionId, 'a');
    s = applySession(s, session('a', 'closed'));
    assert.equal(s.activeId, 'b');
    assert.deepEqual(fromList([session('x', 'connected'), session('y', 'connected')], 'x').activeId, 'x');
  });

  it('badges plain FTP as insecure and accepted-once certificates as a warning', () => {
    const report: SecurityReport = {
      host: 'h', port: 21, mode: 'explicit', tlsVersion: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', certificate: null, certificateTrust: 'ca-valid',
      trustExplanation: '', credentialsEncrypted: true, dataProtected: true, dataTlsSessionReused: true, serverBanner: '', warnings: [],
    };
    assert.deepEqual(securityBadge(report), { level: 'secure', text: 'TLS 1.3' });
    assert.equal(securityBadge({ ...report, certificateTrust: 'accepted-once' }).level, 'warning');
    assert.equal(securityBadge({ ...report, mode: 'plain', credentialsEncrypted: false, tlsVersion: null }).level, 'insecure');
  });
});

describe('dialogs and errors', () => {
  it('stacks dialogs, replaces by id and closes by question id', () => {
    let d = openDialog(initialDialogs, { kind: 'site-manager', id: 'site-manager', selectSiteId: null });
    d = openDialog(d, { kind: 'new-folder', id: 'q1', side: 'local' });
    d = openDialog(d, { kind: 'new-folder', id: 'q1', side: 'remote' });
    assert.equal(d.stack.length, 2);
    assert.equal(topDialog(d)?.kind, 'new-folder');
    d = closeDialog(d, 'q1');
    assert.equal(topDialog(d)?.kind, 'site-manager');
  });

  it('reopens a pending edited-file question (after a reload) as its dialog, closed by the question id', () => {
    const question: EditedFileQuestion = {
      id: 'e1', sessionId: 's1', name: 'a.txt', localPath: '/tmp/x/a.txt', remotePath: '/www/a.txt', server: 'u@h',
      local: { size: 3, modifiedAt: null }, remoteBefore: { size: 2, modifiedAt: null }, remoteNow: { size: 2, modifiedAt: null }, remoteChanged: false,
    };
    let d = openDialog(initialDialogs, questionDialog({ kind: 'edited-file', ...question }));
    assert.deepEqual(topDialog(d), { kind: 'edited-file', id: 'e1', question: { kind: 'edited-file', ...question } });
    d = closeDialog(d, 'e1');
    assert.equal(d.stack.length, 0);
  });

  it('describes every error kind and recognises the two that need an action', () => {
    for (const kind of ERROR_KINDS) assert.ok(describeError({ kind, message: 'm' }).title.length > 0, kind);
    const notAllowed: WharfErrorData = { kind: 'local-io', message: 'no', detail: { reason: 'not-allowed' } };
    assert.equal(describeError(notAllowed).offerChooseFolder, true);
    assert.equal(describeError({ kind: 'invalid-input', message: 'p', detail: { reason: 'password-required' } }).needsPassword, true);
  });

  it('formats sizes, ETAs and types', () => {
    assert.equal(formatSize(999), '999 B');
    assert.equal(formatSize(1536), '1.5 KB');
    assert.equal(formatSize(200 * 1024 * 1024), '200 MB');
    assert.equal(formatEta(65), '1:05');
    assert.equal(formatEta(3725), '1:02:05');
    assert.equal(typeLabel('a.tar.gz', 'file'), 'GZ file');
    assert.equal(typeLabel('x', 'directory'), 'Folder');
  });
});
