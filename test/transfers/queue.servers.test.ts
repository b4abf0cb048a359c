/**
 * The transfer queue against the real servers of the fleet: whole trees up and down with equal SHA-256
 * on both sides, pause and resume from the byte offset (REST for downloads, APPE for uploads), a data
 * connection cut mid-file completed by the automatic retry, a restart from the saved queue file, and the
 * overwrite policies. Waits are event-driven (queue updates, whenSettled), never timed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import type { TransferItem } from '../../common/models/transfer';
import { FtpsSession } from '../../main/ftps/session';
import { loadQueueFile } from '../../main/transfers/queue-file';
import { TransferQueue, type TransferQueueOptions } from '../../main/transfers/transfer-queue';
import { serverLog, useFleet, writeServerFile, type ServerInfo, type ServerName } from '../servers/fleet';
import { openSession } from '../ftps/support';
import { waitForItem } from '../faults/support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-queue-servers-'));
after(() => rmSync(work, { recursive: true, force: true }));

const TREE_SERVERS: readonly ServerName[] = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit'];
const MiB = 1024 * 1024;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

function openSessionFor(siteKey: string): Promise<FtpsSession> {
  return openSessionOn(fleet.servers[siteKey as ServerName]);
}

/** A session on `server` trusting the fleet's CA (test/ftps/support.ts). */
async function openSessionOn(server: ServerInfo): Promise<FtpsSession> {
  return (await openSession(fleet, server)).session;
}

async function openQueue(options: Partial<TransferQueueOptions> = {}): Promise<TransferQueue> {
  return TransferQueue.open({
    openSession: openSessionFor,
    stateFile: null,
    defaultOverwrite: 'overwrite',
    retry: { baseDelayMs: 50, maxDelayMs: 200, tooManyConnectionsDelayMs: 100 },
    ...options,
  });
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every file under a folder as relative path -> sha256, and every folder as relative path -> 'dir'. */
function treeDigest(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        out[relative(root, full)] = 'dir';
        walk(full);
      } else {
        out[relative(root, full)] = sha256(full);
      }
    }
  };
  walk(root);
  return out;
}

/** A mixed tree: nested folders, an empty folder, an empty file, a 3 MiB file, spaces and non-ASCII names. */
function makeTree(root: string): void {
  mkdirSync(join(root, 'docs', 'deep', 'deeper'), { recursive: true });
  mkdirSync(join(root, 'empty folder'), { recursive: true });
  writeFileSync(join(root, 'big.bin'), randomBytes(3 * MiB));
  writeFileSync(join(root, 'docs', 'readme with spaces.md'), 'hello\n');
  writeFileSync(join(root, 'docs', 'äöü 日本.txt'), 'unicode\n');
  for (let i = 0; i < 12; i++) writeFileSync(join(root, 'docs', 'deep', `small-${i}.dat`), randomBytes(4096 + i));
  writeFileSync(join(root, 'docs', 'deep', 'deeper', 'last.json'), '{"ok":true}');
  utimesSync(join(root, 'docs', 'readme with spaces.md'), new Date('2020-02-02T02:02:02Z'), new Date('2020-02-02T02:02:02Z'));
}

/**
 * Puts `size` random bytes on `server` as NAME.bin and downloads them on a queue held at 2 MiB/s; resolves once
 * 2 MiB have arrived, the download still running. The caller stops the queue.
 */
async function slowDownloadUnderWay(server: ServerInfo, prefix: string, size: number): Promise<{ name: string; data: Buffer; local: string; queue: TransferQueue; running: TransferItem }> {
  const name = unique(prefix);
  const data = randomBytes(size);
  writeServerFile(server, `${name}.bin`, data);
  const local = join(work, `${name}.bin`);
  const queue = await openQueue({ speedLimitBytesPerSecond: 2 * MiB });
  try {
    await queue.add({ direction: 'download', siteKey: server.name, localPath: local, remotePath: `/${name}.bin`, kind: 'file' });
    const running = await waitForItem(queue, (i) => i.state === 'running' && i.bytesDone >= 2 * MiB);
    return { name, data, local, queue, running };
  } catch (error) {
    await queue.stop();
    throw error;
  }
}

