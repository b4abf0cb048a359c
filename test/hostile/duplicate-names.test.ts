/**
 * A listing that names the same file twice (a hostile or broken server) must not become two transfers
 * into one local file: the second would keep writing into the first's file after it was renamed to its
 * final name, so a finished file would hold a mix of two downloads for a while (or for good, if Wharf
 * stopped then). Found with the hostile server: a file under its final name that was no whole version.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { testBytes } from '../ftps/support';
import { useFleet } from '../servers/fleet';
import { startHostileServer, unixLine } from './hostile-server';
import { fleetCertificate, hostileSessionFactory } from './support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-duplicates-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('a name listed twice with different content each time is downloaded once, and its final file is always one whole version', async () => {
  const cert = fleetCertificate(fleet, 'server');
  const size = 2_000_000;
  const versions = [testBytes(size, 1), testBytes(size, 2), testBytes(size, 3)];
  let served = 0;
  const server = await startHostileServer({
    mode: 'explicit',
    key: cert.key,
    cert: cert.cert,
    listing: () => Buffer.concat([unixLine('dup.bin', { size }), unixLine('other.txt', { size: 5 }), unixLine('dup.bin', { size })]),
    file: (path) => (path === '/d/dup.bin' ? (versions[served++ % versions.length] as Buffer) : path === '/d/other.txt' ? Buffer.from('other') : null),
  });
  const target = join(work, 'target');
  const queue = await TransferQueue.open({
    openSession: hostileSessionFactory(server.port, cert),
    stateFile: null,
    defaultOverwrite: 'overwrite',
    // Slow enough that two downloads of the same name would overlap.
    speedLimitBytesPerSecond: 4 * 1024 * 1024,
  });
  const mixed: number[] = [];
  let reads = 0;
  const finalName = join(target, 'dup.bin');
  const watcher = watch(work, { recursive: true }, () => {
    if (!existsSync(finalName)) return;
    const content = readFileSync(finalName);
    reads += 1;
    if (!versions.some((v) => v.equals(content))) mixed.push(content.length);
  });
  try {
    const added = await queue.add({ direction: 'download', siteKey: 'dup', localPath: target, remotePath: '/d', kind: 'directory' });
    await queue.whenSettled();
    const items = queue.getSnapshot().items;
    assert.deepEqual(items.map((i) => [i.remotePath, i.state]), [['/d/dup.bin', 'done'], ['/d/other.txt', 'done']], 'one transfer per local file');
    assert.deepEqual(added.skipped.map((s) => [s.path, /twice/.test(s.reason)]), [['/d/dup.bin', true]], 'the second listing of the name is reported');
    assert.ok(versions.some((v) => v.equals(readFileSync(finalName))));
    assert.ok(reads > 0);
    assert.deepEqual(mixed, [], `the final name held something other than one whole version ${mixed.length} of ${reads} times`);
  } finally {
    watcher.close();
    await queue.stop();
    await server.close();
  }
});
