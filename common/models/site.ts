/**
 * How the control connection is secured. `explicit` (RFC 4217, AUTH TLS on port 21) is the standard;
 * `implicit` (TLS from the first byte, port 990) is legacy and in no RFC; `plain` sends everything,
 * password included, unencrypted and is used only when a site asks for it.
 */
export type FtpsMode = 'explicit' | 'implicit' | 'plain';

/** Every mode, in the order the site manager offers them. */
export const FTPS_MODES: readonly FtpsMode[] = ['explicit', 'implicit', 'plain'];

/**
 * The one name of each mode, wherever the app or the CLI shows it (quick connect, notices, the doctor,
 * the site manager, imports), so a user meets the same three words everywhere.
 */
export const PROTOCOL_NAMES: Readonly<Record<FtpsMode, string>> = { explicit: 'FTPS explicit', implicit: 'FTPS implicit', plain: 'FTP (unencrypted)' };

/** Who opens data connections: the client (passive, EPSV/PASV) or the server (active, EPRT/PORT). */
export type DataConnectionMode = 'passive' | 'active';

/** The lowest TLS version a site accepts. TLS 1.2 is our floor; 1.3 is preferred whenever offered. */
export type MinTlsVersion = 'TLSv1.2' | 'TLSv1.3';

/** The default port for a mode: 990 for implicit FTPS, 21 otherwise. */
export function defaultPortFor(mode: FtpsMode): number {
  return mode === 'implicit' ? 990 : 21;
}

/** Where to connect and how: the part of a site that the engine needs, without the password. */
export interface ConnectionTarget {
  readonly host: string;
  /** default 21, or 990 for implicit FTPS */
  readonly port: number;
  readonly mode: FtpsMode;
  readonly user: string;
  /** default passive */
  readonly dataMode: DataConnectionMode;
  /** default TLSv1.2 */
  readonly minTlsVersion: MinTlsVersion;
  /** Listing times are shifted by this many minutes (servers that report local time). default 0 */
  readonly timezoneOffsetMinutes: number;
  /** Control connection and listing charset: 'utf8' (default) or a legacy one such as 'latin1'. */
  readonly encoding: string;
  /**
   * Whether the connection may go on when the server refuses PROT P, with file contents and listings
   * unencrypted (the control connection still is). default false: such a server is refused with an error.
   */
  readonly allowClearData?: boolean;
}
