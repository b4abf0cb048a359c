/** The parts around a pane's grid: the path bar, the lock badge, and what a pane shows instead of a listing. */
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { t } from '../../common/i18n/t';
import { focusGrid } from '../focus';
import { useDispatcher, useStore } from '../hooks';
import { breadcrumbs, type Crumb, type PaneSide } from '../state/pane-model';
import { activeSession, securityBadge } from '../state/session-model';
import { Icon } from './icons';

/** A pane's name in labels. */
export function sideLabel(side: PaneSide): string {
  return t('panes.side.name', { side });
}

/** Narrower than this, a folder in between is a sliver (a bit of its arrow and a letter): it is folded instead. */
const SLIVER_PX = 40;

/**
 * How many folders after the first crumb are folded into one "…" in a narrow bar: the leftmost, as many as it
 * takes for no folder in between to be squeezed to a sliver. One more than there are folders in between: the "…"
 * too is left out, for a bar that cannot hold the first crumb, "…" and a few letters of the folder shown. Measured
 * before the paint, again for another path and when the bar changes width.
 */
function useFoldedCrumbs(nav: RefObject<HTMLElement | null>, crumbs: readonly Crumb[], shown: boolean): number {
  const [folded, setFolded] = useState({ key: '', count: 0 });
  const key = crumbs.at(-1)?.path ?? '';
  const count = folded.key === key ? folded.count : 0;
  const width = useRef(-1);
  useLayoutEffect(() => {
    const bar = nav.current?.parentElement;
    if (!bar) return;
    width.current = bar.clientWidth;
    const observer = new ResizeObserver(() => {
      if (bar.clientWidth === width.current) return;
      width.current = bar.clientWidth;
      setFolded({ key: '', count: 0 });
    });
    observer.observe(bar);
    return () => observer.disconnect();
  }, [nav, shown]);
  useLayoutEffect(() => {
    const shown = nav.current;
    if (!shown) return;
    const between = [...shown.querySelectorAll<HTMLElement>('.crumb-wrap.between > .crumb')];
    const squeezed = between.some((crumb) => {
      const width = crumb.getBoundingClientRect().width;
      const natural = Math.min(crumb.scrollWidth, parseFloat(getComputedStyle(crumb).maxWidth) || Infinity);
      return width + 1 < natural && width < SLIVER_PX;
    });
    const foldedOverflows = between.length === 0 && count > 0 && shown.scrollWidth > shown.clientWidth + 1;
    if ((squeezed || foldedOverflows) && count < crumbs.length - 1) setFolded({ key, count: count + 1 });
  });
  return count;
}