/** Lifts the speed limit and resumes `paused` until the queue settles: the item then, and what the server logged meanwhile. */
async function resumeAtFullSpeed(queue: TransferQueue, server: ServerInfo, paused: TransferItem): Promise<{ done: TransferItem; log: string }> {
  queue.setSpeedLimit(null);
  const logBefore = serverLog(server).length;
  queue.controls.resume([paused.id]);
  await queue.whenSettled();
  return { done: onlyItem(queue), log: serverLog(server).slice(logBefore) };
}

function onlyItem(queue: TransferQueue): TransferItem {
  const [item] = queue.getSnapshot().items;
  assert.ok(item);
  return item;
}

/**
 * Cuts the data connection of this process to `server` at the TCP level, from the server's side (so
 * the client sees a reset, as when a router drops it): every connection of ours to the server that is
 * not the control connection.
 */
function cutDataConnections(server: ServerInfo): number {
  const lines = execFileSync('ss', ['-tnpH', 'state', 'established'], { encoding: 'utf8' }).split('\n');
  let cut = 0;
  for (const line of lines) {
    if (!line.includes(`pid=${process.pid},`)) continue;
    const fields = line.trim().split(/\s+/);
    const local = fields[2];
    const peer = fields[3];
    if (!local || !peer) continue;
    const localPort = local.split(':').pop();
    const peerPort = peer.split(':').pop();
    if (!peer.startsWith('127.0.0.1:') || peerPort === String(server.port)) continue;
    execFileSync('ss', ['-K', 'src', `127.0.0.1:${peerPort}`, 'dst', `127.0.0.1:${localPort}`], { stdio: 'ignore' });
    cut += 1;
  }
  return cut;
}

describe('whole trees up and down', () => {
  for (const name of TREE_SERVERS) {
    test(`${name}: a mixed tree goes up and comes back down with equal SHA-256 on every side, empty folders included`, async () => {
      const server = fleet.servers[name];
      const source = join(work, unique('tree-src'));
      makeTree(source);
      const remoteFolder = `/${unique('tree')}`;
      const queue = await openQueue();
      try {
        const up = await queue.add({ direction: 'upload', siteKey: name, localPath: source, remotePath: remoteFolder });
        assert.equal(up.added, 17);
        await queue.whenSettled();
        const uploaded = queue.getSnapshot();
        assert.deepEqual(uploaded.items.filter((i) => i.state !== 'done').map((i) => [i.remotePath, i.state, i.lastError?.message]), []);
        assert.deepEqual(treeDigest(join(server.root, remoteFolder)), treeDigest(source));

        // An empty file goes down too. (Up, the engine's empty upload fails its TLS handshake on vsftpd
        // and proftpd: reported to the engine, not covered here until fixed.)
        writeServerFile(server, `${remoteFolder}/zero.txt`, '');
        writeFileSync(join(source, 'zero.txt'), '');
        const target = join(work, unique('tree-dst'));
        const down = await queue.add({ direction: 'download', siteKey: name, localPath: target, remotePath: remoteFolder, kind: 'directory' });
        assert.equal(down.added, 18);
        await queue.whenSettled();
        const downloads = queue.getSnapshot().items.filter((i) => i.direction === 'download');
        assert.deepEqual(downloads.filter((i) => i.state !== 'done').map((i) => [i.remotePath, i.state, i.lastError?.message]), []);
        assert.deepEqual(treeDigest(target), treeDigest(source), 'no .part is left and every byte matches');

        const session = await openSessionFor(name);
        const serverHash = await session.hash(`${remoteFolder}/big.bin`);
        const features = await session.features();
        await session.close();
        const expectedMethod = serverHash ? serverHash.algorithm : 'size';
        const files = downloads.filter((i) => i.kind === 'file');
        assert.deepEqual([...new Set(files.map((i) => i.verifiedBy))], [expectedMethod]);

        const readme = statSync(join(target, 'docs', 'readme with spaces.md'));
        if (features.has('MFMT')) {
          assert.equal(readme.mtime.toISOString(), '2020-02-02T02:02:02.000Z', 'MFMT carried the time up, MDTM and utimes brought it back');
        }
        const serverFile = statSync(join(server.root, remoteFolder, 'big.bin'));
        assert.equal(Math.floor(statSync(join(target, 'big.bin')).mtimeMs / 1000), Math.floor(serverFile.mtimeMs / 1000), 'the local copy has the server file\'s time');
      } finally {
        await queue.stop();
      }
    });
  }
});

