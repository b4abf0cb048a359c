import { FTPError } from 'basic-ftp';
import type { FtpsMode } from '../../common/models';
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
function whichConnection(message: string): string {
  return /\(data socket\)/.test(message) ? 'data connection' : 'connection';
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

  if (/User closed client/i.test(message)) return new WharfError('cancelled', 'The operation was cancelled.', cause);
  if (message.startsWith('Client is closed because ')) {
    return toWharfError(Object.assign(new Error(message.replace('Client is closed because ', '')), { code }), context);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new WharfError('dns', `The host name could not be resolved (${code}).`, cause);
  if (code === 'ECONNREFUSED') {
    return new WharfError('refused', `The server refused the connection: nothing listens on that port${context.mode === 'implicit' ? ' (implicit FTPS usually uses port 990)' : ''}.`, cause);
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new WharfError('refused', `The host cannot be reached (${code}).`, cause);
  if (/Timeout \(data socket\)|data connection/i.test(message) && /timeout/i.test(message)) {
    return new WharfError('timeout', 'The data connection stopped moving: a firewall or NAT may block it, or the server stalled.', cause);
  }
  if (code === 'ETIMEDOUT' || /timeout/i.test(message)) {
    if (context.phase === 'connect' && context.mode === 'explicit') {
      return new WharfError('timeout', 'The server did not greet us in time. If it expects implicit FTPS (TLS from the first byte, usually port 990), choose "FTPS, implicit".', cause);
    }
    return new WharfError('timeout', 'The server did not answer in time.', cause);
  }
  // Node's words for a close or reset while TLS was set up: a lost connection (retried), not a TLS failure.
  if (code === 'ECONNRESET' && /disconnected before secure TLS connection/i.test(message)) {
    return new WharfError('connection-lost', `The server closed the ${whichConnection(message)} during the TLS handshake (ECONNRESET).`, cause);
  }
  const tlsError = /ssl|tls|wrong version number|packet length too long|handshake|certificate|alert|bad record/i.test(message) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS');
  if (tlsError && context.phase === 'command') {
    // The handshake succeeded long ago: garbage on an established TLS connection means it broke (vsftpd
    // whose master died writes "500 OOPS" in clear). A new connection is the cure, so it is retried.
    return new WharfError('connection-lost', `The encrypted connection broke: ${message}`, cause);
  }
  if (tlsError) {
    if (context.phase === 'connect' && context.mode === 'implicit' && /wrong version number|packet length too long|unknown protocol|http request/i.test(message)) {
      return new WharfError('tls-handshake', 'The server answered in plain text, not TLS: this port expects explicit FTPS (ftpes://, usually port 21) or plain FTP, not implicit FTPS. Choose "FTPS, explicit (AUTH TLS)".', cause);
    }
    if (/unsupported protocol|protocol version|no protocols available/i.test(message)) {
      return new WharfError('tls-handshake', 'The server and Wharf share no TLS version: Wharf requires TLS 1.2 or newer.', cause);
    }
    return new WharfError('tls-handshake', `The TLS handshake failed: ${message}`, cause);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || /closed connection unexpectedly|socket closed|ended by the other party|sent FIN packet unexpectedly/i.test(message)) {
    return new WharfError('connection-lost', `The server closed the ${whichConnection(message)} (${code || message}).`, cause);
  }
  // Node's streams, when an upload's source is cut off because its data connection closed under it.
  if (code === 'ERR_STREAM_PREMATURE_CLOSE') return new WharfError('data-channel', 'The data connection closed before the transfer finished.', cause);
  if (code === 'ENOSPC') return new WharfError('local-io', 'The local disk is full.', cause);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new WharfError('local-io', `Permission denied on the local file system (${code}).`, cause);
  if (code === 'ENOENT') return new WharfError('local-io', `A local file or folder does not exist (${error.message}).`, cause);
  // basic-ftp's caps against a hostile or broken server (maxListingBytes, its 64 KiB reply limit).
  if (/StringWriter: Maximum bytes exceeded/.test(message)) {
    return new WharfError('ftp', 'The folder listing is larger than 40 MiB: Wharf stopped reading it (a folder too large to list, or a broken server).', cause);
  }
  if (/control response exceeded maximum allowed size/.test(message)) {
    return new WharfError('ftp', 'The server sent a reply longer than 64 KiB: Wharf closed the connection (a broken or hostile server).', cause);
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
    if (TOO_MANY.test(text)) return new WharfError('too-many-connections', `The server refuses more connections from this address: ${text}`, options);
    if (context.mode === 'plain' && TLS_REQUIRED.test(text)) return tlsRequired(text, options);
    return new WharfError('connection-lost', `The server ended the session: ${text}`, options);
  }
  if (context.phase === 'login') {
    if (context.mode === 'plain' && TLS_REQUIRED.test(text)) return tlsRequired(text, options);
    if (code === 530 || code === 430 || code === 332) return new WharfError('auth', `Login refused: ${text}`, options);
  }
  if (code === 522 || /session reuse/i.test(text)) {
    return new WharfError('data-channel', `The server requires the data connection to resume the control connection's TLS session, and it was not resumed: ${text}`, options);
  }
  if (code === 425 || code === 426) return new WharfError('data-channel', `The data connection failed: ${text}`, options);
  return new WharfError('ftp', `${code} ${text}`, options);
}

function tlsRequired(text: string, options: { code: number; cause: unknown }): WharfError {
  return new WharfError('tls-required', `The server requires FTPS and refused a plain FTP login: ${text} Choose "FTPS, explicit (AUTH TLS)".`, options);
}
