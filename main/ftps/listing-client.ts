import { Writable } from 'node:stream';
import { Client, type FileInfo, FTPError, type FTPResponse, type ResponseHandler, type TaskResolver } from 'basic-ftp';
import { StringWriter } from 'basic-ftp/dist/StringWriter';
import { downloadTo } from 'basic-ftp/dist/transfer';

/**
 * basic-ftp's Client, whose listings can go to a stream instead of its string buffer: basic-ftp reads a
 * whole listing into memory before `parseList` sees it, so a 100,000-entry folder showed nothing until
 * its last byte. `_requestListWithCommand` is basic-ftp's documented protected hook for this.
 */
export class StreamingListClient extends Client {
  /**
   * While set, each listing attempt (`MLSD`, then `LIST -a`, `LIST` when refused) gets its own chunk
   * receiver, told the command; `parseList` is then not called.
   */
  listingReceiver: ((command: string) => (chunk: Buffer) => void) | null = null;

  /**
   * While set, a streamed listing (see listingReceiver) is cut short when it aborts: its data connection is
   * closed mid-transfer, the server's closing reply read, and the listing fails with ListingCutShort.
   */
  listingSignal: AbortSignal | null = null;

  /** How long a cut listing waits for the server's reply before the control connection is given up. */
  cutReplyWaitMs = 5000;

  /**
   * The reply that closed the last listing: vsftpd closes a listing of a folder it could not open with
   * "226 Transfer done (but failed to open directory).", a success code over nothing.
   */
  lastListingReply: FTPResponse | null = null;

  /**
   * MLSD's refusal of the folder when the last listing then came from LIST: proftpd and pure-ftpd refuse MLSD of
   * a folder they may enter but not read, yet answer LIST of it with an empty success. basic-ftp falls back to
   * LIST on any refusal; a reply saying MLSD itself is unknown (500-504) is not kept here.
   */
  mlsdRefusal: FTPError | null = null;

  /** The listing commands before the last listing (basic-ftp keeps only the one that worked). */
  private listCommandsBefore: string[] = [];

  override async list(path = ''): Promise<FileInfo[]> {
    this.mlsdRefusal = null;
    this.listCommandsBefore = this.availableListCommands;
    try {
      return await super.list(path);
    } catch (err) {
      // proftpd refuses MLSD of a missing folder with 550 and LIST of it with 450, which would be retried: the
      // answer of the command the server offers is the one that counts.
      throw this.mlsdRefusal && err instanceof FTPError ? this.mlsdRefusal : err;
    }
  }

  /** A path as a command takes it: one with a leading space made absolute (basic-ftp's protectWhitespace, a PWD). */
  pathForCommand(path: string): Promise<string> {
    return this.protectWhitespace(path);
  }

  /** After a LIST that stood in for a refused MLSD told nothing: MLSD stays first for the next listing. */
  keepMlsdFirst(): void {
    if (this.mlsdRefusal) this.availableListCommands = this.listCommandsBefore;
  }

  protected override async _requestListWithCommand(command: string): Promise<FileInfo[]> {
    try {
      return await this.requestList(command);
    } catch (err) {
      if (command.startsWith('MLSD') && err instanceof FTPError && (err.code < 500 || err.code > 504)) this.mlsdRefusal = err;
      throw err;
    }
  }

