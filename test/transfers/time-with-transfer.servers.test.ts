/**
 * A download's time asked with its transfer (MDTM in the same write as EPSV and RETR: TransferRider,
 * FtpsSession.download's `onModifiedAt`) on the servers vsftpd's test (commands-per-file.test.ts) and the scripted
 * one (test/hostile/time-with-transfer.test.ts) leave out: proftpd, pure-ftpd and the pyftpdlib imitations (IIS
 * with DOS-style LIST, netkit with LIST only, a Tokyo server whose LIST is local and MDTM UTC). The server files'
 * times carry seconds, which LIST drops: a copy that kept the listing's time would be off.
 *
 * On the session: the time arrives with the bytes (a resumed download too), and the replies after it stay in step (SIZE, a listing and a
 * second download each get their own). In the app's queue, through the services main runs (a folder listed and
 * queued as the remote pane queues it): every copy keeps the server's time to the second; MDTM goes with EPSV
 * where the listing is LIST, and is not sent at all where the listing is MLSD (its times are exact).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models';
import type { TransferItem } from '../../common/models/transfer';
import type { FtpsSession } from '../../main/ftps/session';
import type { WharfServices } from '../../main/services/wharf-services';
import { openSession } from '../ftps/support';
import { useFleet, writeServerFile, type ServerInfo, type ServerName } from '../servers/fleet';
import { fleetServices, value } from '../services/support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-time-with-transfer-'));
after(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** Two days ago at 12:34:56 UTC (and a second later for the next file): seconds that a LIST line drops. */
const BASE_TIME_MS = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 2, 12, 34, 56);
const FILES = [
  { name: 'one.txt', data: 'the first file', mtimeMs: BASE_TIME_MS },
  { name: 'two.txt', data: 'the second, a little longer', mtimeMs: BASE_TIME_MS + 61_000 },
  { name: 'three.txt', data: 'three', mtimeMs: BASE_TIME_MS + 3_601_000 },
];

const SERVERS = ['proftpd-explicit', 'pureftpd-explicit', 'vsftpd-implicit', 'pyftpdlib-explicit', 'pyftpdlib-iis', 'pyftpdlib-netkit', 'pyftpdlib-tokyo'] as const satisfies readonly ServerName[];

/** A fresh server folder holding FILES with their times; its absolute path. */
function serverFolder(server: ServerInfo, prefix: string): string {
  const folder = `/${unique(prefix)}`;
  for (const file of FILES) {
    const full = writeServerFile(server, `${folder}/${file.name}`, file.data);
    utimesSync(full, new Date(file.mtimeMs), new Date(file.mtimeMs));
  }
  return folder;
}

/** The commands of each write of one connection: those sent before the next reply was read. */
function writesOf(log: readonly LogLine[], connectionId: string): string[][] {
  const groups: string[][] = [];
  let previous: LogLine['direction'] | null = null;
  for (const line of log) {
    if (line.connectionId !== connectionId || (line.direction !== 'command' && line.direction !== 'reply')) continue;
    if (line.direction === 'command') {
      if (previous !== 'command') groups.push([]);
      groups.at(-1)?.push(line.text);
    }
    previous = line.direction;
  }
  return groups;
}

/** Every write, on any connection, that holds a command naming `path`. */
function writesNaming(log: readonly LogLine[], path: string): string[][] {
  const connections = [...new Set(log.map((line) => line.connectionId))];
  return connections.flatMap((id) => writesOf(log, id)).filter((write) => write.some((command) => command.endsWith(` ${path}`)));
}

async function downloadWithTime(session: FtpsSession, path: string, startAt = 0): Promise<{ text: string; time: Date | null | undefined }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  let time: Date | null | undefined;
  await session.download(path, sink, { startAt, onModifiedAt: (given) => (time = given) });
  return { text: Buffer.concat(chunks).toString('utf8'), time };
}

const seconds = (ms: number) => Math.floor(ms / 1000);

describe('a download\'s time asked with its transfer, on the session', () => {
  for (const name of SERVERS) {
    test(`${name}: the time arrives with MDTM beside EPSV and RETR (or REST, resuming), and every later reply is its own command's`, async () => {
      const server = fleet.servers[name];
      const folder = serverFolder(server, 'session');
      const { session, log } = await openSession(fleet, server);
      try {
        for (const file of FILES) {
          const path = `${folder}/${file.name}`;
          const { text, time } = await downloadWithTime(session, path);
          assert.equal(text, file.data);
          assert.equal(time?.toISOString(), new Date(file.mtimeMs).toISOString(), `${path}: the server's time, to the second`);
          // A reply left over from the rider would answer the next command in its place.
          assert.equal(await session.size(path), Buffer.byteLength(file.data), `${path}: SIZE gets its own reply`);
        }
        const listed = await session.list(folder);
        assert.deepEqual(listed.map((entry) => entry.name).sort(), FILES.map((file) => file.name).sort());
        for (const file of FILES) {
          const path = `${folder}/${file.name}`;
          const [write, ...more] = writesNaming(log, path).filter((w) => w.includes(`MDTM ${path}`));
          assert.equal(more.length, 0, `one MDTM of ${path}`);
          assert.ok(write?.includes('EPSV'), `MDTM ${path} went out with EPSV: ${JSON.stringify(write)}`);
        }

        // A resumed download: REST goes where RETR went, the time still with it.
        const resumed = FILES[1]!;
        const path = `${folder}/${resumed.name}`;
        const rest = await downloadWithTime(session, path, 4);
        assert.equal(rest.text, resumed.data.slice(4));
        assert.equal(rest.time?.toISOString(), new Date(resumed.mtimeMs).toISOString());
        assert.equal(await session.size(path), Buffer.byteLength(resumed.data), 'SIZE after the resumed download gets its own reply');
      } finally {
        await session.close();
      }
    });
  }
});

