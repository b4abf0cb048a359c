/**
 * The folder pair: comparing the two panes' folders (`syncCompare`), the marks each pane draws from the
 * result, the "only differences" filter, and synchronised browsing (entering a folder on one side enters
 * the same relative folder on the other). Pure: no DOM, no window.wharf.
 */
import type { MessageId } from '../../common/i18n/catalog';
import { t } from '../../common/i18n/t';
import type { WharfErrorData } from '../../common/models/errors';
import type { CompareEntry, CompareResult } from '../../common/models/sync';
import { visibleEntries, type PaneEntry, type PaneSide, type PaneState } from './pane-model';

/** Where the two panes stand relative to each other. */
export interface PairState {
  /** Compare mode: both panes colour their differences. */
  readonly compare: boolean;
  readonly comparing: boolean;
  /** The last compare; marks apply only while both panes still show its folders. */
  readonly result: CompareResult | null;
  readonly compareError: WharfErrorData | null;
  /** "Only differences", per pane. */
  readonly onlyDifferences: Readonly<Record<PaneSide, boolean>>;
  /** Synchronised browsing, with the folders it started from (moved up together when both go up). */
  readonly syncBrowsing: boolean;
  readonly roots: { readonly local: string; readonly remote: string } | null;
  /** A non-blocking note about synchronised browsing ("docs does not exist on the server"). */
  readonly note: string | null;
}

/** Both off. */
export const initialPair: PairState = {
  compare: false,
  comparing: false,
  result: null,
  compareError: null,
  onlyDifferences: { local: false, remote: false },
  syncBrowsing: false,
  roots: null,
  note: null,
};

/** How one row of a pane compares with the other pane. */
export type CompareMarkKind = 'same' | 'different' | 'only-local' | 'only-remote' | 'folder';

/** A row's mark. */
export interface CompareMark {
  readonly kind: CompareMarkKind;
  /** This side's copy is the newer one. */
  readonly newer: boolean;
  /** One line for the tooltip: "Sizes differ: 10 B here, 12 B on the server." */
  readonly explanation: string;
}

/** The words of the legend and of each mark, for people and screen readers, in the language of the moment. */
export function markWords(kind: CompareMarkKind): string {
  return t(MARK_MESSAGES[kind]);
}

const MARK_MESSAGES = {
  same: 'rendererWords.mark.same',
  different: 'rendererWords.mark.different',
  'only-local': 'rendererWords.mark.onlyLocal',
  'only-remote': 'rendererWords.mark.onlyRemote',
  folder: 'rendererWords.mark.folder',
} as const satisfies Record<CompareMarkKind, MessageId>;

/** The key two names are matched by, as the engine matches them (NFC). */
export function nameKey(name: string): string {
  return name.normalize('NFC');
}

function trimTrailing(path: string, separator: string): string {
  let p = path;
  while (p.length > 1 && p.endsWith(separator) && !/^[A-Za-z]:[\\/]$/.test(p)) p = p.slice(0, -1);
  return p;
}

/** Whether the result is for the folders both panes show now. */
export function resultApplies(result: CompareResult | null, localPath: string | null, remotePath: string | null, localSeparator: string): result is CompareResult {
  if (!result || localPath === null || remotePath === null) return false;
  return trimTrailing(result.localRoot, localSeparator) === trimTrailing(localPath, localSeparator) && trimTrailing(result.remoteRoot, '/') === trimTrailing(remotePath, '/');
}

function markOf(entry: CompareEntry, side: PaneSide): CompareMark {
  const newer = entry.newer === side;
  switch (entry.status) {
    case 'only-local':
    case 'only-remote':
      return { kind: entry.status, newer: false, explanation: entry.explanation };
    case 'different':
      return { kind: 'different', newer, explanation: entry.explanation };
    case 'same':
      // A folder compared without its contents says nothing about what is inside.
      if (entry.local?.type === 'directory' && entry.remote?.type === 'directory') return { kind: 'folder', newer: false, explanation: t('rendererWords.mark.folderExplanation') };
      return { kind: 'same', newer: false, explanation: entry.explanation };
    default: {
      const never: never = entry.status;
      throw new Error(`unknown compare status ${String(never)}`);
    }
  }
}

/**
 * The marks of one pane's rows, by name: only the entries directly in the compared folder (a recursive
 * result's deeper paths are left out) and only those present on this side.
 */
export function compareMarks(result: CompareResult, side: PaneSide): Map<string, CompareMark> {
  const marks = new Map<string, CompareMark>();
  for (const entry of result.entries) {
    if (entry.relativePath.includes('/')) continue;
    if ((side === 'local' ? entry.local : entry.remote) === null) continue;
    marks.set(nameKey(entry.name), markOf(entry, side));
  }
  return marks;
}

const marksCache = new WeakMap<CompareResult, Partial<Record<PaneSide, Map<string, CompareMark>>>>();

/**
 * A pane's marks while the result is for the folders both panes show now; null otherwise. The same result
 * gives the same Map, so views can memoize on it.
 */
export function paneMarks(result: CompareResult | null, side: PaneSide, localPath: string | null, remotePath: string | null, localSeparator: string): ReadonlyMap<string, CompareMark> | null {
  if (!resultApplies(result, localPath, remotePath, localSeparator)) return null;
  const cached = marksCache.get(result) ?? {};
  const marks = cached[side] ?? compareMarks(result, side);
  marksCache.set(result, { ...cached, [side]: marks });
  return marks;
}

