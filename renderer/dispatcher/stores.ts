/** Every store of the renderer: the state lives here, the controllers beside this file change it. */
import type { LogLine } from '../../common/models/log';
import { initialPair, type PairState } from '../state/compare-model';
import { initialDialogs, type DialogState } from '../state/dialogs';
import { initialDoctor, type DoctorState } from '../state/doctor-model';
import { initialPane, type PaneSide, type PaneState } from '../state/pane-model';
import { initialQuickConnect, type QuickConnectForm } from '../state/quick-connect-model';
import { initialQueue, type QueueState } from '../state/queue-model';
import { initialSessions, type SessionsState } from '../state/session-model';
import { initialSites, type SitesState } from '../state/sites-model';
import { Store } from '../state/store';
import { initialRunningSyncs, initialSync, type RunningSyncsState, type SyncState } from '../state/sync-model';
import { initialUi, type UiState } from '../state/ui-model';
import { PaneFailures } from '../state/pane-failures';

/** The log as the view holds it. */
export interface LogState {
  readonly lines: readonly LogLine[];
}

/** One store per domain; components read them through `useStore`. */
export class Stores {
  readonly sessions = new Store<SessionsState>(initialSessions);
  readonly local = new Store<PaneState>(initialPane('local'));
  readonly remote = new Store<PaneState>(initialPane('remote'));
  readonly queue = new Store<QueueState>(initialQueue);
  readonly log = new Store<LogState>({ lines: [] });
  readonly sites = new Store<SitesState>(initialSites);
  readonly dialogs = new Store<DialogState>(initialDialogs);
  readonly ui = new Store<UiState>(initialUi);
  /** Each pane's last failed action, shown in place with Retry. */
  readonly paneFailures = new PaneFailures();
  readonly quickConnectForm = new Store<QuickConnectForm>(initialQuickConnect);
  /** The connection doctor's run the dialog shows. */
  readonly doctor = new Store<DoctorState>(initialDoctor);
  /** The folder pair: compare, "only differences", synchronised browsing. */
  readonly pair = new Store<PairState>(initialPair);
  /** The "Synchronise…" dialog: settings, preview, run. */
  readonly sync = new Store<SyncState>(initialSync);
  /** The syncs main runs, shown above the queue while their dialog is closed (or after a reload). */
  readonly runningSyncs = new Store<RunningSyncsState>(initialRunningSyncs);

  /** Pane store by side. */
  pane(side: PaneSide): Store<PaneState> {
    return side === 'local' ? this.local : this.remote;
  }
}
