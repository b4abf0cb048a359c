import { t } from '../../common/i18n/t';
import type { LogDirection, RemoteEntry } from '../../common/models';
import { WharfError } from '../core/errors';
import type { ControlCharset } from './charset';
import { printableName, unsafeNameReason } from './safe-names';

/* The recursive delete of FtpsSession.remove(): list the whole tree first, then delete files and folders. */

/** How far a recursive delete walks before it asks `onExceeded` (true goes on, that bound doubling). */
export interface RemoveLimits {
  readonly maxItems: number;
  readonly maxDepth: number;
  readonly onExceeded: (exceeded: { readonly limit: 'items' | 'depth'; readonly value: number; readonly path: string }) => Promise<boolean>;
}

/** What removeTree needs of the session; it runs inside the session's command queue. */
export interface TreeRemovalSession {
  /** Lists a folder by its wire path, without queueing; `listedAsFolder` as in ListingOptions (session.ts). */
  readonly list: (wirePath: string, listedAsFolder: boolean) => Promise<RemoteEntry[]>;
  /** Sends a command, failing on an error reply. */
  readonly send: (command: string) => Promise<unknown>;
  /** The session's current control charset (a listing may still switch it away from UTF-8). */
  readonly charset: () => ControlCharset;
  readonly log: (direction: LogDirection, text: string) => void;
}

/**
 * Deletes `root` (a wire path) and everything under it. Nothing is deleted until the whole tree is
 * listed, so a limit stops the delete before its first DELE.
 */
export async function removeTree(root: string, limits: RemoveLimits | undefined, session: TreeRemovalSession): Promise<void> {
  const files: string[] = [];
  const folders: string[] = [];
  let maxItems = limits?.maxItems ?? Number.POSITIVE_INFINITY;
  let maxDepth = limits?.maxDepth ?? Number.POSITIVE_INFINITY;
  let walked = 0;
  const goOn = async (limit: 'items' | 'depth', value: number, at: string): Promise<void> => {
    if (await limits?.onExceeded({ limit, value, path: session.charset().decode(at) })) return;
    throw new WharfError('cancelled', t('transfers.deleteStopped', { root: session.charset().decode(root), limit, count: String(value), path: session.charset().decode(at) }), { detail: { limit, value } });
  };
  const walk = async (folder: string, depth: number): Promise<void> => {
    folders.push(folder);
    for (const entry of await session.list(folder, depth > 0)) {
      const unsafe = unsafeNameReason(entry.name);
      if (unsafe !== null) {
        session.log('warning', `Skipped ${printableName(entry.name)} in ${folder}: ${unsafe}`);
        continue;
      }
      if (++walked > maxItems) {
        await goOn('items', maxItems, folder);
        maxItems *= 2;
      }
      const child = `${folder.replace(/\/+$/, '')}/${session.charset().encode(entry.name)}`;
      if (entry.type !== 'directory') {
        files.push(child);
        continue;
      }
      if (depth + 1 > maxDepth) {
        await goOn('depth', maxDepth, child);
        maxDepth *= 2;
      }
      await walk(child, depth + 1);
    }
  };
  await walk(root, 0);
  for (const file of files) await session.send(`DELE ${file}`);
  // Folders were walked parents first: removed children first.
  for (const folder of folders.reverse()) await session.send(`RMD ${folder}`);
}
