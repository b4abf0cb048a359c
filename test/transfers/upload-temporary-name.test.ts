/**
 * Uploads via a temporary name (issue #8), against vsftpd, proftpd and pure-ftpd: an upload cut by the
 * network never shows a partial file under its final name and resumes into `NAME.wharf-part`; an existing
 * target is replaced only by the complete file; a shorter target is resumed through the temporary name; a
 * refused rename fails with an error naming the setting; a restarted queue resumes into the temporary file
 * it saved; with the setting off, uploads write the final name as before. Waits are event-driven.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models';
import type { TransferItem } from '../../common/models/transfer';
import { FtpsSession } from '../../main/ftps/session';
import { temporaryUploadPathFor } from '../../main/ftps/file-transfer';
import { loadQueueFile } from '../../main/transfers/queue-file';
import { TransferQueue, type TransferQueueOptions } from '../../main/transfers/transfer-queue';
import { startFaultProxy, type FaultProxy } from '../faults/fault-proxy';
import { FinalNameWatcher, describeUnfinished, makeServerFolder, passivePortsOf, sha256, sha256File, waitForItem } from '../faults/support';
import { targetFor, testBytes } from '../ftps/support';
import { useFleet, writeServerFile, type ServerInfo, type ServerName } from '../servers/fleet';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-upload-temp-'));
after(() => rmSync(work, { recursive: true, force: true }));

const SERVERS: readonly ServerName[] = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit'];
const MiB = 1024 * 1024;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** The FTP commands a queue's sessions sent, for checking which names were written and renamed. */
class CommandLog {
  readonly lines: string[] = [];
  readonly onLog = (line: LogLine) => {
    if (line.direction === 'command') this.lines.push(line.text);
  };
  matching(pattern: RegExp): string[] {
    return this.lines.filter((line) => pattern.test(line));
  }
}

/** A queue whose sessions go to the server directly, or through a fault proxy when one is given. */
function openQueue(server: ServerInfo, log: CommandLog, options: Partial<TransferQueueOptions> & { proxy?: FaultProxy } = {}): Promise<TransferQueue> {
  const { proxy, ...queueOptions } = options;
  return TransferQueue.open({
    openSession: () =>
      FtpsSession.open({
        ...(proxy
          ? // The certificate names 127.0.0.1; through the proxy's 127.0.0.2 it is trusted by its pinned fingerprint.
            { target: targetFor(server, { host: proxy.host, port: proxy.controlPort }), pinnedFingerprint: server.certFingerprintSha256 as string }
          : { target: targetFor(server), extraCaPem: [fleet.caCertPem] }),
        password: server.password,
        keepAliveIntervalMs: 0,
        timeoutMs: 5000,
        onLog: log.onLog,
      }),
    stateFile: null,
    defaultOverwrite: 'overwrite',
    retry: { baseDelayMs: 50, maxDelayMs: 200, maxAttempts: 5 },
    ...queueOptions,
  });
}

/** A fresh folder in the server's root, a local file of `size` bytes, and where it goes. */
function uploadCase(server: ServerInfo, prefix: string, size: number, seed: number) {
  const folder = unique(prefix);
  const serverFolder = makeServerFolder(server, folder);
  const data = testBytes(size, seed);
  const localPath = join(work, `${folder}.bin`);
  writeFileSync(localPath, data);
  return { folder, serverFolder, data, localPath, name: 'file.bin', remotePath: `/${folder}/file.bin`, temporaryPath: `/${folder}/file.bin.wharf-part` };
}

function onlyItem(queue: TransferQueue): TransferItem {
  const items = queue.getSnapshot().items;
  assert.equal(items.length, 1);
  return items[0] as TransferItem;
}

/** Queues one upload straight to the server and waits for it to settle: the item and the commands sent. */
async function uploadAndSettle(
  server: ServerInfo,
  c: ReturnType<typeof uploadCase>,
  request: { overwrite?: TransferItem['overwrite']; uploadViaTemporaryName?: boolean },
): Promise<{ item: TransferItem; log: CommandLog }> {
  const log = new CommandLog();
  const queue = await openQueue(server, log);
  try {
    await queue.add({ direction: 'upload', siteKey: server.name, localPath: c.localPath, remotePath: c.remotePath, ...request });
    await queue.whenSettled();
    return { item: onlyItem(queue), log };
  } finally {
    await queue.stop();
  }
}

