/**
 * Every way an operation can fail, as the user should understand it. The renderer and the CLI switch on
 * `kind` to choose a message, an icon or an exit code; `message` is one human line.
 */
export const ERROR_KINDS = [
  /** Login refused: wrong user name or password (530 after PASS, 430, 421 after USER on pure-ftpd). */
  'auth',
  /** The server's certificate is not trusted and the user did not accept it. */
  'tls-untrusted',
  /** A pinned certificate changed: a hard stop, both fingerprints are given. */
  'tls-changed',
  /** The TLS handshake or AUTH TLS failed (protocol version, cipher, a server that speaks no TLS). */
  'tls-handshake',
  /** The server requires something we refuse, or the site asked for TLS and the server has none. */
  'tls-required',
  /** No answer in time, on the control or the data connection. */
  'timeout',
  /** The TCP connection was refused or the host is unreachable. */
  'refused',
  /** The host name could not be resolved. */
  'dns',
  /** The control connection was closed or reset by the server or the network. */
  'connection-lost',
  /** A data connection could not be opened or broke (firewall, NAT, passive ports, TLS reuse). */
  'data-channel',
  /** The server refuses more connections from this address (421, 530 "too many"). */
  'too-many-connections',
  /** A permanent or transient FTP reply; `code` has the reply code. */
  'ftp',
  /** The remote name is unsafe to use as a local name (`..`, `/`, NUL, control characters). */
  'unsafe-name',
  /** A local file system error (permission, full disk, missing folder). */
  'local-io',
  /** Plain FTP was not allowed for this site. */
  'plain-refused',
  /** The request itself is malformed (bad URL, bad payload, unknown site). */
  'invalid-input',
  /** The keychain is unavailable or refused. */
  'keychain',
  /** The user or the caller cancelled the operation. */
  'cancelled',
  /** Size or hash after a transfer did not match. */
  'verification',
  /** A bug or an unforeseen condition. */
  'internal',
] as const;

/** One of the kinds above. */
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** An error as plain data, safe to log, to send over IPC and to print. Never carries a password. */
export interface WharfErrorData {
  readonly kind: ErrorKind;
  /** One line for a person: what happened and, where we know it, what to do. */
  readonly message: string;
  /** The FTP reply code, for kind `ftp` and others that came from a reply. */
  readonly code?: number;
  /** Extra facts: both fingerprints for `tls-changed`, the unsafe name for `unsafe-name`, ... */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}
