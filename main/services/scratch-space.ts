import { t } from '../../common/i18n/t';
import { randomUUID } from 'node:crypto';
import { chmod, lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WharfError } from '../core/errors';

/** How this run's scratch folder starts: `wharf-scratch-<pid>-XXXXXX`, so a later run knows whose it was. */
export const SCRATCH_PREFIX = 'wharf-scratch-';

/** Folders and files of the scratch space: nobody but the user reads, lists or swaps them. */
const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;

/** What `ScratchSpace.create` needs; everything defaults to what the app uses. */
export interface ScratchSpaceOptions {
  /** Where this run's folder is made: the app's per-user data folder's `scratch` (created 0700 if missing). */
  readonly parent: string;
  /** Used when `parent` cannot be trusted (another owner, open to others, a symlink); default: os.tmpdir() */
  readonly fallbackParent?: string;
  /** A line for the message log (a parent refused, a stale folder that could not be removed). */
  readonly onLog?: (text: string) => void;
}

/**
 * The private folder View/Edit and drag-out copies are downloaded into: made with `mkdtemp` (a name
 * nobody can predict or pre-create), mode 0700, owner checked, its files 0600, removed at quit. Folders
 * left by earlier runs of this user (a crash, a kill) are swept when the next one starts. A parent folder
 * that belongs to someone else or that others may write to is never used: another user could read the
 * copies, or swap one before it is uploaded back with this user's login.
 */
export class ScratchSpace {
  private constructor(
    /** This run's folder. */
    readonly root: string,
  ) {}

  /** Sweeps stale folders of earlier runs, then makes this run's folder. */
  static async create(options: ScratchSpaceOptions): Promise<ScratchSpace> {
    const onLog = options.onLog ?? (() => undefined);
    const parents = [options.parent, options.fallbackParent ?? tmpdir()];
    const usable: string[] = [];
    for (const parent of parents) {
      const refusal = await prepareParent(parent, parent === options.parent);
      if (refusal) onLog(`The scratch folder ${parent} is not used: ${refusal}.`);
      else usable.push(parent);
    }
    // An earlier run may have used either place.
    for (const parent of usable) await sweepStaleScratch(parent, onLog);
    const parent = usable[0];
    if (parent !== undefined) {
      const root = await mkdtemp(join(parent, `${SCRATCH_PREFIX}${process.pid}-`));
      await chmod(root, PRIVATE_DIR_MODE);
      const problem = await privateFolderProblem(root);
      if (problem) {
        await rm(root, { recursive: true, force: true }).catch(() => undefined);
        throw new WharfError('local-io', t('services.scratchNotPrivate', { root, problem }));
      }
      return new ScratchSpace(root);
    }
    throw new WharfError('local-io', t('services.noScratchFolder', { parents: parents.join(', ') }));
  }

  /** A new empty folder of its own (0700) for one copy: it keeps the server's name and is watched alone. */
  async newFolder(): Promise<string> {
    const folder = join(this.root, randomUUID());
    // Not recursive: the root must still be ours, a vanished root is an error rather than re-created.
    await mkdir(folder, { mode: PRIVATE_DIR_MODE });
    await chmod(folder, PRIVATE_DIR_MODE);
    return folder;
  }

  /** Makes a copy written into the scratch space readable by the user only. */
  async seal(file: string): Promise<void> {
    await chmod(file, PRIVATE_FILE_MODE);
  }

  /** Removes this run's folder and everything in it (quit). */
  async remove(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

/** Whether checks of owner and mode apply: POSIX; on Windows the per-user folders are protected by ACLs. */
function posixOwner(): number | null {
  return typeof process.getuid === 'function' ? process.getuid() : null;
}

/**
 * Makes the app's own parent if missing; answers why it cannot be used, or null. A parent of the app's
 * (`own`) must be ours and closed to others; a shared one (the system temp folder) must be sticky when
 * others may write to it, so nobody can rename our folder away and put theirs in its place.
 */
async function prepareParent(parent: string, own: boolean): Promise<string | null> {
  if (own) await mkdir(parent, { recursive: true, mode: PRIVATE_DIR_MODE }).catch(() => undefined);
  const info = await lstat(parent).catch(() => null);
  if (!info) return 'it does not exist and could not be made';
  if (info.isSymbolicLink()) return 'it is a symbolic link';
  if (!info.isDirectory()) return 'it is not a folder';
  const uid = posixOwner();
  if (uid === null) return null;
  if (own) return privateProblem(info.uid, info.mode, uid);
  if (info.uid !== uid && info.uid !== 0) return `it belongs to user ${info.uid}`;
  const openToOthers = (info.mode & 0o022) !== 0;
  const sticky = (info.mode & 0o1000) !== 0;
  return openToOthers && !sticky ? 'others may write to it and it is not sticky' : null;
}

function privateProblem(ownerUid: number, mode: number, uid: number): string | null {
  if (ownerUid !== uid) return `it belongs to user ${ownerUid}`;
  if ((mode & 0o077) !== 0) return `others may use it (mode ${(mode & 0o777).toString(8)})`;
  return null;
}

async function privateFolderProblem(folder: string): Promise<string | null> {
  const info = await lstat(folder);
  if (!info.isDirectory()) return 'it is not a folder';
  const uid = posixOwner();
  return uid === null ? null : privateProblem(info.uid, info.mode, uid);
}

/**
 * Removes the scratch folders earlier runs of this user left in `parent` (their process is gone); a
 * folder of a Wharf still running (the app and a test host, say) is left alone, as is anyone else's.
 * Answers the folders removed.
 */
export async function sweepStaleScratch(parent: string, onLog: (text: string) => void = () => undefined): Promise<string[]> {
  const names = await readdir(parent).catch(() => [] as string[]);
  const removed: string[] = [];
  const uid = posixOwner();
  for (const name of names) {
    const pid = scratchPid(name);
    if (pid === null || processAlive(pid)) continue;
    const folder = join(parent, name);
    const info = await lstat(folder).catch(() => null);
    if (!info?.isDirectory() || (uid !== null && info.uid !== uid)) continue;
    try {
      await rm(folder, { recursive: true, force: true });
      removed.push(folder);
    } catch (err) {
      onLog(`A scratch folder of an earlier run, ${folder}, could not be removed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return removed;
}

function scratchPid(name: string): number | null {
  const match = new RegExp(`^${SCRATCH_PREFIX}(\\d+)-[^/\\\\]+$`).exec(name);
  return match ? Number(match[1]) : null;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
