// From the module itself, not the package's index, which loads the whole client: the early login (main/cli/early-login.ts) needs only this.
import { FTPError, type FTPContext, type FTPResponse } from 'basic-ftp/dist/FtpContext';

/**
 * Replies that only ever concern a data connection: a preliminary 1xx, and the completion or abort of a
 * transfer. No other command is answered with them, so one arriving for another command is a late reply
 * about an earlier data connection: pyftpdlib, for one, sends "226 Transfer complete." when a data
 * connection it accepted closes without a transfer (after a refused MLSD, or a LIST of a missing folder).
 */
export function isDataConnectionReply(code: number): boolean {
  return code < 200 || code === 225 || code === 226 || code === 426;
}

/**
 * Writes `commands` to the control connection in one write, logged one by one as basic-ftp's `send` logs them;
 * returns the bytes written.
 * One write, not one per command: with Nagle's algorithm (on for the control connection) a second small write
 * waits until the first is acknowledged, which on a real link is the very round trip pipelining saves.
 */
export function writeTogether(ftp: FTPContext, commands: readonly string[]): number {
  for (const command of commands) {
    if (/[\r\n\0]/.test(command)) throw new Error(`Invalid command: Contains control characters. (${command})`);
  }
  for (const command of commands) ftp.log(`> ${command}`);
  const text = commands.map((command) => `${command}\r\n`).join('');
  ftp.socket.write(text, ftp.encoding);
  return Buffer.byteLength(text, ftp.encoding);
}

/**
 * Sends `commands` in one write and reads one reply for each, in order: one round trip instead of one per command.
 * Only for commands none of which opens a data connection and whose sending does not depend on an earlier one's
 * reply (the caller decides what the replies mean: an RNTO after a refused RNFR is answered 503 and read all the
 * same). Error replies (4xx/5xx) are returned like the others, so every reply is read and the next command gets
 * its own; a late reply about an earlier data connection (a 226, see reply-guard) is dropped and told to
 * `onLateReply`; a lost connection or a timeout rejects.
 */
export function sendPipelined(ftp: FTPContext, commands: readonly [string, ...string[]], onLateReply: (text: string) => void): Promise<FTPResponse[]> {
  const replies: FTPResponse[] = [];
  const answered = ftp.handle(undefined, (response, task) => {
    // A late 426 arrives as an FTPError (4xx): it is a late reply all the same, not the answer to a command here.
    const reply = response instanceof FTPError ? { code: response.code, message: response.message } : response;
    if (reply instanceof Error) return task.reject(reply);
    if (isDataConnectionReply(reply.code)) return onLateReply(reply.message.trim());
    replies.push(reply);
    if (replies.length === commands.length) task.resolve(replies);
  });
  // `handle` has made the task: the replies land in it.
  if (!ftp.closed) {
    try {
      writeTogether(ftp, commands);
    } catch (error) {
      ftp.closeWithError(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return answered as Promise<FTPResponse[]>;
}
