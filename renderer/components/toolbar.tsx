/** The top bar: site manager, quick connect, disconnect, refresh, queue pause, and the connection status. */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { FtpsMode } from '../../common/models/site';
import { useDispatcher, useStore } from '../hooks';
import { activeSession, securityBadge } from '../state/session-model';
import { followPort, PROTOCOL_CHOICES } from '../state/sites-model';
import { Icon } from './icons';

/** The quick connect bar: the port follows the protocol (21/990) until the user types one. */
function QuickConnect(): ReactNode {
  const dispatcher = useDispatcher();
  const ui = useStore(dispatcher.ui);
  const [protocol, setProtocol] = useState<FtpsMode>('explicit');
  const [host, setHost] = useState('');
  const [port, setPort] = useState('21');
  const [portEdited, setPortEdited] = useState(false);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const h = host.trim();
    if (!h) return;
    const p = Number(port);
    void dispatcher.quickConnect({
      host: h,
      ...(Number.isInteger(p) && p > 0 && p < 65536 ? { port: p } : {}),
      mode: protocol,
      user: user.trim(),
      password,
    });
  };

  return (
    <form className="quick-connect" onSubmit={submit} aria-label="Quick connect">
      <label className="field compact">
        <span>Protocol</span>
        <select
          aria-label="Protocol"
          value={protocol}
          className={protocol === 'plain' ? 'warn' : ''}
          onChange={(e) => {
            const next = e.target.value as FtpsMode;
            setProtocol(next);
            setPort(followPort(next, port, portEdited));
          }}
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
        <input aria-label="Host" value={host} onChange={(e) => setHost(e.target.value)} placeholder="ftp.example.com" spellCheck={false} autoComplete="off" />
      </label>
      <label className="field compact port">
        <span>Port</span>
        <input
          aria-label="Port"
          inputMode="numeric"
          value={port}
          onChange={(e) => {
            const text = e.target.value.replace(/[^0-9]/g, '').slice(0, 5);
            setPortEdited(text !== '');
            setPort(text === '' ? followPort(protocol, '', false) : text);
          }}
        />
      </label>
      <label className="field compact">
        <span>User</span>
        <input aria-label="User" value={user} onChange={(e) => setUser(e.target.value)} spellCheck={false} autoComplete="off" />
      </label>
      <label className="field compact">
        <span>Password</span>
        <input aria-label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit" className="button primary" disabled={ui.connecting || host.trim() === ''}>
        {ui.connecting ? 'Connecting…' : 'Connect'}
      </button>
    </form>
  );
}

/** Where the connection stands, with a lock for what protects it. */
function ConnectionStatus(): ReactNode {
  const dispatcher = useDispatcher();
  const sessions = useStore(dispatcher.sessions);
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

/** The toolbar. */
export function Toolbar(): ReactNode {
  const dispatcher = useDispatcher();
  const sessions = useStore(dispatcher.sessions);
  const queue = useStore(dispatcher.queue);
  const paused = queue.snapshot?.paused ?? false;
  const connected = activeSession(sessions)?.state === 'connected';
  return (
    <header className="toolbar">
      <div className="brand" aria-hidden="true">
        <span className="logo">W</span>
      </div>
      <button
        type="button"
        className="tool-button"
        aria-label="Site Manager"
        title="Site Manager"
        onClick={() => dispatcher.openDialog({ kind: 'site-manager', id: 'site-manager', selectSiteId: null })}
      >
        <Icon name="sites" />
        <span>Sites</span>
      </button>
      <div className="divider" />
      <QuickConnect />
      <div className="divider" />
      <button type="button" className="tool-button" aria-label="Disconnect" title="Disconnect" disabled={!connected} onClick={() => void dispatcher.disconnect()}>
        <Icon name="disconnect" />
      </button>
      <button
        type="button"
        className="tool-button"
        aria-label="Refresh both panes"
        title="Refresh both panes"
        onClick={() => {
          void dispatcher.refresh('local');
          if (connected) void dispatcher.refresh('remote');
        }}
      >
        <Icon name="refresh" />
      </button>
      <button
        type="button"
        className={`tool-button${paused ? ' active' : ''}`}
        aria-label={paused ? 'Resume queue' : 'Pause queue'}
        aria-pressed={paused}
        title={paused ? 'Resume the transfer queue' : 'Pause the transfer queue'}
        onClick={() => void dispatcher.toggleQueuePaused()}
      >
        <Icon name={paused ? 'play' : 'pause'} />
      </button>
      <ConnectionStatus />
    </header>
  );
}
