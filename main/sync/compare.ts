/*
 * Folder compare, pure part: two flat lists of entries in, one CompareEntry per path out. No files, no
 * sockets: the walkers in compare-folders.ts feed it, and unit tests feed it tables.
 */
import type { CompareEntry, CompareSide, DifferenceReason } from '../../common/models/sync';
import { t } from '../../common/i18n/t';
import { formatBytes } from '../core/bytes';

/** How precise a modification time is: MLSD gives seconds, `ls -l` minutes (or only the day for old files). */
export type TimePrecision = 'exact' | 'second' | 'minute' | 'day';

/** One file or folder of one side, relative to the compared folder. */
export interface TreeEntry {
  /** `/`-separated, e.g. `docs/a.txt`. */
  readonly relativePath: string;
  readonly type: 'file' | 'directory';
  /** Bytes; null where unknown (folders, symbolic links on the server). */
  readonly size: number | null;
  /** Milliseconds since the epoch, UTC (remote: as the listing was parsed); null where unknown. */
  readonly modifiedMs: number | null;
  readonly precision: TimePrecision;
  readonly hash?: CompareSide['hash'];
}

/** How to compare. */
export interface CompareRules {
  /** Minutes added to remote times before comparing: a timezone correction on top of the listing's. default 0 */
  readonly remoteShiftMinutes?: number;
  /** Times this close count as equal. default 1000 ms */
  readonly toleranceMs?: number;
  /** Compare sizes only: times say nothing (a server that cannot keep them). default false */
  readonly sizeOnly?: boolean;
}

const PRECISION_MS: Record<TimePrecision, number> = { exact: 0, second: 1000, minute: 60_000, day: 86_400_000 };

/** The key two sides are matched by: the same name in NFC (macOS writes NFD, servers usually NFC). */
export function matchKey(relativePath: string): string {
  return relativePath.normalize('NFC');
}

/**
 * Whether a local time (exact) and a remote time (truncated to its precision) describe the same moment,
 * and which is newer if not. A listing truncates: `12:34` covers 12:34:00 to 12:34:59.
 */
export function compareTimes(localMs: number, remoteMs: number, precision: TimePrecision, toleranceMs: number): 'equal' | 'local-newer' | 'remote-newer' {
  const span = PRECISION_MS[precision];
  if (localMs < remoteMs - toleranceMs) return 'remote-newer';
  if (localMs >= remoteMs + Math.max(span, 1) + toleranceMs) return 'local-newer';
  return 'equal';
}

function bytes(n: number | null): string {
  return n === null ? '?' : formatBytes(n);
}

/** Why an entry is on one side only, with what it is (a folder, or a file and its size). */
function onlyOneSide(local: TreeEntry | null, remote: TreeEntry | null): string {
  const entry = (local ?? remote) as TreeEntry;
  const folder = entry.type === 'directory';
  if (local) return folder ? t('syncTexts.onlyLocalFolder') : t('syncTexts.onlyLocalFile', { size: bytes(entry.size) });
  return folder ? t('syncTexts.onlyRemoteFolder') : t('syncTexts.onlyRemoteFile', { size: bytes(entry.size) });
}

/**
 * How two files differ, as one sentence: the sizes or the contents (never both: contents are compared only
 * where the sizes agree), and which copy is newer when the times say so. One message per combination, so each
 * language words the whole sentence.
 */
function differenceExplanation(local: TreeEntry, remote: TreeEntry, reasons: readonly DifferenceReason[], newer: 'local' | 'remote' | null): string {
  const side = reasons.includes('modified-time') ? newer : null;
  if (reasons.includes('size')) {
    const sizes = { localSize: bytes(local.size), remoteSize: bytes(remote.size) };
    return side ? t('syncTexts.sizesDifferNewer', { ...sizes, side }) : t('syncTexts.sizesDiffer', sizes);
  }
  if (reasons.includes('hash')) {
    const algorithm = local.hash?.algorithm ?? '';
    return side ? t('syncTexts.contentsDifferNewer', { algorithm, side }) : t('syncTexts.contentsDiffer', { algorithm });
  }
  return t('syncTexts.newer', { side: side ?? 'remote' });
}

function side(entry: TreeEntry, shiftMs: number): CompareSide {
  return {
    type: entry.type,
    size: entry.type === 'file' ? entry.size : null,
    modifiedAt: entry.modifiedMs === null ? null : new Date(entry.modifiedMs + shiftMs).toISOString(),
    hash: entry.hash ?? null,
  };
}

