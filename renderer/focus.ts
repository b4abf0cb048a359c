/** Where keyboard focus goes between the two grids (Tab switches panes). */
import type { PaneSide } from './state/pane-model';

const grids = new Map<PaneSide, HTMLElement>();

/** Called by a grid when it mounts (and with null when it unmounts). */
export function registerGrid(side: PaneSide, element: HTMLElement | null): void {
  if (element) grids.set(side, element);
  else grids.delete(side);
}

/** Focuses a pane's grid. */
export function focusGrid(side: PaneSide): void {
  grids.get(side)?.focus();
}