describe('the temporary name', () => {
  test('is NAME.wharf-part in the same folder; a name too long for the suffix is shortened and tagged with its hash', () => {
    assert.equal(temporaryUploadPathFor('/site/index.php'), '/site/index.php.wharf-part');
    assert.equal(temporaryUploadPathFor('relative.txt'), 'relative.txt.wharf-part');
    const long = `${'é'.repeat(125)}.txt`; // 254 bytes of UTF-8: with the suffix, 265
    const other = `${'é'.repeat(125)}.dat`;
    const temporary = temporaryUploadPathFor(`/d/${long}`);
    const name = temporary.slice('/d/'.length);
    assert.ok(Buffer.byteLength(name) <= 255, `${Buffer.byteLength(name)} bytes`);
    assert.match(name, /^é+~[0-9a-f]{8}\.wharf-part$/);
    assert.notEqual(temporaryUploadPathFor(`/d/${other}`), temporary, 'names sharing a prefix stay apart');
  });
});

for (const serverName of SERVERS) {
  const server = fleet.servers[serverName];

  describe(`uploads via a temporary name on ${serverName}`, () => {
    test('a data connection cut mid-upload never leaves a partial file under the final name; the retry resumes into NAME.wharf-part', async () => {
      const c = uploadCase(server, 'cut', 4 * MiB + 1, 11);
      // The first data connection is the upload's STOR: cut it well into the file (TLS bytes included).
      const proxy = await startFaultProxy({
        upstreamHost: server.host,
        controlPort: server.port,
        passivePorts: passivePortsOf(fleet, serverName),
        plan: ({ kind, index }) => (kind === 'data' && index === 0 ? { kind: 'close', atByte: 1_500_000 } : null),
      });
      const log = new CommandLog();
      const queue = await openQueue(server, log, { proxy });
      const watcher = new FinalNameWatcher(c.serverFolder, new Map([[c.name, c.data.length]]), queue);
      try {
        queue.enqueue([{ kind: 'file', direction: 'upload', siteKey: serverName, localPath: c.localPath, remotePath: c.remotePath, size: c.data.length }]);
        await queue.whenSettled();
        watcher.scan();
        const item = onlyItem(queue);
        assert.equal(item.state, 'done', describeUnfinished([item]));
        assert.equal(proxy.stats().faultsInjected.close, 1, 'the cut happened');
        assert.ok(item.attempts >= 2, `retried after the cut: ${item.attempts} attempts`);
        assert.equal(item.temporaryRemotePath, c.temporaryPath);
        assert.deepEqual(watcher.violations, [], 'never partial under the final name');
        assert.ok(watcher.checked >= 1, 'the final name was looked at');
        assert.deepEqual(log.matching(/^STOR /), [`STOR ${c.temporaryPath}`], 'the first attempt wrote the temporary name');
        assert.deepEqual(log.matching(/^RNFR |^RNTO /), [`RNFR ${c.temporaryPath}`, `RNTO ${c.remotePath}`]);
        // The server kept what arrived before the cut: the retry appended to it from its size.
        assert.ok(item.resumedFrom > 0, `resumed from byte ${item.resumedFrom}`);
        assert.deepEqual(log.matching(/^APPE /), [`APPE ${c.temporaryPath}`]);
        assert.equal(sha256File(join(c.serverFolder, c.name)), sha256(c.data));
        assert.deepEqual(readdirSync(c.serverFolder), [c.name], 'no temporary file left');
      } finally {
        watcher.close();
        await queue.stop();
        await proxy.close();
      }
    });

    test('overwriting an existing file replaces it only with the complete upload', async () => {
      const c = uploadCase(server, 'overwrite', 300_001, 12);
      writeServerFile(server, `${c.folder}/${c.name}`, 'the old version, shorter than the new one');
      const { item, log } = await uploadAndSettle(server, c, { overwrite: 'overwrite' });
      assert.equal(item.state, 'done', describeUnfinished([item]));
      assert.deepEqual(log.matching(/^STOR /), [`STOR ${c.temporaryPath}`], 'the old file stayed whole while the new one was sent');
      assert.equal(log.matching(/^RNTO /).at(-1), `RNTO ${c.remotePath}`);
      assert.equal(sha256File(join(c.serverFolder, c.name)), sha256(c.data));
      assert.deepEqual(readdirSync(c.serverFolder), [c.name]);
    });

    test('the resume policy continues a shorter existing file through the temporary name', async () => {
      const c = uploadCase(server, 'resume', 700_003, 13);
      writeServerFile(server, `${c.folder}/${c.name}`, c.data.subarray(0, 250_000));
      const { item, log } = await uploadAndSettle(server, c, { overwrite: 'resume' });
      assert.equal(item.state, 'done', describeUnfinished([item]));
      assert.equal(item.resumedFrom, 250_000);
      assert.deepEqual(log.matching(/^RNFR |^RNTO |^APPE |^STOR /), [
        `RNFR ${c.remotePath}`, `RNTO ${c.temporaryPath}`, `APPE ${c.temporaryPath}`, `RNFR ${c.temporaryPath}`, `RNTO ${c.remotePath}`,
      ]);
      assert.equal(sha256File(join(c.serverFolder, c.name)), sha256(c.data));
      assert.deepEqual(readdirSync(c.serverFolder), [c.name]);
    });

    test('a refused rename fails the item with an error naming the setting, and keeps the complete temporary file', async () => {
      const c = uploadCase(server, 'refused', 100_003, 14);
      // A folder under the final name: no server renames a file over it, and it is not a file to delete.
      mkdirSync(join(c.serverFolder, c.name));
      writeServerFile(server, `${c.folder}/${c.name}/inside.txt`, 'kept');
      const { item, log } = await uploadAndSettle(server, c, { overwrite: 'overwrite' });
      assert.equal(item.state, 'failed');
      assert.equal(item.lastError?.kind, 'ftp');
      // A permanent refusal (5xx: vsftpd, proftpd) is not retried; pure-ftpd answers 451, "transient",
      // which the queue retries like any 4xx: each retry finds the complete temporary file and only renames.
      const permanent = (item.lastError?.code ?? 0) >= 500;
      assert.equal(item.attempts, permanent ? 1 : 5, `${item.lastError?.code} ${item.lastError?.message}`);
      assert.deepEqual(log.matching(/^STOR |^APPE /), [`STOR ${c.temporaryPath}`], 'the file was sent once');
      assert.match(item.lastError?.message ?? '', /refused to rename .*file\.bin\.wharf-part/);
      assert.match(item.lastError?.message ?? '', /Turn off "Upload via a temporary name" for this site \(CLI: --in-place\)/);
      assert.equal(sha256File(join(c.serverFolder, `${c.name}.wharf-part`)), sha256(c.data), 'the complete upload is kept for a retry');
      assert.ok(statSync(join(c.serverFolder, c.name)).isDirectory());
      assert.equal(readFileSync(join(c.serverFolder, c.name, 'inside.txt'), 'utf8'), 'kept');
      assert.deepEqual(log.matching(/^DELE /), [], 'nothing was deleted');
    });

    test('with the setting off, an upload writes the final name directly, as before', async () => {
      const c = uploadCase(server, 'in-place', 200_003, 15);
      const { item, log } = await uploadAndSettle(server, c, { uploadViaTemporaryName: false });
      assert.equal(item.state, 'done', describeUnfinished([item]));
      assert.equal(item.temporaryRemotePath, null);
      assert.deepEqual(log.matching(/^STOR /), [`STOR ${c.remotePath}`]);
      assert.deepEqual(log.matching(/^RNFR |^RNTO |wharf-part/), []);
      assert.equal(sha256File(join(c.serverFolder, c.name)), sha256(c.data));
    });
  });
}

