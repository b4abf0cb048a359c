/** The two panes: listing folders, moving between them, and the remote pane following the active session. */
import { t } from '../../common/i18n/t';
import type { FoldersChanged, ListingChunk, ListingRefreshed, SessionInfo } from '../../common/ipc/payloads';
import type { RemoteEntry } from '../../common/models/remote-entry';
import { CoalescedRefresh, showsChangedFolder } from '../state/folder-refresh';
import { applyListing, initialPane, remoteParent, type PaneSide, type PaneState } from '../state/pane-model';
import { activeSession, applySession } from '../state/session-model';
import { wharf } from './api';
import type { NoticesController } from './notices';
import { ACTIVE_SESSION_KEY, LOCAL_PATH_KEY, recall, remember, remotePathKey } from './session-memory';
import type { Stores } from './stores';

/** What the folder pair hears from the panes (it moves the panes too, so it cannot be a constructor argument here). */
export interface PaneListeners {
  /** A pane listed a folder (`before`: the folder it showed, null for a new session). */
  listed(side: PaneSide, before: string | null, path: string): void;
  /** The remote pane left its session. */
  leftSession(): void;
}

/** How often the running count of a listing arriving in chunks is shown again while it grows. */
const CHUNK_SHOW_MS = 150;
/**
 * Its rows are put in order again at most every this many milliseconds per 1,000 rows shown: each time
 * merges every row, so at a fixed pace a 100,000-entry folder cost the window O(n²) while it arrived.
 */
const ROWS_SHOW_MS_PER_1000 = 20;

/** A remote listing arriving in chunks. */
interface ChunkedListing {
  readonly listingId: string;
  readonly entries: RemoteEntry[];
  readonly startPath: string | null;
  path: string;
  shownAt: number;
  /** When the rows were last shown, and how many. */
  rowsShownAt: number;
  rowsShown: number;
  timer: ReturnType<typeof setTimeout> | null;
  /** Shows the rows when they are due, should no chunk come before (a slow server). */
  rowsTimer: ReturnType<typeof setTimeout> | null;
}

function stopTimers(listing: ChunkedListing): void {
  if (listing.timer) clearTimeout(listing.timer);
  if (listing.rowsTimer) clearTimeout(listing.rowsTimer);
}

/** Lists folders into the panes and keeps the remote pane on the active session. */
export class PanesController {
  private readonly listSeq: Record<PaneSide, number> = { local: 0, remote: 0 };
  /** The remote listing arriving in chunks: only its chunks are taken, older ones' are dropped. */
  private chunked: ChunkedListing | null = null;
  /** The folder each pane's newest listing was asked for, while it runs (`undefined`: the session's first folder). */
  private readonly goingTo: Record<PaneSide, { readonly path: string | undefined } | null> = { local: null, remote: null };
  private readonly refreshers: Record<PaneSide, CoalescedRefresh> = { local: new CoalescedRefresh(() => this.refreshChanged('local')), remote: new CoalescedRefresh(() => this.refreshChanged('remote')) };

  constructor(
    private readonly stores: Pick<Stores, 'local' | 'remote' | 'sessions' | 'pane' | 'paneFailures'>,
    private readonly notices: NoticesController,
    private readonly listeners: PaneListeners,
  ) {}

  /** Changes a pane's view state (sort, filter, selection, cursor) with a pure function of pane-model. */
  change(side: PaneSide, change: (state: PaneState) => PaneState): void {
    this.stores.pane(side).update(change);
  }

  /** Lists a local folder into the left pane; false if it failed. */
  async openLocal(path: string, options: { quiet?: boolean } = {}): Promise<boolean> {
    const local = this.stores.local;
    const seq = ++this.listSeq.local;
    this.goingTo.local = { path };
    local.update((s) => ({ ...s, loading: true }));
    const result = await wharf().localList({ path });
    if (seq !== this.listSeq.local) return result.ok;
    this.goingTo.local = null;
    if (!result.ok) {
      local.update((s) => ({ ...s, loading: false, error: options.quiet ? s.error : result.error }));
      if (!options.quiet) this.notices.reportInPane('local', t('rendererWords.context.localFolder'), result.error, () => this.openLocal(path), true);
      return false;
    }
    this.stores.paneFailures.listed('local', result.value.path !== local.get().path);
    const before = local.get().path;
    local.update((s) => applyListing(s, result.value));
    remember(LOCAL_PATH_KEY, result.value.path);
    this.listeners.listed('local', before, result.value.path);
    return true;
  }

