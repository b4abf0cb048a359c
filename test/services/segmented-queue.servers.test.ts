/**
 * Segmented downloads in the app's transfer queue (#16), through the services main runs (createWharfServices)
 * against real servers: vsftpd, proftpd, pure-ftpd and pyftpdlib. A saved site's "segments" makes a download
 * over the threshold (lowered here from 64 MiB so the files stay small) arrive in ranges on several pool
 * connections (REST + RETR each), byte for byte, shown as one item, with nothing under the final name until it
 * is verified. A data connection cut inside a range continues that range from the bytes it reached; a download
 * paused and then restarted with the app (a new services over the same data folder) continues the ranges the
 * queue saved. A site with segments off fetches in one stream. A folder sync ("down") of a folder holding one
 * big file goes through the same queue and runner, so it too arrives in ranges. Waits follow queue events, never
 * the clock.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { SiteProfile } from '../../common/models/site-profile';
import type { TransferItem } from '../../common/models/transfer';
import { FtpsSession } from '../../main/ftps/session';
import { HeadlessPlatform } from '../../main/services/platform';
import { createWharfServices, type WharfServices } from '../../main/services/wharf-services';
import { PinnedCertificateStore } from '../../main/sites/pinned-certificates';
import { splitIntoRanges } from '../../main/transfers/segmented-download';
import { startFaultProxy } from '../faults/fault-proxy';
import { passivePortsOf } from '../faults/support';
import { retrievalsOf, testBytes } from '../ftps/support';
import { useFleet, writeServerFile, type ServerInfo, type ServerName } from '../servers/fleet';
import { NO_KEYCHAIN, value, whenQueueItem } from './support';
import type { CredentialStore } from '../../main/credentials/keychain';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-segmented-queue-'));
after(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
/** Above the lowered threshold and big enough for 4 ranges of at least 4 MiB. */
const SIZE = 20 * 1024 * 1024 + 4321;
const THRESHOLD = 8 * 1024 * 1024;
const DATA = testBytes(SIZE, 16);
const DATA_SHA = createHash('sha256').update(DATA).digest('hex');
const RANGE_STARTS = splitIntoRanges(SIZE, 4).map((range) => range.start);

/** Services over a data folder (kept across a restart), the certificate of `host:port` pinned as "Always trust" leaves it. */
async function servicesFor(dataDir: string, home: string, server: ServerInfo, at: { host: string; port: number } = server, credentials: CredentialStore = NO_KEYCHAIN): Promise<WharfServices> {
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(home, { recursive: true });
  await new PinnedCertificateStore({ dataDir }).pin({ host: at.host, port: at.port, fingerprintSha256: server.certFingerprintSha256 as string, subject: 'CN=fleet' });
  return createWharfServices({
    dataDir,
    home,
    platform: new HeadlessPlatform(),
    app: { name: 'Wharf', version: 'test' },
    credentials,
    openSession: (options) => FtpsSession.open({ ...options, keepAliveIntervalMs: 0 }),
    segmentThresholdBytes: THRESHOLD,
  });
}

async function siteOn(
  services: WharfServices,
  server: ServerInfo,
  settings: { segments: number; at?: { host: string; port: number }; savePassword?: boolean },
): Promise<{ site: SiteProfile; sessionId: string }> {
  const at = settings.at ?? server;
  const storage = settings.savePassword === true ? { passwordStorage: 'keychain' as const, password: server.password } : { passwordStorage: 'ask' as const };
  const site = value(
    await services.api.sitesCreate({
      site: { name: unique('segments'), host: at.host, port: at.port, user: server.user, ...storage, maxConnections: 4, segments: settings.segments },
    }),
  );
  const { sessionId } = value(await services.api.remoteConnect({ kind: 'site', siteId: site.id, password: server.password }));
  return { site, sessionId };
}

/** Resolves with the item once it is done; fails when it fails. `onUpdate` sees the item on every queue update. */
function whenDone(services: WharfServices, remotePath: string, onUpdate: (item: TransferItem) => void = () => undefined): Promise<TransferItem> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const item = services.queue.snapshot().items.find((i) => i.remotePath === remotePath);
      if (!item) return;
      onUpdate(item);
      if (item.state === 'failed' || item.state === 'skipped') {
        off();
        reject(new Error(`${remotePath} ended ${item.state}: ${item.lastError?.message ?? item.skipReason ?? ''}`));
      } else if (item.state === 'done') {
        off();
        resolve(item);
      }
    };
    const off = services.events.subscribe((event) => {
      if (event === 'queueUpdate') check();
    });
    check();
  });
}

