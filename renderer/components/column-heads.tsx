/**
 * The column heads of a file pane: one Tab stop for the whole row (the arrows move between heads, as in
 * a desktop file manager's list), Enter or Space sorts, Alt+Left/Right narrows or widens the focused
 * column, and each head's right edge can be dragged with the mouse (a double click there restores the
 * column's default width). A right-click on the heads, or the Menu key / Shift+F10 on one, opens a menu of
 * every column with a checkbox each: unticking hides that column in this pane (Name always shows).
 */
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { t } from '../../common/i18n/t';
import type { PaneSide, SortKey, SortOrder } from '../state/pane-model';
import { COLUMN_KEY_STEP, DEFAULT_COLUMN_WIDTHS, type ColumnWidths } from './column-widths';

export interface ColumnHead {
  readonly key: SortKey;
  readonly className: string;
}

export function ColumnHeads(props: {
  readonly side: PaneSide;
  readonly columns: readonly ColumnHead[];
  readonly sort: SortOrder;
  readonly onSort: (key: SortKey) => void;
  readonly widths: ColumnWidths;
  readonly resize: (key: SortKey, width: number, remember?: boolean) => void;
  /** Every column the pane can show, hidden ones included (the menu lists them all). */
  readonly allColumns: readonly ColumnHead[];
  readonly hidden: ReadonlySet<SortKey>;
  readonly toggleColumn: (key: SortKey) => void;
}): ReactNode {
  const { side, columns, sort, onSort, widths, resize, allColumns, hidden, toggleColumn } = props;
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
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
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      const box = e.currentTarget.getBoundingClientRect();
      setMenu({ x: box.left, y: box.bottom });
      return;
    }
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

  const onContextMenu = (e: MouseEvent<HTMLDivElement>) => {
    e.preventDefault();
    // The Menu key fires contextmenu too, after its keydown opened the menu.
    if (menu) return;
    setMenu({ x: e.clientX, y: e.clientY });
  };
  const closeMenu = () => {
    setMenu(null);
    buttons.current[currentIndex]?.focus();
  };

  return (
    <div role="row" aria-rowindex={1} className="row head" onContextMenu={onContextMenu}>
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
            title={t('panes.column.sortTitle', { column: c.key })}
            onFocus={() => setCurrent(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
            onClick={() => onSort(c.key)}
          >
            {/* A column made narrower than its head shortens the head, whose whole text is one hover away. */}
            <span className="head-text" title={t('panes.column.label', { column: c.key })}>
              {t('panes.column.label', { column: c.key })}
            </span>
            {sort.key === c.key && <span className="sort-mark" aria-hidden="true">{sort.direction === 'asc' ? '▲' : '▼'}</span>}
          </button>
          <div
            className="col-resizer"
            aria-hidden="true"
            title={t('panes.column.resizeTitle', { column: c.key })}
            onPointerDown={(e) => onPointerDown(e, c.key)}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onClick={(e) => e.stopPropagation()}
            onDoubleClick={() => resize(c.key, DEFAULT_COLUMN_WIDTHS[c.key])}
          />
        </div>
      ))}
      {menu &&
        createPortal(
          <ColumnMenu side={side} at={menu} columns={allColumns} hidden={hidden} toggle={toggleColumn} close={closeMenu} />,
          document.body,
        )}
    </div>
  );
}

/** The heads' menu: a checkbox per column; Name is always shown, so its item is disabled. */
function ColumnMenu(props: {
  readonly side: PaneSide;
  readonly at: { x: number; y: number };
  readonly columns: readonly ColumnHead[];
  readonly hidden: ReadonlySet<SortKey>;
  readonly toggle: (key: SortKey) => void;
  readonly close: () => void;
}): ReactNode {
  const { side, at, columns, hidden, toggle, close } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(() => Math.min(1, columns.length - 1));

  useEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>('[role="menuitemcheckbox"]')[active]?.focus();
  }, [active]);

  const onKeyDown = (e: KeyboardEvent) => {
    // The menu sits in the grid's React tree: its keys go no further.
    e.stopPropagation();
    const moves: Record<string, number> = {
      ArrowDown: (active + 1) % columns.length,
      ArrowUp: (active - 1 + columns.length) % columns.length,
      Home: 0,
      End: columns.length - 1,
    };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      setActive(target);
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      close();
    } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
    }
  };

  return (
    <div
      className="menu-layer"
      onMouseDown={(e) => {
        e.stopPropagation();
        if (e.target === e.currentTarget) close();
      }}
      onClick={(e) => e.stopPropagation()}
      onContextMenu={(e) => {
        e.preventDefault();
        e.stopPropagation();
        if (e.target === e.currentTarget) close();
      }}
    >
      <div
        ref={ref}
        className="context-menu column-menu"
        role="menu"
        aria-label={t('panes.column.menu', { side })}
        tabIndex={-1}
        style={{ left: Math.max(0, Math.min(at.x, window.innerWidth - 230)), top: Math.max(0, Math.min(at.y, window.innerHeight - 30 * columns.length - 10)) }}
        onKeyDown={onKeyDown}
      >
        {columns.map((c, i) => (
          <button
            key={c.key}
            type="button"
            role="menuitemcheckbox"
            className="menu-item"
            aria-checked={!hidden.has(c.key)}
            aria-disabled={c.key === 'name' ? true : undefined}
            tabIndex={i === active ? 0 : -1}
            onMouseEnter={() => setActive(i)}
            onClick={() => {
              if (c.key !== 'name') toggle(c.key);
            }}
          >
            <span className="menu-check" aria-hidden="true">
              {hidden.has(c.key) ? '' : '✓'}
            </span>
            <span className="menu-label">{t('panes.column.label', { column: c.key })}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
