/**
 * Tables of compare entries for the pure halves of folder compare and sync (main/sync/compare.ts, plan.ts),
 * shared by their tests and the tests of their texts. No servers: the unit tier imports it.
 */
import type { CompareEntry, CompareResult } from '../../common/models/sync';
import type { TreeEntry } from '../../main/sync/compare';

/** A fixed moment (2025-05-10 12:34 UTC) the entries' times are set around. */
export const T = Date.UTC(2025, 4, 10, 12, 34, 0);

export const file = (relativePath: string, size: number | null, modifiedMs: number | null, extra: Partial<TreeEntry> = {}): TreeEntry => ({
  relativePath,
  type: 'file',
  size,
  modifiedMs,
  precision: 'exact',
  ...extra,
});

export const dir = (relativePath: string): TreeEntry => ({ relativePath, type: 'directory', size: null, modifiedMs: null, precision: 'exact' });

export const sha = (hex: string) => ({ algorithm: 'SHA-256' as const, hex });

/** A compare result around `entries`, with one entry left out on the server's side for `skippedReason`. */
export function compareOf(entries: CompareEntry[], skippedReason = 'the name is a reserved Windows device name'): CompareResult {
  return {
    localRoot: '/l',
    remoteRoot: '/r',
    settings: { recursive: true, timezoneOffsetMinutes: 0, offsetApplies: true, toleranceSeconds: 1, hashAlgorithm: null },
    entries,
    skipped: [{ side: 'remote', path: 'aux.txt', reason: skippedReason }],
    summary: { same: 0, different: 0, onlyLocal: 0, onlyRemote: 0 },
    comparedAt: new Date(T).toISOString(),
  };
}
