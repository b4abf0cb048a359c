import type { EntryType, RemoteEntry } from '../../common/models';

/*
 * Directory listings, parsed into plain `RemoteEntry` data.
 *
 * Every parser here scans its line once, left to right, and only runs small anchored regular expressions
 * on single whitespace-free tokens: a hostile server cannot make one line cost more than linear time
 * (basic-ftp had to bound its Unix regex for exactly that reason).
 *
 * A listing is framed by line breaks, so a line that still holds a CR or LF after its line ending was
 * removed has no trustworthy name: it is skipped, and no entry name ever contains CR or LF.
 */

/** Which command produced a listing: `mlsd` (RFC 3659 facts) or `list` (Unix `ls -l` or DOS/IIS text). */
export type ListingFormat = 'mlsd' | 'list';

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

/** Options of `parseListing`. */
export interface ParseListingOptions extends ListTimeOptions {
  /** Which command produced the text; when omitted, MLSD is recognised by its `fact=value;` lines. */
  readonly format?: ListingFormat;
  /** Called with each non-blank line that could not be parsed, so it can be logged instead of vanishing. */
  readonly onSkippedLine?: (line: string) => void;
}

/** What `parseMlstFacts` reads from one MLST reply line (used for size and modification-time queries). */
export interface MlstFacts {
  /** The path as the server printed it after the facts, usually absolute. */
  readonly pathname: string;
  /** `cdir` and `pdir` count as `directory` here: `MLST .` on proftpd answers `type=cdir`. */
  readonly type: EntryType;
  /** Bytes from `size` (or `sizd`); null when the server sent neither, unlike a listing's 0. */
  readonly size: number | null;
  /** ISO 8601 in UTC from `modify`; null when absent or malformed. */
  readonly modifiedAt: string | null;
  /** From `UNIX.mode`, as `rwxr-xr-x`; null when absent. */
  readonly permissions: string | null;
  readonly owner: string | null;
  readonly group: string | null;
  readonly linkTarget: string | null;
  /** The RFC 3659 `perm` fact (such as `adfrw`): which FTP commands the server allows, not Unix bits. */
  readonly perm: string | null;
  /** The `unique` fact (device and inode on proftpd and pure-ftpd); null when absent. */
  readonly unique: string | null;
}

/** Lines deliberately left out (`.`, `..`, `cdir`, `pdir`), as opposed to lines we could not read. */
const IGNORED = Symbol('ignored');
type LineResult = RemoteEntry | typeof IGNORED | null;

/** A listing line that `ls` prints a time of day for is at most this far in the future; else last year. */
const RECENT_FUTURE_MS = 183 * 24 * 60 * 60 * 1000;

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

/**
 * Reads the facts of one MLST reply line, with or without its leading space, for size and time queries.
 * Given a whole multi-line reply, it reads the fact line (the one that starts with a space, RFC 3659 7.2).
 */
