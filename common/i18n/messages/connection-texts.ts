/**
 * What the connection layer says (main/ftps): why a proxy could not be used, why a server's name cannot become
 * a local file name, what the certificate check found, and the notices a session gives. Proxy addresses, host
 * names, error codes and the proxy's own status line are arguments: they stay as they are.
 */
import { defineMessages } from '../define';

export const connectionTextsMessages = defineMessages({
  // Said of a name: "the name {reason}" in English and German (a predicate), a whole clause in Japanese.
  'connectionTexts.unsafeNameReason': {
    en: '{reason, select, empty {is empty} dots {is "." or ".."} nul {contains NUL} slash {contains "/"} backslash {contains "\\"} control {contains a control character} commandControl {contains a control character (a line break would end the FTP command)} surrogate {contains a lone UTF-16 surrogate (not valid Unicode)} drive {starts with a Windows drive prefix} device {is a reserved Windows device name} trailing {ends with a dot or space (Windows drops them)} windowsCharacter {contains a character Windows forbids (<>:"|?*)} outside {resolves outside the local folder} other {is longer than {maxBytes} bytes in UTF-8}}',
    de: '{reason, select, empty {ist leer} dots {ist „.“ oder „..“} nul {enthält NUL} slash {enthält „/“} backslash {enthält „\\“} control {enthält ein Steuerzeichen} commandControl {enthält ein Steuerzeichen (ein Zeilenumbruch würde den FTP-Befehl beenden)} surrogate {enthält ein einzelnes UTF-16-Surrogat (kein gültiges Unicode)} drive {beginnt mit einer Windows-Laufwerksangabe} device {ist ein reservierter Windows-Gerätename} trailing {endet mit einem Punkt oder Leerzeichen (Windows entfernt diese)} windowsCharacter {enthält ein Zeichen, das Windows nicht erlaubt (<>:"|?*)} outside {führt aus dem lokalen Verzeichnis hinaus} other {ist in UTF-8 länger als {maxBytes} Bytes}}',
    ja: '{reason, select, empty {名前が空です} dots {名前が「.」または「..」です} nul {名前に NUL が含まれています} slash {名前に「/」が含まれています} backslash {名前に「\\」が含まれています} control {名前に制御文字が含まれています} commandControl {名前に制御文字が含まれています (改行は FTP コマンドを終わらせてしまいます)} surrogate {名前に対になっていない UTF-16 サロゲートが含まれています (有効な Unicode ではありません)} drive {名前が Windows のドライブ指定で始まっています} device {名前が Windows の予約済みデバイス名です} trailing {名前がドットまたはスペースで終わっています (Windows では削除されます)} windowsCharacter {名前に Windows で使用できない文字 (<>:"|?*) が含まれています} outside {名前がローカルディレクトリの外を指しています} other {名前が UTF-8 で {maxBytes} バイトを超えています}}',
  },
  'connectionTexts.unsafeNameSkipped': {
    en: 'Skipped "{name}": the name {reason}.',
    de: '„{name}“ übersprungen: Der Name {reason}.',
    ja: '「{name}」をスキップしました: {reason}。',
  },

  'connectionTexts.proxyUnreachable': {
    en: 'The {kind} proxy {proxy} cannot be reached ({code}). Check the proxy setting.',
    de: 'Der {kind}-Proxy {proxy} ist nicht erreichbar ({code}). Prüfen Sie die Proxy-Einstellung.',
    ja: '{kind} プロキシ {proxy} に接続できません ({code})。プロキシ設定を確認してください。',
  },
  'connectionTexts.proxyTimeout': {
    en: 'The {kind} proxy {proxy} did not answer in time.',
    de: 'Der {kind}-Proxy {proxy} hat nicht rechtzeitig geantwortet.',
    ja: '{kind} プロキシ {proxy} から時間内に応答がありませんでした。',
  },
  'connectionTexts.socksLoginRefused': {
    en: "The SOCKS5 proxy {proxy} refused the user name or password{login, select, named { of {user}} other {}}. Check the proxy's login in the proxy setting.",
    de: 'Der SOCKS5-Proxy {proxy} hat {login, select, named {den Benutzernamen oder das Passwort von {user}} other {den Benutzernamen oder das Passwort}} abgelehnt. Prüfen Sie die Anmeldung des Proxys in der Proxy-Einstellung.',
    ja: 'SOCKS5 プロキシ {proxy} が{login, select, named { {user} の} other {}}ユーザー名またはパスワードを拒否しました。プロキシ設定でプロキシのログイン情報を確認してください。',
  },
  'connectionTexts.socksLoginRequired': {
    en: 'The SOCKS5 proxy {proxy} requires a login: add a user (socks5://user@host:port) and its password.',
    de: 'Der SOCKS5-Proxy {proxy} verlangt eine Anmeldung: Geben Sie einen Benutzer (socks5://user@host:port) und sein Passwort an.',
    ja: 'SOCKS5 プロキシ {proxy} にはログインが必要です: ユーザー (socks5://user@host:port) とそのパスワードを追加してください。',
  },
  'connectionTexts.socksNoLoginMethod': {
    en: 'The SOCKS5 proxy {proxy} accepts none of the login methods Wharf offers.',
    de: 'Der SOCKS5-Proxy {proxy} akzeptiert keine der Anmeldemethoden, die Wharf anbietet.',
    ja: 'SOCKS5 プロキシ {proxy} は Wharf が提供するどのログイン方式も受け付けません。',
  },
  'connectionTexts.socksConnectRefused': {
    en: "The SOCKS5 proxy {proxy} would not connect to {target} ({reason, select, none {refused} other {{reason}}}). The proxy's rules may not allow this server or port.",
    de: 'Der SOCKS5-Proxy {proxy} hat keine Verbindung zu {target} hergestellt ({reason, select, none {abgelehnt} other {{reason}}}). Die Regeln des Proxys erlauben diesen Server oder Port möglicherweise nicht.',
    ja: 'SOCKS5 プロキシ {proxy} は {target} に接続しませんでした ({reason, select, none {拒否} other {{reason}}})。プロキシのルールでこのサーバーまたはポートが許可されていない可能性があります。',
  },
  'connectionTexts.socksFailed': {
    en: 'The SOCKS5 proxy {proxy} failed: {message}',
    de: 'Der SOCKS5-Proxy {proxy} ist gescheitert: {message}',
    ja: 'SOCKS5 プロキシ {proxy} でエラーが発生しました: {message}',
  },
  'connectionTexts.proxyHostInvalid': {
    en: '"{host}" is not a host name a proxy can be asked for.',
    de: '„{host}“ ist kein Hostname, nach dem ein Proxy gefragt werden kann.',
    ja: '「{host}」はプロキシに要求できるホスト名ではありません。',
  },
  'connectionTexts.httpProxyDropped': {
    en: 'The HTTP proxy {proxy} dropped the connection while asked for {target} ({code}).',
    de: 'Der HTTP-Proxy {proxy} hat die Verbindung während der Anfrage nach {target} abgebrochen ({code}).',
    ja: 'HTTP プロキシ {proxy} は {target} を要求している間に接続を切断しました ({code})。',
  },
  'connectionTexts.httpProxyClosed': {
    en: 'The HTTP proxy {proxy} closed the connection instead of answering CONNECT {target}.',
    de: 'Der HTTP-Proxy {proxy} hat die Verbindung geschlossen, statt auf CONNECT {target} zu antworten.',
    ja: 'HTTP プロキシ {proxy} は CONNECT {target} に応答せずに接続を閉じました。',
  },
  'connectionTexts.httpProxyAnswerTooLong': {
    en: 'The HTTP proxy {proxy} sent an answer too long to be a CONNECT response.',
    de: 'Der HTTP-Proxy {proxy} hat eine Antwort gesendet, die für eine Antwort auf CONNECT zu lang ist.',
    ja: 'HTTP プロキシ {proxy} の応答は CONNECT への応答としては長すぎます。',
  },
  'connectionTexts.notAnHttpProxy': {
    en: '{proxy} did not answer like an HTTP proxy: {line}.',
    de: '{proxy} hat nicht wie ein HTTP-Proxy geantwortet: {line}.',
    ja: '{proxy} は HTTP プロキシとして応答しませんでした: {line}。',
  },
  'connectionTexts.httpProxyLoginRequired': {
    en: 'The HTTP proxy {proxy} requires a login ({code}): add a user (http://user@host:port) and its password.',
    de: 'Der HTTP-Proxy {proxy} verlangt eine Anmeldung ({code}): Geben Sie einen Benutzer (http://user@host:port) und sein Passwort an.',
    ja: 'HTTP プロキシ {proxy} にはログインが必要です ({code}): ユーザー (http://user@host:port) とそのパスワードを追加してください。',
  },
  'connectionTexts.httpProxyLoginRefused': {
    en: 'The HTTP proxy {proxy} refused the user name or password of {user} ({code}).',
    de: 'Der HTTP-Proxy {proxy} hat den Benutzernamen oder das Passwort von {user} abgelehnt ({code}).',
    ja: 'HTTP プロキシ {proxy} が {user} のユーザー名またはパスワードを拒否しました ({code})。',
  },
  'connectionTexts.httpProxyConnectRefused': {
    en: 'The HTTP proxy {proxy} refused CONNECT to {target}: {status}. Its rules may not allow this server or port.',
    de: 'Der HTTP-Proxy {proxy} hat CONNECT zu {target} abgelehnt: {status}. Seine Regeln erlauben diesen Server oder Port möglicherweise nicht.',
    ja: 'HTTP プロキシ {proxy} は {target} への CONNECT を拒否しました: {status}。プロキシのルールでこのサーバーまたはポートが許可されていない可能性があります。',
  },
  'connectionTexts.proxySettingInvalid': {
    en: 'The proxy setting ({source}): {problem}',
    de: 'Die Proxy-Einstellung ({source}): {problem}',
    ja: 'プロキシ設定 ({source}): {problem}',
  },
});
