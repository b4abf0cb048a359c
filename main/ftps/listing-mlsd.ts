import type { EntryType, RemoteEntry } from '../../common/models';
import { IGNORED, byteCount, hasLineBreak, isBlank, splitLines, utcIso } from './listing-lines';

/* MLSD listings and MLST replies: RFC 3659 `fact=value;` lines. */

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

export interface MlsdParsed {
  readonly entry: RemoteEntry;
  readonly unique: string | null;
}

export function parseMlsdLines(lines: readonly string[], onSkippedLine?: (line: string) => void): RemoteEntry[] {
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

export function parseMlsdInternal(text: string): MlsdParsed | typeof IGNORED | null {
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
