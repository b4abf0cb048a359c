/**
 * Client certificates (mutual TLS) against real vsftpd: one that requires a certificate signed by the run's
 * own CA (require_cert=YES, validate_cert=YES, checked on data connections too), one that only requests
 * one (ssl_request_cert=YES), and the fleet's vsftpd that asks for none. The certificates come from the
 * fleet (test/servers/fleet.ts): a PEM pair and a passphrase-protected PKCS#12 file.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { before, describe, test } from 'node:test';
import { describeClientCertificateUse } from '../../common/models/security';
import { WharfError } from '../../main/core/errors';
import { loadClientCertificate, needsClientKeyPassphrase } from '../../main/ftps/client-certificate';
import { startVsftpd, type ExtraServer } from '../servers/doctor-servers';
import { useFleet, type ServerInfo } from '../servers/fleet';
import { openSession, testBytes } from './support';

const fleet = await useFleet();
const scratchDir = mkdtempSync(join(tmpdir(), 'wharf-client-cert-'));
let requiring: ExtraServer;
let requesting: ExtraServer;

/** vsftpd.conf lines of a server that checks client certificates against the fleet CA. */
function clientCertLines(required: boolean): string[] {
  return ['ssl_request_cert=YES', `require_cert=${required ? 'YES' : 'NO'}`, `validate_cert=${required ? 'YES' : 'NO'}`, `ca_certs_file=${fleet.caCertFile}`];
}

before(async () => {
  [requiring, requesting] = await Promise.all([
    startVsftpd(fleet, { name: 'client-cert-required', lines: clientCertLines(true) }),
    startVsftpd(fleet, { name: 'client-cert-requested', lines: clientCertLines(false) }),
  ]);
});

