/** Where the user looks: the focused pane, the bottom panel's tab, the drop highlight. */
import type { PaneSide } from '../state/pane-model';
import type { UiState } from '../state/ui-model';
import type { Stores } from './stores';

/** Changes the view state kept in the `ui` store. */
export class ViewController {
  constructor(private readonly stores: Pick<Stores, 'ui'>) {}

  /** Moves keyboard focus between panes. */
  focusPane(side: PaneSide): void {
    this.stores.ui.update((u) => (u.focusedPane === side ? u : { ...u, focusedPane: side }));
  }

  /** The queue or the log. */
  showBottomTab(tab: UiState['bottomTab']): void {
    this.stores.ui.update((u) => ({ ...u, bottomTab: tab }));
  }

  /** Where a drag would drop, for the highlight. */
  setDropTarget(target: UiState['dropTarget']): void {
    this.stores.ui.update((u) => {
      const same = u.dropTarget?.side === target?.side && u.dropTarget?.folder === target?.folder;
      return same ? u : { ...u, dropTarget: target };
    });
  }
}
