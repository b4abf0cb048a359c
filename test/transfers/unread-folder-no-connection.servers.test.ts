/**
 * "Retry" on a server folder that could not be read walks it anew (test/transfers/unreadable-subfolder.servers.test.ts);
 * here that walk cannot start because no connection can be had: the server went away while the queue's sessions sat
 * idle, or the app was restarted from its queue file with the server down. The folder must then be a failed item
 * again with the new reason and still marked (so a later retry walks it once more, and never queues it as an empty
 * folder that would pass as done); once the server is back and the folder open, a retry brings its files.
 *
 * "The server went away" is the fault proxy closed: every connection through it is cut and new ones are refused,
 * as a stopped server's are, while the fleet's server goes on serving the other suites.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { TransferItem } from '../../common/models/transfer';
import type { ErrorKind } from '../../common/models';
import { FtpsSession } from '../../main/ftps/session';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { startFaultProxy, type FaultProxy } from '../faults/fault-proxy';
import { passivePortsOf } from '../faults/support';
import { targetFor } from '../ftps/support';
import { makeForeign, makeOwn, useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';

const fleet = await useFleet();
const serverName = 'vsftpd-explicit';
const server: ServerInfo = fleet.servers[serverName];
const work = mkdtempSync(join(tmpdir(), 'wharf-unread-no-connection-'));
after(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
/** What a walk that could not reach the server fails with: the connection's fault, not the server's reply. */
const NO_CONNECTION: readonly ErrorKind[] = ['refused', 'connection-lost'];

/** A server folder with a readable file and a folder inside that the server will not list (another user's, 0o000). */
function folderWithClosedOne(): string {
  const base = unique('no-conn');
  writeServerFile(server, `${base}/top.txt`, 'top');
  writeServerFile(server, `${base}/closed/shut.txt`, 'shut');
  makeForeign(server, `${base}/closed`, 0o000);
  return base;
}

/** A proxy in front of the server that relays everything, until it is closed. */
const relay = (): Promise<FaultProxy> => startFaultProxy({ upstreamHost: server.host, controlPort: server.port, passivePorts: passivePortsOf(fleet, serverName), plan: () => null });

/** A queue whose sessions go through `proxy` when given (the certificate is then trusted by its fingerprint), else straight to the server. */
function openQueue(stateFile: string | null, proxy?: FaultProxy): Promise<TransferQueue> {
  return TransferQueue.open({
    openSession: () =>
      FtpsSession.open({
        ...(proxy
          ? { target: targetFor(server, { host: proxy.host, port: proxy.controlPort }), pinnedFingerprint: server.certFingerprintSha256 as string }
          : { target: targetFor(server), extraCaPem: [fleet.caCertPem] }),
        password: server.password,
        keepAliveIntervalMs: 0,
        timeoutMs: 10_000,
      }),
    stateFile,
    defaultOverwrite: 'overwrite',
    retry: { baseDelayMs: 20, maxDelayMs: 50, tooManyConnectionsDelayMs: 50 },
  });
}

const failedOnes = (queue: TransferQueue): TransferItem[] => queue.getSnapshot().items.filter((item) => item.state === 'failed');

/** "Retry all", then what failed once the queue (and any walk it started) has settled. */
async function retryAll(queue: TransferQueue): Promise<TransferItem[]> {
  queue.controls.retry();
  await queue.whenSettled();
  return failedOnes(queue);
}

/** The closed folder's item failed by a walk that could not start: new reason, still marked, walked anew. */
function assertFailedForWantOfConnection(item: TransferItem | undefined, before: TransferItem, base: string): void {
  assert.equal(item?.remotePath, `/${base}/closed`);
  assert.notEqual(item?.id, before.id, 'walked anew, not queued as it was');
  assert.ok(NO_CONNECTION.includes(item?.lastError?.kind ?? 'internal'), `the connection's fault, not the old reply: ${JSON.stringify(item?.lastError)}`);
  assert.notEqual(item?.lastError?.message, before.lastError?.message);
  assert.equal(item?.lastError?.detail?.unreadFolder, true, 'still marked, so a later retry walks it once more');
  assert.equal(item?.kind, 'directory');
}

describe('"retry" on an unread server folder whose walk cannot start', () => {
  test('the server went away while the queue\'s sessions sat idle: failed again with the new reason and the mark, nothing made for it', async () => {
    const base = folderWithClosedOne();
    const into = join(work, unique('into'));
    mkdirSync(into);
    const proxy = await relay();
    const queue = await openQueue(null, proxy);
    try {
      await queue.add({ direction: 'download', siteKey: 's', localFolder: into, remoteFolder: '/', name: base, kind: 'directory' });
      await queue.whenSettled();
      assert.equal(readFileSync(join(into, base, 'top.txt'), 'utf8'), 'top');
      const [closed] = failedOnes(queue);
      assert.equal(closed?.lastError?.kind, 'ftp', JSON.stringify(closed?.lastError));

      await proxy.close();
      const [again] = await retryAll(queue);
      assertFailedForWantOfConnection(again, closed as TransferItem, base);
      assert.ok(!existsSync(join(into, base, 'closed')), 'no empty folder made for it');
    } finally {
      await queue.stop();
    }
  });

  test('a restart from the queue file with the server down: failed again with the new reason and the mark, which the next restart keeps', async () => {
    const base = folderWithClosedOne();
    const into = join(work, unique('into'));
    mkdirSync(into);
    const stateFile = join(work, unique('queue.json'));

    const first = await openQueue(stateFile);
    let closed: TransferItem | undefined;
    try {
      await first.add({ direction: 'download', siteKey: 's', localFolder: into, remoteFolder: '/', name: base, kind: 'directory' });
      await first.whenSettled();
      [closed] = failedOnes(first);
      assert.equal(closed?.lastError?.kind, 'ftp', JSON.stringify(closed?.lastError));
    } finally {
      await first.stop();
    }

    // The server's address as a stopped server leaves it: nothing listens there.
    const gone = await relay();
    await gone.close();
    const down = await openQueue(stateFile, gone);
    try {
      const [again] = await retryAll(down);
      assertFailedForWantOfConnection(again, closed as TransferItem, base);
    } finally {
      await down.stop();
    }

    makeOwn(server, `${base}/closed`, 0o755);
    const back = await openQueue(stateFile);
    try {
      assert.deepEqual(await retryAll(back), []);
      assert.equal(readFileSync(join(into, base, 'closed', 'shut.txt'), 'utf8'), 'shut');
    } finally {
      await back.stop();
    }
  });
});
