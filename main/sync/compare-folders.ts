import { t } from '../../common/i18n/t';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RemoteEntry } from '../../common/models/remote-entry';
import type { CompareResult, CompareSide, SkippedPath } from '../../common/models/sync';
import { isWharfError, WharfError } from '../core/errors';
import { printableName, unsafeNameReason } from '../ftps/safe-names';
import type { ListingOptions, RemoteHash } from '../ftps/session';
import { DEFAULT_EXPANSION_BUDGET, folderListingRefused, goOnPastBudget, type ExpansionBudget, type OnBudgetExceeded } from '../transfers/expand';
import { linkLeavingFolder } from '../transfers/local-target';
import { hashLocalFile } from '../transfers/local-hash';
import { compareTrees, matchKey, summarize, type TreeEntry } from './compare';

/** What compare needs of a session: `FtpsSession` satisfies it. */
export interface CompareSession {
  list(path: string, progress?: undefined, options?: ListingOptions): Promise<readonly RemoteEntry[]>;
  features(): Promise<ReadonlyMap<string, string>>;
  hash(path: string): Promise<RemoteHash | null>;
}

/** What to compare and how. Defaults are stated per field. */
export interface CompareFoldersOptions {
  readonly localRoot: string;
  /** Absolute, `/`-separated. */
  readonly remoteRoot: string;
  /** Into subfolders too. default true */
  readonly recursive?: boolean;
  /** The offset the session parsed LIST times with (the site's `timezoneOffsetMinutes`). default 0 */
  readonly listingOffsetMinutes?: number;
  /** The offset to compare with, to try another one without changing the site. default: listingOffsetMinutes */
  readonly timezoneOffsetMinutes?: number;
  /** Compare server hashes (HASH, XSHA256, ...) of equal-size files where offered. default true */
  readonly useHash?: boolean;
  /** Compare sizes only: no times, no hashes. default false */
  readonly sizeOnly?: boolean;
  /** Times this close count as equal. default 1 second */
  readonly toleranceSeconds?: number;
  readonly signal?: AbortSignal;
  /** Called after each folder listed, with the count so far. */
  readonly onProgress?: (foldersListed: number) => void;
  /** How far the remote side is walked before `onBudgetExceeded` is asked. default DEFAULT_EXPANSION_BUDGET */
  readonly budget?: ExpansionBudget;
  /** Go on past the budget? default: no, the compare stops with a `cancelled` error */
  readonly onBudgetExceeded?: OnBudgetExceeded;
  /**
   * A root folder that does not exist yet compares as empty (a sync creates it), instead of failing the
   * compare. Only a root whose parent lists without it counts as missing, never one that cannot be read.
   * default false
   */
  readonly missingRootsAreEmpty?: boolean;
}

const HASH_FEATURES = ['HASH', 'XSHA256', 'XSHA1', 'XMD5', 'XCRC'];

/** Joins a remote folder and a relative path with `/`. */
export function remoteJoin(root: string, relativePath: string): string {
  if (relativePath === '') return root;
  return root.endsWith('/') ? `${root}${relativePath}` : `${root}/${relativePath}`;
}

/** The local path of a relative `/`-separated path under a root. */
export function localJoin(root: string, relativePath: string): string {
  return relativePath === '' ? root : join(root, ...relativePath.split('/'));
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new WharfError('cancelled', t('transfers.compareCancelled'));
}

/**
 * Walks a local folder: files and folders, symbolic links to files inside it followed, symbolic links
 * leading out of it or to folders (they can loop) skipped, and names FTP cannot carry (line breaks, NUL) skipped.
 */
export async function walkLocal(root: string, recursive: boolean, skipped: SkippedPath[], signal?: AbortSignal): Promise<TreeEntry[]> {
  const rootInfo = await stat(root).catch((err: unknown) => {
    throw new WharfError('local-io', t('transfers.localFolderUnreadable', { path: root, code: (err as NodeJS.ErrnoException).code ?? 'error' }));
  });
  if (!rootInfo.isDirectory()) throw new WharfError('local-io', t('transfers.notAFolder', { path: root }));
  const realRoot = await realpath(root);
  const out: TreeEntry[] = [];
  const walk = async (relative: string): Promise<void> => {
    checkAborted(signal);
    const folder = localJoin(root, relative);
    for (const dirent of await readdir(folder, { withFileTypes: true })) {
      const rel = relative ? `${relative}/${dirent.name}` : dirent.name;
      if (/[\r\n\0]/.test(dirent.name)) {
        skipped.push({ side: 'local', path: printableName(rel), reason: t('syncTexts.skipLineBreak') });
        continue;
      }
      const full = join(folder, dirent.name);
      const outside = dirent.isSymbolicLink() ? await linkLeavingFolder(realRoot, full) : null;
      if (outside !== null) {
        skipped.push({ side: 'local', path: printableName(rel), reason: t('syncTexts.skipLinkOutside', { target: printableName(outside) }) });
        continue;
      }
      let info = dirent.isSymbolicLink() ? await stat(full).catch(() => null) : null;
      if (dirent.isSymbolicLink() && info?.isDirectory()) {
        skipped.push({ side: 'local', path: printableName(rel), reason: t('queueTexts.skipLinkToFolder') });
        continue;
      }
      if (dirent.isDirectory()) {
        const dirInfo = await stat(full).catch(() => null);
        out.push({ relativePath: rel, type: 'directory', size: null, modifiedMs: dirInfo?.mtimeMs ?? null, precision: 'exact' });
        if (recursive) await walk(rel);
        continue;
      }
      if (dirent.isFile() || (dirent.isSymbolicLink() && info?.isFile())) {
        info ??= await stat(full).catch(() => null);
        if (!info) continue;
        out.push({ relativePath: rel, type: 'file', size: info.size, modifiedMs: Math.floor(info.mtimeMs), precision: 'exact' });
        continue;
      }
      skipped.push({ side: 'local', path: printableName(rel), reason: t('syncTexts.skipNotRegular') });
    }
  };
  await walk('');
  return out;
}