/** Resolves with every item under `remoteFolder` once all have ended; fails when one fails. */
function whenFolderDone(services: WharfServices, remoteFolder: string, count: number): Promise<TransferItem[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const files = services.queue.snapshot().items.filter((i) => i.kind === 'file' && i.remotePath.startsWith(`${remoteFolder}/`));
      const failed = files.find((i) => i.state === 'failed' || i.state === 'skipped');
      if (failed) {
        off();
        reject(new Error(`${failed.remotePath} ended ${failed.state}: ${failed.lastError?.message ?? failed.skipReason ?? ''}`));
      } else if (files.length === count && files.every((i) => i.state === 'done')) {
        off();
        resolve(files);
      }
    };
    const off = services.events.subscribe((event) => {
      if (event === 'queueUpdate') check();
    });
    check();
  });
}

describe('a download\'s time in the app\'s queue, through the services', () => {
  for (const name of SERVERS) {
    test(`${name}: a queued folder's copies keep the server's times; MDTM ${fleet.servers[name].supportsMlsd ? 'not sent (MLSD times are exact)' : 'with EPSV (LIST times are not exact)'}`, async () => {
      const server = fleet.servers[name];
      const folder = serverFolder(server, 'queued');
      const base = join(work, unique(name));
      const home = join(base, 'home');
      mkdirSync(home, { recursive: true });
      const services = await fleetServices({ dataDir: join(base, 'data'), home, caPem: fleet.caCertPem });
      try {
        const { sessionId } = value(
          await services.api.remoteConnect({
            kind: 'quick', host: server.host, port: server.port, mode: server.mode, user: server.user, password: server.password,
            ...(server.mode === 'plain' ? { allowPlain: true } : {}),
          }),
        );
        const parent = value(await services.api.remoteList({ sessionId, path: '/' }));
        assert.ok(parent.entries.some((entry) => `/${entry.name}` === folder), `${folder} is listed`);
        const logStart = services.log.recent().length;
        const done = whenFolderDone(services, folder, FILES.length);
        value(await services.api.queueEnqueue({ sessionId, transfers: [{ direction: 'download', localFolder: home, remoteFolder: '/', name: folder.slice(1), kind: 'directory' }] }));
        await done;
        const log = services.log.recent().slice(logStart);
        for (const file of FILES) {
          const local = join(home, folder.slice(1), file.name);
          const path = `${folder}/${file.name}`;
          assert.equal(readFileSync(local, 'utf8'), file.data);
          assert.equal(seconds(statSync(local).mtimeMs), seconds(file.mtimeMs), `${path} keeps the server's time`);
          const asked = writesNaming(log, path).filter((write) => write.includes(`MDTM ${path}`));
          if (server.supportsMlsd) {
            assert.deepEqual(asked, [], `no MDTM of ${path}: the MLSD listing gave its time`);
          } else {
            assert.equal(asked.length, 1, `one MDTM of ${path}`);
            assert.ok(asked[0]?.includes('EPSV'), `MDTM ${path} went out with EPSV: ${JSON.stringify(asked[0])}`);
          }
        }

        // One file queued on its own (a row dragged to the local pane) comes without the listing's facts: its time
        // is asked with its transfer on every server.
        const single = FILES[1]!;
        const path = `${folder}/${single.name}`;
        const into = join(home, 'single');
        mkdirSync(into);
        const singleStart = services.log.recent().length;
        const fileDone = whenFolderDone(services, folder, FILES.length + 1);
        value(await services.api.queueEnqueue({ sessionId, transfers: [{ direction: 'download', localFolder: into, remoteFolder: folder, name: single.name, kind: 'file' }] }));
        await fileDone;
        assert.equal(readFileSync(join(into, single.name), 'utf8'), single.data);
        assert.equal(seconds(statSync(join(into, single.name)).mtimeMs), seconds(single.mtimeMs), `${path} on its own keeps the server's time`);
        const asked = writesNaming(services.log.recent().slice(singleStart), path).filter((write) => write.includes(`MDTM ${path}`));
        assert.equal(asked.length, 1, `one MDTM of ${path}`);
        assert.ok(asked[0]?.includes('EPSV'), `MDTM ${path} went out with EPSV: ${JSON.stringify(asked[0])}`);
      } finally {
        await services.dispose();
      }
    });
  }
});
