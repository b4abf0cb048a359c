/**
 * One file pane (local or remote): header, path bar with breadcrumbs and an editable path, filter and
 * hidden-files toggle, the virtualized grid, and a footer with counts. Drag-and-drop between panes and
 * from the OS; the keyboard of a two-pane commander. While comparing, each row carries its compare mark
 * (colour, "newer") and the filter bar offers "only differences".
 */
import { useCallback, useMemo, useRef, useState, type CSSProperties, type DragEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { t } from '../../common/i18n/t';
import { hasHiddenCharacters, visibleName } from '../../common/models/visible-name';
import { beginPaneDrag, currentPaneDrag, endPaneDrag, isOsFileDrag, WHARF_DRAG_TYPE } from '../drag';
import { focusGrid, registerGrid } from '../focus';
import { useDispatcher, useStore } from '../hooks';
import { markFor, markWords, paneMarks } from '../state/compare-model';
import { formatDate, formatSize, typeLabel } from '../state/format';
import {
  entryPath,
  findByPrefix,
  moveCursor,
  rowTotals,
  selectAll,
  selectedEntries,
  selectionTotals,
  selectOnly,
  selectRange,
  toggleSelected,
  toggleSort,
  type CursorMove,
  type PaneEntry,
  type PaneSide,
  type SortKey,
} from '../state/pane-model';
import { activeSession } from '../state/session-model';
import { ColumnHeads } from './column-heads';
import { columnTemplate, useColumnWidths, useHiddenColumns } from './column-widths';
import { Icon } from './icons';
import { LockBadge, NotConnected, PaneError, PathBar, sideLabel } from './pane-chrome';
import { PaneFailureBanner } from './pane-failure';
import { COLUMNS, iconFor, isHiddenName, lazily, loadingText, ownerAndGroup, rowTitle } from './pane-rows';
import { useShownRows } from './use-shown-rows';
import { followSidewaysScroll, VirtualList } from './virtual-list';

const ROW_HEIGHT = 24;

/** The footer's totals while the rows are still being sorted (the footer shows a running count then). */
const NO_TOTALS = rowTotals([]);

/** One pane. */
export function FilePane({ side }: { readonly side: PaneSide }): ReactNode {
  const dispatcher = useDispatcher();
  const pane = useStore(dispatcher.stores.pane(side));
  const ui = useStore(dispatcher.stores.ui);
  const failureShown = useStore(dispatcher.stores.paneFailures.store)[side] !== null;
  const sessions = useStore(dispatcher.stores.sessions);
  const pair = useStore(dispatcher.stores.pair);
  const { path: localPath, separator: localSeparator } = useStore(dispatcher.stores.local);
  const remotePath = useStore(dispatcher.stores.remote).path;
  const session = side === 'remote' ? activeSession(sessions) : null;
  const gridRef = useRef<HTMLDivElement | null>(null);
  const [pageSize, setPageSize] = useState(10);
  const typed = useRef<{ text: string; at: number }>({ text: '', at: 0 });
  const label = t('panes.files', { side });

  const marks = pair.compare ? paneMarks(pair.result, side, localPath, remotePath, localSeparator) : null;
  const onlyDifferences = pair.compare && pair.onlyDifferences[side];
  const { rows: shown, sorting, totals } = useShownRows(pane.entries, pane, marks, onlyDifferences);
  // The rows' names are made when a key or a click needs them, not on each render of a listing still growing.
  const names = useMemo(() => lazily(() => shown.map((e) => e.name)), [shown]);
  // A search, not a Map of every name: building that for 100,000 rows on each change cost a visible pause.
  const cursorIndex = useMemo(() => (pane.cursor === null ? -1 : shown.findIndex((e) => e.name === pane.cursor)), [shown, pane.cursor]);
  const busy = pane.loading || sorting;
  // The totals come with the rows (a big listing counts only what each chunk added); the selection is counted when there is one.
  const selection = useMemo(() => selectionTotals(shown, pane.selected), [shown, pane.selected]);
  const summary = { ...(totals ?? NO_TOTALS), ...selection };
  const hiddenColumns = useHiddenColumns(side);
  const allColumns = COLUMNS.filter((c) => side === 'remote' || !c.remoteOnly);
  const columns = allColumns.filter((c) => !hiddenColumns.hidden.has(c.key));
  const shows = (key: SortKey) => !hiddenColumns.hidden.has(key);
  const connected = side === 'local' || session?.state === 'connected';
  const columnWidths = useColumnWidths(side);
  const template = columnTemplate(columnWidths.widths, columns.map((c) => c.key));

  const setGrid = useCallback(
    (el: HTMLDivElement | null) => {
      gridRef.current = el;
      registerGrid(side, el);
    },
    [side],
  );

  const change = (fn: Parameters<typeof dispatcher.panes.change>[1]) => dispatcher.panes.change(side, fn);

  const openNewFolder = () => void dispatcher.paneCommands.run(side, 'new-folder');

  /** The keyboard's context menu (Menu key, Shift+F10): opened at the cursor row, or the list's corner. */
  const openMenuFromKeyboard = () => {
    const row = cursorIndex >= 0 ? document.getElementById(`${side}-row-${cursorIndex}`) : null;
    const box = (row ?? gridRef.current?.querySelector('.grid-body') ?? gridRef.current)?.getBoundingClientRect();
    if (!box) return;
    dispatcher.paneCommands.openContextMenu(side, { x: box.left + Math.min(48, box.width / 2), y: row ? box.bottom : box.top + 8 });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      openMenuFromKeyboard();
      return;
    }
    // Alt+Up goes up one folder, as in the file managers of Windows and Linux (Backspace too, as in FileZilla).
    if (e.key === 'ArrowUp' && e.altKey && !mod) {
      e.preventDefault();
      void dispatcher.panes.goUp(side);
      return;
    }
    const moves: Record<string, CursorMove> = { ArrowUp: 'up', ArrowDown: 'down', Home: 'home', End: 'end', PageUp: 'pageup', PageDown: 'pagedown' };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      change((s) => moveCursor(s, names(), move, { extend: e.shiftKey, keepSelection: mod, pageSize }));
      return;
    }
    switch (e.key) {
      // F6 switches panes, as in desktop file managers; Tab is left to the browser, so it moves on to the
      // next region (the remote toolbar, the queue) instead of flipping between the two lists.
      case 'F6':
        e.preventDefault();
        focusGrid(side === 'local' ? 'remote' : 'local');
        return;
      case 'Enter': {
        e.preventDefault();
        if (mod) {
          void dispatcher.transfers.transfer(side, selectedEntries(pane, shown));
          return;
        }
        const entry = cursorIndex >= 0 ? shown[cursorIndex] : undefined;
        if (entry) void dispatcher.paneCommands.activate(side, entry);
        return;
      }
      case 'Backspace':
        e.preventDefault();
        void dispatcher.panes.goUp(side);
        return;
      case 'F5':
        e.preventDefault();
        void dispatcher.panes.refresh(side);
        return;
      case 'F7':
        e.preventDefault();
        openNewFolder();
        return;
      case 'F2':
        e.preventDefault();
        void dispatcher.paneCommands.run(side, 'rename');
        return;
      case 'Delete':
        e.preventDefault();
        void dispatcher.paneCommands.run(side, 'delete');
        return;
      case ' ':
        e.preventDefault();
        if (pane.cursor !== null) change((s) => toggleSelected(s, s.cursor!));
        else if (shown[0] !== undefined) change((s) => selectOnly(s, shown[0]!.name));
        return;
      case 'Escape':
        change((s) => ({ ...s, selected: new Set() }));
        return;
      default:
        break;
    }
    if (mod && (e.key === 'a' || e.key === 'A')) {
      e.preventDefault();
      change((s) => selectAll(s, names()));
      return;
    }
    if (mod && (e.key === 'l' || e.key === 'L')) {
      e.preventDefault();
      (gridRef.current?.closest('.pane')?.querySelector('.pathbar') as HTMLElement | null)?.click();
      return;
    }
    if (!mod && !e.altKey && e.key.length === 1) {
      // Type-to-find: letters typed within a second extend the search.
      const now = e.timeStamp;
      const text = now - typed.current.at < 1000 ? typed.current.text + e.key : e.key;
      typed.current = { text, at: now };
      const start = text.length === 1 ? cursorIndex + 1 : Math.max(0, cursorIndex);
      const found = findByPrefix(names(), text, start);
      if (found !== null) change((s) => selectOnly(s, found));
    }
  };

  const onRowClick = (e: MouseEvent, name: string) => {
    if (e.shiftKey) change((s) => selectRange(s, names(), name));
    else if (e.ctrlKey || e.metaKey) change((s) => toggleSelected(s, name));
    else change((s) => selectOnly(s, name));
  };

  // ---- drag and drop ----
  const dropAllowed = (e: DragEvent, folder: string | null): boolean => {
    if (!connected || !pane.path) return false;
    const drag = currentPaneDrag();
    if (drag) {
      if (drag.side !== side) return side === 'local' || session?.state === 'connected';
      // Within a pane: a move onto a folder row that is not one of the dragged entries.
      return folder !== null && !drag.entries.some((en) => entryPath(pane, en) === folder);
    }
    return isOsFileDrag([...e.dataTransfer.types]);
  };
  const onDragOver = (e: DragEvent, folder: string | null) => {
    if (!dropAllowed(e, folder)) {
      if (folder !== null) return; // let the pane itself decide
      e.dataTransfer.dropEffect = 'none';
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    const drag = currentPaneDrag();
    e.dataTransfer.dropEffect = drag && drag.side === side ? 'move' : 'copy';
    dispatcher.view.setDropTarget({ side, folder });
  };
  const onDrop = (e: DragEvent, folder: string | null) => {
    e.preventDefault();
    e.stopPropagation();
    dispatcher.view.setDropTarget(null);
    const drag = currentPaneDrag();
    endPaneDrag();
    if (drag) {
      if (drag.side === side) {
        if (folder) void dispatcher.files.move(side, drag.entries, folder);
      } else {
        void dispatcher.transfers.transfer(drag.side, drag.entries, folder ?? undefined);
      }
      return;
    }
    const files = [...e.dataTransfer.files];
    if (files.length > 0) void dispatcher.transfers.dropFromOs(side, files, folder ?? undefined);
  };
  const onDragStart = (e: DragEvent, entry: PaneEntry) => {
    let entries = selectedEntries(pane, shown);
    if (!pane.selected.has(entry.name)) {
      change((s) => selectOnly(s, entry.name));
      entries = [entry];
    }
    if (e.altKey) {
      // Alt+drag: out to the OS file manager (main starts a native drag with real files).
      e.preventDefault();
      void dispatcher.files.dragOut(side, entries);
      return;
    }
    e.dataTransfer.effectAllowed = 'copyMove';
    e.dataTransfer.setData(WHARF_DRAG_TYPE, JSON.stringify({ side, names: entries.map((x) => x.name) }));
    e.dataTransfer.setData('text/plain', entries.map((x) => entryPath(pane, x)).join('\n'));
    beginPaneDrag({ side, entries });
  };
  const onDragEnd = () => {
    endPaneDrag();
    dispatcher.view.setDropTarget(null);
  };

  const dropHere = ui.dropTarget?.side === side;
  const activeDescendant = cursorIndex >= 0 ? `${side}-row-${cursorIndex}` : undefined;

  const renderRow = (index: number, top: number) => {
    const entry = shown[index]!;
    const path = entryPath(pane, entry);
    const isDir = entry.type === 'directory' || (side === 'remote' && entry.type === 'symlink');
    const target = dropHere && ui.dropTarget?.folder === path;
    const classes = ['row', index % 2 ? 'odd' : 'even'];
    if (pane.selected.has(entry.name)) classes.push('selected');
    if (index === cursorIndex) classes.push('cursor');
    if (target) classes.push('drop-target');
    if (isHiddenName(entry)) classes.push('dim');
    const mark = markFor(marks, entry);
    if (mark) classes.push(`cmp-${mark.kind}`);
    return (
      <div
        key={entry.name}
        id={`${side}-row-${index}`}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={pane.selected.has(entry.name)}
        className={classes.join(' ')}
        style={{ top }}
        draggable
        data-name={entry.name}
        data-compare={mark?.kind}
        data-newer={mark?.newer ? 'true' : undefined}
        onClick={(e) => onRowClick(e, entry.name)}
        onDoubleClick={() => void dispatcher.paneCommands.activate(side, entry)}
        onDragStart={(e) => onDragStart(e, entry)}
        onDragEnd={onDragEnd}
        onDragOver={isDir ? (e) => onDragOver(e, path) : undefined}
        onDrop={isDir ? (e) => (dropAllowed(e, path) ? onDrop(e, path) : undefined) : undefined}
      >
        <div role="gridcell" className="cell c-name" title={rowTitle(entry, mark && mark.kind !== 'folder' ? mark : null)}>
          <Icon name={iconFor(entry)} className={`entry-icon ${entry.type}`} />
          <span className={`name-text${hasHiddenCharacters(entry.name) ? ' has-hidden' : ''}`}>{visibleName(entry.name)}</span>
          {mark?.newer && (
            <span className="newer-mark" title={t('panes.row.newerTitle')}>
              {t('panes.row.newer')}
            </span>
          )}
          {mark && mark.kind !== 'same' && mark.kind !== 'folder' && (
            <span className="visually-hidden">
              {t('panes.row.markHidden', { mark: markWords(mark.kind) })}
            </span>
          )}
        </div>
        {shows('size') && <div role="gridcell" className="cell c-size">{entry.type === 'directory' ? '' : formatSize(entry.size)}</div>}
        {shows('type') && <div role="gridcell" className="cell c-type">{typeLabel(entry.name, entry.type)}</div>}
        {shows('modified') && <div role="gridcell" className="cell c-modified">{formatDate(entry.modifiedAt)}</div>}
        {shows('permissions') && <div role="gridcell" className="cell c-perms">{entry.permissions ?? ''}</div>}
        {side === 'remote' && shows('owner') && (
          // Owner and group may be longer than the column: the whole of it is one hover away.
          <div role="gridcell" className="cell c-owner" title={ownerAndGroup(entry)}>
            {ownerAndGroup(entry)}
          </div>
        )}
      </div>
    );
  };

  return (
    <section className={`pane ${side}${ui.focusedPane === side ? ' focused' : ''}`} aria-label={label}>
      <header className="pane-header">
        <div className="pane-title">
          <Icon name={side === 'local' ? 'folder' : 'server'} />
          <span className="pane-name">{side === 'local' ? sideLabel(side) : (session?.label ?? sideLabel(side))}</span>
          {side === 'remote' && session?.state === 'connecting' && <span className="pill">{t('panes.notConnected.connecting')}</span>}
          {side === 'remote' && sessions.sessions.length > 1 && (
            <select className="session-select" aria-label={t('panes.session')} value={sessions.activeId ?? ''} onChange={(e) => void dispatcher.connections.switchSession(e.target.value)}>
              {sessions.sessions.map((s) => (
                <option key={s.sessionId} value={s.sessionId}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
          <span className="spacer" />
          {side === 'remote' && <LockBadge />}
        </div>
        <div className="pane-toolbar">
          <button type="button" className="icon-button" aria-label={t('panes.up.label', { side })} title={t('panes.up.title')} disabled={!pane.parent} onClick={() => void dispatcher.panes.goUp(side)}>
            <Icon name="up" />
          </button>
          <button type="button" className="icon-button" aria-label={t('panes.refresh.label', { side })} title={t('panes.refresh.title')} disabled={!connected || !pane.path} onClick={() => void dispatcher.panes.refresh(side)}>
            <Icon name="refresh" />
          </button>
          <button type="button" className="icon-button" aria-label={t('panes.newFolder.label', { side })} title={t('panes.newFolder.title')} disabled={!connected || !pane.path} onClick={openNewFolder}>
            <Icon name="new-folder" />
          </button>
          <PathBar side={side} />
          {side === 'local' && (
            <button type="button" className="icon-button" aria-label={t('panes.chooseLocal.label')} title={t('panes.chooseLocal.title')} onClick={() => void dispatcher.panes.chooseLocalFolder()}>
              <Icon name="folder" />
            </button>
          )}
        </div>
        <div className="pane-filterbar">
          <label className="filter">
            <Icon name="search" />
            <input
              type="search"
              aria-label={t('panes.filter.label', { side })}
              placeholder={t('panes.filter.placeholder')}
              value={pane.filter}
              onChange={(e) => change((s) => ({ ...s, filter: e.target.value }))}
              onKeyDown={(e) => {
                if (e.key === 'Escape') change((s) => ({ ...s, filter: '' }));
                if (e.key === 'Enter' || e.key === 'ArrowDown') {
                  e.preventDefault();
                  focusGrid(side);
                }
              }}
            />
          </label>
          <button
            type="button"
            className={`toggle${pane.showHidden ? ' on' : ''}`}
            aria-pressed={pane.showHidden}
            aria-label={t('panes.hidden.label', { side })}
            title={t('panes.hidden.title')}
            onClick={() => change((s) => ({ ...s, showHidden: !s.showHidden }))}
          >
            <Icon name="eye" />
            <span>{t('panes.hidden.toggle')}</span>
          </button>
          {pair.compare && (
            <button
              type="button"
              className={`toggle${onlyDifferences ? ' on' : ''}`}
              aria-pressed={onlyDifferences}
              aria-label={t('panes.onlyDifferences.label', { side })}
              title={t('panes.onlyDifferences.title')}
              onClick={() => dispatcher.folderPair.toggleOnlyDifferences(side)}
            >
              <Icon name="compare" />
              <span>{t('panes.onlyDifferences.toggle')}</span>
            </button>
          )}
        </div>
      </header>
      <PaneFailureBanner side={side} />
      <div
        ref={setGrid}
        className={`grid ${side}${dropHere && ui.dropTarget?.folder === null ? ' drop-here' : ''}`}
        role="grid"
        aria-label={label}
        aria-rowcount={shown.length + 1}
        aria-colcount={columns.length}
        aria-multiselectable
        aria-busy={busy}
        aria-activedescendant={activeDescendant}
        tabIndex={0}
        style={{ '--cols': template.cols, '--cols-min': template.colsMin } as CSSProperties}
        onKeyDown={onKeyDown}
        onFocus={() => dispatcher.view.focusPane(side)}
        onScrollCapture={followSidewaysScroll}
        onDragOver={(e) => onDragOver(e, null)}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) dispatcher.view.setDropTarget(null);
        }}
        onDrop={(e) => (dropAllowed(e, null) ? onDrop(e, null) : undefined)}
        onContextMenu={(e) => {
          e.preventDefault();
          // The Menu key also fires contextmenu after its keydown opened the menu: nothing more to do.
          if (dispatcher.stores.ui.get().contextMenu) return;
          if (!connected) return;
          const row = (e.target as HTMLElement).closest<HTMLElement>('[role="row"][data-name]');
          if ((e.target as HTMLElement).closest('.grid-head')) return;
          gridRef.current?.focus();
          dispatcher.paneCommands.openContextMenu(side, { x: e.clientX, y: e.clientY }, { name: row?.dataset['name'] ?? null });
        }}
      >
        <div role="rowgroup" className="grid-head">
          <ColumnHeads side={side} columns={columns} sort={pane.sort} onSort={(key) => change((s) => ({ ...s, sort: toggleSort(s.sort, key) }))} widths={columnWidths.widths} resize={columnWidths.resize} allColumns={allColumns} hidden={hiddenColumns.hidden} toggleColumn={hiddenColumns.toggle} />
        </div>
        {connected ? (
          <VirtualList count={shown.length} rowHeight={ROW_HEIGHT} renderRow={renderRow} keepVisible={cursorIndex} contentKey={`${pane.sessionId ?? ''}\n${pane.path ?? ''}`} role={shown.length > 0 ? 'rowgroup' : undefined} className="grid-body" onPageSize={setPageSize}>
            {pane.path !== null && shown.length === 0 && !pane.loading && (
              <div className="empty">
                {pane.entries.length === 0 ? t('panes.empty.folder') : onlyDifferences && marks ? t('panes.empty.noDifferences') : t('panes.empty.noMatch')}
              </div>
            )}
            {pane.error && pane.entries.length === 0 && !failureShown && <PaneError side={side} />}
          </VirtualList>
        ) : (
          <NotConnected />
        )}
      </div>
      <footer className="pane-footer" aria-live="polite">
        {busy ? (
          <span className="loading-count">{loadingText(pane.loading, pane.received ?? 0, pane.entries.length)}</span>
        ) : (
          <span>
            {t('panes.summary.contents', { folders: summary.folders, files: summary.files, size: formatSize(summary.bytes) })}
            {pane.entries.length !== shown.length ? t('panes.summary.hidden', { count: pane.entries.length - shown.length }) : ''}
          </span>
        )}
        {summary.selectedCount > 0 && (
          <span className="selection-count">
            {summary.selectedBytes > 0
              ? t('panes.summary.selectedWithSize', { count: summary.selectedCount, size: formatSize(summary.selectedBytes) })
              : t('panes.summary.selected', { count: summary.selectedCount })}
          </span>
        )}
      </footer>
    </section>
  );
}
