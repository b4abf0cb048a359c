/**
 * Files' transfers through transfer-task.ts (our own in place of basic-ftp's downloadTo/uploadFrom), against the real
 * servers: one session moving files in a row keeps every safety property of the old path (TLS session reuse, which
 * vsftpd requires; REST and its 350; the last progress report), and no stand-in data socket is made any more.
 */
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import type { FTPContext } from 'basic-ftp';
import type { FtpsSession } from '../../main/ftps/session';
import { useFleet, writeServerFile } from '../servers/fleet';
import { downloadBytes, openSession, testBytes } from './support';

const fleet = await useFleet();
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/**
 * Whether each socket handed to basic-ftp as the data connection was a real one (connecting or connected) when it was
 * handed over: a stand-in (`new Socket()`) is neither.
 */
function recordDataSockets(session: FtpsSession): boolean[] {
  const ftp = (session as unknown as { client: { ftp: FTPContext } }).client.ftp;
  const accessor = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(ftp), 'dataSocket');
  assert.ok(accessor?.get && accessor.set);
  const real: boolean[] = [];
  Object.defineProperty(ftp, 'dataSocket', {
    configurable: true,
    get(this: FTPContext) {
      return accessor.get?.call(this) as Socket | undefined;
    },
    set(this: FTPContext, socket: Socket | undefined) {
      if (socket) real.push(socket.connecting || !socket.pending);
      accessor.set?.call(this, socket);
    },
  });
  return real;
}

for (const name of ['vsftpd-explicit', 'vsftpd-plain', 'pureftpd-explicit'] as const) {
  describe(`transfers of our own, ${name}`, () => {
    const server = fleet.servers[name];
    let session: FtpsSession | null = null;
    after(async () => {
      await session?.close();
    });

    test('files in a row arrive intact, each data connection a real socket (no stand-in) and, where the server requires it, resuming the TLS session', async () => {
      const folder = unique('own-transfers');
      const files = [0, 1, 2, 3, 4].map((i) => ({ name: `${folder}/f${i}`, bytes: testBytes(4096 + i * 777, i + 1) }));
      for (const file of files) writeServerFile(server, file.name, file.bytes);
      const opened = await openSession(fleet, server);
      session = opened.session;
      const sockets = recordDataSockets(session);
      for (const file of files) assert.deepEqual(await downloadBytes(session, `/${file.name}`), file.bytes);
      for (const file of files) await session.upload(Readable.from([file.bytes]), `/${file.name}.up`);
      for (const file of files) assert.deepEqual(await downloadBytes(session, `/${file.name}.up`), file.bytes);
      // From the second transfer on, EPSV goes out with the command: that is where basic-ftp's check wanted a stand-in.
      assert.ok(sockets.length >= files.length * 3, `${sockets.length} data sockets handed over`);
      assert.deepEqual(sockets.filter((isReal) => !isReal), []);
      if (server.requiresTlsSessionReuse) assert.equal(session.report.dataTlsSessionReused, true);
    });

    test('a download from an offset sends REST and, on its 350, RETR: the file from there on', async () => {
      const path = `${unique('own-rest')}.bin`;
      const bytes = testBytes(10_000, 7);
      writeServerFile(server, path, bytes);
      session ??= (await openSession(fleet, server)).session;
      assert.deepEqual(await downloadBytes(session, `/${path}`, 2500), bytes.subarray(2500));
      // The session is in step afterwards: the next command gets its own reply.
      assert.equal(await session.size(`/${path}`), bytes.length);
    });

    test("an upload's last progress report is its whole size, also when it is over before the first timer", async () => {
      const path = `${unique('own-progress')}.bin`;
      const bytes = testBytes(4096, 3);
      session ??= (await openSession(fleet, server)).session;
      const reports: number[] = [];
      await session.upload(Readable.from([bytes]), `/${path}`, { onProgress: (done) => reports.push(done) });
      assert.ok(reports.length > 0);
      assert.ok((reports.at(-1) ?? 0) >= bytes.length, `last report ${reports.at(-1)}`);
      assert.deepEqual(await downloadBytes(session, `/${path}`), bytes);
    });
  });
}
