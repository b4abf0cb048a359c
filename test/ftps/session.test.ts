import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { uploadFile } from '../../main/ftps/file-transfer';
import { downloadFile } from '../../main/transfers/file-download';
import { FtpsSession } from '../../main/ftps/session';
import { WharfError } from '../../main/core/errors';
import { hashFromHashReply, hashFromLegacyReply } from '../../main/ftps/session';
import { serverLog, useFleet, writeServerFile } from '../servers/fleet';
import { commandsSent, MAIN_SERVERS, MemoryTrustStore, openSession, sha256OfFile, targetFor, testBytes } from './support';

const fleet = await useFleet();
const localDir = mkdtempSync(join(tmpdir(), 'wharf-session-'));

function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

for (const name of MAIN_SERVERS) {
  const server = fleet.servers[name];

  describe(`engine against ${name}`, () => {
    test('connects and reports what protects the session', async () => {
      const { session, log } = await openSession(fleet, server);
      try {
        await session.list('/');
        const report = session.report;
        assert.equal(report.mode, server.mode);
        assert.match(report.serverBanner, /\S/);
        if (server.mode === 'plain') {
          assert.equal(report.tlsVersion, null);
          assert.equal(report.credentialsEncrypted, false);
          assert.equal(report.dataProtected, false);
          assert.ok(report.warnings.some((w) => /unencrypted/.test(w)));
        } else {
          assert.equal(report.tlsVersion, 'TLSv1.3');
          assert.match(report.cipher ?? '', /^TLS_/);
          assert.equal(report.credentialsEncrypted, true);
          assert.equal(report.dataProtected, true);
          assert.equal(report.certificateTrust, 'ca-valid');
          assert.equal(report.certificate?.fingerprintSha256, server.certFingerprintSha256);
          assert.deepEqual(report.warnings, []);
          // Servers that require TLS session reuse would have refused a data connection that did not resume.
          if (server.requiresTlsSessionReuse) assert.equal(report.dataTlsSessionReused, true);
          const sent = commandsSent(log);
          if (server.mode === 'explicit') assert.equal(sent[0], 'AUTH TLS');
          assert.ok(sent.indexOf('PROT P') > sent.findIndex((c) => c.startsWith('USER')));
          assert.ok(!sent.some((c) => c.includes(server.password)), 'the password never appears in the log');
        }
      } finally {
        await session.close();
      }
    });

    test('creates, renames, chmods, lists and deletes folders and files', async () => {
      const { session } = await openSession(fleet, server);
      try {
        const folder = `/${unique('ops')}`;
        await session.mkdir(`${folder}/a/b`, { recursive: true });
        writeServerFile(server, `${folder}/a/b/file.txt`, 'hello');
        await session.rename(`${folder}/a/b/file.txt`, `${folder}/a/renamed.txt`);
        await session.chmod(`${folder}/a/renamed.txt`, '640');
        const entries = await session.list(`${folder}/a`);
        const file = entries.find((e) => e.name === 'renamed.txt');
        assert.ok(file, 'renamed file is listed');
        assert.equal(file.type, 'file');
        assert.equal(file.size, 5);
        // An IIS-style (DOS) listing carries no permissions.
        assert.equal(file.permissions, name === 'pyftpdlib-iis' ? null : 'rw-r-----');
        assert.equal(entries.find((e) => e.name === 'b')?.type, 'directory');
        assert.equal(await session.size(`${folder}/a/renamed.txt`), 5);
        const modified = await session.modifiedAt(`${folder}/a/renamed.txt`);
        assert.ok(modified && Math.abs(modified.getTime() - statSync(join(server.root, folder, 'a/renamed.txt')).mtimeMs) < 2000);
        await session.remove(folder, { recursive: true });
        assert.equal(existsSync(join(server.root, folder)), false);
      } finally {
        await session.close();
      }
    });

    test('uploads and downloads with identical SHA-256 on both sides', async () => {
      const { session } = await openSession(fleet, server);
      try {
        const data = testBytes(3 * 1024 * 1024 + 17, 7);
        const local = join(localDir, unique('up'));
        writeFileSync(local, data);
        const remote = `/${unique('file')}.bin`;
        await uploadFile(session, local, remote);
        assert.equal(sha256OfFile(join(server.root, remote)), sha256OfFile(local));
        const back = join(localDir, unique('down'));
        const result = await downloadFile(session, remote, back);
        assert.equal(result.bytes, data.length);
        assert.equal(sha256OfFile(back), sha256OfFile(local));
        assert.equal(existsSync(`${back}.part`), false);
      } finally {
        await session.close();
      }
    });

    test('resumes a download from the byte the partial file reached (REST)', async () => {
      const { session, log } = await openSession(fleet, server);
      try {
        const data = testBytes(1024 * 1024 + 3, 11);
        const remote = `/${unique('resume')}.bin`;
        writeServerFile(server, remote, data);
        const local = join(localDir, unique('resumed'));
        const cut = 400_000;
        writeFileSync(`${local}.part`, data.subarray(0, cut));
        const result = await downloadFile(session, remote, local, { resume: true });
        assert.equal(result.resumedFrom, cut);
        assert.equal(result.bytes, data.length - cut);
        assert.ok(commandsSent(log).includes(`REST ${cut}`));
        assert.deepEqual(readFileSync(local), data);
        assert.equal(existsSync(`${local}.part`), false);
      } finally {
        await session.close();
      }
    });

    test('transfers in active mode (EPRT/PORT)', async () => {
      const { session, log } = await openSession(fleet, server, { targetOverrides: { dataMode: 'active' } });
      try {
        const data = testBytes(200_000, 3);
        const local = join(localDir, unique('active'));
        writeFileSync(local, data);
        const remote = `/${unique('active')}.bin`;
        await uploadFile(session, local, remote);
        const back = `${local}.back`;
        await downloadFile(session, remote, back);
        assert.deepEqual(readFileSync(back), data);
        assert.ok((await session.list('/')).some((e) => e.name === remote.slice(1)));
        const sent = commandsSent(log);
        assert.ok(sent.some((c) => c.startsWith('EPRT ') || c.startsWith('PORT ')));
        assert.ok(!sent.some((c) => c === 'EPSV' || c === 'PASV'), 'no passive fallback was needed');
      } finally {
        await session.close();
      }
    });
  });
}

