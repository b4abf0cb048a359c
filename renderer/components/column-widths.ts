/**
 * The widths of a file pane's columns, as the user dragged or keyed them, remembered per pane in the
 * window's storage (as the bottom panel's layout is). The Name column takes what is left of the pane and
 * its width is the least it keeps; the others are fixed.
 */
import { useState } from 'react';
import type { PaneSide, SortKey } from '../state/pane-model';

/** Pixels per column, by sort key. */
export type ColumnWidths = Readonly<Record<SortKey, number>>;

// Wide enough for each head in every language we ship, with the sort mark ("Dateigröße ▲", "Berechtigungen").
export const DEFAULT_COLUMN_WIDTHS: ColumnWidths = { name: 150, size: 100, type: 100, modified: 136, permissions: 120, owner: 124 };

/** Narrower than this a column shows nothing useful, and its resize edge gets hard to grab. */
export const MIN_COLUMN_WIDTH = 40;
const MAX_COLUMN_WIDTH = 1200;

/** How far one Alt+Left/Right moves a column's edge. */
export const COLUMN_KEY_STEP = 16;

const storageKey = (side: PaneSide) => `wharf.columnWidths.${side}`;

export function clampColumnWidth(width: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
}

function storedWidths(side: PaneSide): ColumnWidths {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey(side)) ?? '{}');
    const widths = { ...DEFAULT_COLUMN_WIDTHS };
    if (saved && typeof saved === 'object') {
      for (const key of Object.keys(widths) as SortKey[]) {
        const value = (saved as Record<string, unknown>)[key];
        if (typeof value === 'number' && Number.isFinite(value)) widths[key] = clampColumnWidth(value);
      }
    }
    return widths;
  } catch {
    // Unreadable (hand-edited, or storage refused): the defaults.
    return DEFAULT_COLUMN_WIDTHS;
  }
}

/** The CSS grid template of these columns, and the least width the row needs before it scrolls sideways. */
export function columnTemplate(widths: ColumnWidths, keys: readonly SortKey[]): { cols: string; colsMin: string } {
  const cols = keys.map((k) => (k === 'name' ? `minmax(${widths.name}px, 1fr)` : `${widths[k]}px`)).join(' ');
  return { cols, colsMin: `${keys.reduce((sum, k) => sum + widths[k], 0)}px` };
}

/**
 * A pane's column widths; `resize` changes one for the screen, `remember` keeps the current ones (a drag
 * remembers once, when the mouse lets go).
 */
export function useColumnWidths(side: PaneSide): { widths: ColumnWidths; resize: (key: SortKey, width: number, remember?: boolean) => void } {
  const [widths, setWidths] = useState<ColumnWidths>(() => storedWidths(side));
  const resize = (key: SortKey, width: number, remember = true) => {
    setWidths((current) => {
      const next = { ...current, [key]: clampColumnWidth(width) };
      if (remember) {
        try {
          localStorage.setItem(storageKey(side), JSON.stringify(next));
        } catch {
          // Storage refused (a private profile): the widths last for this window.
        }
      }
      return next;
    });
  };
  return { widths, resize };
}

const hiddenKey = (side: PaneSide) => `wharf.hiddenColumns.${side}`;

function storedHidden(side: PaneSide): ReadonlySet<SortKey> {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(hiddenKey(side)) ?? '[]');
    const known = Object.keys(DEFAULT_COLUMN_WIDTHS);
    // The Name column is never hidden, whatever the storage says.
    return new Set(Array.isArray(saved) ? (saved.filter((k) => typeof k === 'string' && known.includes(k) && k !== 'name') as SortKey[]) : []);
  } catch {
    return new Set();
  }
}

/** The columns a pane hides (its column heads' menu), remembered per pane next to the widths. */
export function useHiddenColumns(side: PaneSide): { hidden: ReadonlySet<SortKey>; toggle: (key: SortKey) => void } {
  const [hidden, setHidden] = useState<ReadonlySet<SortKey>>(() => storedHidden(side));
  const toggle = (key: SortKey) => {
    if (key === 'name') return;
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      try {
        localStorage.setItem(hiddenKey(side), JSON.stringify([...next]));
      } catch {
        // Storage refused: the choice lasts for this window.
      }
      return next;
    });
  };
  return { hidden, toggle };
}
