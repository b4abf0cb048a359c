import type { RemoteEntry } from '../../common/models';
import { parseDosInternal } from './listing-dos';
import {
  IGNORED, isBlank, isBlankCode, isDigitCode, skipBlanks, splitLines, stripLineEnd,
  type LineResult, type ListTimeOptions,
} from './listing-lines';
import { parseMlsdInternal, parseMlsdLines } from './listing-mlsd';
import { parseUnixInternal } from './listing-unix';

/*
 * Directory listings, parsed into plain `RemoteEntry` data. This module picks the format; the parsers
 * live in listing-mlsd.ts, listing-unix.ts and listing-dos.ts, their shared pieces in listing-lines.ts.
 *
 * Every parser scans its line once, left to right, and only runs small anchored regular expressions
 * on single whitespace-free tokens: a hostile server cannot make one line cost more than linear time
 * (basic-ftp had to bound its Unix regex for exactly that reason).
 *
 * A listing is framed by line breaks, so a line that still holds a CR or LF after its line ending was
 * removed has no trustworthy name: it is skipped, and no entry name ever contains CR or LF.
 */

/** Which command produced a listing: `mlsd` (RFC 3659 facts) or `list` (Unix `ls -l` or DOS/IIS text). */
export type ListingFormat = 'mlsd' | 'list';

export type { ListTimeOptions } from './listing-lines';
export { parseMlstFacts, type MlstFacts } from './listing-mlsd';

/** Options of `parseListing`. */
export interface ParseListingOptions extends ListTimeOptions {
  /** Which command produced the text; when omitted, MLSD is recognised by its `fact=value;` lines. */
  readonly format?: ListingFormat;
  /** Called with each non-blank line that could not be parsed, so it can be logged instead of vanishing. */
  readonly onSkippedLine?: (line: string) => void;
}

/**
 * Parses a whole directory listing. Blank lines, `total N`, `.` and `..` are dropped; lines that cannot
 * be read are skipped (and reported through `onSkippedLine`), never guessed at.
 */
export function parseListing(text: string, options: ParseListingOptions): RemoteEntry[] {
  const lines = splitLines(text);
  const format = options.format ?? detectFormat(lines);
  if (format === 'mlsd') return parseMlsdLines(lines, options.onSkippedLine);
  const entries: RemoteEntry[] = [];
  for (const line of lines) {
    if (isBlank(line) || isTotalLine(line)) continue;
    const result = parseListLine(line, options);
    if (result === IGNORED) continue;
    if (result === null) options.onSkippedLine?.(line);
    else entries.push(result);
  }
  return entries;
}

/**
 * Parses an MLSD listing on its own. OS.unix=symlink entries without a target get one from the entry
 * with the same `unique` fact, as the RFC 3659 errata suggests; such a target listed by path (with `/`,
 * outside this folder) is then dropped. Other names with `/` are kept so name checks can report them.
 */
export function parseMlsdListing(text: string, onSkippedLine?: (line: string) => void): RemoteEntry[] {
  return parseMlsdLines(splitLines(text), onSkippedLine);
}

/** One MLSD line (`fact=value;fact=value; name`) as an entry; null for `.`/`..`/cdir/pdir or unreadable lines. */
export function parseMlsdLine(line: string): RemoteEntry | null {
  const result = parseMlsdInternal(stripLineEnd(line));
  return result === IGNORED || result === null ? null : result.entry;
}

/** One Unix `ls -l` line (vsftpd, proftpd, pure-ftpd and look-alikes) as an entry; null when unreadable or `.`/`..`. */
export function parseUnixLine(line: string, options: ListTimeOptions): RemoteEntry | null {
  const result = parseUnixInternal(stripLineEnd(line), options);
  return result === IGNORED ? null : result;
}

/** One DOS/IIS line (`MM-DD-YY  HH:MMAM  <DIR>  name`) as an entry; null when unreadable or `.`/`..`. */
export function parseDosLine(line: string, options: Pick<ListTimeOptions, 'timezoneOffsetMinutes'>): RemoteEntry | null {
  const result = parseDosInternal(stripLineEnd(line), options.timezoneOffsetMinutes);
  return result === IGNORED ? null : result;
}

// ---------------------------------------------------------------------------------------------------
// Format detection

/**
 * One line of a LIST listing (Unix or DOS/IIS) as `parseListing` reads it: blank lines and `total N` are
 * IGNORED, null is a line that could not be read. For readers that see a listing line by line (listing-stream.ts).
 */
export function parseListTextLine(line: string, options: ListTimeOptions): LineResult {
  return isBlank(line) || isTotalLine(line) ? IGNORED : parseListLine(line, options);
}

/** `ls -l` starts with `total 112` (GNU ls in German: `insgesamt 112`). */
function isTotalLine(line: string): boolean {
  return /^\s*(?:total|insgesamt)\s+\d/i.test(line);
}

/** True for an MLSD fact line: a fact name without blanks, `=`, then `;` before any blank after it. */
function looksLikeMlsd(line: string): boolean {
  const eq = line.indexOf('=');
  if (eq <= 0) return false;
  for (let i = 0; i < eq; i++) if (isBlankCode(line.charCodeAt(i)) || line[i] === ';') return false;
  const semicolon = line.indexOf(';', eq);
  return semicolon > eq;
}

function detectFormat(lines: readonly string[]): ListingFormat {
  const first = lines.find((l) => !isBlank(l) && !isTotalLine(l));
  return first !== undefined && looksLikeMlsd(first) ? 'mlsd' : 'list';
}

/** A LIST line: DOS/IIS lines start with a date, Unix ones with a type letter (or an `ls -i` number). */
function parseListLine(line: string, options: ListTimeOptions): LineResult {
  const start = skipBlanks(line, 0);
  if (start < line.length && isDigitCode(line.charCodeAt(start))) {
    const dos = parseDosInternal(line, options.timezoneOffsetMinutes);
    if (dos !== null) return dos;
  }
  return parseUnixInternal(line, options);
}
