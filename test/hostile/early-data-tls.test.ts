/**
 * Once EPSV has worked in a session, EPSV and the transfer command go out in one write (one TLS record): the server
 * reads the command with the EPSV, before it names the port. The data connection's TLS hello then goes at TCP
 * connect, not after the server's 150, which on a real link comes one round trip after the connection is made.
 * A server that answers such a transfer's 150 only once the hello has arrived shows which: the client that waits
 * for the 150 first waits until its timeout. A refusal of such a transfer, the data connection reset under the
 * hello, is still the transfer's error (test/transfers/early-data-tls.servers.test.ts: the fleet). A resumed upload
 * (APPE) is its own transfer command, so it starts TLS at connect too; a resumed download (REST, RETR only after the
 * 350) waits for the 150. Wharf resumes an upload with APPE only, never REST and STOR.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import type { LogLine } from '../../common/models/log';
import { WharfError } from '../../main/core/errors';
import { downloadBytes } from '../ftps/support';
import { useFleet } from '../servers/fleet';
import { startHostileServer } from './hostile-server';
import { fleetCertificate, hostileSessionFactory, writesBetweenReplies } from './support';

const fleet = await useFleet();
const certificate = fleetCertificate(fleet, 'server');
const FILES: Record<string, Buffer> = {
  '/a.txt': Buffer.from('first file\n'),
  '/b.txt': Buffer.from('second file, its command sent with EPSV\n'),
  '/c.txt': Buffer.alloc(200_000, 0x63),
};


test('a transfer command sent with its EPSV: the data connection starts TLS without waiting for the 150', async () => {
  const server = await startHostileServer({
    mode: 'explicit', key: certificate.key, cert: certificate.cert, features: ['EPSV', 'PBSZ', 'PROT'],
    file: (path) => FILES[path] ?? null, preliminaryAfterHello: true,
  });
  const log: LogLine[] = [];
  try {
    const session = await hostileSessionFactory(server.port, certificate, (line) => log.push(line))();
    try {
      // The first transfer asks EPSV alone; from the second on, EPSV and the command go together.
      assert.deepEqual(await downloadBytes(session, '/a.txt'), FILES['/a.txt']);
      assert.deepEqual(await downloadBytes(session, '/b.txt'), FILES['/b.txt']);
      assert.deepEqual(await downloadBytes(session, '/c.txt'), FILES['/c.txt']);
      await session.upload(Readable.from([Buffer.from('an upload, its STOR sent with EPSV\n')]), '/d.txt');
      assert.equal(await session.pwd(), '/');
    } finally {
      await session.close();
    }
    const writes = writesBetweenReplies(log).map((verbs) => verbs.join('+'));
    assert.ok(writes.includes('EPSV+RETR'), `EPSV and RETR in one write: ${writes.join(' | ')}`);
    assert.ok(writes.includes('EPSV+STOR'), `EPSV and STOR in one write: ${writes.join(' | ')}`);
    assert.equal(server.received.filter((c) => /^(RETR|STOR) /.test(c.line)).length, 4);
  } finally {
    await server.close();
  }
});

test('a refused RETR sent with its EPSV, the data connection reset under the TLS hello: the refusal is the error, and the session goes on', async () => {
  const server = await startHostileServer({
    mode: 'explicit', key: certificate.key, cert: certificate.cert, features: ['EPSV', 'PBSZ', 'PROT'],
    file: (path) => FILES[path] ?? null, resetDataOnRefusal: true, preliminaryAfterHello: true,
  });
  const log: LogLine[] = [];
  try {
    const session = await hostileSessionFactory(server.port, certificate, (line) => log.push(line))();
    try {
      assert.deepEqual(await downloadBytes(session, '/a.txt'), FILES['/a.txt']);
      const failure = await downloadBytes(session, '/missing.txt').then(() => null, (err: unknown) => err);
      assert.ok(failure instanceof WharfError, String(failure));
      assert.equal(failure.kind, 'ftp', failure.message);
      assert.equal(failure.code, 550);
      assert.match(failure.message, /No such file/);
      assert.deepEqual(await downloadBytes(session, '/b.txt'), FILES['/b.txt']);
    } finally {
      await session.close();
    }
    const writes = writesBetweenReplies(log).map((verbs) => verbs.join('+'));
    assert.ok(writes.filter((w) => w === 'EPSV+RETR').length >= 2, `the refused RETR and the next went with EPSV: ${writes.join(' | ')}`);
    assert.equal(server.stats.controlConnections, 1, 'one control connection: the refusal did not cost the session');
  } finally {
    await server.close();
  }
});

test('a resumed download: EPSV goes with REST, RETR only after the 350, so TLS waits for the 150 (a hello sent at connect reached the server before RETR, and was reset)', async () => {
  const server = await startHostileServer({
    mode: 'explicit', key: certificate.key, cert: certificate.cert, features: ['EPSV', 'PBSZ', 'PROT', 'REST STREAM'],
    file: (path) => FILES[path] ?? null, resetsEarlyHello: true,
  });
  const log: LogLine[] = [];
  try {
    const session = await hostileSessionFactory(server.port, certificate, (line) => log.push(line))();
    try {
      const whole = FILES['/a.txt'] as Buffer;
      assert.deepEqual(await downloadBytes(session, '/a.txt'), whole);
      assert.deepEqual(await downloadBytes(session, '/a.txt', 3), whole.subarray(3));
      assert.deepEqual(await downloadBytes(session, '/b.txt'), FILES['/b.txt']);
    } finally {
      await session.close();
    }
    const writes = writesBetweenReplies(log).map((verbs) => verbs.join('+'));
    assert.ok(writes.includes('EPSV+REST'), `EPSV and REST in one write: ${writes.join(' | ')}`);
    assert.equal(server.stats.controlConnections, 1, 'one control connection: no data connection was reset');
  } finally {
    await server.close();
  }
});

test('a resumed upload: APPE sent with its EPSV is the transfer command, so TLS starts at connect, and the server had APPE before the hello', async () => {
  const appended = Buffer.from('the rest of an upload, its APPE sent with EPSV\n');
  for (const how of ['preliminaryAfterHello', 'resetsEarlyHello'] as const) {
    const server = await startHostileServer({
      mode: 'explicit', key: certificate.key, cert: certificate.cert, features: ['EPSV', 'PBSZ', 'PROT', 'REST STREAM'],
      file: (path) => FILES[path] ?? null, ...(how === 'preliminaryAfterHello' ? { preliminaryAfterHello: true } : { resetsEarlyHello: true }),
    });
    const log: LogLine[] = [];
    try {
      const session = await hostileSessionFactory(server.port, certificate, (line) => log.push(line))();
      try {
        assert.deepEqual(await downloadBytes(session, '/a.txt'), FILES['/a.txt']);
        // preliminaryAfterHello: answers APPE's 150 only once the hello came; resetsEarlyHello: resets a hello before APPE.
        await session.upload(Readable.from([appended]), '/d.txt', { append: true });
        await session.upload(Readable.from([appended]), '/d.txt', { append: true });
        assert.equal(await session.pwd(), '/');
      } finally {
        await session.close();
      }
      const writes = writesBetweenReplies(log).map((verbs) => verbs.join('+'));
      assert.equal(writes.filter((w) => w === 'EPSV+APPE').length, 2, `${how}: EPSV and APPE in one write: ${writes.join(' | ')}`);
      assert.equal(server.received.filter((c) => c.line === 'APPE /d.txt').length, 2, how);
      assert.equal(server.stats.controlConnections, 1, `${how}: one control connection, no data connection reset`);
    } finally {
      await server.close();
    }
  }
});
