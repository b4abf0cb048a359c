import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { TransferItem } from '../../common/models/transfer';
import { loadQueueFile, QueueSaver, restoreItem, saveQueueFile } from '../../main/transfers/queue-file';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { TransferScheduler } from '../../main/transfers/transfer-scheduler';
import { drain, FakeClock, FakeRunner } from './fakes';

const dir = mkdtempSync(join(tmpdir(), 'wharf-queue-file-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let fileCounter = 0;
const nextFile = () => join(dir, `queue-${++fileCounter}`, 'queue.json');

function schedulerWithItems() {
  const clock = new FakeClock();
  const runner = new FakeRunner();
  let n = 0;
  const scheduler = new TransferScheduler({ runner, clock, defaultOverwrite: 'rename', createId: () => `id-${++n}` });
  scheduler.enqueue([
    { kind: 'file', direction: 'download', siteKey: 'site-1', localPath: '/l/a.bin', remotePath: '/a.bin', size: 1000, modifiedAt: '2024-01-01T00:00:00.000Z' },
    { kind: 'file', direction: 'upload', siteKey: 'site-1', localPath: '/l/b.bin', remotePath: '/b.bin', size: 500 },
    { kind: 'directory', direction: 'upload', siteKey: 'site-2', localPath: '/l/empty', remotePath: '/empty', size: 0 },
  ]);
  return { clock, runner, scheduler };
}

test('the queue file round-trips every item; running ones come back paused with their offsets', async () => {
  const { runner, scheduler } = schedulerWithItems();
  runner.open[0]?.context.reportStarted(0, 1000);
  runner.open[0]?.context.reportProgress(400);
  runner.open[1]?.fail({ kind: 'auth', code: 530, message: 'Login incorrect.' });
  await drain();
  const path = nextFile();
  const before = scheduler.getSnapshot();
  await saveQueueFile(path, before);
  const loaded = await loadQueueFile(path);
  assert.equal(loaded.dropped, 0);
  assert.equal(loaded.items.length, 3);
  const [a, b, c] = loaded.items;
  assert.equal(a?.state, 'paused');
  assert.equal(a?.bytesDone, 400);
  assert.equal(a?.bytesTotal, 1000);
  assert.equal(a?.speed, 0);
  assert.deepEqual(b, { ...before.items[1], speed: 0, etaSeconds: null });
  assert.equal(c?.kind, 'directory');
  assert.deepEqual(readdirSync(join(path, '..')), ['queue.json'], 'no temporary file is left behind');
});

test('a missing file is an empty queue; a corrupt one is moved aside, never silently lost', async () => {
  const missing = await loadQueueFile(join(dir, 'nothing', 'queue.json'));
  assert.deepEqual(missing.items, []);
  const path = nextFile();
  await saveQueueFile(path, { paused: false, items: [] });
  writeFileSync(path, '{"version":1,"items":[{"id":');
  const loaded = await loadQueueFile(path);
  assert.deepEqual(loaded.items, []);
  assert.ok(loaded.corruptFileMovedTo);
  assert.equal(readFileSync(loaded.corruptFileMovedTo, 'utf8'), '{"version":1,"items":[{"id":');
  assert.equal(existsSync(path), false);
});

test('malformed items are dropped and counted; odd fields fall back to safe values', async () => {
  const path = nextFile();
  await saveQueueFile(path, { paused: true, items: [] });
  writeFileSync(path, JSON.stringify({
    version: 1,
    paused: true,
    items: [
      { id: 'x', direction: 'download', localPath: '/l/x', remotePath: '/x', siteKey: 's', state: 'exploded', overwrite: 'maybe', bytesDone: -5 },
      { id: 'y', direction: 'sideways', localPath: '/l/y', remotePath: '/y', siteKey: 's' },
      'not an item',
      { id: 'x', direction: 'download', localPath: '/l/x2', remotePath: '/x2', siteKey: 's' },
    ],
  }));
  const loaded = await loadQueueFile(path);
  assert.equal(loaded.paused, true);
  assert.equal(loaded.dropped, 3);
  assert.equal(loaded.items.length, 1);
  const [x] = loaded.items;
  assert.equal(x?.state, 'paused');
  assert.equal(x?.overwrite, 'ask');
  assert.equal(x?.bytesDone, 0);
  assert.equal(restoreItem(null), null);
});

test('an upload keeps its temporary name across a save; a saved one outside its folder, or an old item without one, means in place', async () => {
  const { scheduler } = schedulerWithItems();
  const upload = scheduler.getSnapshot().items.find((i) => i.direction === 'upload' && i.kind === 'file');
  assert.equal(upload?.temporaryRemotePath, '/b.bin.wharf-part');
  assert.equal(scheduler.getSnapshot().items.find((i) => i.direction === 'download')?.temporaryRemotePath, null);
  const path = nextFile();
  await saveQueueFile(path, scheduler.getSnapshot());
  assert.equal((await loadQueueFile(path)).items.find((i) => i.id === upload?.id)?.temporaryRemotePath, '/b.bin.wharf-part');

  const saved = { id: 'u', direction: 'upload', kind: 'file', localPath: '/l/u', remotePath: '/site/u.bin', siteKey: 's' };
  assert.equal(restoreItem({ ...saved, temporaryRemotePath: '/site/u.bin.wharf-part' })?.temporaryRemotePath, '/site/u.bin.wharf-part');
  assert.equal(restoreItem(saved)?.temporaryRemotePath, null, 'saved by a Wharf without the setting: its partial bytes are under the final name');
  for (const foreign of ['/etc/passwd', '/site/sub/u.bin.wharf-part', '/site/u.bin', 42]) {
    assert.equal(restoreItem({ ...saved, temporaryRemotePath: foreign })?.temporaryRemotePath, null, String(foreign));
  }
  assert.equal(restoreItem({ ...saved, direction: 'download', temporaryRemotePath: '/site/u.bin.wharf-part' })?.temporaryRemotePath, null);
});

test('the saver writes once per burst of changes after the debounce, and flush writes at once', async () => {
  const { clock, scheduler } = schedulerWithItems();
  const path = nextFile();
  const saver = new QueueSaver({ path, source: scheduler, clock, debounceMs: 1000 });
  scheduler.onDidChange(() => saver.markChanged());
  scheduler.pauseAll();
  await drain();
  assert.equal(existsSync(path), false);
  clock.advance(1000);
  await saver.idle();
  const first = await loadQueueFile(path);
  assert.equal(first.paused, true);
  assert.deepEqual(first.items.map((i) => i.state), ['paused', 'paused', 'paused']);
  const [, b] = scheduler.getSnapshot().items;
  scheduler.remove([b?.id ?? '']);
  await saver.flush();
  assert.equal((await loadQueueFile(path)).items.length, 2);
});

test('a queue reopened from its file comes back with running items paused, ready to resume', async () => {
  const path = nextFile();
  const items: TransferItem[] = schedulerWithItems().scheduler.getSnapshot().items.map((item, index) =>
    index === 0 ? { ...item, state: 'running', bytesDone: 300 } : { ...item, state: 'done', bytesDone: item.bytesTotal },
  );
  await saveQueueFile(path, { paused: false, items });
  const opened: string[] = [];
  const queue = await TransferQueue.open({
    stateFile: path,
    clock: new FakeClock(),
    openSession: async (siteKey) => {
      opened.push(siteKey);
      throw new Error('no server in this test');
    },
  });
  const snapshot = queue.getSnapshot();
  assert.deepEqual(snapshot.items.map((i) => i.state), ['paused', 'done', 'done']);
  assert.equal(snapshot.items[0]?.bytesDone, 300);
  assert.deepEqual(opened, [], 'nothing paused or done connects');
  await queue.stop();
  assert.deepEqual((await loadQueueFile(path)).items.map((i) => i.state), ['paused', 'done', 'done']);
});

test('a segmented download keeps its ranges across a restart; ranges that do not cover the file whole are dropped', async () => {
  const { runner, scheduler } = schedulerWithItems();
  const ranges = [{ start: 0, end: 400, done: 400 }, { start: 400, end: 1000, done: 250 }];
  runner.open[0]?.context.reportStarted(0, 1000);
  runner.open[0]?.context.recordSegments?.({ size: 1000, modifiedAt: null, ranges });
  runner.open[0]?.context.reportProgress(650);
  await drain();
  const path = nextFile();
  const saved = scheduler.getSnapshot();
  // The ranges' temporary has its full size from the start: the ranges, not its size, say what arrived.
  const temporary = join(path, '..', '.a.bin.id-1-ranges.wharf-part');
  const items = saved.items.map((item) => (item.id === 'id-1' ? { ...item, temporaryLocalPath: temporary, localPath: join(path, '..', 'a.bin') } : item));
  await saveQueueFile(path, { paused: saved.paused, items });
  writeFileSync(temporary, Buffer.alloc(1000));
  const [restored] = (await loadQueueFile(path)).items;
  assert.deepEqual([restored?.state, restored?.bytesDone, restored?.segments?.ranges], ['paused', 650, ranges]);

  const overlapping = restoreItem({ ...items[0], segments: { size: 1000, modifiedAt: null, ranges: [{ start: 0, end: 600, done: 0 }, { start: 500, end: 1000, done: 0 }] } });
  const short = restoreItem({ ...items[0], segments: { size: 1000, modifiedAt: null, ranges: [{ start: 0, end: 600, done: 700 }] } });
  assert.deepEqual([overlapping?.segments, short?.segments], [undefined, undefined]);
});

test('a folder that could not be read keeps its mark across a restart: "retry all" walks it anew instead of queuing it as an empty folder that would pass as done', async () => {
  const clock = new FakeClock();
  const refusal = { kind: 'ftp' as const, code: 550, message: 'Could not read the folder /f/closed: 550 Permission denied', detail: { unreadFolder: true } };
  const scheduler = new TransferScheduler({ runner: new FakeRunner(), clock, createId: () => 'closed' });
  scheduler.enqueue([{ kind: 'directory', direction: 'download', siteKey: 's', localPath: '/l/f/closed', localRoot: '/l', remotePath: '/f/closed', size: 0, refusal }]);
  const path = nextFile();
  await saveQueueFile(path, scheduler.getSnapshot());
  const loaded = await loadQueueFile(path);
  const walked: string[] = [];
  const restored = new TransferScheduler({ runner: new FakeRunner(), clock, initialItems: loaded.items, walkAgain: (items) => walked.push(...items.map((i) => i.remotePath)) });
  restored.retry();
  await drain();
  assert.deepEqual(walked, ['/f/closed']);
  const [item] = restored.getSnapshot().items;
  assert.equal(item?.state, 'failed', 'not queued as it is: the walk replaces it');
  assert.deepEqual(item?.lastError, refusal);
});
