/**
 * The common FTP error replies (RFC 959, RFC 2228, RFC 4217) in plain words, as FileZilla explains them
 * beside the code: "553 Could not create file." means little to most people; the words say what to check.
 * Shared by the window and the CLI.
 */
const REPLY_WORDS: Readonly<Record<number, string>> = {
  421: 'The server is closing the connection (busy, shutting down, or too many connections from you).',
  425: 'The server could not open the data connection (a firewall, or passive/active mode).',
  426: 'The data connection was closed before the transfer finished.',
  430: 'The user name or password is wrong.',
  450: 'The file is busy or not available right now; try again later.',
  451: 'The server hit a local error (often a full disk or a quota); try again later.',
  452: 'The server has no room left for this file (disk full or quota).',
  500: 'The server did not understand the command.',
  501: 'The server did not accept the command’s arguments (a name or path it cannot use).',
  502: 'The server does not support this command.',
  503: 'The commands came in an order the server did not expect.',
  504: 'The server does not support this option of the command.',
  521: 'The server does not allow encrypted data connections at this protection level.',
  522: 'The server does not support the network protocol asked for (IPv4/IPv6).',
  530: 'Not logged in: the user name or password is wrong, or this user may not log in (TLS may be required).',
  532: 'The server needs an account (ACCT) to store files.',
  533: 'The server requires a higher protection level for this command (encrypted data).',
  534: 'The server refused the security settings (TLS) asked for.',
  550: 'The file or folder does not exist, or you have no permission for it.',
  551: 'The requested page type is unknown to the server.',
  552: 'The file exceeds your storage allowance (quota) on the server.',
  553: 'The file name is not allowed, or you have no permission to write there.',
};

/** The plain words for an FTP reply code, or null for a code without an entry. */
export function explainReply(code: number): string | null {
  return REPLY_WORDS[code] ?? null;
}

/** A message carrying a server reply, with the reply's plain words beside it when it has them: `553 ... (words)`. */
export function withReplyWords(message: string, code: number | undefined): string {
  const words = code === undefined ? null : explainReply(code);
  return words && !message.includes(words) ? `${message} (${words})` : message;
}
