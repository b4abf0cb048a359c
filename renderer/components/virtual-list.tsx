/**
 * A windowing list: only the rows in view (plus a few) exist in the DOM, so 100,000 entries scroll as
 * smoothly as 100. Fixed row height; the scroll area is a spacer as tall as all rows, and rows are
 * absolutely placed within it.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type UIEvent } from 'react';
import { windowRange } from '../state/windowing';

/** Props of VirtualList. */
export interface VirtualListProps {
  readonly count: number;
  readonly rowHeight: number;
  /** Draws row `index`; place it with `top`. */
  readonly renderRow: (index: number, top: number) => ReactNode;
  /** A row to keep in view (the keyboard cursor). */
  readonly keepVisible?: number | null;
  /**
   * What the rows are a view of (a pane's folder): when it changes, the view starts again at the first row,
   * as a file manager shows a folder just opened from its top, never at the old folder's scroll offset.
   */
  readonly contentKey?: string;
  /** Extra rows drawn above and below the view. default 8 */
  readonly overscan?: number;
  readonly className?: string;
  readonly role?: string;
  /** Reports how many rows fit (PageUp/PageDown). */
  readonly onPageSize?: (rows: number) => void;
  /** Follow new rows at the end while the view is scrolled to the end (the log). */
  readonly stickToEnd?: boolean;
  readonly children?: ReactNode;
}

/** The windowing list. */
export function VirtualList(props: VirtualListProps): ReactNode {
  const { count, rowHeight, renderRow, keepVisible, contentKey, overscan = 8, className, role, onPageSize, stickToEnd, children } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const atEnd = useRef(true);
  const shownContent = useRef(contentKey);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      setViewport(el.clientHeight);
      onPageSize?.(Math.max(1, Math.floor(el.clientHeight / rowHeight) - 1));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [rowHeight, onPageSize]);

  // Before the paint and before keepVisible's effect, which may then scroll to a cursor in the new content.
  useLayoutEffect(() => {
    if (shownContent.current === contentKey) return;
    shownContent.current = contentKey;
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, [contentKey]);

  useEffect(() => {
    const el = ref.current;
    if (!el || keepVisible === null || keepVisible === undefined || keepVisible < 0) return;
    const top = keepVisible * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    // contentKey: a cursor at the same index of new content is brought into view again after the reset.
  }, [keepVisible, rowHeight, contentKey]);

  // A shorter list (a filter, another folder) must not leave the view scrolled past its end.
  useEffect(() => {
    const el = ref.current;
    if (el && el.scrollTop > Math.max(0, count * rowHeight - el.clientHeight)) el.scrollTop = Math.max(0, count * rowHeight - el.clientHeight);
  }, [count, rowHeight]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stickToEnd && atEnd.current) el.scrollTop = el.scrollHeight;
  }, [count, stickToEnd]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const el = event.currentTarget;
    atEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight;
    setScrollTop(el.scrollTop);
  };
  const { first, last } = windowRange(count, rowHeight, scrollTop, viewport, overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) rows.push(renderRow(i, i * rowHeight));

  return (
    <div ref={ref} className={`vlist${className ? ` ${className}` : ''}`} onScroll={onScroll} role={role}>
      <div className="vlist-spacer" style={{ height: count * rowHeight }}>
        {rows}
      </div>
      {children}
    </div>
  );
}

/** A grid's column heads follow its list when a narrow grid scrolls it sideways (use on the grid, onScrollCapture). */
export function followSidewaysScroll(e: UIEvent<HTMLElement>): void {
  const head = e.currentTarget.querySelector<HTMLElement>('.grid-head');
  if (head && e.target instanceof HTMLElement && e.target.classList.contains('grid-body')) head.scrollLeft = e.target.scrollLeft;
}
