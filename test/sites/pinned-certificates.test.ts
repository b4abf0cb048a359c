import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { setUiLocale } from '../../common/i18n/t';
import type { StoreWarning } from '../../common/models/site-profile';
import { WharfError } from '../../main/core/errors';
import { normalizeFingerprint } from '../../main/ftps/certificate';
import { PinnedCertificateStore } from '../../main/sites/pinned-certificates';
import { tempDir } from '../credentials/keyring-helpers';

const fp = (seed: string) => (createHash('sha256').update(seed).digest('hex').toUpperCase().match(/../g) ?? []).join(':');

describe('pinned certificates', () => {
  test('pins, finds (case and brackets aside), replaces, lists and removes certificates per host and port', async (t) => {
    const dir = await tempDir('pins');
    t.after(dir.remove);
    let clock = new Date('2025-06-01T12:00:00.000Z');
    const store = new PinnedCertificateStore({ dataDir: dir.path, now: () => clock });

    assert.equal(await store.get('ftp.example.com', 21), null);
    await store.pin({ host: 'FTP.Example.com.', port: 21, fingerprintSha256: fp('a').toLowerCase().replace(/:/g, ''), subject: 'CN=ftp.example.com' });
    await store.pin({ host: '[2001:db8::1]', port: 990, fingerprintSha256: `SHA256:${fp('b')}`, subject: 'CN=v6' });

    assert.deepEqual(await store.get('ftp.example.com', 21), {
      host: 'ftp.example.com', port: 21, fingerprintSha256: fp('a'), subject: 'CN=ftp.example.com', trustedAt: '2025-06-01T12:00:00.000Z',
    });
    assert.equal(await store.get('ftp.example.com', 990), null, 'the port is part of the key');
    assert.equal((await store.get('2001:db8::1', 990))?.fingerprintSha256, fp('b'));

    clock = new Date('2025-07-01T00:00:00.000Z');
    await store.pin({ host: 'ftp.example.com', port: 21, fingerprintSha256: fp('renewed'), subject: 'CN=ftp.example.com' });
    const renewed = await store.get('ftp.example.com', 21);
    assert.deepEqual([renewed?.fingerprintSha256, renewed?.trustedAt], [fp('renewed'), '2025-07-01T00:00:00.000Z']);

    assert.deepEqual((await store.list()).map((c) => `${c.host}:${c.port}`), ['2001:db8::1:990', 'ftp.example.com:21']);
    assert.equal(await store.remove('FTP.EXAMPLE.COM', 21), true);
    assert.equal(await store.remove('ftp.example.com', 21), false);
    assert.equal((await store.list()).length, 1);

    const file = JSON.parse(await readFile(store.filePath, 'utf8'));
    assert.equal(file.schemaVersion, 1);
    assert.equal(file.certificates.length, 1);
  });

  test('refuses a fingerprint that is not SHA-256', async (t) => {
    const dir = await tempDir('pins');
    t.after(dir.remove);
    const store = new PinnedCertificateStore({ dataDir: dir.path });
    await assert.rejects(
      store.pin({ host: 'h', port: 21, fingerprintSha256: 'AB:CD', subject: '' }),
      (err: unknown) => err instanceof WharfError && err.kind === 'invalid-input',
    );
    assert.equal(normalizeFingerprint(fp('x').replace(/:/g, ' ')), fp('x'));
  });

  test('a damaged file is backed up and reported, the readable pins kept', async (t) => {
    const dir = await tempDir('pins');
    t.after(dir.remove);
    const warnings: StoreWarning[] = [];
    const store = new PinnedCertificateStore({ dataDir: dir.path, onWarning: (w) => warnings.push(w) });
    const good = { host: 'ok.example.com', port: 21, fingerprintSha256: fp('ok'), subject: 'CN=ok', trustedAt: '2025-01-01T00:00:00.000Z' };
    const bytes = JSON.stringify({ schemaVersion: 1, certificates: [good, { host: 'bad.example.com', port: 21, fingerprintSha256: 'nope' }] });
    await writeFile(store.filePath, bytes);

    assert.deepEqual(await store.list(), [good]);
    assert.equal(warnings.length, 1);
    assert.deepEqual(warnings[0]?.lost, ['bad.example.com:21 (#2)']);
    assert.equal(await readFile(warnings[0]?.backupPath ?? '', 'utf8'), bytes);
    assert.equal((await readdir(dir.path)).length, 2, 'the store file and its backup, no temp file');
  });

  test('in German, the lost entries are named in German: a pin by host, one without a host, a duplicate', async (t) => {
    const dir = await tempDir('pins');
    t.after(dir.remove);
    t.after(() => setUiLocale('en'));
    setUiLocale('de');
    const warnings: StoreWarning[] = [];
    const store = new PinnedCertificateStore({ dataDir: dir.path, onWarning: (w) => warnings.push(w) });
    const good = { host: 'ok.example.com', port: 21, fingerprintSha256: fp('ok'), subject: 'CN=ok', trustedAt: '2025-01-01T00:00:00.000Z' };
    await writeFile(store.filePath, JSON.stringify({ schemaVersion: 1, certificates: [good, { host: 'bad.example.com', port: 21, fingerprintSha256: 'nope' }, 7, good] }));
    assert.deepEqual(await store.list(), [good]);
    assert.deepEqual(warnings[0]?.lost, ['bad.example.com:21 (Nr. 2)', 'Zertifikat Nr. 3', 'ok.example.com:21 (Nr. 4) (doppelt)']);
  });
});
