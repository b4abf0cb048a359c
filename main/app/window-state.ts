import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** Where and how big the window was, so it comes back there. */
export interface WindowState {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

/** The size of a first start. */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

/** A rectangle of a display's work area. */
export interface Area {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const FILE_NAME = 'window-state.json';

/**
 * Reads the saved window state; anything unreadable, absurd, or no longer on any display (a monitor was
 * unplugged) falls back to the default size, centred by the OS.
 */
export function loadWindowState(dataDir: string, displays: readonly Area[]): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dataDir, FILE_NAME), 'utf8'));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  const s = raw as Partial<Record<keyof WindowState, unknown>>;
  const int = (v: unknown, min: number, max: number) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined);
  const width = int(s.width, 400, 20000);
  const height = int(s.height, 300, 20000);
  if (width === undefined || height === undefined) return DEFAULT_WINDOW_STATE;
  const maximized = s.maximized === true;
  const x = int(s.x, -100000, 100000);
  const y = int(s.y, -100000, 100000);
  if (x === undefined || y === undefined) return { width, height, maximized };
  // Visible if at least 100x50 of its top part lies on some display.
  const visible = displays.some((d) => x + width - 100 >= d.x && x + 100 <= d.x + d.width && y >= d.y - 10 && y + 50 <= d.y + d.height);
  return visible ? { x, y, width, height, maximized } : { width, height, maximized };
}

/** Saves the window state (atomically: a torn file would just reset the window, but why risk it). */
export function saveWindowState(dataDir: string, state: WindowState): void {
  const file = join(dataDir, FILE_NAME);
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  } catch {
    // Not worth bothering the user about: the window opens at the default size next time.
  }
}
