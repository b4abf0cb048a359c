import type { RemoteEntry } from '../../common/models';

/*
 * What the listing parsers (listing.ts, listing-mlsd.ts, listing-unix.ts, listing-dos.ts) share: line
 * framing, tokens, byte counts and UTC times.
 */

/**
 * How to read the times of a LIST listing.
 *
 * Unix and DOS/IIS listings print times in the server's local time zone, which FTP never tells us, so
 * the site carries an offset. MLSD and MLST times are UTC by definition (RFC 3659 section 2.3) and are
 * never shifted: a server that puts local time in `modify=` is broken, and correcting it would break
 * every conforming server the same site profile might point at later.
 */
export interface ListTimeOptions {
  /**
   * How many minutes the server's local clock is ahead of UTC: 120 for a server on CEST, -300 for EST.
   * Subtracted from Unix and DOS/IIS times to get UTC. default 0: a server that lists in UTC, such as
   * vsftpd with its default `use_localtime=NO`.
   */
  readonly timezoneOffsetMinutes: number;
  /** The current instant. `ls -l` omits the year of recent files; we infer it relative to this. */
  readonly now: Date;
}

/** Lines deliberately left out (`.`, `..`, `cdir`, `pdir`), as opposed to lines we could not read. */
export const IGNORED = Symbol('ignored');
export type LineResult = RemoteEntry | typeof IGNORED | null;

export function splitLines(text: string): string[] {
  // RFC 959 says CRLF; pure-ftpd and others send bare LF in some modes. A lone CR stays in the line and
  // makes it unreadable (see the file comment of listing.ts).
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

export function stripLineEnd(line: string): string {
  if (line.endsWith('\r\n')) return line.slice(0, -2);
  if (line.endsWith('\n') || line.endsWith('\r')) return line.slice(0, -1);
  return line;
}

export function hasLineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Digits as a byte count; null past 2^53 (a hostile `size=999…9` would otherwise become Infinity). */
export function byteCount(digits: string): number | null {
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : null;
}

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function tokenize(text: string, from: number, limit = Infinity): Token[] {
  const tokens: Token[] = [];
  let i = from;
  const n = text.length;
  while (i < n && tokens.length < limit) {
    i = skipBlanks(text, i);
    if (i >= n) break;
    let j = i;
    while (j < n && !isBlankCode(text.charCodeAt(j))) j++;
    tokens.push({ start: i, end: j, text: text.slice(i, j) });
    i = j;
  }
  return tokens;
}

export function finiteOr0(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** A wall-clock time `offsetMinutes` ahead of UTC as an ISO string in UTC; null when not a real time. */
export function utcIso(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  date.setUTCHours(h, mi, s, ms);
  const time = date.getTime() - finiteOr0(offsetMinutes) * 60_000;
  if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) return null;
  return new Date(time).toISOString();
}

export function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBlankCode(text.charCodeAt(i))) i++;
  return i;
}

export function isBlankCode(code: number): boolean {
  return code === 32 || code === 9;
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}
