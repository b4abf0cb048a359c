/**
 * The one place the renderer talks to main. Components read stores (`dispatcher.stores`, through
 * `useStore`) and change things only through a feature's controller (`dispatcher.sites.create(...)`); each
 * controller calls `window.wharf`, then updates the stores with what main answered or pushed. Main owns the
 * truth: `start()` asks for sessions, the queue, open questions and the log once, then follows events, so a
 * reload of the window loses nothing. After GitHub Desktop's `ui/dispatcher/dispatcher.ts`.
 *
 * This file only composes: each controller gets the stores and the other controllers it uses in its
 * constructor, so the arrows between features are all written here.
 */
import { t } from '../../common/i18n/t';
import { closeDialog, openDialog, questionDialog } from '../state/dialogs';
import { appendLog, mergeHistory } from '../state/log-model';
import { receiveSnapshot, receiveUpdate } from '../state/queue-model';
import { activeSession, fromList } from '../state/session-model';
import { receiveRunningSyncs } from '../state/sync-model';
import { wharf } from './api';
import { CertificatesController } from './certificates';
import { ConnectionsController } from './connections';
import { DialogsController } from './dialogs';
import { DoctorController } from './doctor';
import { FileOperationsController } from './file-operations';
import { FolderPairController } from './folder-pair';
import { LanguageController } from './language';
import { LogController } from './log';
import { NoticesController } from './notices';
import { PaneCommandsController } from './pane-commands';
import { PanesController } from './panes';
import { ProxyController } from './proxy';
import { QueueController } from './queue';
import { ACTIVE_SESSION_KEY, recall } from './session-memory';
import { SitesController } from './sites';
import { Stores } from './stores';
import { SyncController } from './sync';
import { TransfersController } from './transfers';
import { ViewController } from './view';

export { dialogId } from './dialogs';
export type { LogState } from './stores';

/** Every store and every feature of the app. One instance, made in main.tsx and given to components by context. */
export class Dispatcher {
  readonly stores = new Stores();
  readonly notices = new NoticesController(this.stores);
  readonly language = new LanguageController(this.notices);
  readonly view = new ViewController(this.stores);
  readonly dialogs = new DialogsController(this.stores, this.notices);
  // The folder pair moves the panes and hears what they list: the one cycle, closed with two arrows.
  readonly panes: PanesController = new PanesController(this.stores, this.notices, {
    listed: (side, before, path) => this.folderPair.afterListing(side, before, path),
    leftSession: () => this.folderPair.leave(),
  });
  readonly folderPair = new FolderPairController(this.stores, this.notices, this.panes);
  readonly files = new FileOperationsController(this.stores, this.notices, this.view);
  readonly transfers = new TransfersController(this.stores, this.notices, this.view, this.panes);
  readonly paneCommands = new PaneCommandsController(this.stores, this.notices, this.view, this.dialogs, this.panes, this.folderPair, this.transfers);
  readonly connections = new ConnectionsController(this.stores, this.notices, this.dialogs, this.panes);
  readonly certificates = new CertificatesController(this.stores, this.notices);
  readonly proxy = new ProxyController(this.notices);
  readonly queue = new QueueController(this.stores, this.notices);
  readonly sites = new SitesController(this.stores, this.notices, this.dialogs, this.panes);
  readonly log = new LogController(this.stores, this.notices);
  readonly doctor = new DoctorController(this.stores, this.notices, this.dialogs);
  readonly sync = new SyncController(this.stores, this.notices, this.view, this.dialogs, this.queue, this.panes, this.folderPair);

  private readonly offs: (() => void)[] = [];

  /** Follows main's events, then asks for everything main owns (events first, so none is missed). */
  async start(): Promise<void> {
    const api = wharf();
    const { stores } = this;
    this.offs.push(
      api.on('sessionState', (info) => this.panes.onSession(info)),
      api.on('listingRefreshed', (listing) => {
        if (this.panes.applyRefreshedListing(listing)) this.folderPair.scheduleCompare();
      }),
      api.on('listingChunk', (chunk) => this.panes.onListingChunk(chunk)),
      api.on('queueUpdate', (update) => stores.queue.update((q) => receiveUpdate(q, update))),
      api.on('foldersChanged', (changed) => this.panes.onFoldersChanged(changed)),
      api.on('log', (batch) => stores.log.update((l) => ({ lines: appendLog(l.lines, batch.lines) }))),
      api.on('certificateQuestion', (question) => stores.dialogs.update((d) => openDialog(d, { kind: 'certificate', id: question.id, question }))),
      api.on('overwriteQuestion', (question) => stores.dialogs.update((d) => openDialog(d, { kind: 'overwrite', id: question.id, question }))),
      api.on('editedFileChanged', (question) => stores.dialogs.update((d) => openDialog(d, { kind: 'edited-file', id: question.id, question }))),
      api.on('choiceQuestion', (question) => stores.dialogs.update((d) => openDialog(d, { kind: 'choice', id: question.id, question }))),
      api.on('questionClosed', (closed) => stores.dialogs.update((d) => closeDialog(d, closed.questionId))),
      api.on('sitesChanged', (listing) => stores.sites.update((s) => ({ ...s, listing }))),
      api.on('openQuickConnect', (link) => this.connections.openLink(link)),
      api.on('doctorStep', (event) => this.doctor.onStep(event)),
      api.on('syncProgress', (sync) => this.sync.onProgress(sync)),
    );

    // First, so what main says from here on (errors, notices) is in the window's language.
    await this.language.tellMain();
    const [info, places, sessions, snapshot, pending, history, sites, keychain, settings, link, running] = await Promise.all([
      api.appInfo({}),
      api.localPlaces({}),
      api.remoteSessions({}),
      api.queueSnapshot({}),
      api.questionsPending({}),
      api.logRecent({}),
      api.sitesList({}),
      api.keychainStatus({}),
      api.queueSettings({}),
      api.linksReady({}),
      api.syncRunning({}),
    ]);
    stores.ui.update((u) => ({
      ...u,
      app: info.ok ? info.value : null,
      places: places.ok ? places.value : null,
      queueSettings: settings.ok ? settings.value : null,
    }));
    if (snapshot.ok) stores.queue.update((q) => receiveSnapshot(q, snapshot.value));
    else this.notices.report(snapshot.error);
    if (running.ok) stores.runningSyncs.update((r) => receiveRunningSyncs(r, running.value));
    else this.notices.report(running.error, t('queue.runningSyncs.label'));
    if (pending.ok) {
      for (const q of pending.value) stores.dialogs.update((d) => openDialog(d, questionDialog(q)));
    }
    if (history.ok) stores.log.update((l) => ({ lines: mergeHistory(history.value, l.lines) }));
    stores.sites.update((s) => ({ ...s, listing: sites.ok ? sites.value : s.listing, keychain: keychain.ok ? keychain.value : s.keychain }));
    if (link.ok && link.value) this.connections.openLink(link.value);
    if (sites.ok) for (const w of sites.value.warnings) this.notices.notify('warning', t('notices.sitesFile.title'), w.message);

    if (places.ok) {
      stores.local.update((s) => ({ ...s, separator: places.value.separator }));
      await this.panes.openFirstLocal(places.value.home);
    } else {
      this.notices.report(places.error);
    }
    if (sessions.ok) {
      const state = fromList(sessions.value, recall(ACTIVE_SESSION_KEY));
      stores.sessions.set(state);
      const active = activeSession(state);
      if (active?.state === 'connected') await this.panes.showSession(active);
    }
  }

  /** Stops following events (tests and hot reload). */
  stop(): void {
    for (const off of this.offs.splice(0)) off();
  }
}
