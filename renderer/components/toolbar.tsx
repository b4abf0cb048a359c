/**
 * The top bar: site manager, quick connect with "Test connection", disconnect, refresh, queue pause, the
 * folder pair (compare, synchronised browsing, synchronise) and the connection status.
 */
import { Fragment, useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { t } from '../../common/i18n/t';
import type { FtpsMode } from '../../common/models/site';
import { useDispatcher, useStore } from '../hooks';
import { quickConnectFields } from '../state/quick-connect-model';
import { activeSession, securityBadge } from '../state/session-model';
import { PROTOCOL_CHOICES } from '../state/sites-model';
import { Icon } from './icons';
import { RichText } from './rich-text';
import { OverflowMenu, ToolButton, useOverflowLevel, type ToolbarTool } from './toolbar-overflow';

const EXAMPLE_HOST = 'ftp.example.com';
// Where the link and the Connect button go in the link note's sentence.
const LINK_MARK = '\uE000';
const CONNECT_MARK = '\uE001';
// The logo's letter, not a word.
const LOGO = 'W';

/**
 * The quick connect bar: the port follows the protocol (21/990) until the user types one. An ftps:// or
 * ftpes:// link fills it (main pushes `openQuickConnect`) and moves the focus to what is left to type;
 * only the Connect button connects.
 */
function QuickConnect(): ReactNode {
  const dispatcher = useDispatcher();
  const ui = useStore(dispatcher.stores.ui);
  const form = useStore(dispatcher.stores.quickConnectForm);
  const passwordRef = useRef<HTMLInputElement>(null);
  const connectRef = useRef<HTMLButtonElement>(null);

  // A link filled the form: the password (never in a link) is what is left to type, or Connect itself.
  useEffect(() => {
    if (form.linkCount === 0) return;
    if (form.user !== '' && form.user.toLowerCase() !== 'anonymous') passwordRef.current?.focus();
    else connectRef.current?.focus();
    // Only when a new link arrives, not on every keystroke.
  }, [form.linkCount]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = quickConnectFields(form);
    if (fields) void dispatcher.connections.quickConnect(fields);
  };

  return (
    <form className="quick-connect" onSubmit={submit} aria-label={t('shell.quickConnect')}>
      <label className="field compact protocol">
        <span>{t('siteManager.field.protocol')}</span>
        <select
          aria-label={t('siteManager.field.protocol')}
          value={form.protocol}
          className={form.protocol === 'plain' ? 'warn' : ''}
          onChange={(e) => dispatcher.connections.editQuickConnect({ field: 'protocol', value: e.target.value as FtpsMode })}
        >
          {PROTOCOL_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.short}
            </option>
          ))}
        </select>
      </label>
      <label className="field compact grow">
        <span>{t('siteManager.field.host')}</span>
        <input aria-label={t('siteManager.field.host')} value={form.host} onChange={(e) => dispatcher.connections.editQuickConnect({ field: 'host', value: e.target.value })} placeholder={EXAMPLE_HOST} spellCheck={false} autoComplete="off" />
      </label>
      <label className="field compact port">
        <span>{t('siteManager.field.port')}</span>
        <input aria-label={t('siteManager.field.port')} inputMode="numeric" value={form.port} onChange={(e) => dispatcher.connections.editQuickConnect({ field: 'port', value: e.target.value })} />
      </label>
      <label className="field compact">
        <span>{t('siteManager.field.user')}</span>
        <input aria-label={t('siteManager.field.user')} value={form.user} onChange={(e) => dispatcher.connections.editQuickConnect({ field: 'user', value: e.target.value })} spellCheck={false} autoComplete="off" />
      </label>
      <label className="field compact">
        <span>{t('siteManager.field.password')}</span>
        <input
          ref={passwordRef}
          aria-label={t('siteManager.field.password')}
          type="password"
          value={form.password}
          aria-describedby={form.link?.passwordIgnored ? 'link-password-note' : undefined}
          onChange={(e) => dispatcher.connections.editQuickConnect({ field: 'password', value: e.target.value })}
          autoComplete="off"
        />
      </label>
      <button ref={connectRef} type="submit" className="button primary" disabled={ui.connecting || form.host.trim() === ''}>
        {ui.connecting ? t('shell.connecting') : t('dialogs.connect')}
      </button>
      <button
        type="button"
        className="button test-button"
        aria-label={t('siteManager.testConnection')}
        title={t('shell.testTitle')}
        disabled={form.host.trim() === ''}
        onClick={() => dispatcher.doctor.testQuickConnect(quickConnectFields(form))}
      >
        <Icon name="stethoscope" />
        <span className="tool-text">{t('doctorView.test')}</span>
      </button>
    </form>
  );
}

/**
 * The note under the toolbar after a link filled the quick connect bar: where the link points, that
 * nothing was sent yet, and why the password field is empty when the link carried one.
 */
export function LinkNote(): ReactNode {
  const dispatcher = useDispatcher();
  const form = useStore(dispatcher.stores.quickConnectForm);
  const link = form.link;
  if (!link || link.noteDismissed) return null;
  return (
    <div className="link-note" role="status" aria-label={t('shell.link.label')}>
      <Icon name="link" />
      <div className="link-note-text">
        <p>
          {t('shell.link.filled', { link: LINK_MARK, connect: CONNECT_MARK })
            .split(/(\uE000|\uE001)/)
            .map((part, i) => (part === LINK_MARK ? <code key={i}>{link.display}</code> : part === CONNECT_MARK ? <strong key={i}>{t('dialogs.connect')}</strong> : part))}
          {link.remotePath ? ` ${t('shell.link.folder', { path: link.remotePath })}` : ''}
        </p>
        {link.passwordIgnored && (
          <p id="link-password-note" className="warn-text">
            {t('shell.link.passwordIgnored')}
          </p>
        )}
      </div>
      <button type="button" className="icon-button subtle" aria-label={t('shell.link.dismiss')} onClick={() => dispatcher.connections.dismissLinkNote()}>
        <Icon name="close" />
      </button>
    </div>
  );
}

