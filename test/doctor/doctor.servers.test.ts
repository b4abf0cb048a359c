/**
 * The connection doctor against real servers, one per failure class: each server is configured (or
 * spoken to) so that exactly that problem happens, and the doctor must name it. Timings are reported by
 * the doctor and never asserted on. This file: reaching the server, greeting, login and certificates; the data
 * connections are in doctor-data.servers.test.ts, the TLS versions in doctor-tls.servers.test.ts.
 */
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { after, describe, test } from 'node:test';
import type { DoctorStep } from '../../common/models/doctor';
import { FtpsSession } from '../../main/ftps/session';
import { startVsftpd } from '../servers/doctor-servers';
import { type ServerName } from '../servers/fleet';
import { MemoryTrustStore, targetFor } from '../ftps/support';
import { assertNoPassword, doctor, errors, fleet, problems, sent, step } from './support';

describe('a healthy server', () => {
  for (const name of ['vsftpd-explicit', 'vsftpd-implicit', 'proftpd-explicit'] as const satisfies readonly ServerName[]) {
    test(`${name}: every step runs and passes; reuse is required and Wharf's resumption works`, async () => {
      const server = fleet.servers[name];
      const events: DoctorStep[] = [];
      const report = await doctor(server, { onStep: (s) => events.push(s) });
      assert.equal(report.verdict, 'ok', JSON.stringify(report.diagnoses));
      for (const id of ['resolve', 'connect', 'greeting', 'tls', 'certificate', 'login', 'protection', 'epsv', 'pasv', 'listing', 'session-reuse', 'tls13', 'tls12'] as const) {
        assert.equal(step(report, id).status, 'ok', `${id}: ${step(report, id).summary}`);
        assert.equal(typeof step(report, id).durationMs, 'number');
      }
      assert.equal(step(report, 'active').status, 'skipped');
      assert.equal(report.facts.certificateTrust, 'ca-valid');
      assert.equal(report.facts.certificate?.fingerprintSha256, server.certFingerprintSha256);
      assert.equal(report.facts.workingDataMethod, 'epsv');
      assert.equal(report.facts.dataSessionReused, true);
      assert.equal(report.facts.sessionReuseRequired, true);
      assert.deepEqual(problems(report), ['session-reuse-required']);
      // The server's own answer to a data connection that did not resume the session:
      const refusal = name.startsWith('proftpd') ? /425 Unable to build data connection: Operation not permitted/ : /522 SSL connection failed.*session reuse required/;
      assert.match(step(report, 'session-reuse').summary, refusal);
      assert.match(report.diagnoses[0]?.explanation ?? '', refusal);
      assert.deepEqual(report.facts.tlsVersions.map((v) => [v.version, v.supported, v.listingWorked, v.dataSessionReused]), [
        ['TLSv1.3', true, true, true],
        ['TLSv1.2', true, true, true],
      ]);
      // Progress: each step announced as running, then finished, in order.
      const ran = report.steps.filter((s) => s.durationMs !== null).map((s) => s.id);
      assert.deepEqual(events.filter((e) => e.status === 'running').map((e) => e.id).sort(), [...ran].sort());
      assert.ok(sent(report).includes('PASS ********'));
      assertNoPassword(report, server.password);
    });
  }

  test('pure-ftpd: reuse is not required; TLS 1.3 data connections are not resumed while TLS 1.2 ones are', async () => {
    const server = fleet.servers['pureftpd-explicit'];
    const report = await doctor(server);
    assert.equal(report.verdict, 'ok');
    assert.equal(report.facts.sessionReuseRequired, false);
    assert.match(step(report, 'session-reuse').summary, /not required/);
    const [v13, v12] = report.facts.tlsVersions;
    assert.equal(v13?.listingWorked, true);
    assert.equal(v13?.dataSessionReused, false);
    assert.equal(v12?.dataSessionReused, true);
    const tickets = report.diagnoses.find((d) => d.problem === 'tls13-tickets');
    assert.equal(tickets?.severity, 'info');
    assert.match(tickets?.explanation ?? '', /does not require reuse/);
  });

  test('a host name is resolved first (localhost)', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const report = await doctor({ ...server, host: 'localhost' });
    assert.equal(step(report, 'resolve').status, 'ok');
    assert.ok(report.facts.addresses.includes('127.0.0.1'));
    assert.equal(step(report, 'connect').status, 'ok');
    assert.equal(report.facts.certificateTrust, 'ca-valid', 'the certificate names localhost too');
  });
});