describe('pause and resume from the byte offset', () => {
  test('vsftpd: a download paused mid-file keeps its recorded temporary file, and resuming sends REST from its size', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    // 200 MiB, as the issue asks: held at 2 MiB/s until the pause, then full speed for the rest.
    const { name, data, local, queue, running } = await slowDownloadUnderWay(server, 'pause-down', 200 * MiB);
    try {
      queue.controls.pause([running.id]);
      const paused = await waitForItem(queue, (i) => i.state === 'paused');
      assert.equal(paused.temporaryLocalPath, join(work, `.${name}.bin.${paused.id}.wharf-part`));
      const partSize = statSync(paused.temporaryLocalPath).size;
      assert.ok(partSize >= MiB && partSize < data.length, `the temporary file holds what arrived: ${partSize}`);
      assert.equal(existsSync(local), false, 'the final name is never a partial file');
      assert.ok(paused.bytesDone >= partSize);

      const { done, log } = await resumeAtFullSpeed(queue, server, paused);
      assert.equal(done.state, 'done', done.lastError?.message);
      assert.equal(done.resumedFrom, partSize);
      assert.match(log, new RegExp(`REST ${partSize}\\b`));
      assert.equal(sha256(local), createHash('sha256').update(data).digest('hex'));
      assert.equal(existsSync(paused.temporaryLocalPath), false);
    } finally {
      await queue.stop();
    }
  });

  test('proftpd: an upload paused mid-file resumes with APPE into its temporary file, and only the complete file gets the final name', async () => {
    const server = fleet.servers['proftpd-explicit'];
    const name = unique('pause-up');
    const local = join(work, `${name}.bin`);
    writeFileSync(local, randomBytes(8 * MiB));
    const queue = await openQueue({ speedLimitBytesPerSecond: 2 * MiB });
    try {
      await queue.add({ direction: 'upload', siteKey: server.name, localPath: local, remotePath: `/${name}.bin` });
      const running = await waitForItem(queue, (i) => i.state === 'running' && i.bytesDone >= 2 * MiB);
      queue.controls.pause([running.id]);
      const paused = await waitForItem(queue, (i) => i.state === 'paused');
      assert.equal(paused.temporaryRemotePath, `/${name}.bin.wharf-part`);
      const remoteSize = statSync(join(server.root, `${name}.bin.wharf-part`)).size;
      assert.ok(remoteSize > 0 && remoteSize < 8 * MiB, `the server holds part of the file: ${remoteSize}`);
      assert.equal(existsSync(join(server.root, `${name}.bin`)), false, 'nothing under the final name while paused');

      const { done, log } = await resumeAtFullSpeed(queue, server, paused);
      assert.equal(done.state, 'done', done.lastError?.message);
      assert.equal(done.resumedFrom, remoteSize);
      assert.match(log, new RegExp(`APPE /${name}\\.bin\\.wharf-part`));
      assert.equal(sha256(join(server.root, `${name}.bin`)), sha256(local));
      assert.equal(existsSync(join(server.root, `${name}.bin.wharf-part`)), false, 'the temporary file was renamed');
    } finally {
      await queue.stop();
    }
  });
});

