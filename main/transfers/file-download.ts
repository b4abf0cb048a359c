import { t } from '../../common/i18n/t';
import { once } from 'node:events';
import { open, rename, stat } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { FileTransferResult } from '../ftps/file-transfer';
import type { FtpsSession } from '../ftps/session';
import { WharfError } from '../core/errors';
import { FileSink } from './file-sink';

/** Where a download is written until it is complete and verified: never under its final name. */
export function partialPathFor(localPath: string): string {
  return `${localPath}.part`;
}

async function sizeOrZero(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/**
 * Downloads one file outside the queue (View/Edit's copy) through the same FileSink as queued downloads: to
 * `localPath.part`, renamed to `localPath` only once the size matches the server's. With `resume`, continues
 * from the partial file's size (REST); a cut leaves the .part for next time.
 */
export async function downloadFile(
  session: Pick<FtpsSession, 'size' | 'download'>,
  remotePath: string,
  localPath: string,
  options: { resume?: boolean; signal?: AbortSignal; onProgress?: (bytesDone: number) => void } = {},
): Promise<FileTransferResult> {
  const partPath = partialPathFor(localPath);
  const remoteSize = await session.size(remotePath).catch(() => null);
  let startAt = options.resume ? await sizeOrZero(partPath) : 0;
  if (remoteSize !== null && startAt > remoteSize) startAt = 0; // the remote file changed: start over
  const handle = await open(partPath, startAt > 0 ? 'r+' : 'w');
  let done = startAt;
  try {
    if (startAt > 0) await handle.truncate(startAt);
    const sink = new FileSink({
      handle,
      position: startAt,
      onBytes: (bytes) => {
        done += bytes;
        options.onProgress?.(done);
      },
    });
    try {
      await session.download(remotePath, sink, { startAt, ...(options.signal ? { signal: options.signal } : {}) });
      if (!sink.writableFinished) await finished(sink);
    } catch (error) {
      sink.destroy();
      throw error;
    } finally {
      // The sink's writes land before the file is closed and renamed.
      if (!sink.closed) await once(sink, 'close').catch(() => undefined);
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
  const localSize = await sizeOrZero(partPath);
  if (remoteSize !== null && localSize !== remoteSize) {
    throw new WharfError('verification', t('errors.downloadSizeMismatch', { path: remotePath, localSize, remoteSize }), {
      detail: { localSize, remoteSize },
    });
  }
  await rename(partPath, localPath);
  options.onProgress?.(localSize);
  return { bytes: localSize - startAt, resumedFrom: startAt };
}
