import type { EntryType } from '../../common/models';
import {
  IGNORED, byteCount, finiteOr0, hasLineBreak, isBlankCode, isDigitCode, skipBlanks, tokenize, utcIso,
  type LineResult, type ListTimeOptions, type Token,
} from './listing-lines';

/* Unix `ls -l` lines (vsftpd, proftpd, pure-ftpd and look-alikes). */

/** A listing line that `ls` prints a time of day for is at most this far in the future; else last year. */
const RECENT_FUTURE_MS = 183 * 24 * 60 * 60 * 1000;

const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
    // German and French `ls` in a server's locale (proftpd and pure-ftpd inherit LC_TIME).
    'mär': 3, mrz: 3, mai: 5, okt: 10, dez: 12,
    janv: 1, 'févr': 2, fevr: 2, mars: 3, avr: 4, juin: 6, juil: 7, 'août': 8, aout: 8, 'déc': 12,
  }),
);

export function parseUnixInternal(text: string, options: ListTimeOptions): LineResult {
  if (hasLineBreak(text)) return null;
  const n = text.length;
  let i = skipBlanks(text, 0);
  // `ls -i` / `ls -s` put an inode number or a block count before the type letter.
  while (i < n && isDigitCode(text.charCodeAt(i))) {
    let j = i;
    while (j < n && isDigitCode(text.charCodeAt(j))) j++;
    if (j >= n || !isBlankCode(text.charCodeAt(j))) return null;
    i = skipBlanks(text, j);
  }
  if (i >= n) return null;
  const type = unixType(text[i] as string);
  if (type === null) return null;
  const permissions = readPermissions(text, i + 1);
  if (permissions === null) return null;
  let p = i + 1 + permissions.length;
  // An ACL mark after the permissions: `+` (POSIX ACL), `.` (SELinux context), `@` (macOS xattrs).
  if (p < n && (text[p] === '+' || text[p] === '.' || text[p] === '@')) p++;
  if (p >= n || !isBlankCode(text.charCodeAt(p))) return null;

  const tokens = tokenize(text, p);
  const found = findDate(tokens, options);
  if (found === null) return null;
  const { dateIndex, sizeIndex, lastDateIndex, modifiedAt } = found;
  const last = tokens[lastDateIndex] as Token;
  // `ls` prints exactly one space between the time (or the right-aligned year) and the name; more
  // spaces belong to the name (leading spaces are legal on Unix).
  const nameStart = last.end + 1;
  if (nameStart >= n) return null;
  let name = text.slice(nameStart);
  let linkTarget: string | null = null;
  if (type === 'symlink') {
    const arrow = name.indexOf(' -> ');
    if (arrow > 0) {
      linkTarget = name.slice(arrow + 4);
      name = name.slice(0, arrow);
    }
  }
  if (name === '.' || name === '..') return IGNORED;

  const sizeToken = (tokens[sizeIndex] as Token).text;
  // A device file prints `major, minor` where the size would be.
  const isDevice = sizeToken.includes(',') || sizeIndex + 1 < dateIndex;
  const fields = tokens.slice(0, sizeIndex).map((t) => t.text);
  const { owner, group } = ownerAndGroup(fields);
  return {
    name,
    type,
    size: isDevice ? 0 : (byteCount(sizeToken) ?? 0),
    modifiedAt,
    permissions: permissions.length === 9 ? permissions : `${permissions}-`,
    owner,
    group,
    linkTarget,
  };
}

/**
 * `-` and `f` are files, `d` folders, `l` symlinks. Device files (`b`, `c`), pipes, sockets, Solaris
 * doors and others are `unknown`: downloading `/dev/zero` as a file would never end.
 */
function unixType(c: string): EntryType | null {
  if (c === '-' || c === 'f') return 'file';
  if (c === 'd') return 'directory';
  if (c === 'l') return 'symlink';
  if ('bcpsDnwe'.includes(c)) return 'unknown';
  return null;
}

/** Nine permission letters; eight are accepted before a blank (a server whose `drw-r--rw` lacks the last). */
function readPermissions(text: string, start: number): string | null {
  const allowed = ['r-', 'w-', 'xsStTlL-'];
  let k = 0;
  while (k < 9) {
    const c = text[start + k];
    if (c === undefined || !(allowed[k % 3] as string).includes(c)) break;
    k++;
  }
  if (k === 9) return text.slice(start, start + 9);
  if (k === 8 && start + 8 < text.length && isBlankCode(text.charCodeAt(start + 8))) return text.slice(start, start + 8);
  return null;
}

interface FoundDate {
  readonly sizeIndex: number;
  readonly dateIndex: number;
  readonly lastDateIndex: number;
  readonly modifiedAt: string | null;
}

/**
 * Finds the size and the date, the only fixed landmarks of an `ls -l` line: owner and group may be
 * missing or numeric, and the name may contain anything, so we take the first place from the left where
 * a size is followed by a date. Dates: `Mon DD HH:MM`, `Mon DD YYYY`, `DD Mon ...` (some European
 * locales), `YYYY-MM-DD HH:MM` (`--time-style=long-iso`) and `YYYY-MM-DD HH:MM:SS.n +ZZZZ` (full-iso).
 */