function byPath(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i] as string;
    const y = bs[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

/**
 * Compares two trees by name, then type, size, hash (when both sides have one of the same algorithm) and
 * modification time. Equal hashes make two files the same whatever their times; a folder is `different`
 * (reason `contents`) when anything below it differs. Entries come out sorted, parents first.
 */
export function compareTrees(local: readonly TreeEntry[], remote: readonly TreeEntry[], rules: CompareRules = {}): CompareEntry[] {
  const shiftMs = (rules.remoteShiftMinutes ?? 0) * 60_000;
  const tolerance = rules.toleranceMs ?? 1000;
  const locals = new Map(local.map((e) => [matchKey(e.relativePath), e]));
  const remotes = new Map(remote.map((e) => [matchKey(e.relativePath), e]));
  const keys = [...new Set([...locals.keys(), ...remotes.keys()])].sort(byPath);
  const entries: CompareEntry[] = [];
  const differing = new Set<string>();

  for (const key of keys) {
    const l = locals.get(key) ?? null;
    const r = remotes.get(key) ?? null;
    const relativePath = l?.relativePath ?? r?.relativePath ?? key;
    const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
    const localSide = l ? side(l, 0) : null;
    const remoteSide = r ? side(r, shiftMs) : null;
    const base = { relativePath, name, local: localSide, remote: remoteSide };
    if (l === null || r === null) {
      entries.push({ ...base, status: l ? 'only-local' : 'only-remote', reasons: [], newer: null, explanation: onlyOneSide(l, r) });
      differing.add(key);
      continue;
    }
    if (l.type !== r.type) {
      entries.push({
        ...base,
        status: 'different',
        reasons: ['type'],
        newer: null,
        explanation: l.type === 'directory' ? t('syncTexts.folderHereFileThere') : t('syncTexts.fileHereFolderThere'),
      });
      differing.add(key);
      continue;
    }
    if (l.type === 'directory') {
      entries.push({ ...base, status: 'same', reasons: [], newer: null, explanation: t('syncTexts.folderBothSides') });
      continue;
    }
    const reasons: DifferenceReason[] = [];
    if (l.size !== null && r.size !== null && l.size !== r.size) reasons.push('size');
    let timeVerdict: ReturnType<typeof compareTimes> | null = null;
    if (l.modifiedMs !== null && r.modifiedMs !== null && rules.sizeOnly !== true) {
      timeVerdict = compareTimes(l.modifiedMs, r.modifiedMs + shiftMs, r.precision, tolerance);
    }
    const newer = timeVerdict === 'local-newer' ? 'local' : timeVerdict === 'remote-newer' ? 'remote' : null;
    const sameAlgorithm = l.hash && r.hash && l.hash.algorithm === r.hash.algorithm;
    if (reasons.length === 0 && sameAlgorithm) {
      if (l.hash?.hex.toLowerCase() === r.hash?.hex.toLowerCase()) {
        const algorithm = l.hash?.algorithm ?? '';
        const explanation = newer ? t('syncTexts.sameContentTimesDiffer', { algorithm, side: newer }) : t('syncTexts.sameContent', { algorithm });
        entries.push({ ...base, status: 'same', reasons: [], newer, explanation });
        continue;
      }
      reasons.push('hash');
    }
    if (newer !== null && (reasons.length > 0 || !sameAlgorithm)) reasons.push('modified-time');
    if (reasons.length === 0) {
      entries.push({ ...base, status: 'same', reasons: [], newer: null, explanation: sameAlgorithm ? t('syncTexts.sameContent', { algorithm: l.hash?.algorithm ?? '' }) : rules.sizeOnly === true ? t('syncTexts.sameSize') : t('syncTexts.sameSizeAndTime') });
      continue;
    }
    entries.push({ ...base, status: 'different', reasons, newer, explanation: differenceExplanation(l, r, reasons, newer) });
    differing.add(key);
  }

  // A folder on both sides differs when anything below it does.
  const ancestors = new Set<string>();
  for (const key of differing) {
    for (let cut = key.lastIndexOf('/'); cut > 0; cut = key.lastIndexOf('/', cut - 1)) ancestors.add(key.slice(0, cut));
  }
  return entries.map((e) =>
    e.status === 'same' && e.local?.type === 'directory' && ancestors.has(matchKey(e.relativePath))
      ? { ...e, status: 'different', reasons: ['contents'], explanation: t('syncTexts.folderContentsDiffer') }
      : e,
  );
}

/**
 * The offset a server's LIST times seem to be off by: when every file that differs only in time (same
 * size) differs by the same whole number of quarter-hours, the listing is in the server's local time and
 * the offset is unknown or wrong. Minutes to add to the offset in use; null when times do not say so.
 */
export function suspectedTimezoneShift(entries: readonly CompareEntry[]): number | null {
  const shifts = new Set<number>();
  for (const e of entries) {
    if (e.status !== 'different' || e.reasons.length !== 1 || e.reasons[0] !== 'modified-time') continue;
    if (!e.local?.modifiedAt || !e.remote?.modifiedAt) continue;
    const differenceMs = Date.parse(e.remote.modifiedAt) - Date.parse(e.local.modifiedAt);
    const quarters = Math.round(differenceMs / 900_000);
    // LIST drops seconds: a true shift shows up to a minute less.
    if (quarters === 0 || Math.abs(differenceMs - quarters * 900_000) > 61_000) return null;
    shifts.add(quarters * 15);
  }
  return shifts.size === 1 ? ([...shifts][0] as number) : null;
}

/** Counts per status. */
export function summarize(entries: readonly CompareEntry[]): { same: number; different: number; onlyLocal: number; onlyRemote: number } {
  const summary = { same: 0, different: 0, onlyLocal: 0, onlyRemote: 0 };
  for (const e of entries) {
    if (e.status === 'same') summary.same += 1;
    else if (e.status === 'different') summary.different += 1;
    else if (e.status === 'only-local') summary.onlyLocal += 1;
    else summary.onlyRemote += 1;
  }
  return summary;
}
