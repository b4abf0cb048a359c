/**
 * The top bar: site manager, quick connect with "Test connection", disconnect, refresh, queue pause, the
 * folder pair (compare, synchronised browsing, synchronise) and the connection status.
 */
import { Fragment, useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import type { FtpsMode } from '../../common/models/site';
import { useDispatcher, useStore } from '../hooks';
import { quickConnectFields } from '../state/quick-connect-model';
import { activeSession, securityBadge } from '../state/session-model';
import { PROTOCOL_CHOICES } from '../state/sites-model';
import { Icon } from './icons';
import { OverflowMenu, ToolButton, useOverflowLevel, type ToolbarTool } from './toolbar-overflow';

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
    <form className="quick-connect" onSubmit={submit} aria-label="Quick connect">
      <label className="field compact protocol">
        <span>Protocol</span>
        <select
          aria-label="Protocol"
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
        <span>Host</span>
        <input aria-label="Host" value={form.host} onChange={(e) => dispatcher.connections.editQuickConnect({ field: 'host', value: e.target.value })} placeholder="ftp.example.com" spellCheck={false} autoComplete="off" />
      </label>
      <label className="field compact port">
        <span>Port</span>
        <input aria-label="Port" inputMode="numeric" value={form.port} onChange={(e) => dispatcher.connections.editQuickConnect({ field: 'port', value: e.target.value })} />
      </label>
      <label className="field compact">
        <span>User</span>
        <input aria-label="User" value={form.user} onChange={(e) => dispatcher.connections.editQuickConnect({ field: 'user', value: e.target.value })} spellCheck={false} autoComplete="off" />
      </label>
      <label className="field compact">
        <span>Password</span>
        <input
          ref={passwordRef}
          aria-label="Password"
          type="password"
          value={form.password}
          aria-describedby={form.link?.passwordIgnored ? 'link-password-note' : undefined}
          onChange={(e) => dispatcher.connections.editQuickConnect({ field: 'password', value: e.target.value })}
          autoComplete="off"
        />
      </label>
      <button ref={connectRef} type="submit" className="button primary" disabled={ui.connecting || form.host.trim() === ''}>
        {ui.connecting ? 'Connecting…' : 'Connect'}
      </button>
      <button
        type="button"
        className="button test-button"
        aria-label="Test connection"
        title="Test these settings step by step and explain what fails"
        disabled={form.host.trim() === ''}
        onClick={() => dispatcher.doctor.testQuickConnect(quickConnectFields(form))}
      >
        <Icon name="stethoscope" />
        <span className="tool-text">Test</span>
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
    <div className="link-note" role="status" aria-label="Opened link">
      <Icon name="link" />
      <div className="link-note-text">
        <p>
          Filled in from the link <code>{link.display}</code>. Nothing has been sent: check the server, then click <strong>Connect</strong>.
          {link.remotePath ? ` The folder ${link.remotePath} opens once connected.` : ''}
        </p>
        {link.passwordIgnored && (
          <p id="link-password-note" className="warn-text">
            The link contained a password. Wharf ignored it, because passwords in links end up in browser histories and logs: type it in the Password field.
          </p>
        )}
      </div>
      <button type="button" className="icon-button subtle" aria-label="Dismiss link note" onClick={() => dispatcher.connections.dismissLinkNote()}>
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
  if (!session) return <div className="status idle" role="status">Not connected</div>;
  const badge = securityBadge(session.report);
  return (
    <div className={`status ${session.state} ${badge.level}`} role="status" title={session.report?.trustExplanation ?? ''}>
      <Icon name={badge.level === 'insecure' ? 'unlock' : 'lock'} />
      <span>
        {session.state === 'connecting' ? 'Connecting to ' : 'Connected to '}
        <strong>{session.label}</strong>
        {session.state === 'connected' ? ` · ${badge.text}` : ''}
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
      label: 'Trusted certificates',
      title: 'Certificates you chose to always trust',
      icon: 'shield',
      onSelect: () => dispatcher.dialogs.open({ kind: 'certificates', id: 'certificates' }),
    },
    { key: 'disconnect', label: 'Disconnect', title: 'Disconnect', icon: 'disconnect', disabled: !connected, onSelect: () => void dispatcher.connections.disconnect() },
    {
      key: 'refresh',
      label: 'Refresh both panes',
      title: 'Refresh both panes',
      icon: 'refresh',
      onSelect: () => {
        void dispatcher.panes.refresh('local');
        if (connected) void dispatcher.panes.refresh('remote');
      },
    },
    {
      key: 'pause',
      label: paused ? 'Resume queue' : 'Pause queue',
      title: paused ? 'Resume the transfer queue' : 'Pause the transfer queue',
      icon: paused ? 'play' : 'pause',
      pressed: paused,
      className: paused ? 'active' : '',
      onSelect: () => void dispatcher.queue.togglePaused(),
    },
    {
      key: 'compare',
      label: 'Compare folders',
      title: 'Compare the local and remote folders: differences are coloured in both panes',
      icon: 'compare',
      pressed: pair.compare,
      className: pair.compare ? 'on' : '',
      disabled: !connected && !pair.compare,
      onSelect: () => void dispatcher.folderPair.toggleCompare(),
    },
    {
      key: 'sync-browsing',
      label: 'Synchronised browsing',
      title: 'Synchronised browsing: opening a folder on one side opens the same folder on the other',
      icon: 'link-panes',
      pressed: pair.syncBrowsing,
      className: pair.syncBrowsing ? 'on' : '',
      disabled: !connected && !pair.syncBrowsing,
      onSelect: () => dispatcher.folderPair.toggleSyncBrowsing(),
    },
    {
      key: 'synchronise',
      label: 'Synchronise…',
      title: 'Synchronise the two folders: preview, then copy and (if chosen) delete',
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
        <span className="logo">W</span>
      </div>
      <button
        type="button"
        className="tool-button"
        aria-label="Site Manager"
        title="Site Manager"
        onClick={() => dispatcher.dialogs.open({ kind: 'site-manager', id: 'site-manager', selectSiteId: null })}
      >
        <Icon name="sites" />
        <span className="tool-text">Sites</span>
      </button>
      {groups.map((group, i) => {
        const shown = inline.filter((t) => group.includes(t.key));
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
