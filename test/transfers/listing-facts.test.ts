/**
 * Downloads queued from a listing take the file's size and time from it when it came from MLSD (exact to the
 * second, UTC), instead of asking SIZE and MDTM per file: two round trips fewer per file. LIST listings (vsftpd)
 * give the size in bytes but not an exact time: only MDTM is asked. A file that changed after it was listed
 * still arrives whole.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { useFleet, writeServerFile, type ServerName } from '../servers/fleet';
import { commandsSent, openSession, testBytes } from '../ftps/support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-listing-facts-'));
after(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

async function queueLogging(log: LogLine[]): Promise<TransferQueue> {
  return TransferQueue.open({
    openSession: async (siteKey) => (await openSession(fleet, fleet.servers[siteKey as ServerName], { onLog: (line) => log.push(line) })).session,
    stateFile: null,
    defaultOverwrite: 'overwrite',
    retry: { baseDelayMs: 50, maxDelayMs: 200, tooManyConnectionsDelayMs: 100 },
  });
}

const EXPECTATIONS: Record<string, { readonly mlsd: boolean }> = {
  'proftpd-explicit': { mlsd: true },
  'pureftpd-explicit': { mlsd: true },
  'vsftpd-explicit': { mlsd: false },
};

describe('size and time of queued downloads', () => {
  for (const [name, { mlsd }] of Object.entries(EXPECTATIONS) as [ServerName, { mlsd: boolean }][]) {
    const server = fleet.servers[name];
    test(`${name}: ${mlsd ? 'taken from the MLSD listing, no SIZE or MDTM' : 'size from the LIST listing, time asked with MDTM (LIST times are not exact)'}`, async () => {
      const folder = `/${unique('facts')}`;
      const stamp = new Date('2024-03-04T05:06:07Z');
      for (const file of ['a.bin', 'b.bin', 'c.bin']) {
        utimesSync(writeServerFile(server, `${folder}/${file}`, testBytes(5000, file.charCodeAt(0))), stamp, stamp);
      }
      const log: LogLine[] = [];
      const queue = await queueLogging(log);
      const { session: browse } = await openSession(fleet, server);
      const local = join(work, unique('down'));
      try {
        await queue.add({ direction: 'download', siteKey: name, localPath: local, remotePath: folder, kind: 'directory', listingSession: browse });
        await queue.whenSettled();
      } finally {
        await queue.stop();
        await browse.close();
      }
      const items = queue.getSnapshot().items;
      assert.deepEqual(items.map((i) => i.state), ['done', 'done', 'done']);
      for (const file of ['a.bin', 'b.bin', 'c.bin']) {
        assert.deepEqual(readFileSync(join(local, file)), testBytes(5000, file.charCodeAt(0)));
        assert.equal(statSync(join(local, file)).mtime.toISOString(), stamp.toISOString(), 'the server time is kept to the second');
      }
      const asked = commandsSent(log).filter((c) => /^(SIZE|MDTM|MLST) /.test(c));
      if (mlsd) assert.deepEqual(asked, []);
      else assert.deepEqual(asked.map((c) => c.split(' ')[0]), ['MDTM', 'MDTM', 'MDTM']);
    });
  }

  test('a file that grew after it was listed fails verification once, then arrives whole', async () => {
    const server = fleet.servers['proftpd-explicit'];
    const remote = `/${unique('grown')}.bin`;
    writeServerFile(server, remote, testBytes(9000, 3));
    const log: LogLine[] = [];
    const queue = await queueLogging(log);
    const local = join(work, unique('grown'));
    try {
      // Listed at 4000 bytes, 9000 by the time it is fetched.
      queue.enqueue([{ kind: 'file', direction: 'download', siteKey: 'proftpd-explicit', localPath: local, remotePath: remote, size: 4000, modifiedAt: '2024-01-01T00:00:00.000Z' }]);
      await queue.whenSettled();
    } finally {
      await queue.stop();
    }
    const [item] = queue.getSnapshot().items;
    assert.equal(item?.state, 'done');
    assert.equal(item?.attempts, 2);
    assert.deepEqual(readFileSync(local), testBytes(9000, 3));
    assert.ok(commandsSent(log).includes(`SIZE ${remote}`), 'the retry asks the server');
  });
});
