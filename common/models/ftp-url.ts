/**
 * The one reader of ftp://, ftps:// and ftpes:// URLs, for the command line and the app's protocol links.
 * Pure (WHATWG `URL`, no Node). The schemes mean what FileZilla, WinSCP and curl take them to mean:
 * `ftpes` explicit FTPS (AUTH TLS, port 21), `ftps` implicit FTPS (TLS from the first byte, port 990),
 * `ftp` plain FTP (port 21). The path is absolute, from the server's root; every part is %-decoded, and a
 * malformed escape or a control character (a CR or LF would start a second FTP command) is refused.
 */
import { defaultPortFor, type FtpsMode } from './site';
import { hasControlCharacters } from './site-profile';

export type FtpUrlScheme = 'ftp' | 'ftps' | 'ftpes';

/** What each scheme connects with. */
export const FTP_URL_MODES: Readonly<Record<FtpUrlScheme, FtpsMode>> = { ftpes: 'explicit', ftps: 'implicit', ftp: 'plain' };

/** A parsed URL: every part decoded. */
export interface FtpUrl {
  readonly scheme: FtpUrlScheme;
  readonly mode: FtpsMode;
  /** As written, without an IPv6 address's brackets. */
  readonly host: string;
  /** The URL's port, or the scheme's default. */
  readonly port: number;
  /** '' when the URL names no user. */
  readonly user: string;
  /** null when the URL carries none, or when it was not read (`readPassword: false`). */
  readonly password: string | null;
  /** The URL carries a password (read or not). */
  readonly hasPassword: boolean;
  /** Absolute: '/' when the URL has no path. Query and fragment are not part of it. */
  readonly path: string;
}

/** Which part of a URL a problem is in, as a message names it. */
export type FtpUrlPart = 'user name' | 'password' | 'path';

/** Why a text is not an FTP URL. */
export type FtpUrlProblem =
  | { readonly reason: 'not-a-url' }
  | { readonly reason: 'unknown-scheme'; readonly scheme: string }
  | { readonly reason: 'no-host' }
  | { readonly reason: 'bad-port' }
  | { readonly reason: 'malformed-escape'; readonly part: FtpUrlPart }
  | { readonly reason: 'control-character'; readonly part: FtpUrlPart };

export type FtpUrlResult = { readonly ok: true; readonly url: FtpUrl } | { readonly ok: false; readonly problem: FtpUrlProblem };

const SCHEME_PREFIX = /^(ftpes|ftps|ftp):\/\//i;

/** True when the text starts like an FTP URL (one of the three schemes, then `//`). */
export function isFtpUrl(text: string): boolean {
  return SCHEME_PREFIX.test(text);
}

/**
 * Reads an FTP URL; a text that is not one is a problem saying why, never an exception. With
 * `readPassword: false` a password is only noted, not decoded (a link's is ignored whatever it holds).
 */
export function parseFtpUrl(text: string, options: { readonly readPassword?: boolean } = {}): FtpUrlResult {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: { reason: 'not-a-url' } };
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (!(scheme in FTP_URL_MODES)) return { ok: false, problem: { reason: 'unknown-scheme', scheme: url.protocol } };
  const mode = FTP_URL_MODES[scheme as FtpUrlScheme];
  // ftp URLs are not "special" for WHATWG URL: the host is kept as written, an IPv6 one in brackets.
  if (url.hostname.length === 0) return { ok: false, problem: { reason: 'no-host' } };
  const path = decodePart(url.pathname || '/', 'path');
  if (!path.ok) return path;
  const port = url.port === '' ? defaultPortFor(mode) : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, problem: { reason: 'bad-port' } };
  const user = decodePart(url.username, 'user name');
  if (!user.ok) return user;
  const password = url.password === '' || options.readPassword === false ? null : decodePart(url.password, 'password');
  if (password !== null && !password.ok) return password;
  return {
    ok: true,
    url: {
      scheme: scheme as FtpUrlScheme,
      mode,
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port,
      user: user.value,
      password: password === null ? null : password.value,
      hasPassword: url.password !== '',
      path: path.value.startsWith('/') ? path.value : `/${path.value}`,
    },
  };
}

function decodePart(encoded: string, part: FtpUrlPart): { ok: true; value: string } | { ok: false; problem: FtpUrlProblem } {
  let value: string;
  try {
    value = decodeURIComponent(encoded);
  } catch {
    return { ok: false, problem: { reason: 'malformed-escape', part } };
  }
  if (hasControlCharacters(value)) return { ok: false, problem: { reason: 'control-character', part } };
  return { ok: true, value };
}
