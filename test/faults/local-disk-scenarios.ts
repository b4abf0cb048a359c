/**
 * Local file-system failures during a queue: a full disk on download (a 1 MiB tmpfs), a read-only target
 * folder (a read-only tmpfs: root ignores permission bits, so chmod would prove nothing), and a file
 * deleted while it uploads. Each must give its item a clear error while the rest of the queue goes on.
 * Needs root for mount(8), as the fleet does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TransferItem } from '../../common/models/transfer';
import { FtpsSession } from '../../main/ftps/session';
import type { NewTransferItem } from '../../main/transfers/transfer-scheduler';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { targetFor, testBytes } from '../ftps/support';
import { writeServerFile, type FleetInfo, type ServerName } from '../servers/fleet';
import { sha256, sha256File, waitForItem, type ScenarioFigures } from './support';

const MiB = 1024 * 1024;

/** Mounts a tmpfs (read-only or of a size) for the length of `use`, and unmounts it whatever happens. */
export async function withTmpfs<T>(path: string, options: string, use: () => Promise<T>): Promise<T> {
  mkdirSync(path, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', path]);
  try {
    return await use();
  } finally {
    execFileSync('umount', ['-l', path]);
  }
}

function openQueue(fleet: FleetInfo, name: ServerName, extra: { speedLimitBytesPerSecond?: number } = {}): Promise<TransferQueue> {
  const server = fleet.servers[name];
  return TransferQueue.open({
    openSession: () =>
      FtpsSession.open({
        target: targetFor(server),
        password: server.password,
        extraCaPem: [fleet.caCertPem],
        keepAliveIntervalMs: 0,
        timeoutMs: 10_000,
      }),
    stateFile: null,
    defaultOverwrite: 'overwrite',
    // One at a time: the order of the items is the order things happen on the disk.
    defaultConcurrency: 1,
    retry: { baseDelayMs: 50, maxDelayMs: 200 },
    ...extra,
  });
}

/** The outcome of a local-disk scenario: every item, and the figures. */
export interface LocalDiskResult extends ScenarioFigures {
  readonly items: readonly TransferItem[];
  /** Files whose bytes were compared on both sides, by local path, true when equal. */
  readonly equal: Readonly<Record<string, boolean>>;
  readonly leftovers: readonly string[];
  /** What went otherwise than it must: the item that meets the failure fails once as local-io, the rest completes. */
  readonly problems: readonly string[];
}

/** The expectations every local-disk scenario shares: one item fails alone, clearly; the others complete. */
function localProblems(items: readonly TransferItem[], victim: string, equal: Readonly<Record<string, boolean>>, mayFinish: boolean): string[] {
  const problems: string[] = [];
  for (const item of items) {
    const name = item.localPath.split('/').pop() ?? '';
    if (name === victim) {
      const finishedWhole = mayFinish && item.state === 'done' && equal[item.localPath] === true;
      const failedClearly = item.state === 'failed' && item.lastError?.kind === 'local-io' && item.attempts === 1;
      if (!finishedWhole && !failedClearly) problems.push(`${name}: ${item.state} after ${item.attempts} attempts (${item.lastError?.kind}: ${item.lastError?.message})`);
    } else if (item.state !== 'done' || equal[item.localPath] !== true) {
      problems.push(`${name}: ${item.state} (${item.lastError?.message ?? 'bytes differ'})`);
    }
  }
  return problems;
}

/**
 * Downloads into a 1 MiB tmpfs: a small file that fits, a 3 MiB file that cannot, then two files into an
 * ordinary folder. And into a read-only tmpfs: one file that cannot be written, then one that can elsewhere.
 */
export async function runLocalDiskScenario(fleet: FleetInfo, kind: 'full-disk' | 'read-only', seed: number): Promise<LocalDiskResult> {
  const name: ServerName = 'vsftpd-explicit';
  const server = fleet.servers[name];
  const work = mkdtempSync(join(tmpdir(), `wharf-${kind}-`));
  const mount = join(work, kind === 'full-disk' ? 'small' : 'readonly');
  const normal = join(work, 'normal');
  const id = `${kind}-${process.pid}-${seed}`;
  const files = [
    { name: 'fits.bin', data: testBytes(200_000, seed), into: mount },
    { name: 'too-big.bin', data: testBytes(3 * MiB + 5, seed + 1), into: mount },
    { name: 'after-1.bin', data: testBytes(300_000, seed + 2), into: normal },
    { name: 'after-2.bin', data: testBytes(70_000, seed + 3), into: normal },
  ].filter((f) => kind === 'full-disk' || f.name !== 'fits.bin');
  for (const f of files) writeServerFile(server, `${id}/${f.name}`, f.data);
  try {
    return await withTmpfs(mount, kind === 'full-disk' ? 'size=1m' : 'ro,size=1m', async () => {
      const queue = await openQueue(fleet, name);
      try {
        const items: NewTransferItem[] = files.map((f) => ({ kind: 'file', direction: 'download', siteKey: name, localPath: join(f.into, f.name), remotePath: `/${id}/${f.name}`, size: f.data.length }));
        queue.enqueue(items);
        await queue.whenSettled();
        const all = queue.getSnapshot().items;
        const equal: Record<string, boolean> = {};
        for (const f of files) {
          const path = join(f.into, f.name);
          if (existsSync(path)) equal[path] = sha256File(path) === sha256(f.data);
        }
        const bad = Object.values(equal).filter((ok) => !ok).length;
        const done = all.filter((i) => i.state === 'done' && equal[i.localPath] === true);
        return {
          scenario: kind === 'full-disk' ? 'local disk full on download (1 MiB tmpfs)' : 'read-only target folder (read-only tmpfs)',
          transfersRun: all.length,
          faultsInjected: 1,
          completed: done.length,
          bytesVerified: done.reduce((n, i) => n + i.bytesTotal, 0),
          lostOrCorrupted: bad,
          credentialsInClear: 0,
          notes: all.filter((i) => i.state === 'failed').map((i) => `${i.localPath.split('/').pop()}: ${i.lastError?.kind}: ${i.lastError?.message}`.split(work).join('…')).join('; '),
          items: all,
          equal,
          leftovers: all.flatMap((i) => (i.temporaryLocalPath !== null && existsSync(i.temporaryLocalPath) ? [i.temporaryLocalPath] : [])),
          problems: [
            ...localProblems(all, 'too-big.bin', equal, false),
            ...(existsSync(join(mount, 'too-big.bin')) ? ['too-big.bin sits under its final name'] : []),
          ],
        };
      } finally {
        await queue.stop();
      }
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(join(server.root, id), { recursive: true, force: true });
  }
}

/**
 * Uploads three files one at a time; the large middle one is deleted locally once a megabyte of it is on
 * its way. What was read before the deletion is the file as it was (the open descriptor keeps the bytes on
 * POSIX): the item must either end done with exactly those bytes on the server, or fail with a clear
 * local-io error; the two others must complete.
 */
export async function runDeletedDuringUploadScenario(fleet: FleetInfo, name: ServerName, seed: number): Promise<LocalDiskResult> {
  const server = fleet.servers[name];
  const work = mkdtempSync(join(tmpdir(), 'wharf-deleted-'));
  const id = `deleted-${process.pid}-${seed}`;
  const files = [
    { name: 'before.bin', data: testBytes(120_000, seed) },
    { name: 'deleted.bin', data: testBytes(6 * MiB + 1, seed + 1) },
    { name: 'after.bin', data: testBytes(90_000, seed + 2) },
  ];
  for (const f of files) writeFileSync(join(work, f.name), f.data);
  const queue = await openQueue(fleet, name, { speedLimitBytesPerSecond: 2 * MiB });
  try {
    queue.enqueue(files.map((f) => ({ kind: 'file', direction: 'upload', siteKey: name, localPath: join(work, f.name), remotePath: `/${id}/${f.name}`, size: f.data.length })));
    await waitForItem(queue, (i) => i.localPath.endsWith('deleted.bin') && i.state === 'running' && i.bytesDone >= MiB);
    unlinkSync(join(work, 'deleted.bin'));
    queue.setSpeedLimit(null);
    await queue.whenSettled();
    const all = queue.getSnapshot().items;
    const equal: Record<string, boolean> = {};
    for (const f of files) {
      const remote = join(server.root, id, f.name);
      if (existsSync(remote)) equal[join(work, f.name)] = sha256File(remote) === sha256(f.data);
    }
    const doneButDifferent = all.filter((i) => i.state === 'done' && equal[i.localPath] !== true).length;
    const done = all.filter((i) => i.state === 'done' && equal[i.localPath] === true);
    return {
      scenario: `a file deleted locally while it uploads (${name})`,
      transfersRun: all.length,
      faultsInjected: 1,
      completed: done.length,
      bytesVerified: done.reduce((n, i) => n + i.bytesTotal, 0),
      lostOrCorrupted: doneButDifferent,
      credentialsInClear: 0,
      notes: all.map((i) => `${i.localPath.split('/').pop()}: ${i.state}${i.lastError ? ` (${i.lastError.kind}: ${i.lastError.message})` : ''}`.split(work).join('…')).join('; '),
      items: all,
      equal,
      leftovers: [],
      problems: localProblems(all, 'deleted.bin', equal, true),
    };
  } finally {
    await queue.stop();
    rmSync(work, { recursive: true, force: true });
    rmSync(join(server.root, id), { recursive: true, force: true });
  }
}
