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

  // How the session came to trust the certificate, in the security report.
  'connectionTexts.trustPinned': {
    en: 'The certificate matches the fingerprint pinned for this site.',
    de: 'Das Zertifikat stimmt mit dem für diesen Server hinterlegten Fingerabdruck überein.',
    ja: '証明書はこのサイトに固定されたフィンガープリントと一致します。',
  },
  'connectionTexts.trustAuthority': {
    en: 'Issued by {issuer} and valid for {host}.',
    de: 'Ausgestellt von {issuer} und gültig für {host}.',
    ja: '{issuer} が発行し、{host} に対して有効です。',
  },
  'connectionTexts.trustInsecure': {
    en: 'Not verified (insecure mode): {reason}',
    de: 'Nicht überprüft (unsicherer Modus): {reason}',
    ja: '検証されていません (安全でないモード): {reason}',
  },
  'connectionTexts.trustAlways': {
    en: 'You chose to always trust this certificate. {reason}',
    de: 'Sie haben entschieden, diesem Zertifikat immer zu vertrauen. {reason}',
    ja: 'この証明書を常に信頼することを選択しました。{reason}',
  },
  'connectionTexts.trustOnce': {
    en: 'You accepted this certificate for this session only. {reason}',
    de: 'Sie haben dieses Zertifikat nur für diese Sitzung akzeptiert. {reason}',
    ja: 'この証明書をこのセッションに限り受け入れました。{reason}',
  },
  'connectionTexts.plainTrustExplanation': {
    en: 'Plain FTP: there is no certificate and nothing is encrypted.',
    de: 'Einfaches FTP: Es gibt kein Zertifikat und nichts wird verschlüsselt.',
    ja: '平文の FTP: 証明書はなく、何も暗号化されません。',
  },
  'connectionTexts.securityWarning': {
    en: '{warning, select, plain {Plain FTP: your user name, password and files travel unencrypted.} protRefused {The server refused PROT P: file contents and listings are not encrypted.} acceptedOnce {The certificate is not verified; you accepted it for this session only.} insecure {Certificate verification was turned off (--insecure).} other {The server does not offer TLS 1.3; TLS 1.2 is in use.}}',
    de: '{warning, select, plain {Einfaches FTP: Benutzername, Passwort und Dateien werden unverschlüsselt übertragen.} protRefused {Der Server hat PROT P abgelehnt: Dateiinhalte und Verzeichnislisten sind nicht verschlüsselt.} acceptedOnce {Das Zertifikat ist nicht überprüft; Sie haben es nur für diese Sitzung akzeptiert.} insecure {Die Zertifikatsprüfung wurde ausgeschaltet (--insecure).} other {Der Server bietet kein TLS 1.3 an; TLS 1.2 wird verwendet.}}',
    ja: '{warning, select, plain {平文の FTP: ユーザー名、パスワード、ファイルは暗号化されずに送られます。} protRefused {サーバーが PROT P を拒否しました: ファイルの内容とディレクトリ一覧は暗号化されません。} acceptedOnce {証明書は検証されていません。このセッションに限り受け入れました。} insecure {証明書の検証がオフになっています (--insecure)。} other {サーバーは TLS 1.3 を提供していません。TLS 1.2 を使用しています。}}',
  },

  // Notices a session gives once it learns something about the server.
  'connectionTexts.listingTimezoneNotice': {
    en: 'The server lists times in its local time, {zone} (its LIST and MDTM times of {name} differ by {offset} minutes): Wharf reads them with that offset (timezone offset {offset} minutes).',
    de: 'Der Server gibt Zeiten in seiner Ortszeit an, {zone} (seine LIST- und MDTM-Zeiten von {name} unterscheiden sich um {offset} Minuten): Wharf liest sie mit diesem Versatz (Zeitzonenversatz {offset} Minuten).',
    ja: 'サーバーは時刻をローカル時刻 {zone} で一覧表示しています ({name} の LIST と MDTM の時刻が {offset} 分ずれています): Wharf はそのずれを考慮して読み取ります (タイムゾーンのずれ {offset} 分)。',
  },
  'connectionTexts.nameCharsetNotice': {
    en: "The server sends names that are not valid UTF-8 (in {folder}): they are read as {charset} from now on, the likeliest charset for them (as FileZilla, Wharf stops assuming UTF-8). If names still look wrong, set the site's charset (wharf: --charset NAME).",
    de: 'Der Server sendet Namen, die kein gültiges UTF-8 sind (in {folder}): Sie werden ab jetzt als {charset} gelesen, der wahrscheinlichste Zeichensatz für sie (wie FileZilla geht Wharf nicht länger von UTF-8 aus). Wenn Namen weiterhin falsch aussehen, legen Sie den Zeichensatz des Servers fest (wharf: --charset NAME).',
    ja: 'サーバーが有効な UTF-8 ではない名前を送信しています ({folder} 内): 今後はそれらに最も可能性の高い文字セットである {charset} として読み取ります (FileZilla と同様に、Wharf は UTF-8 を前提としなくなります)。名前がまだ正しく表示されない場合は、サイトの文字セットを設定してください (wharf: --charset NAME)。',
  },

  // Why a client certificate cannot be used (main/ftps/client-certificate.ts).
  'connectionTexts.clientFileUnreadable': {
    en: "The {file, select, key {client key file} other {client certificate file}} {path} cannot be read ({code}). Choose the file again under the site's client certificate setting.",
    de: '{file, select, key {Die Schlüsseldatei} other {Die Client-Zertifikatsdatei}} {path} kann nicht gelesen werden ({code}). Wählen Sie die Datei in der Client-Zertifikat-Einstellung des Servers erneut.',
    ja: '{file, select, key {クライアント鍵ファイル} other {クライアント証明書ファイル}} {path} を読み込めません ({code})。サイトのクライアント証明書の設定でファイルを選択し直してください。',
  },
  'connectionTexts.pkcs12PassphraseWrong': {
    en: 'The passphrase for the PKCS#12 file {path} is wrong.',
    de: 'Die Passphrase für die PKCS#12-Datei {path} ist falsch.',
    ja: 'PKCS#12 ファイル {path} のパスフレーズが正しくありません。',
  },
  'connectionTexts.pkcs12PassphraseRequired': {
    en: 'The PKCS#12 file {path} is protected by a passphrase: enter it (it can be saved in the keychain).',
    de: 'Die PKCS#12-Datei {path} ist durch eine Passphrase geschützt: Geben Sie sie ein (sie kann im Schlüsselbund gespeichert werden).',
    ja: 'PKCS#12 ファイル {path} はパスフレーズで保護されています: パスフレーズを入力してください (キーチェーンに保存できます)。',
  },
  'connectionTexts.notPkcs12': {
    en: '{path} is not a PKCS#12 file Wharf can read: {reason}',
    de: '{path} ist keine PKCS#12-Datei, die Wharf lesen kann: {reason}',
    ja: '{path} は Wharf が読み込める PKCS#12 ファイルではありません: {reason}',
  },
  'connectionTexts.pkcs12NoCertificate': {
    en: 'The PKCS#12 file {path} holds no certificate.',
    de: 'Die PKCS#12-Datei {path} enthält kein Zertifikat.',
    ja: 'PKCS#12 ファイル {path} に証明書が含まれていません。',
  },
  'connectionTexts.noPemCertificate': {
    en: '{path} holds no PEM certificate (-----BEGIN CERTIFICATE-----). Choose a PEM certificate or a PKCS#12 (.p12, .pfx) file.',
    de: '{path} enthält kein PEM-Zertifikat (-----BEGIN CERTIFICATE-----). Wählen Sie ein PEM-Zertifikat oder eine PKCS#12-Datei (.p12, .pfx).',
    ja: '{path} に PEM 証明書 (-----BEGIN CERTIFICATE-----) が含まれていません。PEM 証明書か PKCS#12 (.p12, .pfx) ファイルを選択してください。',
  },
  'connectionTexts.noPrivateKeyChooseKey': {
    en: '{path} holds no private key: choose the key file too.',
    de: '{path} enthält keinen privaten Schlüssel: Wählen Sie auch die Schlüsseldatei.',
    ja: '{path} に秘密鍵が含まれていません: 鍵ファイルも選択してください。',
  },
  'connectionTexts.noPemPrivateKey': {
    en: '{path} holds no PEM private key (-----BEGIN PRIVATE KEY-----).',
    de: '{path} enthält keinen privaten PEM-Schlüssel (-----BEGIN PRIVATE KEY-----).',
    ja: '{path} に PEM 秘密鍵 (-----BEGIN PRIVATE KEY-----) が含まれていません。',
  },
  'connectionTexts.keyPassphraseWrong': {
    en: 'The passphrase for the client key {path} is wrong.',
    de: 'Die Passphrase für den Client-Schlüssel {path} ist falsch.',
    ja: 'クライアント鍵 {path} のパスフレーズが正しくありません。',
  },
  'connectionTexts.keyPassphraseRequired': {
    en: 'The client key {path} is protected by a passphrase: enter it (it can be saved in the keychain).',
    de: 'Der Client-Schlüssel {path} ist durch eine Passphrase geschützt: Geben Sie sie ein (sie kann im Schlüsselbund gespeichert werden).',
    ja: 'クライアント鍵 {path} はパスフレーズで保護されています: パスフレーズを入力してください (キーチェーンに保存できます)。',
  },
  'connectionTexts.keyUnreadable': {
    en: 'The client key {path} cannot be read: {reason}',
    de: 'Der Client-Schlüssel {path} kann nicht gelesen werden: {reason}',
    ja: 'クライアント鍵 {path} を読み込めません: {reason}',
  },
  'connectionTexts.keyMismatch': {
    en: 'The key {keyPath} does not belong to the certificate {certPath}: choose the matching pair.',
    de: 'Der Schlüssel {keyPath} gehört nicht zum Zertifikat {certPath}: Wählen Sie das passende Paar.',
    ja: '鍵 {keyPath} は証明書 {certPath} に対応していません: 対になる組み合わせを選択してください。',
  },
  'connectionTexts.clientCertificateExpired': {
    en: 'The client certificate {subject} ({path}) expired on {date}: the server would refuse it. Ask for a new one.',
    de: 'Das Client-Zertifikat {subject} ({path}) ist am {date} abgelaufen: Der Server würde es ablehnen. Fordern Sie ein neues an.',
    ja: 'クライアント証明書 {subject} ({path}) は {date} に期限切れになりました: サーバーに拒否されます。新しい証明書を入手してください。',
  },
  // A proxy address that cannot be read (common/models/proxy.ts): the site form, Settings and --proxy show it.
  'connectionTexts.proxyAddressUnreadable': {
    en: '"{value}" is not a proxy address. A proxy is written socks5://host:port or http://host:port (a user may come before the host: socks5://user@host:1080).',
    de: '„{value}“ ist keine Proxy-Adresse. Ein Proxy wird als socks5://host:port oder http://host:port geschrieben (ein Benutzer kann vor dem Host stehen: socks5://user@host:1080).',
    ja: '"{value}" はプロキシのアドレスではありません。プロキシは socks5://host:port または http://host:port と書きます (ホストの前にユーザーを書けます: socks5://user@host:1080)。',
  },
  'connectionTexts.proxySchemeUnsupported': {
    en: 'Wharf speaks SOCKS5 and HTTP CONNECT proxies; "{scheme}://" is neither{https, select, yes { (a TLS connection to the proxy itself is not supported; most proxies answer http://)} other {}}. A proxy is written socks5://host:port or http://host:port (a user may come before the host: socks5://user@host:1080).',
    de: 'Wharf unterstützt SOCKS5- und HTTP-CONNECT-Proxys; "{scheme}://" ist keines davon{https, select, yes { (eine TLS-Verbindung zum Proxy selbst wird nicht unterstützt; die meisten Proxys antworten auf http://)} other {}}. Ein Proxy wird als socks5://host:port oder http://host:port geschrieben (ein Benutzer kann vor dem Host stehen: socks5://user@host:1080).',
    ja: 'Wharf が使えるのは SOCKS5 と HTTP CONNECT のプロキシです。"{scheme}://" はどちらでもありません{https, select, yes { (プロキシ自体への TLS 接続には対応していません。多くのプロキシは http:// で応答します)} other {}}。プロキシは socks5://host:port または http://host:port と書きます (ホストの前にユーザーを書けます: socks5://user@host:1080)。',
  },
  'connectionTexts.proxyPortOutOfRange': {
    en: 'The proxy port {port} is not between 1 and 65535.',
    de: 'Der Proxy-Port {port} liegt nicht zwischen 1 und 65535.',
    ja: 'プロキシのポート {port} は 1 から 65535 の範囲にありません。',
  },
  'connectionTexts.proxyBrokenEscape': {
    en: 'The user or password in the proxy address has a broken %-escape.',
    de: 'Benutzer oder Passwort in der Proxy-Adresse enthalten eine fehlerhafte %-Kodierung.',
    ja: 'プロキシのアドレスのユーザーまたはパスワードに壊れた %-エスケープがあります。',
  },
  'connectionTexts.proxyControlCharacters': {
    en: 'A proxy address cannot contain control characters.',
    de: 'Eine Proxy-Adresse darf keine Steuerzeichen enthalten.',
    ja: 'プロキシのアドレスに制御文字は使えません。',
  },
  'connectionTexts.proxyCredentialsTooLong': {
    en: 'A proxy user name and password are limited to 255 bytes each (SOCKS5).',
    de: 'Benutzername und Passwort eines Proxys sind auf je 255 Byte begrenzt (SOCKS5).',
    ja: 'プロキシのユーザー名とパスワードはそれぞれ 255 バイトまでです (SOCKS5)。',
  },
});
