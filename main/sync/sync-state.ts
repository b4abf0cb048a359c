import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../sites/atomic-file';

/**
 * What a two-way sync remembers about a folder pair: the paths that were on both sides after its last run.
 * Only with it can `mirror --delete` tell a file deleted on one side from a file new on the other.
 */
export interface SyncStateStore {
  load(pairKey: string): Promise<ReadonlySet<string> | null>;
  save(pairKey: string, paths: Iterable<string>): Promise<void>;
}

/** Identifies a folder pair: the server (user@host:port), its folder and the local folder. */
export function syncPairKey(remoteId: string, remoteRoot: string, localRoot: string): string {
  return `${remoteId}\n${remoteRoot.replace(/\/+$/, '') || '/'}\n${resolve(localRoot)}`;
}

interface StateFile {
  readonly version: 1;
  readonly pair: string;
  readonly updatedAt: string;
  readonly paths: readonly string[];
}

/** One small JSON file per pair under `<dataDir>/sync-state/`, written atomically. */
export class FileSyncStateStore implements SyncStateStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'sync-state');
  }

  private fileFor(pairKey: string): string {
    return join(this.dir, `${createHash('sha256').update(pairKey).digest('hex').slice(0, 32)}.json`);
  }

  async load(pairKey: string): Promise<ReadonlySet<string> | null> {
    let text: string;
    try {
      text = await readFile(this.fileFor(pairKey), 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = JSON.parse(text) as Partial<StateFile>;
      if (parsed.version !== 1 || parsed.pair !== pairKey || !Array.isArray(parsed.paths)) return null;
      return new Set(parsed.paths.filter((p): p is string => typeof p === 'string'));
    } catch {
      // An unreadable record is no record: the next mirror deletes nothing and writes a fresh one.
      return null;
    }
  }

  async save(pairKey: string, paths: Iterable<string>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file: StateFile = { version: 1, pair: pairKey, updatedAt: new Date().toISOString(), paths: [...new Set(paths)].sort() };
    await writeFileAtomic(this.fileFor(pairKey), JSON.stringify(file));
  }
}

/** Keeps the record in memory (the CLI with --no-state, tests). */
export class MemorySyncStateStore implements SyncStateStore {
  private readonly records = new Map<string, ReadonlySet<string>>();

  async load(pairKey: string): Promise<ReadonlySet<string> | null> {
    return this.records.get(pairKey) ?? null;
  }

  async save(pairKey: string, paths: Iterable<string>): Promise<void> {
    this.records.set(pairKey, new Set(paths));
  }
}