/** The path bar: breadcrumbs; click the free space (or press Ctrl+L) to type a path. */
export function PathBar({ side }: { readonly side: PaneSide }): ReactNode {
  const dispatcher = useDispatcher();
  const pane = useStore(dispatcher.stores.pane(side));
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const nav = useRef<HTMLElement>(null);
  const crumbs = pane.path ? breadcrumbs(pane.path, pane.separator) : [];
  // The bar is a new element after typing a path: watched again.
  const folds = useFoldedCrumbs(nav, crumbs, !editing);
  const folded = Math.min(folds, crumbs.length - 2);
  const lastFolded = folds > 0 && folds === folded ? crumbs[folded] : undefined;
  const go = (path: string) => void dispatcher.panes.go(side, path).then(() => focusGrid(side));
  const startEdit = () => {
    setText(pane.path ?? '');
    setEditing(true);
  };
  if (editing) {
    return (
      <form
        className="pathbar editing"
        onSubmit={(e) => {
          e.preventDefault();
          setEditing(false);
          if (text.trim()) void dispatcher.panes.go(side, text.trim());
        }}
      >
        <input
          className="path-input"
          aria-label={t('panes.path.input', { side })}
          value={text}
          autoFocus
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => setEditing(false)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setEditing(false);
              focusGrid(side);
            }
          }}
        />
      </form>
    );
  }
  return (
    <div className="pathbar" onClick={(e) => e.target === e.currentTarget && pane.path && startEdit()}>
      <nav className="crumbs" ref={nav} aria-label={t('panes.path.breadcrumbs', { side })}>
        {crumbs.map((c, i) => {
          if (i > 0 && i <= folded) {
            if (i > 1 || !lastFolded) return null;
            // The folded folders: their deepest one opens, and every one of them is named on hover.
            return (
              <span key="folded" className="crumb-wrap folded">
                <Icon name="chevron" className="crumb-sep" />
                <button type="button" className="crumb" title={lastFolded.path} aria-label={lastFolded.label} onClick={() => go(lastFolded.path)}>
                  …
                </button>
              </span>
            );
          }
          const last = i === crumbs.length - 1;
          return (
            <span key={c.path} className={`crumb-wrap${i > 0 && !last ? ' between' : ''}`}>
              {i > 0 && c.label !== pane.separator && <Icon name="chevron" className="crumb-sep" />}
              <button type="button" className="crumb" title={c.path} aria-current={last ? 'location' : undefined} onClick={() => go(c.path)}>
                {c.label}
              </button>
            </span>
          );
        })}
      </nav>
      <button type="button" className="icon-button subtle" aria-label={t('panes.path.edit', { side })} title={t('panes.path.editTitle')} disabled={!pane.path} onClick={startEdit}>
        <Icon name="edit" />
      </button>
    </div>
  );
}

/** The lock badge of the remote pane: click for the security report. */
export function LockBadge(): ReactNode {
  const dispatcher = useDispatcher();
  const sessions = useStore(dispatcher.stores.sessions);
  const session = activeSession(sessions);
  if (!session || session.state !== 'connected') return null;
  const badge = securityBadge(session.report);
  return (
    <button
      type="button"
      className={`lock-badge ${badge.level}`}
      aria-label={t('panes.lock.label', { text: badge.text })}
      title={t('panes.lock.title')}
      onClick={() => void dispatcher.connections.showSecurityReport()}
    >
      <Icon name={badge.level === 'insecure' ? 'unlock' : 'lock'} />
      <span>{badge.text}</span>
    </button>
  );
}

/** A pane's listing failed: the error, and "Choose folder…" where the folder is not allowed yet. */
export function PaneError({ side }: { readonly side: PaneSide }): ReactNode {
  const dispatcher = useDispatcher();
  const pane = useStore(dispatcher.stores.pane(side));
  if (!pane.error) return null;
  const notAllowed = pane.error.kind === 'local-io' && pane.error.detail?.['reason'] === 'not-allowed';
  return (
    <div className="empty error-state" role="alert">
      <p>{pane.error.message}</p>
      {notAllowed && (
        <button type="button" className="button" onClick={() => void dispatcher.panes.chooseLocalFolder()}>
          {t('panes.failure.chooseFolder')}
        </button>
      )}
    </div>
  );
}

/** The remote pane without a session: connecting, or the way to connect. */
export function NotConnected(): ReactNode {
  const dispatcher = useDispatcher();
  const ui = useStore(dispatcher.stores.ui);
  const sessions = useStore(dispatcher.stores.sessions);
  const connecting = sessions.sessions.find((x) => x.state === 'connecting');
  if (ui.connecting || connecting) {
    return (
      <div className="not-connected" role="status">
        <span className="spinner" aria-hidden="true" />
        <p className="title">{t('panes.notConnected.connecting')}</p>
        {connecting && <p className="muted">{connecting.label}</p>}
      </div>
    );
  }
  return (
    <div className="not-connected">
      <Icon name="server" className="big-icon" />
      <p className="title">{t('panes.notConnected.title')}</p>
      <p className="muted">{t('panes.notConnected.hint')}</p>
      <button type="button" className="button" onClick={() => dispatcher.dialogs.open({ kind: 'site-manager', id: 'site-manager', selectSiteId: null })}>
        <Icon name="sites" /> {t('panes.notConnected.openSiteManager')}
      </button>
    </div>
  );
}
