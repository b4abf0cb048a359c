import { t } from '../../common/i18n/t';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { WharfEventName, WharfEvents } from '../../common/ipc/contract';
import type { EditedFileAction, EditedFileQuestion } from '../../common/ipc/payloads';
import type { FileFacts, TransferItem } from '../../common/models/transfer';
import { WharfError } from '../core/errors';
import type { EventHub } from './event-hub';

/**
 * Editors save in several steps (truncate then write, or write a temporary file and rename it over the
 * original, then fix permissions): the file is checked once it has been quiet this long.
 */
export const DEFAULT_SETTLE_MS = 400;

/** How many opened files are watched at most; opening one more stops watching the oldest. */
export const DEFAULT_MAX_WATCHED = 50;

/** What a check of a watched copy found: tests wait on it instead of sleeping, the log does not need it. */
export type EditCheckOutcome =
  /** Size and time are what they were: nothing happened to the content. */
  | 'unchanged'
  /** Size or time changed, the bytes did not (a `touch`, an editor saving without changes). */
  | 'same-content'
  /** The copy is missing (between an editor's delete and its rename, or deleted by the user). */
  | 'missing'
  /** A question about this file is open already: it covers this change too. */
  | 'question-open'
  /** The content changed: an `editedFileChanged` question was raised. */
  | 'asked';

/** The local copy as last agreed on: when opened, uploaded, or when the user said not to upload. */
interface LocalContent {
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
}

interface WatchedFile {
  readonly sessionId: string;
  readonly localPath: string;
  readonly remotePath: string;
  readonly watcher: FSWatcher;
  local: LocalContent;
  /** The server's file when opened, or after our last upload of it finished. */
  remote: FileFacts;
  question: EditedFileQuestion | null;
  settleTimer: ReturnType<typeof setTimeout> | null;
  checking: boolean;
  /** A change arrived while a check ran: check again when it ends. */
  checkAgain: boolean;
  /** Queue items uploading this copy that have not finished: the server's file changing is our doing. */
  readonly uploadsInFlight: Set<string>;
  /** Reading the server's file after our upload finished: a check waits for it before comparing. */
  remoteRefresh: Promise<void> | null;
}

/** What the service needs from the rest of main; wired by `createWharfServices`, or by a test. */
export interface EditedFilesDeps {
  readonly events: EventHub;
  /** The server's file now (SIZE and MDTM over the browsing session); throws when it is gone. */
  readonly remoteFacts: (sessionId: string, remotePath: string) => Promise<FileFacts>;
  /** Queues the copy as an upload overwriting the server's file, through the transfer queue. */
  readonly upload: (sessionId: string, localPath: string, remotePath: string) => Promise<void>;
  /** How the dialog names the server: the session's label. */
  readonly serverLabel: (sessionId: string) => string;
  /** Something worth a line in the message log (a failed check, a watcher that broke). */
  readonly onLog: (text: string) => void;
  /** default `DEFAULT_SETTLE_MS` */
  readonly settleMs?: number;
  /** default `DEFAULT_MAX_WATCHED` */
  readonly maxWatched?: number;
}

/**
 * View/Edit of remote files: watches the copies `remoteOpen` downloaded (each alone in its own folder, so
 * the folder is watched: an editor that replaces the file by renaming a new one over it is still seen)
 * and, when one is saved with different content, asks `editedFileChanged` whether to upload it back. The
 * question says whether the server's file changed since it was opened, so a colleague's edit is not
 * overwritten by default. Watching ends when the session closes, when the user answers `stop`, at
 * shutdown (`stopAll`), and for the oldest file when more than `maxWatched` are open.
 */
export class EditedFilesService {
  /** By local path, oldest first (Map keeps insertion order): the first one is evicted. */
  private readonly watched = new Map<string, WatchedFile>();
  private readonly checkListeners = new Set<(localPath: string, outcome: EditCheckOutcome) => void>();
  private readonly unsubscribe: () => void;
  private readonly settleMs: number;
  private readonly maxWatched: number;

  constructor(private readonly deps: EditedFilesDeps) {
    this.settleMs = deps.settleMs ?? DEFAULT_SETTLE_MS;
    this.maxWatched = deps.maxWatched ?? DEFAULT_MAX_WATCHED;
    this.unsubscribe = deps.events.subscribe((event, payload) => this.onEvent(event, payload));
  }

