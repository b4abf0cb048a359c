/**
 * Data protection is required by default: a real proftpd that refuses PROT P (`<Limit PROT> DenyAll`,
 * answering 534) is refused with an error that names the setting, by the engine, the services (a saved
 * site) and the command line; with the site's "Allow unencrypted file data" (or --allow-clear-data) the
 * connection goes on, and its report says the data is not protected.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CredentialStore } from '../../main/credentials/keychain';
import { FtpsSession } from '../../main/ftps/session';
import { WharfError } from '../../main/core/errors';
import { HeadlessPlatform } from '../../main/services/platform';
import { createWharfServices, type WharfServices } from '../../main/services/wharf-services';
import { startProftpd, type ExtraServer } from '../servers/doctor-servers';
import { useFleet, writeServerFile } from '../servers/fleet';
import { targetFor } from './support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-prot-'));
const wharf = join(fileURLToPath(new URL('../..', import.meta.url)), 'bin', 'wharf');
const caFile = fleet.caCertFile;
let server: ExtraServer;
let services: WharfServices;

/** The site asks for its password on connect: the keychain is never used here. */
const noKeychain: CredentialStore = {
  get: async () => null,
  set: async () => assert.fail('the keychain is not used here'),
  delete: async () => false,
  isAvailable: async () => ({ available: false, reason: 'not used in this test' }),
};

const REFUSAL = /The server refused to encrypt data connections \(PROT P: 534 Unwilling to accept security parameters\): listings and files would travel unencrypted, so Wharf stopped\. To connect anyway, turn on "Allow unencrypted file data" in the site's settings \(wharf: --allow-clear-data\)\./;

before(async () => {
  server = await startProftpd(fleet, { name: 'prot-refused', lines: ['TLSRequired ctrl', '<Limit PROT>', '  DenyAll', '</Limit>'] });
  writeServerFile({ ...fleet.servers['proftpd-explicit'], root: server.root }, 'clear.txt', 'not secret');
  services = await createWharfServices({
    dataDir: join(work, 'data'),
    home: work,
    platform: new HeadlessPlatform(),
    app: { name: 'Wharf', version: 'test' },
    credentials: noKeychain,
    openSession: (options) => FtpsSession.open({ ...options, extraCaPem: [fleet.caCertPem], keepAliveIntervalMs: 0 }),
  });
});

after(async () => {
  await services?.dispose();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [wharf, ...args], { env: { ...process.env, WHARF_DATA_DIR: join(work, 'cli-data'), WHARF_PASSWORD: server.password }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('a server that refuses PROT P', () => {
  test('the engine refuses it by default, with an error naming the setting', async () => {
    const refused = await FtpsSession.open({ target: targetFor(server), password: server.password, extraCaPem: [fleet.caCertPem], keepAliveIntervalMs: 0 }).then(
      async (session) => {
        await session.close();
        assert.fail('the session opened');
      },
      (err: unknown) => err,
    );
    assert.ok(refused instanceof WharfError, String(refused));
    assert.equal(refused.kind, 'tls-required');
    assert.equal(refused.code, 534);
    assert.match(refused.message, REFUSAL);
  });

  test('the engine goes on when the target allows clear data, and says the data is not protected', async () => {
    const session = await FtpsSession.open({
      target: targetFor(server, { allowClearData: true }),
      password: server.password,
      extraCaPem: [fleet.caCertPem],
      keepAliveIntervalMs: 0,
    });
    try {
      assert.equal(session.report.dataProtected, false);
      assert.ok(session.report.warnings.some((w) => /refused PROT P/.test(w)));
      assert.ok((await session.list('/')).some((e) => e.name === 'clear.txt'));
    } finally {
      await session.close();
    }
  });

  test('a saved site is refused until "Allow unencrypted file data" is turned on for it', async () => {
    const created = await services.api.sitesCreate({ site: { name: 'Old server', host: server.host, port: server.port, user: server.user, passwordStorage: 'ask' } });
    assert.ok(created.ok, JSON.stringify(created));
    assert.equal(created.value.allowClearData, false, 'off by default');
    const refused = await services.api.remoteConnect({ kind: 'site', siteId: created.value.id, password: server.password });
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.error.kind, 'tls-required');
    assert.match(!refused.ok ? refused.error.message : '', REFUSAL);

    const updated = await services.api.sitesUpdate({ id: created.value.id, changes: { allowClearData: true } });
    assert.ok(updated.ok && updated.value.allowClearData, JSON.stringify(updated));
    const connected = await services.api.remoteConnect({ kind: 'site', siteId: created.value.id, password: server.password });
    assert.ok(connected.ok, JSON.stringify(connected));
    const listing = await services.api.remoteList({ sessionId: connected.value.sessionId, path: '/' });
    assert.ok(listing.ok && listing.value.entries.some((e) => e.name === 'clear.txt'), JSON.stringify(listing));
    const report = await services.api.remoteSecurityReport({ sessionId: connected.value.sessionId });
    assert.ok(report.ok && report.value.dataProtected === false);
    await services.api.remoteDisconnect({ sessionId: connected.value.sessionId });
  });

  test('the command line refuses it (TLS exit code) unless --allow-clear-data', async () => {
    const url = `ftpes://${server.user}@${server.host}:${server.port}/`;
    const refused = await run(['ls', url, '--ca', caFile]);
    assert.equal(refused.code, 4, refused.stderr);
    assert.match(refused.stderr, /refused to encrypt data connections.*--allow-clear-data/);
    const allowed = await run(['ls', url, '--ca', caFile, '--allow-clear-data']);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, /clear\.txt/);
  });
});
