import { FTPError, type FTPContext, type FTPResponse } from 'basic-ftp';

/**
 * Sends `commands` in one write and reads one reply for each, in order: one round trip instead of one per command.
 * Only for commands none of which opens a data connection and whose sending does not depend on an earlier one's
 * reply (the caller decides what the replies mean: an RNTO after a refused RNFR is answered 503 and read all the
 * same). Error replies (4xx/5xx) are returned like the others, so every reply is read and the next command gets
 * its own; a lost connection or a timeout rejects.
 */
export function sendPipelined(ftp: FTPContext, commands: readonly [string, ...string[]]): Promise<FTPResponse[]> {
  const replies: FTPResponse[] = [];
  const [first, ...rest] = commands;
  const answered = ftp.handle(first, (response, task) => {
    if (response instanceof FTPError) replies.push({ code: response.code, message: response.message });
    else if (response instanceof Error) return task.reject(response);
    else replies.push(response);
    if (replies.length === commands.length) task.resolve(replies);
  });
  // `handle` has made the task and written the first command: the replies to these land in it.
  if (!ftp.closed) for (const command of rest) ftp.send(command);
  return answered as Promise<FTPResponse[]>;
}