  /**
   * Starts watching a copy just downloaded from `remotePath`; `remote` is what the server said about the
   * file before the download, the reference for "changed on the server since".
   */
  async watch(options: { readonly sessionId: string; readonly localPath: string; readonly remotePath: string; readonly remote: FileFacts }): Promise<void> {
    const local = await readLocalContent(options.localPath);
    this.stop(options.localPath);
    while (this.watched.size >= this.maxWatched) this.evictOne();
    const name = basename(options.localPath);
    const watcher = watch(dirname(options.localPath), (_event, changed) => {
      // Some platforms do not say which file changed; the folder holds only this copy (and an editor's
      // temporary files, whose events are ignored when the name is given).
      if (changed === null || changed === name) this.scheduleCheck(options.localPath);
    });
    watcher.on('error', (err) => {
      this.deps.onLog(`Stopped watching ${options.localPath} for changes: ${err.message}`);
      this.stop(options.localPath);
    });
    this.watched.set(options.localPath, {
      ...options,
      watcher,
      local,
      question: null,
      settleTimer: null,
      checking: false,
      checkAgain: false,
      uploadsInFlight: new Set(),
      remoteRefresh: null,
    });
  }

  /** Whether this copy is still watched. */
  isWatching(localPath: string): boolean {
    return this.watched.has(localPath);
  }

  /** The open questions, oldest file first (after a reload, the window shows them again). */
  pending(): readonly EditedFileQuestion[] {
    return [...this.watched.values()].flatMap((w) => (w.question ? [w.question] : []));
  }

  /** Calls `listener` after every check of a copy with what it found; returns the unsubscribe function. */
  onDidCheck(listener: (localPath: string, outcome: EditCheckOutcome) => void): () => void {
    this.checkListeners.add(listener);
    return () => this.checkListeners.delete(listener);
  }

  /** Answers a question. Unknown or already answered ids are `invalid-input`. */
  async answer(questionId: string, action: EditedFileAction): Promise<void> {
    const entry = [...this.watched.values()].find((w) => w.question?.id === questionId);
    if (!entry) throw new WharfError('invalid-input', t('services.questionGone'), { detail: { questionId } });
    entry.question = null;
    this.deps.events.emit('questionClosed', { questionId, reason: 'answered' });
    if (action === 'stop') {
      this.stop(entry.localPath);
      return;
    }
    // What the user decided about is the content now (saves made while the dialog was open included):
    // only a later change asks again.
    entry.local = await readLocalContent(entry.localPath).catch(() => entry.local);
    if (action === 'upload') await this.deps.upload(entry.sessionId, entry.localPath, entry.remotePath);
  }

  /** Stops watching one copy, withdrawing its open question. Unknown paths are fine. */
  stop(localPath: string): void {
    const entry = this.watched.get(localPath);
    if (!entry) return;
    this.watched.delete(localPath);
    entry.watcher.close();
    if (entry.settleTimer) clearTimeout(entry.settleTimer);
    if (entry.question) this.deps.events.emit('questionClosed', { questionId: entry.question.id, reason: 'cancelled' });
  }

  /** Stops watching everything (shutdown: the copies are about to be deleted). */
  stopAll(): void {
    for (const localPath of [...this.watched.keys()]) this.stop(localPath);
    this.unsubscribe();
  }

  /** The oldest copy nobody is being asked about goes first; if every one has a question, the oldest. */
  private evictOne(): void {
    const all = [...this.watched.values()];
    const victim = all.find((w) => w.question === null) ?? all[0];
    if (victim) this.stop(victim.localPath);
  }

  private onEvent<E extends WharfEventName>(event: E, payload: WharfEvents[E]): void {
    if (event === 'sessionState') {
      const info = payload as WharfEvents['sessionState'];
      if (info.state === 'closed' || info.state === 'failed') {
        for (const w of [...this.watched.values()]) if (w.sessionId === info.sessionId) this.stop(w.localPath);
      }
    } else if (event === 'queueUpdate') {
      for (const item of (payload as WharfEvents['queueUpdate']).items) this.followUpload(item);
    }
  }

