/**
 * A folder download through the queue whose tree holds folders the server will not list, deeper down: one that may
 * be entered but not read (0o311) and one with no permissions (0o000), both of another user. As in FileZilla and
 * WinSCP, every readable file is downloaded, each such folder is a failed item of its own with the server's reason
 * (not retried by itself), and the rest of the folder completes. "Retry" walks such a folder anew: still closed, it
 * fails again with the reason (queued as it was, it would pass as an empty folder); opened meanwhile, its files arrive.
 * Also: the walk proves no subfolder exists (PWD, CWD, CWD) when its parent listed it and it lists empty.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models/log';
import type { TransferItem } from '../../common/models/transfer';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import type { AddTransferRequest } from '../../main/transfers/transfer-request';
import { makeForeign, makeOwn, useFleet, writeServerFile, type ServerInfo, type ServerName } from '../servers/fleet';
import { openSession } from '../ftps/support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-unreadable-sub-'));
after(() => rmSync(work, { recursive: true, force: true }));

const SERVERS = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit'] as const satisfies readonly ServerName[];
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** A tree with an unreadable folder two levels down, another one level down, and folders walked after both. */
function treeWithClosedFolders(server: ServerInfo): string {
  const base = unique('deep');
  writeServerFile(server, `${base}/top.txt`, 'top');
  writeServerFile(server, `${base}/a/one.txt`, 'one');
  writeServerFile(server, `${base}/a/b/two.txt`, 'two');
  writeServerFile(server, `${base}/a/b/secret/hidden.txt`, 'hidden');
  writeServerFile(server, `${base}/a/closed/shut.txt`, 'shut');
  writeServerFile(server, `${base}/z/last.txt`, 'last');
  makeForeign(server, `${base}/a/b/secret`, 0o311);
  makeForeign(server, `${base}/a/closed`, 0o000);
  return base;
}

/** Runs one folder download to its end through a queue whose retries are quick; the walk's listings go to `walkLog`. */
async function download(
  server: ServerInfo,
  request: (base: string) => AddTransferRequest,
  base: string,
  walkLog: LogLine[],
  beforeRetry: () => void = () => undefined,
): Promise<{ items: readonly TransferItem[]; retried: readonly TransferItem[] }> {
  const queue = await TransferQueue.open({
    openSession: async () => (await openSession(fleet, server)).session,
    stateFile: null,
    defaultOverwrite: 'overwrite',
    retry: { baseDelayMs: 20, maxDelayMs: 50, tooManyConnectionsDelayMs: 50 },
  });
  const { session } = await openSession(fleet, server, { onLog: (line) => walkLog.push(line) });
  try {
    await queue.add({ ...request(base), listingSession: session });
    await queue.whenSettled();
    const items = queue.getSnapshot().items;
    beforeRetry();
    queue.controls.retry();
    await queue.whenSettled();
    return { items, retried: queue.getSnapshot().items };
  } finally {
    await queue.stop();
    await session.close();
  }
}

const ENTRY_POINTS = {
  'a folder row dropped on a local folder (the app)': (into: string) => (base: string): AddTransferRequest => ({ direction: 'download', siteKey: 's', localFolder: into, remoteFolder: '/', name: base, kind: 'directory' }),
  'a named remote folder into a named local one (wharf get -r)': (into: string) => (base: string): AddTransferRequest => ({ direction: 'download', siteKey: 's', localPath: join(into, base), remotePath: `/${base}`, kind: 'directory' }),
} as const;

