/**
 * What the site importers and exporters say per site (what maps, what is skipped and why), the problems the
 * XML reader of imported files finds, and the repair reports of main's JSON store files.
 */
import { defineMessages } from '../define';

export const importNotesMessages = defineMessages({
  // Names given to what a file leaves unnamed.
  'importNotes.fallbackSite': { en: 'Site', de: 'Server', ja: 'サイト' },
  'importNotes.fallbackFolder': { en: 'Folder', de: 'Verzeichnis', ja: 'ディレクトリ' },
  'importNotes.numberedSite': { en: 'site #{number}', de: 'Server Nr. {number}', ja: 'サイト #{number}' },

  // Names and folders.
  'importNotes.nameAdjusted': {
    en: 'The name was adjusted: "/" and control characters are not allowed in names.',
    de: 'Der Name wurde angepasst: „/“ und Steuerzeichen sind in Namen nicht erlaubt.',
    ja: '名前を修正しました: 名前に「/」と制御文字は使えません。',
  },
  'importNotes.folderNameAdjusted': {
    en: 'The folder name was adjusted: "/" and control characters are not allowed in names.',
    de: 'Der Verzeichnisname wurde angepasst: „/“ und Steuerzeichen sind in Namen nicht erlaubt.',
    ja: 'ディレクトリ名を修正しました: 名前に「/」と制御文字は使えません。',
  },
  'importNotes.foldersTooDeep': {
    en: 'Folders nested more than {max} levels deep are not imported.',
    de: 'Verzeichnisse, die mehr als {max} Ebenen tief verschachtelt sind, werden nicht importiert.',
    ja: '{max} 階層より深くネストされたディレクトリはインポートされません。',
  },

  // Protocols.
  'importNotes.protocolNotSupported': {
    en: '{protocol} sites are not supported: Wharf speaks FTP and FTPS only.',
    de: 'Server mit {protocol} werden nicht unterstützt: Wharf spricht nur FTP und FTPS.',
    ja: '{protocol} のサイトには対応していません: Wharf が扱えるのは FTP と FTPS だけです。',
  },
  'importNotes.bookmarkProtocolNotSupported': {
    en: '{protocol} bookmarks are not supported: Wharf speaks FTP and FTPS only.',
    de: 'Lesezeichen für {protocol} werden nicht unterstützt: Wharf spricht nur FTP und FTPS.',
    ja: '{protocol} のブックマークには対応していません: Wharf が扱えるのは FTP と FTPS だけです。',
  },
  'importNotes.unknownBookmarkProtocol': {
    en: '"{protocol}" bookmarks are not supported: Wharf speaks FTP and FTPS only.',
    de: 'Lesezeichen für „{protocol}“ werden nicht unterstützt: Wharf spricht nur FTP und FTPS.',
    ja: '「{protocol}」のブックマークには対応していません: Wharf が扱えるのは FTP と FTPS だけです。',
  },
  'importNotes.bookmarkNamesNoProtocol': {
    en: 'The bookmark names no protocol.',
    de: 'Das Lesezeichen nennt kein Protokoll.',
    ja: 'このブックマークにはプロトコルが指定されていません。',
  },
  'importNotes.unknownFileZillaProtocol': {
    en: 'Unknown FileZilla protocol {code}.',
    de: 'Unbekanntes FileZilla-Protokoll {code}.',
    ja: '不明な FileZilla のプロトコル {code} です。',
  },
  'importNotes.unknownWinScpProtocol': {
    en: 'Unknown WinSCP protocol {code}.',
    de: 'Unbekanntes WinSCP-Protokoll {code}.',
    ja: '不明な WinSCP のプロトコル {code} です。',
  },
  'importNotes.webdavInsecure': { en: 'WebDAV (insecure)', de: 'WebDAV (unsicher)', ja: 'WebDAV (安全ではありません)' },
  'importNotes.plainFtp': {
    en: 'This site uses plain FTP: the password and files travel unencrypted.',
    de: 'Dieser Server verwendet einfaches FTP: Passwort und Dateien werden unverschlüsselt übertragen.',
    ja: 'このサイトは平文の FTP を使います: パスワードとファイルは暗号化されずに送られます。',
  },
  'importNotes.workspaceTab': {
    en: 'This is a tab of a saved WinSCP workspace, not a site.',
    de: 'Dies ist ein Tab eines gespeicherten WinSCP-Arbeitsbereichs, kein Server.',
    ja: 'これは保存された WinSCP のワークスペースのタブで、サイトではありません。',
  },
  'importNotes.unknownFtpsSetting': {
    en: 'Unknown WinSCP FTPS setting {setting}.',
    de: 'Unbekannte WinSCP-Einstellung für FTPS: {setting}.',
    ja: '不明な WinSCP の FTPS 設定 {setting} です。',
  },
  'importNotes.authSsl': {
    en: 'WinSCP asked this server for "AUTH SSL"; Wharf sends the standard "AUTH TLS", which servers that take one take the other.',
    de: 'WinSCP hat bei diesem Server „AUTH SSL“ angefragt; Wharf sendet das übliche „AUTH TLS“, das jeder Server annimmt, der das eine annimmt.',
    ja: 'WinSCP はこのサーバーに「AUTH SSL」を要求していました。Wharf は標準の「AUTH TLS」を送ります。一方を受け付けるサーバーはもう一方も受け付けます。',
  },

  // Host, port, logon.
  'importNotes.invalidHost': { en: 'The host name is not valid.', de: 'Der Hostname ist ungültig.', ja: 'ホスト名が正しくありません。' },
  'importNotes.siteHasNoHost': { en: 'The site has no host.', de: 'Der Server hat keinen Host.', ja: 'このサイトにはホストがありません。' },
  'importNotes.bookmarkHasNoHost': { en: 'The bookmark has no host.', de: 'Das Lesezeichen hat keinen Host.', ja: 'このブックマークにはホストがありません。' },
  'importNotes.invalidPort': {
    en: 'The port {port} is not valid; the default {defaultPort} is used.',
    de: 'Der Port {port} ist ungültig; der Standardport {defaultPort} wird verwendet.',
    ja: 'ポート {port} は正しくありません。既定の {defaultPort} を使います。',
  },
  'importNotes.anonymous': {
    en: 'Anonymous logon: the user is "anonymous"; type any e-mail address as the password when asked.',
    de: 'Anonyme Anmeldung: Der Benutzer ist „anonymous“; geben Sie auf Nachfrage eine beliebige E-Mail-Adresse als Passwort ein.',
    ja: '匿名ログオン: ユーザーは「anonymous」です。尋ねられたら、パスワードとして任意のメールアドレスを入力してください。',
  },
  'importNotes.interactiveLogon': {
    en: 'Interactive logon becomes "ask for the password on connect".',
    de: 'Die interaktive Anmeldung wird zu „beim Verbinden nach dem Passwort fragen“.',
    ja: '対話式ログオンは「接続時にパスワードを尋ねる」になります。',
  },
  'importNotes.accountNotSupported': {
    en: 'The FTP account (ACCT) of this site is not supported and was not imported.',
    de: 'Das FTP-Konto (ACCT) dieses Servers wird nicht unterstützt und wurde nicht importiert.',
    ja: 'このサイトの FTP アカウント (ACCT) には対応していないため、インポートしませんでした。',
  },
  'importNotes.keyFileLogon': {
    en: 'Key file logon exists only for SFTP; the site will ask for a password on connect.',
    de: 'Die Anmeldung mit Schlüsseldatei gibt es nur für SFTP; der Server fragt beim Verbinden nach einem Passwort.',
    ja: '鍵ファイルによるログオンは SFTP 専用です。このサイトは接続時にパスワードを尋ねます。',
  },
  'importNotes.unsupportedLogonType': {
    en: 'Unsupported FileZilla logon type {logon}.',
    de: 'Nicht unterstützte FileZilla-Anmeldeart {logon}.',
    ja: '対応していない FileZilla のログオンの種類 {logon} です。',
  },
  'importNotes.badUserName': {
    en: 'The user name contains line breaks or control characters, or is too long.',
    de: 'Der Benutzername enthält Zeilenumbrüche oder Steuerzeichen oder ist zu lang.',
    ja: 'ユーザー名に改行や制御文字が含まれているか、長すぎます。',
  },

  // Passwords.
  'importNotes.passwordNotBase64': {
    en: 'The saved password is not valid base64 and was not imported.',
    de: 'Das gespeicherte Passwort ist kein gültiges Base64 und wurde nicht importiert.',
    ja: '保存されたパスワードは正しい base64 ではないため、インポートしませんでした。',
  },
  'importNotes.passwordNotText': {
    en: 'The saved password is not valid text and was not imported.',
    de: 'Das gespeicherte Passwort ist kein gültiger Text und wurde nicht importiert.',
    ja: '保存されたパスワードは正しいテキストではないため、インポートしませんでした。',
  },
  'importNotes.fileZillaMasterPassword': {
    en: "The password is protected by FileZilla's master password and cannot be read; enter it on first connect.",
    de: 'Das Passwort ist durch das Master-Passwort von FileZilla geschützt und kann nicht gelesen werden; geben Sie es beim ersten Verbinden ein.',
    ja: 'このパスワードは FileZilla のマスターパスワードで保護されていて読めません。最初の接続時に入力してください。',
  },
  'importNotes.winScpMasterPassword': {
    en: "The password is protected by WinSCP's master password and cannot be read; enter it on first connect.",
    de: 'Das Passwort ist durch das Master-Passwort von WinSCP geschützt und kann nicht gelesen werden; geben Sie es beim ersten Verbinden ein.',
    ja: 'このパスワードは WinSCP のマスターパスワードで保護されていて読めません。最初の接続時に入力してください。',
  },
  'importNotes.passwordStoredUnknownWay': {
    en: 'The password is stored in a way Wharf does not know and was not imported.',
    de: 'Das Passwort ist auf eine Weise gespeichert, die Wharf nicht kennt, und wurde nicht importiert.',
    ja: 'パスワードが Wharf の知らない方法で保存されているため、インポートしませんでした。',
  },
  'importNotes.passwordUnreadable': {
    en: 'The saved password could not be read and was not imported.',
    de: 'Das gespeicherte Passwort konnte nicht gelesen werden und wurde nicht importiert.',
    ja: '保存されたパスワードを読めなかったため、インポートしませんでした。',
  },
  'importNotes.passwordControlCharacters': {
    en: 'The saved password contains control characters FTP cannot send and was not imported.',
    de: 'Das gespeicherte Passwort enthält Steuerzeichen, die FTP nicht senden kann, und wurde nicht importiert.',
    ja: '保存されたパスワードには FTP で送れない制御文字が含まれているため、インポートしませんでした。',
  },
  'importNotes.passwordInExportIgnored': {
    en: 'A password in the export file was ignored: Wharf keeps passwords only in the keychain.',
    de: 'Ein Passwort in der Exportdatei wurde ignoriert: Wharf bewahrt Passwörter nur im Schlüsselbund auf.',
    ja: 'エクスポートファイル内のパスワードは無視しました: Wharf はパスワードをキーチェーンにだけ保管します。',
  },

  // Folders, charsets, time.
  'importNotes.remoteFolderUnreadable': {
    en: 'The default remote folder could not be read and was left empty.',
    de: 'Das Standard-Verzeichnis auf dem Server konnte nicht gelesen werden und wurde leer gelassen.',
    ja: '既定のリモートディレクトリを読めなかったため、空のままにしました。',
  },
  'importNotes.remoteFolderUnknownStyle': {
    en: 'The default remote folder uses a server path style Wharf does not know (VMS, MVS, ...); check it.',
    de: 'Das Standard-Verzeichnis auf dem Server verwendet eine Pfadschreibweise, die Wharf nicht kennt (VMS, MVS, ...); prüfen Sie es.',
    ja: '既定のリモートディレクトリは Wharf の知らないサーバーのパス形式 (VMS、MVS など) を使っています。確認してください。',
  },
  'importNotes.remoteFolderControlCharacters': {
    en: 'The remote folder contains control characters and was left empty.',
    de: 'Das Verzeichnis auf dem Server enthält Steuerzeichen und wurde leer gelassen.',
    ja: 'リモートディレクトリに制御文字が含まれているため、空のままにしました。',
  },
  'importNotes.unknownEncodingSetting': {
    en: 'Unknown encoding setting "{setting}"; UTF-8 is used.',
    de: 'Unbekannte Einstellung für den Zeichensatz „{setting}“; UTF-8 wird verwendet.',
    ja: '不明な文字セットの設定「{setting}」です。UTF-8 を使います。',
  },
  'importNotes.unknownCharset': {
    en: 'The charset "{charset}" is not known; UTF-8 is used.',
    de: 'Der Zeichensatz „{charset}“ ist unbekannt; UTF-8 wird verwendet.',
    ja: '文字セット「{charset}」は不明です。UTF-8 を使います。',
  },
  'importNotes.ansiCodePage': {
    en: 'WinSCP used the Windows ANSI code page for file names here; Wharf assumes Western (windows-1252). Change the charset if the server uses another one.',
    de: 'WinSCP hat hier die Windows-ANSI-Codepage für Dateinamen verwendet; Wharf nimmt Westeuropäisch (windows-1252) an. Ändern Sie den Zeichensatz, wenn der Server einen anderen verwendet.',
    ja: 'WinSCP はここでファイル名に Windows の ANSI コードページを使っていました。Wharf は西ヨーロッパ言語 (windows-1252) とみなします。サーバーが別の文字セットを使う場合は変更してください。',
  },
  'importNotes.unknownTimezone': {
    en: 'The timezone "{zone}" is not known; no offset is applied.',
    de: 'Die Zeitzone „{zone}“ ist unbekannt; es wird kein Zeitversatz angewendet.',
    ja: 'タイムゾーン「{zone}」は不明です。時差は適用しません。',
  },
  'importNotes.daylightSavingTimezone': {
    en: "The server's timezone {zone} changes with daylight saving time; Wharf applies a fixed offset ({offset} today).",
    de: 'Die Zeitzone {zone} des Servers wechselt mit der Sommerzeit; Wharf wendet einen festen Zeitversatz an (heute {offset}).',
    ja: 'サーバーのタイムゾーン {zone} は夏時間で変わります。Wharf は固定の時差を適用します (今日は {offset})。',
  },
  'importNotes.commentsCut': {
    en: 'The comments were cut to {max, number} characters.',
    de: 'Die Kommentare wurden auf {max, number} Zeichen gekürzt.',
    ja: 'コメントを {max, number} 文字に切り詰めました。',
  },
  'importNotes.connectionLimit': {
    en: 'At most {limit} connections per site: the limit of {requested} became {limit}.',
    de: 'Höchstens {limit} Verbindungen pro Server: Die Grenze von {requested} wurde zu {limit}.',
    ja: '1 サイトあたりの接続は最大 {limit} です: 上限 {requested} は {limit} になりました。',
  },

  // Settings left behind.
  'importNotes.bookmarksNotImported': {
    en: 'Bookmarks are not imported.',
    de: 'Lesezeichen werden nicht importiert.',
    ja: 'ブックマークはインポートされません。',
  },
  'importNotes.postLoginCommandsNotImported': {
    en: 'Post-login commands are not imported.',
    de: 'Befehle nach der Anmeldung werden nicht importiert.',
    ja: 'ログオン後のコマンドはインポートされません。',
  },
  'importNotes.oldTlsAllowed': {
    en: 'WinSCP allowed TLS 1.0 or 1.1 here; Wharf requires TLS 1.2 at least.',
    de: 'WinSCP hat hier TLS 1.0 oder 1.1 erlaubt; Wharf verlangt mindestens TLS 1.2.',
    ja: 'WinSCP はここで TLS 1.0 または 1.1 を許可していました。Wharf は TLS 1.2 以上が必要です。',
  },
  'importNotes.clientCertificateOfSite': {
    en: 'The TLS client certificate of this site was not imported; add it in the site manager.',
    de: 'Das TLS-Client-Zertifikat dieses Servers wurde nicht importiert; fügen Sie es im Servermanager hinzu.',
    ja: 'このサイトの TLS クライアント証明書はインポートしませんでした。サイトマネージャーで追加してください。',
  },
  'importNotes.clientCertificateOfBookmark': {
    en: 'The TLS client certificate of this bookmark was not imported; add it in the site manager.',
    de: 'Das TLS-Client-Zertifikat dieses Lesezeichens wurde nicht importiert; fügen Sie es im Servermanager hinzu.',
    ja: 'このブックマークの TLS クライアント証明書はインポートしませんでした。サイトマネージャーで追加してください。',
  },
  'importNotes.proxyNotImported': {
    en: 'The proxy settings of this site were not imported.',
    de: 'Die Proxy-Einstellungen dieses Servers wurden nicht importiert.',
    ja: 'このサイトのプロキシ設定はインポートしませんでした。',
  },
  'importNotes.sshTunnel': {
    en: 'WinSCP reached this site through an SSH tunnel; Wharf connects directly.',
    de: 'WinSCP hat diesen Server über einen SSH-Tunnel erreicht; Wharf verbindet sich direkt.',
    ja: 'WinSCP はこのサイトに SSH トンネル経由で接続していました。Wharf は直接接続します。',
  },
  'importNotes.notABookmark': {
    en: 'Not a Cyberduck bookmark: {problem}',
    de: 'Kein Cyberduck-Lesezeichen: {problem}',
    ja: 'Cyberduck のブックマークではありません: {problem}',
  },
  'importNotes.invalidEntryField': { en: '{field}: {problem}', de: '{field}: {problem}', ja: '{field}: {problem}' },
  'importNotes.wholeEntry': { en: 'entry', de: 'Eintrag', ja: 'エントリ' },

  // The FileZilla export.
  'importNotes.exportRelativeRemoteFolder': {
    en: 'FileZilla needs an absolute remote folder; "{folder}" was left out.',
    de: 'FileZilla braucht ein absolutes Verzeichnis auf dem Server; „{folder}“ wurde weggelassen.',
    ja: 'FileZilla には絶対パスのリモートディレクトリが必要です。「{folder}」は省きました。',
  },
  'importNotes.exportTls13': {
    en: 'FileZilla has no per-site minimum TLS version; this site required TLS 1.3.',
    de: 'FileZilla kennt keine TLS-Mindestversion pro Server; dieser Server verlangte TLS 1.3.',
    ja: 'FileZilla にはサイトごとの TLS 最低バージョンの設定がありません。このサイトは TLS 1.3 を必須にしていました。',
  },

  // The JSON files main keeps (sites, trusted certificates, proxy settings): saving, reading, repairs.
  'importNotes.store.cannotSave': {
    en: 'Wharf could not save its {file, select, sites {sites file} trustedCertificates {trusted certificates file} proxySettings {proxy settings file} other {file}} {path}{cause}.',
    de: 'Wharf konnte seine {file, select, sites {Serverdatei} trustedCertificates {Datei der vertrauenswürdigen Zertifikate} proxySettings {Datei der Proxy-Einstellungen} other {Datei}} {path} nicht speichern{cause}.',
    ja: 'Wharf は{file, select, sites {サイトファイル} trustedCertificates {信頼済み証明書ファイル} proxySettings {プロキシ設定ファイル} other {ファイル}} {path} を保存できませんでした{cause}。',
  },
  'importNotes.store.cannotRead': {
    en: 'Wharf cannot read its {file, select, sites {sites file} trustedCertificates {trusted certificates file} proxySettings {proxy settings file} other {file}} {path}; it was left untouched{cause}.',
    de: 'Wharf kann seine {file, select, sites {Serverdatei} trustedCertificates {Datei der vertrauenswürdigen Zertifikate} proxySettings {Datei der Proxy-Einstellungen} other {Datei}} {path} nicht lesen; sie wurde unverändert gelassen{cause}.',
    ja: 'Wharf は{file, select, sites {サイトファイル} trustedCertificates {信頼済み証明書ファイル} proxySettings {プロキシ設定ファイル} other {ファイル}} {path} を読み込めません。ファイルには手を付けていません{cause}。',
  },
  'importNotes.store.cannotBackUp': {
    en: 'The {file, select, sites {sites file} trustedCertificates {trusted certificates file} proxySettings {proxy settings file} other {file}} {path} needs repair but a backup copy could not be written, so it was left untouched{cause}.',
    de: 'Die {file, select, sites {Serverdatei} trustedCertificates {Datei der vertrauenswürdigen Zertifikate} proxySettings {Datei der Proxy-Einstellungen} other {Datei}} {path} muss repariert werden, aber eine Sicherungskopie konnte nicht geschrieben werden; sie wurde daher unverändert gelassen{cause}.',
    ja: '{file, select, sites {サイトファイル} trustedCertificates {信頼済み証明書ファイル} proxySettings {プロキシ設定ファイル} other {ファイル}} {path} は修復が必要ですが、バックアップを書き込めなかったため、手を付けていません{cause}。',
  },
  'importNotes.store.newerVersion': {
    en: 'The {file, select, sites {sites file} trustedCertificates {trusted certificates file} proxySettings {proxy settings file} other {file}} {path} was written by a newer version of Wharf (schema {version}; this version reads up to {current}). It was left untouched: update Wharf to use it.',
    de: 'Die {file, select, sites {Serverdatei} trustedCertificates {Datei der vertrauenswürdigen Zertifikate} proxySettings {Datei der Proxy-Einstellungen} other {Datei}} {path} wurde von einer neueren Version von Wharf geschrieben (Schema {version}; diese Version liest bis {current}). Sie wurde unverändert gelassen: Aktualisieren Sie Wharf, um sie zu verwenden.',
    ja: '{file, select, sites {サイトファイル} trustedCertificates {信頼済み証明書ファイル} proxySettings {プロキシ設定ファイル} other {ファイル}} {path} は新しいバージョンの Wharf で書き込まれています (スキーマ {version}。このバージョンが読めるのは {current} までです)。ファイルには手を付けていません。使うには Wharf を更新してください。',
  },
  'importNotes.store.migrated': {
    en: 'The {file, select, sites {sites file} trustedCertificates {trusted certificates file} proxySettings {proxy settings file} other {file}} was upgraded from schema {from} to {to}; the old file was kept at {backupPath}.',
    de: 'Die {file, select, sites {Serverdatei} trustedCertificates {Datei der vertrauenswürdigen Zertifikate} proxySettings {Datei der Proxy-Einstellungen} other {Datei}} wurde von Schema {from} auf {to} aktualisiert; die alte Datei wurde unter {backupPath} aufbewahrt.',
    ja: '{file, select, sites {サイトファイル} trustedCertificates {信頼済み証明書ファイル} proxySettings {プロキシ設定ファイル} other {ファイル}}をスキーマ {from} から {to} に更新しました。古いファイルは {backupPath} に保管しました。',
  },
  'importNotes.store.damagedNothingRead': {
    en: 'The {file, select, sites {sites file} trustedCertificates {trusted certificates file} proxySettings {proxy settings file} other {file}} {path} was damaged: {reason, select, notJson {it is not valid JSON, perhaps cut short by a crash or a full disk} noVersion {its schemaVersion is not a number} noUpgrade {no upgrade exists from schema {schema}} upgradeFailed {upgrading it from schema {schema} failed ({error})} badStructure {its structure is not what Wharf writes} other {some entries are invalid}}. The damaged file was kept at {backupPath}. Nothing in it could be read, so Wharf started a new one.',
    de: 'Die {file, select, sites {Serverdatei} trustedCertificates {Datei der vertrauenswürdigen Zertifikate} proxySettings {Datei der Proxy-Einstellungen} other {Datei}} {path} war beschädigt: {reason, select, notJson {sie ist kein gültiges JSON, vielleicht durch einen Absturz oder eine volle Festplatte abgeschnitten} noVersion {ihre schemaVersion ist keine Zahl} noUpgrade {es gibt keine Aktualisierung von Schema {schema}} upgradeFailed {die Aktualisierung von Schema {schema} ist fehlgeschlagen ({error})} badStructure {ihr Aufbau ist nicht der, den Wharf schreibt} other {einige Einträge sind ungültig}}. Die beschädigte Datei wurde unter {backupPath} aufbewahrt. Nichts darin konnte gelesen werden, daher hat Wharf eine neue angelegt.',
    ja: '{file, select, sites {サイトファイル} trustedCertificates {信頼済み証明書ファイル} proxySettings {プロキシ設定ファイル} other {ファイル}} {path} は壊れていました: {reason, select, notJson {有効な JSON ではありません (クラッシュやディスクの空き不足で途中で切れた可能性があります)} noVersion {schemaVersion が数値ではありません} noUpgrade {スキーマ {schema} からの更新がありません} upgradeFailed {スキーマ {schema} からの更新に失敗しました ({error})} badStructure {構造が Wharf の書き込む形式ではありません} other {一部のエントリが正しくありません}}。壊れたファイルは {backupPath} に保管しました。中身を何も読めなかったため、Wharf は新しいファイルを作りました。',
  },
  'importNotes.store.damagedPartlyRead': {
    en: 'The {file, select, sites {sites file} trustedCertificates {trusted certificates file} proxySettings {proxy settings file} other {file}} {path} was damaged: {reason, select, notJson {it is not valid JSON, perhaps cut short by a crash or a full disk} noVersion {its schemaVersion is not a number} noUpgrade {no upgrade exists from schema {schema}} upgradeFailed {upgrading it from schema {schema} failed ({error})} badStructure {its structure is not what Wharf writes} other {some entries are invalid}}. The damaged file was kept at {backupPath}. {recovered, plural, one {# entry was kept.} other {# entries were kept.}}{lost, plural, =0 {} other { # could not be read ({names}).}}',
    de: 'Die {file, select, sites {Serverdatei} trustedCertificates {Datei der vertrauenswürdigen Zertifikate} proxySettings {Datei der Proxy-Einstellungen} other {Datei}} {path} war beschädigt: {reason, select, notJson {sie ist kein gültiges JSON, vielleicht durch einen Absturz oder eine volle Festplatte abgeschnitten} noVersion {ihre schemaVersion ist keine Zahl} noUpgrade {es gibt keine Aktualisierung von Schema {schema}} upgradeFailed {die Aktualisierung von Schema {schema} ist fehlgeschlagen ({error})} badStructure {ihr Aufbau ist nicht der, den Wharf schreibt} other {einige Einträge sind ungültig}}. Die beschädigte Datei wurde unter {backupPath} aufbewahrt. {recovered, plural, one {# Eintrag wurde behalten.} other {# Einträge wurden behalten.}}{lost, plural, =0 {} one { # konnte nicht gelesen werden ({names}).} other { # konnten nicht gelesen werden ({names}).}}',
    ja: '{file, select, sites {サイトファイル} trustedCertificates {信頼済み証明書ファイル} proxySettings {プロキシ設定ファイル} other {ファイル}} {path} は壊れていました: {reason, select, notJson {有効な JSON ではありません (クラッシュやディスクの空き不足で途中で切れた可能性があります)} noVersion {schemaVersion が数値ではありません} noUpgrade {スキーマ {schema} からの更新がありません} upgradeFailed {スキーマ {schema} からの更新に失敗しました ({error})} badStructure {構造が Wharf の書き込む形式ではありません} other {一部のエントリが正しくありません}}。壊れたファイルは {backupPath} に保管しました。{recovered, plural, other {# 件のエントリを残しました。}}{lost, plural, =0 {} other {# 件は読めませんでした ({names})。}}',
  },
  'importNotes.store.tooManyBackups': {
    en: 'Too many backups of {path} already exist for this second.',
    de: 'Für diese Sekunde gibt es bereits zu viele Sicherungskopien von {path}.',
    ja: 'この 1 秒間の {path} のバックアップがすでに多すぎます。',
  },

  // What the XML reader finds wrong (inserted into sites.notXml, with the line and column).
  'importNotes.xml.strayAmpersand': {
    en: 'an "&" that does not start a reference',
    de: 'ein „&“, das keinen Verweis einleitet',
    ja: '参照を始めていない「&」',
  },
  'importNotes.xml.malformedCharacterReference': {
    en: 'a malformed character reference',
    de: 'ein fehlerhafter Zeichenverweis',
    ja: '不正な形式の文字参照',
  },
  'importNotes.xml.forbiddenCharacterReference': {
    en: 'a character reference to a character XML forbids',
    de: 'ein Zeichenverweis auf ein Zeichen, das XML verbietet',
    ja: 'XML が禁じている文字への文字参照',
  },
  'importNotes.xml.unknownEntity': {
    en: 'an entity other than &amp; &lt; &gt; &quot; &apos;',
    de: 'eine andere Entität als &amp; &lt; &gt; &quot; &apos;',
    ja: '&amp; &lt; &gt; &quot; &apos; 以外の実体参照',
  },
  'importNotes.xml.textOutsideRoot': { en: 'text outside the root element', de: 'Text außerhalb des Wurzelelements', ja: 'ルート要素の外にあるテキスト' },
  'importNotes.xml.invalidName': { en: 'a missing or invalid name', de: 'ein fehlender oder ungültiger Name', ja: '欠けているか不正な名前' },
  'importNotes.xml.unterminatedProcessingInstruction': {
    en: 'an unterminated processing instruction',
    de: 'eine nicht abgeschlossene Verarbeitungsanweisung',
    ja: '閉じられていない処理命令',
  },
  'importNotes.xml.unterminatedComment': { en: 'an unterminated comment', de: 'ein nicht abgeschlossener Kommentar', ja: '閉じられていないコメント' },
  'importNotes.xml.unterminatedCdata': { en: 'an unterminated CDATA section', de: 'ein nicht abgeschlossener CDATA-Abschnitt', ja: '閉じられていない CDATA セクション' },
  'importNotes.xml.doctype': {
    en: 'a document type declaration, which Wharf does not accept in imported files',
    de: 'eine Dokumenttyp-Deklaration, die Wharf in importierten Dateien nicht annimmt',
    ja: 'Wharf がインポートするファイルでは受け付けない文書型宣言',
  },
  'importNotes.xml.malformedEndTag': { en: 'a malformed end tag', de: 'ein fehlerhaftes End-Tag', ja: '不正な形式の終了タグ' },
  'importNotes.xml.mismatchedEndTag': {
    en: 'an end tag that does not match its start tag',
    de: 'ein End-Tag, das nicht zu seinem Start-Tag passt',
    ja: '開始タグと一致しない終了タグ',
  },
  'importNotes.xml.tooManyElements': { en: 'too many elements', de: 'zu viele Elemente', ja: '多すぎる要素' },
  'importNotes.xml.attributesNotSeparated': {
    en: 'attributes not separated by spaces',
    de: 'Attribute, die nicht durch Leerzeichen getrennt sind',
    ja: '空白で区切られていない属性',
  },
  'importNotes.xml.attributeWithoutValue': { en: 'an attribute without a value', de: 'ein Attribut ohne Wert', ja: '値のない属性' },
  'importNotes.xml.unquotedAttributeValue': {
    en: 'an attribute value without quotes',
    de: 'ein Attributwert ohne Anführungszeichen',
    ja: '引用符で囲まれていない属性値',
  },
  'importNotes.xml.unterminatedAttributeValue': {
    en: 'an unterminated attribute value',
    de: 'ein nicht abgeschlossener Attributwert',
    ja: '閉じられていない属性値',
  },
  'importNotes.xml.lessThanInAttribute': {
    en: 'a "<" inside an attribute value',
    de: 'ein „<“ in einem Attributwert',
    ja: '属性値の中の「<」',
  },
  'importNotes.xml.repeatedAttribute': { en: 'a repeated attribute', de: 'ein wiederholtes Attribut', ja: '重複した属性' },
  'importNotes.xml.secondRoot': { en: 'a second root element', de: 'ein zweites Wurzelelement', ja: '2 つ目のルート要素' },
  'importNotes.xml.nestedTooDeeply': { en: 'elements nested too deeply', de: 'zu tief verschachtelte Elemente', ja: '深くネストしすぎた要素' },
  'importNotes.xml.unclosedElement': {
    en: 'an element that is never closed',
    de: 'ein Element, das nie geschlossen wird',
    ja: '閉じられていない要素',
  },
  'importNotes.xml.noRoot': { en: 'no root element', de: 'kein Wurzelelement', ja: 'ルート要素がありません' },
});