/** openSession reads only the address, mode, user and password, which an extra server has like a fleet one. */
function asServer(server: ExtraServer): ServerInfo {
  return server as unknown as ServerInfo;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Uploads then downloads a file over protected data connections; both sides' SHA-256 must match. */
async function roundTrip(session: Awaited<ReturnType<typeof openSession>>['session'], name: string): Promise<void> {
  const content = testBytes(300 * 1024, name.length);
  await session.upload(Readable.from([content]), `/${name}`);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await session.download(`/${name}`, sink);
  assert.equal(sha256(Buffer.concat(chunks)), sha256(content));
}

describe('loading a client certificate', () => {
  test('reads a PEM pair and names its subject', async () => {
    const cert = await loadClientCertificate({ certPath: fleet.clientCert.certFile, keyPath: fleet.clientCert.keyFile });
    assert.equal(cert.subject, 'CN=wharf-test-client');
    assert.match(cert.fingerprintSha256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  test('a PKCS#12 file asks for its passphrase, refuses a wrong one, opens with the right one', async () => {
    const files = { certPath: fleet.clientCert.pkcs12File, keyPath: '' };
    const missing = await loadClientCertificate(files).then(() => null, (e: unknown) => e);
    assert.ok(missing instanceof WharfError);
    assert.ok(needsClientKeyPassphrase(missing.detail), missing.message);
    assert.match(missing.message, /passphrase/);
    const wrong = await loadClientCertificate(files, 'not-it').then(() => null, (e: unknown) => e);
    assert.ok(wrong instanceof WharfError);
    assert.equal(wrong.detail?.reason, 'client-certificate-passphrase-wrong');
    const cert = await loadClientCertificate(files, fleet.clientCert.pkcs12Passphrase);
    assert.equal(cert.subject, 'CN=wharf-test-client');
  });

  test('a key of another certificate is refused before connecting, naming both files', async () => {
    const otherKey = join(scratchDir, 'other.key');
    execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', otherKey], { stdio: 'ignore' });
    await assert.rejects(loadClientCertificate({ certPath: fleet.clientCert.certFile, keyPath: otherKey }), (err: WharfError) => {
      assert.equal(err.kind, 'invalid-input');
      assert.match(err.message, /does not belong to the certificate/);
      return true;
    });
  });

  test('an encrypted PEM key needs its passphrase', async () => {
    const encrypted = join(scratchDir, 'client-encrypted.key');
    execFileSync('openssl', ['pkey', '-in', fleet.clientCert.keyFile, '-aes256', '-passout', 'pass:pem-secret', '-out', encrypted]);
    const files = { certPath: fleet.clientCert.certFile, keyPath: encrypted };
    await assert.rejects(loadClientCertificate(files), (err: WharfError) => err.detail?.reason === 'client-certificate-passphrase-required');
    const cert = await loadClientCertificate(files, 'pem-secret');
    assert.equal(cert.subject, 'CN=wharf-test-client');
  });

  test('a missing file is a local error naming the file', async () => {
    const path = join(scratchDir, 'absent.pem');
    await assert.rejects(loadClientCertificate({ certPath: path, keyPath: '' }), (err: WharfError) => err.kind === 'local-io' && err.message.includes(path));
  });
});

describe('vsftpd with require_cert=YES and the run\'s own CA', () => {
  test('connects with the PEM certificate, transfers over checked data connections, and reports it as sent', async () => {
    const clientCertificate = await loadClientCertificate({ certPath: fleet.clientCert.certFile, keyPath: fleet.clientCert.keyFile });
    const { session } = await openSession(fleet, asServer(requiring), { clientCertificate });
    try {
      assert.deepEqual(session.report.clientCertificate, { state: 'sent', subject: 'CN=wharf-test-client' });
      assert.equal(describeClientCertificateUse(session.report.clientCertificate!), 'CN=wharf-test-client, sent');
      await roundTrip(session, 'pem.bin');
      assert.equal(session.report.dataProtected, true);
    } finally {
      await session.close();
    }
    assert.match(readFileSync(requiring.logFile, 'utf8'), /OK UPLOAD.*pem\.bin/);
  });

  test('connects with the passphrase-protected PKCS#12 file', async () => {
    const clientCertificate = await loadClientCertificate({ certPath: fleet.clientCert.pkcs12File, keyPath: '' }, fleet.clientCert.pkcs12Passphrase);
    const { session } = await openSession(fleet, asServer(requiring), { clientCertificate });
    try {
      assert.equal(session.report.clientCertificate?.state, 'sent');
      await roundTrip(session, 'p12.bin');
    } finally {
      await session.close();
    }
  });

  test('without a certificate the connection is refused with a message naming the setting', async () => {
    await assert.rejects(openSession(fleet, asServer(requiring)), (err: WharfError) => {
      assert.equal(err.kind, 'tls-handshake');
      assert.equal(err.detail?.reason, 'client-certificate-refused');
      assert.match(err.message, /requires a client certificate/);
      assert.match(err.message, /"Client certificate" setting/);
      assert.match(err.message, /--cert/);
      return true;
    });
  });

  test('a certificate from another CA is refused with a message saying the server did not accept it', async () => {
    const dir = join(scratchDir, 'self');
    mkdirSync(dir, { recursive: true });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'self.key'), '-out', join(dir, 'self.pem'), '-days', '2', '-subj', '/CN=stranger'], { stdio: 'ignore' });
    const clientCertificate = await loadClientCertificate({ certPath: join(dir, 'self.pem'), keyPath: join(dir, 'self.key') });
    await assert.rejects(openSession(fleet, asServer(requiring), { clientCertificate }), (err: WharfError) => {
      assert.equal(err.kind, 'tls-handshake');
      assert.match(err.message, /refused the client certificate|did not accept/);
      return true;
    });
  });
});

describe('a server that requests but does not require a certificate', () => {
  test('ssl_request_cert=YES without a certificate works, and the report says it was requested', async () => {
    const { session } = await openSession(fleet, asServer(requesting));
    try {
      assert.deepEqual(session.report.clientCertificate, { state: 'requested', subject: null });
      await roundTrip(session, 'none.bin');
    } finally {
      await session.close();
    }
  });

  test('a site with a certificate sends it when asked', async () => {
    const clientCertificate = await loadClientCertificate({ certPath: fleet.clientCert.certFile, keyPath: fleet.clientCert.keyFile });
    const { session } = await openSession(fleet, asServer(requesting), { clientCertificate });
    try {
      assert.equal(session.report.clientCertificate?.state, 'sent');
    } finally {
      await session.close();
    }
  });
});

test('a server that asks for no certificate: reported as not requested', async () => {
  const clientCertificate = await loadClientCertificate({ certPath: fleet.clientCert.certFile, keyPath: fleet.clientCert.keyFile });
  const { session } = await openSession(fleet, fleet.servers['vsftpd-explicit'], { clientCertificate });
  try {
    assert.deepEqual(session.report.clientCertificate, { state: 'not-requested', subject: 'CN=wharf-test-client' });
    assert.equal(describeClientCertificateUse(session.report.clientCertificate!), 'CN=wharf-test-client, not requested');
  } finally {
    await session.close();
  }
});
