/**
 * Download temporaries and links, against a scripted server over real TLS through the real queue: a
 * download's temporary file is `.NAME.<item id>.wharf-part`, recorded in the item before the first byte,
 * so the server's or the user's `NAME.part` is just another file; links planted at the target, at the
 * temporary file or at a subfolder are never written through, and one leading outside the chosen folder
 * fails its item with the reason while the rest of the queue completes.
 */
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { OverwritePolicy, TransferItem } from '../../common/models/transfer';
import { FtpsSession } from '../../main/ftps/session';
import { saveQueueFile } from '../../main/transfers/queue-file';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { useFleet } from '../servers/fleet';
import { startHostileServer, type HostileServer } from './hostile-server';
import { treeListing } from './link-figures';
import { PASSWORD, USER } from './scenarios';
import { fleetCertificate } from './support';

const fleet = await useFleet();
const cert = fleetCertificate(fleet, 'server');

/** What the server holds: `/t/a`, `/t/a.part` (a real file of its own) and `/t/sub/inner.txt`. */
const FILES: Readonly<Record<string, string>> = {
  '/t/a': 'the file named a, from the server',
  '/t/a.part': 'a server file that happens to be named a.part',
  '/t/sub/inner.txt': 'inner file',
};
const VICTIM = 'a file of the user outside the chosen folder';

let server: HostileServer;
let base: string;
let counter = 0;

before(async () => {
  server = await startHostileServer({
    mode: 'explicit', key: cert.key, cert: cert.cert, features: ['MLST type*;size*;modify*;'],
    listing: (path) => treeListing(FILES, path),
    file: (path) => (FILES[path] === undefined ? null : Buffer.from(FILES[path])),
  });
  base = mkdtempSync(join(tmpdir(), 'wharf-temporaries-'));
});

