import { dirname } from 'node:path';
import type { FoldersChanged } from '../../common/ipc/payloads';
import type { TransferItem } from '../../common/models/transfer';

/** The remote folder holding a `/`-separated path ("/" for a top-level name). */
function remoteFolderOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/**
 * The folders that finished items wrote into, per side: the folder of each file's target, and an empty
 * folder's target with the folder holding it. A folder transfer finishes one item per file deep in the
 * tree; a pane decides from these whether what it shows (that folder or one above it) changed.
 */
export function foldersChangedBy(items: readonly TransferItem[]): FoldersChanged[] {
  const local = new Set<string>();
  const remote = new Set<string>();
  for (const item of items) {
    if (item.state !== 'done') continue;
    const [set, target, folderOf] = item.direction === 'download' ? [local, item.localPath, dirname] : [remote, item.remotePath, remoteFolderOf];
    set.add(folderOf(target));
    if (item.kind === 'directory') set.add(target);
  }
  const changed: FoldersChanged[] = [];
  if (local.size > 0) changed.push({ side: 'local', folders: [...local] });
  if (remote.size > 0) changed.push({ side: 'remote', folders: [...remote] });
  return changed;
}