/**
 * Watches a download folder on every queue update: the final name may show only whole, verified content, and
 * never beside the ranges' temporary (the rename that moves it there comes after the verification, and the
 * item turns "done" a moment after the rename, so "seen while running" alone proves nothing). Returns what broke.
 */
function finalNameWatch(folder: string, finalName: string): { check: () => void; problems: string[] } {
  const problems: string[] = [];
  const check = () => {
    const names = readdirSync(folder);
    if (!names.includes(finalName)) return;
    const temporaries = names.filter((name) => name.endsWith('.wharf-part'));
    if (temporaries.length > 0) problems.push(`${finalName} beside ${temporaries.join(', ')}`);
    else if (createHash('sha256').update(readFileSync(join(folder, finalName))).digest('hex') !== DATA_SHA) problems.push(`${finalName} with other content`);
  };
  return { check, problems };
}

/** REST offsets and RETRs of `remotePath` the pool's sessions sent, from the log the window shows. */
function dataCommands(services: WharfServices, remotePath: string): { rest: number[]; retr: number } {
  return retrievalsOf(services.log.recent(), remotePath);
}

async function download(services: WharfServices, sessionId: string, remotePath: string, folder: string): Promise<void> {
  const name = remotePath.slice(1);
  const result = value(await services.api.queueEnqueue({ sessionId, transfers: [{ direction: 'download', localFolder: folder, remoteFolder: '/', name, kind: 'file' }] }));
  assert.equal(result.added, 1);
}

const SERVERS = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit', 'pyftpdlib-explicit'] as const satisfies readonly ServerName[];

