/**
 * The name a "Rename" answer to the overwrite question writes under: suggested as the next free number
 * ("notes (1).txt"), checked against the names the target pane lists when it shows the target's folder.
 */
import { numberedName } from '../../common/models/file-names';
import type { PaneEntry, PaneState } from './pane-model';

/** The target's folder and file name, split at its last separator (`/`, or `\` too on Windows paths). */
export function splitTarget(targetPath: string, separator: string): { readonly folder: string; readonly name: string } {
  const cut = Math.max(targetPath.lastIndexOf(separator), separator === '\\' ? targetPath.lastIndexOf('/') : -1);
  return { folder: cut <= 0 ? targetPath.slice(0, cut + 1) : targetPath.slice(0, cut), name: targetPath.slice(cut + 1) };
}

/** The entries the pane lists beside the target: its folder on screen, else none known. */
export function entriesBesideTarget(targetPath: string, pane: PaneState): readonly PaneEntry[] {
  if (pane.path === null) return [];
  const { folder } = splitTarget(targetPath, pane.separator);
  const shown = pane.path.length > 1 && pane.path.endsWith(pane.separator) ? pane.path.slice(0, -1) : pane.path;
  return folder === shown ? pane.entries : [];
}

/** The first numbered alternative to `name` that none of `known` has taken. */
export function suggestRename(name: string, known: readonly PaneEntry[]): string {
  const taken = new Set(known.map((e) => e.name));
  for (let n = 1; ; n++) {
    const candidate = numberedName(name, n);
    if (!taken.has(candidate)) return candidate;
  }
}
