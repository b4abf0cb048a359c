/**
 * Segmented downloads (main/transfers/segmented-download.ts) against real servers: a file fetched in ranges over
 * several connections arrives byte for byte (SHA-256), only ever under a temporary name until verified; a
 * connection cut inside one range continues that range from where it stopped (REST past the range's start) on a
 * new connection; and an interrupted download continues range by range in a later run.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models';
import { FtpsSession } from '../../main/ftps/session';
import { downloadInSegments, segmentedTemporaryPaths, splitIntoRanges } from '../../main/transfers/segmented-download';
import { useFleet, writeServerFile, type ServerInfo, type ServerName } from '../servers/fleet';
import { commandsSent, openSession, targetFor, testBytes } from '../ftps/support';
import { startFaultProxy } from '../faults/fault-proxy';
import { passivePortsOf } from '../faults/support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-segments-'));
after(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
const SIZE = 20 * 1024 * 1024 + 12_345;
const DATA = testBytes(SIZE, 11);
const DATA_SHA = createHash('sha256').update(DATA).digest('hex');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A fresh copy of DATA on a server, and an empty local folder to fetch it into as `big.bin`: every case's start. */
function bigFileOn(name: ServerName, prefix: string): { server: ServerInfo; remote: string; folder: string; local: string } {
  const server = fleet.servers[name];
  const remote = `/${unique(prefix)}.bin`;
  writeServerFile(server, remote, DATA);
  const folder = mkdtempSync(join(work, `${prefix}-`));
  return { server, remote, folder, local: join(folder, 'big.bin') };
}

/** Sessions to a server that all write into one log. */
function loggedSessions(server: ServerInfo): { log: LogLine[]; open: () => Promise<FtpsSession> } {
  const log: LogLine[] = [];
  return { log, open: async () => (await openSession(fleet, server, { onLog: (line) => log.push(line) })).session };
}

/** REST offsets the sessions asked for. */
function restOffsets(log: readonly LogLine[]): number[] {
  return commandsSent(log).flatMap((c) => (/^REST (\d+)$/.exec(c) ? [Number(/^REST (\d+)$/.exec(c)?.[1])] : []));
}

