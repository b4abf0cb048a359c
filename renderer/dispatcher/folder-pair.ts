/** The folder pair: compare the two panes' folders, "only differences", synchronised browsing. */
import { t } from '../../common/i18n/t';
import { followPath, initialPair, lastSegment, paneMarks, paneRows } from '../state/compare-model';
import { joinPath, type PaneEntry, type PaneSide } from '../state/pane-model';
import { activeSession } from '../state/session-model';
import { wharf } from './api';
import type { NoticesController } from './notices';
import type { PanesController } from './panes';
import type { Stores } from './stores';

/** Both panes' folders, when the remote pane shows a connected session. */
export interface PairFolders {
  readonly sessionId: string;
  readonly local: string;
  readonly remote: string;
}

/** Compares the panes' folders and moves the other pane along when synchronised browsing is on. */
export class FolderPairController {
  private compareSeq = 0;
  private compareTimer: ReturnType<typeof setTimeout> | null = null;
  /** Synchronised browsing is moving the other pane: that move is not followed back. */
  private following = false;

  constructor(
    private readonly stores: Pick<Stores, 'pair' | 'local' | 'remote' | 'sessions' | 'pane'>,
    private readonly notices: NoticesController,
    private readonly panes: PanesController,
  ) {}

  /** Both panes' folders, when the remote pane shows a connected session. */
  folders(): PairFolders | null {
    const local = this.stores.local.get();
    const remote = this.stores.remote.get();
    const session = activeSession(this.stores.sessions.get());
    if (!local.path || !remote.path || session?.state !== 'connected' || remote.sessionId !== session.sessionId) return null;
    return { sessionId: session.sessionId, local: local.path, remote: remote.path };
  }

  /** The rows a pane shows: its own view, and "only differences" when comparing. */
  shownEntries(side: PaneSide): PaneEntry[] {
    const pair = this.stores.pair.get();
    return paneRows(this.stores.pane(side).get(), this.compareMarks(side), pair.compare && pair.onlyDifferences[side]);
  }

  /** The compare marks of a pane's rows, while the compare result is for the folders both panes show. */
  compareMarks(side: PaneSide): ReturnType<typeof paneMarks> {
    const pair = this.stores.pair.get();
    if (!pair.compare) return null;
    const local = this.stores.local.get();
    return paneMarks(pair.result, side, local.path, this.stores.remote.get().path, local.separator);
  }

  /** Compare on or off: on, both panes colour what differs between their folders. */
  async toggleCompare(): Promise<void> {
    if (this.stores.pair.get().compare) {
      this.compareSeq++;
      this.stores.pair.update((p) => ({ ...p, compare: false, comparing: false, result: null, compareError: null, onlyDifferences: { local: false, remote: false } }));
      return;
    }
    if (!this.folders()) {
      this.notices.notify('warning', t('notices.nothingToCompare.title'), t('notices.nothingToCompare.message'));
      return;
    }
    this.stores.pair.update((p) => ({ ...p, compare: true }));
    await this.runCompare();
  }

  /** "Only differences" in one pane. */
  toggleOnlyDifferences(side: PaneSide): void {
    this.stores.pair.update((p) => ({ ...p, onlyDifferences: { ...p.onlyDifferences, [side]: !p.onlyDifferences[side] } }));
  }

  /** Compares the two folders now (the Compare bar's refresh). */
  async runCompare(): Promise<void> {
    const pair = this.stores.pair;
    if (this.compareTimer) clearTimeout(this.compareTimer);
    this.compareTimer = null;
    if (!pair.get().compare) return;
    const folders = this.folders();
    const seq = ++this.compareSeq;
    if (!folders) {
      pair.update((p) => ({ ...p, comparing: false, result: null }));
      return;
    }
    pair.update((p) => ({ ...p, comparing: true }));
    // The folders shown, not their subfolders: a pane shows one level, and each folder opened compares anew.
    const result = await wharf().syncCompare({ sessionId: folders.sessionId, localRoot: folders.local, remoteRoot: folders.remote, recursive: false });
    if (seq !== this.compareSeq || !pair.get().compare) return;
    if (!result.ok) {
      pair.update((p) => ({ ...p, comparing: false, result: null, compareError: result.error }));
      return;
    }
    pair.update((p) => ({ ...p, comparing: false, result: result.value, compareError: null }));
  }