describe('a server that refuses to rename over an existing file', () => {
  test('proftpd with AllowOverwrite off: the old file is deleted, then the complete upload renamed into place', async () => {
    const server = fleet.servers['proftpd-explicit'];
    const c = uploadCase(server, 'no-overwrite', 300_001, 18);
    // proftpd reads per-folder settings from .ftpaccess: this folder refuses STOR and RNTO over a file.
    writeServerFile(server, `${c.folder}/.ftpaccess`, 'AllowOverwrite off\n');
    writeServerFile(server, `${c.folder}/${c.name}`, 'the old version');
    const { item, log } = await uploadAndSettle(server, c, { overwrite: 'overwrite' });
    assert.equal(item.state, 'done', describeUnfinished([item]));
    assert.deepEqual(log.matching(/^(STOR|RNFR|RNTO|DELE) /), [
      `STOR ${c.temporaryPath}`, `RNFR ${c.temporaryPath}`, `RNTO ${c.remotePath}`, `DELE ${c.remotePath}`, `RNFR ${c.temporaryPath}`, `RNTO ${c.remotePath}`,
    ]);
    assert.equal(sha256File(join(c.serverFolder, c.name)), sha256(c.data));
    assert.deepEqual(readdirSync(c.serverFolder).sort(), ['.ftpaccess', c.name]);
  });
});

