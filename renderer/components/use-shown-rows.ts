/** A pane's rows, through ShownRows for big listings so sorting them never freezes the window. */
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { paneRows, type CompareMark } from '../state/compare-model';
import { rowTotals, type PaneEntry, type PaneView, type RowTotals } from '../state/pane-model';
import { SORT_AT_ONCE_LIMIT, ShownRows } from '../state/shown-rows';

/** The rows to show, whether newer ones are still being sorted (the grid says it is busy), and the footer's totals of the rows once they are current. */
export function useShownRows(
  entries: readonly PaneEntry[],
  view: PaneView,
  marks: ReadonlyMap<string, CompareMark> | null,
  onlyDifferences: boolean,
): { readonly rows: readonly PaneEntry[]; readonly sorting: boolean; readonly totals: RowTotals | null } {
  const { sort, filter, showHidden } = view;
  // "Only differences" keeps the rows of a compare, which are few; big folders outside a compare go in slices.
  const atOnce = entries.length <= SORT_AT_ONCE_LIMIT || (onlyDifferences && marks !== null);
  const builder = useRef<ShownRows | null>(null);
  builder.current ??= new ShownRows();
  const [, landed] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const rows = (builder.current ??= new ShownRows());
    const off = rows.subscribe(landed);
    return () => {
      off();
      rows.dispose();
      builder.current = null;
    };
  }, []);
  const stableView = useMemo(() => ({ sort, filter, showHidden }), [sort, filter, showHidden]);
  useEffect(() => {
    if (atOnce) builder.current?.stop();
    else builder.current?.want(entries, stableView);
  }, [atOnce, entries, stableView]);
  const rowsAtOnce = useMemo(
    () => (atOnce ? paneRows({ entries, sort, filter, showHidden }, marks, onlyDifferences) : null),
    [atOnce, entries, sort, filter, showHidden, marks, onlyDifferences],
  );
  const totalsAtOnce = useMemo(() => (rowsAtOnce ? rowTotals(rowsAtOnce) : null), [rowsAtOnce]);
  if (rowsAtOnce) return { rows: rowsAtOnce, sorting: false, totals: totalsAtOnce };
  const rows = builder.current;
  const shown = rows.rowsFor(entries, stableView);
  return { rows: shown, sorting: rows.pending(entries, stableView), totals: rows.totalsFor(entries, stableView) };
}