describe('certificates: nothing is sent before the decision', () => {
  const server = fleet.servers['vsftpd-explicit'];

  test('an untrusted certificate is asked about, and a rejection stops before USER', async () => {
    const questions: string[] = [];
    const logBefore = serverLog(server).length;
    const log: string[] = [];
    await assert.rejects(
      FtpsSession.open({
        target: targetFor(server),
        password: server.password,
        keepAliveIntervalMs: 0,
        decideTrust: async (q) => {
          questions.push(q.certificate.fingerprintSha256);
          assert.match(q.reason, /authority this computer does not trust|verified/);
          return 'reject';
        },
        onLog: (l) => l.direction === 'command' && log.push(l.text),
      }),
      (err: unknown) => err instanceof WharfError && err.kind === 'tls-untrusted',
    );
    assert.deepEqual(questions, [server.certFingerprintSha256]);
    // basic-ftp says QUIT when it closes; QUIT carries nothing.
    assert.deepEqual(log.filter((c) => c !== 'QUIT'), ['AUTH TLS']);
    const serverSide = serverLog(server).slice(logBefore);
    assert.ok(serverSide.includes('AUTH TLS'), 'the server log records the session');
    assert.ok(!/USER|PASS/.test(serverSide), 'the server never received USER or PASS');
  });

  test('accepting once logs in and says so in the report; "always" pins the fingerprint', async () => {
    const store = new MemoryTrustStore();
    const once = await FtpsSession.open({ target: targetFor(server), password: server.password, keepAliveIntervalMs: 0, trustStore: store, decideTrust: async () => 'once' });
    assert.equal(once.report.certificateTrust, 'accepted-once');
    assert.ok(once.report.warnings.some((w) => /not verified/.test(w)));
    await once.close();
    assert.equal(store.pins.size, 0);

    const always = await FtpsSession.open({ target: targetFor(server), password: server.password, keepAliveIntervalMs: 0, trustStore: store, decideTrust: async () => 'always' });
    assert.equal(always.report.certificateTrust, 'pinned');
    await always.close();
    assert.equal((await store.get(server.host, server.port))?.fingerprintSha256, server.certFingerprintSha256);

    let asked = false;
    const pinned = await FtpsSession.open({ target: targetFor(server), password: server.password, keepAliveIntervalMs: 0, trustStore: store, decideTrust: async () => { asked = true; return 'reject'; } });
    assert.equal(pinned.report.certificateTrust, 'pinned');
    assert.equal(asked, false, 'a pinned certificate is not asked about again');
    await pinned.list('/');
    await pinned.close();
  });

  test('a changed certificate is a hard stop that shows both fingerprints, before USER', async () => {
    const store = new MemoryTrustStore();
    const oldFingerprint = 'AA:'.repeat(31) + 'AA';
    await store.pin({ host: server.host, port: server.port, fingerprintSha256: oldFingerprint, subject: 'CN=old' });
    const logBefore = serverLog(server).length;
    const sent: string[] = [];
    await assert.rejects(
      FtpsSession.open({
        target: targetFor(server), password: server.password, keepAliveIntervalMs: 0, extraCaPem: [fleet.caCertPem], trustStore: store,
        decideTrust: async () => 'always',
        onLog: (l) => l.direction === 'command' && sent.push(l.text),
      }),
      (err: unknown) => err instanceof WharfError && err.kind === 'tls-changed' && err.detail?.expected === oldFingerprint && err.detail?.presented === server.certFingerprintSha256,
    );
    assert.deepEqual(sent.filter((c) => c !== 'QUIT'), ['AUTH TLS']);
    assert.ok(!/USER|PASS/.test(serverLog(server).slice(logBefore)));
  });

  test('a certificate for another host name is not trusted even from our CA', async () => {
    const wrong = fleet.servers['vsftpd-wronghost'];
    let reason = '';
    await assert.rejects(
      FtpsSession.open({ target: targetFor(wrong), password: wrong.password, keepAliveIntervalMs: 0, extraCaPem: [fleet.caCertPem], decideTrust: async (q) => { reason = q.reason; return 'reject'; } }),
      (err: unknown) => err instanceof WharfError && err.kind === 'tls-untrusted',
    );
    assert.match(reason, /wrong\.example/);
    assert.match(reason, /not for 127\.0\.0\.1/);
  });

  test('an expired certificate is not trusted and the reason says expired', async () => {
    const expired = fleet.servers['vsftpd-expired'];
    let reason = '';
    await assert.rejects(
      FtpsSession.open({ target: targetFor(expired), password: expired.password, keepAliveIntervalMs: 0, extraCaPem: [fleet.caCertPem], decideTrust: async (q) => { reason = q.reason; return 'reject'; } }),
      (err: unknown) => err instanceof WharfError && err.kind === 'tls-untrusted',
    );
    assert.match(reason, /expired/);
  });

  test('a pinned fingerprint given by the caller (CLI --fingerprint) is trusted without a CA', async () => {
    const session = await FtpsSession.open({ target: targetFor(server), password: server.password, keepAliveIntervalMs: 0, pinnedFingerprint: `SHA256:${(server.certFingerprintSha256 ?? '').replace(/:/g, '').toLowerCase()}` });
    assert.equal(session.report.certificateTrust, 'pinned');
    await session.close();
  });
});

