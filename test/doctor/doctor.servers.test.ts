/**
 * The connection doctor against real servers, one per failure class: each server is configured (or
 * spoken to) so that exactly that problem happens, and the doctor must name it. Timings are reported by
 * the doctor and never asserted on.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { after, describe, test } from 'node:test';
import type { DoctorProblem, DoctorReport, DoctorStep, DoctorStepId } from '../../common/models/doctor';
import type { ConnectionTarget } from '../../common/models/site';
import { FtpsSession } from '../../main/ftps/session';
import { runDoctor, type DoctorOptions } from '../../main/doctor/doctor';
import { startPortForward, startProftpd, startVsftpd } from '../servers/doctor-servers';
import { createNetworkNamespace } from '../servers/network-namespace';
import { useFleet, type ServerInfo, type ServerName } from '../servers/fleet';
import { MemoryTrustStore, targetFor } from '../ftps/support';

const fleet = await useFleet();

/** The connection fields of a fleet server or an extra one. */
type Reachable = { readonly host: string; readonly port: number; readonly mode: ServerInfo['mode']; readonly user: string; readonly password: string };

/** Runs the doctor with the fleet's CA trusted and short limits for the steps meant to fail. */
function doctor(server: Reachable, options: Partial<DoctorOptions> & { overrides?: Partial<ConnectionTarget> } = {}): Promise<DoctorReport> {
  const { overrides, ...rest } = options;
  return runDoctor({
    target: targetFor(server, overrides),
    password: server.password,
    allowPlain: server.mode === 'plain',
    extraCaPem: [fleet.caCertPem],
    timeoutMs: 10_000,
    dataTimeoutMs: 5_000,
    ...rest,
  });
}

function step(report: DoctorReport, id: DoctorStepId): DoctorStep {
  const found = report.steps.find((s) => s.id === id);
  assert.ok(found, `step ${id} is in the report`);
  return found;
}

function problems(report: DoctorReport): DoctorProblem[] {
  return report.diagnoses.map((d) => d.problem);
}

function errors(report: DoctorReport): DoctorProblem[] {
  return report.diagnoses.filter((d) => d.severity === 'error').map((d) => d.problem);
}

/** What the transcript shows we sent: lines starting with `> ` (any connection). */
function sent(report: DoctorReport): string[] {
  return report.transcript.filter((l) => /(^|\] )> /.test(l)).map((l) => l.replace(/^\[[^\]]+\] /, '').slice(2));
}

function assertNoPassword(report: DoctorReport, password: string): void {
  assert.ok(!JSON.stringify(report).includes(password), 'the password appears nowhere in the report');
}

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