/** `ls -l` prints only the day for files older than six months: such a time is midnight, server time. */
function listPrecision(modifiedMs: number, listingOffsetMinutes: number): 'minute' | 'day' {
  return (modifiedMs + listingOffsetMinutes * 60_000) % 86_400_000 === 0 ? 'day' : 'minute';
}

/**
 * Walks a remote folder through a session's listings. A name that is unsafe as a local name (`..`, `a/b`,
 * control characters, Windows device names) is skipped and reported, never followed or used. A subfolder the
 * server refuses to list is reported with the server's reason and its path put in `unreadFolders`: it is
 * not empty, it is unknown. A refusal of the root itself fails the walk.
 */
export async function walkRemote(
  session: Pick<CompareSession, 'list'>,
  root: string,
  options: { recursive: boolean; listsInUtc: boolean; listingOffsetMinutes: number; budget?: ExpansionBudget; onBudgetExceeded?: OnBudgetExceeded; unreadFolders: string[] },
  skipped: SkippedPath[],
  signal?: AbortSignal,
  onFolder?: () => void,
): Promise<TreeEntry[]> {
  const out: TreeEntry[] = [];
  // A server listing a tree without end would otherwise grow `out` until memory runs out.
  let { maxItems, maxDepth } = options.budget ?? DEFAULT_EXPANSION_BUDGET;
  const what = { walk: 'compare', root } as const; // nothing is queued or changed by a stopped compare
  const walk = async (relative: string): Promise<void> => {
    checkAborted(signal);
    let entries: readonly RemoteEntry[];
    try {
      // A subfolder was listed by its parent as a folder: an empty listing of it needs no proof that it exists.
      entries = await session.list(remoteJoin(root, relative), undefined, relative === '' ? {} : { listedAsFolder: true });
    } catch (err) {
      if (relative === '' || !folderListingRefused(err)) throw err;
      skipped.push({ side: 'remote', path: printableName(relative), reason: t('transfers.remoteFolderSkipped', { error: err.message }), unreadFolder: true });
      options.unreadFolders.push(relative);
      return;
    }
    onFolder?.();
    for (const entry of entries) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      const unsafe = unsafeNameReason(entry.name);
      if (unsafe !== null) {
        skipped.push({ side: 'remote', path: printableName(rel), reason: t('syncTexts.skipUnsafeName', { reason: unsafe }) });
        continue;
      }
      if (out.length >= maxItems) {
        await goOnPastBudget(options.onBudgetExceeded, { limit: 'items', value: maxItems, path: remoteJoin(root, relative) }, what);
        maxItems *= 2;
      }
      const modifiedMs = entry.modifiedAt === null ? null : Date.parse(entry.modifiedAt);
      const precision = modifiedMs === null || options.listsInUtc ? 'second' : listPrecision(modifiedMs, options.listingOffsetMinutes);
      if (entry.type === 'directory') {
        out.push({ relativePath: rel, type: 'directory', size: null, modifiedMs, precision });
        if (!options.recursive) continue;
        if (rel.split('/').length > maxDepth) {
          await goOnPastBudget(options.onBudgetExceeded, { limit: 'depth', value: maxDepth, path: remoteJoin(root, rel) }, what);
          maxDepth *= 2;
        }
        await walk(rel);
      } else if (entry.type === 'file' || entry.type === 'symlink') {
        // A listing gives a link's own size (the length of its target), not the file's: unknown here.
        out.push({ relativePath: rel, type: 'file', size: entry.type === 'file' ? entry.size : null, modifiedMs, precision });
      } else {
        skipped.push({ side: 'remote', path: printableName(rel), reason: t('syncTexts.skipUnknownType') });
      }
    }
  };
  await walk('');
  return out;
}

/** A listing refused for its path: 550, or 450 from proftpd ("No such file or directory"). */
function isRefusal(err: unknown): boolean {
  return isWharfError(err, 'ftp') && err.code !== undefined && (err.code >= 500 || err.code === 450);
}

