import type { EnqueueTransfer } from '../../common/ipc/payloads';
import { entryPath, joinPath, type PaneEntry, type PaneSide, type PaneState } from './pane-model';

/**
 * The queue requests for entries of one pane sent to the other: uploads name their local source and the
 * remote path; downloads name the remote entry as listed and the local folder, and main joins the two, so
 * a server's name never becomes a local path here. `folder`: a folder row of the target pane; default the
 * target pane's current folder.
 */
export function transferRequests(
  from: PaneSide,
  entries: readonly PaneEntry[],
  local: Pick<PaneState, 'path' | 'separator'> & { readonly path: string },
  remote: Pick<PaneState, 'path' | 'separator'> & { readonly path: string },
  folder?: string,
): EnqueueTransfer[] {
  return entries.map((entry) => {
    const kind = entry.type === 'directory' ? ('directory' as const) : entry.type === 'file' ? ('file' as const) : undefined;
    if (from === 'local') {
      return { direction: 'upload', localPath: entryPath(local, entry), remotePath: joinPath(folder ?? remote.path, entry.name, '/'), ...(kind ? { kind } : {}) };
    }
    return { direction: 'download', localFolder: folder ?? local.path, remoteFolder: remote.path, name: entry.name, ...(kind ? { kind } : {}) };
  });
}