after(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

/** A fresh chosen folder and, beside it, an outside folder holding the user's victim file. */
function folders(): { chosen: string; outside: string; victim: string } {
  const dir = join(base, `case-${++counter}`);
  const chosen = join(dir, 'chosen');
  const outside = join(dir, 'outside');
  mkdirSync(chosen, { recursive: true });
  mkdirSync(outside, { recursive: true });
  const victim = join(outside, 'victim.txt');
  writeFileSync(victim, VICTIM);
  return { chosen, outside, victim };
}

function openQueue(overwrite: OverwritePolicy, stateFile: string | null = null): Promise<TransferQueue> {
  return TransferQueue.open({
    openSession: () =>
      FtpsSession.open({
        target: { host: '127.0.0.1', port: server.port, mode: 'explicit', user: USER, dataMode: 'passive', minTlsVersion: 'TLSv1.2', timezoneOffsetMinutes: 0, encoding: 'utf8' },
        password: PASSWORD,
        pinnedFingerprint: cert.fingerprint,
        keepAliveIntervalMs: 0,
        timeoutMs: 5000,
      }),
    stateFile,
    defaultOverwrite: overwrite,
    retry: { baseDelayMs: 20, maxDelayMs: 50 },
  });
}

/** Runs the queue until it settles and returns its items. */
async function settle(queue: TransferQueue): Promise<readonly TransferItem[]> {
  try {
    await queue.whenSettled();
    return queue.getSnapshot().items;
  } finally {
    await queue.stop();
  }
}

function leftoverTemporaries(folder: string): string[] {
  return readdirSync(folder).filter((n) => n.endsWith('.wharf-part'));
}

describe('download temporaries are ours alone', () => {
  test('remote a and a.part in one folder download both arrive intact, and no temporary file is left', async () => {
    const { chosen } = folders();
    const queue = await openQueue('ask');
    await queue.add({ direction: 'download', siteKey: 'h', localFolder: chosen, remoteFolder: '/', name: 't', kind: 'directory' });
    const items = await settle(queue);
    assert.ok(items.every((i) => i.state === 'done'), JSON.stringify(items.map((i) => [i.remotePath, i.state, i.lastError?.message])));
    assert.equal(readFileSync(join(chosen, 't', 'a'), 'utf8'), FILES['/t/a']);
    assert.equal(readFileSync(join(chosen, 't', 'a.part'), 'utf8'), FILES['/t/a.part']);
    assert.deepEqual(leftoverTemporaries(join(chosen, 't')), []);
  });

  test('the temporary file is hidden, carries the item id, and is recorded in the item before the first byte', async () => {
    const { chosen } = folders();
    const queue = await openQueue('overwrite');
    queue.controls.pauseAll();
    await queue.add({ direction: 'download', siteKey: 'h', localFolder: chosen, remoteFolder: '/t', name: 'a', kind: 'file' });
    const [item] = queue.getSnapshot().items;
    assert.equal(item?.temporaryLocalPath, join(chosen, `.a.${item?.id}.wharf-part`));
    assert.equal(item?.localRoot, chosen);
    queue.controls.resumeAll();
    const [done] = await settle(queue);
    assert.equal(done?.state, 'done', done?.lastError?.message);
    assert.equal(existsSync(item?.temporaryLocalPath ?? ''), false);
  });

  test("the user's files named like temporaries are user data: never continued, truncated or removed", async () => {
    const { chosen } = folders();
    const userFiles: Record<string, string> = {
      'a.part': 'my own notes, in a file named a.part',
      '.a.wharf-part': 'another file of mine',
      '.a.1234.wharf-part': 'and one more',
    };
    for (const [name, content] of Object.entries(userFiles)) writeFileSync(join(chosen, name), content);
    // Even with "resume", a foreign a.part is not taken for a partial download of a.
    const queue = await openQueue('resume');
    await queue.add({ direction: 'download', siteKey: 'h', localFolder: chosen, remoteFolder: '/t', name: 'a', kind: 'file' });
    const [item] = await settle(queue);
    assert.equal(item?.state, 'done', item?.lastError?.message);
    assert.equal(item?.resumedFrom, 0);
    assert.equal(readFileSync(join(chosen, 'a'), 'utf8'), FILES['/t/a']);
    for (const [name, content] of Object.entries(userFiles)) assert.equal(readFileSync(join(chosen, name), 'utf8'), content, name);
    assert.deepEqual(leftoverTemporaries(chosen).sort(), ['.a.1234.wharf-part', '.a.wharf-part']);
  });

  test('an existing a.part is a target like any other: the overwrite policy applies to it', async () => {
    const { chosen } = folders();
    writeFileSync(join(chosen, 'a.part'), 'mine');
    const queue = await openQueue('skip');
    await queue.add({ direction: 'download', siteKey: 'h', localFolder: chosen, remoteFolder: '/t', name: 'a.part', kind: 'file' });
    const [item] = await settle(queue);
    assert.equal(item?.state, 'skipped');
    assert.equal(readFileSync(join(chosen, 'a.part'), 'utf8'), 'mine');
  });

  test('removing an unfinished download deletes only its recorded temporary file', async () => {
    const { chosen } = folders();
    writeFileSync(join(chosen, 'a.part'), 'mine');
    const queue = await openQueue('overwrite');
    queue.controls.pauseAll();
    await queue.add({ direction: 'download', siteKey: 'h', localFolder: chosen, remoteFolder: '/t', name: 'a', kind: 'file' });
    const [item] = queue.getSnapshot().items;
    writeFileSync(item?.temporaryLocalPath ?? '', 'half');
    queue.controls.remove([item?.id ?? '']);
    await queue.stop();
    await waitUntilGone(item?.temporaryLocalPath ?? '');
    assert.equal(readFileSync(join(chosen, 'a.part'), 'utf8'), 'mine');
  });
});

describe('links are never written through', () => {
  test('a link at the target leading outside fails that item with the reason; the user file it points to is untouched; the rest completes', async () => {
    const { chosen, victim } = folders();
    symlinkSync(victim, join(chosen, 'a'));
    const queue = await openQueue('overwrite');
    await queue.add({ direction: 'download', siteKey: 'h', localFolder: chosen, remoteFolder: '/t', name: 'a', kind: 'file' });
    await queue.add({ direction: 'download', siteKey: 'h', localFolder: chosen, remoteFolder: '/t', name: 'a.part', kind: 'file' });
    const [linked, other] = await settle(queue);
    assert.equal(linked?.state, 'failed');
    assert.equal(linked?.lastError?.kind, 'unsafe-name');
    assert.match(linked?.lastError?.message ?? '', /"a" is a symbolic link to .*victim\.txt: the download would be written there, outside chosen; skipped\./);
    assert.equal(readFileSync(victim, 'utf8'), VICTIM);
    assert.ok(lstatSync(join(chosen, 'a')).isSymbolicLink(), 'the link itself is left as it was');
    assert.equal(other?.state, 'done');
    assert.equal(readFileSync(join(chosen, 'a.part'), 'utf8'), FILES['/t/a.part']);
  });

  test('a link at the target leading inside the folder is replaced by the download, not written through', async () => {
    const { chosen } = folders();
    writeFileSync(join(chosen, 'mine.txt'), 'my file');
    symlinkSync(join(chosen, 'mine.txt'), join(chosen, 'a'));
    const queue = await openQueue('overwrite');
    await queue.add({ direction: 'download', siteKey: 'h', localFolder: chosen, remoteFolder: '/t', name: 'a', kind: 'file' });
    const [item] = await settle(queue);
    assert.equal(item?.state, 'done', item?.lastError?.message);
    assert.equal(lstatSync(join(chosen, 'a')).isFile(), true);
    assert.equal(readFileSync(join(chosen, 'a'), 'utf8'), FILES['/t/a']);
    assert.equal(readFileSync(join(chosen, 'mine.txt'), 'utf8'), 'my file');
  });

  test('a link planted at the recorded temporary file is removed, never written through', async () => {
    const { chosen, victim } = folders();
    const queue = await openQueue('overwrite');
    queue.controls.pauseAll();
    await queue.add({ direction: 'download', siteKey: 'h', localFolder: chosen, remoteFolder: '/t', name: 'a', kind: 'file' });
    const [item] = queue.getSnapshot().items;
    symlinkSync(victim, item?.temporaryLocalPath ?? '');
    queue.controls.resumeAll();
    const [done] = await settle(queue);
    assert.equal(done?.state, 'done', done?.lastError?.message);
    assert.equal(readFileSync(victim, 'utf8'), VICTIM);
    assert.equal(readFileSync(join(chosen, 'a'), 'utf8'), FILES['/t/a']);
  });

  test('a resumed download whose temporary file became a link starts over in a file of its own', async () => {
    const { chosen, victim } = folders();
    const stateFile = join(chosen, '..', 'queue.json');
    const temporary = join(chosen, '.a.resumed.wharf-part');
    symlinkSync(victim, temporary);
    const saved: TransferItem = {
      id: 'resumed', kind: 'file', direction: 'download', localPath: join(chosen, 'a'), remotePath: '/t/a', siteKey: 'h', temporaryRemotePath: null,
      localRoot: chosen, temporaryLocalPath: temporary, size: FILES['/t/a']?.length ?? 0, modifiedAt: null, overwrite: 'overwrite', state: 'paused',
      bytesDone: 5, bytesTotal: FILES['/t/a']?.length ?? 0, speed: 0, etaSeconds: null, attempts: 1, lastError: null, nextAttemptAt: null, resumedFrom: 0,
      verifiedBy: null, skipReason: null,
    };
    await saveQueueFile(stateFile, { paused: false, items: [saved] });
    const queue = await openQueue('overwrite', stateFile);
    queue.controls.resumeAll();
    const [done] = await settle(queue);
    assert.equal(done?.state, 'done', done?.lastError?.message);
    assert.equal(done?.resumedFrom, 0);
    assert.equal(readFileSync(victim, 'utf8'), VICTIM);
    assert.equal(readFileSync(join(chosen, 'a'), 'utf8'), FILES['/t/a']);
  });

  test('a subfolder that is a link leading outside is not entered: its files fail with the reason, nothing is written outside', async () => {
    const { chosen, outside } = folders();
    mkdirSync(join(chosen, 't'));
    symlinkSync(outside, join(chosen, 't', 'sub'));
    const queue = await openQueue('overwrite');
    await queue.add({ direction: 'download', siteKey: 'h', localFolder: chosen, remoteFolder: '/', name: 't', kind: 'directory' });
    const items = await settle(queue);
    const inner = items.find((i) => i.remotePath === '/t/sub/inner.txt');
    assert.equal(inner?.state, 'failed');
    assert.match(inner?.lastError?.message ?? '', /"t\/sub" is a symbolic link to .*outside: the download would be written there, outside chosen; skipped\./);
    assert.deepEqual(readdirSync(outside), ['victim.txt']);
    assert.equal(readFileSync(join(chosen, 't', 'a'), 'utf8'), FILES['/t/a']);
  });
});

/** The queue removes a temporary file after `remove` returns (the runner's discard): wait for it on the file system. */
async function waitUntilGone(path: string): Promise<void> {
  const { watch } = await import('node:fs');
  if (!existsSync(path)) return;
  await new Promise<void>((resolve) => {
    const watcher = watch(join(path, '..'), () => {
      if (existsSync(path)) return;
      watcher.close();
      resolve();
    });
    if (!existsSync(path)) {
      watcher.close();
      resolve();
    }
  });
}