describe('implicit and explicit FTPS mixed up', () => {
  test('implicit FTPS spoken to an explicit port: the server greets in plain text', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const report = await doctor(server, { overrides: { mode: 'implicit' } });
    assert.equal(report.verdict, 'failed');
    assert.deepEqual(errors(report), ['explicit-server-implicit-settings']);
    assert.equal(step(report, 'tls').status, 'failed');
    assert.match(step(report, 'greeting').summary, /greets in plain text: 220/);
    assert.match(report.diagnoses[0]?.fixes[0] ?? '', /FTPS explicit/);
    assert.equal(step(report, 'login').status, 'skipped');
    assert.ok(!sent(report).some((c) => c.startsWith('USER')), 'nothing but the probes was sent');
  });

  test('explicit FTPS spoken to an implicit port: the server stays silent until a TLS handshake', async () => {
    const server = fleet.servers['vsftpd-implicit'];
    const report = await doctor(server, { overrides: { mode: 'explicit' }, greetingTimeoutMs: 1000 });
    assert.deepEqual(errors(report), ['implicit-server-explicit-settings']);
    assert.match(step(report, 'greeting').summary, /implicit FTPS/);
    assert.ok(step(report, 'greeting').details.some((d) => /220/.test(d)), 'the greeting that came inside TLS is shown');
    assert.match(report.diagnoses[0]?.fixes[0] ?? '', /FTPS implicit/);
    assert.equal(step(report, 'tls').status, 'skipped');
    assert.ok(!sent(report).some((c) => c.startsWith('USER')));
  });

  test('plain FTP to a server that requires FTPS: login refused for lack of TLS', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const report = await doctor(server, { overrides: { mode: 'plain' }, allowPlain: true });
    assert.ok(errors(report).includes('tls-required'));
    assert.ok(problems(report).includes('plain-ftp'));
  });

  test('plain FTP that works is reported, with a warning', async () => {
    const server = fleet.servers['vsftpd-plain'];
    const report = await doctor(server);
    assert.equal(report.verdict, 'warnings');
    assert.deepEqual(problems(report), ['plain-ftp']);
    assert.equal(step(report, 'listing').status, 'ok');
    assert.equal(step(report, 'tls').status, 'skipped');
  });
});

describe('limits, login and certificates', () => {
  test('too many connections: a vsftpd with max_per_ip=1 turns the doctor away while another session is open', async () => {
    const server = await startVsftpd(fleet, { name: 'max-per-ip', lines: ['max_per_ip=1'] });
    const holder = await FtpsSession.open({ target: targetFor(server), password: server.password, extraCaPem: [fleet.caCertPem], keepAliveIntervalMs: 0 });
    try {
      const report = await doctor(server);
      assert.deepEqual(errors(report), ['too-many-connections']);
      assert.match(step(report, 'greeting').summary, /421 There are too many connections from your internet address/);
      assert.ok(report.diagnoses[0]?.fixes.some((f) => /Max connections/.test(f)));
    } finally {
      await holder.close();
      await server.stop();
    }
  });

  test('login refused: a wrong password', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const report = await doctor({ ...server, password: 'not-the-password' });
    assert.deepEqual(errors(report), ['login-refused']);
    assert.match(step(report, 'login').summary, /530 Login incorrect/);
    assert.equal(step(report, 'epsv').status, 'skipped');
    assertNoPassword(report, 'not-the-password');
  });

  const certificateCases = [
    { name: 'vsftpd-wronghost', ca: true, reason: /is for DNS:wrong\.example, not for 127\.0\.0\.1/, fix: /host name the certificate names/ },
    { name: 'vsftpd-expired', ca: true, reason: /expired on 2020-02-01/, fix: /renew/ },
    { name: 'vsftpd-explicit', ca: false, reason: /authority this computer does not trust/, fix: /fingerprint/ },
  ] as const;
  for (const c of certificateCases) {
    test(`certificate problem on ${c.name}${c.ca ? '' : ' without its CA'}: explained, and nothing sent after the handshake`, async () => {
      const server = fleet.servers[c.name];
      const report = await doctor(server, c.ca ? {} : { extraCaPem: [] });
      assert.deepEqual(errors(report), ['certificate-untrusted']);
      const cert = step(report, 'certificate');
      assert.equal(cert.status, 'failed');
      assert.match(cert.summary, c.reason);
      assert.ok(cert.details.some((d) => d.startsWith('SHA-256: ') && d.includes(server.certFingerprintSha256 ?? '?')));
      assert.match(report.diagnoses[0]?.explanation ?? '', /stopped before sending your user name and password/);
      assert.ok(report.diagnoses[0]?.fixes.some((f) => c.fix.test(f)));
      assert.equal(report.facts.certificateTrust, 'untrusted');
      assert.deepEqual(sent(report), ['AUTH TLS'], 'only AUTH TLS was sent: no user name, no password');
    });
  }

  test('an untrusted certificate accepted once: the run goes on, with a warning', async () => {
    const server = fleet.servers['vsftpd-wronghost'];
    const questions: string[] = [];
    const report = await doctor(server, { decideTrust: async (q) => { questions.push(q.reason); return 'once'; } });
    assert.equal(questions.length, 1);
    assert.equal(step(report, 'certificate').status, 'warning');
    assert.equal(step(report, 'listing').status, 'ok');
    assert.equal(report.facts.certificateTrust, 'accepted-once');
    assert.equal(report.diagnoses.find((d) => d.problem === 'certificate-untrusted')?.severity, 'warning');
  });

  test('a pinned certificate that differs is a hard stop', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const pins = new MemoryTrustStore();
    await pins.pin({ host: server.host, port: server.port, fingerprintSha256: 'AA:'.repeat(31) + 'AA', subject: 'CN=old' });
    const report = await doctor(server, { trustStore: pins });
    assert.deepEqual(errors(report), ['certificate-changed']);
    assert.deepEqual(sent(report), ['AUTH TLS']);
  });
});

