/**
 * A server that resets its data connections (a firewall, or a server that refuses data connections it does
 * not like): the doctor must not say "works", and `wharf ls` must say it was the data connection. Both over
 * TLS, with the fleet's certificate on a scripted server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Writable } from 'node:stream';
import { WharfError } from '../../main/core/errors';
import { runDoctor } from '../../main/doctor/doctor';
import { targetFor } from '../ftps/support';
import { useFleet } from '../servers/fleet';
import { startHostileServer, unixLine } from './hostile-server';
import { ensureCliBuilt, fleetCertificate, hostileSessionFactory, runWharf } from './support';

const fleet = await useFleet();
ensureCliBuilt();
const work = mkdtempSync(join(tmpdir(), 'wharf-data-resets-'));
after(() => rmSync(work, { recursive: true, force: true }));
const caFile = join(work, 'ca.pem');
writeFileSync(caFile, fleet.caCertPem);

test('data connections reset by the server: the doctor reports the listing failed, wharf ls names the data connection', async () => {
  const { key, cert } = fleetCertificate(fleet, 'server');
  const server = await startHostileServer({ mode: 'explicit', key, cert, listing: () => unixLine('a.txt'), resetDataConnections: true });
  try {
    const report = await runDoctor({
      target: targetFor({ host: '127.0.0.1', port: server.port, mode: 'explicit', user: 'reset' }),
      password: 'irrelevant', extraCaPem: [fleet.caCertPem], timeoutMs: 5_000, dataTimeoutMs: 5_000,
    });
    assert.notEqual(report.verdict, 'works');
    const listing = report.steps.find((s) => s.id === 'listing');
    assert.equal(listing?.status, 'failed', JSON.stringify(listing));

    const ls = await runWharf(['ls', '--ca', caFile, '--timeout', '5', `ftpes://reset@127.0.0.1:${server.port}/`], { WHARF_PASSWORD: 'irrelevant' });
    assert.notEqual(ls.code, 0);
    assert.match(ls.stderr, /data connection/, ls.stderr);
  } finally {
    await server.close();
  }
});

test('a data connection reset before the server refuses RETR: the refusal is the error, and the session goes on', async () => {
  // The server resets the data connection, then refuses: the reset often arrives first, as proftpd's does.
  const certificate = fleetCertificate(fleet, 'server');
  const server = await startHostileServer({ mode: 'explicit', key: certificate.key, cert: certificate.cert, file: () => null, resetDataOnRefusal: true });
  try {
    const session = await hostileSessionFactory(server.port, certificate)();
    try {
      const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
      const failure = await session.download('/secret.txt', sink).then(() => null, (err: unknown) => err);
      assert.ok(failure instanceof WharfError, String(failure));
      assert.equal(failure.kind, 'ftp', failure.message);
      assert.equal(failure.code, 550);
      assert.match(failure.message, /No such file/);
      assert.equal(await session.pwd(), '/');
    } finally {
      await session.close();
    }
    assert.equal(server.received.filter((c) => c.line.startsWith('RETR ')).length, 1);
    assert.ok(server.stats.dataConnections >= 1, 'the data connection was opened, and reset');
  } finally {
    await server.close();
  }
});