/**
 * True when a remote folder does not exist: its parent lists (or is missing itself) without an entry of
 * that name. A folder that exists but cannot be read is not missing.
 */
async function remoteFolderMissing(session: Pick<CompareSession, 'list'>, path: string): Promise<boolean> {
  const trimmed = path.replace(/\/+$/, '');
  const cut = trimmed.lastIndexOf('/');
  if (trimmed === '' || cut < 0) return false;
  const parent = cut === 0 ? '/' : trimmed.slice(0, cut);
  const name = trimmed.slice(cut + 1);
  try {
    return !(await session.list(parent)).some((entry) => entry.name === name);
  } catch (err) {
    if (isRefusal(err) && parent !== '/') return remoteFolderMissing(session, parent);
    return false;
  }
}

/**
 * Compares a local folder with a remote one: walks both, asks the server for hashes of equal-size files
 * where it offers HASH, and compares. The site's timezone offset applies to LIST times only; a server
 * that lists with MLSD gives UTC, and the offset is then reported as not applying.
 */
export async function compareFolders(session: CompareSession, options: CompareFoldersOptions): Promise<CompareResult> {
  const recursive = options.recursive ?? true;
  const listingOffset = options.listingOffsetMinutes ?? 0;
  const offset = options.timezoneOffsetMinutes ?? listingOffset;
  const features = await session.features();
  const listsInUtc = features.has('MLST');
  const skipped: SkippedPath[] = [];
  let folders = 0;
  const missingIsEmpty = options.missingRootsAreEmpty === true;
  const localMissing = missingIsEmpty && (await stat(options.localRoot).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : undefined))) === null;
  const walkedLocal = localMissing ? [] : await walkLocal(options.localRoot, recursive, skipped, options.signal);
  const limits = { ...(options.budget ? { budget: options.budget } : {}), ...(options.onBudgetExceeded ? { onBudgetExceeded: options.onBudgetExceeded } : {}) };
  const unreadFolders: string[] = [];
  const walked = await walkRemote(session, options.remoteRoot, { recursive, listsInUtc, listingOffsetMinutes: listingOffset, ...limits, unreadFolders }, skipped, options.signal, () => {
    folders += 1;
    options.onProgress?.(folders);
  }).catch(async (err: unknown) => {
    if (missingIsEmpty && isRefusal(err) && (await remoteFolderMissing(session, options.remoteRoot))) return [];
    throw err;
  });
  // A remote folder that could not be read is left out on both sides, itself included: compared with what
  // is here, it would look empty, and a sync would copy into it blind or delete here what it may well hold.
  const unread = unreadFolders.map(matchKey);
  const known = (entry: TreeEntry) => !unread.some((folder) => matchKey(entry.relativePath) === folder || matchKey(entry.relativePath).startsWith(`${folder}/`));
  const local = walkedLocal.filter(known);
  const remote = walked.filter(known);

  let hashAlgorithm: CompareResult['settings']['hashAlgorithm'] = null;
  if ((options.useHash ?? true) && options.sizeOnly !== true && HASH_FEATURES.some((f) => features.has(f))) {
    const remoteByKey = new Map(remote.map((e, i) => [matchKey(e.relativePath), i]));
    for (let i = 0; i < local.length; i++) {
      checkAborted(options.signal);
      const l = local[i] as TreeEntry;
      const ri = remoteByKey.get(matchKey(l.relativePath));
      const r = ri === undefined ? undefined : remote[ri];
      if (!r || l.type !== 'file' || r.type !== 'file' || l.size === null || l.size !== r.size) continue;
      const remoteHash = await session.hash(remoteJoin(options.remoteRoot, r.relativePath)).catch(() => null);
      if (!remoteHash) continue;
      hashAlgorithm = remoteHash.algorithm;
      const localHex = await hashLocalFile(localJoin(options.localRoot, l.relativePath), remoteHash.algorithm);
      const hashOf = (hex: string): CompareSide['hash'] => ({ algorithm: remoteHash.algorithm, hex });
      local[i] = { ...l, hash: hashOf(localHex) };
      remote[ri as number] = { ...r, hash: hashOf(remoteHash.hex) };
    }
  }

  const entries = compareTrees(local, remote, {
    remoteShiftMinutes: listsInUtc ? 0 : listingOffset - offset,
    toleranceMs: (options.toleranceSeconds ?? 1) * 1000,
    sizeOnly: options.sizeOnly === true,
  });
  return {
    localRoot: options.localRoot,
    remoteRoot: options.remoteRoot,
    settings: {
      recursive,
      timezoneOffsetMinutes: offset,
      offsetApplies: !listsInUtc,
      toleranceSeconds: options.toleranceSeconds ?? 1,
      hashAlgorithm,
      ...(options.sizeOnly === true ? { sizeOnly: true } : {}),
    },
    entries,
    skipped,
    summary: summarize(entries),
    comparedAt: new Date().toISOString(),
  };
}
