/*
 * A file's transfer command and its data connection, in place of basic-ftp's `downloadTo`/`uploadFrom` (its
 * transfer.js and Client.js): the same replies handled the same way, the same watchdog, the same end (both the
 * server's completion reply and the data's end, in either order), without what they cost per file on top: a
 * `stream.pipeline` (an AbortController aborted at its end, whose DOMException captures a stack), a progress timer
 * nobody reads, `end()` on a sink already finished (an error built and dropped), the peer address looked up for a
 * log line nobody shows, and a stand-in socket per transfer (see DataConnectionStrategy's `standIn`).
 */
import type { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import type { FTPContext, FTPResponse } from 'basic-ftp';
import { TransferWatchdog } from 'basic-ftp/dist/TransferWatchdog';
import { describeAddress, describeTLS } from 'basic-ftp/dist/netUtils';

/** What a transfer needs of the session's basic-ftp client. */
export interface TransferClient {
  readonly ftp: FTPContext;
  /** Sets up the data connection (the session's DataConnectionStrategy), without a stand-in socket. */
  prepare(ftp: FTPContext): Promise<unknown>;
  /** basic-ftp's `protectWhitespace`: a name with a leading space made absolute (a PWD). */
  pathForCommand(path: string): Promise<string>;
}

export interface TransferOptions {
  /** The data connection's bytes so far, every 500 ms while it runs and once at its end; absent: no timer. */
  readonly onProgress?: (bytes: number) => void;
  /** Log "Downloading from ADDRESS (TLS)" as basic-ftp does; off where no log is kept (the peer address costs a system call). */
  readonly log?: boolean;
}

const PROGRESS_INTERVAL_MS = 500;

/** Downloads `remotePath` into `destination` from `startAt` (REST first, then RETR on its 350). */
export async function receiveFile(client: TransferClient, destination: Writable, remotePath: string, startAt: number, options: TransferOptions = {}): Promise<FTPResponse> {
  const ftp = client.ftp;
  const onError = (error: Error) => ftp.closeWithError(error);
  destination.once('error', onError);
  try {
    const path = remotePath.startsWith(' ') ? await client.pathForCommand(remotePath) : remotePath;
    await client.prepare(ftp);
    const command = startAt > 0 ? `REST ${startAt}` : `RETR ${path}`;
    return await runTransfer(ftp, { command, path, direction: 'download' }, options, (dataSocket, done) => pipeData(dataSocket, destination, done));
  } finally {
    destination.removeListener('error', onError);
    // basic-ftp ends the destination whatever happened; one that has ended (or was torn down) needs no second end.
    if (!destination.writableEnded && !destination.destroyed) destination.end();
  }
}

/** Uploads `source` to `remotePath` with STOR, or APPE with `append`. */
export async function sendFile(client: TransferClient, source: Readable, remotePath: string, append: boolean, options: TransferOptions = {}): Promise<FTPResponse> {
  const ftp = client.ftp;
  const onError = (error: Error) => ftp.closeWithError(error);
  source.once('error', onError);
  try {
    const path = remotePath.startsWith(' ') ? await client.pathForCommand(remotePath) : remotePath;
    await client.prepare(ftp);
    const command = `${append ? 'APPE' : 'STOR'} ${path}`;
    return await runTransfer(ftp, { command, path, direction: 'upload' }, options, (dataSocket, done) => pipeData(source, dataSocket, done));
  } finally {
    source.removeListener('error', onError);
  }
}

interface Transfer {
  readonly command: string;
  /** The path as sent: a download's RETR after REST's 350 names it. */
  readonly path: string;
  readonly direction: 'download' | 'upload';
}

/**
 * The transfer command as one basic-ftp task (so the reply guard and the data-connection strategy see it as before):
 * the first 150/125 starts the data (a second one is ignored: sent twice, an upload would write parts twice), a
 * download's 350 (after REST) sends RETR, a 2xx completes it, another 3xx closes the connection (we cannot answer it).
 * It resolves once both the completion reply and the data's end are in; the first error decides.
 */
function runTransfer(
  ftp: FTPContext,
  transfer: Transfer,
  options: TransferOptions,
  moveData: (dataSocket: Socket, done: (error?: Error) => void) => void,
): Promise<FTPResponse> {
  const watchdog = new TransferWatchdog();
  let progressTimer: NodeJS.Timeout | null = null;
  let progressSocket: Socket | null = null;
  let started = false;
  let settled = false;
  let dataDone = false;
  let completion: FTPResponse | null = null;

  const stopWatching = (): void => {
    watchdog.stop();
    if (progressTimer !== null) clearInterval(progressTimer);
    progressTimer = null;
    if (progressSocket !== null) reportProgress(progressSocket, options);
    progressSocket = null;
    // The control connection watches for timeouts again once the data has ended (basic-ftp hands it back the same way).
    ftp.socket.setTimeout(ftp.timeout);
  };

  return ftp.handle(transfer.command, (response, task) => {
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      stopWatching();
      ftp.dataSocket = undefined;
      task.reject(error);
    };
    const tryResolve = (): void => {
      if (settled || !dataDone || completion === null) return;
      settled = true;
      ftp.dataSocket = undefined;
      task.resolve(completion);
    };
    if (response instanceof Error) {
      fail(response);
      return;
    }
    const { code } = response;
    if (code === 150 || code === 125) {
      if (started) return;
      started = true;
      const dataSocket = ftp.dataSocket;
      if (!dataSocket) {
        fail(new Error(`${transfer.direction === 'upload' ? 'Upload' : 'Download'} should begin but no data connection is available.`));
        return;
      }
      const begin = (): void => {
        if (settled) return;
        if (options.log) ftp.log(`${transfer.direction === 'upload' ? 'Uploading to' : 'Downloading from'} ${describeAddress(dataSocket)} (${describeTLS(dataSocket)})`);
        // The data connection is watched now: the control connection sits idle meanwhile, and an inactivity timeout on
        // the data socket would fire while our own side holds the transfer up (see basic-ftp's TransferWatchdog).
        ftp.socket.setTimeout(0);
        dataSocket.setTimeout(0);
        watchdog.start(dataSocket, transfer.direction, ftp.timeout, () => ftp.closeWithError(new Error('Timeout (data socket)')));
        if (options.onProgress) {
          progressSocket = dataSocket;
          reportProgress(dataSocket, options);
          progressTimer = setInterval(() => reportProgress(dataSocket, options), PROGRESS_INTERVAL_MS);
          progressTimer.unref();
        }
        moveData(dataSocket, (error) => {
          if (error) {
            fail(error);
            return;
          }
          if (settled || dataDone) return;
          stopWatching();
          dataDone = true;
          tryResolve();
        });
      };
      // A protected upload writes once TLS is up: before that, getCipher() is undefined (basic-ftp waits the same way).
      const secured = dataSocket as Partial<TLSSocket>;
      if (transfer.direction === 'upload' && typeof secured.getCipher === 'function' && secured.getCipher() === undefined) dataSocket.once('secureConnect', begin);
      else begin();
    } else if (code === 350 && transfer.direction === 'download') {
      ftp.send(`RETR ${transfer.path}`);
    } else if (code >= 200 && code < 300) {
      completion = response;
      tryResolve();
    } else if (code >= 300 && code < 400) {
      ftp.closeWithError(new Error(`Unexpected FTP response is requesting an answer: ${response.message}`));
    }
    // Other preliminary replies (1xx) say nothing to act on.
  });
}