describe('segmented downloads in the queue', () => {
  for (const name of SERVERS) {
    test(`${name}: a big download arrives in 4 ranges on the site's free connections, one item, under a temporary name until verified`, async () => {
      const server = fleet.servers[name];
      const base = join(work, unique(name));
      const services = await servicesFor(join(base, 'data'), join(base, 'home'), server);
      try {
        const { sessionId } = await siteOn(services, server, { segments: 4 });
        const remotePath = `/${unique('big')}.bin`;
        writeServerFile(server, remotePath, DATA);
        const folder = join(base, 'home', 'down');
        mkdirSync(folder);
        const finalName = finalNameWatch(folder, remotePath.slice(1));
        await download(services, sessionId, remotePath, folder);
        // On loopback the whole file may arrive inside one queue update's interval: that the item records its
        // ranges while running is asserted where the transfer is held still (the paused item, below).
        const item = await whenDone(services, remotePath, finalName.check);
        assert.equal(createHash('sha256').update(readFileSync(join(folder, remotePath.slice(1)))).digest('hex'), DATA_SHA);
        assert.deepEqual(readdirSync(folder), [remotePath.slice(1)], 'no temporary file is left');
        assert.deepEqual(finalName.problems, [], 'the final name appeared only once verified');
        assert.equal(services.queue.snapshot().items.filter((i) => i.remotePath === remotePath).length, 1, 'one item in the queue');
        assert.deepEqual([item.bytesDone, item.bytesTotal, item.segments ?? null], [SIZE, SIZE, null]);
        assert.equal(item.verifiedBy, server.name.startsWith('proftpd') ? 'SHA-256' : 'size');
        const { rest, retr } = dataCommands(services, remotePath);
        assert.equal(retr, 4, 'four RETRs, one per range');
        assert.deepEqual(rest.sort((a, b) => a - b), RANGE_STARTS.slice(1), 'REST at each range start but the first');
      } finally {
        await services.dispose();
      }
    });
  }

  test('a site with segments off fetches the same file in one stream', async () => {
    const server = fleet.servers['pureftpd-explicit'];
    const base = join(work, unique('off'));
    const services = await servicesFor(join(base, 'data'), join(base, 'home'), server);
    try {
      const { sessionId } = await siteOn(services, server, { segments: 0 });
      const remotePath = `/${unique('single')}.bin`;
      writeServerFile(server, remotePath, DATA);
      const folder = join(base, 'home', 'down');
      mkdirSync(folder);
      await download(services, sessionId, remotePath, folder);
      await whenDone(services, remotePath);
      assert.deepEqual(dataCommands(services, remotePath), { rest: [], retr: 1 });
      assert.equal(createHash('sha256').update(readFileSync(join(folder, remotePath.slice(1)))).digest('hex'), DATA_SHA);
    } finally {
      await services.dispose();
    }
  });

  test('a data connection cut inside a range continues that range from the bytes it reached; nothing under the final name until verified', async () => {
    const server = fleet.servers['pyftpdlib-explicit'];
    const proxy = await startFaultProxy({
      upstreamHost: server.host,
      controlPort: server.port,
      passivePorts: passivePortsOf(fleet, 'pyftpdlib-explicit'),
      // The second data connection (one of the ranges) is cut 3 MB in, as a router's FIN would cut it.
      plan: ({ kind, index }) => (kind === 'data' && index === 1 ? { kind: 'close', atByte: 3_000_000 } : null),
    });
    const at = { host: proxy.host, port: proxy.controlPort };
    const base = join(work, unique('cut'));
    const services = await servicesFor(join(base, 'data'), join(base, 'home'), server, at);
    try {
      const { sessionId } = await siteOn(services, server, { segments: 4, at });
      const remotePath = `/${unique('cut')}.bin`;
      writeServerFile(server, remotePath, DATA);
      const folder = join(base, 'home', 'down');
      mkdirSync(folder);
      const finalName = finalNameWatch(folder, remotePath.slice(1));
      await download(services, sessionId, remotePath, folder);
      const item = await whenDone(services, remotePath, finalName.check);
      assert.equal(proxy.stats().faultsInjected.close, 1);
      assert.equal(item.attempts, 1, 'the range was continued inside the same attempt');
      assert.equal(createHash('sha256').update(readFileSync(join(folder, remotePath.slice(1)))).digest('hex'), DATA_SHA);
      assert.deepEqual(finalName.problems, [], 'nothing under the final name until verified');
      const { rest, retr } = dataCommands(services, remotePath);
      assert.equal(retr, 5, 'four ranges and one continuation');
      const continued = rest.filter((offset) => !RANGE_STARTS.includes(offset));
      assert.equal(continued.length, 1, `one REST inside a range: ${rest.join(', ')}`);
      const offset = continued[0] as number;
      const range = splitIntoRanges(SIZE, 4).find((r) => r.start < offset && offset < r.end);
      assert.ok(range, `REST ${offset} is inside a range`);
      assert.ok(offset - range.start >= 1_000_000, `it continues from the bytes the cut range reached (${offset - range.start} of them)`);
    } finally {
      await services.dispose();
      await proxy.close();
    }
  });

  test('a range connection is given back between two ranges when another transfer of the site waits for it', async () => {
    const server = fleet.servers['pureftpd-explicit'];
    // Data at 6.4 MB/s per connection, as on a real link: loopback would finish the big file before the queue
    // shows it running, and before the small one could be queued behind it.
    const proxy = await startFaultProxy({
      upstreamHost: server.host,
      controlPort: server.port,
      passivePorts: passivePortsOf(fleet, 'pureftpd-explicit'),
      plan: ({ kind }) => (kind === 'data' ? { kind: 'trickle', bytesPerTick: 64 * 1024, tickMs: 10 } : null),
    });
    const at = { host: proxy.host, port: proxy.controlPort };
    const base = join(work, unique('share'));
    const services = await servicesFor(join(base, 'data'), join(base, 'home'), server, at);
    try {
      const { site, sessionId } = await siteOn(services, server, { segments: 4, at });
      value(await services.api.sitesUpdate({ id: site.id, changes: { maxConnections: 2 } }));
      const big = `/${unique('share-big')}.bin`;
      const small = `/${unique('share-small')}.txt`;
      writeServerFile(server, big, DATA);
      writeServerFile(server, small, 'a small file queued behind the big one');
      const folder = join(base, 'home', 'down');
      mkdirSync(folder);
      await download(services, sessionId, big, folder);
      // Both of the site's connections carry ranges of the big file before the small one is queued.
      await whenQueueItem(services, big, (item) => item.state === 'running' && (item.segments?.ranges.length ?? 0) === 4);
      await download(services, sessionId, small, folder);
      await whenDone(services, small);
      const bigWhenSmallDone = services.queue.snapshot().items.find((i) => i.remotePath === big);
      assert.equal(bigWhenSmallDone?.state, 'running', 'the small file did not wait for the whole big one');
      await whenDone(services, big);
      assert.equal(createHash('sha256').update(readFileSync(join(folder, big.slice(1)))).digest('hex'), DATA_SHA);
      assert.equal(dataCommands(services, big).retr, 4);
    } finally {
      await services.dispose();
      await proxy.close();
    }
  });

  test('a paused download, after a restart of the app, continues the ranges the queue saved', async () => {
    const server = fleet.servers['pureftpd-explicit'];
    // In the first run every range's data connection stops passing bytes 3 MB in, so the download is surely
    // still running when it is paused (on loopback it would otherwise be done first); the second run goes free.
    let firstRun = true;
    const proxy = await startFaultProxy({
      upstreamHost: server.host,
      controlPort: server.port,
      passivePorts: passivePortsOf(fleet, 'pureftpd-explicit'),
      plan: ({ kind }) => (kind === 'data' && firstRun ? { kind: 'stall', atByte: 3_000_000 } : null),
    });
    const at = { host: proxy.host, port: proxy.controlPort };
    const base = join(work, unique('restart'));
    const dataDir = join(base, 'data');
    const home = join(base, 'home');
    const folder = join(home, 'down');
    const remotePath = `/${unique('restart')}.bin`;
    writeServerFile(server, remotePath, DATA);
    // The restored item logs in with the saved password, as after a real restart; the keychain itself is not
    // what this test is about, so a map in memory stands in for it, shared by both runs.
    const saved = new Map<string, string>();
    const keychain: CredentialStore = {
      get: async (id) => saved.get(id) ?? null,
      set: async (id, password) => void saved.set(id, password),
      delete: async (id) => saved.delete(id),
      isAvailable: async () => ({ available: true }),
    };
    let paused: TransferItem;
    const first = await servicesFor(dataDir, home, server, at, keychain);
    try {
      const { sessionId } = await siteOn(first, server, { segments: 4, savePassword: true, at });
      mkdirSync(folder);
      await download(first, sessionId, remotePath, folder);
      // Two full 1 MiB batches on disk: at least one range has reached its stall.
      const running = await whenQueueItem(first, remotePath, (item) => item.state === 'running' && (item.segments?.ranges.length ?? 0) === 4 && item.bytesDone >= 2 * 1024 * 1024);
      value(await first.api.queuePause({ itemIds: [running.id] }));
      paused = await whenQueueItem(first, remotePath, (item) => item.state === 'paused');
    } finally {
      await first.dispose();
    }
    firstRun = false;
    const ranges = paused.segments?.ranges ?? [];
    assert.equal(ranges.length, 4, 'the paused item keeps its ranges');
    const onDisk = ranges.reduce((sum, r) => sum + r.done, 0);
    assert.ok(onDisk > 0 && onDisk < SIZE, `part of the file arrived (${onDisk} bytes)`);
    assert.ok(!readdirSync(folder).includes(remotePath.slice(1)), 'nothing under the final name');

    const second = await servicesFor(dataDir, home, server, at, keychain);
    try {
      const restored = second.queue.snapshot().items.find((i) => i.remotePath === remotePath);
      assert.deepEqual(restored?.segments?.ranges, ranges, 'the saved queue holds the ranges');
      value(await second.api.queueResume({ itemIds: [restored?.id as string] }));
      const done = await whenDone(second, remotePath);
      assert.equal(done.resumedFrom, onDisk, 'the attempt continued from what the ranges held');
      const { rest } = dataCommands(second, remotePath);
      const continuedAt = ranges.filter((r) => r.done < r.end - r.start && r.start + r.done > 0).map((r) => r.start + r.done);
      assert.deepEqual(rest.sort((a, b) => a - b), continuedAt.sort((a, b) => a - b), 'each unfinished range continued where it stopped');
    } finally {
      await second.dispose();
      await proxy.close();
    }
    assert.equal(createHash('sha256').update(readFileSync(join(folder, remotePath.slice(1)))).digest('hex'), DATA_SHA);
    assert.deepEqual(readdirSync(folder), [remotePath.slice(1)]);
  });

  test('a folder sync down of a folder holding one big file fetches it in 4 ranges, as one queue item', async () => {
    const server = fleet.servers['pureftpd-explicit'];
    const base = join(work, unique('sync'));
    const services = await servicesFor(join(base, 'data'), join(base, 'home'), server);
    try {
      const { sessionId } = await siteOn(services, server, { segments: 4 });
      const remoteFolder = `/${unique('sync-folder')}`;
      const remotePath = `${remoteFolder}/big.bin`;
      writeServerFile(server, remotePath, DATA);
      const localRoot = join(base, 'home', 'mirror');
      mkdirSync(localRoot);
      const plan = value(await services.api.syncPlan({ sessionId, localRoot, remoteRoot: remoteFolder, direction: 'down' }));
      const run = value(await services.api.syncRun({ planId: plan.planId }));
      assert.deepEqual(run.summary, { done: 1, skipped: 0, failed: 0 });
      assert.equal(createHash('sha256').update(readFileSync(join(localRoot, 'big.bin'))).digest('hex'), DATA_SHA);
      assert.deepEqual(readdirSync(localRoot), ['big.bin'], 'no temporary file is left');
      assert.equal(services.queue.snapshot().items.filter((i) => i.remotePath === remotePath).length, 1, 'one item in the queue');
      const { rest, retr } = dataCommands(services, remotePath);
      assert.equal(retr, 4, 'four RETRs, one per range');
      assert.deepEqual(rest.sort((a, b) => a - b), RANGE_STARTS.slice(1), 'REST at each range start but the first');
    } finally {
      await services.dispose();
    }
  });
});
