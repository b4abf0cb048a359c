/**
 * The connection doctor's data-connection steps (main/doctor/steps/data-connections.ts, data-channel.ts)
 * against real servers, one per failure class: passive ports blocked or dropped, NAT, PROT P refused.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startPortForward, startProftpd, startVsftpd } from '../servers/doctor-servers';
import { createNetworkNamespace } from '../servers/network-namespace';
import { doctor, fleet, problems, step } from './support';

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
