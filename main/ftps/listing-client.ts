import { Writable } from 'node:stream';
import { Client, type FileInfo, FTPError, type FTPResponse } from 'basic-ftp';
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
    this.lastListingReply = await downloadTo(destination, { ftp: this.ftp, tracker: this._progressTracker, command, remotePath: '', type: 'list' });
    return [];
  }
}
