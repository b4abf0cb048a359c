import { FTPError } from 'basic-ftp';
import type { FtpsMode } from '../../common/models';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';

/** Where in a session's life an error happened; the same low-level error means different things. */
export interface ErrorContext {
  readonly phase: 'connect' | 'login' | 'command';
  readonly mode: FtpsMode;
}

const TOO_MANY = /too many|maximum (number of )?(connections|clients|users)|connection limit|max.*(connections|clients)|per ip/i;
const TLS_REQUIRED = /encrypt|ssl|tls|cleartext|secure/i;

/**
 * basic-ftp names the socket an error came from: which connection broke is what a person needs to know (a
 * firewall, or a server that resets data connections, is not a dropped session).
 */
function whichConnection(message: string): 'data' | 'control' {
  return /\(data socket\)/.test(message) ? 'data' : 'control';
}

/**
 * Turns whatever basic-ftp, Node's net/tls or the server threw into a WharfError with a kind and one line
 * a person can act on. Server replies keep their code; messages never contain the password because no
 * command text carrying it is ever included.
 */
export function toWharfError(err: unknown, context: ErrorContext): WharfError {
  if (err instanceof WharfError) return err;
  if (err instanceof FTPError) return fromReply(err, context);
  const error = err instanceof Error ? err : new Error(String(err));
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const message = withoutOpenSslDump(error.message);
  const cause = { cause: error };

  if (/User closed client/i.test(message)) return new WharfError('cancelled', t('errors.cancelled'), cause);
  if (message.startsWith('Client is closed because ')) {
    return toWharfError(Object.assign(new Error(message.replace('Client is closed because ', '')), { code }), context);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new WharfError('dns', t('errors.dns', { code }), cause);
  if (code === 'ECONNREFUSED') {
    return new WharfError('refused', t('errors.refused', { mode: context.mode }), cause);
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new WharfError('refused', t('errors.unreachable', { code }), cause);
  if (/Timeout \(data socket\)|data connection/i.test(message) && /timeout/i.test(message)) {
    return new WharfError('timeout', t('errors.dataStalled'), cause);
  }
  if (code === 'ETIMEDOUT' || /timeout/i.test(message)) {
    if (context.phase === 'connect' && context.mode === 'explicit') {
      return new WharfError('timeout', t('errors.noGreetingMaybeImplicit'), cause);
    }
    return new WharfError('timeout', t('errors.noAnswer'), cause);
  }
  // Node's words for a close or reset while TLS was set up: a lost connection (retried), not a TLS failure.
  if (code === 'ECONNRESET' && /disconnected before secure TLS connection/i.test(message)) {
    return new WharfError('connection-lost', t('errors.closedDuringHandshake', { connection: whichConnection(message) }), cause);
  }
  const tlsError = /ssl|tls|wrong version number|packet length too long|handshake|certificate|alert|bad record/i.test(message) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS');
  if (tlsError && context.phase === 'command') {
    // The handshake succeeded long ago: garbage on an established TLS connection means it broke (vsftpd
    // whose master died writes "500 OOPS" in clear). A new connection is the cure, so it is retried.
    return new WharfError('connection-lost', t('errors.encryptedBroke', { reason: message }), cause);
  }
  if (tlsError) {
    if (context.phase === 'connect' && context.mode === 'implicit' && /wrong version number|packet length too long|unknown protocol|http request/i.test(message)) {
      return new WharfError('tls-handshake', t('errors.plainOnImplicitPort'), cause);
    }
    if (/unsupported protocol|protocol version|no protocols available/i.test(message)) {
      return new WharfError('tls-handshake', t('errors.noSharedTlsVersion'), cause);
    }
    return new WharfError('tls-handshake', t('errors.handshakeFailed', { reason: message }), cause);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || /closed connection unexpectedly|socket closed|ended by the other party|sent FIN packet unexpectedly/i.test(message)) {
    return new WharfError('connection-lost', t('errors.serverClosed', { connection: whichConnection(message), reason: code || message }), cause);
  }
  // Node's streams, when an upload's source is cut off because its data connection closed under it.
  if (code === 'ERR_STREAM_PREMATURE_CLOSE') return new WharfError('data-channel', t('errors.dataClosedEarly'), cause);
  if (code === 'ENOSPC') return new WharfError('local-io', t('errors.diskFull'), cause);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new WharfError('local-io', t('errors.localPermission', { code }), cause);
  if (code === 'ENOENT') return new WharfError('local-io', t('errors.localMissing', { reason: error.message }), cause);
  // basic-ftp's caps against a hostile or broken server (maxListingBytes, its 64 KiB reply limit).
  if (/StringWriter: Maximum bytes exceeded/.test(message)) {
    return new WharfError('ftp', t('errors.listingTooLarge'), cause);
  }
  if (/control response exceeded maximum allowed size/.test(message)) {
    return new WharfError('ftp', t('errors.replyTooLong'), cause);
  }
  return new WharfError('internal', message, cause);
}

/**
 * OpenSSL's error queue as Node passes it on: `C0E7...:error:0A00010B:SSL routines:ssl3_get_record:wrong
 * version number:../ssl/record/ssl3_record.c:354:` and a line break, one such line per queued error. A
 * person needs only the reason ("wrong version number"); the rest is a source location.
 */
export function withoutOpenSslDump(message: string): string {
  const reasons: string[] = [];
  const rest = message.replace(/[0-9A-F]{8,}:error:[0-9A-F]{6,}:[^:\n]*:[^:\n]*:([^:\n]+)(?::[^\s:]*:\d+:?)?([^\n]*)\n?/g, (_all, reason: string, extra: string) => {
    const said = extra.trim() === '' ? reason.trim() : `${reason.trim()} (${extra.trim()})`;
    if (!reasons.includes(said)) reasons.push(said);
    return '';
  });
  const text = rest.trim().replace(/[:\s]+$/, '');
  if (reasons.length === 0) return text;
  return text === '' ? reasons.join('; ') : `${text}: ${reasons.join('; ')}`;
}

function fromReply(err: FTPError, context: ErrorContext): WharfError {
  const code = err.code;
  const text = err.message.replace(/^\d{3}[ -]?/, '').trim();
  const options = { code, cause: err };
  if (code === 421 || ((code === 530 || code === 550) && TOO_MANY.test(text))) {
    if (TOO_MANY.test(text)) return new WharfError('too-many-connections', t('errors.tooManyConnections', { reply: text }), options);
    if (context.mode === 'plain' && TLS_REQUIRED.test(text)) return tlsRequired(text, options);
    return new WharfError('connection-lost', t('errors.sessionEnded', { reply: text }), options);
  }
  if (context.phase === 'login') {
    if (context.mode === 'plain' && TLS_REQUIRED.test(text)) return tlsRequired(text, options);
    if (code === 530 || code === 430 || code === 332) return new WharfError('auth', t('errors.loginRefused', { reply: text }), options);
  }
  if (code === 522 || /session reuse/i.test(text)) {
    return new WharfError('data-channel', t('errors.sessionNotResumed', { reply: text }), options);
  }
  if (code === 425 || code === 426) return new WharfError('data-channel', t('errors.dataFailed', { reply: text }), options);
  return new WharfError('ftp', `${code} ${text}`, options);
}

function tlsRequired(text: string, options: { code: number; cause: unknown }): WharfError {
  return new WharfError('tls-required', t('errors.tlsRequired', { reply: text }), options);
}
