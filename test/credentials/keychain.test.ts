import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import type { WharfErrorData } from '../../common/models';
import {
  KEYCHAIN_SERVICE,
  KeytarCredentialStore,
  describeKeychainError,
  type KeychainAvailability,
  type KeytarLike,
} from '../../main/credentials/keychain';
import { WharfError } from '../../main/core/errors';
import {
  TrackingCredentialStore,
  envWithoutSessionBus,
  lastJson,
  requireKeyring,
  run,
  tempDir,
} from './keyring-helpers';

const child = join('test', 'credentials', 'fixtures', 'keychain-child.ts');
const ASK = /ask for the password on connect/;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: WharfErrorData };

function requireCommands(t: TestContext, ...names: string[]): boolean {
  const missing = names.filter((n) => spawnSync('sh', ['-c', `command -v ${n}`], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return true;
  if (process.env.CI === 'true') throw new Error(`CI must provide ${missing.join(', ')}`);
  t.skip(`missing ${missing.join(', ')}`);
  return false;
}

function assertKeychainError(outcome: Outcome<unknown>, problem: string): WharfErrorData {
  assert.equal(outcome.ok, false, 'the operation should have failed');
  const error = (outcome as { error: WharfErrorData }).error;
  assert.equal(error.kind, 'keychain');
  assert.equal(error.detail?.problem, problem, error.message);
  assert.match(error.message, ASK);
  return error;
}

describe('keychain against the real Secret Service', () => {
  test('saves, reads, changes and deletes a password, one entry per site under "Wharf"', async (t) => {
    if (!(await requireKeyring(t))) return;
    const store = new TrackingCredentialStore();
    const id = randomUUID();
    try {
      assert.equal(await store.get(id), null, 'nothing saved yet');
      await store.set(id, 'first pässwörd ✓');
      assert.equal(await store.get(id), 'first pässwörd ✓');

      // The entry is exactly service "Wharf", account = site id.
      const keytar = (await import('keytar')) as unknown as { default?: KeytarLike };
      const raw = keytar.default ?? (keytar as unknown as KeytarLike);
      assert.equal(await raw.getPassword(KEYCHAIN_SERVICE, id), 'first pässwörd ✓');

      await store.set(id, 'second');
      assert.equal(await store.get(id), 'second', 'set replaces');
      assert.equal(await store.delete(id), true);
      assert.equal(await store.get(id), null);
      assert.equal(await store.delete(id), false, 'deleting twice reports there was nothing');
    } finally {
      await store.cleanUp();
    }
  });

  test('keeps passwords of different sites apart', async (t) => {
    if (!(await requireKeyring(t))) return;
    const store = new TrackingCredentialStore();
    const [a, b] = [randomUUID(), randomUUID()];
    try {
      await store.set(a, 'alpha');
      await store.set(b, 'beta');
      await store.delete(a);
      assert.equal(await store.get(a), null);
      assert.equal(await store.get(b), 'beta');
    } finally {
      await store.cleanUp();
    }
  });

  test('reports itself available when the keyring is unlocked', async (t) => {
    if (!(await requireKeyring(t))) return;
    assert.deepEqual(await new KeytarCredentialStore().isAvailable(), { available: true });
  });
});

describe('when the keychain is unavailable', () => {
  test('with no D-Bus session (SSH, container) it says so and offers ask-on-connect', async () => {
    const result = await run(process.execPath, ['--import', 'tsx', child, 'probe'], envWithoutSessionBus());
    const out = lastJson<{ availability: KeychainAvailability; set: Outcome<void>; get: Outcome<string | null> }>(result);
    assert.equal(out.availability.available, false);
    assert.match((out.availability as { reason: string }).reason, /no desktop session bus \(D-Bus\)/);
    assertKeychainError(out.set, 'no-dbus');
    assertKeychainError(out.get, 'no-dbus');
    assert.ok(!result.stdout.includes('probe-secret') && !result.stderr.includes('probe-secret'), 'the password never appears');
  });

  test('with a bus address that leads nowhere it says the same', async () => {
    const env = envWithoutSessionBus({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/wharf-test-bus' });
    const out = lastJson<{ set: Outcome<void> }>(await run(process.execPath, ['--import', 'tsx', child, 'probe'], env));
    assertKeychainError(out.set, 'no-dbus');
  });

  test('with a session bus but no Secret Service it names the missing keyring service', async (t) => {
    if (!requireCommands(t, 'dbus-run-session')) return;
    const dir = await tempDir('nosvc');
    try {
      // A session bus that can activate nothing: org.freedesktop.secrets is "not provided by any .service files".
      const config = join(dir.path, 'session.conf');
      await writeFile(
        config,
        `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${dir.path}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>\n`,
      );
      const result = await run('dbus-run-session', [`--config-file=${config}`, '--', process.execPath, '--import', 'tsx', child, 'probe'], envWithoutSessionBus());
      const out = lastJson<{ availability: KeychainAvailability; set: Outcome<void> }>(result);
      const error = assertKeychainError(out.set, 'no-secret-service');
      assert.match(error.message, /No keyring service is running/);
      assert.equal(out.availability.available, false);
    } finally {
      await dir.remove();
    }
  });

  test('with a locked keyring it says the keyring is locked (a read alone would not tell)', async (t) => {
    if (!requireCommands(t, 'dbus-run-session', 'gnome-keyring-daemon', 'dbus-send')) return;
    const home = await tempDir('locked');
    try {
      // Its own bus and HOME: a fresh login keyring, unlocked, then locked over D-Bus by the child.
      const script = 'printf %s wharf-lock-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$0" --import tsx "$1" lock-then-probe';
      const env = envWithoutSessionBus({ HOME: home.path, XDG_DATA_HOME: join(home.path, 'data') });
      const result = await run('dbus-run-session', ['--', 'bash', '-c', script, process.execPath, child], env);
      const out = lastJson<{ before: Outcome<void>; set: Outcome<void>; availability: KeychainAvailability }>(result);
      assert.equal(out.before.ok, true, 'the keyring worked before it was locked');
      const error = assertKeychainError(out.set, 'locked');
      assert.match(error.message, /The keyring is locked/);
      assert.equal(out.availability.available, false);
      assert.match((out.availability as { reason: string }).reason, /locked/);
    } finally {
      await home.remove();
    }
  });

  test('the site manager flow: saving the password fails clearly, nothing is written, "ask on connect" works', async () => {
    const dir = await tempDir('askflow');
    const password = `pw-${randomUUID()}`;
    try {
      const result = await run(process.execPath, ['--import', 'tsx', child, 'ask-flow', dir.path, password], envWithoutSessionBus());
      const out = lastJson<{
        availability: KeychainAvailability;
        saveWithPassword: Outcome<unknown>;
        sitesAfterFailure: number;
        askSite: Outcome<{ passwordStorage: string; hasPassword: boolean }>;
        connectPassword: Outcome<string | null>;
        renamed: string;
        listed: { name: string; passwordStorage: string; hasPassword: boolean }[];
        deleted: Outcome<void>;
        sitesAtEnd: number;
      }>(result);
      assert.equal(out.availability.available, false);
      const error = assertKeychainError(out.saveWithPassword, 'no-dbus');
      assert.ok(!error.message.includes(password));
      assert.equal(out.sitesAfterFailure, 0, 'a site whose password could not be saved is not half-created');
      assert.equal(out.askSite.ok, true);
      assert.deepEqual(
        out.askSite.ok && { storage: out.askSite.value.passwordStorage, has: out.askSite.value.hasPassword },
        { storage: 'ask', has: false },
      );
      assert.deepEqual(out.connectPassword, { ok: true, value: null }, 'connect will ask');
      assert.equal(out.renamed, 'Office (ask)');
      assert.deepEqual(out.listed, [{ name: 'Office (ask)', passwordStorage: 'ask', hasPassword: false }]);
      assert.equal(out.deleted.ok, true, 'an "ask" site can be deleted without a keychain');
      assert.equal(out.sitesAtEnd, 0);
      assert.ok(!result.stdout.includes(password) && !result.stderr.includes(password), 'the password is never printed');
    } finally {
      await dir.remove();
    }
  });

  test('without the keytar module the store still loads and every call says why', async () => {
    let attempts = 0;
    const store = new KeytarCredentialStore({
      load: async () => {
        attempts++;
        throw Object.assign(new Error("Cannot find module 'keytar'"), { code: 'MODULE_NOT_FOUND' });
      },
    });
    await assert.rejects(store.get(randomUUID()), (err: unknown) => {
      assert.ok(err instanceof WharfError);
      assert.equal(err.kind, 'keychain');
      assert.equal(err.detail?.problem, 'module-missing');
      assert.match(err.message, /keytar module is missing/);
      return true;
    });
    const availability = await store.isAvailable();
    assert.equal(availability.available, false);
    assert.equal(attempts, 2, 'loading is retried on the next call rather than cached as a failure');
  });
});

describe('keychain error messages', () => {
  const table: readonly { system: string; problem: string; says: RegExp }[] = [
    { system: 'Cannot autolaunch D-Bus without X11 $DISPLAY', problem: 'no-dbus', says: /no desktop session bus/ },
    { system: 'Could not connect: No such file or directory', problem: 'no-dbus', says: /no desktop session bus/ },
    { system: 'The name org.freedesktop.secrets was not provided by any .service files', problem: 'no-secret-service', says: /No keyring service is running/ },
    { system: 'Cannot create an item in a locked collection', problem: 'locked', says: /The keyring is locked/ },
    { system: 'Object does not exist at path “/org/freedesktop/secrets/collection/login”', problem: 'no-default-keyring', says: /no default keyring/ },
    { system: 'User canceled the operation.', problem: 'denied', says: /refused access/ },
    { system: 'Something nobody has seen before', problem: 'other', says: /reported an error: Something nobody has seen before/ },
  ];
  for (const row of table) {
    test(`"${row.system}" becomes ${row.problem}, in plain words, with the ask-on-connect way out`, () => {
      const data = describeKeychainError(new Error(row.system));
      assert.equal(data.kind, 'keychain');
      assert.equal(data.detail?.problem, row.problem);
      assert.match(data.message, row.says);
      assert.match(data.message, ASK);
      assert.match(data.message, /never saves passwords in a file/);
    });
  }

  test('never carries the password, even when the platform error echoes it', async () => {
    const secret = `s3cr3t-${randomUUID()}`;
    const echoing: KeytarLike = {
      getPassword: async () => null,
      setPassword: async (_service, _account, password) => {
        throw new Error(`could not store "${password}" in the collection`);
      },
      deletePassword: async () => false,
    };
    const store = new KeytarCredentialStore({ load: async () => echoing });
    await assert.rejects(store.set(randomUUID(), secret), (err: unknown) => {
      assert.ok(err instanceof WharfError);
      const everything = JSON.stringify({ ...err.toData(), stack: err.stack, cause: String(err.cause) });
      assert.ok(!everything.includes(secret), everything);
      assert.match(err.message, /\*\*\*/);
      return true;
    });
  });
});
