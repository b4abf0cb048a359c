import type { FileFacts, OverwritePolicy } from '../../common/models/transfer';
import { numberedName } from '../../common/models/file-names';
import { t } from '../../common/i18n/t';

export { numberedName };

/** What a transfer does about an existing target, once a policy has been applied to the facts. */
export type OverwriteAction = 'overwrite' | 'resume' | 'rename' | 'skip' | 'ask';

/** An action with the reason shown for skipped items. */
export interface OverwriteDecision {
  readonly action: OverwriteAction;
  readonly reason: string;
}

/**
 * Listings give minutes (Unix LIST) or seconds (MLSD, MDTM); a copy made a moment ago is not "newer"
 * because of rounding, so times within this tolerance count as equal.
 */
export const MODIFIED_TIME_TOLERANCE_MS = 1000;

/** Decides what to do when the target exists. Pure, so every policy is unit-tested without files. */
export function decideOverwrite(policy: OverwritePolicy, source: FileFacts, target: FileFacts): OverwriteDecision {
  switch (policy) {
    case 'ask':
      return { action: 'ask', reason: said('exists') };
    case 'overwrite':
      return { action: 'overwrite', reason: said('overwrite') };
    case 'rename':
      return { action: 'rename', reason: said('rename') };
    case 'skip':
      return { action: 'skip', reason: said('exists') };
    case 'overwrite-if-newer': {
      const sourceTime = parseTime(source.modifiedAt);
      const targetTime = parseTime(target.modifiedAt);
      if (sourceTime === null || targetTime === null) {
        return { action: 'skip', reason: said('timeUnknown') };
      }
      return sourceTime - targetTime > MODIFIED_TIME_TOLERANCE_MS
        ? { action: 'overwrite', reason: said('sourceNewer') }
        : { action: 'skip', reason: said('targetNewer') };
    }
    case 'overwrite-if-size-differs':
      if (source.size !== null && target.size !== null && source.size === target.size) {
        return { action: 'skip', reason: said('sameSize') };
      }
      return { action: 'overwrite', reason: said('sizesDiffer') };
    case 'resume':
      if (source.size === null || target.size === null) return { action: 'overwrite', reason: said('sizeUnknown') };
      if (target.size < source.size) return { action: 'resume', reason: said('resume', target.size) };
      if (target.size === source.size) return { action: 'skip', reason: said('complete') };
      return { action: 'overwrite', reason: said('larger') };
  }
}

/** The decision's reason in the current language; `offset` (where a resume starts) as a plain byte number. */
function said(reason: string, offset?: number): string {
  return t('queueTexts.overwriteReason', { reason, offset: offset === undefined ? '' : String(offset) });
}

function parseTime(iso: string | null): number | null {
  if (iso === null) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}

/**
 * The first free name for `path` (`/`- or OS-separated; only the last segment changes), asking `exists`
 * for each candidate in turn. Gives up after `limit` tries rather than loop over a huge folder.
 */
export async function findFreeName(
  path: string,
  exists: (candidate: string) => Promise<boolean>,
  separator: '/' | '\\' = '/',
  limit = 1000,
): Promise<string> {
  const cut = Math.max(path.lastIndexOf(separator), separator === '\\' ? path.lastIndexOf('/') : -1);
  const folder = path.slice(0, cut + 1);
  const name = path.slice(cut + 1);
  for (let n = 1; n <= limit; n++) {
    const candidate = folder + numberedName(name, n);
    if (!(await exists(candidate))) return candidate;
  }
  throw new Error(`no free name for ${path} after ${limit} tries`);
}

/**
 * Where a rename answer writes: the name the user typed beside the target when given (numbered in turn
 * if it exists after all: the renderer checks only the names it has listed), else the first free number.
 */
export async function renamedTarget(
  path: string,
  chosenName: string | null,
  exists: (candidate: string) => Promise<boolean>,
  separator: '/' | '\\' = '/',
): Promise<string> {
  if (chosenName === null) return findFreeName(path, exists, separator);
  const cut = Math.max(path.lastIndexOf(separator), separator === '\\' ? path.lastIndexOf('/') : -1);
  const chosen = path.slice(0, cut + 1) + chosenName;
  return (await exists(chosen)) ? findFreeName(chosen, exists, separator) : chosen;
}
