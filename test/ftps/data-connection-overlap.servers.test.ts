/**
 * Once passive mode has worked in a session, a transfer (STOR, RETR, MLSD/LIST) spends one round trip less or
 * two: with EPSV, EPSV and the transfer command go out in one write; with PASV, the command goes out while the
 * data connection is still being made (on a real link its TCP handshake is a round trip of its own). Safe because
 * a passive server waits for the connection when the command comes (vsftpd, proftpd, pure-ftpd accept then,
 * pyftpdlib queues the command until it is made). Checked on every fleet server, every file intact. And a data
 * connection that then goes wrong fails its transfer at once, naming why, and the session goes on.
 */
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { describe, test } from 'node:test';
import type { FTPContext } from 'basic-ftp';
import type { LogLine } from '../../common/models';
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

/** Uploads, lists and downloads a few files (one empty); each must come back intact. */
async function moveFiles(session: FtpsSession): Promise<void> {
  const folder = `/${unique('overlap')}`;
  await session.mkdir(folder);
  const files = [testBytes(4096, 1), testBytes(70_000, 2), Buffer.alloc(0)];
  for (const [i, bytes] of files.entries()) await session.upload(Readable.from([bytes]), `${folder}/f${i}`);
  const listed = await session.list(folder);
  assert.deepEqual(listed.map((e) => [e.name, e.size]).sort(), files.map((b, i) => [`f${i}`, b.length]));
  for (const [i, bytes] of files.entries()) assert.deepEqual(await downloaded(session, `${folder}/f${i}`), bytes);
}

/** For each transfer command in the log: whether EPSV went out right before it, in the same write (no reply between). */
function epsvWithCommand(log: readonly LogLine[]): boolean[] {
  const lines = log.filter((l) => l.direction === 'command' || l.direction === 'reply');
  return lines.flatMap((line, i) => (line.direction === 'command' && /^(STOR|RETR|MLSD|LIST)\b/.test(line.text) ? [lines[i - 1]?.text === 'EPSV'] : []));
}

describe('a transfer does not wait a round trip for its data connection once passive mode has worked', () => {
  for (const name of MAIN_SERVERS) {
    test(`${name}: EPSV with the command`, async () => {
      const { session, log } = await openSession(fleet, fleet.servers[name]);
      try {
        await moveFiles(session);
        // The first waited for EPSV's reply (a refusal switches to PASV); all later ones went with it.
        const together = epsvWithCommand(log);
        assert.ok(together.length >= 7, String(together.length));
        assert.deepEqual(together, [false, ...Array<boolean>(together.length - 1).fill(true)]);
      } finally {
        await session.close();
      }
    });
    test(`${name}: PASV, the command while the connection is made`, async () => {
      const { session } = await openSession(fleet, fleet.servers[name], { useEpsv: false });
      const connecting = recordConnecting(session);
      try {
        await moveFiles(session);
        // The first waited for its connection (a failure could still fall back to active mode); all later ones overlapped.
        assert.ok(connecting.length >= 7, String(connecting.length));
        assert.deepEqual(connecting, [false, ...Array<boolean>(connecting.length - 1).fill(true)]);
      } finally {
        await session.close();
      }
    });
  }
});

describe('a data connection that goes wrong after EPSV has worked fails only its transfer; the next one works', () => {
  for (const [what, epsv] of [['EPSV names a closed port', 'dead-port'], ['EPSV is refused', 'refused']] as const) {
    test(what, async () => {
      const certificate = fleetCertificate(fleet, 'server');
      const content = testBytes(5000, 7);
      // The second EPSV goes wrong; with a dead port the server then waits for that connection as a real one does.
      const server = await startHostileServer({ mode: 'explicit', key: certificate.key, cert: certificate.cert, file: () => content, epsv: (index) => (index === 1 ? epsv : 'usual') });
      const session = await hostileSessionFactory(server.port, certificate)();
      try {
        assert.deepEqual(await downloaded(session, '/a.bin'), content);
        await assert.rejects(downloaded(session, '/a.bin'), (error: unknown) => {
          assert.ok(error instanceof WharfError, String(error));
          assert.equal(error.kind, 'data-channel', error.message);
          assert.match(error.message, epsv === 'dead-port' ? /127\.0\.0\.1:\d+/ : /500 EPSV not understood here/);
          return true;
        });
        assert.deepEqual(await downloaded(session, '/a.bin'), content);
        assert.deepEqual(await downloaded(session, '/a.bin'), content);
      } finally {
        await session.close();
        await server.close();
      }
    });
  }

  test('the server refuses the command and closes the port it named: its refusal, read after the failed connection, is the error', async () => {
    const certificate = fleetCertificate(fleet, 'server');
    const content = testBytes(5000, 8);
    // The 550 comes well after the dead port refused the connection (as proftpd's does behind a loaded reader).
    const server = await startHostileServer({
      mode: 'explicit',
      key: certificate.key,
      cert: certificate.cert,
      file: (path) => (path === '/a.bin' ? content : null),
      epsv: (index) => (index === 1 ? 'dead-port' : 'usual'),
      refusalDelayMs: 300,
    });
    const session = await hostileSessionFactory(server.port, certificate)();
    try {
      assert.deepEqual(await downloaded(session, '/a.bin'), content);
      const controlConnections = server.stats.controlConnections;
      await assert.rejects(downloaded(session, '/locked.bin'), (error: unknown) => {
        // The server's refusal, not a lost data connection: the queue does not retry a refusal.
        assert.ok(!(error instanceof WharfError && error.kind === 'data-channel'), String(error));
        assert.match(error instanceof Error ? error.message : String(error), /550 No such file/);
        return true;
      });
      // The session went on over the same control connection.
      assert.deepEqual(await downloaded(session, '/a.bin'), content);
      assert.equal(server.stats.controlConnections, controlConnections);
    } finally {
      await session.close();
      await server.close();
    }
  });
});
