/**
 * The column heads of a file pane: one Tab stop for the whole row (the arrows move between heads, as in
 * a desktop file manager's list), Enter or Space sorts, Alt+Left/Right narrows or widens the focused
 * column, and each head's right edge can be dragged with the mouse (a double click there restores the
 * column's default width).
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { PaneSide, SortKey, SortOrder } from '../state/pane-model';
import { COLUMN_KEY_STEP, DEFAULT_COLUMN_WIDTHS, type ColumnWidths } from './column-widths';

export interface ColumnHead {
  readonly key: SortKey;
  readonly label: string;
  readonly className: string;
}

export function ColumnHeads(props: {
  readonly side: PaneSide;
  readonly columns: readonly ColumnHead[];
  readonly sort: SortOrder;
  readonly onSort: (key: SortKey) => void;
  readonly widths: ColumnWidths;
  readonly resize: (key: SortKey, width: number, remember?: boolean) => void;
}): ReactNode {
  const { side, columns, sort, onSort, widths, resize } = props;
  const [current, setCurrent] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const dragging = useRef<{ key: SortKey; startX: number; startWidth: number; width: number } | null>(null);
  const currentIndex = Math.min(current, columns.length - 1);

  const focusHead = (index: number) => {
    const next = Math.max(0, Math.min(columns.length - 1, index));
    setCurrent(next);
    buttons.current[next]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    // F6 is the grid's (switch panes); every other key belongs to the heads, not to the list's cursor.
    if (e.key === 'F6') return;
    e.stopPropagation();
    const column = columns[index]!;
    if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      resize(column.key, widths[column.key] + (e.key === 'ArrowRight' ? COLUMN_KEY_STEP : -COLUMN_KEY_STEP));
      return;
    }
    const moves: Record<string, number> = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: columns.length - 1 };
    const target = moves[e.key];
    if (target !== undefined && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      focusHead(target);
    }
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>, key: SortKey) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    dragging.current = { key, startX: e.clientX, startWidth: widths[key], width: widths[key] };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const drag = dragging.current;
    if (!drag) return;
    drag.width = drag.startWidth + e.clientX - drag.startX;
    resize(drag.key, drag.width, false);
  };
  const onPointerUp = () => {
    const drag = dragging.current;
    dragging.current = null;
    if (drag) resize(drag.key, drag.width);
  };

  return (
    <div role="row" aria-rowindex={1} className="row head">
      {columns.map((c, i) => (
        <div
          key={c.key}
          role="columnheader"
          className={`cell ${c.className}`}
          aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
        >
          <button
            type="button"
            ref={(el) => {
              buttons.current[i] = el;
            }}
            id={`${side}-head-${c.key}`}
            tabIndex={i === currentIndex ? 0 : -1}
            aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight"
            title={`Sort by ${c.label.toLowerCase()} (Enter). Alt+Left/Right: narrower/wider`}
            onFocus={() => setCurrent(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
            onClick={() => onSort(c.key)}
          >
            {c.label}
            {sort.key === c.key && <span className="sort-mark" aria-hidden="true">{sort.direction === 'asc' ? '▲' : '▼'}</span>}
          </button>
          <div
            className="col-resizer"
            aria-hidden="true"
            title={`Drag to resize the ${c.label} column (double-click: default width)`}
            onPointerDown={(e) => onPointerDown(e, c.key)}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onClick={(e) => e.stopPropagation()}
            onDoubleClick={() => resize(c.key, DEFAULT_COLUMN_WIDTHS[c.key])}
          />
        </div>
      ))}
    </div>
  );
}
