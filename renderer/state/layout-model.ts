/**
 * The window's layout that the user adjusts and Wharf remembers: the share of the window the bottom panel
 * (queue and log) takes. A share rather than pixels, so the panes keep their rows on a small screen; one
 * per window-size class, since a laptop at 125% and a desktop monitor want different shares.
 */

/** The bottom panel's share of the window until the user moves its splitter. */
export const DEFAULT_BOTTOM_SHARE = 0.3;
const MIN_SHARE = 0.1;
const MAX_SHARE = 0.7;

/** The remembered-layout key for a window of this size (CSS pixels). */
export function layoutSizeClass(height: number): 'short' | 'medium' | 'tall' {
  return height < 700 ? 'short' : height < 950 ? 'medium' : 'tall';
}

/** The share after dragging the splitter by `dy` pixels (down makes the panel smaller) in a window `height` high. */
export function movedShare(share: number, dy: number, height: number): number {
  return Math.min(MAX_SHARE, Math.max(MIN_SHARE, share - dy / Math.max(height, 1)));
}

/** Reads a stored share; anything unreadable is the default. */
export function parseShare(stored: string | null): number {
  const value = stored === null ? NaN : Number(stored);
  return Number.isFinite(value) && value >= MIN_SHARE && value <= MAX_SHARE ? value : DEFAULT_BOTTOM_SHARE;
}
