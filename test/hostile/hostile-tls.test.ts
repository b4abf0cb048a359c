/**
 * A site that requires TLS, against a server that will not (or cannot) give it, and certificates that
 * must not be trusted. The hostile server records every command and whether it arrived encrypted: Wharf
 * must stop with a clear error before USER or PASS, and ask about a certificate while the server has
 * received nothing but AUTH TLS (explicit) or nothing at all (implicit).
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { ErrorKind } from '../../common/models';
import { FtpsSession, type CertificateQuestion, type TrustDecision } from '../../main/ftps/session';
import { isWharfError } from '../../main/core/errors';
import { MemoryTrustStore } from '../ftps/support';
import { useFleet } from '../servers/fleet';
import { startHostileServer, unixLine, type HostileScript, type HostileServer } from './hostile-server';
import { fleetCertificate, selfSignedCertificate, type TestCertificate } from './support';

const fleet = await useFleet();
const PASSWORD = 'Tls-Hostile-pw-42';
const servers: HostileServer[] = [];
after(async () => {
  for (const server of servers) await server.close();
});

async function serve(script: HostileScript): Promise<HostileServer> {
  const server = await startHostileServer({ listing: () => unixLine('a.txt'), ...script });
  servers.push(server);
  return server;
}

function open(server: HostileServer, mode: 'explicit' | 'implicit', options: { decideTrust?: (q: CertificateQuestion) => Promise<TrustDecision>; trustStore?: MemoryTrustStore } = {}) {
  return FtpsSession.open({
    target: { host: '127.0.0.1', port: server.port, mode, user: 'victim', dataMode: 'passive', minTlsVersion: 'TLSv1.2', timezoneOffsetMinutes: 0, encoding: 'utf8' },
    password: PASSWORD,
    extraCaPem: [fleet.caCertPem],
    keepAliveIntervalMs: 0,
    timeoutMs: 1500,
    ...options,
  });
}

/** The password reached the server neither as a command nor in any byte before TLS. */
function assertNothingSent(server: HostileServer): void {
  assert.ok(!server.received.some((r) => /^(USER|PASS)\b/i.test(r.line)), `sent: ${server.received.map((r) => r.line).join(' | ')}`);
  assert.equal(server.clearBytes().includes(Buffer.from(PASSWORD)), false);
}

describe('AUTH TLS on a site that requires TLS', () => {
  const server = fleetCertificate(fleet, 'server');
  const cases: readonly [HostileScript['auth'], ErrorKind, RegExp][] = [
    ['refuse', 'tls-required', /refused AUTH TLS \(534\).*Nothing was sent/],
    ['garbage', 'tls-handshake', /TLS handshake failed/],
    ['close', 'connection-lost', /closed the connection during the TLS handshake/],
    ['silence', 'timeout', /did not complete the TLS handshake in time/],
  ];
  for (const [auth, kind, message] of cases) {
    test(`AUTH TLS ${auth === 'refuse' ? 'refused' : `answered, then the handshake meets ${auth}`}: ${kind}, and neither USER nor PASS is sent`, async () => {
      const hostile = await serve({ mode: 'explicit', key: server.key, cert: server.cert, auth });
      await assert.rejects(open(hostile, 'explicit'), (err: unknown) => isWharfError(err, kind) && message.test(err.message) && !err.message.includes(PASSWORD));
      assertNothingSent(hostile);
      assert.deepEqual(hostile.received.map((r) => r.line).filter((l) => l !== 'QUIT'), ['AUTH TLS']);
    });
  }
});

describe('certificates that must not be trusted: the question comes before anything is sent', () => {
  const kinds: readonly [string, () => TestCertificate, RegExp][] = [
    ['expired', () => fleetCertificate(fleet, 'expired'), /expired/],
    ['self-signed', () => selfSignedCertificate(), /self-signed/],
    ['for another host', () => fleetCertificate(fleet, 'wronghost'), /wrong\.example.*not for 127\.0\.0\.1/],
  ];
  for (const mode of ['explicit', 'implicit'] as const) {
    for (const [what, make, reason] of kinds) {
      test(`${mode}, ${what}: asked with nothing sent; rejected, nothing is ever sent; accepted once, the login is encrypted`, async () => {
        const cert = make();
        const expectedBefore = mode === 'explicit' ? ['AUTH TLS'] : [];
        for (const decision of ['reject', 'once'] as const) {
          const hostile = await serve({ mode, key: cert.key, cert: cert.cert });
          const seenWhenAsked: string[][] = [];
          const attempt = open(hostile, mode, {
            decideTrust: async (question) => {
              seenWhenAsked.push(hostile.received.map((r) => r.line));
              assert.match(question.reason, reason);
              assert.equal(question.certificate.fingerprintSha256, cert.fingerprint);
              return decision;
            },
          });
          if (decision === 'reject') {
            await assert.rejects(attempt, (err: unknown) => isWharfError(err, 'tls-untrusted') && /before the user name and password were sent/.test(err.message));
            assertNothingSent(hostile);
          } else {
            const session = await attempt;
            await session.close();
            const login = hostile.received.filter((r) => /^(USER|PASS)\b/.test(r.line));
            assert.equal(login.length, 2);
            assert.ok(login.every((r) => r.secure), 'USER and PASS travelled inside TLS');
            assert.equal(hostile.clearBytes().includes(Buffer.from(PASSWORD)), false);
          }
          assert.deepEqual(seenWhenAsked, [expectedBefore], 'asked once, when the server had received nothing else');
        }
      });
    }

    test(`${mode}, a changed certificate (another one than the pinned): a hard stop, no question, nothing sent`, async () => {
      const pinned = fleetCertificate(fleet, 'server');
      const presented = selfSignedCertificate();
      const hostile = await serve({ mode, key: presented.key, cert: presented.cert });
      const trustStore = new MemoryTrustStore();
      await trustStore.pin({ host: '127.0.0.1', port: hostile.port, fingerprintSha256: pinned.fingerprint, subject: 'CN=127.0.0.1' });
      let asked = 0;
      await assert.rejects(
        open(hostile, mode, { trustStore, decideTrust: async () => (asked++, 'once') }),
        (err: unknown) => isWharfError(err, 'tls-changed') && err.message.includes(pinned.fingerprint) && err.message.includes(presented.fingerprint),
      );
      assert.equal(asked, 0, 'a changed pin is not a question');
      assertNothingSent(hostile);
    });
  }
});
