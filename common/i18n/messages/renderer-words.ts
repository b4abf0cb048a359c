/**
 * The renderer's own words outside its components: what a notice says it was doing, the drag-out warnings, the
 * compare marks, the lock badge, queue and log columns, pane menus, name checks, synchronised browsing's notes
 * and how each kind of error is titled and what to do about it.
 */
import { defineMessages } from '../define';

export const rendererWordsMessages = defineMessages({
  // What the window was doing when an error came (the notice's title starts with it).
  'rendererWords.context.trustedCertificates': { en: 'Trusted certificates', de: 'Vertrauenswürdige Zertifikate', ja: '信頼済みの証明書' },
  'rendererWords.context.removeCertificate': { en: 'Remove certificate', de: 'Zertifikat entfernen', ja: '証明書を削除' },
  'rendererWords.context.forgetCertificate': { en: 'Forget certificate', de: 'Zertifikat vergessen', ja: '証明書を破棄' },
  'rendererWords.context.dragOut': { en: 'Drag out', de: 'Herausziehen', ja: 'ドラッグで取り出し' },
  'rendererWords.context.permissionsOf': { en: 'Permissions of {name}', de: 'Berechtigungen von {name}', ja: '{name} のパーミッション' },
  'rendererWords.context.customCommand': { en: 'Custom command', de: 'Benutzerdefinierter Befehl', ja: 'カスタムコマンド' },
  'rendererWords.context.cancelTest': { en: 'Cancel test', de: 'Test abbrechen', ja: 'テストをキャンセル' },
  'rendererWords.context.copyReport': { en: 'Copy report', de: 'Bericht kopieren', ja: 'レポートをコピー' },
  'rendererWords.context.queue': { en: 'Queue', de: 'Warteschlange', ja: 'キュー' },
  'rendererWords.context.connection': { en: 'Connection', de: 'Verbindung', ja: '接続' },
  'rendererWords.context.disconnect': { en: 'Disconnect', de: 'Trennen', ja: '切断' },
  'rendererWords.context.securityReport': { en: 'Security report', de: 'Sicherheitsbericht', ja: 'セキュリティレポート' },
  'rendererWords.context.synchronise': { en: 'Synchronise', de: 'Synchronisieren', ja: '同期' },
  'rendererWords.context.proxy': { en: 'Proxy', de: 'Proxy', ja: 'プロキシ' },
  'rendererWords.context.uploadEdited': { en: 'Upload edited file', de: 'Bearbeitete Datei hochladen', ja: '編集したファイルをアップロード' },
  'rendererWords.context.open': { en: 'Open', de: 'Öffnen', ja: '開く' },
  'rendererWords.context.copyPath': { en: 'Copy path', de: 'Pfad kopieren', ja: 'パスをコピー' },
  'rendererWords.context.reveal': { en: 'Reveal', de: 'Im Dateimanager anzeigen', ja: 'ファイルマネージャーで表示' },
  'rendererWords.context.copy': { en: 'Copy', de: 'Kopieren', ja: 'コピー' },
  'rendererWords.context.saveLog': { en: 'Save log', de: 'Protokoll speichern', ja: 'ログを保存' },
  'rendererWords.context.drop': { en: 'Drop', de: 'Ablegen', ja: 'ドロップ' },
  'rendererWords.context.transfer': { en: 'Transfer', de: 'Übertragung', ja: '転送' },
  'rendererWords.context.saveSite': { en: 'Save site', de: 'Server speichern', ja: 'サイトを保存' },
  'rendererWords.context.deleteSite': { en: 'Delete site', de: 'Server löschen', ja: 'サイトを削除' },
  'rendererWords.context.duplicateSite': { en: 'Duplicate site', de: 'Server duplizieren', ja: 'サイトを複製' },
  'rendererWords.context.newSiteFolder': { en: 'New folder', de: 'Neuer Ordner', ja: '新規フォルダー' },
  'rendererWords.context.renameSiteFolder': { en: 'Rename folder', de: 'Ordner umbenennen', ja: 'フォルダー名を変更' },
  'rendererWords.context.moveSite': { en: 'Move site', de: 'Server verschieben', ja: 'サイトを移動' },
  'rendererWords.context.deleteSiteFolder': { en: 'Delete folder', de: 'Ordner löschen', ja: 'フォルダーを削除' },
  'rendererWords.context.import': { en: 'Import', de: 'Importieren', ja: 'インポート' },
  'rendererWords.context.export': { en: 'Export', de: 'Exportieren', ja: 'エクスポート' },
  'rendererWords.context.localFolder': { en: 'Local folder', de: 'Lokales Verzeichnis', ja: 'ローカルディレクトリ' },
  'rendererWords.context.remoteFolder': { en: 'Remote folder', de: 'Verzeichnis auf dem Server', ja: 'リモートディレクトリ' },
  'rendererWords.context.newFolder': { en: 'New folder', de: 'Verzeichnis erstellen', ja: 'ディレクトリの作成' },
  'rendererWords.context.rename': { en: 'Rename', de: 'Umbenennen', ja: '名前の変更' },
  'rendererWords.context.delete': { en: 'Delete', de: 'Löschen', ja: '削除' },
  'rendererWords.context.move': { en: 'Move {name}', de: '{name} verschieben', ja: '{name} を移動' },

  // Dragging entries out of a pane to the system's file manager.
  'rendererWords.dragOut.nothing': { en: 'Nothing dragged.', de: 'Nichts wurde gezogen.', ja: 'ドラッグされた項目はありません。' },
  'rendererWords.dragOut.leftOut': {
    en: '{leftOut} of {total, plural, one {# file} other {# files}} left out: their names cannot be used safely here.',
    de: '{leftOut} von {total, plural, one {# Datei} other {# Dateien}} ausgelassen: ihre Namen können hier nicht sicher verwendet werden.',
    ja: '{total, plural, other {# 個のファイル}}のうち {leftOut} 個を除外しました: その名前はここでは安全に使えません。',
  },
  'rendererWords.dragOut.logSays': { en: 'The message log says why for each.', de: 'Das Nachrichtenprotokoll nennt für jede den Grund.', ja: 'それぞれの理由はメッセージログに記録されています。' },
  'rendererWords.dragOut.controlNames': {
    en: '{names}: the name contains a control character.',
    de: '{names}: Der Name enthält ein Steuerzeichen.',
    ja: '{names}: 名前に制御文字が含まれています。',
  },
  'rendererWords.openUnsafe': {
    en: 'The server named this file "{name}", which contains a control character; it cannot be opened.',
    de: 'Der Server nennt diese Datei „{name}“; der Name enthält ein Steuerzeichen, daher kann sie nicht geöffnet werden.',
    ja: 'サーバー上のこのファイルの名前「{name}」には制御文字が含まれているため、開けません。',
  },

  // The compare marks and their legend.
  'rendererWords.mark.same': { en: 'Identical', de: 'Identisch', ja: '同一' },
  'rendererWords.mark.different': { en: 'Different', de: 'Unterschiedlich', ja: '相違あり' },
  'rendererWords.mark.onlyLocal': { en: 'Only local', de: 'Nur lokal', ja: 'ローカルのみ' },
  'rendererWords.mark.onlyRemote': { en: 'Only on the server', de: 'Nur auf dem Server', ja: 'サーバーのみ' },
  'rendererWords.mark.folder': { en: 'Folder on both sides', de: 'Verzeichnis auf beiden Seiten', ja: '両側にあるディレクトリ' },
  'rendererWords.mark.folderExplanation': {
    en: 'A folder on both sides: open it to compare its contents.',
    de: 'Ein Verzeichnis auf beiden Seiten: Öffnen Sie es, um seinen Inhalt zu vergleichen.',
    ja: '両側にあるディレクトリです: 開くと中身を比較できます。',
  },

  // Synchronised browsing's notes.
  'rendererWords.follow.noFolderAbove': {
    en: 'Synchronised browsing is waiting: the {side, select, remote {server} other {local}} side has no folder {up, plural, one {# level} other {# levels}} above {root}.',
    de: 'Synchronisiertes Durchsuchen wartet: {side, select, remote {auf dem Server} other {lokal}} gibt es kein Verzeichnis {up, plural, one {# Ebene} other {# Ebenen}} über {root}.',
    ja: '同期ブラウジングは待機中です: {side, select, remote {サーバー側} other {ローカル側}}には {root} より {up, plural, other {# 階層}}上のディレクトリがありません。',
  },
  'rendererWords.follow.outside': {
    en: 'Synchronised browsing is waiting: {path} is not inside {root}, where synchronised browsing started.',
    de: 'Synchronisiertes Durchsuchen wartet: {path} liegt nicht in {root}, wo das synchronisierte Durchsuchen begann.',
    ja: '同期ブラウジングは待機中です: {path} は同期ブラウジングを開始した {root} の中にありません。',
  },
  'rendererWords.follow.missing': {
    en: '“{name}” does not exist {side, select, remote {on the server: the remote} other {in the local folder: the local}} pane stays in {path}.',
    de: '„{name}“ existiert {side, select, remote {nicht auf dem Server: Der Serverbereich} other {nicht im lokalen Verzeichnis: Der lokale Bereich}} bleibt in {path}.',
    ja: '「{name}」は{side, select, remote {サーバー上に存在しません: リモートペイン} other {ローカルディレクトリに存在しません: ローカルペイン}}は {path} のままです。',
  },

  // The lock badge.
  'rendererWords.badge.notEncrypted': { en: 'Not encrypted', de: 'Nicht verschlüsselt', ja: '暗号化なし' },

  // The queue's status and verification columns.
  'rendererWords.status.awaitingAnswer': { en: 'Waiting for your answer', de: 'Wartet auf Ihre Antwort', ja: '応答を待っています' },
  'rendererWords.status.retrying': { en: 'Retrying (attempt {attempt})', de: 'Neuer Versuch ({attempt}. Versuch)', ja: '再試行中 ({attempt} 回目)' },
  'rendererWords.status.waiting': { en: 'Waiting', de: 'Wartet', ja: '待機中' },
  'rendererWords.status.resuming': { en: 'Resuming', de: 'Wird fortgesetzt', ja: '再開中' },
  'rendererWords.status.uploading': { en: 'Uploading', de: 'Wird hochgeladen', ja: 'アップロード中' },
  'rendererWords.status.downloading': { en: 'Downloading', de: 'Wird heruntergeladen', ja: 'ダウンロード中' },
  'rendererWords.status.paused': { en: 'Paused', de: 'Angehalten', ja: '一時停止中' },
  'rendererWords.status.done': { en: 'Done', de: 'Fertig', ja: '完了' },
  'rendererWords.status.failed': { en: 'Failed', de: 'Fehlgeschlagen', ja: '失敗' },
  'rendererWords.status.skipped': { en: 'Skipped', de: 'Übersprungen', ja: 'スキップ' },
  'rendererWords.verified.folderCreated': { en: 'Folder created', de: 'Verzeichnis erstellt', ja: 'ディレクトリを作成しました' },
  'rendererWords.verified.size': { en: 'Size matches', de: 'Größe stimmt überein', ja: 'サイズが一致' },
  'rendererWords.verified.hash': { en: '{method} matches', de: '{method} stimmt überein', ja: '{method} が一致' },

  // The message log's tags (FileZilla's words).
  'rendererWords.log.command': { en: 'Command:', de: 'Befehl:', ja: 'コマンド:' },
  'rendererWords.log.reply': { en: 'Response:', de: 'Antwort:', ja: '応答:' },
  'rendererWords.log.tls': { en: 'TLS:', de: 'TLS:', ja: 'TLS:' },
  'rendererWords.log.info': { en: 'Status:', de: 'Status:', ja: 'ステータス:' },
  'rendererWords.log.warning': { en: 'Warning:', de: 'Warnung:', ja: '警告:' },
  'rendererWords.log.error': { en: 'Error:', de: 'Fehler:', ja: 'エラー:' },

  // A pane's context menu (FileZilla's words).
  'rendererWords.menu.open': { en: 'Open', de: 'Öffnen', ja: '開く' },
  'rendererWords.menu.download': { en: 'Download', de: 'Herunterladen', ja: 'ダウンロード' },
  'rendererWords.menu.upload': { en: 'Upload', de: 'Hochladen', ja: 'アップロード' },
  'rendererWords.menu.rename': { en: 'Rename', de: 'Umbenennen', ja: '名前の変更' },
  'rendererWords.menu.delete': { en: 'Delete', de: 'Löschen', ja: '削除' },
  'rendererWords.menu.newFolder': { en: 'New folder', de: 'Verzeichnis erstellen', ja: 'ディレクトリの作成' },
  'rendererWords.menu.permissions': { en: 'Permissions…', de: 'Dateiberechtigungen…', ja: 'ファイルのパーミッション…' },
  'rendererWords.menu.rawCommand': { en: 'Enter custom command…', de: 'Benutzerdefinierten Befehl eingeben…', ja: 'カスタムコマンドを入力…' },
  'rendererWords.menu.copyPath': { en: 'Copy path', de: 'Pfad kopieren', ja: 'パスをコピー' },
  'rendererWords.menu.refresh': { en: 'Refresh', de: 'Aktualisieren', ja: '更新' },
  'rendererWords.menu.reveal': { en: 'Reveal in file manager', de: 'Im Dateimanager anzeigen', ja: 'ファイルマネージャーで表示' },

  // Key names beside the menu items (as German keyboards and menus print them); F2, F5 and F7 read the same everywhere.
  'rendererWords.key.enter': { en: 'Enter', de: 'Eingabe', ja: 'Enter' },
  'rendererWords.key.ctrlEnter': { en: 'Ctrl+Enter', de: 'Strg+Eingabe', ja: 'Ctrl+Enter' },
  'rendererWords.key.delete': { en: 'Del', de: 'Entf', ja: 'Del' },

  // A name typed for a new folder or a rename.
  'rendererWords.name.empty': { en: 'Enter a name.', de: 'Geben Sie einen Namen ein.', ja: '名前を入力してください。' },
  'rendererWords.name.reserved': { en: 'That name is reserved.', de: 'Dieser Name ist reserviert.', ja: 'この名前は予約されています。' },
  'rendererWords.name.forbidden': {
    en: 'A name cannot contain "/", "\\" or control characters.',
    de: 'Ein Name darf weder "/", "\\" noch Steuerzeichen enthalten.',
    ja: '名前に "/"、"\\"、制御文字は使えません。',
  },
  'rendererWords.name.exists': { en: '"{name}" already exists here.', de: '„{name}“ existiert hier bereits.', ja: '「{name}」はここに既にあります。' },

  // How each kind of error is titled, and what to do about it.
  'rendererWords.error.auth': { en: 'Login refused', de: 'Anmeldung abgelehnt', ja: 'ログインが拒否されました' },
  'rendererWords.error.auth.hint': { en: 'Check the user name and password.', de: 'Prüfen Sie Benutzername und Passwort.', ja: 'ユーザー名とパスワードを確認してください。' },
  'rendererWords.error.tlsUntrusted': { en: 'Certificate not trusted', de: 'Zertifikat nicht vertrauenswürdig', ja: '証明書は信頼されていません' },
  'rendererWords.error.tlsUntrusted.hint': { en: 'Nothing was sent to the server.', de: 'An den Server wurde nichts gesendet.', ja: 'サーバーには何も送信されていません。' },
  'rendererWords.error.tlsChanged': { en: 'The server’s certificate changed', de: 'Das Zertifikat des Servers hat sich geändert', ja: 'サーバーの証明書が変更されました' },
  'rendererWords.error.tlsChanged.hint': {
    en: 'This can mean someone is intercepting the connection. Ask the server’s administrator before trusting the new certificate.',
    de: 'Das kann bedeuten, dass jemand die Verbindung abfängt. Fragen Sie den Administrator des Servers, bevor Sie dem neuen Zertifikat vertrauen.',
    ja: '誰かが接続を傍受している可能性があります。新しい証明書を信頼する前に、サーバーの管理者に確認してください。',
  },
  'rendererWords.error.tlsHandshake': { en: 'Secure connection failed', de: 'Sichere Verbindung fehlgeschlagen', ja: '安全な接続に失敗しました' },
  'rendererWords.error.tlsHandshake.hint': {
    en: 'The server may not support TLS 1.2 or later, or the protocol (explicit/implicit) may be wrong.',
    de: 'Der Server unterstützt vielleicht kein TLS 1.2 oder neuer, oder das Protokoll (explizit/implizit) ist falsch.',
    ja: 'サーバーが TLS 1.2 以降に対応していないか、プロトコル (明示的/暗黙的) が誤っている可能性があります。',
  },
  'rendererWords.error.tlsRequired': { en: 'Encryption required', de: 'Verschlüsselung erforderlich', ja: '暗号化が必要です' },
  'rendererWords.error.tlsRequired.hint': { en: 'Choose the protocol the server supports.', de: 'Wählen Sie das Protokoll, das der Server unterstützt.', ja: 'サーバーが対応しているプロトコルを選んでください。' },
  'rendererWords.error.timeout': { en: 'No answer in time', de: 'Keine Antwort in der Zeit', ja: '時間内に応答がありません' },
  'rendererWords.error.timeout.hint': { en: 'Check the host and port, or try active/passive mode.', de: 'Prüfen Sie Server und Port, oder versuchen Sie den aktiven/passiven Modus.', ja: 'ホストとポートを確認するか、アクティブ/パッシブモードを試してください。' },
  'rendererWords.error.refused': { en: 'Connection refused', de: 'Verbindung abgelehnt', ja: '接続が拒否されました' },
  'rendererWords.error.refused.hint': { en: 'Check the host, the port and the protocol.', de: 'Prüfen Sie Server, Port und Protokoll.', ja: 'ホスト、ポート、プロトコルを確認してください。' },
  'rendererWords.error.dns': { en: 'Host not found', de: 'Server nicht gefunden', ja: 'ホストが見つかりません' },
  'rendererWords.error.dns.hint': { en: 'Check the host name.', de: 'Prüfen Sie den Servernamen.', ja: 'ホスト名を確認してください。' },
  'rendererWords.error.connectionLost': { en: 'Connection lost', de: 'Verbindung verloren', ja: '接続が切れました' },
  'rendererWords.error.connectionLost.hint': { en: 'Connect again.', de: 'Verbinden Sie sich erneut.', ja: 'もう一度接続してください。' },
  'rendererWords.error.dataChannel': { en: 'Data connection failed', de: 'Datenverbindung fehlgeschlagen', ja: 'データ接続に失敗しました' },
  'rendererWords.error.dataChannel.hint': {
    en: 'A firewall may block passive ports; try active mode in the site settings.',
    de: 'Eine Firewall blockiert vielleicht passive Ports; versuchen Sie den aktiven Modus in den Servereinstellungen.',
    ja: 'ファイアウォールがパッシブポートをブロックしている可能性があります。サイトの設定でアクティブモードを試してください。',
  },
  'rendererWords.error.tooManyConnections': { en: 'Too many connections', de: 'Zu viele Verbindungen', ja: '接続が多すぎます' },
  'rendererWords.error.tooManyConnections.hint': { en: 'Lower the maximum connections of this site.', de: 'Verringern Sie die maximale Anzahl der Verbindungen dieses Servers.', ja: 'このサイトの最大接続数を減らしてください。' },
  'rendererWords.error.ftp': { en: 'The server refused', de: 'Der Server hat abgelehnt', ja: 'サーバーが拒否しました' },
  'rendererWords.error.unsafeName': { en: 'Unsafe file name', de: 'Unsicherer Dateiname', ja: '安全でないファイル名' },
  'rendererWords.error.unsafeName.hint': { en: 'The server sent a name that cannot be used safely here.', de: 'Der Server hat einen Namen gesendet, der hier nicht sicher verwendet werden kann.', ja: 'サーバーが、ここでは安全に使えない名前を送ってきました。' },
  'rendererWords.error.localIo': { en: 'Local file error', de: 'Fehler bei lokaler Datei', ja: 'ローカルファイルのエラー' },
  'rendererWords.error.proxySettingsDamaged': { en: 'Proxy settings damaged', de: 'Proxy-Einstellungen beschädigt', ja: 'プロキシ設定が壊れています' },
  'rendererWords.error.plainRefused': { en: 'Plain FTP not allowed', de: 'Einfaches FTP nicht erlaubt', ja: '平文の FTP は許可されていません' },
  'rendererWords.error.plainRefused.hint': { en: 'Confirm the unencrypted connection, or choose FTPS.', de: 'Bestätigen Sie die unverschlüsselte Verbindung, oder wählen Sie FTPS.', ja: '暗号化されていない接続を確認するか、FTPS を選んでください。' },
  'rendererWords.error.invalidInput': { en: 'Cannot do that', de: 'Das geht nicht', ja: 'その操作はできません' },
  'rendererWords.error.keychain': { en: 'System keychain unavailable', de: 'Schlüsselbund des Systems nicht verfügbar', ja: 'システムのキーチェーンを使えません' },
  'rendererWords.error.keychain.hint': { en: 'Choose “Ask on connect” for the password.', de: 'Wählen Sie für das Passwort „Beim Verbinden fragen“.', ja: 'パスワードには「接続時に尋ねる」を選んでください。' },
  'rendererWords.error.cancelled': { en: 'Cancelled', de: 'Abgebrochen', ja: 'キャンセルしました' },
  'rendererWords.error.verification': { en: 'Verification failed', de: 'Prüfung fehlgeschlagen', ja: '検証に失敗しました' },
  'rendererWords.error.verification.hint': { en: 'The file on the other side differs; retry the transfer.', de: 'Die Datei auf der anderen Seite weicht ab; wiederholen Sie die Übertragung.', ja: '相手側のファイルが異なります。転送を再試行してください。' },
  'rendererWords.error.internal': { en: 'Something went wrong', de: 'Etwas ist schiefgelaufen', ja: '問題が発生しました' },
  'rendererWords.error.internal.hint': { en: 'This is a bug in Wharf; the log has details.', de: 'Das ist ein Fehler in Wharf; das Protokoll enthält Einzelheiten.', ja: 'これは Wharf の不具合です。詳細はログにあります。' },
});
