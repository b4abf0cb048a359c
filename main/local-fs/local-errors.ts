import { WharfError } from '../core/errors';

const MESSAGES: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist (any more)',
  EACCES: 'cannot be accessed: permission denied',
  EPERM: 'cannot be changed: the operating system refused',
  EEXIST: 'already exists',
  ENOTEMPTY: 'is a folder that is not empty',
  ENOTDIR: 'is not a folder',
  EISDIR: 'is a folder',
  ENOSPC: 'cannot be written: the disk is full',
  EXDEV: 'cannot be moved to another drive by renaming',
  EBUSY: 'is in use by another program',
  EROFS: 'is on a read-only file system',
  ENAMETOOLONG: 'has a name that is too long',
  ELOOP: 'has too many symbolic links in its path',
};

/**
 * Turns a Node file-system error into a `local-io` WharfError a person can read ("X already exists"),
 * keeping the errno code in `detail.code` for the renderer's icon choice. Non-errno errors pass through.
 */
export function toLocalIoError(err: unknown, path: string): unknown {
  if (err instanceof WharfError) return err;
  const code = typeof err === 'object' && err !== null ? (err as NodeJS.ErrnoException).code : undefined;
  if (typeof code !== 'string') return err;
  const what = MESSAGES[code] ?? `could not be used (${code})`;
  return new WharfError('local-io', `"${path}" ${what}.`, { detail: { code, path }, cause: err });
}

/** Runs a file-system call and rethrows its failure as a readable `local-io` error about `path`. */
export async function withLocalIo<T>(path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toLocalIoError(err, path);
  }
}
