/**
 * From a session's second transfer on, EPSV and the transfer command go out in one write (one TLS record), and a
 * protected data connection starts its TLS handshake at TCP connect instead of after the server's 150
 * (main/ftps/transfer-acceptance.ts, TlsStart). Safe only if every kind of server had read the command before the
 * hello arrives. On one session per server of the fleet, and on pyftpdlib-early-tls-reset, which resets every data
 * connection whose hello arrives before its transfer command: downloads and uploads go through intact; a refused
 * RETR and a refused STOR in such a write each fail with the server's own reply (proftpd resets the connection as it
 * refuses, under the handshake), and the session goes on; a resumed download (EPSV with REST, RETR after the 350)
 * waits for the 150; a resumed upload (EPSV with APPE, the transfer command itself) does not; no data connection is
 * reset for speaking early.
 */
import assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { WharfError } from '../../main/core/errors';
import { serverLog, useFleet, writeServerFile, type ServerName } from '../servers/fleet';
import { downloadBytes, MAIN_SERVERS, openSession, testBytes } from '../ftps/support';
import { writesBetweenReplies } from '../hostile/support';

const fleet = await useFleet();
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
const SERVERS: readonly ServerName[] = [...MAIN_SERVERS, 'pyftpdlib-early-tls-reset'];
const RESET_LOGGED = /Reset a data connection: its TLS handshake started before the transfer command\./g;


async function refusal(attempt: Promise<unknown>): Promise<WharfError> {
  const failure = await attempt.then(() => null, (err: unknown) => err);
  assert.ok(failure instanceof WharfError, `refused: ${String(failure)}`);
  assert.equal(failure.kind, 'ftp', failure.message);
  assert.ok(failure.code !== undefined && failure.code >= 450 && failure.code < 600, `a refusal reply: ${failure.code} ${failure.message}`);
  return failure;
}

describe('transfer commands sent with EPSV, TLS at connect: intact, refusals are the transfer\'s error', () => {
  for (const name of SERVERS) {
    test(name, async () => {
      const server = fleet.servers[name];
      const folder = `/${unique('early')}`;
      const files = [1, 2, 3].map((seed) => ({ path: `${folder}/down-${seed}.bin`, bytes: testBytes(20_000 * seed, seed) }));
      for (const file of files) writeServerFile(server, file.path, file.bytes);
      chmodSync(writeServerFile(server, `${folder}/unreadable.bin`, 'secret'), 0o000);
      chmodSync(dirname(writeServerFile(server, `${folder}/read-only/present.txt`, 'x')), 0o555);
      const resetsBefore = server.name === 'pyftpdlib-early-tls-reset' ? (serverLog(server).match(RESET_LOGGED)?.length ?? 0) : 0;
      const { session, log } = await openSession(fleet, server);
      try {
        const [first, second, third] = files as [typeof files[0], typeof files[0], typeof files[0]];
        assert.deepEqual(await downloadBytes(session, first.path), first.bytes);
        assert.deepEqual(await downloadBytes(session, second.path), second.bytes);
        await refusal(downloadBytes(session, `${folder}/unreadable.bin`));
        assert.deepEqual(await downloadBytes(session, third.path), third.bytes);
        // A resumed download: EPSV goes with REST, and RETR only after the 350, so TLS must wait for the server's
        // 150 (the hello would reach pyftpdlib-early-tls-reset before its RETR, and be reset).
        assert.deepEqual(await downloadBytes(session, third.path, 12_345), third.bytes.subarray(12_345));
        assert.deepEqual(await downloadBytes(session, second.path, 1), second.bytes.subarray(1));
        const up = testBytes(30_000, 9);
        await session.upload(Readable.from([up]), `${folder}/up-1.bin`);
        await refusal(session.upload(Readable.from([Buffer.from('new')]), `${folder}/read-only/new.bin`));
        await session.upload(Readable.from([up]), `${folder}/up-2.bin`);
        // A resumed upload: APPE is the transfer command itself, sent with EPSV, so TLS starts at connect.
        await session.upload(Readable.from([up.subarray(0, 10_000)]), `${folder}/up-3.bin`);
        await session.upload(Readable.from([up.subarray(10_000)]), `${folder}/up-3.bin`, { append: true });
        assert.deepEqual(await downloadBytes(session, `${folder}/up-1.bin`), up);
        assert.deepEqual(await downloadBytes(session, `${folder}/up-2.bin`), up);
        assert.deepEqual(await downloadBytes(session, `${folder}/up-3.bin`), up);
      } finally {
        await session.close();
      }
      const writes = writesBetweenReplies(log).map((verbs) => verbs.join('+'));
      assert.ok(writes.filter((w) => w === 'EPSV+RETR').length >= 4, `RETR went with EPSV: ${writes.join(' | ')}`);
      assert.ok(writes.filter((w) => w === 'EPSV+STOR').length >= 3, `STOR went with EPSV: ${writes.join(' | ')}`);
      assert.ok(writes.includes('EPSV+APPE'), `APPE went with EPSV: ${writes.join(' | ')}`);
      const logins = log.filter((line) => line.direction === 'command' && line.text.startsWith('USER ')).length;
      assert.equal(logins, 1, 'one login: no refusal cost the session');
      if (server.name === 'pyftpdlib-early-tls-reset') assert.equal(serverLog(server).match(RESET_LOGGED)?.length ?? 0, resetsBefore, 'no data connection reset');
    });
  }
});
