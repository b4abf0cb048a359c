/** The parts around a pane's grid: the path bar, the lock badge, and what a pane shows instead of a listing. */
import { useState, type ReactNode } from 'react';
import { t } from '../../common/i18n/t';
import { focusGrid } from '../focus';
import { useDispatcher, useStore } from '../hooks';
import { breadcrumbs, type PaneSide } from '../state/pane-model';
import { activeSession, securityBadge } from '../state/session-model';
import { Icon } from './icons';

/** A pane's name in labels. */
export function sideLabel(side: PaneSide): string {
  return t('panes.side.name', { side });
}

/** The path bar: breadcrumbs; click the free space (or press Ctrl+L) to type a path. */
export function PathBar({ side }: { readonly side: PaneSide }): ReactNode {
  const dispatcher = useDispatcher();
  const pane = useStore(dispatcher.stores.pane(side));
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const crumbs = pane.path ? breadcrumbs(pane.path, pane.separator) : [];
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
      <nav className="crumbs" aria-label={t('panes.path.breadcrumbs', { side })}>
        {crumbs.map((c, i) => (
          <span key={c.path} className="crumb-wrap">
            {i > 0 && c.label !== pane.separator && <Icon name="chevron" className="crumb-sep" />}
            <button type="button" className="crumb" title={c.path} aria-current={i === crumbs.length - 1 ? 'location' : undefined} onClick={() => void dispatcher.panes.go(side, c.path).then(() => focusGrid(side))}>
              {c.label}
            </button>
          </span>
        ))}
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