  /** A burst of listings (both panes moving together, a refresh after transfers) compares once. */
  scheduleCompare(): void {
    if (!this.stores.pair.get().compare) return;
    if (this.compareTimer) clearTimeout(this.compareTimer);
    this.stores.pair.update((p) => (p.comparing ? p : { ...p, comparing: true }));
    this.compareTimer = setTimeout(() => void this.runCompare(), 150);
  }

  /** Synchronised browsing on or off; on, it starts from the folders both panes show now. */
  toggleSyncBrowsing(): void {
    if (this.stores.pair.get().syncBrowsing) {
      this.stores.pair.update((p) => ({ ...p, syncBrowsing: false, roots: null, note: null }));
      return;
    }
    const folders = this.folders();
    if (!folders) {
      this.notices.notify('warning', t('notices.nothingToSync.title'), t('notices.nothingToSync.browsing'));
      return;
    }
    this.stores.pair.update((p) => ({ ...p, syncBrowsing: true, roots: { local: folders.local, remote: folders.remote }, note: null }));
  }

  /** Hides the synchronised-browsing note. */
  dismissNote(): void {
    this.stores.pair.update((p) => (p.note ? { ...p, note: null } : p));
  }

  /** Compare and synchronised browsing end when the remote pane leaves its session. */
  leave(): void {
    this.compareSeq++;
    this.stores.pair.update((p) => (p.compare || p.syncBrowsing ? { ...initialPair, onlyDifferences: p.onlyDifferences } : p));
  }

  /** After a pane listed a folder: the other pane follows (synchronised browsing) and the compare is redone. */
  afterListing(side: PaneSide, before: string | null, path: string): void {
    if (before !== null && before !== path) void this.follow(side, path);
    this.scheduleCompare();
  }

  /** Synchronised browsing: the other pane enters the same relative folder, if it exists; else a note says so. */
  private async follow(side: PaneSide, path: string): Promise<void> {
    const pair = this.stores.pair.get();
    if (!pair.syncBrowsing || !pair.roots || this.following) return;
    const other: PaneSide = side === 'local' ? 'remote' : 'local';
    const separators = { local: this.stores.local.get().separator, remote: '/' };
    const move = followPath(pair.roots, side, path, separators);
    if (move.kind === 'outside') {
      this.stores.pair.update((p) => ({ ...p, note: move.reason }));
      return;
    }
    const there = this.stores.pane(other).get();
    const name = lastSegment(move.path, separators[other]);
    const missing = t('rendererWords.follow.missing', { name: move.relative || name, side: other, path: there.path ?? '—' });
    if (there.path === move.path) {
      this.stores.pair.update((p) => ({ ...p, roots: move.roots, note: null }));
      return;
    }
    // Entering a subfolder of the folder the other pane shows: its listing already tells whether it exists.
    if (there.path !== null && joinPath(there.path, name, separators[other]) === move.path) {
      const exists = there.entries.some((e) => e.name === name && (e.type === 'directory' || e.type === 'symlink'));
      if (!exists) {
        this.stores.pair.update((p) => ({ ...p, note: missing }));
        return;
      }
    }
    this.following = true;
    let ok: boolean;
    try {
      ok = other === 'local' ? await this.panes.openLocal(move.path, { quiet: true }) : await this.panes.openRemote(move.path, { quiet: true });
    } finally {
      this.following = false;
    }
    if (!this.stores.pair.get().syncBrowsing) return;
    this.stores.pair.update((p) => (ok ? { ...p, roots: move.roots, note: null } : { ...p, note: missing }));
  }
}