describe('modes and refusals', () => {
  test('plain FTP must be allowed explicitly', async () => {
    const server = fleet.servers['vsftpd-plain'];
    await assert.rejects(
      FtpsSession.open({ target: targetFor(server), password: server.password, keepAliveIntervalMs: 0 }),
      (err: unknown) => err instanceof WharfError && err.kind === 'plain-refused',
    );
  });

  for (const name of ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit'] as const) {
    test(`plain FTP against ${name}, which requires TLS, is refused before PASS`, async () => {
      const server = fleet.servers[name];
      const sent: string[] = [];
      await assert.rejects(
        FtpsSession.open({ target: targetFor(server, { mode: 'plain' }), password: server.password, allowPlain: true, keepAliveIntervalMs: 0, onLog: (l) => l.direction === 'command' && sent.push(l.text) }),
        (err: unknown) => err instanceof WharfError && (err.kind === 'tls-required' || err.kind === 'auth'),
      );
      assert.ok(!sent.some((c) => c.startsWith('PASS')), `no PASS sent: ${sent.join(', ')}`);
    });
  }

  test('implicit FTPS spoken to an explicit port says so', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    await assert.rejects(
      FtpsSession.open({ target: targetFor(server, { mode: 'implicit' }), password: server.password, keepAliveIntervalMs: 0, extraCaPem: [fleet.caCertPem], timeoutMs: 5000 }),
      (err: unknown) => err instanceof WharfError && err.kind === 'tls-handshake' && /explicit/.test(err.message),
    );
  });

  test('a wrong password is an auth error', async () => {
    const server = fleet.servers['proftpd-explicit'];
    await assert.rejects(
      FtpsSession.open({ target: targetFor(server), password: 'not-the-password', keepAliveIntervalMs: 0, extraCaPem: [fleet.caCertPem] }),
      (err: unknown) => err instanceof WharfError && err.kind === 'auth' && err.code === 530 && !err.message.includes('not-the-password'),
    );
  });

  test('a closed port is "refused"', async () => {
    await assert.rejects(
      FtpsSession.open({ target: targetFor(fleet.servers['vsftpd-explicit'], { port: 1 }), password: 'x', keepAliveIntervalMs: 0 }),
      (err: unknown) => err instanceof WharfError && err.kind === 'refused',
    );
  });
});

