/**
 * A download running when Wharf died is restored from its `.part`, not from the offset in the queue file,
 * which is only as recent as the last save: progress alone is not saved, so a save made while the
 * transfer was still logging in holds 0 and would restart a large download from the first byte.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { TransferItem } from '../../common/models/transfer';
import { loadQueueFile } from '../../main/transfers/queue-file';

const dir = mkdtempSync(join(tmpdir(), 'wharf-queue-restore-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function saved(overrides: Partial<TransferItem>): TransferItem {
  return {
    id: 'a', kind: 'file', direction: 'download', localPath: join(dir, 'big.bin'), remotePath: '/big.bin', siteKey: 's', temporaryRemotePath: null,
    localRoot: dir, temporaryLocalPath: join(dir, '.big.bin.a.wharf-part'),
    size: 10_000, modifiedAt: null, overwrite: 'overwrite', state: 'running', bytesDone: 0, bytesTotal: 10_000, speed: 0,
    etaSeconds: null, attempts: 1, lastError: null, nextAttemptAt: null, resumedFrom: 0, verifiedBy: null, skipReason: null,
    ...overrides,
  };
}

test('a download saved as running at 0 bytes comes back paused at the size of its recorded temporary file', async () => {
  const path = join(dir, 'queue.json');
  writeFileSync(join(dir, '.big.bin.a.wharf-part'), Buffer.alloc(4321));
  writeFileSync(path, JSON.stringify({ version: 1, paused: false, items: [saved({})] }));
  const [item] = (await loadQueueFile(path)).items;
  assert.equal(item?.state, 'paused');
  assert.equal(item?.bytesDone, 4321, 'the resume continues from the bytes on disk');
});

test('only a running download is touched: a paused one, an upload and a missing temporary file keep their saved offsets', async () => {
  const path = join(dir, 'queue2.json');
  writeFileSync(join(dir, '.other.bin.p.wharf-part'), Buffer.alloc(999));
  writeFileSync(path, JSON.stringify({
    version: 1,
    paused: false,
    items: [
      saved({ id: 'p', localPath: join(dir, 'other.bin'), temporaryLocalPath: join(dir, '.other.bin.p.wharf-part'), state: 'paused', bytesDone: 0 }),
      saved({ id: 'u', localPath: join(dir, 'other.bin'), temporaryLocalPath: join(dir, '.other.bin.p.wharf-part'), direction: 'upload', bytesDone: 7 }),
      saved({ id: 'm', localPath: join(dir, 'missing.bin'), temporaryLocalPath: join(dir, '.missing.bin.m.wharf-part'), bytesDone: 5 }),
    ],
  }));
  const items = (await loadQueueFile(path)).items;
  assert.deepEqual(items.map((i) => [i.id, i.state, i.bytesDone]), [['p', 'paused', 0], ['u', 'paused', 7], ['m', 'paused', 5]]);
});

test('a queue saved before temporaries were recorded still loads; a NAME.part beside its download is not taken for ours', async () => {
  const path = join(dir, 'queue-old.json');
  writeFileSync(join(dir, 'old.bin.part'), Buffer.alloc(555));
  const { localRoot: _root, temporaryLocalPath: _temporary, ...old } = saved({ id: 'o', localPath: join(dir, 'old.bin') });
  writeFileSync(path, JSON.stringify({ version: 1, paused: false, items: [old, { ...old, id: 'x', temporaryLocalPath: join(dir, 'elsewhere', '.old.bin.x.wharf-part') }] }));
  const items = (await loadQueueFile(path)).items;
  assert.deepEqual(items.map((i) => [i.id, i.state, i.bytesDone, i.localRoot, i.temporaryLocalPath]), [['o', 'paused', 0, null, null], ['x', 'paused', 0, null, null]], 'a temporary outside the target folder is not recorded either');
});

test('a name refused for the local disk stays refused after a restart (retry leaves it failed)', async () => {
  const path = join(dir, 'queue-refused.json');
  const lastError = { kind: 'unsafe-name', message: 'The server named this file "../x", which would be written outside Downloads; skipped.', detail: { name: '../x', refusedName: true } } as const;
  writeFileSync(path, JSON.stringify({ version: 1, paused: false, items: [saved({ id: 'r', state: 'failed', localPath: dir, temporaryLocalPath: null, lastError })] }));
  const [item] = (await loadQueueFile(path)).items;
  assert.equal(item?.state, 'failed');
  assert.equal(item?.lastError?.detail?.refusedName, true);
  assert.equal(item?.lastError?.message, lastError.message);
});
