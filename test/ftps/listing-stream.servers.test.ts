/**
 * Listings followed while they arrive, against real servers: MLSD (proftpd, pure-ftpd) and LIST (vsftpd).
 * The batches handed over are the beginning of the answer, the answer is what a plain listing gives, and a
 * listing cancelled half way fails as cancelled and leaves the session usable for the next command (its data
 * connection is cut: pure-ftpd would send the unsent rest of it with the next listing, 3,579 entries for
 * 3,002, so that session logs in again).
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { RemoteEntry } from '../../common/models';
import { isWharfError } from '../../main/core/errors';
import { useFleet } from '../servers/fleet';
import { openSession } from './support';

const fleet = await useFleet();
const FOLDER = 'streamed-listing';
const SERVERS = ['proftpd-explicit', 'pureftpd-explicit', 'vsftpd-explicit'] as const;

for (const name of SERVERS) {
  describe(name, () => {
    const server = fleet.servers[name];
    const dir = join(server.root, FOLDER);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    for (let i = 0; i < 3000; i++) writeFileSync(join(dir, `file ${i} é.txt`), 'x'.repeat(i % 7));
    mkdirSync(join(dir, 'sub'));
    symlinkSync('file 1 é.txt', join(dir, 'link'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('hands over the listing in batches that begin the answer, and answers what a plain listing gives', async () => {
      const { session } = await openSession(fleet, server);
      try {
        const plain = await session.list(`/${FOLDER}`);
        const batches: { from: number; entries: readonly RemoteEntry[] }[] = [];
        const streamed = await session.list(`/${FOLDER}`, { onBatch: (from, entries) => batches.push({ from, entries }) });
        assert.ok(batches.length > 1, `batches: ${batches.length}`);
        const early = batches.flatMap((b) => b.entries);
        early.forEach((e, i) => assert.equal(streamed[i], e));
        const byName = (a: RemoteEntry, b: RemoteEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
        assert.deepEqual([...streamed].sort(byName), [...plain].sort(byName));
        assert.equal(streamed.length, 3002);
      } finally {
        await session.close();
      }
    });

    test('a listing cancelled half way fails as cancelled and the next command works', async () => {
      const { session } = await openSession(fleet, server);
      try {
        const controller = new AbortController();
        await assert.rejects(
          session.list(`/${FOLDER}`, { onBatch: () => controller.abort(), signal: controller.signal }),
          (err: unknown) => isWharfError(err, 'cancelled'),
        );
        assert.equal((await session.list(`/${FOLDER}`)).length, 3002);
        assert.equal(await session.pwd(), '/');
      } finally {
        await session.close();
      }
    });
  });
}
