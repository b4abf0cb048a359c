import { t, translator } from '../../common/i18n/t';
import { opendir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WharfErrorData } from '../../common/models';
import type { RemoteEntry } from '../../common/models/remote-entry';
import type { OverwritePolicy } from '../../common/models/transfer';
import { isWharfError, WharfError } from '../core/errors';
import { unsafeNameReason } from '../ftps/safe-names';
import type { NewTransferItem } from './transfer-scheduler';
import { linkLeavingFolder, unsafeRemoteNameReason } from './local-target';
import type { PathTransferRequest } from './transfer-request';
import type { TransferSession } from './transfer-session';

/** Items are handed out in batches of this many, so a 100,000-entry folder starts transferring early and never blocks the event loop. */
export const EXPANSION_BATCH_SIZE = 500;

/** Folders are walked down to this path length (Linux PATH_MAX): deeper ones cannot be created anyway. */
export const MAX_EXPANDED_PATH_LENGTH = 4096;

/**
 * How far a recursive download walks before it asks whether to go on: entries (files and folders) and
 * folder depth. A hostile or broken server can list an endless tree; without a bound, memory and the
 * saved queue file would grow until something gives.
 */
export interface ExpansionBudget {
  readonly maxItems: number;
  readonly maxDepth: number;
}

/** The budget the app and the CLI use unless told otherwise (`--max-items`, `--max-depth`). */
export const DEFAULT_EXPANSION_BUDGET: ExpansionBudget = { maxItems: 100_000, maxDepth: 64 };

/** Where a walk went past its budget. */
export interface BudgetExceeded {
  readonly limit: 'items' | 'depth';
  /** The bound that was passed. */
  readonly value: number;
  /** The remote folder being walked. */
  readonly path: string;
}

/**
 * Asked when a walk passes its budget: true goes on (that bound doubles, and is asked about again when
 * passed), false stops the walk (a `cancelled` error; what was queued so far stays queued). It may throw
 * its own error instead (the CLI names the option that raises the bound).
 */
export type OnBudgetExceeded = (exceeded: BudgetExceeded) => Promise<boolean>;

/** Which walk passed its budget: a download (what was found so far stays queued) or a compare (nothing changes). */
export interface BudgetedWalk {
  readonly walk: 'download' | 'compare';
  readonly root: string;
}

/**
 * Asks `onExceeded` (default: stop) whether a walk goes on past its budget; throws a `cancelled` error
 * saying which walk stopped where, and what became of the rest, when not.
 */
export async function goOnPastBudget(onExceeded: OnBudgetExceeded | undefined, exceeded: BudgetExceeded, walk: BudgetedWalk): Promise<void> {
  if (await (onExceeded ?? (async () => false))(exceeded)) return;
  const count = exceeded.limit === 'items' ? translator().number(exceeded.value) : String(exceeded.value);
  throw new WharfError('cancelled', t('transfers.walkStopped', { walk: walk.walk, root: walk.root, limit: exceeded.limit, count, path: exceeded.path }), {
    detail: { limit: exceeded.limit, value: exceeded.value, path: exceeded.path },
  });
}

/** What to expand: where it is and where it goes (the direction is the walk's own). */
type ExpansionOf = Omit<PathTransferRequest, 'direction'>;

/** An entry that was left out of an expansion, and why (an unsafe remote name, a symlinked folder, a socket). */
export interface SkippedEntry {
  readonly path: string;
  readonly reason: string;
}

/** Joins remote path segments with `/` whatever the local OS uses. */
export function joinRemote(folder: string, name: string): string {
  return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
}

function withPolicy(request: ExpansionOf): { overwrite?: OverwritePolicy; uploadViaTemporaryName?: boolean } {
  return {
    ...(request.overwrite ? { overwrite: request.overwrite } : {}),
    ...(request.uploadViaTemporaryName !== undefined ? { uploadViaTemporaryName: request.uploadViaTemporaryName } : {}),
  };
}

/**
 * Walks a local file or folder for upload, depth first, yielding batches of items: one per file, and one
 * `directory` item per empty folder (folders with files are created on the way by their files).
 * Symlinks to files inside the chosen folder are followed; symlinks leading out of it, and symlinks to
 * folders (they can loop), are skipped and reported.
 */
