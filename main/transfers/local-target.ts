import { createHash } from 'node:crypto';
import { constants, lstat as lstatCallback, type Stats } from 'node:fs';
import { lstat, mkdir, open, realpath, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileFacts } from '../../common/models/transfer';
import { WharfError } from '../core/errors';
import { t } from '../../common/i18n/t';
import { describeUnsafeName, printableName, unsafeNameCode, type UnsafeNameCode } from '../ftps/safe-names';

/*
 * The one boundary every download crosses before a byte is written: the local path is built in main from
 * the folder the user chose and the server's name, the name must be safe on every OS, the path must stay
 * inside the folder once `..` and symbolic links are resolved, and nothing is written through a link.
 * The queue runner calls it for every download item, whatever queued it (a pane, a folder expansion, a
 * sync, the CLI), so a check forgotten at one entry point is still made here.
 */

/** The suffix of a download's temporary file; with the item id in the name no listing can produce it. */
export const TEMPORARY_DOWNLOAD_SUFFIX = '.wharf-part';

/** Most file systems (ext4, XFS, APFS, NTFS) allow 255 bytes per name. */
const MAX_NAME_BYTES = 255;

/** `O_NOFOLLOW` where the OS has it (not on Windows, where Node reports no such flag). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** The folder's own name as people know it ("Downloads"), for reasons shown to them. */
function folderLabel(root: string): string {
  return basename(resolve(root)) || resolve(root);
}

/** A server's name shown in a reason: printable and cut short (it may be long or hold control characters). */
function shownName(name: string): string {
  return printableName(name.length > 200 ? `${name.slice(0, 200)}…` : name);
}

/** True when `path` is `root` itself or below it (both resolved, not followed). */
function isInsideOrAt(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The refusal of a server's name for a local file, in words for the queue: what the server called it,
 * why it cannot be written, and that it was skipped. Marked `refusedName`: retrying cannot make it safe.
 * `folder`: how the reason names `root` (default: its last segment, "Downloads").
 */
export function refusedNameError(name: string, root: string, folder = folderLabel(root)): WharfError | null {
  const lexical = resolve(root, name);
  if (name !== '' && (isAbsolute(name) || /^[A-Za-z]:/.test(name) || !isInsideOrAt(resolve(root), lexical) || /(^|[\\/])\.\.([\\/]|$)/.test(name))) {
    const shown = shownName(name);
    return new WharfError('unsafe-name', t('queueTexts.serverNameOutside', { name: shown, folder }), {
      detail: { name: shown, reason: 'outside-folder', folder, refusedName: true },
    });
  }
  const reason = unsafeNameCode(name);
  if (reason === null) return null;
  const shown = shownName(name);
  return new WharfError('unsafe-name', t('queueTexts.serverNameUnsafe', { name: shown, reason: describeUnsafeName(reason) }), {
    detail: { name: shown, reason, folder, refusedName: true },
  });
}

/**
 * Where a file the server calls `name` goes in the chosen `folder`: the one join of a server's name with a
 * local folder. Throws the `refusedNameError` for a name that is not a single safe segment; `label` names
 * the folder in it where its own name means nothing to a person.
 */
export function downloadPathIn(folder: string, name: string, label?: string): string {
  const refusal = refusedNameError(name, folder, label);
  if (refusal) throw refusal;
  return join(resolve(folder), name);
}

/**
 * Why a local name must not become a remote one (the mirror of `unsafeNameReason` for uploads), or null.
 * A line break would end the FTP command and start another; `/` would put the file in another folder.
 */
export function unsafeRemoteNameReason(name: string): string | null {
  const code = unsafeRemoteNameCode(name);
  return code === null ? null : describeUnsafeName(code);
}

/** What `unsafeRemoteNameReason` finds, as a code (`detail.reason`). */
export function unsafeRemoteNameCode(name: string): UnsafeNameCode | null {
  if (name.length === 0) return 'empty';
  if (name === '.' || name === '..') return 'dots';
  if (name.includes('/')) return 'slash';
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return 'commandControl';
  }
  return null;
}

/**
 * The temporary file a download is written to until complete and verified: `.NAME.<item id>.wharf-part`
 * beside the target. A hidden name with the item id, so no listing can name it in advance and a user's or
 * a server's `NAME.part` is never taken for ours; too long a name is cut and given 8 hex digits of its hash.
 */
