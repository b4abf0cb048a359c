/**
 * The app-wide proxy setting's file (proxy-settings.json) when it cannot be read or is damaged, through the services
 * main runs (createWharfServices): the store is read when first needed, after start-up. A file that cannot be read
 * (here a folder under its name: root reads any file) is a clear error naming it, and a save fails without touching
 * it or the saved proxy password. A damaged one is an error naming it when first read after start-up, left as it
 * is and not repaired behind the user's back (test/services/proxy-settings-damaged.servers.test.ts: nothing connects).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { CredentialStore } from '../../main/credentials/keychain';
import { HeadlessPlatform } from '../../main/services/platform';
import { createWharfServices, type WharfServices } from '../../main/services/wharf-services';
import { APP_PROXY_ACCOUNT, PROXY_SETTINGS_FILE_NAME } from '../../main/sites/proxy-settings';

const work = mkdtempSync(join(tmpdir(), 'wharf-proxy-unreadable-'));
after(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;

/** A keychain in memory: what the proxy password is after each step. */
class MemoryKeychain implements CredentialStore {
  readonly secrets = new Map<string, string>();
  async get(id: string) {
    return this.secrets.get(id) ?? null;
  }
  async set(id: string, password: string) {
    this.secrets.set(id, password);
  }
  async delete(id: string) {
    return this.secrets.delete(id);
  }
  async isAvailable() {
    return { available: true } as const;
  }
}

async function servicesIn(prepare: (dataDir: string) => void): Promise<{ services: WharfServices; dataDir: string; keychain: MemoryKeychain }> {
  const dataDir = join(work, `data-${++counter}`);
  mkdirSync(dataDir);
  prepare(dataDir);
  const keychain = new MemoryKeychain();
  keychain.secrets.set(APP_PROXY_ACCOUNT, 'the saved secret');
  const services = await createWharfServices({ dataDir, home: work, platform: new HeadlessPlatform(), app: { name: 'Wharf', version: 'test' }, credentials: keychain });
  return { services, dataDir, keychain };
}

describe('an app-wide proxy settings file that cannot be read', () => {
  test('reading it is an error naming the file; saving fails with the file and the saved password untouched', async () => {
    const { services, dataDir, keychain } = await servicesIn((dir) => {
      mkdirSync(join(dir, PROXY_SETTINGS_FILE_NAME));
      writeFileSync(join(dir, PROXY_SETTINGS_FILE_NAME, 'inside'), 'kept');
    });
    try {
      const read = await services.api.proxySettingsGet({});
      assert.ok(!read.ok);
      assert.equal(read.error.kind, 'local-io');
      assert.match(read.error.message, /cannot read its proxy settings file .*proxy-settings\.json; it was left untouched \(EISDIR\)/);

      const saved = await services.api.proxySettingsSet({ mode: 'custom', proxyUrl: 'socks5://127.0.0.1:1080', password: 'a new secret' });
      assert.ok(!saved.ok);
      assert.equal(saved.error.kind, 'local-io');
      assert.equal(keychain.secrets.get(APP_PROXY_ACCOUNT), 'the saved secret', 'the password is not replaced by a save that failed');
      assert.deepEqual(readdirSync(join(dataDir, PROXY_SETTINGS_FILE_NAME)), ['inside']);
      assert.equal(readFileSync(join(dataDir, PROXY_SETTINGS_FILE_NAME, 'inside'), 'utf8'), 'kept');
      assert.deepEqual(readdirSync(dataDir).filter((name) => name.startsWith(PROXY_SETTINGS_FILE_NAME)), [PROXY_SETTINGS_FILE_NAME], 'no backup, no new file');
    } finally {
      await services.dispose();
    }
  });

  test('a damaged file first read after start-up: an error naming it, the file left as it is, nothing repaired', async () => {
    const damaged = '{"schemaVersion": 1, "mode": "custom", "proxyUrl": "socks5://10.0.0.1:1080"';
    const { services, dataDir } = await servicesIn((dir) => writeFileSync(join(dir, PROXY_SETTINGS_FILE_NAME), damaged));
    try {
      const listed = await services.api.sitesList({});
      assert.ok(listed.ok);
      assert.equal(listed.value.warnings.length, 0, 'not read at start-up');
      const read = await services.api.proxySettingsGet({});
      assert.ok(!read.ok);
      assert.equal(read.error.detail?.['reason'], 'proxy-settings-damaged');
      assert.match(read.error.message, /The proxy settings file .*proxy-settings\.json is damaged/);
      const after = await services.api.sitesList({});
      assert.ok(after.ok);
      assert.deepEqual(after.value.warnings, [], 'no repair to report: nothing was repaired');
      assert.equal(readFileSync(join(dataDir, PROXY_SETTINGS_FILE_NAME), 'utf8'), damaged);
      assert.deepEqual(readdirSync(dataDir).filter((name) => name.startsWith(PROXY_SETTINGS_FILE_NAME)), [PROXY_SETTINGS_FILE_NAME]);
    } finally {
      await services.dispose();
    }
  });
});