  /** Opens the local folder this window showed before a reload, else home. */
  async openFirstLocal(home: string): Promise<void> {
    const remembered = recall(LOCAL_PATH_KEY);
    const opened = remembered ? await this.openLocal(remembered, { quiet: true }) : false;
    if (!opened) await this.openLocal(home);
  }

  /** Lets the user pick a folder in the native dialog (it becomes allowed) and opens it. */
  async chooseLocalFolder(): Promise<void> {
    const local = this.stores.local;
    const result = await wharf().localChooseFolder({ title: t('notices.openLocalFolder'), ...(local.get().path ? { defaultPath: local.get().path! } : {}) });
    if (!result.ok) return this.notices.report(result.error);
    if (result.value.path) await this.openLocal(result.value.path);
  }

  /** Lists a remote folder of the active session into the right pane; `quiet` reports no failure. */
  async openRemote(path?: string, options: { quiet?: boolean } = {}): Promise<boolean> {
    const remote = this.stores.remote;
    const sessionId = this.stores.sessions.get().activeId;
    if (!sessionId) return false;
    const seq = ++this.listSeq.remote;
    this.goingTo.remote = { path };
    const startPath = remote.get().sessionId === sessionId ? remote.get().path : null;
    // Unique per window load too: main cancels the session's previous chunked listing when a new id comes.
    const listingId = `p${seq}-${Math.random().toString(36).slice(2, 10)}`;
    if (this.chunked) stopTimers(this.chunked);
    const chunks = { listingId, entries: [] as RemoteEntry[], startPath, path: '', shownAt: 0, rowsShownAt: 0, rowsShown: 0, timer: null, rowsTimer: null };
    this.chunked = chunks;
    remote.update((s) => ({ ...s, sessionId, loading: true, received: 0 }));
    const result = await wharf().remoteList({ sessionId, listingId, ...(path ? { path } : {}) });
    stopTimers(chunks);
    if (this.chunked === chunks) this.chunked = null;
    if (seq !== this.listSeq.remote) return result.ok;
    this.goingTo.remote = null;
    if (!result.ok) {
      remote.update((s) => ({ ...s, loading: false, error: options.quiet ? s.error : result.error }));
      if (!options.quiet) this.notices.reportInPane('remote', t('rendererWords.context.remoteFolder'), result.error, () => this.openRemote(path), true);
      return false;
    }
    this.stores.paneFailures.listed('remote', result.value.path !== startPath);
    const before = startPath;
    const { chunked = 0 } = result.value;
    const entries = chunked > 0 ? chunks.entries.slice(0, chunked).concat(result.value.entries) : result.value.entries;
    remote.update((s) => applyListing({ ...s, sessionId }, { path: result.value.path, entries, parent: remoteParent(result.value.path) }));
    remember(remotePathKey(sessionId), result.value.path);
    this.listeners.listed('remote', before, result.value.path);
    return true;
  }

  /**
   * Part of the remote listing under way: the running count goes up, and a folder not shown yet shows
   * its first rows at once (a refresh keeps the rows it has until the listing is complete).
   */
  onListingChunk(chunk: ListingChunk): void {
    const current = this.chunked;
    if (!current || current.listingId !== chunk.listingId) return;
    current.entries.length = chunk.from;
    for (const entry of chunk.entries) current.entries.push(entry);
    current.path = chunk.path;
    // The first chunk shows at once; later ones at most every CHUNK_SHOW_MS, each showing costs a copy and a render.
    if (current.timer) return;
    const wait = current.shownAt + CHUNK_SHOW_MS - performance.now();
    if (wait <= 0) this.showChunks(current);
    else current.timer = setTimeout(() => this.showChunks(current), wait);
  }

  private showChunks(current: ChunkedListing): void {
    current.timer = null;
    if (this.chunked !== current) return;
    const now = performance.now();
    current.shownAt = now;
    const received = current.entries.length;
    const path = current.path;
    const rowsDueIn = current.rowsShown === 0 ? 0 : current.rowsShownAt + Math.max(CHUNK_SHOW_MS, (current.rowsShown / 1000) * ROWS_SHOW_MS_PER_1000) - now;
    if (current.startPath === path || rowsDueIn > 0) {
      this.stores.remote.update((s) => ({ ...s, received }));
      current.rowsTimer ??=
        current.startPath === path
          ? null
          : setTimeout(() => {
              current.rowsTimer = null;
              if (!current.timer) this.showChunks(current);
            }, rowsDueIn);
      return;
    }
    if (current.rowsTimer) clearTimeout(current.rowsTimer);
    current.rowsTimer = null;
    current.rowsShownAt = now;
    current.rowsShown = received;
    const entries = current.entries.slice();
    this.stores.remote.update((s) => ({ ...applyListing(s, { path, entries, parent: remoteParent(path) }), loading: true, received }));
  }

