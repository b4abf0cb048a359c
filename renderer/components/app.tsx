/** The window: toolbar, the two panes, the bottom tabs, notices, a pane's context menu and the dialog stack. */
import { useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useDispatcher, useStore } from '../hooks';
import { BottomPanel } from './bottom-panel';
import { ContextMenu } from './context-menu';
import { DialogView } from './dialogs';
import { FilePane } from './file-pane';
import { Icon } from './icons';
import { PairBar } from './pair-bar';
import { RunningSyncs } from './running-syncs';
import { LinkNote, Toolbar } from './toolbar';

function Notices(): ReactNode {
  const dispatcher = useDispatcher();
  const ui = useStore(dispatcher.ui);
  return (
    <div className="notices" aria-live="polite">
      {ui.notices.map((n) => (
        <div key={n.id} className={`notice ${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
          <Icon name={n.level === 'success' ? 'check' : n.level === 'info' ? 'eye' : 'warning'} />
          <div className="notice-text">
            <strong>{n.title}</strong>
            <p>{n.message}</p>
            {n.hint && <p className="muted">{n.hint}</p>}
            {n.chooseFolder && (
              <button type="button" className="button small" onClick={() => void dispatcher.chooseLocalFolder()}>
                Choose folder…
              </button>
            )}
          </div>
          <button type="button" className="icon-button subtle" aria-label="Dismiss" onClick={() => dispatcher.dismiss(n.id)}>
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}

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

/** The app. */
export function App(): ReactNode {
  const dispatcher = useDispatcher();
  const dialogs = useStore(dispatcher.dialogs);
  const [split, setSplit] = useState(0.5);
  const [bottomHeight, setBottomHeight] = useState(260);
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
          label="Resize panes"
          onMove={(dx) => {
            const width = panesRef.current?.clientWidth ?? 1000;
            setSplit((s) => Math.max(0.2, Math.min(0.8, s + dx / width)));
          }}
        />
        <FilePane side="remote" />
      </main>
      <Splitter orientation="horizontal" label="Resize the bottom panel" onMove={(dy) => setBottomHeight((h) => Math.max(120, Math.min(window.innerHeight - 260, h - dy)))} />
      <RunningSyncs />
      <div className="bottom-wrap" style={{ height: bottomHeight }}>
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
