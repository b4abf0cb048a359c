/** Main's services: errors, dialog titles and questions they send to the window. */
import { defineMessages } from '../define';

export const servicesMessages = defineMessages({
  // wharf-services.ts
  'services.proxySettingsUnavailable': {
    en: 'The proxy settings are not available here.',
    de: 'Die Proxy-Einstellungen sind hier nicht verfügbar.',
    ja: 'プロキシ設定はここでは使用できません。',
  },
  'services.openExecutable.title': {
    en: '“{name}” is a program',
    de: '„{name}“ ist ein Programm',
    ja: '「{name}」はプログラムです',
  },
  'services.openExecutable.message': {
    en: '“{name}” is a {type}. Opening it runs it on this computer with your rights, with whatever the server put in it. Save it instead, to check it first?',
    de: '„{name}“ ist ein {type}. Öffnen führt es auf diesem Computer mit Ihren Rechten aus, mit allem, was der Server hineingelegt hat. Stattdessen speichern, um es zuerst zu prüfen?',
    ja: '「{name}」は {type} です。開くと、サーバーが入れた内容のまま、あなたの権限でこのコンピューター上で実行されます。代わりに保存して、先に確認しますか?',
  },
  'services.openExecutable.save': { en: 'Save…', de: 'Speichern…', ja: '保存…' },
  'services.openExecutable.open': { en: 'Open anyway', de: 'Trotzdem öffnen', ja: 'それでも開く' },
  'services.notOpened': { en: '{name} was not opened.', de: '{name} wurde nicht geöffnet.', ja: '{name} は開かれませんでした。' },
  'services.saveDialogTitle': { en: 'Save', de: 'Speichern', ja: '保存' },
  'services.onlyHttpsLinks': {
    en: 'Only https:// links open in the browser.',
    de: 'Nur https://-Links werden im Browser geöffnet.',
    ja: 'ブラウザーで開けるのは https:// のリンクだけです。',
  },
  'services.dragOutNothingSafe': {
    en: 'No file of the drag could be used safely here: the message log says why for each.',
    de: 'Keine Datei des Ziehvorgangs konnte hier sicher verwendet werden: Das Nachrichtenprotokoll nennt für jede den Grund.',
    ja: 'ドラッグしたファイルはどれもここでは安全に使用できません。理由はメッセージログに各ファイルごとに記録されています。',
  },
  'services.nothingSaved': { en: 'Nothing was saved.', de: 'Es wurde nichts gespeichert.', ja: '何も保存されませんでした。' },
  'services.largeFolder.title': { en: 'This folder is very large', de: 'Dieses Verzeichnis ist sehr groß', ja: 'このディレクトリは非常に大きいです' },
  'services.largeFolder.items': {
    en: "The server's folder holds more than {count} files and folders (now in {path}). A server can also list a tree without end. Continue, or stop here?",
    de: 'Das Verzeichnis auf dem Server enthält mehr als {count} Dateien und Verzeichnisse (gerade in {path}). Ein Server kann auch einen endlosen Baum auflisten. Fortfahren oder hier anhalten?',
    ja: 'サーバーのディレクトリには {count} 個を超えるファイルとディレクトリがあります (現在 {path})。サーバーが終わりのないツリーを返すこともあります。続行しますか、それともここで止めますか?',
  },
  'services.largeFolder.depth': {
    en: "The server's folder holds folders more than {depth} levels deep (now in {path}). A server can also list a tree without end. Continue, or stop here?",
    de: 'Das Verzeichnis auf dem Server enthält Verzeichnisse, die mehr als {depth} Ebenen tief liegen (gerade in {path}). Ein Server kann auch einen endlosen Baum auflisten. Fortfahren oder hier anhalten?',
    ja: 'サーバーのディレクトリには {depth} 階層を超える深さのディレクトリがあります (現在 {path})。サーバーが終わりのないツリーを返すこともあります。続行しますか、それともここで止めますか?',
  },
  'services.largeFolder.stop': { en: 'Stop here', de: 'Hier anhalten', ja: 'ここで止める' },
  'services.largeFolder.continue': { en: 'Continue', de: 'Fortfahren', ja: '続行' },
  'services.uploadNotQueued': {
    en: '{path} could not be queued for upload.',
    de: '{path} konnte nicht zum Hochladen in die Warteschlange gestellt werden.',
    ja: '{path} をアップロードのキューに追加できませんでした。',
  },
  'services.uploadNotQueuedBecause': {
    en: '{path} could not be queued for upload: {reason}',
    de: '{path} konnte nicht zum Hochladen in die Warteschlange gestellt werden: {reason}',
    ja: '{path} をアップロードのキューに追加できませんでした: {reason}',
  },
  'services.theServer': { en: 'the server', de: 'der Server', ja: 'サーバー' },
  // remote-sessions.ts
  'services.closedBeforeReady': {
    en: 'The connection was closed before it was ready.',
    de: 'Die Verbindung wurde geschlossen, bevor sie bereit war.',
    ja: '接続は準備が整う前に閉じられました。',
  },
  'services.noRootDelete': {
    en: 'Wharf does not delete the root folder of a server.',
    de: 'Wharf löscht nicht das Stammverzeichnis eines Servers.',
    ja: 'Wharf はサーバーのルートディレクトリを削除しません。',
  },
  'services.sessionNotOpen': {
    en: 'This connection is not open (any more). Connect again.',
    de: 'Diese Verbindung ist nicht (mehr) offen. Bitte erneut verbinden.',
    ja: 'この接続は (もう) 開いていません。もう一度接続してください。',
  },
  // queue-service.ts
  'services.quickConnectionClosed': {
    en: 'This transfer belongs to a quick connection that is closed; connect again and retry it.',
    de: 'Diese Übertragung gehört zu einer geschlossenen Schnellverbindung; erneut verbinden und die Übertragung wiederholen.',
    ja: 'この転送は閉じられたクイック接続のものです。もう一度接続してから再試行してください。',
  },
  'services.connectToResume': {
    en: 'Connect to {site} (and enter its password) to resume its transfers.',
    de: 'Mit {site} verbinden (und das Passwort eingeben), um die Übertragungen fortzusetzen.',
    ja: '転送を再開するには {site} に接続してください (パスワードも入力してください)。',
  },
  'services.questionGone': {
    en: 'This question was already answered or withdrawn.',
    de: 'Diese Frage wurde bereits beantwortet oder zurückgezogen.',
    ja: 'この質問はすでに回答済みか、取り下げられています。',
  },
  // sites-service.ts
  'services.import.auto': {
    en: 'Import sites (FileZilla, WinSCP, Cyberduck or Wharf)',
    de: 'Server importieren (FileZilla, WinSCP, Cyberduck oder Wharf)',
    ja: 'サイトをインポート (FileZilla、WinSCP、Cyberduck または Wharf)',
  },
  'services.import.filezilla': {
    en: 'Import FileZilla sites (sitemanager.xml)',
    de: 'FileZilla-Server importieren (sitemanager.xml)',
    ja: 'FileZilla のサイトをインポート (sitemanager.xml)',
  },
  'services.import.winscp': {
    en: 'Import WinSCP sites (WinSCP.ini)',
    de: 'WinSCP-Server importieren (WinSCP.ini)',
    ja: 'WinSCP のサイトをインポート (WinSCP.ini)',
  },
  'services.import.cyberduck': {
    en: 'Import a Cyberduck bookmark (.duck)',
    de: 'Ein Cyberduck-Lesezeichen importieren (.duck)',
    ja: 'Cyberduck のブックマークをインポート (.duck)',
  },
  'services.import.wharfJson': {
    en: 'Import Wharf sites (JSON)',
    de: 'Wharf-Server importieren (JSON)',
    ja: 'Wharf のサイトをインポート (JSON)',
  },
  'services.import.cyberduckFolder': {
    en: 'Import a folder of Cyberduck bookmarks',
    de: 'Ein Verzeichnis mit Cyberduck-Lesezeichen importieren',
    ja: 'Cyberduck のブックマークのディレクトリをインポート',
  },
  'services.import.folderNotText': {
    en: 'A folder of bookmarks is chosen in a dialog, not sent as text.',
    de: 'Ein Verzeichnis mit Lesezeichen wird in einem Dialog gewählt, nicht als Text gesendet.',
    ja: 'ブックマークのディレクトリはダイアログで選択します。テキストとしては送信できません。',
  },
  'services.import.chooseCyberduckFolder': {
    en: 'Choose a folder of Cyberduck bookmarks.',
    de: 'Wählen Sie ein Verzeichnis mit Cyberduck-Lesezeichen.',
    ja: 'Cyberduck のブックマークのディレクトリを選択してください。',
  },
  'services.import.wrongFormat': {
    en: 'This file is not what was asked for: it holds {format, select, filezilla {FileZilla\'s site list} winscp {WinSCP\'s configuration} cyberduck {Cyberduck bookmarks} other {a Wharf export}}.',
    de: 'Diese Datei ist nicht das Gewünschte: Sie enthält {format, select, filezilla {die Serverliste von FileZilla} winscp {die Konfiguration von WinSCP} cyberduck {Cyberduck-Lesezeichen} other {einen Wharf-Export}}.',
    ja: 'このファイルは求められた種類ではありません。中身は{format, select, filezilla {FileZilla のサイト一覧} winscp {WinSCP の設定} cyberduck {Cyberduck のブックマーク} other {Wharf のエクスポート}}です。',
  },
  'services.import.gone': {
    en: 'This import is no longer available; open the file again.',
    de: 'Dieser Import ist nicht mehr verfügbar; öffnen Sie die Datei erneut.',
    ja: 'このインポートはもう利用できません。ファイルをもう一度開いてください。',
  },
  'services.export.filezilla': { en: 'Export sites for FileZilla', de: 'Server für FileZilla exportieren', ja: 'FileZilla 用にサイトをエクスポート' },
  'services.export.wharf': { en: 'Export sites', de: 'Server exportieren', ja: 'サイトをエクスポート' },
  // question-broker.ts
  'services.notAnAnswer': {
    en: '"{choice}" is not an answer to this question.',
    de: '„{choice}“ ist keine Antwort auf diese Frage.',
    ja: '「{choice}」はこの質問への回答ではありません。',
  },
  // scratch-space.ts
  'services.scratchNotPrivate': {
    en: 'The scratch folder {root} is not private: {problem}.',
    de: 'Das Arbeitsverzeichnis {root} ist nicht privat: {problem}.',
    ja: '作業用ディレクトリ {root} は非公開ではありません: {problem}。',
  },
  'services.noScratchFolder': {
    en: 'No private scratch folder could be made (tried {parents}).',
    de: 'Es konnte kein privates Arbeitsverzeichnis angelegt werden (versucht: {parents}).',
    ja: '非公開の作業用ディレクトリを作成できませんでした (試した場所: {parents})。',
  },
});
