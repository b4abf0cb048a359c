/** What the renderer says about each kind of error: a title, the message main gave, and what to do. */
import type { ErrorKind, WharfErrorData } from '../../common/models/errors';
import { withReplyWords } from '../../common/models/ftp-replies';

/** How an error is shown. */
export interface ErrorView {
  readonly title: string;
  readonly message: string;
  /** What the user can do, where we know it. */
  readonly hint: string | null;
  /** The local folder is not one the user opened: offer "Choose folder…". */
  readonly offerChooseFolder: boolean;
  /** The site's password is needed: ask for it. */
  readonly needsPassword: boolean;
}

function titleAndHint(kind: ErrorKind): { title: string; hint: string | null } {
  switch (kind) {
    case 'auth':
      return { title: 'Login refused', hint: 'Check the user name and password.' };
    case 'tls-untrusted':
      return { title: 'Certificate not trusted', hint: 'Nothing was sent to the server.' };
    case 'tls-changed':
      return { title: 'The server’s certificate changed', hint: 'This can mean someone is intercepting the connection. Ask the server’s administrator before trusting the new certificate.' };
    case 'tls-handshake':
      return { title: 'Secure connection failed', hint: 'The server may not support TLS 1.2 or later, or the protocol (explicit/implicit) may be wrong.' };
    case 'tls-required':
      return { title: 'Encryption required', hint: 'Choose the protocol the server supports.' };
    case 'timeout':
      return { title: 'No answer in time', hint: 'Check the host and port, or try active/passive mode.' };
    case 'refused':
      return { title: 'Connection refused', hint: 'Check the host, the port and the protocol.' };
    case 'dns':
      return { title: 'Host not found', hint: 'Check the host name.' };
    case 'connection-lost':
      return { title: 'Connection lost', hint: 'Connect again.' };
    case 'data-channel':
      return { title: 'Data connection failed', hint: 'A firewall may block passive ports; try active mode in the site settings.' };
    case 'too-many-connections':
      return { title: 'Too many connections', hint: 'Lower the maximum connections of this site.' };
    case 'ftp':
      return { title: 'The server refused', hint: null };
    case 'unsafe-name':
      return { title: 'Unsafe file name', hint: 'The server sent a name that cannot be used safely here.' };
    case 'local-io':
      return { title: 'Local file error', hint: null };
    case 'plain-refused':
      return { title: 'Plain FTP not allowed', hint: 'Confirm the unencrypted connection, or choose FTPS.' };
    case 'invalid-input':
      return { title: 'Cannot do that', hint: null };
    case 'keychain':
      return { title: 'System keychain unavailable', hint: 'Choose “Ask on connect” for the password.' };
    case 'cancelled':
      return { title: 'Cancelled', hint: null };
    case 'verification':
      return { title: 'Verification failed', hint: 'The file on the other side differs; retry the transfer.' };
    case 'internal':
      return { title: 'Something went wrong', hint: 'This is a bug in Wharf; the log has details.' };
    default: {
      const never: never = kind;
      return { title: String(never), hint: null };
    }
  }
}

/** The view of an error, switched on its kind (exhaustively: a new kind fails to compile here). */
export function describeError(error: WharfErrorData): ErrorView {
  const { title, hint } = titleAndHint(error.kind);
  const reason = error.detail?.['reason'];
  return {
    title,
    // The server's reply keeps its code and text (what a support desk asks for); the words come beside it.
    message: withReplyWords(error.message, error.code),
    hint,
    offerChooseFolder: error.kind === 'local-io' && reason === 'not-allowed',
    needsPassword: error.kind === 'invalid-input' && reason === 'password-required',
  };
}
