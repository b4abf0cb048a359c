/**
 * The connection doctor's TLS version steps (main/doctor/steps/tls-versions.ts) against real servers: the site's
 * minimum TLS version, and a vsftpd that sends no TLS 1.3 session tickets.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { DoctorReport } from '../../common/models/doctor';
import { startProftpd, startVsftpd } from '../servers/doctor-servers';
import { doctor, errors, fleet, step } from './support';

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