describe('data connections', () => {
  test('passive ports blocked: only the control port is forwarded, data connections are refused', async () => {
    // vsftpd listens on 127.0.0.2 and names 127.0.0.1 in PASV; only its control port is forwarded to 127.0.0.1,
    // as by a router that forwards port 21 alone: every passive port on 127.0.0.1 is closed.
    const server = await startVsftpd(fleet, { name: 'passive-blocked', listenAddress: '127.0.0.2', lines: ['pasv_address=127.0.0.1', 'pasv_addr_resolve=NO'] });
    const forward = await startPortForward({ host: server.host, port: server.port });
    const report = await doctor({ ...server, host: forward.host, port: forward.port }, { dataTimeoutMs: 3000 });
    assert.equal(step(report, 'login').status, 'ok', 'the control connection works');
    assert.equal(step(report, 'epsv').status, 'failed');
    assert.equal(step(report, 'pasv').status, 'failed');
    assert.match(step(report, 'epsv').summary, /refused/);
    assert.equal(step(report, 'listing').status, 'failed');
    const blocked = report.diagnoses.find((d) => d.problem === 'passive-blocked');
    assert.ok(blocked, JSON.stringify(problems(report)));
    assert.equal(blocked.severity, 'error');
    assert.match(blocked.explanation, /refused/);
    assert.ok(report.facts.passivePortsSeen.every((p) => p >= server.passivePorts[0] && p <= server.passivePorts[1]), 'the ports named are the server\'s range');
    assert.ok(blocked.fixes.some((f) => /pasv_min_port/.test(f)));
    assert.ok(blocked.fixes.some((f) => /pasv_address/.test(f)));
    assert.ok(blocked.fixes.some((f) => /active/.test(f)));
    // Active mode was tried as the fallback; the server's connection comes from 127.0.0.2, which is refused.
    assert.equal(step(report, 'active').status, 'failed');
    assert.match(step(report, 'active').summary, /127\.0\.0\.2/);
    assert.equal(report.facts.workingDataMethod, null);
    await forward.close();
    await server.stop();
  });

  test('passive ports dropped by a firewall: EPSV and PASV data connections time out, active mode works', async () => {
    // vsftpd runs in a network namespace of its own, reached over a veth link; an nftables rule inside drops
    // every packet to its passive range without answering, as a firewall that lets only port 21 through does.
    const network = await createNetworkNamespace();
    const server = await startVsftpd(fleet, { name: 'passive-dropped', network }).catch(async (error: unknown) => {
      await network.remove();
      throw error;
    });
    try {
      const [low, high] = server.passivePorts;
      await network.dropIncomingTcp(low, high);
      // The fleet's certificate does not name the namespace's address: pin it, as a user who checked it would.
      const pinnedFingerprint = fleet.servers['vsftpd-explicit'].certFingerprintSha256 ?? '';
      // A short data limit: the connection attempts can only end by timing out.
      const report = await doctor(server, { pinnedFingerprint, dataTimeoutMs: 1500 });
      assert.equal(step(report, 'login').status, 'ok', 'the control connection works');
      for (const id of ['epsv', 'pasv'] as const) {
        assert.equal(step(report, id).status, 'failed');
        assert.match(step(report, id).summary, new RegExp(`no answer from ${server.host.replaceAll('.', '\\.')}:\\d+ within 1500 ms`));
      }
      assert.ok(report.facts.passivePortsSeen.length === 2 && report.facts.passivePortsSeen.every((p) => p >= low && p <= high), 'the ports named are the dropped range');
      assert.equal(step(report, 'listing').status, 'failed');
      const blocked = report.diagnoses.find((d) => d.problem === 'passive-blocked');
      assert.ok(blocked, JSON.stringify(problems(report)));
      assert.equal(blocked.severity, 'error');
      assert.match(blocked.explanation, /timed out/);
      assert.ok(blocked.fixes.some((f) => /pasv_min_port/.test(f)), 'fix: a fixed passive range, opened in the firewall');
      assert.ok(blocked.fixes.some((f) => /pasv_address/.test(f)), 'fix: the external address');
      assert.ok(blocked.fixes.some((f) => /Active mode worked in this test/.test(f)), 'fix: active mode, which this test found working');
      // Active mode: vsftpd connects out of the namespace to the doctor, which the firewall lets through.
      assert.equal(step(report, 'active').status, 'ok', step(report, 'active').summary);
      assert.equal(report.facts.workingDataMethod, 'active');
      assert.ok(problems(report).includes('active-works'));
    } finally {
      await server.stop();
      await network.remove();
    }
  });

  test('NAT: a private PASV address is reported and replaced by the control host; EPSV is used', async () => {
    const server = fleet.servers['vsftpd-nat'];
    const report = await doctor(server);
    assert.equal(report.verdict, 'warnings');
    assert.equal(report.facts.pasvAnnouncedAddress, '10.11.12.13');
    assert.equal(step(report, 'pasv').status, 'warning');
    assert.match(step(report, 'pasv').summary, /private address 10\.11\.12\.13: connected to 127\.0\.0\.1/);
    const nat = report.diagnoses.find((d) => d.problem === 'pasv-private-address');
    assert.equal(nat?.severity, 'warning');
    assert.ok(nat?.fixes.some((f) => /pasv_address/.test(f)));
    assert.equal(step(report, 'listing').status, 'ok');
    assert.equal(report.facts.workingDataMethod, 'epsv');
    assert.ok(!report.transcript.some((l) => l.includes('data connection to 10.11.12.13')), 'never connected to the private address');
  });

  test('a PASV address of another (public) host is refused and never connected to', async () => {
    const server = fleet.servers['vsftpd-bounce'];
    const report = await doctor(server);
    assert.equal(report.facts.pasvAnnouncedAddress, '203.0.113.7');
    assert.match(step(report, 'pasv').summary, /another host, 203\.0\.113\.7: refused/);
    const foreign = report.diagnoses.find((d) => d.problem === 'pasv-foreign-address');
    assert.equal(foreign?.severity, 'warning', 'EPSV works, so the site still works');
    assert.ok(!report.transcript.some((l) => l.includes('203.0.113.7:')), 'no data connection to 203.0.113.7 was attempted');
    assert.equal(step(report, 'listing').status, 'ok');
  });
});

