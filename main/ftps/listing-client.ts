import { Writable } from 'node:stream';
import { Client, type FileInfo, type FTPResponse } from 'basic-ftp';
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

  protected override async _requestListWithCommand(command: string): Promise<FileInfo[]> {
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
