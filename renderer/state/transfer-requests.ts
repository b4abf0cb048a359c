import type { EnqueueTransfer } from '../../common/ipc/payloads';
import { entryPath, joinPath, type PaneEntry, type PaneSide, type PaneState } from './pane-model';

/** Where one item goes: an upload names its local source and the remote folder; a download both folders. */
export type EnqueueRoute =
  | { readonly direction: 'upload'; readonly localPath: string; readonly remoteFolder: string }
  | { readonly direction: 'download'; readonly localFolder: string; readonly remoteFolder: string };

/**
 * The one queue request for an item (a pane's entry, or a file dropped from the OS). Downloads name the
 * remote entry as listed and the local folder, and main joins the two, so a server's name never becomes a
 * local path here. A link gets no kind: main looks at what it points to.
 */
export function toEnqueue(item: { readonly name: string; readonly type: string }, route: EnqueueRoute): EnqueueTransfer {
  const kind = item.type === 'directory' ? ('directory' as const) : item.type === 'file' ? ('file' as const) : undefined;
  if (route.direction === 'upload') {
    return { direction: 'upload', localPath: route.localPath, remotePath: joinPath(route.remoteFolder, item.name, '/'), ...(kind ? { kind } : {}) };
  }
  return { direction: 'download', localFolder: route.localFolder, remoteFolder: route.remoteFolder, name: item.name, ...(kind ? { kind } : {}) };
}

/**
 * The queue requests for entries of one pane sent to the other: uploads from local, downloads from remote.
 * `folder`: a folder row of the target pane; default the target pane's current folder.
 */
export function transferRequests(
  from: PaneSide,
  entries: readonly PaneEntry[],
  local: Pick<PaneState, 'path' | 'separator'> & { readonly path: string },
  remote: Pick<PaneState, 'path' | 'separator'> & { readonly path: string },
  folder?: string,
): EnqueueTransfer[] {
  return entries.map((entry) =>
    from === 'local'
      ? toEnqueue(entry, { direction: 'upload', localPath: entryPath(local, entry), remoteFolder: folder ?? remote.path })
      : toEnqueue(entry, { direction: 'download', localFolder: folder ?? local.path, remoteFolder: remote.path }),
  );
}