describe('a restarted queue', () => {
  test('vsftpd: an upload paused by a quit resumes into the temporary file the saved queue remembers', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const c = uploadCase(server, 'restart', 6 * MiB, 16);
    const stateFile = join(work, `${c.folder}-queue.json`);
    const first = await openQueue(server, new CommandLog(), { stateFile, speedLimitBytesPerSecond: 2 * MiB });
    try {
      await first.add({ direction: 'upload', siteKey: server.name, localPath: c.localPath, remotePath: c.remotePath });
      await waitForItem(first, (i) => i.state === 'running' && i.bytesDone >= MiB);
    } finally {
      await first.stop(); // a quit: the running upload stops and is saved paused
    }
    const saved = await loadQueueFile(stateFile);
    assert.equal(saved.items[0]?.state, 'paused');
    assert.equal(saved.items[0]?.temporaryRemotePath, c.temporaryPath);
    const partial = statSync(join(c.serverFolder, `${c.name}.wharf-part`)).size;
    assert.ok(partial > 0 && partial < c.data.length, `the server holds part of the file: ${partial}`);
    assert.equal(existsSync(join(c.serverFolder, c.name)), false, 'nothing under the final name');

    const log = new CommandLog();
    const second = await openQueue(server, log, { stateFile });
    try {
      second.controls.resumeAll();
      await second.whenSettled();
      const item = onlyItem(second);
      assert.equal(item.state, 'done', describeUnfinished([item]));
      // The server may still have been writing bytes that were in flight when the first queue stopped.
      assert.ok(item.resumedFrom >= partial, `resumed from byte ${item.resumedFrom}, the server had ${partial} when the first queue stopped`);
      assert.deepEqual(log.matching(/^APPE |^STOR /), [`APPE ${c.temporaryPath}`]);
      assert.equal(sha256File(join(c.serverFolder, c.name)), sha256(c.data));
      assert.deepEqual(readdirSync(c.serverFolder), [c.name]);
    } finally {
      await second.stop();
    }
  });
});

describe('removing an unfinished upload', () => {
  test('proftpd: deletes its temporary file on the server, and nothing else', { timeout: 60_000 }, async () => {
    const server = fleet.servers['proftpd-explicit'];
    const c = uploadCase(server, 'remove', 6 * MiB, 17);
    writeServerFile(server, `${c.folder}/neighbour.txt`, 'not ours');
    const queue = await openQueue(server, new CommandLog(), { speedLimitBytesPerSecond: 2 * MiB });
    try {
      await queue.add({ direction: 'upload', siteKey: server.name, localPath: c.localPath, remotePath: c.remotePath });
      const running = await waitForItem(queue, (i) => i.state === 'running' && i.bytesDone >= MiB);
      queue.controls.pause([running.id]);
      await waitForItem(queue, (i) => i.state === 'paused');
      const temporary = join(c.serverFolder, `${c.name}.wharf-part`);
      assert.ok(existsSync(temporary));
      // The clean-up runs after remove() returns: wait for the file-system event of the deletion.
      const deleted = new Promise<void>((resolve) => {
        const watcher = watch(c.serverFolder, () => {
          if (existsSync(temporary)) return;
          watcher.close();
          resolve();
        });
      });
      queue.controls.remove([running.id]);
      await deleted;
      assert.deepEqual(readdirSync(c.serverFolder), ['neighbour.txt']);
    } finally {
      await queue.stop();
    }
  });
});
