/**
 * Once passive mode has worked in a session, a transfer command (STOR, RETR, MLSD/LIST) goes out while its data
 * connection is still being made instead of after: on a real link the TCP handshake is a round trip of its own
 * per file. Safe because a passive server waits for the connection when the command comes (vsftpd, proftpd,
 * pure-ftpd accept then, pyftpdlib queues the command until it is made). Checked here on every fleet server: the
 * data socket is still connecting when the command is sent (after the first), and every file arrives intact.
 * And a data connection that then cannot be made fails its transfer at once, naming it, rather than leaving the
 * client waiting for a server that waits for the connection.
 */
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { describe, test } from 'node:test';
import type { FTPContext } from 'basic-ftp';
import { WharfError } from '../../main/core/errors';
import type { FtpsSession } from '../../main/ftps/session';
import { useFleet } from '../servers/fleet';
import { startHostileServer } from '../hostile/hostile-server';
import { fleetCertificate, hostileSessionFactory } from '../hostile/support';
import { MAIN_SERVERS, openSession, testBytes } from './support';

const fleet = await useFleet();
let counter = 0;

async function downloaded(session: FtpsSession, path: string): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await session.download(path, sink);
  return Buffer.concat(chunks);
}
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/**
 * Whether each data connection was still connecting when its transfer command was sent, in order. Reads the
 * session's basic-ftp client (private: no public way shows when a command leaves relative to a TCP handshake).
 */
function recordConnecting(session: FtpsSession): boolean[] {
  const seen: boolean[] = [];
  const client = (session as unknown as { client: { prepareTransfer: (ftp: FTPContext) => Promise<unknown> } }).client;
  const prepare = client.prepareTransfer;
  client.prepareTransfer = Object.assign(async (ftp: FTPContext) => {
    const reply = await prepare(ftp);
    // The command is sent right after this resolves, before any socket event can run.
    seen.push((ftp.dataSocket as Socket | undefined)?.connecting === true);
    return reply;
  }, prepare);
  return seen;
}

describe('the transfer command does not wait for the data connection once passive mode has worked', () => {
  for (const name of MAIN_SERVERS) {
    test(name, async () => {
      const { session } = await openSession(fleet, fleet.servers[name]);
      const connecting = recordConnecting(session);
      try {
        const folder = `/${unique('overlap')}`;
        await session.mkdir(folder);
        const files = [testBytes(4096, 1), testBytes(70_000, 2), Buffer.alloc(0)];
        for (const [i, bytes] of files.entries()) await session.upload(Readable.from([bytes]), `${folder}/f${i}`);
        const listed = await session.list(folder);
        assert.deepEqual(listed.map((e) => [e.name, e.size]).sort(), files.map((b, i) => [`f${i}`, b.length]));
        for (const [i, bytes] of files.entries()) assert.deepEqual(await downloaded(session, `${folder}/f${i}`), bytes);
        // The first waited (a failure could still fall back to active mode); all later ones overlapped.
        assert.deepEqual(connecting, [false, ...Array<boolean>(connecting.length - 1).fill(true)]);
        assert.ok(connecting.length >= 7, String(connecting.length));
      } finally {
        await session.close();
      }
    });
  }
});

test('a data connection that cannot be made, once passive mode worked, fails its transfer naming it; the session goes on', async () => {
  const certificate = fleetCertificate(fleet, 'server');
  const content = testBytes(5000, 7);
  // The second EPSV names a closed port, and the server then waits for that connection as a real one does.
  const server = await startHostileServer({ mode: 'explicit', key: certificate.key, cert: certificate.cert, file: () => content, deadEpsv: (index) => index === 1 });
  const session = await hostileSessionFactory(server.port, certificate)();
  try {
    assert.deepEqual(await downloaded(session, '/a.bin'), content);
    await assert.rejects(downloaded(session, '/a.bin'), (error: unknown) => {
      assert.ok(error instanceof WharfError, String(error));
      assert.equal(error.kind, 'data-channel', error.message);
      assert.match(error.message, /127\.0\.0\.1:\d+/);
      return true;
    });
    assert.deepEqual(await downloaded(session, '/a.bin'), content);
  } finally {
    await session.close();
    await server.close();
  }
});