describe('name resolution', () => {
  test('a host name that does not exist: the lookup fails, nothing is connected, and the fixes say what to check', async () => {
    // The reserved .invalid top-level domain (RFC 6761) never resolves, so this machine's real resolver
    // answers at once that the name does not exist.
    const report = await doctor({ host: 'ftp.wharf-doctor.invalid', port: 21, mode: 'explicit', user: 'u', password: 'p' });
    assert.equal(report.verdict, 'failed');
    assert.deepEqual(errors(report), ['dns-failed']);
    assert.equal(step(report, 'resolve').status, 'failed');
    assert.match(step(report, 'resolve').summary, /^No address for ftp\.wharf-doctor\.invalid \(ENOTFOUND\)\.$/);
    assert.deepEqual(report.facts.addresses, []);
    assert.equal(step(report, 'connect').status, 'skipped');
    assert.equal(report.transcript.length, 0, 'nothing was sent anywhere');
    const [dns] = report.diagnoses;
    assert.equal(dns?.title, 'The host name cannot be resolved');
    assert.match(dns?.explanation ?? '', /No address was found for "ftp\.wharf-doctor\.invalid": the name does not exist \(ENOTFOUND\)/);
    assert.ok(dns?.fixes.some((f) => /spelling of the host name/.test(f)));
    assert.ok(dns?.fixes.some((f) => /DNS settings/.test(f)));
    assert.ok(dns?.fixes.some((f) => /IP address instead/.test(f)));
  });
});

describe('wrong ports', () => {
  const servers: Server[] = [];
  after(() => servers.forEach((s) => s.close()));

  async function listen(onConnection: (socket: import('node:net').Socket) => void): Promise<number> {
    const server = createServer(onConnection);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  test('nothing listens: connection refused', async () => {
    const port = await listen(() => undefined);
    const closed = servers.pop() as Server;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const report = await doctor({ host: '127.0.0.1', port, mode: 'explicit', user: 'u', password: 'p' });
    assert.deepEqual(errors(report), ['connect-refused']);
    assert.equal(step(report, 'connect').status, 'failed');
  });

  test('an SSH server on the port: SFTP is not FTPS', async () => {
    const port = await listen((socket) => socket.end('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n'));
    const report = await doctor({ host: '127.0.0.1', port, mode: 'explicit', user: 'u', password: 'p' });
    assert.deepEqual(errors(report), ['not-ftp']);
    assert.match(report.diagnoses[0]?.explanation ?? '', /SFTP runs over SSH/);
  });

  test('a server that closes at once', async () => {
    const port = await listen((socket) => socket.destroy());
    const report = await doctor({ host: '127.0.0.1', port, mode: 'explicit', user: 'u', password: 'p' });
    assert.deepEqual(errors(report), ['server-closed']);
  });
});

test('aborting stops the run at the step that was running and closes its connections', async () => {
  const server = fleet.servers['vsftpd-implicit'];
  const controller = new AbortController();
  const report = await doctor(server, {
    overrides: { mode: 'explicit' },
    greetingTimeoutMs: 60_000,
    signal: controller.signal,
    onStep: (s) => {
      if (s.id === 'greeting' && s.status === 'running') controller.abort();
    },
  });
  assert.equal(step(report, 'greeting').status, 'failed');
  assert.equal(step(report, 'greeting').summary, 'Cancelled.');
  assert.equal(step(report, 'tls').status, 'skipped');
});
