/**
 * The drag in progress between panes. HTML5 drag data is unreadable during dragover, so the source is
 * kept here; the custom MIME type tells our drags from the OS's (which carry files).
 */
import type { PaneEntry, PaneSide } from './state/pane-model';

/** Our MIME type: a drag that started in a Wharf pane. */
export const WHARF_DRAG_TYPE = 'application/x-wharf-entries';

/** What is being dragged. */
export interface PaneDrag {
  readonly side: PaneSide;
  readonly entries: readonly PaneEntry[];
}

let current: PaneDrag | null = null;

/** A pane drag started. */
export function beginPaneDrag(drag: PaneDrag): void {
  current = drag;
}

/** The pane drag in progress, if any. */
export function currentPaneDrag(): PaneDrag | null {
  return current;
}

/** The drag ended (dropped or cancelled). */
export function endPaneDrag(): void {
  current = null;
}

/** Whether a drag carries files from the OS. */
export function isOsFileDrag(types: readonly string[]): boolean {
  return types.includes('Files') && !types.includes(WHARF_DRAG_TYPE);
}
