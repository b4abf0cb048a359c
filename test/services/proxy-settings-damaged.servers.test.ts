/**
 * A damaged app-wide proxy settings file (proxy-settings.json) through the services main runs: no connection is
 * made while it is damaged, read as the default it would send a user who set a proxy direct. Connecting (a quick
 * connection, a site following the app setting, a site with a proxy choice of its own) and the doctor fail before
 * any socket is opened, on a listening socket that counts connections, with one error naming the file and the two
 * ways out; the file is left as it is. A session connected before the file was damaged opens no connection for its
 * queue or a folder compare either (vsftpd). Saving the proxy settings writes a good file, the damaged bytes kept
 * as a backup, and connections go on at once, without a restart.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { WharfErrorData } from '../../common/models/errors';
import type { WharfServices } from '../../main/services/wharf-services';
import { PROXY_SETTINGS_FILE_NAME } from '../../main/sites/data-dir';
import { useFleet, writeServerFile } from '../servers/fleet';
import { fleetServices, value, whenQueueItem } from './support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-proxy-damaged-'));
const DAMAGED = '{"schemaVersion": 1, "mode": "custom", "proxyUrl": "socks5://10.0.0.1:1080"';
const FOLDER = `proxy-damaged-${process.pid}`;
let counter = 0;

/** A TCP port that counts the connections it is offered and closes each at once. */
const sockets: Socket[] = [];
const listener = createServer((socket) => {
  sockets.push(socket);
  socket.destroy();
});
let port = 0;

before(async () => {
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  port = (listener.address() as { port: number }).port;
  writeServerFile(fleet.servers['vsftpd-explicit'], `${FOLDER}/file.txt`, 'not to be fetched');
});

