import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations a store needs, injectable so tests can make a write or a rename fail half-way. */
export interface StoreFs {
  readFile(path: string): Promise<Buffer>;
  open(path: string, flags: string, mode?: number): Promise<StoreFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  copyFile(from: string, to: string, mode?: number): Promise<void>;
  mkdir(path: string, options: { recursive: true; mode?: number }): Promise<unknown>;
}

/** An open file, as far as an atomic write uses it. */
export interface StoreFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The real file system. */
export const nodeStoreFs: StoreFs = {
  readFile: (path) => fsp.readFile(path),
  open: (path, flags, mode) => fsp.open(path, flags, mode),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  copyFile: (from, to, mode) => fsp.copyFile(from, to, mode),
  mkdir: (path, options) => fsp.mkdir(path, options),
};

/** Prefix of our temporary files, so a crash leftover is recognisable (and ignorable) in the data folder. */
export const TEMP_FILE_MARKER = '.wharf-tmp-';

/**
 * Replaces `path` with `data` so that a crash, a full disk or a power cut leaves either the old file or the
 * new one, never a mix: write a temp file in the same folder (same file system, so rename is atomic), fsync
 * it, rename it over the target, then fsync the folder so the rename itself is durable. The temp file is
 * removed on any failure. Files are created 0600: site lists name hosts and users.
 */
export async function writeFileAtomic(path: string, data: string, fs: StoreFs = nodeStoreFs): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `${TEMP_FILE_MARKER}${basename(path)}-${randomBytes(6).toString('hex')}`);
  let handle: StoreFileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', 0o600);
    await handle.writeFile(data);
    await handle.sync();
    const h = handle;
    handle = undefined;
    await h.close();
    await renameWithRetry(fs, temp, path);
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(fs, dir);
}

/**
 * Windows: an antivirus or the search indexer briefly holding the target makes rename fail with EPERM,
 * EACCES or EBUSY; retry a few times before giving up, as graceful-fs does.
 */
async function renameWithRetry(fs: StoreFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const transient = process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY');
      if (!transient || attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}

async function syncDirectory(fs: StoreFs, dir: string): Promise<void> {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync there
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: some file systems refuse fsync on a directory; the data itself is already synced.
  }
}