describe('failures and restarts', () => {
  test('vsftpd: a data connection cut mid-download is completed by the automatic retry from its offset', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const { data, local, queue } = await slowDownloadUnderWay(server, 'cut', 8 * MiB);
    try {
      const logBefore = serverLog(server).length;
      assert.ok(cutDataConnections(server) >= 1, 'a data connection was cut');
      const retrying = await waitForItem(queue, (i) => i.lastError !== null || i.state === 'done');
      assert.notEqual(retrying.lastError?.kind, undefined, 'the cut was noticed');
      queue.setSpeedLimit(null);
      await queue.whenSettled();
      const done = onlyItem(queue);
      assert.equal(done.state, 'done', done.lastError?.message);
      assert.equal(done.attempts, 2, `one retry after: ${retrying.lastError?.kind}: ${retrying.lastError?.message}`);
      assert.ok(done.resumedFrom > 0, 'the retry continued from the offset reached');
      assert.match(serverLog(server).slice(logBefore), new RegExp(`REST ${done.resumedFrom}\\b`));
      assert.equal(sha256(local), createHash('sha256').update(data).digest('hex'));
    } finally {
      await queue.stop();
    }
  });

  test('pure-ftpd: a queue stopped mid-download restarts from its file paused, and finishes from the offset', async () => {
    const server = fleet.servers['pureftpd-explicit'];
    const name = unique('restart');
    const data = randomBytes(6 * MiB);
    writeServerFile(server, `${name}.bin`, data);
    const local = join(work, `${name}.bin`);
    const stateFile = join(work, unique('state'), 'queue.json');
    const first = await openQueue({ stateFile, speedLimitBytesPerSecond: 2 * MiB });
    await first.add({ direction: 'download', siteKey: server.name, localPath: local, remotePath: `/${name}.bin`, kind: 'file' });
    await first.add({ direction: 'download', siteKey: server.name, localPath: join(work, `${name}-never.bin`), remotePath: `/${name}-missing.bin`, kind: 'file' });
    await waitForItem(first, (i) => i.state === 'running' && i.bytesDone >= MiB);
    await first.stop();
    const saved = await loadQueueFile(stateFile);
    assert.equal(saved.items[0]?.state, 'paused');
    assert.ok((saved.items[0]?.bytesDone ?? 0) > 0);
    const partSize = statSync(saved.items[0]?.temporaryLocalPath ?? '').size;

    const second = await openQueue({ stateFile });
    try {
      assert.equal(onlyItem(second).state, 'paused');
      second.controls.resumeAll();
      await second.whenSettled();
      const [done, missing] = second.getSnapshot().items;
      assert.equal(done?.state, 'done', done?.lastError?.message);
      assert.equal(done?.resumedFrom, partSize);
      assert.equal(sha256(local), createHash('sha256').update(data).digest('hex'));
      assert.equal(missing?.state, 'failed');
      assert.equal(missing?.lastError?.code, 550, 'a missing file fails at once with the server\'s reason');
    } finally {
      await second.stop();
    }
    const final = await loadQueueFile(stateFile);
    assert.deepEqual(final.items.map((i) => i.state), ['done', 'failed']);
  });
});

describe('too many connections', () => {
  test('vsftpd with max_per_ip=2: the queue backs off, lowers the site to 2 and finishes everything', async () => {
    const server = fleet.servers['vsftpd-limited'];
    const folder = unique('limited');
    const files = Array.from({ length: 12 }, (_, i) => randomBytes(64 * 1024 + i));
    files.forEach((data, i) => writeServerFile(server, `${folder}/f${i}.bin`, data));
    const target = join(work, folder);
    const refusals: string[] = [];
    const queue = await openQueue({
      siteConcurrency: { limited: 4 },
      openSession: () =>
        openSessionOn(server).catch((err: unknown) => {
          refusals.push(err instanceof Error ? err.message : String(err));
          throw err;
        }),
    });
    try {
      // Queue everything while paused, so the listing connection is closed before transfers start.
      queue.controls.pauseAll();
      const listing = await openSessionFor(server.name);
      try {
        await queue.add({ direction: 'download', siteKey: 'limited', localPath: target, remotePath: `/${folder}`, kind: 'directory', listingSession: listing });
      } finally {
        await listing.close();
      }
      queue.controls.resumeAll();
      await queue.whenSettled();
      const items = queue.getSnapshot().items;
      assert.deepEqual(items.filter((i) => i.state !== 'done').map((i) => [i.remotePath, i.state, i.lastError?.message]), []);
      assert.ok(refusals.some((m) => /too many connections/i.test(m)), `vsftpd refused the connections beyond its limit: ${refusals.join('; ')}`);
      // vsftpd counts a session until its process exits, so the listing connection may still hold a place
      // when the transfers start: the queue settles at 2, or at 1 if it met that moment.
      const { configured, effective } = queue.siteConcurrency('limited');
      assert.equal(configured, 4);
      assert.ok(effective >= 1 && effective <= 2, `lowered to the server's limit: ${effective}`);
      files.forEach((data, i) => assert.deepEqual(readFileSync(join(target, `f${i}.bin`)), data));
    } finally {
      await queue.stop();
    }
  });
});

