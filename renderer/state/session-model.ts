/** The browsing sessions main reports, and which one the remote pane shows. */
import { t } from '../../common/i18n/t';
import type { SessionInfo } from '../../common/ipc/payloads';
import type { SecurityReport } from '../../common/models/security';

/** Sessions by id, in the order they were first seen, plus the one shown. */
export interface SessionsState {
  readonly sessions: readonly SessionInfo[];
  readonly activeId: string | null;
}

/** No session. */
export const initialSessions: SessionsState = { sessions: [], activeId: null };

/** A session changed: closed and failed ones leave the list; a newly connected one becomes active if none is. */
export function applySession(state: SessionsState, info: SessionInfo): SessionsState {
  const gone = info.state === 'closed' || info.state === 'failed';
  const others = state.sessions.filter((s) => s.sessionId !== info.sessionId);
  const exists = others.length !== state.sessions.length;
  const sessions = gone ? others : exists ? state.sessions.map((s) => (s.sessionId === info.sessionId ? info : s)) : [...state.sessions, info];
  let activeId = state.activeId;
  if (gone && activeId === info.sessionId) activeId = sessions.filter((s) => s.state === 'connected').at(-1)?.sessionId ?? null;
  if (!gone && activeId === null) activeId = info.sessionId;
  return { sessions, activeId };
}

/** The session list after a reload; the last connected one becomes active. */
export function fromList(list: readonly SessionInfo[], previousActive: string | null): SessionsState {
  const sessions = list.filter((s) => s.state === 'connecting' || s.state === 'connected');
  const active = sessions.find((s) => s.sessionId === previousActive) ?? sessions.filter((s) => s.state === 'connected').at(-1) ?? sessions.at(-1);
  return { sessions, activeId: active?.sessionId ?? null };
}

/** The session the remote pane shows. */
export function activeSession(state: SessionsState): SessionInfo | null {
  return state.sessions.find((s) => s.sessionId === state.activeId) ?? null;
}

/** The lock badge: how safe the session is, in one word and a level for its colour. */
export function securityBadge(report: SecurityReport | null): { readonly level: 'secure' | 'warning' | 'insecure' | 'none'; readonly text: string } {
  if (!report) return { level: 'none', text: t('shell.status.notConnected') };
  if (report.mode === 'plain' || !report.credentialsEncrypted) return { level: 'insecure', text: t('rendererWords.badge.notEncrypted') };
  const version = report.tlsVersion ? report.tlsVersion.replace('TLSv', 'TLS ') : 'TLS';
  if (!report.dataProtected || report.certificateTrust === 'accepted-once' || report.warnings.length > 0) return { level: 'warning', text: version };
  return { level: 'secure', text: version };
}
