/** Where a log line came from in the FTP dialogue. */
export type LogDirection = 'command' | 'reply' | 'tls' | 'info' | 'warning' | 'error';

/** One line of the command log. Commands carrying a password are masked before they become a LogLine. */
export interface LogLine {
  /** ISO 8601 time. */
  readonly time: string;
  /** The connection this line belongs to (a session id; transfers use their own connections). */
  readonly connectionId: string;
  readonly direction: LogDirection;
  readonly text: string;
}