export function parseMlstFacts(line: string): MlstFacts | null {
  let text = line;
  if (/[\r\n]/.test(text)) {
    const lines = splitLines(text);
    text = lines.find((l) => l.startsWith(' ')) ?? lines.find((l) => !isBlank(l) && !/^\d{3}[ -]/.test(l)) ?? '';
  }
  if (text.startsWith(' ')) text = text.slice(1);
  if (hasLineBreak(text)) return null;
  const split = splitFacts(text);
  if (split === null || split.factsText === '' || split.name === '') return null;
  const facts = readFacts(split.factsText);
  if (facts.size === 0) return null;
  const kind = readType(facts);
  const type: EntryType = kind.type === 'cdir' || kind.type === 'pdir' ? 'directory' : kind.type;
  return {
    pathname: split.name,
    type,
    size: readSize(facts),
    modifiedAt: parseMlsxTime(facts.get('modify')),
    permissions: modeToPermissions(facts.get('unix.mode')),
    owner: firstFact(facts, 'unix.ownername', 'unix.owner', 'unix.uid'),
    group: firstFact(facts, 'unix.groupname', 'unix.group', 'unix.gid'),
    linkTarget: kind.linkTarget,
    perm: firstFact(facts, 'perm'),
    unique: firstFact(facts, 'unique'),
  };
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
// Lines

function splitLines(text: string): string[] {
  // RFC 959 says CRLF; pure-ftpd and others send bare LF in some modes. A lone CR stays in the line and
  // makes it unreadable (see the file comment).
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

function stripLineEnd(line: string): string {
  if (line.endsWith('\r\n')) return line.slice(0, -2);
  if (line.endsWith('\n') || line.endsWith('\r')) return line.slice(0, -1);
  return line;
}

function hasLineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}

function isBlank(line: string): boolean {
  return line.trim() === '';
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

// ---------------------------------------------------------------------------------------------------
// MLSD / MLST

interface MlsdParsed {
  readonly entry: RemoteEntry;
  readonly unique: string | null;
}

function parseMlsdLines(lines: readonly string[], onSkippedLine?: (line: string) => void): RemoteEntry[] {
  const parsed: MlsdParsed[] = [];
  for (const line of lines) {
    if (isBlank(line)) continue;
    const result = parseMlsdInternal(line);
    if (result === IGNORED) continue;
    if (result === null) onSkippedLine?.(line);
    else parsed.push(result);
  }
  // RFC 3659 errata 1500 style (proftpd without `FactsOptions UseSlink`, pure-ftpd when the target holds
  // `;`): the link says only `type=OS.unix=symlink`, its target shares the `unique` fact.
  const targets = new Map<string, string>();
  for (const p of parsed) {
    if (p.entry.type !== 'symlink' && p.unique !== null && !targets.has(p.unique)) targets.set(p.unique, p.entry.name);
  }
  const usedAsTarget = new Set<string>();
  const resolved = parsed.map((p) => {
    if (p.entry.type !== 'symlink' || p.entry.linkTarget !== null || p.unique === null) return p.entry;
    const target = targets.get(p.unique);
    if (target === undefined) return p.entry;
    usedAsTarget.add(target);
    return { ...p.entry, linkTarget: target };
  });
  return resolved.filter((e) => !(e.type !== 'symlink' && e.name.includes('/') && usedAsTarget.has(e.name)));
}

function parseMlsdInternal(text: string): MlsdParsed | typeof IGNORED | null {
  if (hasLineBreak(text)) return null;
  const split = splitFacts(text);
  if (split === null || split.name === '') return null;
  const facts = readFacts(split.factsText);
  // Text before the name that holds no `fact=value` at all is not MLSD (a stray `total 0`, a LIST line).
  if (split.factsText !== '' && facts.size === 0) return null;
  const kind = readType(facts);
  if (kind.type === 'cdir' || kind.type === 'pdir') return IGNORED;
  if (split.name === '.' || split.name === '..') return IGNORED;
  const entry: RemoteEntry = {
    name: split.name,
    type: kind.type,
    size: readSize(facts) ?? 0,
    modifiedAt: parseMlsxTime(facts.get('modify')),
    permissions: modeToPermissions(facts.get('unix.mode')),
    owner: firstFact(facts, 'unix.ownername', 'unix.owner', 'unix.uid'),
    group: firstFact(facts, 'unix.groupname', 'unix.group', 'unix.gid'),
    linkTarget: kind.linkTarget,
  };
  return { entry, unique: firstFact(facts, 'unique') };
}

/**
 * Splits `facts; name`. The facts end at the first `; ` (a `;` and the single space of RFC 3659 7.2),
 * not at the first space: proftpd's `type=OS.unix=slink:<target>` can hold spaces. A line starting with
 * a space has no facts. A server that omits the final `;` is split at its first space.
 */
function splitFacts(text: string): { factsText: string; name: string } | null {
  if (text.startsWith(' ')) return { factsText: '', name: text.slice(1) };
  const end = text.indexOf('; ');
  if (end >= 0) return { factsText: text.slice(0, end + 1), name: text.slice(end + 2) };
  const space = text.indexOf(' ');
  if (space < 0) return null;
  return { factsText: text.slice(0, space), name: text.slice(space + 1) };
}

/** Fact names are case-insensitive (`UNIX.mode` on proftpd and pure-ftpd, `unix.mode` elsewhere). */
function readFacts(factsText: string): Map<string, string> {
  const facts = new Map<string, string>();
  for (const fact of factsText.split(';')) {
    const eq = fact.indexOf('=');
    if (eq <= 0) continue;
    const name = fact.slice(0, eq).toLowerCase();
    if (!facts.has(name)) facts.set(name, fact.slice(eq + 1));
  }
  return facts;
}

function firstFact(facts: ReadonlyMap<string, string>, ...names: string[]): string | null {
  for (const name of names) {
    const value = facts.get(name);
    if (value !== undefined && value !== '') return value;
  }
  return null;
}

function readSize(facts: ReadonlyMap<string, string>): number | null {
  // pure-ftpd sends `sizd` instead of `size` for folders.
  const value = firstFact(facts, 'size', 'sizd');
  return value !== null ? byteCount(value) : null;
}

/** Digits as a byte count; null past 2^53 (a hostile `size=999…9` would otherwise become Infinity). */
function byteCount(digits: string): number | null {
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : null;
}

function readType(facts: ReadonlyMap<string, string>): { type: EntryType | 'cdir' | 'pdir'; linkTarget: string | null } {
  const value = facts.get('type');
  if (value === undefined) return { type: 'unknown', linkTarget: null };
  const lower = value.toLowerCase();
  if (lower === 'file') return { type: 'file', linkTarget: null };
  if (lower === 'dir') return { type: 'directory', linkTarget: null };
  if (lower === 'cdir' || lower === 'pdir') return { type: lower, linkTarget: null };
  // The RFC 3659 examples' `OS.unix=slink:<target>` (proftpd with UseSlink, pure-ftpd); glFTPd writes
  // `OS.Unix-slink:<target>`; the errata's `OS.unix=symlink` names no target.
  if (lower.startsWith('os.unix=slink') || lower.startsWith('os.unix-slink')) {
    const colon = value.indexOf(':');
    const target = colon >= 0 ? value.slice(colon + 1) : '';
    return { type: 'symlink', linkTarget: target === '' ? null : target };
  }
  if (lower === 'os.unix=symlink') return { type: 'symlink', linkTarget: null };
  return { type: 'unknown', linkTarget: null };
}

/** `YYYYMMDDHHMMSS[.sss]` in UTC (RFC 3659 2.3); null when malformed or not a real date. */
function parseMlsxTime(value: string | undefined): string | null {
  if (value === undefined) return null;
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?$/.exec(value);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, fraction] = match;
  const ms = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  return utcIso(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms, 0);
}

/** An octal `UNIX.mode` (`0644`, `04755`) as `rw-r--r--`, with setuid, setgid and sticky as s/S/t/T. */
function modeToPermissions(value: string | undefined): string | null {
  // pyftpdlib 1.5 writes Python's oct(): `unix.mode=0o644`.
  const digits = value?.replace(/^0o/i, '');
  if (digits === undefined || !/^[0-7]{1,7}$/.test(digits)) return null;
  const mode = parseInt(digits, 8) & 0o7777;
  const triplet = (bits: number, special: boolean, lower: string, upper: string): string =>
    (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (special ? (bits & 1 ? lower : upper) : bits & 1 ? 'x' : '-');
  return (
    triplet((mode >> 6) & 7, (mode & 0o4000) !== 0, 's', 'S') +
    triplet((mode >> 3) & 7, (mode & 0o2000) !== 0, 's', 'S') +
    triplet(mode & 7, (mode & 0o1000) !== 0, 't', 'T')
  );
}

// ---------------------------------------------------------------------------------------------------
// Unix `ls -l`

const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
    // German and French `ls` in a server's locale (proftpd and pure-ftpd inherit LC_TIME).
    'mär': 3, mrz: 3, mai: 5, okt: 10, dez: 12,
    janv: 1, 'févr': 2, fevr: 2, mars: 3, avr: 4, juin: 6, juil: 7, 'août': 8, aout: 8, 'déc': 12,
  }),
);

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function parseUnixInternal(text: string, options: ListTimeOptions): LineResult {
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

function tokenize(text: string, from: number, limit = Infinity): Token[] {
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

// ---------------------------------------------------------------------------------------------------
// DOS / IIS

function parseDosInternal(text: string, timezoneOffsetMinutes: number): LineResult {
  if (hasLineBreak(text)) return null;
  const tokens = tokenize(text, 0, 4);
  const [dateToken, timeToken] = tokens;
  if (dateToken === undefined || timeToken === undefined) return null;
  const date = dosDate(dateToken.text);
  if (date === null) return null;
  // `03:04PM` on IIS; `03:04 PM` and 24-hour `15:04` on other Windows servers.
  let fieldIndex = 2;
  let clockText = timeToken.text;
  let timeEnd = timeToken.end;
  const maybeMeridiem = tokens[2];
  if (maybeMeridiem !== undefined && /^[AaPp][Mm]$/.test(maybeMeridiem.text)) {
    clockText += maybeMeridiem.text;
    timeEnd = maybeMeridiem.end;
    fieldIndex = 3;
  }
  const clock = dosClock(clockText);
  if (clock === null) return null;
  const field = tokens[fieldIndex];
  if (field === undefined) return null;
  const isDir = field.text.toUpperCase() === '<DIR>';
  if (!isDir && !/^\d[\d,]*$/.test(field.text)) return null;
  const gapEnd = skipBlanks(text, field.end);
  // IIS prints the time, a space, a 20-wide column (`<DIR>` at its 7th place, sizes right-aligned) and a
  // space: the name starts 22 characters after the time, and blanks beyond that belong to the name.
  const iisColumn = timeEnd + 22;
  const iisLayout = (isDir ? field.start === timeEnd + 7 : field.end === timeEnd + 21) && gapEnd >= iisColumn;
  const nameStart = iisLayout ? iisColumn : gapEnd;
  if (nameStart >= text.length) return null;
  const name = text.slice(nameStart);
  if (name === '.' || name === '..') return IGNORED;
  return {
    name,
    type: isDir ? 'directory' : 'file',
    size: isDir ? 0 : (byteCount(field.text.replaceAll(',', '')) ?? 0),
    modifiedAt: utcIso(date.y, date.m, date.d, clock.h, clock.m, 0, 0, finiteOr0(timezoneOffsetMinutes)),
    permissions: null,
    owner: null,
    group: null,
    linkTarget: null,
  };
}

/** `MM-DD-YY` (IIS), `MM-DD-YYYY` (IIS with four-digit years), `YYYY-MM-DD`; `/` also accepted. */
function dosDate(token: string): { y: number; m: number; d: number } | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(token);
  if (iso !== null) return { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
  const us = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})$/.exec(token);
  if (us === null) return null;
  let m = Number(us[1]);
  let d = Number(us[2]);
  // A day-first server (`16-01-20`) is recognisable only when the first number cannot be a month.
  if (m > 12 && d <= 12) [m, d] = [d, m];
  const yearText = us[3] as string;
  let y = Number(yearText);
  // Two-digit years pivot at 70 (IIS still lists 1990s files as `12-05-96`).
  if (yearText.length === 2) y += y < 70 ? 2000 : 1900;
  return { y, m, d };
}

function dosClock(token: string): { h: number; m: number } | null {
  const match = /^(\d{1,2}):(\d{2})([AaPp][Mm])?$/.exec(token);
  if (match === null) return null;
  let h = Number(match[1]);
  const m = Number(match[2]);
  const meridiem = match[3]?.toUpperCase();
  if (meridiem !== undefined) {
    if (h < 1 || h > 12) return null;
    if (meridiem === 'AM') h = h === 12 ? 0 : h;
    else h = h === 12 ? 12 : h + 12;
  }
  return { h, m };
}

// ---------------------------------------------------------------------------------------------------
// Shared helpers

function finiteOr0(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** A wall-clock time `offsetMinutes` ahead of UTC as an ISO string in UTC; null when not a real time. */
function utcIso(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  date.setUTCHours(h, mi, s, ms);
  const time = date.getTime() - finiteOr0(offsetMinutes) * 60_000;
  if (!Number.isFinite(time) || Math.abs(time) > 8.64e15) return null;
  return new Date(time).toISOString();
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBlankCode(text.charCodeAt(i))) i++;
  return i;
}

function isBlankCode(code: number): boolean {
  return code === 32 || code === 9;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}