export async function* expandLocalForUpload(
  request: ExpansionOf,
  onSkipped: (entry: SkippedEntry) => void = () => undefined,
): AsyncGenerator<NewTransferItem[]> {
  const top = await stat(request.localPath);
  const policy = withPolicy(request);
  if (!top.isDirectory()) {
    yield [{ kind: 'file', direction: 'upload', siteKey: request.siteKey, localPath: request.localPath, remotePath: request.remotePath, size: top.size, modifiedAt: top.mtime.toISOString(), ...policy }];
    return;
  }
  const realRoot = await realpath(request.localPath);
  let batch: NewTransferItem[] = [];
  const folders: { local: string; remote: string }[] = [{ local: request.localPath, remote: request.remotePath }];
  while (folders.length > 0) {
    const folder = folders.pop() as { local: string; remote: string };
    let hasEntries = false;
    const subfolders: { local: string; remote: string }[] = [];
    const listing = await opendir(folder.local).catch((err: unknown) => unreadLocalFolder(folder.local, err));
    if (listing instanceof WharfError) {
      // As FileZilla and WinSCP do: the folder fails on its own, with the reason, and the rest is uploaded.
      batch.push({ kind: 'directory', direction: 'upload', siteKey: request.siteKey, localPath: folder.local, remotePath: folder.remote, size: 0, refusal: listing.toData(), ...policy });
      continue;
    }
    for await (const entry of listing) {
      const local = join(folder.local, entry.name);
      const unsafeRemote = unsafeRemoteNameReason(entry.name);
      if (unsafeRemote !== null) {
        onSkipped({ path: local, reason: t('queueTexts.skipUnsafeRemoteName', { reason: unsafeRemote }) });
        continue;
      }
      const remote = joinRemote(folder.remote, entry.name);
      if (entry.isDirectory()) {
        hasEntries = true;
        subfolders.push({ local, remote });
        continue;
      }
      let isFile = entry.isFile();
      let info = isFile ? await stat(local).catch(() => null) : null;
      if (entry.isSymbolicLink()) {
        const outside = await linkLeavingFolder(realRoot, local);
        if (outside !== null) {
          onSkipped({ path: local, reason: t('queueTexts.skipLinkOutside', { dangling: outside === 'nowhere' ? 'yes' : 'no', target: outside }) });
          continue;
        }
        info = await stat(local).catch(() => null);
        if (info?.isDirectory()) {
          onSkipped({ path: local, reason: t('queueTexts.skipLinkToFolder') });
          continue;
        }
        isFile = info?.isFile() ?? false;
      }
      if (!isFile || !info) {
        onSkipped({ path: local, reason: t('queueTexts.skipNotRegularFile') });
        continue;
      }
      hasEntries = true;
      batch.push({ kind: 'file', direction: 'upload', siteKey: request.siteKey, localPath: local, remotePath: remote, size: info.size, modifiedAt: info.mtime.toISOString(), ...policy });
      if (batch.length >= EXPANSION_BATCH_SIZE) {
        yield batch;
        batch = [];
      }
    }
    if (!hasEntries) {
      batch.push({ kind: 'directory', direction: 'upload', siteKey: request.siteKey, localPath: folder.local, remotePath: folder.remote, size: 0, ...policy });
    }
    // Reverse so the first subfolder in listing order is walked first.
    folders.push(...subfolders.reverse());
  }
  if (batch.length > 0) yield batch;
}

/**
 * A folder the walk could not read, as a failed item says it. `unreadFolder` marks the item as one a retry cannot
 * help: it would make an empty folder and pass as done, while the folder is not empty but unknown.
 */
function unreadLocalFolder(path: string, err: unknown): WharfError {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  return new WharfError('local-io', t('transfers.localFolderUnreadable', { path, code }), { detail: { path, unreadFolder: true }, cause: err });
}

/** The server's refusal to list a folder of a download, as its failed item carries it (marked as in unreadLocalFolder). */
export function unreadRemoteFolder(err: WharfError): WharfErrorData {
  const data = err.toData();
  return { ...data, detail: { ...data.detail, unreadFolder: true } };
}

/**
 * The server's answer that a folder cannot be read (missing, closed, "failed to open directory"), as opposed to a
 * connection or data-connection failure, or a reply that asks to try again later (421, 425, 426).
 */
export function folderListingRefused(err: unknown): err is WharfError {
  return isWharfError(err, 'ftp') && err.code !== 421 && err.code !== 425 && err.code !== 426;
}

/**
 * Walks a remote folder for download through a session's listings, yielding batches of items: one per
 * file (size and time from the listing) and one `directory` item per empty folder. A name that would be
 * unsafe as a local name (`..`, `a/b`, control characters) is skipped and reported, never followed.
 * Symlinks are queued as files: a listing cannot tell where they point.
 */
