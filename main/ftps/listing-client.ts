import { Writable } from 'node:stream';
import { Client, type FileInfo } from 'basic-ftp';
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

  protected override async _requestListWithCommand(command: string): Promise<FileInfo[]> {
    const receiver = this.listingReceiver;
    if (!receiver) return super._requestListWithCommand(command);
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
    await downloadTo(destination, { ftp: this.ftp, tracker: this._progressTracker, command, remotePath: '', type: 'list' });
    return [];
  }
}
