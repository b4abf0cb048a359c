import { t } from '../../common/i18n/t';
import { lstat, mkdir, readdir, readlink, rename, rm, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, resolve, sep } from 'node:path';
import type { EntryType } from '../../common/models/remote-entry';
import type { DroppedEntry, LocalEntry, LocalListing, LocalPlaces } from '../../common/ipc/payloads';
import { WharfError } from '../core/errors';
import type { LocalAccess } from './local-access';
import { withLocalIo } from './local-errors';

/** Entries stat'ed at once while listing: enough to keep the disk busy, few enough to keep memory flat. */
const STAT_CONCURRENCY = 64;

/** What the local service needs from its host: in Electron `trash` is `shell.trashItem`; in plain Node absent. */
export interface LocalFsOptions {
  readonly access: LocalAccess;
  /** Moves a path to the OS trash; absent where there is none (tests, the bridge): then deletes. */
  readonly trash?: (path: string) => Promise<void>;
  /** default: os.homedir() */
  readonly home?: string;
}

/**
 * Local browsing for the left pane, in plain Node so the bridge host runs it unchanged. Every path is
 * checked against the allow-list here, whoever calls (the IPC dispatcher checks too: two gates, one list).
 */
export class LocalFsService {
  private readonly access: LocalAccess;
  private readonly trash: ((path: string) => Promise<void>) | undefined;
  readonly home: string;

  constructor(options: LocalFsOptions) {
    this.access = options.access;
    this.trash = options.trash;
    this.home = resolve(options.home ?? homedir());
  }

  /** Allows the home folder: the local pane opens there, which counts as the user opening it. */
  async init(): Promise<void> {
    await this.access.grant(this.home);
  }

  /** The home folder and every allowed root. */
  places(): LocalPlaces {
    return { home: this.home, allowedRoots: this.access.allowedRoots(), separator: sep };
  }

  /** Lists a folder: name, type (links followed for the type), size, mtime, permissions. */
  async list(path: string): Promise<LocalListing> {
    const folder = await this.access.check(path);
    const dirents = await withLocalIo(folder, () => readdir(folder, { withFileTypes: true }));
    const entries: LocalEntry[] = new Array(dirents.length);
    let next = 0;
    const worker = async () => {
      while (next < dirents.length) {
        const index = next++;
        entries[index] = await describeEntry(folder, dirents[index]!.name);
      }
    };
    await Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, dirents.length) }, worker));
    const parent = dirname(folder);
    return {
      path: folder,
      parent: parent !== folder && this.access.allowsByName(parent) ? parent : null,
      separator: sep,
      entries,
    };
  }

  /** Creates one folder. */
  async mkdir(path: string): Promise<void> {
    const target = await this.access.check(path);
    await withLocalIo(target, () => mkdir(target));
  }

  /** Renames or moves; never replaces an existing target (POSIX rename would, silently). */
  async rename(from: string, to: string): Promise<void> {
    const source = await this.access.check(from);
    const target = await this.access.check(to);
    if (this.access.isRoot(source)) throw new WharfError('local-io', t('transfers.rootNotRenamed', { path: source }), { detail: { reason: 'allowed-root', path: source } });
    await withLocalIo(source, () => lstat(source));
    if (await exists(target)) throw new WharfError('local-io', t('transfers.alreadyExists', { path: target }), { detail: { code: 'EEXIST', path: target } });
    await withLocalIo(source, () => rename(source, target));
  }

  /** Deletes files and folders, to the trash when asked and available. Roots and drive roots are refused. */
  async delete(paths: readonly string[], toTrash: boolean): Promise<void> {
    const checked: string[] = [];
    for (const path of paths) {
      const target = await this.access.check(path);
      if (this.access.isRoot(target) || parse(target).root === target) {
        throw new WharfError('local-io', t('transfers.rootNotDeleted', { path: target }), { detail: { reason: 'allowed-root', path: target } });
      }
      checked.push(target);
    }
    for (const target of checked) {
      await withLocalIo(target, async () => {
        await lstat(target);
        if (toTrash && this.trash) await this.trash(target);
        else await rm(target, { recursive: true });
      });
    }
  }

  /** Stats paths the user dropped from the OS after allowing them. */
  async dropIn(paths: readonly string[]): Promise<readonly DroppedEntry[]> {
    const result: DroppedEntry[] = [];
    for (const path of paths) {
      const normalized = resolve(path);
      const stats = await withLocalIo(normalized, () => stat(normalized));
      await this.access.grant(normalized);
      result.push({ path: normalized, name: basename(normalized), type: typeOf(stats), size: stats.isFile() ? stats.size : 0 });
    }
    return result;
  }

  /** A checked path that must exist (open with the OS, reveal, drag out). */
  async existing(path: string): Promise<string> {
    const target = await this.access.check(path);
    await withLocalIo(target, () => lstat(target));
    return target;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

function typeOf(stats: Stats): EntryType {
  if (stats.isDirectory()) return 'directory';
  if (stats.isFile()) return 'file';
  if (stats.isSymbolicLink()) return 'symlink';
  return 'unknown';
}

/** `rwxr-xr-x` from a mode, as remote listings show it; null on Windows where modes mean little. */
export function permissionString(mode: number): string | null {
  if (process.platform === 'win32') return null;
  const chars = 'rwxrwxrwx';
  let out = '';
  for (let i = 0; i < 9; i++) out += mode & (1 << (8 - i)) ? chars[i] : '-';
  return out;
}

async function describeEntry(folder: string, name: string): Promise<LocalEntry> {
  const path = join(folder, name);
  const base = { name, path, hidden: name.startsWith('.'), owner: null, group: null };
  let stats: Stats;
  try {
    stats = await lstat(path);
  } catch {
    // Vanished between readdir and lstat, or unreadable: still listed, so the user sees it.
    return { ...base, type: 'unknown', size: 0, modifiedAt: null, permissions: null, linkTarget: null };
  }
  if (stats.isSymbolicLink()) {
    const linkTarget = await readlink(path).catch(() => null);
    const target = await stat(path).catch(() => null);
    return {
      ...base,
      // A link to a folder opens like a folder (the allow-list still checks where it really leads).
      type: target ? typeOf(target) : 'symlink',
      size: target?.isFile() ? target.size : 0,
      modifiedAt: (target ?? stats).mtime.toISOString(),
      permissions: permissionString((target ?? stats).mode),
      linkTarget,
    };
  }
  return {
    ...base,
    type: typeOf(stats),
    size: stats.isFile() ? stats.size : 0,
    modifiedAt: stats.mtime.toISOString(),
    permissions: permissionString(stats.mode),
    linkTarget: null,
  };
}