for (const name of SERVERS) {
  const server = fleet.servers[name];
  describe(`a folder download with unreadable folders inside it, on ${name}`, () => {
    for (const [entry, requestInto] of Object.entries(ENTRY_POINTS)) {
      test(`${entry}: the readable files arrive, each unreadable folder fails on its own with the server's reason`, async () => {
        const base = treeWithClosedFolders(server);
        const into = join(work, unique('into'));
        mkdirSync(into);
        const { items, retried } = await download(server, requestInto(into), base, []);
        const local = join(into, base);
        for (const [path, text] of [['top.txt', 'top'], ['a/one.txt', 'one'], ['a/b/two.txt', 'two'], ['z/last.txt', 'last']] as const) {
          assert.equal(readFileSync(join(local, path), 'utf8'), text, path);
        }
        const failed = items.filter((item) => item.state === 'failed');
        assert.deepEqual(failed.map((item) => item.remotePath).sort(), [`/${base}/a/b/secret`, `/${base}/a/closed`]);
        for (const item of failed) {
          assert.equal(item.kind, 'directory');
          assert.equal(item.attempts, 0, 'refused while walking, never run');
          assert.equal(item.lastError?.kind, 'ftp', item.lastError?.message);
          assert.match(item.lastError?.message ?? '', new RegExp(`^Could not read the folder ${item.remotePath}: \\d{3} \\S`));
          const code = item.lastError?.code ?? 0;
          assert.ok(code < 400 || code >= 500, `a permanent reply: ${code}`);
        }
        assert.ok(items.filter((item) => item.state !== 'failed').every((item) => item.state === 'done'), JSON.stringify(items.map((i) => [i.remotePath, i.state])));
        // "Retry all" walked them again: still closed, they fail again with the reason; nothing of them here, not even
        // an empty folder under their names.
        const failedAgain = retried.filter((item) => item.state === 'failed');
        assert.deepEqual(failedAgain.map((item) => item.remotePath).sort(), failed.map((item) => item.remotePath).sort());
        // (pure-ftpd words it otherwise when the folder is the walk's start: "226 Sorry, we were unable to read")
        for (const item of failedAgain) assert.match(item.lastError?.message ?? '', new RegExp(`^Could not read the folder ${item.remotePath}: \\d{3} \\S`));
        assert.ok(failedAgain.every((item) => !failed.some((before) => before.id === item.id)), 'walked anew, not queued as they were');
        assert.ok(!existsSync(join(local, 'a', 'b', 'secret')));
        assert.ok(!existsSync(join(local, 'a', 'closed')));
        assert.deepEqual(readdirSync(join(local, 'a')).sort(), ['b', 'one.txt']);
      });
    }

    test('the folder chosen itself cannot be read: one failed item for it, nothing written', async () => {
      const base = unique('closed-root');
      writeServerFile(server, `${base}/inside.txt`, 'inside');
      makeForeign(server, base, 0o311);
      const into = join(work, unique('into'));
      mkdirSync(into);
      const { items } = await download(server, ENTRY_POINTS['a folder row dropped on a local folder (the app)'](into), base, []);
      assert.deepEqual(items.map((item) => [item.remotePath, item.state]), [[`/${base}`, 'failed']]);
      assert.match(items[0]?.lastError?.message ?? '', new RegExp(`^Could not read the folder /${base}: `));
      assert.deepEqual(readdirSync(into), []);
    });

    test('an unreadable folder opened on the server meanwhile: "retry" walks it anew and its files arrive', async () => {
      const base = treeWithClosedFolders(server);
      const into = join(work, unique('into'));
      mkdirSync(into);
      const reopen = () => {
        for (const closed of ['a/b/secret', 'a/closed']) makeOwn(server, `${base}/${closed}`, 0o755);
      };
      const { items, retried } = await download(server, ENTRY_POINTS['a folder row dropped on a local folder (the app)'](into), base, [], reopen);
      assert.equal(items.filter((item) => item.state === 'failed').length, 2);
      assert.ok(retried.every((item) => item.state === 'done'), JSON.stringify(retried.map((i) => [i.remotePath, i.state, i.lastError?.message])));
      assert.equal(readFileSync(join(into, base, 'a', 'b', 'secret', 'hidden.txt'), 'utf8'), 'hidden');
      assert.equal(readFileSync(join(into, base, 'a', 'closed', 'shut.txt'), 'utf8'), 'shut');
    });

    test('empty folders inside the folder cost one listing each: no PWD or CWD to prove they exist', async () => {
      const base = unique('empties');
      writeServerFile(server, `${base}/file.txt`, 'file');
      for (const empty of ['e1', 'd/e2', 'd/e3']) mkdirSync(join(server.root, base, empty), { recursive: true });
      writeServerFile(server, `${base}/d/f.txt`, 'f');
      const into = join(work, unique('into'));
      mkdirSync(into);
      const walkLog: LogLine[] = [];
      const { items } = await download(server, ENTRY_POINTS['a named remote folder into a named local one (wharf get -r)'](into), base, walkLog);
      assert.ok(items.every((item) => item.state === 'done'), JSON.stringify(items.map((i) => [i.remotePath, i.state])));
      for (const empty of ['e1', 'd/e2', 'd/e3']) assert.deepEqual(readdirSync(join(into, base, empty)), [], empty);
      const commands = walkLog.filter((line) => line.direction === 'command').map((line) => line.text.split(' ')[0]);
      const listings = commands.filter((verb) => verb === 'MLSD' || verb === 'LIST');
      // Five folders, one listing each (the base, d, e1, e2, e3), and nothing else on the walk's connection since login.
      assert.equal(listings.length, 5, commands.join(' '));
      assert.deepEqual(commands.filter((verb) => verb === 'PWD' || verb === 'CWD'), []);
    });
  });
}
