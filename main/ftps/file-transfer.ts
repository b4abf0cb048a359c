import { t } from '../../common/i18n/t';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FtpsSession } from './session';
import { WharfError } from '../core/errors';

/** Large read buffers are measurably faster for FTPS uploads here (about 1.5-2x over the default). */
const STREAM_BUFFER_BYTES = 1024 * 1024;

/**
 * The suffix of an upload's temporary name. Not `.part` as for downloads: other people and programs see
 * the server's folder, so the name says who left the file (a FileZilla or browser `.part` is not ours to
 * resume into), and a web server does not serve `index.php.wharf-part` as PHP while it is half there.
 */
export const TEMPORARY_UPLOAD_SUFFIX = '.wharf-part';

/** Most file systems (ext4, XFS, APFS, NTFS) allow 255 bytes (or UTF-16 units) per name. */
const MAX_NAME_BYTES = 255;

/**
 * Where an upload is written until it is complete and verified, then renamed to `remotePath`: the same
 * folder (so the rename is a rename, never a copy across file systems) and `NAME.wharf-part`. A name too
 * long for the suffix is shortened and given 8 hex digits of its SHA-256, so two long names sharing a
 * prefix still get different temporary names.
 */
export function temporaryUploadPathFor(remotePath: string): string {
  const cut = remotePath.lastIndexOf('/');
  const folder = remotePath.slice(0, cut + 1);
  const name = remotePath.slice(cut + 1);
  if (Buffer.byteLength(name + TEMPORARY_UPLOAD_SUFFIX) <= MAX_NAME_BYTES) return `${folder}${name}${TEMPORARY_UPLOAD_SUFFIX}`;
  const tag = `~${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  let kept = name;
  while (Buffer.byteLength(kept + tag + TEMPORARY_UPLOAD_SUFFIX) > MAX_NAME_BYTES) kept = [...kept].slice(0, -1).join('');
  return `${folder}${kept}${tag}${TEMPORARY_UPLOAD_SUFFIX}`;
}

/** What moving an upload into place needs of a session; `FtpsSession` and the queue's sessions have it. */
export interface RenamingSession {
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  size(path: string): Promise<number>;
  setModifiedAt?(path: string, date: Date): Promise<boolean>;
  setModifiedAtAndRename?(from: string, to: string, date: Date): Promise<boolean>;
}

/** The site setting the "rename refused" error names, as the site manager labels it, so a person can find it there. */
export function uploadViaTemporaryNameSetting(): string {
  return t('siteManager.uploadViaTemporaryName');
}

function replyCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Renames a complete, verified upload from its temporary name to its final one (RNFR/RNTO). A server that
 * refuses to rename over an existing file (proftpd without AllowOverwrite, for one) gets the old target
 * deleted first, then the rename again. A rename refused anyway fails with kind `ftp` naming the setting
 * to turn off; the temporary file stays where it is (see the runner for why). With `modifiedAt`, the temporary
 * file gets that time first (a refused time does not stop the rename), so the final name appears with its time
 * already right: RNFR/RNTO keeps it. `refused`: the rename was tried already and refused with this error (sent
 * with a later transfer, see FtpsSession.renameWithNextCommand): only what follows a refusal is done.
 */
export async function moveUploadIntoPlace(session: RenamingSession, temporaryPath: string, finalPath: string, modifiedAt: Date | null = null, refused?: unknown): Promise<void> {
  let refusal: unknown = refused;
  if (refusal === undefined) {
    try {
      if (modifiedAt === null) await session.rename(temporaryPath, finalPath);
      else if (session.setModifiedAtAndRename) await session.setModifiedAtAndRename(temporaryPath, finalPath, modifiedAt);
      else {
        await session.setModifiedAt?.(temporaryPath, modifiedAt).catch(() => false);
        await session.rename(temporaryPath, finalPath);
      }
      return;
    } catch (error) {
      if (!(error instanceof WharfError) || error.kind !== 'ftp') throw error; // lost connection, timeout: retried
      refusal = error;
    }
  }
  const targetExists = await session.size(finalPath).then(() => true, () => false);
  if (targetExists) {
    // Between this DELE and the RNTO the final name is briefly absent (never partial): FTP has no
    // "rename and replace" command, and a server that refuses RNTO over a file leaves no other way.
    await session.remove(finalPath).catch((error: unknown) => {
      throw renameRefused(error, temporaryPath, finalPath, 'deleteRefused');
    });
    try {
      await session.rename(temporaryPath, finalPath);
      return;
    } catch (error) {
      if (!(error instanceof WharfError) || error.kind !== 'ftp') throw error;
      throw renameRefused(error, temporaryPath, finalPath, 'afterDelete');
    }
  }
  throw renameRefused(refusal, temporaryPath, finalPath, 'none');
}

/** The error of a refused rename into place: what happened, where the bytes are, and which setting avoids it. */
function renameRefused(error: unknown, temporaryPath: string, finalPath: string, step: 'deleteRefused' | 'afterDelete' | 'none'): WharfError {
  const code = replyCode(error);
  const reply = error instanceof Error ? error.message : String(error);
  return new WharfError(
    'ftp',
    t('errors.renameRefused', { temporaryPath, finalPath, step, reply, setting: uploadViaTemporaryNameSetting() }),
    { ...(code !== undefined ? { code } : {}), detail: { temporaryPath, finalPath, setting: 'uploadViaTemporaryName' }, cause: error },
  );
}

/** What a file transfer did: bytes moved this time and the offset it resumed from. */
export interface FileTransferResult {
  readonly bytes: number;
  readonly resumedFrom: number;
}

/**
 * Uploads a local file to `remotePath.wharf-part`, checks the remote size against the local one, then
 * renames it to `remotePath` (`moveUploadIntoPlace`). With `resume`, appends (APPE) from the temporary
 * file's current size. `inPlace: true` writes straight to `remotePath` (a cut leaves a partial file there).
 */
export async function uploadFile(
  session: FtpsSession,
  localPath: string,
  remotePath: string,
  options: { resume?: boolean; inPlace?: boolean; signal?: AbortSignal; onProgress?: (bytesDone: number) => void } = {},
): Promise<FileTransferResult> {
  const localSize = (await stat(localPath)).size;
  const writtenPath = options.inPlace ? remotePath : temporaryUploadPathFor(remotePath);
  let startAt = options.resume ? await session.size(writtenPath).catch(() => 0) : 0;
  if (startAt > localSize) startAt = 0;
  const source = createReadStream(localPath, { start: startAt, highWaterMark: STREAM_BUFFER_BYTES });
  try {
    await session.upload(source, writtenPath, {
      append: startAt > 0,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (bytes) => options.onProgress?.(startAt + bytes),
    });
  } finally {
    source.destroy();
  }
  const remoteSize = await session.size(writtenPath).catch(() => null);
  if (remoteSize !== null && remoteSize !== localSize) {
    throw new WharfError('verification', t('errors.uploadSizeMismatch', { path: localPath, localSize, remoteSize }), {
      detail: { localSize, remoteSize },
    });
  }
  if (writtenPath !== remotePath) await moveUploadIntoPlace(session, writtenPath, remotePath);
  options.onProgress?.(localSize);
  return { bytes: localSize - startAt, resumedFrom: startAt };
}