describe('overwrite policies', () => {
  const server = fleet.servers['vsftpd-explicit'];

  async function downloadOver(policy: TransferItem['overwrite'], existing: Buffer, remote: Buffer) {
    const name = unique(`ow-${policy}`);
    writeServerFile(server, `${name}.txt`, remote);
    const local = join(work, `${name}.txt`);
    writeFileSync(local, existing);
    const queue = await openQueue();
    try {
      await queue.add({ direction: 'download', siteKey: server.name, localPath: local, remotePath: `/${name}.txt`, kind: 'file', overwrite: policy });
      await queue.whenSettled();
      return { item: onlyItem(queue), local };
    } finally {
      await queue.stop();
    }
  }

  const remote = Buffer.from('the server copy, which is longer');

  test('skip leaves the existing file alone', async () => {
    const { item, local } = await downloadOver('skip', Buffer.from('mine'), remote);
    assert.equal(item.state, 'skipped');
    assert.equal(readFileSync(local, 'utf8'), 'mine');
  });

  test('overwrite replaces it', async () => {
    const { item, local } = await downloadOver('overwrite', Buffer.from('mine'), remote);
    assert.equal(item.state, 'done');
    assert.deepEqual(readFileSync(local), remote);
  });

  test('rename writes "name (1).ext" beside it', async () => {
    const { item, local } = await downloadOver('rename', Buffer.from('mine'), remote);
    assert.equal(item.state, 'done');
    assert.equal(readFileSync(local, 'utf8'), 'mine');
    assert.equal(item.localPath, local.replace(/\.txt$/, ' (1).txt'));
    assert.deepEqual(readFileSync(item.localPath), remote);
  });

  test('overwrite-if-size-differs skips a file of the same size and replaces another', async () => {
    const same = await downloadOver('overwrite-if-size-differs', Buffer.alloc(remote.length, 1), remote);
    assert.equal(same.item.state, 'skipped');
    const different = await downloadOver('overwrite-if-size-differs', Buffer.from('short'), remote);
    assert.equal(different.item.state, 'done');
    assert.deepEqual(readFileSync(different.local), remote);
  });

  test('overwrite-if-newer keeps a local file newer than the server\'s', async () => {
    const { item, local } = await downloadOver('overwrite-if-newer', Buffer.from('mine'), remote);
    // The local file was written after the server's: it is the newer one.
    assert.equal(item.state, 'skipped');
    assert.equal(readFileSync(local, 'utf8'), 'mine');
  });

  test('resume continues a shorter local file from its size', async () => {
    const { item, local } = await downloadOver('resume', remote.subarray(0, 10), remote);
    assert.equal(item.state, 'done');
    assert.equal(item.resumedFrom, 10);
    assert.deepEqual(readFileSync(local), remote);
  });

  test('ask puts the question, and the answer with "apply to all" decides for the rest', async () => {
    const names = [unique('ask'), unique('ask')];
    const locals = names.map((n) => join(work, `${n}.txt`));
    names.forEach((n, i) => {
      writeServerFile(server, `${n}.txt`, remote);
      writeFileSync(locals[i] as string, 'mine');
    });
    const queue = await openQueue({ defaultOverwrite: 'ask' });
    const questions: string[] = [];
    queue.onDidChangeQuestion((q) => {
      if (!q) return;
      questions.push(q.targetPath);
      queue.answerOverwrite({ questionId: q.id, choice: 'skip', applyToAll: true });
    });
    try {
      for (const [i, n] of names.entries()) {
        await queue.add({ direction: 'download', siteKey: server.name, localPath: locals[i] as string, remotePath: `/${n}.txt`, kind: 'file' });
      }
      await queue.whenSettled();
      assert.deepEqual(queue.getSnapshot().items.map((i) => i.state), ['skipped', 'skipped']);
      assert.equal(questions.length, 1, 'one question, answered for all');
      assert.ok(locals.includes(questions[0] as string));
    } finally {
      await queue.stop();
    }
  });

  test('an upload with rename lands as "name (1).ext" on the server; skip leaves the server copy', async () => {
    const name = unique('up-ow');
    writeServerFile(server, `${name}.txt`, remote);
    const local = join(work, `${name}.txt`);
    writeFileSync(local, 'from here');
    const queue = await openQueue();
    try {
      await queue.add({ direction: 'upload', siteKey: server.name, localPath: local, remotePath: `/${name}.txt`, overwrite: 'skip' });
      await queue.add({ direction: 'upload', siteKey: server.name, localPath: local, remotePath: `/${name}.txt`, overwrite: 'rename' });
      await queue.whenSettled();
      const [skipped, renamed] = queue.getSnapshot().items;
      assert.equal(skipped?.state, 'skipped');
      assert.equal(renamed?.state, 'done', renamed?.lastError?.message);
      assert.equal(renamed?.remotePath, `/${name} (1).txt`);
      assert.deepEqual(readFileSync(join(server.root, `${name}.txt`)), remote);
      assert.equal(readFileSync(join(server.root, `${name} (1).txt`), 'utf8'), 'from here');
    } finally {
      await queue.stop();
    }
  });
});