/** A row's mark, or null when the row was not compared (it appeared since, or was skipped). */
export function markFor(marks: ReadonlyMap<string, CompareMark> | null, entry: Pick<PaneEntry, 'name'>): CompareMark | null {
  return marks?.get(nameKey(entry.name)) ?? null;
}

/** "Only differences" keeps what differs, what is on one side only, folders (to open them) and what was not compared. */
export function isDifference(mark: CompareMark | null): boolean {
  return mark === null || mark.kind !== 'same';
}

/**
 * What a pane's grid shows: the pane's own view (hidden files, filter, sort), then, with "only differences"
 * on and a compare for these folders, without the identical entries.
 */
export function paneRows(pane: Pick<PaneState, 'entries' | 'sort' | 'filter' | 'showHidden'>, marks: ReadonlyMap<string, CompareMark> | null, onlyDifferences: boolean): PaneEntry[] {
  const shown = visibleEntries(pane.entries, { sort: pane.sort, filter: pane.filter, showHidden: pane.showHidden });
  if (!onlyDifferences || marks === null) return shown;
  return shown.filter((e) => isDifference(markFor(marks, e)));
}

/** Counts for the legend, over the entries directly in the compared folders. */
export function compareCounts(result: CompareResult): { same: number; different: number; onlyLocal: number; onlyRemote: number; folders: number } {
  const counts = { same: 0, different: 0, onlyLocal: 0, onlyRemote: 0, folders: 0 };
  for (const e of result.entries) {
    if (e.relativePath.includes('/')) continue;
    if (e.status === 'only-local') counts.onlyLocal += 1;
    else if (e.status === 'only-remote') counts.onlyRemote += 1;
    else if (e.status === 'different') counts.different += 1;
    else if (e.local?.type === 'directory') counts.folders += 1;
    else counts.same += 1;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------------------
// Synchronised browsing

/** A path as its segments below a root prefix (`/`, `C:\`, or '' for a relative path). */
function split(path: string, separator: string): { prefix: string; parts: string[] } {
  const drive = /^[A-Za-z]:[\\/]?/.exec(path);
  let prefix = '';
  let rest = path;
  if (drive) {
    prefix = `${drive[0].slice(0, 2)}${separator}`;
    rest = path.slice(drive[0].length);
  } else if (path.startsWith(separator)) {
    prefix = separator;
    rest = path.slice(separator.length);
  }
  return { prefix, parts: rest.split(separator).filter((p) => p !== '') };
}

function join(prefix: string, parts: readonly string[], separator: string): string {
  return `${prefix}${parts.join(separator)}` || separator;
}

/** Where the other pane should go when one pane moved, under synchronised browsing. */
export type FollowMove =
  | {
      readonly kind: 'go';
      readonly path: string;
      /** The relative folder, for notes ("docs/api"); '' at the roots. */
      readonly relative: string;
      /** The roots after the move (both went up above where synchronised browsing started). */
      readonly roots: { readonly local: string; readonly remote: string };
    }
  /** `reason`: the note synchronised browsing shows while it waits, in the language of the moment. */
  | { readonly kind: 'outside'; readonly reason: string };

/**
 * Maps the folder one pane went to onto the other pane: the same path relative to the pair's roots. Going
 * up above the roots moves both roots up by as many levels, if the other side has them; a jump elsewhere
 * is outside the pair.
 */
export function followPath(
  roots: { readonly local: string; readonly remote: string },
  moved: PaneSide,
  path: string,
  separators: { readonly local: string; readonly remote: string },
): FollowMove {
  const other: PaneSide = moved === 'local' ? 'remote' : 'local';
  const from = split(trimTrailing(roots[moved], separators[moved]), separators[moved]);
  const to = split(trimTrailing(path, separators[moved]), separators[moved]);
  const base = split(trimTrailing(roots[other], separators[other]), separators[other]);
  const sameCase = (a: string, b: string) => (separators[moved] === '\\' ? a.toLowerCase() === b.toLowerCase() : a === b);
  const samePrefix = sameCase(from.prefix, to.prefix);
  const common = (() => {
    let i = 0;
    while (i < from.parts.length && i < to.parts.length && sameCase(from.parts[i]!, to.parts[i]!)) i++;
    return i;
  })();
  if (samePrefix && common === from.parts.length) {
    const rel = to.parts.slice(from.parts.length);
    return { kind: 'go', path: join(base.prefix, [...base.parts, ...rel], separators[other]), relative: rel.join('/'), roots };
  }
  if (samePrefix && common === to.parts.length) {
    const up = from.parts.length - to.parts.length;
    if (up > base.parts.length) return { kind: 'outside', reason: t('rendererWords.follow.noFolderAbove', { side: other, up, root: roots[other] }) };
    const target = join(base.prefix, base.parts.slice(0, base.parts.length - up), separators[other]);
    const next = moved === 'local' ? { local: path, remote: target } : { local: target, remote: path };
    return { kind: 'go', path: target, relative: '', roots: next };
  }
  return { kind: 'outside', reason: t('rendererWords.follow.outside', { path, root: roots[moved] }) };
}

/** The last segment of a path (what the note names). */
export function lastSegment(path: string, separator: string): string {
  const parts = split(trimTrailing(path, separator), separator).parts;
  return parts[parts.length - 1] ?? path;
}
