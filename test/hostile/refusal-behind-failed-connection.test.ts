/**
 * A transfer command sent while its passive data connection is still being made (once passive mode has worked:
 * EPSV with the command in one write, or PASV and the command during the TCP handshake), the connection then
 * refused, and the server's answer read after that failure (main/ftps/failed-data-connect.ts, the refusal grace).
 * A server that refuses the command closes the port it named (proftpd answers 550 and the port is gone); a server
 * that waited for the connection in vain answers 425 (vsftpd: "425 Failed to establish connection."). Either way
 * the server's answer is the transfer's error: a refusal fails its file once, not retried as a lost connection,
 * and leaves no file, local or remote; a 425 is said as the server said it, and the session goes on. A server that
 * says nothing is not waited for beyond the grace: the failed connection is the error, and the session logs in again.
 * A real server cannot be made to name a dead port on cue: the scripted hostile server does.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { TransferItem } from '../../common/models/transfer';
import { WharfError } from '../../main/core/errors';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { downloadBytes, testBytes } from '../ftps/support';
import { useFleet } from '../servers/fleet';
import { startHostileServer, type HostileScript, type HostileServer } from './hostile-server';
import { fleetCertificate, hostileSessionFactory } from './support';

const fleet = await useFleet();
const certificate = fleetCertificate(fleet, 'server');
const work = mkdtempSync(join(tmpdir(), 'wharf-refusal-grace-'));
after(() => rmSync(work, { recursive: true, force: true }));
const CONTENT = testBytes(5000, 12);
let counter = 0;

type Passive = 'EPSV' | 'PASV';

/**
 * A server on which the second passive setup (EPSV or PASV, by `passive`) names a dead port; the first data
 * connection works, so the second transfer command goes out while its connection is made. `/a.bin` is served.
 */
function deadSecondPort(passive: Passive, script: Partial<HostileScript>): Promise<HostileServer> {
  const second = (index: number) => (index === 1 ? 'dead-port' : 'usual');
  return startHostileServer({
    mode: 'explicit',
    key: certificate.key,
    cert: certificate.cert,
    file: (path) => (path === '/a.bin' || path === '/locked.bin' ? CONTENT : null),
    ...(passive === 'EPSV' ? { epsv: second } : { refuseEpsv: true, pasv: second }),
    // Well after the dead port refused the connection, within the grace.
    refusalDelayMs: 300,
    ...script,
  });
}

/** Runs `/a.bin`'s download, then `second`, one at a time on one queue; retries are quick, so a wrong retry shows. */
async function queueAfterOneDownload(server: HostileServer, local: string, second: (siteKey: string) => Parameters<TransferQueue['add']>[0]): Promise<TransferItem[]> {
  const queue = await TransferQueue.open({
    openSession: hostileSessionFactory(server.port, certificate),
    stateFile: null,
    defaultConcurrency: 1,
    defaultOverwrite: 'overwrite',
    retry: { baseDelayMs: 20, maxDelayMs: 50, tooManyConnectionsDelayMs: 50 },
  });
  try {
    await queue.add({ direction: 'download', siteKey: 'hostile', localPath: join(local, 'a.bin'), remotePath: '/a.bin', kind: 'file' });
    await queue.add(second('hostile'));
    await queue.whenSettled();
    return [...queue.getSnapshot().items];
  } finally {
    await queue.stop();
  }
}

function assertRefusedOnce(items: readonly TransferItem[], server: HostileServer, verb: 'RETR' | 'STOR', code: number): void {
  const [first, refused] = items;
  assert.equal(first?.state, 'done', JSON.stringify(first));
  assert.equal(refused?.state, 'failed', JSON.stringify(refused));
  assert.equal(refused.attempts, 1, `one attempt: ${refused.lastError?.message ?? ''}`);
  assert.equal(refused.lastError?.kind, 'ftp', refused.lastError?.message);
  assert.equal(refused.lastError?.code, code, refused.lastError?.message);
  const sent = server.received.filter((c) => c.line.startsWith(`${verb} `) && c.line !== 'RETR /a.bin');
  assert.equal(sent.length, 1, `${verb} sent once for the refused file: ${sent.map((c) => c.line).join(' | ')}`);
  assert.equal(server.stats.controlConnections, 1, 'one control connection: the failed data connection did not cost the session');
}