function ignore(): void {}

function reportProgress(socket: Socket, options: TransferOptions): void {
  options.onProgress?.(socket.bytesRead + socket.bytesWritten);
}

/** The error `stream.pipeline` gives for a stream closed before its end: the error mapping reads its code. */
function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

/**
 * `from` piped into `to` as `stream.pipeline` would, for two streams: `done` once `to` has finished (all written,
 * ended), or with the first error of either, or when either closes before its end; on an error both are torn down
 * with it. `pipe` keeps the back-pressure the watchdog reads (a paused socket: we are the ones waiting).
 */
export function pipeData(from: Readable, to: Writable, done: (error?: Error) => void): void {
  let over = false;
  const finish = (error?: Error): void => {
    if (over) return;
    over = true;
    from.removeListener('error', finish);
    to.removeListener('error', finish);
    from.removeListener('close', onFromClose);
    to.removeListener('close', onToClose);
    to.removeListener('finish', onFinish);
    if (error) {
      from.unpipe(to);
      // Reported through `done`: the 'error' events these teardowns may still emit must not go unheard.
      from.on('error', ignore);
      to.on('error', ignore);
      if (!from.destroyed) from.destroy(error);
      if (!to.destroyed) to.destroy(error);
    }
    done(error);
  };
  const onFromClose = (): void => {
    if (!from.readableEnded) finish(prematureClose());
  };
  const onToClose = (): void => {
    if (!to.writableFinished) finish(prematureClose());
  };
  const onFinish = (): void => finish();
  from.on('error', finish);
  to.on('error', finish);
  from.on('close', onFromClose);
  to.on('close', onToClose);
  to.on('finish', onFinish);
  // Closed or failed before we got here: `pipe` would wait for events that already came.
  const gone = (from.destroyed && !from.readableEnded) || (to.destroyed && !to.writableFinished);
  if (gone) {
    const error = from.errored ?? to.errored ?? prematureClose();
    process.nextTick(() => finish(error));
    return;
  }
  if (to.writableFinished) {
    process.nextTick(onFinish);
    return;
  }
  from.pipe(to);
}