describe('segmented downloads', () => {
  test('ranges split the file whole, at least 4 MiB each', () => {
    const ranges = splitIntoRanges(SIZE, 4);
    assert.equal(ranges.length, 4);
    assert.equal(ranges[0]?.start, 0);
    assert.equal(ranges.at(-1)?.end, SIZE);
    for (let i = 1; i < ranges.length; i++) assert.equal(ranges[i]?.start, ranges[i - 1]?.end);
    assert.equal(splitIntoRanges(6 * 1024 * 1024, 4).length, 1, 'too small to split');
  });

  for (const name of ['pureftpd-explicit', 'proftpd-explicit', 'vsftpd-explicit'] as const satisfies readonly ServerName[]) {
    test(`${name}: 4 ranges on 4 connections arrive byte for byte, under a temporary name until verified`, async () => {
      const { server, remote, folder, local } = bigFileOn(name, 'seg');
      const { log, open } = loggedSessions(server);
      const session = await open();
      const namesSeen = new Set<string>();
      try {
        const result = await downloadInSegments({
          remotePath: remote,
          localPath: local,
          localRoot: folder,
          segments: 4,
          resume: false,
          session,
          openSession: open,
          onProgress: () => {
            for (const entry of readdirSync(folder)) namesSeen.add(entry);
          },
        });
        assert.equal(result.segments, 4);
        assert.equal(result.retries, 0);
        assert.equal(result.verifiedBy, name === 'proftpd-explicit' ? 'SHA-256' : 'size');
      } finally {
        await session.close();
      }
      assert.equal(sha256(local), DATA_SHA);
      assert.deepEqual(readdirSync(folder), ['big.bin'], 'no temporary or state file is left');
      assert.ok(!namesSeen.has('big.bin'), `the final name appeared only after verification: ${[...namesSeen].join(', ')}`);
      const starts = splitIntoRanges(SIZE, 4).map((r) => r.start).filter((s) => s > 0);
      assert.deepEqual(restOffsets(log).sort((a, b) => a - b), starts);
    });
  }

  test('a connection cut inside one range continues that range from where it stopped, on a new connection', async () => {
    const { server, remote, folder, local } = bigFileOn('pureftpd-explicit', 'cut');
    const proxy = await startFaultProxy({
      upstreamHost: server.host,
      controlPort: server.port,
      passivePorts: passivePortsOf(fleet, 'pureftpd-explicit'),
      // The second data connection (one of the ranges) is cut 3 MB in, as a router's FIN would cut it: every byte
      // before the cut arrives (a reset would also throw away what the kernel had not handed over yet).
      plan: ({ kind, index }) => (kind === 'data' && index === 1 ? { kind: 'close', atByte: 3_000_000 } : null),
    });
    const log: LogLine[] = [];
    const open = () =>
      FtpsSession.open({
        target: targetFor(server, { host: proxy.host, port: proxy.controlPort }),
        password: server.password,
        // The certificate names 127.0.0.1; through the proxy's 127.0.0.2 it is trusted by its pinned fingerprint.
        pinnedFingerprint: server.certFingerprintSha256 as string,
        keepAliveIntervalMs: 0,
        timeoutMs: 10_000,
        onLog: (line) => log.push(line),
      });
    const session = await open();
    try {
      const result = await downloadInSegments({ remotePath: remote, localPath: local, localRoot: folder, segments: 4, resume: false, session, openSession: open });
      assert.equal(result.retries, 1);
      assert.ok(result.bytesFetched < SIZE + 2_000_000, `only the cut range's missing part was fetched again (${result.bytesFetched} bytes)`);
    } finally {
      await session.close();
      await proxy.close();
    }
    assert.equal(proxy.stats().faultsInjected.close, 1);
    assert.equal(sha256(local), DATA_SHA);
    const starts = new Set(splitIntoRanges(SIZE, 4).map((r) => r.start));
    const continued = restOffsets(log).filter((offset) => !starts.has(offset));
    assert.equal(continued.length, 1, `one REST inside a range: ${restOffsets(log).join(', ')}`);
    assert.deepEqual(readdirSync(folder), ['big.bin']);
  });

  test('an interrupted download continues range by range in a later run (--resume)', async () => {
    const { server, remote, folder, local } = bigFileOn('proftpd-explicit', 'resume');
    const paths = segmentedTemporaryPaths(local, remote);
    const { session } = await openSession(fleet, server);
    // First run: the three helper connections go through a proxy that stops passing data 3 MB into each, so the
    // download is surely still running when half the file is on disk (on loopback it could otherwise finish
    // within one progress report); it is then stopped, as a pause or a quit stops it.
    const proxy = await startFaultProxy({
      upstreamHost: server.host,
      controlPort: server.port,
      passivePorts: passivePortsOf(fleet, 'proftpd-explicit'),
      plan: ({ kind }) => (kind === 'data' ? { kind: 'stall', atByte: 3_000_000 } : null),
    });
    const stop = new AbortController();
    try {
      await assert.rejects(
        downloadInSegments({
          remotePath: remote, localPath: local, localRoot: folder, segments: 4, resume: false, session, signal: stop.signal,
          // The certificate names 127.0.0.1; through the proxy's 127.0.0.2 it is trusted by its pinned fingerprint.
          openSession: async () => (await openSession(fleet, server, { targetOverrides: { host: proxy.host, port: proxy.controlPort }, pinnedFingerprint: server.certFingerprintSha256 as string })).session,
          onProgress: (done) => {
            if (done >= SIZE / 2) stop.abort();
          },
        }),
        /cancelled/,
      );
      await proxy.close();
      assert.ok(!existsSync(local), 'nothing under the final name');
      assert.ok(existsSync(paths.data) && existsSync(paths.state), 'the temporary and its ranges stay for a later run');
      const recorded = JSON.parse(readFileSync(paths.state, 'utf8')) as { ranges: { start: number; end: number; done: number }[] };
      const onDisk = recorded.ranges.reduce((sum, r) => sum + r.done, 0);
      assert.ok(onDisk >= SIZE / 2 && onDisk < SIZE, `the ranges recorded what arrived (${onDisk} bytes)`);

      const { log, open } = loggedSessions(server);
      const result = await downloadInSegments({ remotePath: remote, localPath: local, localRoot: folder, segments: 4, resume: true, session, openSession: open });
      assert.equal(result.bytesFetched, SIZE - onDisk, `only what the ranges lacked was fetched again (${result.retries} retries)`);
      assert.equal(result.verifiedBy, 'SHA-256');
      const continuedAt = new Set(recorded.ranges.filter((r) => r.done < r.end - r.start && r.start + r.done > 0).map((r) => r.start + r.done));
      for (const offset of restOffsets(log)) assert.ok(continuedAt.has(offset), `REST ${offset} continues a range where it stopped`);
    } finally {
      await session.close();
      await proxy.close();
    }
    assert.equal(sha256(local), DATA_SHA);
    assert.deepEqual(readdirSync(folder), ['big.bin']);
  });

  test('the helper connections log in at the same time, and a server without a hash is not asked for one after the ranges', async () => {
    // pure-ftpd: no HASH or XSHA in its FEAT, and ranges that stop early close their connections.
    const { server, remote, folder, local } = bigFileOn('pureftpd-explicit', 'together');
    const { log, open } = loggedSessions(server);
    const session = await open();
    let opening = 0;
    let mostAtOnce = 0;
    try {
      const result = await downloadInSegments({
        remotePath: remote, localPath: local, localRoot: folder, segments: 4, resume: false, session,
        openSession: async () => {
          mostAtOnce = Math.max(mostAtOnce, ++opening);
          try {
            return await open();
          } finally {
            opening--;
          }
        },
      });
      assert.equal(result.connections, 4);
      assert.equal(result.verifiedBy, 'size');
    } finally {
      await session.close();
    }
    assert.equal(mostAtOnce, 3, 'the three helpers were opening at once');
    assert.equal(sha256(local), DATA_SHA);
    const logins = commandsSent(log).filter((c) => c.startsWith('USER ')).length;
    assert.equal(logins, 4, 'four logins: none to ask for a hash the server does not have');
  });
});