describe('data protection (PROT P)', () => {
  // proftpd answers PROT under <Limit PROT> like any command: DenyAll makes it refuse PROT P with 534.
  const denyProt = ['<Limit PROT>', '  DenyAll', '</Limit>'];

  test('PROT P refused by proftpd, by default: an error that names the site setting which would allow it', async () => {
    const server = await startProftpd(fleet, { name: 'prot-denied-default', lines: ['TLSRequired ctrl', ...denyProt] });
    try {
      const report = await doctor(server);
      assert.equal(report.verdict, 'failed', JSON.stringify(report.diagnoses));
      assert.deepEqual(problems(report), ['data-protection-refused']);
      assert.equal(step(report, 'protection').status, 'failed');
      assert.equal(step(report, 'protection').summary, 'PROT P refused: 534 Unwilling to accept security parameters');
      assert.match(step(report, 'listing').summary, /via EPSV, unencrypted\.$/, 'the doctor still finds out whether the setting would help');
      const [refused] = report.diagnoses;
      assert.equal(refused?.severity, 'error');
      assert.match(refused?.explanation ?? '', /refused PROT P \(534 Unwilling to accept security parameters\): listings and files would travel unencrypted, so Wharf stops the connection/);
      assert.ok(refused?.fixes.some((f) => /turn on "Allow unencrypted file data" in the site's Advanced settings \(wharf: --allow-clear-data/.test(f)), JSON.stringify(refused?.fixes));
    } finally {
      await server.stop();
    }
  });

  test('PROT P refused by proftpd, clear data allowed: a warning, and listings travel unencrypted', async () => {
    const server = await startProftpd(fleet, { name: 'prot-denied', lines: ['TLSRequired ctrl', ...denyProt] });
    try {
      const report = await doctor(server, { overrides: { allowClearData: true } });
      assert.equal(report.verdict, 'warnings', JSON.stringify(report.diagnoses));
      assert.deepEqual(problems(report), ['data-protection-refused']);
      assert.equal(step(report, 'protection').status, 'warning');
      assert.equal(step(report, 'protection').summary, 'PROT P refused: 534 Unwilling to accept security parameters');
      assert.match(step(report, 'listing').summary, /via EPSV, unencrypted\.$/);
      assert.equal(step(report, 'session-reuse').status, 'skipped');
      const [refused] = report.diagnoses;
      assert.equal(refused?.severity, 'warning');
      assert.equal(refused?.explanation, 'The server refused PROT P (534 Unwilling to accept security parameters): the control connection is encrypted, data connections are not.');
      assert.ok(refused?.fixes.some((f) => /allow protected data connections \(PROT P\).*<Limit PROT>/.test(f)));
      assert.deepEqual(report.facts.tlsVersions.map((v) => [v.version, v.listingWorked, v.dataSessionReused]), [
        ['TLSv1.3', true, null],
        ['TLSv1.2', true, null],
      ]);
    } finally {
      await server.stop();
    }
  });

  test('PROT P refused while TLS is required on data connections: one error naming the contradiction, not a session reuse failure', async () => {
    const server = await startProftpd(fleet, { name: 'prot-denied-data-tls-required', lines: denyProt });
    try {
      const report = await doctor(server);
      assert.equal(report.verdict, 'failed');
      assert.deepEqual(problems(report), ['data-protection-refused']);
      assert.match(step(report, 'listing').summary, /failed: 522 SSL\/TLS required on the data channel/);
      const [contradiction] = report.diagnoses;
      assert.equal(contradiction?.severity, 'error');
      assert.equal(contradiction?.stepId, 'protection');
      assert.match(
        contradiction?.explanation ?? '',
        /refused PROT P \(534 Unwilling to accept security parameters\).*refused an unencrypted data connection too \(522 SSL\/TLS required on the data channel\)/,
      );
      assert.ok(contradiction?.fixes.some((f) => /<Limit PROT>/.test(f)));
      assert.equal(step(report, 'active').status, 'skipped');
      assert.match(step(report, 'active').summary, /refused the transfer itself/);
    } finally {
      await server.stop();
    }
  });
});

describe("the site's minimum TLS version", () => {
  /** The doctor's transcript lines of its TLS 1.2 probe connection. */
  const tls12Lines = (report: DoctorReport) => report.transcript.filter((l) => l.startsWith('[TLS 1.2]'));

  test('with TLS 1.3 as the minimum, the TLS 1.2 probe shakes hands but never sends the user name or password', async () => {
    const report = await doctor(fleet.servers['vsftpd-explicit'], { overrides: { minTlsVersion: 'TLSv1.3' } });
    assert.equal(report.facts.tlsVersion, 'TLSv1.3');
    assert.equal(step(report, 'tls12').status, 'ok');
    assert.match(step(report, 'tls12').summary, /TLS 1\.2 works .*not logged in over it: this site accepts TLS 1\.3 and newer only/);
    assert.ok(tls12Lines(report).some((l) => /\* TLS TLSv1\.2 /.test(l)), 'the handshake happened');
    assert.deepEqual(tls12Lines(report).filter((l) => /> (USER|PASS)/.test(l)), [], 'no credentials over TLS 1.2');
    assert.ok(report.transcript.some((l) => l.startsWith('[TLS 1.3]') && /> PASS/.test(l)), 'the TLS 1.3 probe logs in as before');
  });

  test('with the default minimum (TLS 1.2), the TLS 1.2 probe logs in and lists as before', async () => {
    const report = await doctor(fleet.servers['vsftpd-explicit']);
    assert.ok(tls12Lines(report).some((l) => /> PASS/.test(l)));
    assert.equal(report.facts.tlsVersions.find((v) => v.version === 'TLSv1.2')?.listingWorked, true);
  });

  test('a server offering only TLS 1.2, for a site requiring TLS 1.3, never receives a login at all', async () => {
    const server = await startProftpd(fleet, { name: 'tls12-only', lines: ['TLSProtocol TLSv1.2'] });
    try {
      const report = await doctor(server, { overrides: { minTlsVersion: 'TLSv1.3' } });
      assert.equal(report.verdict, 'failed');
      assert.equal(step(report, 'tls').status, 'failed');
      assert.equal(step(report, 'login').status, 'skipped');
      assert.deepEqual(report.transcript.filter((l) => /> (USER|PASS)/.test(l)), []);
      assert.ok(report.transcript.some((l) => /> AUTH TLS/.test(l)), 'the doctor did reach the server');
      // The server's own log: no USER or PASS command arrived.
      assert.doesNotMatch(readFileSync(server.logFile, 'utf8'), /"(USER|PASS) /);
    } finally {
      await server.stop();
    }
  });
});

describe('TLS 1.3 session tickets', () => {
  test('a vsftpd that requires reuse but sends no TLS 1.3 tickets: TLS 1.3 data connections fail, TLS 1.2 ones resume', async () => {
    // OpenSSL applies the system_default section of its configuration to every TLS context vsftpd makes;
    // NumTickets = 0 there stops TLS 1.3 session tickets, so a TLS 1.3 data connection has nothing to resume
    // and vsftpd (require_ssl_reuse=YES) refuses it, while TLS 1.2 still resumes by session ID.
    const opensslConf = ['openssl_conf = wharf_init', '[wharf_init]', 'ssl_conf = wharf_ssl', '[wharf_ssl]', 'system_default = wharf_tls', '[wharf_tls]', 'NumTickets = 0', ''].join('\n');
    const server = await startVsftpd(fleet, { name: 'no-tls13-tickets', opensslConf });
    try {
      const report = await doctor(server);
      assert.equal(report.verdict, 'failed');
      assert.deepEqual(errors(report), ['tls13-tickets'], 'one finding: not a general session reuse failure');
      assert.equal(report.facts.tlsVersion, 'TLSv1.3');
      assert.match(step(report, 'listing').summary, /failed: 522 SSL connection failed: session reuse required/);
      assert.equal(step(report, 'tls13').status, 'failed');
      assert.equal(step(report, 'tls12').status, 'ok');
      assert.match(step(report, 'tls12').summary, /session resumed/);
      assert.deepEqual(report.facts.tlsVersions.map((v) => [v.version, v.supported, v.listingWorked, v.dataSessionReused]), [
        ['TLSv1.3', true, false, false],
        ['TLSv1.2', true, true, true],
      ]);
      const [tickets] = report.diagnoses;
      assert.equal(tickets?.stepId, 'tls13');
      assert.equal(tickets?.severity, 'error');
      assert.match(tickets?.explanation ?? '', /Over TLS 1\.3 the data connection could not resume .*\(522 SSL connection failed: session reuse required\), while over TLS 1\.2 it could/);
      assert.ok(tickets?.fixes.some((f) => /NumTickets = 0/.test(f)), 'fix: the setting that turned the tickets off');
      assert.ok(tickets?.fixes.some((f) => /TLS 1\.2 only/.test(f)), 'fix: TLS 1.2 until then');
    } finally {
      await server.stop();
    }
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
