/** What the renderer says about each kind of error: a title, the message main gave, and what to do. */
import { t } from '../../common/i18n/t';
import type { ErrorKind, WharfErrorData } from '../../common/models/errors';
import { withReplyWords } from '../../common/models/ftp-replies';
import { PROXY_SETTINGS_DAMAGED } from '../../common/models/proxy';

/** How an error is shown. */
export interface ErrorView {
  readonly title: string;
  readonly message: string;
  /** What the user can do, where we know it. */
  readonly hint: string | null;
  /** The local folder is not one the user opened: offer "Choose folder…". */
  readonly offerChooseFolder: boolean;
  /** The proxy settings file is damaged and nothing connects: offer the dialog whose Save mends it. */
  readonly offerProxySettings: boolean;
  /** The site's password is needed: ask for it. */
  readonly needsPassword: boolean;
}

function titleAndHint(kind: ErrorKind): { title: string; hint: string | null } {
  switch (kind) {
    case 'auth':
      return { title: t('rendererWords.error.auth'), hint: t('rendererWords.error.auth.hint') };
    case 'tls-untrusted':
      return { title: t('rendererWords.error.tlsUntrusted'), hint: t('rendererWords.error.tlsUntrusted.hint') };
    case 'tls-changed':
      return { title: t('rendererWords.error.tlsChanged'), hint: t('rendererWords.error.tlsChanged.hint') };
    case 'tls-handshake':
      return { title: t('rendererWords.error.tlsHandshake'), hint: t('rendererWords.error.tlsHandshake.hint') };
    case 'tls-required':
      return { title: t('rendererWords.error.tlsRequired'), hint: t('rendererWords.error.tlsRequired.hint') };
    case 'timeout':
      return { title: t('rendererWords.error.timeout'), hint: t('rendererWords.error.timeout.hint') };
    case 'refused':
      return { title: t('rendererWords.error.refused'), hint: t('rendererWords.error.refused.hint') };
    case 'dns':
      return { title: t('rendererWords.error.dns'), hint: t('rendererWords.error.dns.hint') };
    case 'connection-lost':
      return { title: t('rendererWords.error.connectionLost'), hint: t('rendererWords.error.connectionLost.hint') };
    case 'data-channel':
      return { title: t('rendererWords.error.dataChannel'), hint: t('rendererWords.error.dataChannel.hint') };
    case 'too-many-connections':
      return { title: t('rendererWords.error.tooManyConnections'), hint: t('rendererWords.error.tooManyConnections.hint') };
    case 'ftp':
      return { title: t('rendererWords.error.ftp'), hint: null };
    case 'unsafe-name':
      return { title: t('rendererWords.error.unsafeName'), hint: t('rendererWords.error.unsafeName.hint') };
    case 'local-io':
      return { title: t('rendererWords.error.localIo'), hint: null };
    case 'plain-refused':
      return { title: t('rendererWords.error.plainRefused'), hint: t('rendererWords.error.plainRefused.hint') };
    case 'invalid-input':
      return { title: t('rendererWords.error.invalidInput'), hint: null };
    case 'keychain':
      return { title: t('rendererWords.error.keychain'), hint: t('rendererWords.error.keychain.hint') };
    case 'cancelled':
      return { title: t('rendererWords.error.cancelled'), hint: null };
    case 'verification':
      return { title: t('rendererWords.error.verification'), hint: t('rendererWords.error.verification.hint') };
    case 'internal':
      return { title: t('rendererWords.error.internal'), hint: t('rendererWords.error.internal.hint') };
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
  const proxySettingsDamaged = error.kind === 'local-io' && reason === PROXY_SETTINGS_DAMAGED;
  return {
    title: proxySettingsDamaged ? t('rendererWords.error.proxySettingsDamaged') : title,
    // The server's reply keeps its code and text (what a support desk asks for); the words come beside it.
    message: withReplyWords(error.message, error.code),
    hint,
    offerChooseFolder: error.kind === 'local-io' && reason === 'not-allowed',
    offerProxySettings: proxySettingsDamaged,
    needsPassword: error.kind === 'invalid-input' && reason === 'password-required',
  };
}
