/**
 * What the transfer queue, sync, the local file system and the keychain say when something stops
 * (main/transfers, main/sync, main/local-fs, main/credentials, main/connections, main/doctor).
 * Paths, server replies and system reasons are arguments: they stay as they are.
 */
import { defineMessages } from '../define';

export const transfersMessages = defineMessages({
  'transfers.queueStopping': { en: 'The transfer queue is stopping.', de: 'Die Übertragungswarteschlange wird angehalten.', ja: '転送キューを停止しています。' },
  'transfers.attemptStopped': {
    en: '{reason, select, pause {Paused} other {Cancelled}}',
    de: '{reason, select, pause {Angehalten} other {Abgebrochen}}',
    ja: '{reason, select, pause {一時停止しました} other {キャンセルしました}}',
  },
  'transfers.cannotWrite': {
    en: '{path} cannot be written: {reason}',
    de: '{path} kann nicht geschrieben werden: {reason}',
    ja: '{path} に書き込めません: {reason}',
  },
  'transfers.cannotRead': {
    en: '{path} cannot be read: {reason}',
    de: '{path} kann nicht gelesen werden: {reason}',
    ja: '{path} を読み込めません: {reason}',
  },
  'transfers.rangeEndedEarly': {
    en: 'The data connection of {path} ended early: {done} of {length} bytes of the range from {start} arrived.',
    de: 'Die Datenverbindung von {path} endete vorzeitig: {done} von {length} Bytes des Bereichs ab {start} sind angekommen.',
    ja: '{path} のデータ接続が途中で終わりました: {start} からの範囲の {length} バイトのうち {done} バイトだけが届きました。',
  },
  'transfers.downloadSizeDiffers': {
    en: 'The download of {path} has {localSize} bytes, the server says {remoteSize}.',
    de: 'Der Download von {path} hat {localSize} Bytes, der Server nennt {remoteSize}.',
    ja: '{path} のダウンロードは {localSize} バイトですが、サーバーは {remoteSize} バイトとしています。',
  },
  'transfers.downloadHashDiffers': {
    en: "The {algorithm} of the download of {path} does not match the server's{next, select, refetch {; the next attempt fetches it all again} other {}}.",
    de: 'Der {algorithm}-Wert des Downloads von {path} stimmt nicht mit dem des Servers überein{next, select, refetch {; der nächste Versuch lädt die Datei vollständig neu herunter} other {}}.',
    ja: '{path} のダウンロードの {algorithm} がサーバーの値と一致しません{next, select, refetch {。次の試行で最初から取得し直します} other {}}。',
  },
  'transfers.uploadHashDiffers': {
    en: 'The {algorithm} of {path} on the server does not match {localPath}.',
    de: 'Der {algorithm}-Wert von {path} auf dem Server stimmt nicht mit {localPath} überein.',
    ja: 'サーバー上の {path} の {algorithm} が {localPath} と一致しません。',
  },
  'transfers.downloadEndedEarly': {
    en: 'The data connection of {path} ended early: {localSize} of {remoteSize} bytes arrived.',
    de: 'Die Datenverbindung von {path} endete vorzeitig: {localSize} von {remoteSize} Bytes sind angekommen.',
    ja: '{path} のデータ接続が途中で終わりました: {remoteSize} バイトのうち {localSize} バイトだけが届きました。',
  },
  'transfers.uploadEndedEarly': {
    en: 'The data connection of {path} ended early: the server has {remoteSize} of {localSize} bytes.',
    de: 'Die Datenverbindung von {path} endete vorzeitig: Der Server hat {remoteSize} von {localSize} Bytes.',
    ja: '{path} のデータ接続が途中で終わりました: サーバーには {localSize} バイトのうち {remoteSize} バイトしかありません。',
  },
  'transfers.uploadSourceChanged': {
    en: '{path} changed while it was being uploaded: sent {sent} bytes, expected {size}.',
    de: '{path} wurde während des Hochladens geändert: {sent} Bytes gesendet, erwartet waren {size}.',
    ja: '{path} はアップロード中に変更されました: {sent} バイトを送信しました (期待値 {size} バイト)。',
  },
  'transfers.resumeRenameRefused': {
    en: 'The server refused to rename {finalPath} to {temporaryPath} to resume it there ({reply}). Turn off "{setting}" for this site (CLI: --in-place) to resume it under its own name.',
    de: 'Der Server hat es abgelehnt, {finalPath} zum Fortsetzen in {temporaryPath} umzubenennen ({reply}). Schalten Sie „{setting}“ für diesen Server aus (CLI: --in-place), um die Datei unter ihrem eigenen Namen fortzusetzen.',
    ja: 'サーバーが再開のための {finalPath} から {temporaryPath} への名前の変更を拒否しました ({reply})。元の名前のまま再開するには、このサイトの「{setting}」をオフにしてください (CLI: --in-place)。',
  },
  'transfers.walkStopped': {
    en: '{walk, select, download {The download of {root}} other {The compare of {root}}} stopped at {limit, select, items {{count} files and folders} other {{count} folders deep}} (in {path}){walk, select, download {; what was found so far is queued} other {}}.',
    de: '{walk, select, download {Der Download von {root}} other {Der Vergleich von {root}}} wurde bei {limit, select, items {{count} Dateien und Verzeichnissen} other {{count} Verzeichnisebenen}} angehalten (in {path}){walk, select, download {; was bis dahin gefunden wurde, steht in der Warteschlange} other {}}.',
    ja: '{walk, select, download {{root} のダウンロード} other {{root} の比較}}は{limit, select, items {ファイルとディレクトリ {count} 件} other {ディレクトリの深さ {count}}}で停止しました ({path} 内){walk, select, download {。それまでに見つかったものは転送キューに入っています} other {}}。',
  },
  'transfers.deleteStopped': {
    en: 'The delete of {root} stopped at {limit, select, items {{count} files and folders} other {{count} folders deep}} (in {path}); nothing was deleted.',
    de: 'Das Löschen von {root} wurde bei {limit, select, items {{count} Dateien und Verzeichnissen} other {{count} Verzeichnisebenen}} angehalten (in {path}); nichts wurde gelöscht.',
    ja: '{root} の削除は{limit, select, items {ファイルとディレクトリ {count} 件} other {ディレクトリの深さ {count}}}で停止しました ({path} 内)。何も削除されていません。',
  },
  'transfers.compareCancelled': { en: 'The compare was cancelled.', de: 'Der Vergleich wurde abgebrochen.', ja: '比較はキャンセルされました。' },
  'transfers.localFolderUnreadable': {
    en: 'The local folder {path} cannot be read ({code}).',
    de: 'Das lokale Verzeichnis {path} kann nicht gelesen werden ({code}).',
    ja: 'ローカルのディレクトリ {path} を読み込めません ({code})。',
  },
  'transfers.remoteFolderSkipped': {
    en: '{error} (nothing in it is compared, copied or deleted)',
    de: '{error} (darin wird nichts verglichen, kopiert oder gelöscht)',
    ja: '{error} (その中のものは比較、コピー、削除されません)',
  },
  'transfers.notAFolder': { en: '{path} is not a folder.', de: '{path} ist kein Verzeichnis.', ja: '{path} はディレクトリではありません。' },
  'transfers.syncNotAccepted': {
    en: 'The transfer queue did not accept the sync transfers (it is stopping).',
    de: 'Die Übertragungswarteschlange hat die Übertragungen des Abgleichs nicht angenommen (sie wird angehalten).',
    ja: '転送キューが同期の転送を受け付けませんでした (停止中です)。',
  },
  'transfers.unknownActions': {
    en: '{count, plural, other {# chosen action(s) are}} not in this plan; make a new preview.',
    de: '{count, plural, one {# gewählte Aktion ist} other {# gewählte Aktionen sind}} nicht in diesem Plan; erstellen Sie eine neue Vorschau.',
    ja: '選択した操作のうち {count, plural, other {# 件}}はこの計画にありません。プレビューを作り直してください。',
  },
  'transfers.planWithoutDeletion': {
    en: 'This plan was made without deletion; it cannot delete anything.',
    de: 'Dieser Plan wurde ohne Löschen erstellt; er kann nichts löschen.',
    ja: 'この計画は削除なしで作成されたため、何も削除できません。',
  },
  'transfers.syncPathMisplaced': {
    en: '{localPath} is not where {relativePath} belongs.',
    de: '{localPath} ist nicht der Ort, an den {relativePath} gehört.',
    ja: '{localPath} は {relativePath} の置き場所ではありません。',
  },
  'transfers.previewGone': {
    en: 'This preview is no longer available; compare again.',
    de: 'Diese Vorschau ist nicht mehr verfügbar; vergleichen Sie erneut.',
    ja: 'このプレビューはもう使えません。もう一度比較してください。',
  },
  'transfers.fingerprintFormat': {
    en: 'A SHA-256 fingerprint is 64 hexadecimal digits (AB:CD:... form accepted).',
    de: 'Ein SHA-256-Fingerabdruck besteht aus 64 Hexadezimalziffern (die Form AB:CD:... wird akzeptiert).',
    ja: 'SHA-256 フィンガープリントは 16 進数 64 桁です (AB:CD:... の形式も使えます)。',
  },
  'transfers.unknownCharset': { en: 'Unknown charset "{label}".', de: 'Unbekannter Zeichensatz „{label}“.', ja: '不明な文字セット「{label}」です。' },
  'transfers.charsetUnusable': {
    en: 'The charset "{label}" cannot carry FTP commands (it is stateful or uses several bytes for every character); use UTF-8, a single-byte charset, or Shift_JIS, EUC-JP, GBK, GB18030, Big5 or EUC-KR.',
    de: 'Der Zeichensatz „{label}“ kann keine FTP-Befehle übertragen (er ist zustandsbehaftet oder verwendet für jedes Zeichen mehrere Bytes); verwenden Sie UTF-8, einen Ein-Byte-Zeichensatz oder Shift_JIS, EUC-JP, GBK, GB18030, Big5 oder EUC-KR.',
    ja: '文字セット「{label}」では FTP コマンドを送れません (状態を持つか、すべての文字に複数バイトを使います)。UTF-8、1 バイト文字セット、または Shift_JIS、EUC-JP、GBK、GB18030、Big5、EUC-KR を使ってください。',
  },
  'transfers.charNotInCharset': {
    en: '"{char}" cannot be written in the charset {label}: the name cannot be sent to this server.',
    de: '„{char}“ lässt sich im Zeichensatz {label} nicht schreiben: Der Name kann nicht an diesen Server gesendet werden.',
    ja: '「{char}」は文字セット {label} で表せません: この名前はこのサーバーに送れません。',
  },
  'transfers.folderNotAllowed': {
    en: 'Wharf may only use folders you opened, chose or dropped; "{path}" is not one of them. Choose it with "Choose folder…" first.',
    de: 'Wharf darf nur Verzeichnisse verwenden, die Sie geöffnet, gewählt oder hineingezogen haben; „{path}“ gehört nicht dazu. Wählen Sie es zuerst mit „Verzeichnis wählen…“.',
    ja: 'Wharf が使えるのは、開いた・選んだ・ドロップしたディレクトリだけです。「{path}」はそのいずれでもありません。先に「ディレクトリを選択…」で選んでください。',
  },
  'transfers.absolutePathRequired': {
    en: 'An absolute local path is required.',
    de: 'Ein absoluter lokaler Pfad ist erforderlich.',
    ja: 'ローカルの絶対パスが必要です。',
  },
  'transfers.rootNotRenamed': {
    en: '"{path}" is a folder you opened, chose or dropped; it cannot be renamed from Wharf.',
    de: '„{path}“ ist ein Verzeichnis, das Sie geöffnet, gewählt oder hineingezogen haben; es kann in Wharf nicht umbenannt werden.',
    ja: '「{path}」は開いた・選んだ・ドロップしたディレクトリです。Wharf からは名前を変更できません。',
  },
  'transfers.rootNotDeleted': {
    en: '"{path}" is a folder you opened, chose or dropped; Wharf does not delete it.',
    de: '„{path}“ ist ein Verzeichnis, das Sie geöffnet, gewählt oder hineingezogen haben; Wharf löscht es nicht.',
    ja: '「{path}」は開いた・選んだ・ドロップしたディレクトリです。Wharf はこれを削除しません。',
  },
  'transfers.alreadyExists': { en: '"{path}" already exists.', de: '„{path}“ existiert bereits.', ja: '「{path}」は既に存在します。' },
  'transfers.passwordMustBeText': { en: 'A password must be text.', de: 'Ein Passwort muss Text sein.', ja: 'パスワードは文字列でなければなりません。' },
  'transfers.keychainNeedsSiteId': {
    en: 'A keychain entry needs a site id.',
    de: 'Ein Eintrag im Schlüsselbund braucht eine Server-ID.',
    ja: 'キーチェーンの項目にはサイト ID が必要です。',
  },
  'transfers.keychainProblem': {
    en: '{problem, select, noDbus {The system keychain cannot be reached: there is no desktop session bus (D-Bus), as happens over SSH or in a container.} noSecretService {No keyring service is running (the Secret Service, such as GNOME Keyring or KWallet), so passwords cannot be saved. Install or start one, or choose another option.} locked {The keyring is locked, so the password cannot be saved or read. Unlock it (log in again, or use your keyring manager), then retry.} noDefaultKeyring {The keyring service has no default keyring to save into. Create one with your keyring manager (for example Seahorse), then retry.} denied {The system keychain refused access (the request was denied or cancelled).} moduleMissing {This build of Wharf cannot use the system keychain (the keytar module is missing or was built for another Node.js).} withReason {The system keychain reported an error: {reason}.} other {The system keychain reported an error.}} You can choose "ask for the password on connect" for this site; Wharf never saves passwords in a file.',
    de: '{problem, select, noDbus {Der Schlüsselbund des Systems ist nicht erreichbar: Es gibt keinen Sitzungsbus der Arbeitsumgebung (D-Bus), wie über SSH oder in einem Container.} noSecretService {Es läuft kein Schlüsselbunddienst (der Secret Service, etwa GNOME Keyring oder KWallet), daher können keine Passwörter gespeichert werden. Installieren oder starten Sie einen, oder wählen Sie eine andere Option.} locked {Der Schlüsselbund ist gesperrt, daher kann das Passwort weder gespeichert noch gelesen werden. Entsperren Sie ihn (erneut anmelden oder über die Schlüsselbundverwaltung) und versuchen Sie es erneut.} noDefaultKeyring {Der Schlüsselbunddienst hat keinen Standardschlüsselbund zum Speichern. Legen Sie einen mit Ihrer Schlüsselbundverwaltung an (zum Beispiel Seahorse) und versuchen Sie es erneut.} denied {Der Schlüsselbund des Systems hat den Zugriff verweigert (die Anfrage wurde abgelehnt oder abgebrochen).} moduleMissing {Diese Version von Wharf kann den Schlüsselbund des Systems nicht verwenden (das Modul keytar fehlt oder wurde für ein anderes Node.js gebaut).} withReason {Der Schlüsselbund des Systems hat einen Fehler gemeldet: {reason}.} other {Der Schlüsselbund des Systems hat einen Fehler gemeldet.}} Sie können für diesen Server „Passwort beim Verbinden abfragen“ wählen; Wharf speichert Passwörter nie in einer Datei.',
    ja: '{problem, select, noDbus {システムのキーチェーンに接続できません: SSH 経由やコンテナー内のように、デスクトップのセッションバス (D-Bus) がありません。} noSecretService {キーリングサービス (GNOME Keyring や KWallet などの Secret Service) が動いていないため、パスワードを保存できません。インストールまたは起動するか、別の方法を選んでください。} locked {キーリングがロックされているため、パスワードを保存も読み込みもできません。ロックを解除して (再ログインするか、キーリングマネージャーを使って) から、やり直してください。} noDefaultKeyring {キーリングサービスに保存先の既定のキーリングがありません。キーリングマネージャー (Seahorse など) で作成してから、やり直してください。} denied {システムのキーチェーンがアクセスを拒否しました (要求が拒否またはキャンセルされました)。} moduleMissing {この Wharf のビルドはシステムのキーチェーンを使えません (keytar モジュールがないか、別の Node.js 用にビルドされています)。} withReason {システムのキーチェーンがエラーを報告しました: {reason}。} other {システムのキーチェーンがエラーを報告しました。}} このサイトでは「接続時にパスワードを尋ねる」を選べます。Wharf はパスワードをファイルに保存しません。',
  },
  'transfers.enterSitePassword': {
    en: 'Enter the password for {site}: it is not saved.',
    de: 'Geben Sie das Passwort für {site} ein: Es ist nicht gespeichert.',
    ja: '{site} のパスワードを入力してください: 保存されていません。',
  },
  'transfers.enterPassword': {
    en: 'Enter the password for {user}@{host}.',
    de: 'Geben Sie das Passwort für {user}@{host} ein.',
    ja: '{user}@{host} のパスワードを入力してください。',
  },
  'transfers.doctorRunDuplicate': {
    en: 'A connection test with this id is already running.',
    de: 'Ein Verbindungstest mit dieser ID läuft bereits.',
    ja: 'この ID の接続テストは既に実行中です。',
  },
  'transfers.doctorCancelledEarly': {
    en: 'The connection test was cancelled before it started.',
    de: 'Der Verbindungstest wurde vor seinem Start abgebrochen.',
    ja: '接続テストは開始前にキャンセルされました。',
  },
});