  /** Our uploads of a copy: while one runs the server's file is ours to change; once done it is the new reference. */
  private followUpload(item: TransferItem): void {
    const entry = item.direction === 'upload' ? this.watched.get(item.localPath) : undefined;
    if (!entry || item.remotePath !== entry.remotePath) return;
    if (item.state === 'queued' || item.state === 'running' || item.state === 'paused') {
      entry.uploadsInFlight.add(item.id);
      return;
    }
    entry.uploadsInFlight.delete(item.id);
    // A small file may be done before the queue's first update shows it queued: done is enough.
    if (item.state !== 'done') return;
    entry.remoteRefresh = this.deps.remoteFacts(entry.sessionId, entry.remotePath).then(
      (facts) => {
        entry.remote = facts;
      },
      (err: unknown) => this.deps.onLog(`Could not read ${entry.remotePath} after uploading it: ${err instanceof Error ? err.message : String(err)}`),
    );
  }

  private scheduleCheck(localPath: string): void {
    const entry = this.watched.get(localPath);
    if (!entry) return;
    if (entry.settleTimer) clearTimeout(entry.settleTimer);
    entry.settleTimer = setTimeout(() => {
      entry.settleTimer = null;
      void this.check(entry);
    }, this.settleMs);
  }

  /** One check at a time per copy; a change during a check is checked after it. */
  private async check(entry: WatchedFile): Promise<void> {
    if (this.watched.get(entry.localPath) !== entry) return;
    if (entry.checking) {
      entry.checkAgain = true;
      return;
    }
    entry.checking = true;
    try {
      const outcome = await this.compare(entry).catch((err: unknown) => {
        this.deps.onLog(`Could not check ${entry.localPath} for changes: ${err instanceof Error ? err.message : String(err)}`);
        return 'missing' as const;
      });
      for (const listener of [...this.checkListeners]) listener(entry.localPath, outcome);
    } finally {
      entry.checking = false;
    }
    if (entry.checkAgain && this.watched.get(entry.localPath) === entry) {
      entry.checkAgain = false;
      await this.check(entry);
    }
  }

  private async compare(entry: WatchedFile): Promise<EditCheckOutcome> {
    if (entry.question) return 'question-open';
    const now = await stat(entry.localPath).catch(() => null);
    if (!now) return 'missing';
    if (now.size === entry.local.size && now.mtimeMs === entry.local.mtimeMs) return 'unchanged';
    const content = await readLocalContent(entry.localPath).catch(() => null);
    if (!content) return 'missing';
    if (content.sha256 === entry.local.sha256) {
      entry.local = content;
      return 'same-content';
    }
    await entry.remoteRefresh;
    const remoteBefore = entry.remote;
    let remoteNow: FileFacts | null = remoteBefore;
    if (entry.uploadsInFlight.size === 0) {
      remoteNow = await this.deps.remoteFacts(entry.sessionId, entry.remotePath).catch(() => null);
    }
    // Stopped, or asked by an overlapping path, while the server answered.
    if (this.watched.get(entry.localPath) !== entry) return 'missing';
    if (entry.question) return 'question-open';
    entry.question = {
      id: randomUUID(),
      sessionId: entry.sessionId,
      name: basename(entry.localPath),
      localPath: entry.localPath,
      remotePath: entry.remotePath,
      server: this.deps.serverLabel(entry.sessionId),
      local: { size: content.size, modifiedAt: new Date(content.mtimeMs).toISOString() },
      remoteBefore,
      remoteNow,
      remoteChanged: remoteNow === null || remoteDiffers(remoteBefore, remoteNow),
    };
    this.deps.events.emit('editedFileChanged', entry.question);
    return 'asked';
  }
}

/** Size or time differ where both sides know them (a server without MDTM is judged by size alone). */
function remoteDiffers(before: FileFacts, now: FileFacts): boolean {
  if (before.size !== null && now.size !== null && before.size !== now.size) return true;
  return before.modifiedAt !== null && now.modifiedAt !== null && before.modifiedAt !== now.modifiedAt;
}

/** Size and time, then the bytes' SHA-256 (a save during the read is seen by the watcher and checked again). */
async function readLocalContent(path: string): Promise<LocalContent> {
  const before = await stat(path);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { size: before.size, mtimeMs: before.mtimeMs, sha256: hash.digest('hex') };
}
