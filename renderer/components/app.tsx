/** The window: toolbar, the two panes, the bottom tabs, notices, a pane's context menu and the dialog stack. */
import { useEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { t } from '../../common/i18n/t';
import { useDispatcher, useStore } from '../hooks';
import { layoutSizeClass, movedShare, parseShare } from '../state/layout-model';
import { BottomPanel } from './bottom-panel';
import { ContextMenu } from './context-menu';
import { DialogView } from './dialogs';
import { FilePane } from './file-pane';
import { PairBar } from './pair-bar';
import { RunningSyncs } from './running-syncs';
import { Notices } from './notices';
import { LinkNote, Toolbar } from './toolbar';

/** A drag handle that resizes what is on either side of it. */
function Splitter({ orientation, onMove, label }: { readonly orientation: 'vertical' | 'horizontal'; readonly onMove: (delta: number) => void; readonly label: string }): ReactNode {
  const last = useRef<number | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    last.current = orientation === 'vertical' ? e.clientX : e.clientY;
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (last.current === null) return;
    const now = orientation === 'vertical' ? e.clientX : e.clientY;
    onMove(now - last.current);
    last.current = now;
  };
  return (
    <div
      className={`splitter ${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (last.current = null)}
    />
  );
}

/** The bottom panel's share of the window, remembered per window-size class, and the splitter's move. */
function useBottomShare(): [number, (dy: number) => void] {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const key = `wharf.layout.bottomShare.${layoutSizeClass(height)}`;
  const [shares, setShares] = useState<Record<string, number>>({});
  const share = shares[key] ?? parseShare(localStorage.getItem(key));
  const move = (dy: number) => {
    const next = movedShare(share, dy, height);
    localStorage.setItem(key, String(next));
    setShares((s) => ({ ...s, [key]: next }));
  };
  return [share, move];
}

/** The app. */
export function App(): ReactNode {
  const dispatcher = useDispatcher();
  const dialogs = useStore(dispatcher.stores.dialogs);
  const [split, setSplit] = useState(0.5);
  const [bottomShare, moveBottomSplitter] = useBottomShare();
  const panesRef = useRef<HTMLDivElement>(null);
  return (
    <div className="app">
      <div className="app-content" inert={dialogs.stack.length > 0}>
      <Toolbar />
      <LinkNote />
      <PairBar />
      <main className="panes" ref={panesRef} style={{ gridTemplateColumns: `minmax(280px, ${split}fr) 6px minmax(280px, ${1 - split}fr)` }}>
        <FilePane side="local" />
        <Splitter
          orientation="vertical"
          label={t('shell.resizePanes')}
          onMove={(dx) => {
            const width = panesRef.current?.clientWidth ?? 1000;
            setSplit((s) => Math.max(0.2, Math.min(0.8, s + dx / width)));
          }}
        />
        <FilePane side="remote" />
      </main>
      <Splitter orientation="horizontal" label={t('shell.resizeBottom')} onMove={moveBottomSplitter} />
      <RunningSyncs />
      <div className="bottom-wrap" style={{ flexBasis: `${bottomShare * 100}%` }}>
        <BottomPanel />
      </div>
      </div>
      <Notices />
      <ContextMenu />
      {dialogs.stack.map((d, i) => (
        <DialogView key={d.id} dialog={d} top={i === dialogs.stack.length - 1} />
      ))}
    </div>
  );
}
