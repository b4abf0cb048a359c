/**
 * A PASV reply is an instruction from the server about where to connect. Pointing it at another public
 * host is how FTP bounce attacks work: Wharf must refuse without connecting there. Pointing it at a
 * private address is what a server behind NAT does: Wharf must connect to the control host instead.
 * Every outgoing connection of this process to a non-loopback address is refused and recorded by a
 * guard, so "never connected" is observed, not assumed (and no packet ever leaves this machine).
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { LogLine } from '../../common/models';
import { FtpsSession } from '../../main/ftps/session';
import { isWharfError } from '../../main/core/errors';
import { useFleet } from '../servers/fleet';
import { startHostileServer, unixLine, type HostileServer } from './hostile-server';
import { fleetCertificate, guardOutgoingConnections } from './support';

const fleet = await useFleet();
const cert = fleetCertificate(fleet, 'server');
let guard: ReturnType<typeof guardOutgoingConnections>;
beforeEach(() => {
  guard = guardOutgoingConnections();
});
afterEach(() => guard.restore());

async function open(server: HostileServer, useEpsv: boolean, log: LogLine[]): Promise<FtpsSession> {
  return FtpsSession.open({
    target: { host: '127.0.0.1', port: server.port, mode: 'explicit', user: 'u', dataMode: 'passive', minTlsVersion: 'TLSv1.2', timezoneOffsetMinutes: 0, encoding: 'utf8' },
    password: 'pw',
    pinnedFingerprint: cert.fingerprint,
    keepAliveIntervalMs: 0,
    timeoutMs: 5000,
    useEpsv,
    onLog: (line) => log.push(line),
  });
}

describe('PASV replies that point elsewhere', () => {
  test('the guard itself refuses and records a connection to another host, before any packet leaves', async () => {
    const socket = net.connect({ host: '203.0.113.9', port: 21 });
    const error = await new Promise<Error>((resolve) => socket.once('error', resolve));
    assert.match(error.message, /test guard: refused a connection to 203\.0\.113\.9/);
    assert.deepEqual(guard.attempts, ['203.0.113.9']);
    guard.attempts.length = 0;
  });

  for (const [how, refuseEpsv, useEpsv] of [['EPSV refused by the server', true, true], ['EPSV off for the site', false, false]] as const) {
    test(`another public host (203.0.113.9), ${how}: refused as a bounce attack, never connected`, async () => {
      const server = await startHostileServer({ mode: 'explicit', key: cert.key, cert: cert.cert, pasvAddress: '203.0.113.9', refuseEpsv, listing: () => unixLine('a.txt') });
      const log: LogLine[] = [];
      const session = await open(server, useEpsv, log);
      try {
        await assert.rejects(session.list('/d'), (err: unknown) => isWharfError(err, 'data-channel') && /203\.0\.113\.9/.test(err.message) && /bounce/.test(err.message));
        assert.deepEqual(guard.attempts, [], 'no connection to another host was even attempted');
        assert.equal(server.stats.dataConnections, 0);
        assert.ok(!log.some((l) => l.direction === 'command' && /^(EPRT|PORT)\b/.test(l.text)), 'no fallback to active mode either');
      } finally {
        await session.close();
        await server.close();
      }
    });

    test(`a private address (10.1.2.3, NAT), ${how}: connects to the control host instead, never to the private one`, async () => {
      const server = await startHostileServer({ mode: 'explicit', key: cert.key, cert: cert.cert, pasvAddress: '10.1.2.3', refuseEpsv, listing: () => unixLine('a.txt', { size: 3 }) });
      const log: LogLine[] = [];
      const session = await open(server, useEpsv, log);
      try {
        assert.deepEqual((await session.list('/d')).map((e) => e.name), ['a.txt']);
        assert.deepEqual(guard.attempts, []);
        assert.equal(server.stats.dataConnections, 1);
        assert.ok(log.some((l) => l.direction === 'warning' && /10\.1\.2\.3.*NAT/.test(l.text)), 'the substitution is logged');
      } finally {
        await session.close();
        await server.close();
      }
    });
  }
});