describe('passive addresses', () => {
  test('a private PASV address (server behind NAT) is replaced by the control host', async () => {
    const server = fleet.servers['vsftpd-nat'];
    const { session, log } = await openSession(fleet, server, { useEpsv: false });
    try {
      writeServerFile(server, 'nat.txt', 'through the NAT');
      const local = join(localDir, unique('nat'));
      await downloadFile(session, '/nat.txt', local);
      assert.equal(readFileSync(local, 'utf8'), 'through the NAT');
      assert.ok(log.some((l) => l.direction === 'warning' && l.text.includes('10.11.12.13') && /NAT/.test(l.text)));
    } finally {
      await session.close();
    }
  });

  test('a PASV reply naming another public host is refused (FTP bounce)', async () => {
    const server = fleet.servers['vsftpd-bounce'];
    const { session } = await openSession(fleet, server, { useEpsv: false });
    try {
      await assert.rejects(session.list('/'), (err: unknown) => err instanceof WharfError && err.kind === 'data-channel' && err.detail?.announced === '203.0.113.7');
    } finally {
      await session.close();
    }
  });
});

describe('session life', () => {
  test('a transfer stopped mid-file closes the connection, and the next command reconnects', async () => {
    const server = fleet.servers['proftpd-explicit'];
    const { session, log } = await openSession(fleet, server);
    try {
      writeServerFile(server, 'stop-me.bin', testBytes(8 * 1024 * 1024, 5));
      const controller = new AbortController();
      const destination = new PassThrough();
      let received = 0;
      destination.on('data', (chunk: Buffer) => {
        received += chunk.length;
        controller.abort(); // stop as soon as the first bytes arrive
      });
      await assert.rejects(
        session.download('/stop-me.bin', destination, { signal: controller.signal }),
        (err: unknown) => err instanceof WharfError && err.kind === 'cancelled',
      );
      assert.ok(received > 0 && received < 8 * 1024 * 1024);
      const entries = await session.list('/');
      assert.ok(entries.some((e) => e.name === 'stop-me.bin'));
      assert.ok(log.some((l) => /reconnecting/.test(l.text)));
      assert.equal(commandsSent(log).filter((c) => c === 'AUTH TLS').length, 2, 'logged in again over TLS');
      assert.equal(session.report.certificateTrust, 'ca-valid');
    } finally {
      await session.close();
    }
  });

  test('raw commands return the reply and refuse data-connection commands', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const { session } = await openSession(fleet, server);
    try {
      const reply = await session.raw('SYST');
      assert.equal(reply.code, 215);
      assert.equal((await session.raw('NONSENSE')).code, 500);
      await assert.rejects(session.raw('RETR x'), (err: unknown) => err instanceof WharfError && err.kind === 'invalid-input');
      await assert.rejects(session.raw('NOOP\r\nDELE x'), (err: unknown) => err instanceof WharfError && err.kind === 'invalid-input');
    } finally {
      await session.close();
    }
  });
});

