/**
 * Which FTP commands start a transfer over a data connection (RFC 959; MLSD: RFC 3659): the server answers
 * 125/150, then 226 or 426 about that connection. One table for the engine (which replies concern a data
 * connection, which command a data connection's TLS may wait for) and for the guard on raw commands (a user's
 * raw command must not open a data connection the session does not expect).
 */
export const TRANSFER_COMMANDS = ['RETR', 'STOR', 'STOU', 'APPE', 'LIST', 'NLST', 'MLSD'] as const;

/** A command line's verb, in capitals: `retr /a b.txt` gives `RETR`. */
export function commandVerb(line: string): string {
  const space = line.indexOf(' ');
  return (space < 0 ? line : line.slice(0, space)).toUpperCase();
}

/** Whether a command line starts a transfer (see TRANSFER_COMMANDS). */
export function isTransferCommand(line: string): boolean {
  return (TRANSFER_COMMANDS as readonly string[]).includes(commandVerb(line));
}
