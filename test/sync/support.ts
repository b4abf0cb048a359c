/** What the sync tests against real servers share: the fleet, a scratch folder, sessions and queues on a server, files on both sides. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import type { ConnectionTarget } from '../../common/models/site';
import type { SyncPlan } from '../../common/models/sync';
import { FtpsSession } from '../../main/ftps/session';
import type { SessionConnection } from '../../main/connections/session-connection';
import { compareFolders, type CompareFoldersOptions } from '../../main/sync/compare-folders';
import { SyncService } from '../../main/sync/service';
import { MemorySyncStateStore } from '../../main/sync/sync-state';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { targetFor } from '../ftps/support';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';

export const fleet = await useFleet();
export const work = mkdtempSync(join(tmpdir(), 'wharf-sync-'));
after(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
/** A recent whole minute: `ls -l` shows a time of day (not only the date) for files of the last six months. */
export const T = Math.floor((Date.now() - 24 * 3600_000) / 60_000) * 60_000;

export function optionsFor(server: ServerInfo, overrides: Partial<ConnectionTarget> = {}) {
  return { target: targetFor(server, overrides), password: server.password, extraCaPem: [fleet.caCertPem], keepAliveIntervalMs: 0, timeoutMs: 10_000 };
}

export async function withSession<T>(server: ServerInfo, use: (session: FtpsSession) => Promise<T>, overrides: Partial<ConnectionTarget> = {}): Promise<T> {
  const session = await FtpsSession.open(optionsFor(server, overrides));
  try {
    return await use(session);
  } finally {
    await session.close();
  }
}

export async function withQueue<T>(server: ServerInfo, use: (queue: TransferQueue) => Promise<T>): Promise<T> {
  const queue = await TransferQueue.open({
    openSession: () => FtpsSession.open(optionsFor(server)),
    stateFile: null,
    defaultOverwrite: 'overwrite',
    retry: { baseDelayMs: 50, maxDelayMs: 200, tooManyConnectionsDelayMs: 100 },
  });
  try {
    return await use(queue);
  } finally {
    await queue.stop();
  }
}

export function writeLocal(root: string, rel: string, data: string, mtimeMs?: number): void {
  const full = join(root, rel);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, data);
  if (mtimeMs !== undefined) utimesSync(full, new Date(mtimeMs), new Date(mtimeMs));
}

export function writeRemote(server: ServerInfo, base: string, rel: string, data: string, mtimeMs?: number): void {
  const full = writeServerFile(server, `${base}/${rel}`, data);
  if (mtimeMs !== undefined) utimesSync(full, new Date(mtimeMs), new Date(mtimeMs));
}

export function remoteFile(server: ServerInfo, base: string, rel: string): string | null {
  const full = join(server.root, base, rel);
  return existsSync(full) ? readFileSync(full, 'utf8') : null;
}

export function localFile(root: string, rel: string): string | null {
  const full = join(root, rel);
  return existsSync(full) ? readFileSync(full, 'utf8') : null;
}

/** A fresh local folder and a fresh (empty) remote folder. */
export async function freshPair(server: ServerInfo, prefix: string): Promise<{ local: string; base: string; remoteRoot: string }> {
  const base = unique(prefix);
  const local = join(work, base);
  mkdirSync(local, { recursive: true });
  await withSession(server, (s) => s.mkdir(`/${base}`));
  return { local, base, remoteRoot: `/${base}` };
}

export async function compare(server: ServerInfo, options: CompareFoldersOptions, overrides: Partial<ConnectionTarget> = {}) {
  return withSession(server, (s) => compareFolders(s, options), overrides);
}

export function paths(plan: SyncPlan): string[] {
  return plan.actions.map((a) => `${a.operation} ${a.target} ${a.relativePath}${a.selected ? '' : ' (unticked)'}`);
}

/** The sync service as the app builds it, on one fleet server and `queue`, with a memory for earlier syncs. */
export function syncServiceFor(server: ServerInfo, queue: TransferQueue, siteKey: string): SyncService {
  const connection: SessionConnection = { siteKey, label: server.name, maxConnections: null, uploadViaTemporaryName: true, options: optionsFor(server) };
  return new SyncService({
    connectionFor: () => connection,
    openSession: (c) => FtpsSession.open({ ...c.options }),
    registerConnection: () => undefined,
    queue,
    stateStore: new MemorySyncStateStore(),
  });
}
