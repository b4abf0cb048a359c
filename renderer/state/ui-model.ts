/** App-wide view state that belongs to no domain store: focus, the bottom tab, notices, facts about the app. */
import type { AppInfo, LocalPlaces, QueueSettings } from '../../common/ipc/payloads';
import type { ContextMenuState } from './context-menu-model';
import type { PaneSide } from './pane-model';

/** A message in the notice area (errors stay until dismissed). */
export interface Notice {
  readonly id: number;
  readonly level: 'error' | 'warning' | 'info' | 'success';
  readonly title: string;
  readonly message: string;
  readonly hint: string | null;
  /** Offer "Choose folder…" (a local folder outside the allowed ones). */
  readonly chooseFolder: boolean;
  /** Offer "Proxy settings…" (the proxy settings file is damaged: nothing connects until it is saved again). */
  readonly proxySettings: boolean;
}

/** The rest of the view. */
export interface UiState {
  readonly focusedPane: PaneSide;
  readonly bottomTab: 'queue' | 'log';
  readonly notices: readonly Notice[];
  readonly app: AppInfo | null;
  readonly places: LocalPlaces | null;
  readonly queueSettings: QueueSettings | null;
  /** A quick connection or site connection is being opened. */
  readonly connecting: boolean;
  /** Which pane a drag hovers (for the drop highlight), with the folder row it targets. */
  readonly dropTarget: { readonly side: PaneSide; readonly folder: string | null } | null;
  /** The open context menu of a pane, if any. */
  readonly contextMenu: ContextMenuState | null;
}

/** At start. */
export const initialUi: UiState = {
  focusedPane: 'local',
  bottomTab: 'queue',
  notices: [],
  app: null,
  places: null,
  queueSettings: null,
  connecting: false,
  dropTarget: null,
  contextMenu: null,
};

/** At most this many notices show; older ones go. */
export const MAX_NOTICES = 4;

/** Adds a notice, dropping the oldest beyond the limit. */
export function addNotice(state: UiState, notice: Notice): UiState {
  const notices = [...state.notices, notice];
  return { ...state, notices: notices.slice(Math.max(0, notices.length - MAX_NOTICES)) };
}

/** Removes a notice. */
export function dismissNotice(state: UiState, id: number): UiState {
  return { ...state, notices: state.notices.filter((n) => n.id !== id) };
}
