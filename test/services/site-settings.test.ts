/**
 * A saved site edited while connected, through the services main runs (createWharfServices) against the
 * real vsftpd of the fleet: the next upload queued follows the new "upload via a temporary name", the
 * queue's pool comes down to a lowered maximum of connections without a new login, and the open session
 * reads listings with the new timezone offset under the new name, even one saved while it was logging in.
 * Waits follow queue and session events and the sessions' own uploads, never the clock.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SiteCreateInput, SiteProfile, SiteUpdateInput } from '../../common/models/site-profile';
import type { TransferItem } from '../../common/models/transfer';
import { FtpsSession, type SessionOptions } from '../../main/ftps/session';
import { HeadlessPlatform } from '../../main/services/platform';
import { createWharfServices, type WharfServices } from '../../main/services/wharf-services';
import { PinnedCertificateStore } from '../../main/sites/pinned-certificates';
import { testBytes } from '../ftps/support';
import { value } from './support';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';

const fleet = await useFleet();
const server: ServerInfo = fleet.servers['vsftpd-explicit'];
const work = mkdtempSync(join(tmpdir(), 'wharf-site-settings-'));
const home = join(work, 'home');
const dataDir = join(work, 'data');
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** An upload a pool session is sending now, and how many others were running when it started. */
interface UploadStart {
  readonly remotePath: string;
  readonly othersRunning: number;
}

/**
 * Counts what the queue's pool does on the real sessions: logins, sessions still open, uploads running at
 * once. Browsing sessions (ids that are not `transfer-N`) pass through untouched.
 */
class PoolWatch {
  logins = 0;
  /** Ids of the pool sessions not closed yet. */
  readonly open = new Set<string>();
  running = 0;
  readonly starts: UploadStart[] = [];
  private readonly waiters: { readonly ready: () => boolean; readonly resolve: () => void }[] = [];

  /** While set, a browsing session, logged in, is handed over only once this settles. */
  browseHandOver: Promise<void> | null = null;

  readonly openSession = async (options: SessionOptions): Promise<FtpsSession> => {
    const session = await FtpsSession.open(options);
    if (!session.id.startsWith('transfer-')) {
      await this.browseHandOver;
      return session;
    }
    this.logins += 1;
    this.open.add(session.id);
    const upload = session.upload.bind(session);
    session.upload = async (source, remotePath, uploadOptions) => {
      this.starts.push({ remotePath, othersRunning: this.running });
      this.running += 1;
      this.changed();
      try {
        return await upload(source, remotePath, uploadOptions);
      } finally {
        this.running -= 1;
      }
    };
    const close = session.close.bind(session);
    session.close = () => {
      this.open.delete(session.id);
      return close();
    };
    return session;
  };