function findDate(tokens: readonly Token[], options: ListTimeOptions): FoundDate | null {
  for (let k = 1; k + 1 < tokens.length; k++) {
    const sizeIndex = sizeIndexBefore(tokens, k);
    if (sizeIndex === null) continue;
    const a = (tokens[k] as Token).text;
    const b = (tokens[k + 1] as Token).text;
    const c = tokens[k + 2]?.text;
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(a);
    if (iso !== null && isClock(b)) {
      const zone = c !== undefined && /^[+-]\d{4}$/.test(c) && /:\d{2}:\d{2}/.test(b) ? c : null;
      const zoneMinutes = zone === null ? options.timezoneOffsetMinutes : zoneToMinutes(zone);
      const clock = parseClock(b);
      const modifiedAt = clock === null
        ? null
        : utcIso(Number(iso[1]), Number(iso[2]), Number(iso[3]), clock.h, clock.m, clock.s, clock.ms, zoneMinutes);
      return { sizeIndex, dateIndex: k, lastDateIndex: zone === null ? k + 1 : k + 2, modifiedAt };
    }
    if (c === undefined || !isYearOrClock(c)) continue;
    let month: string | null = null;
    let day: string | null = null;
    if (isMonthWord(a) && isDay(b)) [month, day] = [a, b];
    else if (isDay(a) && isMonthWord(b)) [month, day] = [b, a];
    if (month === null || day === null) continue;
    return { sizeIndex, dateIndex: k, lastDateIndex: k + 2, modifiedAt: unixDate(month, day, c, options) };
  }
  return null;
}

/** The size token before position k: digits, or a device's `major, minor` (`1,   3` or `8,0`). */
function sizeIndexBefore(tokens: readonly Token[], k: number): number | null {
  const before = (tokens[k - 1] as Token).text;
  if (/^\d+,\d+$/.test(before)) return k - 1;
  if (!/^\d+$/.test(before)) return null;
  if (k >= 2 && /^\d+,$/.test((tokens[k - 2] as Token).text)) return k - 2;
  return k - 1;
}

/**
 * Owner and group from what lies between the permissions and the size. vsftpd prints numeric ids by
 * default; some embedded servers drop the group, a few drop the link count.
 */
function ownerAndGroup(fields: readonly string[]): { owner: string | null; group: string | null } {
  const [first, ...others] = fields;
  if (first === undefined) return { owner: null, group: null };
  const startsWithLinkCount = /^\d+$/.test(first);
  if (fields.length === 1) return startsWithLinkCount ? { owner: null, group: null } : { owner: first, group: null };
  const rest = startsWithLinkCount ? others : fields;
  const [owner, ...groupWords] = rest as [string, ...string[]];
  // Owner and group names with spaces (Windows servers imitating ls) cannot be told apart: the first
  // word is the owner.
  return { owner, group: groupWords.length === 0 ? null : groupWords.join(' ') };
}

function isMonthWord(token: string): boolean {
  // Known month names, or any short word (a locale we do not know: the entry keeps a null date).
  return /^\p{L}{3,5}\.?$/u.test(token);
}

function monthNumber(token: string): number | null {
  const key = token.toLowerCase().replace(/\.$/, '');
  return MONTHS.get(key) ?? MONTHS.get(key.slice(0, 3)) ?? null;
}

function isDay(token: string): boolean {
  const match = /^(\d{1,2})\.?$/.exec(token);
  return match !== null && Number(match[1]) >= 1 && Number(match[1]) <= 31;
}

function isClock(token: string): boolean {
  return /^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(token);
}

function isYearOrClock(token: string): boolean {
  return /^\d{4}$/.test(token) || isClock(token);
}

function parseClock(token: string): { h: number; m: number; s: number; ms: number } | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(token);
  if (match === null) return null;
  const ms = match[4] === undefined ? 0 : Number(match[4].slice(0, 3).padEnd(3, '0'));
  return { h: Number(match[1]), m: Number(match[2]), s: match[3] === undefined ? 0 : Number(match[3]), ms };
}

function zoneToMinutes(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
}

/**
 * `Mon DD YYYY` is midnight server time. `Mon DD HH:MM` has no year: `ls` prints it for files of the
 * last six months, so it is this year unless that lands more than about six months ahead of `now`.
 */
function unixDate(monthToken: string, dayToken: string, yearOrClock: string, options: ListTimeOptions): string | null {
  const month = monthNumber(monthToken);
  if (month === null) return null;
  const day = Number(dayToken.replace('.', ''));
  const offset = finiteOr0(options.timezoneOffsetMinutes);
  if (/^\d{4}$/.test(yearOrClock)) return utcIso(Number(yearOrClock), month, day, 0, 0, 0, 0, offset);
  const clock = parseClock(yearOrClock);
  const nowMs = options.now.getTime();
  if (clock === null || !Number.isFinite(nowMs)) return null;
  const serverYear = new Date(nowMs + offset * 60_000).getUTCFullYear();
  const thisYear = utcIso(serverYear, month, day, clock.h, clock.m, clock.s, 0, offset);
  if (thisYear !== null && Date.parse(thisYear) - nowMs <= RECENT_FUTURE_MS) return thisYear;
  return utcIso(serverYear - 1, month, day, clock.h, clock.m, clock.s, 0, offset);
}