after(async () => {
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  rmSync(join(fleet.servers['vsftpd-explicit'].root, FOLDER), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

async function servicesWith(proxyFile: string | null): Promise<{ services: WharfServices; dataDir: string; home: string }> {
  const dataDir = join(work, `data-${++counter}`);
  const home = join(work, `home-${counter}`);
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(home, { recursive: true });
  if (proxyFile !== null) writeFileSync(join(dataDir, PROXY_SETTINGS_FILE_NAME), proxyFile);
  return { services: await fleetServices({ dataDir, home, caPem: fleet.caCertPem }), dataDir, home };
}

/** The one error of a damaged proxy settings file: it names the file and both ways out. */
function assertDamagedError(result: { ok: true } | { ok: false; error: WharfErrorData }, dataDir: string, what: string): void {
  assert.ok(!result.ok, `${what} failed`);
  assert.equal(result.error.kind, 'local-io', what);
  assert.equal(result.error.detail?.['reason'], 'proxy-settings-damaged', what);
  assert.ok(result.error.message.includes(join(dataDir, PROXY_SETTINGS_FILE_NAME)), `${what}: ${result.error.message}`);
  assert.match(result.error.message, /is damaged, so Wharf makes no connection/, what);
  assert.match(result.error.message, /save the proxy settings again in Wharf \(Site Manager, then Proxy…\)/, what);
  assert.match(result.error.message, /or delete the file to go back to the default/, what);
}

const quick = () => ({ kind: 'quick' as const, host: '127.0.0.1', port, mode: 'explicit' as const, user: 'someone', password: 'secret' });

describe('a damaged proxy settings file', () => {
  test('nothing connects: quick connect, sites (following the app setting or not), the doctor; the file left as it is', async () => {
    const { services, dataDir } = await servicesWith(DAMAGED);
    try {
      const following = value(await services.api.sitesCreate({ site: { name: 'Follows the app', host: '127.0.0.1', port, user: 'someone', passwordStorage: 'ask' } }));
      const direct = value(await services.api.sitesCreate({ site: { name: 'Own choice', host: '127.0.0.1', port, user: 'someone', passwordStorage: 'ask', proxyMode: 'none' } }));
      assert.equal(following.proxyMode ?? 'app', 'app');

      assertDamagedError(await services.api.remoteConnect(quick()), dataDir, 'a quick connection');
      assertDamagedError(await services.api.remoteConnect({ kind: 'site', siteId: following.id, password: 'secret' }), dataDir, 'a site following the app setting');
      assertDamagedError(await services.api.remoteConnect({ kind: 'site', siteId: direct.id, password: 'secret' }), dataDir, 'a site with no proxy');
      assertDamagedError(await services.api.doctorRun({ kind: 'quick', host: '127.0.0.1', port, user: 'someone', password: 'secret' }), dataDir, 'the doctor');
      assertDamagedError(await services.api.doctorRun({ kind: 'site', siteId: following.id, password: 'secret' }), dataDir, 'the doctor of a site');
      assertDamagedError(await services.api.proxySettingsGet({}), dataDir, 'reading the setting');
      assert.equal(sockets.length, 0, 'no connection reached the port');

      assert.equal(readFileSync(join(dataDir, PROXY_SETTINGS_FILE_NAME), 'utf8'), DAMAGED, 'the file is left as it is');
      assert.deepEqual(readdirSync(dataDir).filter((name) => name.startsWith(PROXY_SETTINGS_FILE_NAME)), [PROXY_SETTINGS_FILE_NAME], 'no backup, no new file');
      // The rest of the app works: the site manager lists the sites.
      assert.equal(value(await services.api.sitesList({})).sites.length, 2);
    } finally {
      await services.dispose();
    }
  });

  test('saving the proxy settings writes a good file (the damaged one kept) and connections go on at once', async () => {
    const { services, dataDir } = await servicesWith(DAMAGED);
    try {
      assertDamagedError(await services.api.remoteConnect(quick()), dataDir, 'before the save');
      const before = sockets.length;
      const saved = value(await services.api.proxySettingsSet({ mode: 'none', proxyUrl: '' }));
      assert.equal(saved.mode, 'none');
      const backups = readdirSync(dataDir).filter((name) => name.startsWith(`${PROXY_SETTINGS_FILE_NAME}.corrupt-`));
      assert.equal(backups.length, 1, readdirSync(dataDir).join(', '));
      assert.equal(readFileSync(join(dataDir, backups[0]!), 'utf8'), DAMAGED, 'the damaged bytes are kept');
      assert.equal(JSON.parse(readFileSync(join(dataDir, PROXY_SETTINGS_FILE_NAME), 'utf8')).mode, 'none');

      const connected = await services.api.remoteConnect(quick());
      assert.ok(!connected.ok, 'the port closes every connection');
      assert.notEqual(connected.error.detail?.['reason'], 'proxy-settings-damaged');
      assert.equal(sockets.length, before + 1, 'the connection reached the port');
    } finally {
      await services.dispose();
    }
  });

  test('a session connected before the file was damaged: its queue and a folder compare open no connection', async () => {
    const server = fleet.servers['vsftpd-explicit'];
    const { services, dataDir, home } = await servicesWith(null);
    try {
      const { sessionId } = value(await services.api.remoteConnect({ kind: 'quick', host: server.host, port: server.port, mode: 'explicit', user: server.user, password: server.password }));
      writeFileSync(join(dataDir, PROXY_SETTINGS_FILE_NAME), DAMAGED);

      const remotePath = `/${FOLDER}/file.txt`;
      value(await services.api.queueEnqueue({ sessionId, transfers: [{ direction: 'download', localFolder: home, remoteFolder: `/${FOLDER}`, name: 'file.txt', kind: 'file' }] }));
      const item = await whenQueueItem(services, remotePath, (i) => i.state === 'failed' || i.state === 'done');
      assert.equal(item.state, 'failed');
      assert.equal(item.lastError?.detail?.['reason'], 'proxy-settings-damaged', item.lastError?.message);
      assert.deepEqual(readdirSync(home), [], 'nothing downloaded');

      assertDamagedError(await services.api.syncCompare({ sessionId, localRoot: home, remoteRoot: `/${FOLDER}` }), dataDir, 'a folder compare');
      await services.api.remoteDisconnect({ sessionId });
    } finally {
      await services.dispose();
    }
  });
});