/** Where the connection stands, with a lock for what protects it. */
function ConnectionStatus(): ReactNode {
  const dispatcher = useDispatcher();
  const sessions = useStore(dispatcher.stores.sessions);
  const session = activeSession(sessions);
  if (!session) return <div className="status idle" role="status">{t('shell.status.notConnected')}</div>;
  const badge = securityBadge(session.report);
  return (
    <div className={`status ${session.state} ${badge.level}`} role="status" title={session.report?.trustExplanation ?? ''}>
      <Icon name={badge.level === 'insecure' ? 'unlock' : 'lock'} />
      <span>
        <RichText
          id={session.state === 'connecting' ? 'shell.status.connecting' : session.state === 'connected' ? 'shell.status.connectedSecurity' : 'shell.status.connected'}
          values={{ server: session.label, security: badge.text }}
          strong={['server']}
        />
      </span>
    </div>
  );
}

/** The toolbar: the tools that do not fit on one line go, last first, into the "More tools" menu. */
export function Toolbar(): ReactNode {
  const dispatcher = useDispatcher();
  const sessions = useStore(dispatcher.stores.sessions);
  const queue = useStore(dispatcher.stores.queue);
  const pair = useStore(dispatcher.stores.pair);
  const ui = useStore(dispatcher.stores.ui);
  const paused = queue.snapshot?.paused ?? false;
  const connected = activeSession(sessions)?.state === 'connected';
  const bar = useRef<HTMLElement>(null);
  const tools: ToolbarTool[] = [
    {
      key: 'certificates',
      label: t('dialogs.certs.title'),
      title: t('shell.tool.certificates.title'),
      icon: 'shield',
      onSelect: () => dispatcher.dialogs.open({ kind: 'certificates', id: 'certificates' }),
    },
    { key: 'disconnect', label: t('shell.tool.disconnect'), title: t('shell.tool.disconnect'), icon: 'disconnect', disabled: !connected, onSelect: () => void dispatcher.connections.disconnect() },
    {
      key: 'refresh',
      label: t('shell.tool.refresh'),
      title: t('shell.tool.refresh'),
      icon: 'refresh',
      onSelect: () => {
        void dispatcher.panes.refresh('local');
        if (connected) void dispatcher.panes.refresh('remote');
      },
    },
    {
      key: 'pause',
      label: paused ? t('shell.tool.resume') : t('shell.tool.pause'),
      title: paused ? t('shell.tool.resume.title') : t('shell.tool.pause.title'),
      icon: paused ? 'play' : 'pause',
      pressed: paused,
      className: paused ? 'active' : '',
      onSelect: () => void dispatcher.queue.togglePaused(),
    },
    {
      key: 'compare',
      label: t('shell.tool.compare'),
      title: t('shell.tool.compare.title'),
      icon: 'compare',
      pressed: pair.compare,
      className: pair.compare ? 'on' : '',
      disabled: !connected && !pair.compare,
      onSelect: () => void dispatcher.folderPair.toggleCompare(),
    },
    {
      key: 'sync-browsing',
      label: t('shell.tool.syncBrowsing'),
      title: t('shell.tool.syncBrowsing.title'),
      icon: 'link-panes',
      pressed: pair.syncBrowsing,
      className: pair.syncBrowsing ? 'on' : '',
      disabled: !connected && !pair.syncBrowsing,
      onSelect: () => dispatcher.folderPair.toggleSyncBrowsing(),
    },
    {
      key: 'synchronise',
      label: t('shell.tool.synchronise'),
      title: t('shell.tool.synchronise.title'),
      icon: 'sync',
      disabled: !connected,
      onSelect: () => dispatcher.sync.open(),
    },
  ];
  // Level 1 drops the words of "Sites" and "Test", level 2 the status (the remote pane shows the server
  // and its lock), then each further level moves one more tool into the menu.
  const session = activeSession(sessions);
  const level = useOverflowLevel(bar, 2 + tools.length, `${ui.connecting}|${session?.state}|${session?.label}|${session?.report?.tlsVersion}|${paused}`);
  const inline = tools.slice(0, tools.length - Math.max(0, level - 2));
  const groups = [['certificates'], ['disconnect', 'refresh', 'pause'], ['compare', 'sync-browsing', 'synchronise']];
  return (
    <header className={`toolbar${level >= 1 ? ' compact' : ''}`} ref={bar}>
      <div className="brand" aria-hidden="true">
        <span className="logo">{LOGO}</span>
      </div>
      <button
        type="button"
        className="tool-button"
        aria-label={t('siteManager.title')}
        title={t('siteManager.title')}
        onClick={() => dispatcher.dialogs.open({ kind: 'site-manager', id: 'site-manager', selectSiteId: null })}
      >
        <Icon name="sites" />
        <span className="tool-text">{t('shell.tool.sites')}</span>
      </button>
      {groups.map((group, i) => {
        const shown = inline.filter((tool) => group.includes(tool.key));
        return (
          <Fragment key={group[0]}>
            {i === 1 && (
              <>
                <div className="divider" />
                <QuickConnect />
              </>
            )}
            {i > 0 && shown.length > 0 && <div className="divider" />}
            {shown.map((tool) => (
              <ToolButton key={tool.key} tool={tool} />
            ))}
          </Fragment>
        );
      })}
      <OverflowMenu tools={tools.slice(inline.length)} />
      {level < 2 && (
        <div className="status-slot">
          <ConnectionStatus />
        </div>
      )}
    </header>
  );
}