  /** Resolves once `ready` holds after some upload started (or at once if it holds now). */
  until(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ready, resolve }));
  }

  private changed(): void {
    for (const waiter of [...this.waiters]) {
      if (!waiter.ready()) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}

const pool = new PoolWatch();
let services: WharfServices;

before(async () => {
  mkdirSync(home, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  // The certificate is pinned beforehand, as "Always trust" leaves it: no question to answer in between.
  await new PinnedCertificateStore({ dataDir }).pin({ host: server.host, port: server.port, fingerprintSha256: server.certFingerprintSha256 as string, subject: 'CN=fleet' });
  services = await createWharfServices({ dataDir, home, platform: new HeadlessPlatform(), app: { name: 'Wharf', version: 'test' }, openSession: pool.openSession });
});

after(async () => {
  await services?.dispose();
  rmSync(work, { recursive: true, force: true });
});

/** A site on the fleet's vsftpd whose password is typed on connect (so no keychain is involved). */
async function createSite(settings: Partial<SiteCreateInput> = {}): Promise<SiteProfile> {
  return value(
    await services.api.sitesCreate({
      site: { name: unique('site'), host: server.host, port: server.port, user: server.user, passwordStorage: 'ask', ...settings },
    }),
  );
}

async function connect(site: SiteProfile): Promise<string> {
  return value(await services.api.remoteConnect({ kind: 'site', siteId: site.id, password: server.password })).sessionId;
}

async function updateSite(site: SiteProfile, changes: SiteUpdateInput): Promise<SiteProfile> {
  return value(await services.api.sitesUpdate({ id: site.id, changes }));
}

/** A local file of `size` bytes under the allowed home, and a fresh folder for it on the server. */
function localFile(prefix: string, size: number): { localPath: string; data: Buffer; folder: string } {
  const name = unique(prefix);
  const data = testBytes(size, counter);
  const localPath = join(home, `${name}.bin`);
  writeFileSync(localPath, data);
  const folder = `/${unique(`${prefix}-folder`)}`;
  writeServerFile(server, `${folder}/.keep`, '');
  return { localPath, data, folder };
}

async function enqueueUpload(sessionId: string, localPath: string, remotePath: string): Promise<void> {
  const result = value(await services.api.queueEnqueue({ sessionId, transfers: [{ direction: 'upload', localPath, remotePath, kind: 'file' }] }));
  assert.equal(result.added, 1);
}

/** Resolves once every item the queue holds for `remotePaths` is done; fails at the first that fails. */
function whenDone(remotePaths: readonly string[]): Promise<readonly TransferItem[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const items = services.queue.snapshot().items.filter((i) => remotePaths.includes(i.remotePath));
      const failed = items.find((i) => i.state === 'failed' || i.state === 'skipped');
      if (failed) {
        off();
        reject(new Error(`${failed.remotePath} ended ${failed.state}: ${failed.lastError?.message ?? failed.skipReason ?? ''}`));
      } else if (items.length === remotePaths.length && items.every((i) => i.state === 'done')) {
        off();
        resolve(items);
      }
    };
    const off = services.events.subscribe((event) => {
      if (event === 'queueUpdate') check();
    });
    check();
  });
}

/** The FTP commands the queue's sessions sent so far (the same log the window shows). */
function commandsSent(): string[] {
  return services.log.recent().filter((line) => line.direction === 'command').map((line) => line.text);
}