describe('a transfer refused behind its refused data connection: the refusal is the error, once, and no file is left', () => {
  for (const passive of ['EPSV', 'PASV'] as const) {
    test(`${passive}: a refused RETR leaves no local file`, async () => {
      const server = await deadSecondPort(passive, { refuse: (verb, path) => (verb === 'RETR' && path === '/locked.bin' ? '550 Permission denied.' : null) });
      const local = mkdtempSync(join(work, 'down-'));
      try {
        const items = await queueAfterOneDownload(server, local, (siteKey) => ({ direction: 'download', siteKey, localPath: join(local, 'locked.bin'), remotePath: '/locked.bin', kind: 'file' }));
        assertRefusedOnce(items, server, 'RETR', 550);
        assert.match(items[1]?.lastError?.message ?? '', /Permission denied/);
      } finally {
        await server.close();
      }
      assert.deepEqual(readdirSync(local), ['a.bin'], 'nothing of the refused file, not even an empty temporary');
    });

    test(`${passive}: a refused STOR writes nothing on the server, and nothing after it`, async () => {
      const server = await deadSecondPort(passive, { refuse: (verb) => (verb === 'STOR' ? '553 Could not create file.' : null) });
      const local = mkdtempSync(join(work, 'up-'));
      const source = join(work, `up-${++counter}.bin`);
      writeFileSync(source, CONTENT);
      try {
        const items = await queueAfterOneDownload(server, local, (siteKey) => ({ direction: 'upload', siteKey, localPath: source, remotePath: '/incoming/new.bin', kind: 'file', uploadViaTemporaryName: true }));
        assertRefusedOnce(items, server, 'STOR', 553);
        assert.match(items[1]?.lastError?.message ?? '', /Could not create file/);
        // Refused, the upload did not go on: no append to a partial file, no rename into place.
        const writes = server.received.map((c) => c.line).filter((line) => /^(STOR|APPE|RNFR|RNTO|DELE) /.test(line));
        assert.deepEqual(writes.map((line) => line.split(' ')[0]), ['STOR'], writes.join(' | '));
      } finally {
        await server.close();
      }
    });
  }
});

/** `/a.bin` three times on one session, the second behind the dead port: what the second failed with (the others arrive whole). */
async function secondDownloadFailure(server: HostileServer): Promise<WharfError> {
  const session = await hostileSessionFactory(server.port, certificate)();
  try {
    assert.deepEqual(await downloadBytes(session, '/a.bin'), CONTENT);
    const failure = await downloadBytes(session, '/a.bin').then(() => null, (err: unknown) => err);
    assert.ok(failure instanceof WharfError, String(failure));
    assert.deepEqual(await downloadBytes(session, '/a.bin'), CONTENT);
    return failure;
  } finally {
    await session.close();
    await server.close();
  }
}

describe('a server that answers 425 after the data connection failed: its 425 is the error, and the session goes on', () => {
  for (const passive of ['EPSV', 'PASV'] as const) {
    test(passive, async () => {
      const server = await deadSecondPort(passive, { deadPortReply: '425 Failed to establish connection.' });
      const failure = await secondDownloadFailure(server);
      // The server's words and code, not our failed connection's address: a data-connection problem the server saw too.
      assert.equal(failure.kind, 'data-channel', failure.message);
      assert.equal(failure.code, 425, failure.message);
      assert.match(failure.message, /Failed to establish connection/);
      assert.equal(server.stats.controlConnections, 1, 'the session went on over its control connection');
    });
  }
});

test('a server that says nothing after the data connection failed: once the grace is over, the failed connection is the error, naming its address, and the session logs in again', async () => {
  const server = await deadSecondPort('EPSV', { deadPortReply: 'silence' });
  const failure = await secondDownloadFailure(server);
  // Not the control connection's timeout: the grace ended the wait, with the reason the connection failed.
  assert.equal(failure.kind, 'data-channel', failure.message);
  assert.match(failure.message, /127\.0\.0\.1:\d+/);
  assert.equal(server.stats.controlConnections, 2, 'the silent control connection was given up, and a new one made');
});