export async function* expandRemoteForDownload(
  session: Pick<TransferSession, 'list'>,
  request: ExpansionOf,
  onSkipped: (entry: SkippedEntry) => void = () => undefined,
  limits: { readonly budget?: ExpansionBudget; readonly onExceeded?: OnBudgetExceeded } = {},
): AsyncGenerator<NewTransferItem[]> {
  const policy = withPolicy(request);
  const localRoot = request.localRoot ?? request.localPath;
  let { maxItems, maxDepth } = limits.budget ?? DEFAULT_EXPANSION_BUDGET;
  let walked = 0;
  const goOn = (limit: BudgetExceeded['limit'], value: number, path: string) => goOnPastBudget(limits.onExceeded, { limit, value, path }, { walk: 'download', root: request.remotePath });
  let batch: NewTransferItem[] = [];
  const folders: { local: string; remote: string; depth: number }[] = [{ local: request.localPath, remote: request.remotePath, depth: 0 }];
  while (folders.length > 0) {
    const folder = folders.pop() as { local: string; remote: string; depth: number };
    let entries: readonly RemoteEntry[];
    try {
      // A subfolder was listed by its parent as a folder: an empty listing of it needs no proof that it exists.
      entries = await session.list(folder.remote, undefined, folder.depth > 0 ? { listedAsFolder: true } : {});
    } catch (err) {
      // The folder the user chose fails the walk (the caller says so); one inside it fails on its own, with the
      // server's reason, and the rest is downloaded, as FileZilla and WinSCP do.
      if (folder.depth === 0 || !folderListingRefused(err)) throw err;
      batch.push({ kind: 'directory', direction: 'download', siteKey: request.siteKey, localPath: folder.local, localRoot, remotePath: folder.remote, size: 0, refusal: unreadRemoteFolder(err), ...policy });
      continue;
    }
    const subfolders: { local: string; remote: string; depth: number }[] = [];
    let hasEntries = false;
    // A name listed twice would become two transfers into one local file, the second writing into the
    // first's file after it got its final name.
    const seen = new Set<string>();
    for (const entry of entries) {
      const remote = joinRemote(folder.remote, entry.name);
      const unsafe = unsafeNameReason(entry.name);
      if (unsafe !== null) {
        onSkipped({ path: remote, reason: t('queueTexts.skipUnsafeName', { reason: unsafe }) });
        continue;
      }
      if (seen.has(entry.name)) {
        onSkipped({ path: remote, reason: t('queueTexts.skipListedTwice') });
        continue;
      }
      seen.add(entry.name);
      hasEntries = true;
      if (++walked > maxItems) {
        // Whatever is batched goes to the queue first: the question may take a while to be answered.
        if (batch.length > 0) yield batch;
        batch = [];
        await goOn('items', maxItems, folder.remote);
        maxItems *= 2;
      }
      const local = join(folder.local, entry.name);
      if (entry.type === 'directory') {
        if (folder.depth + 1 > maxDepth) {
          if (batch.length > 0) yield batch;
          batch = [];
          await goOn('depth', maxDepth, remote);
          maxDepth *= 2;
        }
        // A folder listed inside itself (a link to a parent, a hostile server) would be walked for ever.
        if (local.length > MAX_EXPANDED_PATH_LENGTH || remote.length > MAX_EXPANDED_PATH_LENGTH) {
          onSkipped({ path: remote, reason: t('queueTexts.skipNestedTooDeep', { maxLength: String(MAX_EXPANDED_PATH_LENGTH) }) });
          continue;
        }
        subfolders.push({ local, remote, depth: folder.depth + 1 });
        continue;
      }
      // A link is listed with its own size, not its target's: the runner asks the server (SIZE) for it instead.
      const size = entry.type === 'symlink' ? null : entry.size;
      batch.push({ kind: 'file', direction: 'download', siteKey: request.siteKey, localPath: local, localRoot, remotePath: remote, size, modifiedAt: entry.modifiedAt, ...policy });
      if (batch.length >= EXPANSION_BATCH_SIZE) {
        yield batch;
        batch = [];
      }
    }
    if (!hasEntries) {
      batch.push({ kind: 'directory', direction: 'download', siteKey: request.siteKey, localPath: folder.local, localRoot, remotePath: folder.remote, size: 0, ...policy });
    }
    folders.push(...subfolders.reverse());
  }
  if (batch.length > 0) yield batch;
}