describe('a saved site edited while connected', () => {
  test('the next queued upload follows the new “upload via a temporary name”, without reconnecting', async () => {
    const site = await createSite();
    assert.equal(site.uploadViaTemporaryName, true);
    const sessionId = await connect(site);

    const first = localFile('temporary', 64 * 1024);
    await enqueueUpload(sessionId, first.localPath, `${first.folder}/first.bin`);
    await whenDone([`${first.folder}/first.bin`]);
    assert.ok(commandsSent().some((c) => c === `STOR ${first.folder}/first.bin.wharf-part`), 'with the setting on, the upload goes via NAME.wharf-part');

    await updateSite(site, { uploadViaTemporaryName: false });
    const second = localFile('in-place', 64 * 1024);
    await enqueueUpload(sessionId, second.localPath, `${second.folder}/second.bin`);
    const [item] = await whenDone([`${second.folder}/second.bin`]);
    assert.equal(item?.temporaryRemotePath, null);
    const commands = commandsSent();
    assert.ok(commands.includes(`STOR ${second.folder}/second.bin`), 'the upload writes its final name directly');
    assert.equal(commands.some((c) => c.includes('second.bin.wharf-part')), false, 'no temporary name is used any more');
    assert.deepEqual(readFileSync(join(server.root, second.folder, 'second.bin')), second.data);
    assert.equal(services.remote.list().find((s) => s.sessionId === sessionId)?.state, 'connected', 'the session stayed open');
    await services.api.remoteDisconnect({ sessionId });
  });

  test('the pool comes down to a lowered maximum of connections: no new login, one upload at a time', async () => {
    const site = await createSite({ maxConnections: 3 });
    const sessionId = await connect(site);
    // Sessions of the other tests' sites may still idle in the pool: only those opened here count.
    const before = { logins: pool.logins, starts: pool.starts.length, open: new Set(pool.open) };
    // Held back by the speed limit, three uploads run at once on three pool sessions.
    value(await services.api.queueSetSpeedLimit({ bytesPerSecond: 128 * 1024 }));
    const held = [0, 1, 2].map(() => localFile('held', 2 * 1024 * 1024));
    for (const [i, file] of held.entries()) await enqueueUpload(sessionId, file.localPath, `${file.folder}/held-${i}.bin`);
    await pool.until(() => pool.running === 3);
    assert.equal(pool.logins - before.logins, 3);

    await updateSite(site, { maxConnections: 1 });
    const after = [0, 1, 2].map(() => localFile('after', 256 * 1024));
    for (const [i, file] of after.entries()) await enqueueUpload(sessionId, file.localPath, `${file.folder}/after-${i}.bin`);
    value(await services.api.queueSetSpeedLimit({ bytesPerSecond: null }));
    await whenDone([...held.map((f, i) => `${f.folder}/held-${i}.bin`), ...after.map((f, i) => `${f.folder}/after-${i}.bin`)]);

    const laterStarts = pool.starts.slice(before.starts).filter((s) => s.remotePath.includes('/after-'));
    assert.equal(laterStarts.length, 3);
    assert.deepEqual(laterStarts.map((s) => s.othersRunning), [0, 0, 0], 'uploads queued after the change ran one at a time');
    assert.equal(pool.logins - before.logins, 3, 'the sessions were reused: no new login');
    assert.equal([...pool.open].filter((id) => !before.open.has(id)).length, 1, 'the sessions beyond the new maximum were closed as their uploads ended');
    for (const [i, file] of after.entries()) assert.deepEqual(readFileSync(join(server.root, file.folder, `after-${i}.bin`)), file.data);
    await services.api.remoteDisconnect({ sessionId });
  });

  test('the open session lists times with the new timezone offset and shows the new name', async () => {
    const site = await createSite();
    const sessionId = await connect(site);
    const folder = `/${unique('timezone')}`;
    const path = writeServerFile(server, `${folder}/dated.txt`, 'dated');
    const threeDaysAgo = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3 * 24 * 3600_000);
    utimesSync(path, threeDaysAgo, threeDaysAgo);
    const modifiedAt = async () => value(await services.api.remoteList({ sessionId, path: folder })).entries.find((e) => e.name === 'dated.txt')?.modifiedAt;
    const readAtOffsetZero = await modifiedAt();
    assert.ok(readAtOffsetZero);

    const renamed = unique('renamed');
    await updateSite(site, { timezoneOffsetMinutes: 120, name: renamed });
    // The same LIST line read as the clock of a server two hours ahead of UTC: two hours earlier.
    assert.equal(await modifiedAt(), new Date(Date.parse(readAtOffsetZero) - 120 * 60_000).toISOString());
    assert.equal(services.remote.list().find((s) => s.sessionId === sessionId)?.label, renamed);
    await services.api.remoteDisconnect({ sessionId });
  });

  test('a timezone offset saved while the session is still logging in applies to its first listing', async () => {
    const site = await createSite();
    const folder = `/${unique('timezone-connecting')}`;
    writeServerFile(server, `${folder}/dated.txt`, 'dated');
    const connecting = new Promise<void>((resolve) => {
      const off = services.events.subscribe((event, payload) => {
        if (event === 'sessionState' && (payload as { siteId: string | null }).siteId === site.id) {
          off();
          resolve();
        }
      });
    });
    let handOver!: () => void;
    pool.browseHandOver = new Promise((resolve) => (handOver = resolve));
    try {
      const connected = connect(site);
      await connecting;
      await updateSite(site, { timezoneOffsetMinutes: -90 });
      handOver();
      const sessionId = await connected;
      const listed = value(await services.api.remoteList({ sessionId, path: folder })).entries.find((e) => e.name === 'dated.txt')?.modifiedAt;
      await services.api.remoteDisconnect({ sessionId });
      // The same file through a session opened after the change reads the same time.
      const fresh = await connect(site);
      const reference = value(await services.api.remoteList({ sessionId: fresh, path: folder })).entries.find((e) => e.name === 'dated.txt')?.modifiedAt;
      await services.api.remoteDisconnect({ sessionId: fresh });
      assert.ok(listed && reference);
      assert.equal(listed, reference);
    } finally {
      pool.browseHandOver = null;
      handOver();
    }
  });
});
