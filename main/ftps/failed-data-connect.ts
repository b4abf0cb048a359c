import type { FTPContext } from 'basic-ftp';
import type { WharfError } from '../core/errors';

/**
 * How long a data connection that failed after its transfer command went out waits for the server's answer to
 * that command. A server that refuses the command closes the port it named (proftpd answers 550, then the port
 * is gone): its refusal is on the way before the connection is refused, but may be read after it.
 */
export const REFUSAL_GRACE_MS = 1000;

/**
 * A passive data connection failed after the transfer command went out. A refusal of the command (4xx/5xx) read
 * within the grace is the transfer's error: basic-ftp then drops the data socket, and the file is not
 * retried as if the connection were lost. Accepted, or no answer in time, the failed connection ends the session
 * with `error`: a server that waits for the connection would otherwise wait until its own timeout.
 * `holdUntilAnswered` runs its report once the server accepted the command, and never when it refused it.
 */
export function failUnlessRefused(ftp: FTPContext, error: WharfError, holdUntilAnswered: (report: () => void) => void): void {
  // The failed connection, or the TLS socket already started over it: still the data socket while its transfer waits.
  const failed = ftp.dataSocket;
  if (failed === undefined) return; // the transfer is already over (refused)
  const fail = () => {
    clearTimeout(grace);
    if (ftp.dataSocket === failed) ftp.closeWithError(error);
  };
  const grace = setTimeout(fail, Math.min(REFUSAL_GRACE_MS, ftp.timeout > 0 ? ftp.timeout : REFUSAL_GRACE_MS));
  holdUntilAnswered(fail);
}