describe('server-side hashes', () => {
  test('the hash is read by its place in the reply, not as the first hex-looking word', () => {
    const hex = 'ff068ff12e92844ba670121205bf15bfa1a763d0a38ceba4b9ab276beb302c4b';
    // proftpd's reply for a 256 MiB file: the range's "268435456" is 9 digits, all valid hex.
    assert.equal(hashFromHashReply(`213-Computing SHA-256 digest\n213 SHA-256 0-268435456 ${hex} /f256.bin`), hex);
    assert.equal(hashFromHashReply(`213 SHA-256 0-99999999 ${hex.toUpperCase()} /a file with spaces.bin`), hex);
    assert.equal(hashFromHashReply('213 SHA-256 0-268435456'), null);
    assert.equal(hashFromHashReply('550 /f: No such file'), null);
    assert.equal(hashFromLegacyReply(`213 ${hex}`), hex);
    assert.equal(hashFromLegacyReply(`213-working\n213 ${hex} /f.bin`), hex);
    assert.equal(hashFromLegacyReply('500 XSHA256 not understood'), null);
  });

  test('proftpd with mod_digest answers HASH with the file\'s SHA-256 (a file of more than 10,000,000 bytes: its size has 8 digits); vsftpd has none', async () => {
    const proftpd = fleet.servers['proftpd-explicit'];
    const data = testBytes(12_345_678, 21);
    writeServerFile(proftpd, 'hashed.bin', data);
    const { session } = await openSession(fleet, proftpd);
    try {
      const { createHash } = await import('node:crypto');
      assert.deepEqual(await session.hash('/hashed.bin'), { algorithm: 'SHA-256', hex: createHash('sha256').update(data).digest('hex') });
    } finally {
      await session.close();
    }
    const vsftpd = fleet.servers['vsftpd-explicit'];
    writeServerFile(vsftpd, 'unhashed.bin', data);
    const other = await openSession(fleet, vsftpd);
    try {
      assert.equal(await other.session.hash('/unhashed.bin'), null);
    } finally {
      await other.session.close();
    }
  });
});

describe('keep-alive', () => {
  test('an idle session sends NOOP on its interval and stays usable', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const { session, log } = await openSession(fleet, server, { keepAliveIntervalMs: 100 });
    try {
      // Wait for the event, bounded, rather than for a fixed time.
      const noop = await new Promise<boolean>((resolve) => {
        const deadline = Date.now() + 10_000;
        const check = () => {
          if (commandsSent(log).includes('NOOP')) resolve(true);
          else if (Date.now() > deadline) resolve(false);
          else setTimeout(check, 20);
        };
        check();
      });
      assert.ok(noop, 'NOOP was sent on an idle connection');
      assert.ok(Array.isArray(await session.list('/')));
    } finally {
      await session.close();
    }
  });
});