  /** Makes a connected session the active one and lists its folder (the one it showed before a reload, if any). */
  async showSession(info: SessionInfo): Promise<void> {
    const remote = this.stores.remote;
    if (remote.get().sessionId !== info.sessionId) this.listeners.leftSession();
    this.stores.sessions.update((s) => ({ ...s, activeId: info.sessionId }));
    remember(ACTIVE_SESSION_KEY, info.sessionId);
    remote.set({ ...initialPane('remote'), sessionId: info.sessionId, sort: remote.get().sort, showHidden: remote.get().showHidden });
    const path = recall(remotePathKey(info.sessionId)) ?? info.initialPath ?? undefined;
    const ok = await this.openRemote(path);
    if (!ok && path !== info.initialPath) await this.openRemote(info.initialPath ?? undefined);
  }

  /** A session changed state: a lost connection is reported, and the remote pane leaves a session that ended. */
  onSession(info: SessionInfo): void {
    const { sessions, remote } = this.stores;
    const before = sessions.get();
    sessions.update((s) => applySession(s, info));
    if (info.state === 'failed' && info.error && before.sessions.some((s) => s.sessionId === info.sessionId && s.state === 'connected')) {
      this.notices.report(info.error, info.label);
    }
    if ((info.state === 'closed' || info.state === 'failed') && remote.get().sessionId === info.sessionId) {
      remember(remotePathKey(info.sessionId), null);
      const next = activeSession(sessions.get());
      if (next?.state === 'connected') void this.showSession(next);
      else {
        this.listeners.leftSession();
        remote.set({ ...initialPane('remote'), sort: remote.get().sort, showHidden: remote.get().showHidden });
      }
    }
  }

  /** Main listed a shown folder again (after a change it made); true when a pane took the listing. */
  applyRefreshedListing(listing: ListingRefreshed): boolean {
    if (listing.side === 'local') {
      if (this.stores.local.get().path !== listing.path) return false;
      this.stores.local.update((s) => applyListing(s, listing));
    } else {
      const r = this.stores.remote.get();
      if (r.sessionId !== listing.sessionId || r.path !== listing.path) return false;
      this.stores.remote.update((s) => applyListing(s, { ...listing, parent: remoteParent(listing.path) }));
    }
    return true;
  }

  /** Folders changed on disk or on the server: a pane showing one of them is listed again (once per burst). */
  onFoldersChanged(changed: FoldersChanged): void {
    const pane = this.stores.pane(changed.side).get();
    if (showsChangedFolder(pane.path, pane.separator, changed.folders)) this.refreshers[changed.side].request();
  }

  /**
   * Re-lists a pane after a change in its folder, unless the pane is on its way to another folder: that
   * listing shows what is there now, and listing the folder left would take the user back to it (a
   * folder double-clicked while uploads into the shown one kept finishing snapped back).
   */
  private async refreshChanged(side: PaneSide): Promise<void> {
    const going = this.goingTo[side];
    if (going && going.path !== this.stores.pane(side).get().path) return;
    await this.refresh(side);
  }

  /** Re-lists a pane. */
  async refresh(side: PaneSide): Promise<void> {
    const path = this.stores.pane(side).get().path;
    if (side === 'local') {
      if (path) await this.openLocal(path);
    } else {
      await this.openRemote(path ?? undefined);
    }
  }

  /** Goes to the parent folder. */
  async goUp(side: PaneSide): Promise<void> {
    const state = this.stores.pane(side).get();
    if (!state.parent) return;
    const child = state.path;
    const ok = side === 'local' ? await this.openLocal(state.parent) : await this.openRemote(state.parent);
    if (ok && child) {
      const name = child.slice(child.lastIndexOf(state.separator) + 1);
      this.stores.pane(side).update((s) => (s.entries.some((e) => e.name === name) ? { ...s, cursor: name, anchor: name, selected: new Set([name]) } : s));
    }
  }

  /** Opens a folder of a pane by path (breadcrumbs, the path box). */
  async go(side: PaneSide, path: string): Promise<boolean> {
    return side === 'local' ? this.openLocal(path) : this.openRemote(path);
  }
}