export function temporaryDownloadPathFor(localPath: string, itemId: string): string {
  const folder = dirname(localPath);
  const name = basename(localPath);
  const tail = `.${itemId}${TEMPORARY_DOWNLOAD_SUFFIX}`;
  if (Buffer.byteLength(`.${name}${tail}`) <= MAX_NAME_BYTES) return join(folder, `.${name}${tail}`);
  const tag = `~${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  let kept = name;
  while (Buffer.byteLength(`.${kept}${tag}${tail}`) > MAX_NAME_BYTES) kept = [...kept].slice(0, -1).join('');
  return join(folder, `.${kept}${tag}${tail}`);
}

/** True for a temporary name Wharf could have given `localPath` (same folder, our suffix): what a saved queue may record. */
export function isTemporaryDownloadPathFor(localPath: string, candidate: string): boolean {
  return dirname(candidate) === dirname(localPath) && basename(candidate).startsWith('.') && candidate.endsWith(TEMPORARY_DOWNLOAD_SUFFIX);
}

/** A path that would leave `root`: written there itself (`leadsTo` undefined) or through a link leading to `leadsTo` (null: nowhere). */
function refusal(root: string, relativePath: string, leadsTo?: string | null): WharfError {
  const folder = folderLabel(root);
  const name = shownName(relativePath);
  if (leadsTo === undefined) return new WharfError('unsafe-name', t('queueTexts.writtenOutside', { name, folder }), { detail: { name, reason: 'outside-folder', folder } });
  const message = t('queueTexts.linkLeadsOutside', { name, folder, dangling: leadsTo === null ? 'yes' : 'no', target: leadsTo ?? '' });
  return new WharfError('unsafe-name', message, { detail: { name, reason: 'link-outside-folder', folder } });
}

/**
 * What is at `path`, not following a link; null where nothing is. Through the callback API: every download asks it of
 * a name that is not there yet, twice, and node:fs/promises turns each "not found" into a rejection with a freshly
 * captured stack (~70-110 us of CPU here, against ~35-55 us this way).
 */
function lstatOrNull(path: string): Promise<Stats | null> {
  return new Promise((resolve, reject) => {
    lstatCallback(path, (error, info) => {
      if (error === null) resolve(info);
      else if (error.code === 'ENOENT') resolve(null);
      else reject(error);
    });
  });
}

/**
 * Makes one folder of a download whose parent is already there and checked. Another item of the same download
 * may have made it a moment ago (a file's folders are made on the way to it): a real folder there is what was
 * wanted. Anything else under that name, a file or a symbolic link (even to a folder, which could lead outside
 * the chosen folder), is refused with a `local-io` error naming the path.
 */
export async function ensureLocalFolder(path: string): Promise<void> {
  try {
    await mkdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if ((await lstat(path)).isDirectory()) return;
    throw new WharfError('local-io', t('transfers.notAFolder', { path }), { detail: { code: 'EEXIST', path }, cause: error });
  }
}

/** Where a symbolic link leads, or null when it leads nowhere (dangling, a loop). */
async function realpathOrNull(path: string): Promise<string | null> {
  return realpath(path).catch(() => null);
}

/**
 * For a symbolic link met inside a folder being uploaded (`realRoot`, already real): where it leads when
 * that is outside the folder (its real path, or "nowhere" for a dangling link or a loop), else null.
 * Choosing a folder to upload is not choosing whatever its links point at (`~/.ssh`, `/etc`).
 */
export async function linkLeavingFolder(realRoot: string, linkPath: string): Promise<string | null> {
  const leadsTo = await realpathOrNull(linkPath);
  if (leadsTo === null) return 'nowhere';
  return isInsideOrAt(realRoot, leadsTo) ? null : leadsTo;
}

/** What is at a download's target now, as the overwrite policy sees it. */
export interface DownloadTarget {
  /** Size and time of what is there (a link's target), or null when nothing is. */
  readonly existing: FileFacts | null;
  /** A regular file is there (not a link): only such a file may be resumed into. */
  readonly existingIsRegularFile: boolean;
  /** A folder is there (or a link, checked to stay inside, to one): what a folder item of a download wants. */
  readonly existingIsFolder: boolean;
}

/**
 * Checks a download's local path against the folder it was chosen in, and makes the folders between them:
 * every segment must be a safe name; each folder on the way is `lstat`ed and created one at a time, and a
 * link among them (or at the target) must lead inside the chosen folder, so no folder is ever created and
 * no byte written outside it. Throws WharfError `unsafe-name` with a reason for a person otherwise.
 * `foldersMade`: the check again right before the rename into place, when the download's temporary file sits in the
 * target's folder already: every check is made again, but the chosen folder is not looked at to be made if missing.
 */
export async function prepareDownloadTarget(root: string, localPath: string, options: { readonly foldersMade?: boolean } = {}): Promise<DownloadTarget> {
  const resolvedRoot = resolve(root);
  const target = resolve(localPath);
  const rel = relative(resolvedRoot, target);
  if (rel === '') throw new WharfError('unsafe-name', t('queueTexts.replacesChosenFolder', { folder: folderLabel(root) }), { detail: { name: target, reason: 'chosen-folder', folder: folderLabel(root) } });
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw refusal(root, target);
  const segments = rel.split(sep);
  for (const segment of segments) {
    const reason = unsafeNameCode(segment);
    if (reason !== null) {
      const shown = shownName(segment);
      throw new WharfError('unsafe-name', t('queueTexts.nameUnsafe', { name: shown, reason: describeUnsafeName(reason) }), { detail: { name: shown, reason, folder: folderLabel(root) } });
    }
  }
  // Every file of a folder download passes here twice, and each file operation costs ~30 us of CPU: the chosen
  // folder is looked at only when nothing below it was found (then made if missing), and its real path (a
  // readlink per segment of the path) only once a link below it must be checked against it.
  let rootSeen = options.foldersMade === true;
  const ensureRoot = async (): Promise<void> => {
    if (rootSeen) return;
    rootSeen = true;
    await stat(resolvedRoot).catch(() => mkdir(resolvedRoot, { recursive: true }));
  };
  let realRootFound: Promise<string> | null = null;
  const realRoot = (): Promise<string> => (realRootFound ??= realpath(resolvedRoot));
  let current = resolvedRoot;
  for (const segment of segments.slice(0, -1)) {
    current = join(current, segment);
    let info = await lstatOrNull(current);
    if (info === null) {
      await ensureRoot();
      await ensureLocalFolder(current);
      continue;
    }
    rootSeen = true;
    if (info.isSymbolicLink()) {
      const leadsTo = await realpathOrNull(current);
      if (leadsTo === null || !isInsideOrAt(await realRoot(), leadsTo)) {
        throw refusal(root, relative(resolvedRoot, current), leadsTo);
      }
      info = await stat(current);
    }
    if (!info.isDirectory()) throw new WharfError('local-io', t('queueTexts.notAFolder', { path: current, relativePath: segments.join('/') }));
  }
  const atTarget = await lstatOrNull(target);
  if (atTarget === null) {
    await ensureRoot();
    return { existing: null, existingIsRegularFile: false, existingIsFolder: false };
  }
  if (atTarget.isSymbolicLink()) {
    const leadsTo = await realpathOrNull(target);
    if (leadsTo === null || !isInsideOrAt(await realRoot(), leadsTo)) {
      throw refusal(root, rel, leadsTo);
    }
    const info = await stat(target);
    return { existing: { size: info.size, modifiedAt: info.mtime.toISOString() }, existingIsRegularFile: false, existingIsFolder: info.isDirectory() };
  }
  return { existing: { size: atTarget.size, modifiedAt: atTarget.mtime.toISOString() }, existingIsRegularFile: atTarget.isFile(), existingIsFolder: atTarget.isDirectory() };
}

/**
 * Opens a download's recorded temporary file for writing, never through a link: continued (from its size)
 * only when `resume` and a regular file is there, else removed and created anew exclusively (`wx`,
 * `O_NOFOLLOW`). Removing is safe: the name holds the item id and was recorded in the queue before use.
 */
export async function openTemporaryDownload(path: string, resume: boolean): Promise<{ handle: FileHandle; size: number }> {
  const createAnew = () => open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, 0o644);
  // A first attempt almost never finds one: no lstat (and no "not found" error) per file then.
  if (!resume) {
    const created = await createAnew().catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return null;
    });
    if (created) return { handle: created, size: 0 };
  }
  const info = await lstatOrNull(path);
  if (resume && info?.isFile()) {
    const handle = await open(path, constants.O_WRONLY | NO_FOLLOW);
    return { handle, size: (await handle.stat()).size };
  }
  if (info !== null) await rm(path, { force: true });
  return { handle: await createAnew(), size: 0 };
}