  private async requestList(command: string): Promise<FileInfo[]> {
    this.lastListingReply = null;
    const receiver = this.listingReceiver;
    if (!receiver) {
      // basic-ftp's own body, keeping the closing reply it drops.
      const buffer = new StringWriter(this.options.maxListingBytes);
      this.lastListingReply = await downloadTo(buffer, { ftp: this.ftp, tracker: this._progressTracker, command, remotePath: '', type: 'list' });
      const text = buffer.getText(this.ftp.encoding);
      this.ftp.log(text);
      return this.parseList(text);
    }
    const signal = this.listingSignal;
    if (signal?.aborted) {
      // Superseded while its data connection opened: the command is never sent.
      this.ftp.dataSocket = undefined;
      throw new ListingCutShort(null);
    }
    const receive = receiver(command);
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        try {
          receive(chunk);
          done();
        } catch (err) {
          done(err as Error);
        }
      },
    });
    const cut = signal ? this.cutShortOnAbort(signal) : null;
    try {
      this.lastListingReply = await downloadTo(destination, { ftp: this.ftp, tracker: this._progressTracker, command, remotePath: '', type: 'list' });
    } catch (err) {
      if (!cut?.isCut()) throw err;
      // The control connection was given up (see cutShortOnAbort): the session reconnects for its next command.
      throw new ListingCutShort(null, err);
    } finally {
      cut?.stopWatching();
    }
    if (!cut?.isCut()) return [];
    const reply = this.lastListingReply;
    this.lastListingReply = null;
    try {
      await this.resynchronize();
    } catch (err) {
      throw new ListingCutShort(reply, err);
    }
    throw new ListingCutShort(reply);
  }

  /**
   * Arms the cut of the listing about to be requested (its command goes out with the next `ftp.handle`). On
   * abort the data connection is closed mid-transfer, as FileZilla does: the server's next write fails and it
   * closes the listing with a reply (426, or 226 when it had written everything already). From then on the
   * task ignores the data connection and ends with that reply, so the reply never lands on the next command.
   * A server that stays silent (its end of the data connection held somewhere) costs the control connection
   * after `cutReplyWaitMs`; the session reopens it for its next command.
   */
  private cutShortOnAbort(signal: AbortSignal): { isCut(): boolean; stopWatching(): void } {
    const ftp = this.ftp;
    const handle = ftp.handle;
    let cut = false;
    let timer: NodeJS.Timeout | undefined;
    /** The running task and, once the server closed the listing on the control connection, its reply. */
    let task: TaskResolver | null = null;
    let closingReply: FTPResponse | null = null;
    ftp.handle = (command: string | undefined, handler: ResponseHandler) => {
      ftp.handle = handle;
      return handle.call(ftp, command, (response, resolver) => {
        task = resolver;
        if (!cut) {
          if (!(response instanceof Error) && response.code >= 200) closingReply = response;
          // The data connection's failure after the cut (a premature close) is not the listing's outcome.
          handler(response, { resolve: (value) => resolver.resolve(value), reject: (err) => (cut ? undefined : resolver.reject(err)) });
          return;
        }
        if (response instanceof FTPError) resolver.resolve({ code: response.code, message: response.message });
        else if (response instanceof Error) resolver.reject(response);
        else if (response.code >= 200) resolver.resolve(response);
      });
    };
    const onAbort = () => {
      cut = true;
      // RFC 959's abort, in band: proftpd and pyftpdlib read it while they send, and answer both it and the
      // listing (226 and 426, in either order); vsftpd and pure-ftpd read it after the listing ended (225 or 226).
      // proftpd ends the whole session when it finds its data connection closed without one.
      if (!ftp.closed) ftp.send('ABOR');
      ftp.dataSocket?.destroy();
      if (closingReply && task) {
        task.resolve(closingReply);
        return;
      }
      timer = setTimeout(() => ftp.closeWithError(new Error(`No reply to the cut listing within ${this.cutReplyWaitMs} ms`)), this.cutReplyWaitMs);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    return {
      isCut: () => cut,
      stopWatching: () => {
        ftp.handle = handle;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      },
    };
  }

  /**
   * After a cut listing: NOOP, and every reply up to its 200 is dropped. A server may answer the cut transfer
   * twice (426, then 226); the second would otherwise be taken as the answer to the next command.
   */
  private resynchronize(): Promise<FTPResponse> {
    return this.ftp.handle('NOOP', (response, task) => {
      if (response instanceof FTPError) return;
      if (response instanceof Error) task.reject(response);
      else if (response.code >= 200 && response.code < 300 && response.code !== 225 && response.code !== 226) task.resolve(response);
    });
  }
}

/**
 * A streamed listing cut short by its signal. `reply` is the server's reply that closed it; null when the
 * listing was never asked or the control connection was given up waiting.
 */
export class ListingCutShort extends Error {
  constructor(readonly reply: FTPResponse | null, cause?: unknown) {
    super(reply === null ? 'Listing superseded' : `Listing superseded: ${reply.message.trim()}`, { cause });
  }
}
