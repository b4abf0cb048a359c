/**
 * What went wrong, as main says it: connection, TLS, login and transfer errors (main/ftps, main/transfers).
 * Server replies and OpenSSL reasons are arguments: they stay in the server's words.
 */
import { defineMessages } from '../define';

export const errorMessages = defineMessages({
  'errors.cancelled': { en: 'The operation was cancelled.', de: 'Der Vorgang wurde abgebrochen.', ja: '操作はキャンセルされました。' },
  'errors.dns': {
    en: 'The host name could not be resolved ({code}).',
    de: 'Der Hostname konnte nicht aufgelöst werden ({code}).',
    ja: 'ホスト名を解決できませんでした ({code})。',
  },
  'errors.refused': {
    en: 'The server refused the connection: nothing listens on that port{mode, select, implicit { (implicit FTPS usually uses port 990)} other {}}.',
    de: 'Der Server hat die Verbindung abgelehnt: An diesem Port wartet kein Dienst{mode, select, implicit { (implizites FTPS verwendet meist Port 990)} other {}}.',
    ja: 'サーバーが接続を拒否しました: そのポートで待ち受けているサービスがありません{mode, select, implicit { (暗黙的な FTPS は通常ポート 990 を使います)} other {}}。',
  },
  'errors.unreachable': {
    en: 'The host cannot be reached ({code}).',
    de: 'Der Host ist nicht erreichbar ({code}).',
    ja: 'ホストに到達できません ({code})。',
  },
  'errors.dataStalled': {
    en: 'The data connection stopped moving: a firewall or NAT may block it, or the server stalled.',
    de: 'Die Datenverbindung kommt nicht mehr voran: Eine Firewall oder NAT blockiert sie womöglich, oder der Server hängt.',
    ja: 'データ接続が進まなくなりました: ファイアウォールや NAT がブロックしているか、サーバーが停止しています。',
  },
  'errors.noGreetingMaybeImplicit': {
    en: 'The server did not greet us in time. If it expects implicit FTPS (TLS from the first byte, usually port 990), choose "FTPS, implicit".',
    de: 'Der Server hat nicht rechtzeitig begrüßt. Falls er implizites FTPS erwartet (TLS ab dem ersten Byte, meist Port 990), wählen Sie „FTPS, implizit“.',
    ja: 'サーバーから時間内に応答 (グリーティング) がありませんでした。暗黙的な FTPS (最初のバイトから TLS、通常ポート 990) を期待している場合は「FTPS (暗黙的)」を選んでください。',
  },
  'errors.noAnswer': { en: 'The server did not answer in time.', de: 'Der Server hat nicht rechtzeitig geantwortet.', ja: 'サーバーが時間内に応答しませんでした。' },
  'errors.closedDuringHandshake': {
    en: 'The server closed the {connection, select, data {data connection} other {connection}} during the TLS handshake (ECONNRESET).',
    de: 'Der Server hat die {connection, select, data {Datenverbindung} other {Verbindung}} während des TLS-Handshakes geschlossen (ECONNRESET).',
    ja: 'TLS ハンドシェイク中にサーバーが{connection, select, data {データ接続} other {接続}}を閉じました (ECONNRESET)。',
  },
  'errors.encryptedBroke': {
    en: 'The encrypted connection broke: {reason}',
    de: 'Die verschlüsselte Verbindung ist abgebrochen: {reason}',
    ja: '暗号化された接続が切れました: {reason}',
  },
  'errors.plainOnImplicitPort': {
    en: 'The server answered in plain text, not TLS: this port expects explicit FTPS (ftpes://, usually port 21) or plain FTP, not implicit FTPS. Choose "FTPS, explicit (AUTH TLS)".',
    de: 'Der Server hat im Klartext geantwortet, nicht mit TLS: Dieser Port erwartet explizites FTPS (ftpes://, meist Port 21) oder einfaches FTP, kein implizites FTPS. Wählen Sie „FTPS, explizit (AUTH TLS)“.',
    ja: 'サーバーは TLS ではなく平文で応答しました: このポートは暗黙的な FTPS ではなく、明示的な FTPS (ftpes://、通常ポート 21) または平文の FTP を想定しています。「FTPS (明示的、AUTH TLS)」を選んでください。',
  },
  'errors.noSharedTlsVersion': {
    en: 'The server and Wharf share no TLS version: Wharf requires TLS 1.2 or newer.',
    de: 'Server und Wharf haben keine gemeinsame TLS-Version: Wharf verlangt TLS 1.2 oder neuer.',
    ja: 'サーバーと Wharf に共通の TLS バージョンがありません: Wharf には TLS 1.2 以降が必要です。',
  },
  'errors.handshakeFailed': {
    en: 'The TLS handshake failed: {reason}',
    de: 'Der TLS-Handshake ist fehlgeschlagen: {reason}',
    ja: 'TLS ハンドシェイクに失敗しました: {reason}',
  },
  'errors.serverClosed': {
    en: 'The server closed the {connection, select, data {data connection} other {connection}} ({reason}).',
    de: 'Der Server hat die {connection, select, data {Datenverbindung} other {Verbindung}} geschlossen ({reason}).',
    ja: 'サーバーが{connection, select, data {データ接続} other {接続}}を閉じました ({reason})。',
  },
  'errors.dataClosedEarly': {
    en: 'The data connection closed before the transfer finished.',
    de: 'Die Datenverbindung wurde geschlossen, bevor die Übertragung fertig war.',
    ja: '転送が終わる前にデータ接続が閉じられました。',
  },
  'errors.diskFull': { en: 'The local disk is full.', de: 'Der lokale Datenträger ist voll.', ja: 'ローカルのディスクがいっぱいです。' },
  'errors.localPermission': {
    en: 'Permission denied on the local file system ({code}).',
    de: 'Zugriff im lokalen Dateisystem verweigert ({code}).',
    ja: 'ローカルのファイルシステムでアクセスが拒否されました ({code})。',
  },
  'errors.localMissing': {
    en: 'A local file or folder does not exist ({reason}).',
    de: 'Eine lokale Datei oder ein lokales Verzeichnis existiert nicht ({reason}).',
    ja: 'ローカルのファイルまたはディレクトリが存在しません ({reason})。',
  },
  'errors.listingTooLarge': {
    en: 'The folder listing is larger than 40 MiB: Wharf stopped reading it (a folder too large to list, or a broken server).',
    de: 'Die Verzeichnisliste ist größer als 40 MiB: Wharf hat das Lesen beendet (ein zu großes Verzeichnis oder ein fehlerhafter Server).',
    ja: 'ディレクトリ一覧が 40 MiB を超えています: Wharf は読み込みを止めました (一覧にするには大きすぎるディレクトリか、壊れたサーバーです)。',
  },
  'errors.listingLineTooLong': {
    en: 'A line of the folder listing is longer than 64 KiB: Wharf stopped reading it (a broken or hostile server).',
    de: 'Eine Zeile der Verzeichnisliste ist länger als 64 KiB: Wharf hat das Lesen beendet (ein fehlerhafter oder feindseliger Server).',
    ja: 'ディレクトリ一覧の 1 行が 64 KiB を超えています: Wharf は読み込みを止めました (壊れたサーバーか悪意のあるサーバーです)。',
  },
  'errors.replyTooLong': {
    en: 'The server sent a reply longer than 64 KiB: Wharf closed the connection (a broken or hostile server).',
    de: 'Der Server hat eine Antwort von mehr als 64 KiB gesendet: Wharf hat die Verbindung geschlossen (ein fehlerhafter oder feindseliger Server).',
    ja: 'サーバーが 64 KiB を超える応答を送りました: Wharf は接続を閉じました (壊れたサーバーか悪意のあるサーバーです)。',
  },
  'errors.tooManyConnections': {
    en: 'The server refuses more connections from this address: {reply}',
    de: 'Der Server lehnt weitere Verbindungen von dieser Adresse ab: {reply}',
    ja: 'サーバーはこのアドレスからのこれ以上の接続を拒否しています: {reply}',
  },
  'errors.sessionEnded': { en: 'The server ended the session: {reply}', de: 'Der Server hat die Sitzung beendet: {reply}', ja: 'サーバーがセッションを終了しました: {reply}' },
  'errors.loginRefused': { en: 'Login refused: {reply}', de: 'Anmeldung abgelehnt: {reply}', ja: 'ログインが拒否されました: {reply}' },
  'errors.sessionNotResumed': {
    en: "The server requires the data connection to resume the control connection's TLS session, and it was not resumed: {reply}",
    de: 'Der Server verlangt, dass die Datenverbindung die TLS-Sitzung der Steuerverbindung fortsetzt, und sie wurde nicht fortgesetzt: {reply}',
    ja: 'サーバーはデータ接続で制御接続の TLS セッションを再開することを要求していますが、再開されませんでした: {reply}',
  },
  'errors.dataFailed': { en: 'The data connection failed: {reply}', de: 'Die Datenverbindung ist fehlgeschlagen: {reply}', ja: 'データ接続に失敗しました: {reply}' },
  'errors.tlsRequired': {
    en: 'The server requires FTPS and refused a plain FTP login: {reply} Choose "FTPS, explicit (AUTH TLS)".',
    de: 'Der Server verlangt FTPS und hat eine Anmeldung mit einfachem FTP abgelehnt: {reply} Wählen Sie „FTPS, explizit (AUTH TLS)“.',
    ja: 'サーバーは FTPS を必要としており、平文の FTP でのログインを拒否しました: {reply} 「FTPS (明示的、AUTH TLS)」を選んでください。',
  },
  'errors.certificateChanged': {
    en: "The certificate of {host}:{port} has changed since it was trusted. Pinned {expected}, presented {presented}. Nothing was sent. If the server's administrator renewed it, remove the old pin and connect again.",
    de: 'Das Zertifikat von {host}:{port} hat sich geändert, seit es als vertrauenswürdig gespeichert wurde. Gespeichert {expected}, vorgelegt {presented}. Es wurde nichts gesendet. Falls der Administrator des Servers es erneuert hat, entfernen Sie den alten Eintrag und verbinden Sie erneut.',
    ja: '{host}:{port} の証明書は信頼済みとして登録されてから変更されています。登録済み {expected}、提示 {presented}。何も送信していません。サーバー管理者が更新した場合は、古い登録を削除して再接続してください。',
  },
  'errors.dataProtectionRefused': {
    en: 'The server refused to encrypt data connections (PROT P: {reply}): listings and files would travel unencrypted, so Wharf stopped. To connect anyway, turn on "{setting}" in the site\'s settings (wharf: --allow-clear-data).',
    de: 'Der Server hat es abgelehnt, Datenverbindungen zu verschlüsseln (PROT P: {reply}): Verzeichnislisten und Dateien würden unverschlüsselt übertragen, daher hat Wharf angehalten. Um trotzdem zu verbinden, schalten Sie „{setting}“ in den Einstellungen des Servers ein (wharf: --allow-clear-data).',
    ja: 'サーバーはデータ接続の暗号化を拒否しました (PROT P: {reply}): 一覧とファイルが暗号化されずに送られるため、Wharf は停止しました。それでも接続するには、サイトの設定で「{setting}」をオンにしてください (wharf: --allow-clear-data)。',
  },
  'errors.unsafeArgument': {
    en: 'The {what} contains a line break or NUL and cannot be sent to the server.',
    de: '{what} enthält einen Zeilenumbruch oder ein NUL-Zeichen und kann nicht an den Server gesendet werden.',
    ja: '{what} に改行または NUL が含まれているため、サーバーに送信できません。',
  },
  'errors.folderTooBig': {
    en: "The folder holds more than {limit} entries: Wharf stopped before reading them all (a folder too large to list, or a broken server). Open a subfolder, or ask the server's administrator to split it.",
    de: 'Das Verzeichnis enthält mehr als {limit} Einträge: Wharf hat vor dem vollständigen Lesen angehalten (ein zu großes Verzeichnis oder ein fehlerhafter Server). Öffnen Sie ein Unterverzeichnis oder bitten Sie den Administrator des Servers, es aufzuteilen.',
    ja: 'ディレクトリに {limit} 個を超える項目があります: Wharf はすべてを読む前に停止しました (一覧にするには大きすぎるディレクトリか、壊れたサーバーです)。サブディレクトリを開くか、サーバー管理者に分割を依頼してください。',
  },
  'errors.plainNotAllowed': {
    en: 'Plain FTP sends your password and files unencrypted; it must be allowed explicitly for this site.',
    de: 'Einfaches FTP überträgt Passwort und Dateien unverschlüsselt; es muss für diesen Server ausdrücklich erlaubt werden.',
    ja: '平文の FTP はパスワードとファイルを暗号化せずに送ります。このサイトで明示的に許可する必要があります。',
  },
  'errors.authTlsRefused': {
    en: 'The server refused AUTH TLS ({code}): it does not offer explicit FTPS. Nothing was sent. Try implicit FTPS, or plain FTP only if you accept an unencrypted password.',
    de: 'Der Server hat AUTH TLS abgelehnt ({code}): Er bietet kein explizites FTPS an. Es wurde nichts gesendet. Versuchen Sie implizites FTPS, oder einfaches FTP nur, wenn Sie ein unverschlüsseltes Passwort hinnehmen.',
    ja: 'サーバーが AUTH TLS を拒否しました ({code}): 明示的な FTPS に対応していません。何も送信していません。暗黙的な FTPS を試すか、暗号化されないパスワードを許容できる場合に限り平文の FTP を使ってください。',
  },
  'errors.implicitPort': {
    en: 'The server on port {port} {behaviour, select, silent {sends no greeting and waits for a TLS handshake} other {answers with TLS, not an FTP greeting}}: this port expects implicit FTPS (ftps://, usually port 990). Use ftps:// ("FTPS, implicit") for this port; explicit FTPS (ftpes://) and plain FTP (ftp://) usually use port 21.',
    de: 'Der Server an Port {port} {behaviour, select, silent {sendet keine Begrüßung und wartet auf einen TLS-Handshake} other {antwortet mit TLS statt mit einer FTP-Begrüßung}}: Dieser Port erwartet implizites FTPS (ftps://, meist Port 990). Verwenden Sie für diesen Port ftps:// („FTPS, implizit“); explizites FTPS (ftpes://) und einfaches FTP (ftp://) verwenden meist Port 21.',
    ja: 'ポート {port} のサーバーは{behaviour, select, silent {グリーティングを送らず TLS ハンドシェイクを待っています} other {FTP のグリーティングではなく TLS で応答しています}}: このポートは暗黙的な FTPS (ftps://、通常ポート 990) を想定しています。このポートには ftps:// (「FTPS (暗黙的)」) を使ってください。明示的な FTPS (ftpes://) と平文の FTP (ftp://) は通常ポート 21 を使います。',
  },
  'errors.handshakeTimeout': {
    en: 'The server accepted AUTH TLS but did not complete the TLS handshake in time. Nothing was sent.',
    de: 'Der Server hat AUTH TLS angenommen, den TLS-Handshake aber nicht rechtzeitig abgeschlossen. Es wurde nichts gesendet.',
    ja: 'サーバーは AUTH TLS を受け付けましたが、TLS ハンドシェイクを時間内に完了しませんでした。何も送信していません。',
  },
  'errors.noCertificate': { en: 'The server presented no certificate.', de: 'Der Server hat kein Zertifikat vorgelegt.', ja: 'サーバーが証明書を提示しませんでした。' },
  'errors.untrustedStopped': {
    en: '{reason} The connection was stopped before the user name and password were sent.',
    de: '{reason} Die Verbindung wurde beendet, bevor Benutzername und Passwort gesendet wurden.',
    ja: '{reason} ユーザー名とパスワードを送信する前に接続を中止しました。',
  },
  'errors.sessionClosed': { en: 'The session was closed.', de: 'Die Sitzung wurde geschlossen.', ja: 'セッションは閉じられました。' },
  'errors.folderUnreadable': {
    en: 'Could not read the folder {folder}: {reason}',
    de: 'Das Verzeichnis {folder} konnte nicht gelesen werden: {reason}',
    ja: 'ディレクトリ {folder} を読めませんでした: {reason}',
  },
  'errors.currentFolderUnreadable': {
    en: 'Could not read the current folder: {reason}',
    de: 'Das aktuelle Verzeichnis konnte nicht gelesen werden: {reason}',
    ja: '現在のディレクトリを読めませんでした: {reason}',
  },
  'errors.notOctalMode': {
    en: '"{mode}" is not an octal mode such as 755.',
    de: '„{mode}“ ist kein oktaler Modus wie 755.',
    ja: '"{mode}" は 755 のような 8 進数のモードではありません。',
  },
  'errors.rawRefused': {
    en: "{verb} cannot be sent as a raw command: it needs a data connection or changes the session's security.",
    de: '{verb} kann nicht als direkter Befehl gesendet werden: Er braucht eine Datenverbindung oder ändert die Sicherheit der Sitzung.',
    ja: '{verb} は生コマンドとして送信できません: データ接続が必要か、セッションのセキュリティを変更するためです。',
  },
  'errors.rawEmpty': {
    en: "An empty command cannot be sent as a raw command: it needs a data connection or changes the session's security.",
    de: 'Ein leerer Befehl kann nicht als direkter Befehl gesendet werden: Er braucht eine Datenverbindung oder ändert die Sicherheit der Sitzung.',
    ja: '空のコマンドは生コマンドとして送信できません: データ接続が必要か、セッションのセキュリティを変更するためです。',
  },
  'errors.transferCancelled': { en: 'The transfer was cancelled.', de: 'Die Übertragung wurde abgebrochen.', ja: '転送はキャンセルされました。' },
  'errors.clientCertificateNotAccepted': {
    en: 'The server requires a client certificate and did not accept the one sent.',
    de: 'Der Server verlangt ein Client-Zertifikat und hat das gesendete nicht akzeptiert.',
    ja: 'サーバーはクライアント証明書を必要としており、送信した証明書を受け付けませんでした。',
  },
  'errors.clientCertificateMissing': {
    en: 'The server requires a client certificate (mutual TLS) and this site has none: choose one under the site\'s "Client certificate" setting (CLI: --cert FILE [--key FILE]).',
    de: 'Der Server verlangt ein Client-Zertifikat (gegenseitiges TLS), und für diesen Server ist keines eingestellt: Wählen Sie eines in der Einstellung „Client-Zertifikat“ des Servers (CLI: --cert DATEI [--key DATEI]).',
    ja: 'サーバーはクライアント証明書 (相互 TLS) を必要としていますが、このサイトには設定されていません: サイトの「クライアント証明書」設定で選んでください (CLI: --cert FILE [--key FILE])。',
  },
  'errors.clientCertificateRefused': {
    en: 'The server refused the client certificate (it does not trust its issuer, or the certificate is expired or not meant for client use). Ask the server\'s administrator which certificate to use, and choose it under the site\'s "Client certificate" setting.',
    de: 'Der Server hat das Client-Zertifikat abgelehnt (er vertraut dem Aussteller nicht, oder das Zertifikat ist abgelaufen oder nicht für Clients bestimmt). Fragen Sie den Administrator des Servers, welches Zertifikat zu verwenden ist, und wählen Sie es in der Einstellung „Client-Zertifikat“ des Servers.',
    ja: 'サーバーがクライアント証明書を拒否しました (発行者を信頼していないか、証明書の期限切れ、またはクライアント用ではありません)。使用すべき証明書をサーバー管理者に確認し、サイトの「クライアント証明書」設定で選んでください。',
  },
  'errors.withReason': { en: '{explanation} ({reason})', de: '{explanation} ({reason})', ja: '{explanation} ({reason})' },
  'errors.activeBehindProxy': {
    en: 'Active mode cannot work through a proxy ({proxy}): the server would have to connect back to this computer, and the proxy relays only connections we open. Choose passive mode for this site, or no proxy.',
    de: 'Der aktive Modus funktioniert nicht über einen Proxy ({proxy}): Der Server müsste sich zurück zu diesem Computer verbinden, und der Proxy leitet nur Verbindungen weiter, die wir öffnen. Wählen Sie für diesen Server den passiven Modus oder keinen Proxy.',
    ja: 'アクティブモードはプロキシ ({proxy}) 経由では使えません: サーバーがこのコンピューターへ接続し返す必要がありますが、プロキシはこちらから開く接続しか中継しません。このサイトではパッシブモードを選ぶか、プロキシを使わないでください。',
  },
  'errors.bounceRefused': {
    en: 'The server asked for a data connection to another host ({announced}); Wharf refuses this to prevent FTP bounce attacks.',
    de: 'Der Server hat eine Datenverbindung zu einem anderen Host verlangt ({announced}); Wharf lehnt das ab, um FTP-Bounce-Angriffe zu verhindern.',
    ja: 'サーバーが別のホスト ({announced}) へのデータ接続を求めました。FTP バウンス攻撃を防ぐため、Wharf はこれを拒否します。',
  },
  'errors.otherModeRefused': {
    en: '{first} ({mode, select, active {active} other {passive}} mode, tried next, was refused: {reply})',
    de: '{first} (der danach versuchte {mode, select, active {aktive} other {passive}} Modus wurde abgelehnt: {reply})',
    ja: '{first} (次に試した{mode, select, active {アクティブ} other {パッシブ}}モードは拒否されました: {reply})',
  },
  'errors.dataOpenInMode': {
    en: 'Could not open a data connection in {mode, select, active {active} other {passive}} mode: {reason}',
    de: 'Im {mode, select, active {aktiven} other {passiven}} Modus konnte keine Datenverbindung geöffnet werden: {reason}',
    ja: '{mode, select, active {アクティブ} other {パッシブ}}モードでデータ接続を開けませんでした: {reason}',
  },
  'errors.dataOpenTo': {
    en: 'Could not open the data connection to {where}: {reason}',
    de: 'Die Datenverbindung zu {where} konnte nicht geöffnet werden: {reason}',
    ja: '{where} へのデータ接続を開けませんでした: {reason}',
  },
  'errors.dataCertificateDiffers': {
    en: 'The data connection presented a different certificate than the control connection.',
    de: 'Die Datenverbindung hat ein anderes Zertifikat vorgelegt als die Steuerverbindung.',
    ja: 'データ接続が制御接続と異なる証明書を提示しました。',
  },
  'errors.activeNotOpened': {
    en: 'The server did not open the active-mode data connection in time (a firewall or NAT may block incoming connections).',
    de: 'Der Server hat die Datenverbindung im aktiven Modus nicht rechtzeitig geöffnet (eine Firewall oder NAT blockiert womöglich eingehende Verbindungen).',
    ja: 'サーバーがアクティブモードのデータ接続を時間内に開きませんでした (ファイアウォールや NAT が着信接続をブロックしている可能性があります)。',
  },
  'errors.downloadSizeMismatch': {
    en: 'The download of {path} has {localSize} bytes, the server says {remoteSize}; the partial file is kept to resume.',
    de: 'Der Download von {path} hat {localSize} Bytes, der Server nennt {remoteSize}; die unvollständige Datei bleibt zum Fortsetzen erhalten.',
    ja: '{path} のダウンロードは {localSize} バイトですが、サーバーは {remoteSize} バイトとしています。再開できるよう途中のファイルを残しています。',
  },
  'errors.uploadSizeMismatch': {
    en: 'The upload of {path} left {remoteSize} bytes on the server, expected {localSize}.',
    de: 'Der Upload von {path} hat {remoteSize} Bytes auf dem Server hinterlassen, erwartet waren {localSize}.',
    ja: '{path} のアップロード後、サーバー上のサイズは {remoteSize} バイトでした (期待値 {localSize} バイト)。',
  },
  'errors.renameRefused': {
    en: 'The server refused to rename the uploaded {temporaryPath} to {finalPath}{step, select, deleteRefused { and would not delete the existing file} afterDelete { after deleting the old file} other {}} ({reply}). The complete upload is kept under its temporary name. Turn off "{setting}" for this site (CLI: --in-place) to upload straight to the final name.',
    de: 'Der Server hat es abgelehnt, die hochgeladene Datei {temporaryPath} in {finalPath} umzubenennen{step, select, deleteRefused {, und die vorhandene Datei nicht löschen wollen} afterDelete { (nach dem Löschen der alten Datei)} other {}} ({reply}). Der vollständige Upload bleibt unter seinem temporären Namen erhalten. Schalten Sie „{setting}“ für diesen Server aus (CLI: --in-place), um direkt unter den endgültigen Namen hochzuladen.',
    ja: 'サーバーがアップロードした {temporaryPath} から {finalPath} への名前の変更を拒否しました{step, select, deleteRefused { (既存のファイルの削除も拒否されました)} afterDelete { (古いファイルを削除した後)} other {}} ({reply})。アップロードしたファイルは一時的な名前のまま完全な状態で残っています。最終的な名前へ直接アップロードするには、このサイトの「{setting}」をオフにしてください (CLI: --in-place)。',
  },
  'errors.localUnreadable': {
    en: '{path} could not be read: {reason}',
    de: '{path} konnte nicht gelesen werden: {reason}',
    ja: '{path} を読めませんでした: {reason}',
  },
  'errors.changedDuringUpload': {
    en: '{path} changed while it was being uploaded: {how, select, saved {it was saved again at the same size} ended {it ended after {size} bytes} grew {it grew to {size} bytes, {expected} were expected} other {it shrank to {size} bytes, {expected} were expected}}.',
    de: '{path} wurde während des Hochladens geändert: {how, select, saved {Die Datei wurde bei gleicher Größe erneut gespeichert} ended {Sie endete nach {size} Bytes} grew {Sie ist auf {size} Bytes gewachsen, erwartet waren {expected}} other {Sie ist auf {size} Bytes geschrumpft, erwartet waren {expected}}}.',
    ja: '{path} はアップロード中に変更されました: {how, select, saved {同じサイズのまま再保存されました} ended {{size} バイトで終わりました} grew {{size} バイトに増えました (期待値 {expected} バイト)} other {{size} バイトに縮みました (期待値 {expected} バイト)}}。',
  },
  'errors.requestUnreadable': { en: 'The request could not be read.', de: 'Die Anfrage konnte nicht gelesen werden.', ja: 'リクエストを読み取れませんでした。' },
  'errors.listingReplaced': { en: 'A newer listing replaced this one.', de: 'Eine neuere Verzeichnisliste hat diese ersetzt.', ja: '新しい一覧がこの一覧に置き換わりました。' },
});
