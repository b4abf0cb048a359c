import type { FTPResponse } from 'basic-ftp';

/**
 * Commands whose replies the transfer does not wait for (a download's time, MDTM; the previous upload's time and
 * rename): they go out in the same write as the transfer's EPSV, one round trip fewer per file. Where the setup
 * cannot carry them (PASV, active mode, a proxy, the first transfer of a session) they are sent on their own
 * first. `answered` gets one reply per command, in order (error replies too), or null when they were not all
 * read (the setup failed before they were sent, or the connection was lost): called exactly once.
 */
export interface TransferRider {
  readonly commands: readonly [string, ...string[]];
  answered(replies: readonly FTPResponse[] | null): void;
}

/** Two riders as one, `first`'s commands first; each gets its own replies. */
export function joinRiders(first: TransferRider | null, second: TransferRider | null): TransferRider | null {
  if (first === null || second === null) return first ?? second;
  const split = first.commands.length;
  return {
    commands: [...first.commands, ...second.commands],
    answered: (replies) => {
      first.answered(replies === null ? null : replies.slice(0, split));
      second.answered(replies === null ? null : replies.slice(split));
    },
  };
}
