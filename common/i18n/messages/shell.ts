/** The window around the panes: toolbar, quick connect, the link note, the folder-pair bar, splitters, menus. */
import { defineMessages } from '../define';

export const shellMessages = defineMessages({
  // The window
  'shell.resizePanes': { en: 'Resize panes', de: 'Größe der Bereiche ändern', ja: 'ペインのサイズを変更' },
  'shell.resizeBottom': { en: 'Resize the bottom panel', de: 'Größe des unteren Bereichs ändern', ja: '下部パネルのサイズを変更' },
  'shell.menu.local': { en: 'Local file actions', de: 'Aktionen für lokale Dateien', ja: 'ローカル ファイルの操作' },
  'shell.menu.remote': { en: 'Remote file actions', de: 'Aktionen für Serverdateien', ja: 'サーバー ファイルの操作' },
  'shell.moreTools': { en: 'More tools', de: 'Weitere Werkzeuge', ja: 'その他のツール' },

  // Quick connect
  'shell.quickConnect': { en: 'Quick connect', de: 'Schnellverbindung', ja: 'クイック接続' },
  'shell.connecting': { en: 'Connecting…', de: 'Verbinde…', ja: '接続中…' },
  'shell.testTitle': {
    en: 'Test these settings step by step and explain what fails',
    de: 'Diese Einstellungen Schritt für Schritt testen und erklären, was fehlschlägt',
    ja: 'この設定を順に試し、失敗した箇所を説明します',
  },

  // The note after a link filled the quick connect bar
  'shell.link.label': { en: 'Opened link', de: 'Geöffneter Link', ja: '開いたリンク' },
  'shell.link.filled': {
    en: 'Filled in from the link {link}. Nothing has been sent: check the server, then click {connect}.',
    de: 'Aus dem Link {link} übernommen. Es wurde noch nichts gesendet: Prüfen Sie den Server und klicken Sie dann auf {connect}.',
    ja: 'リンク {link} から入力しました。まだ何も送信していません。サーバーを確認してから {connect} をクリックしてください。',
  },
  'shell.link.folder': {
    en: 'The folder {path} opens once connected.',
    de: 'Das Verzeichnis {path} wird nach dem Verbinden geöffnet.',
    ja: '接続後にディレクトリ {path} を開きます。',
  },
  'shell.link.passwordIgnored': {
    en: 'The link contained a password. Wharf ignored it, because passwords in links end up in browser histories and logs: type it in the Password field.',
    de: 'Der Link enthielt ein Passwort. Wharf hat es ignoriert, weil Passwörter in Links im Browserverlauf und in Protokollen landen: Geben Sie es im Feld „Passwort“ ein.',
    ja: 'リンクにパスワードが含まれていました。リンク内のパスワードはブラウザーの履歴やログに残るため、Wharf はそれを無視しました。「パスワード」欄に入力してください。',
  },
  'shell.link.dismiss': { en: 'Dismiss link note', de: 'Hinweis zum Link ausblenden', ja: 'リンクの通知を閉じる' },

  // Connection status
  'shell.status.notConnected': { en: 'Not connected', de: 'Nicht verbunden', ja: '未接続' },
  'shell.status.connecting': { en: 'Connecting to {server}', de: 'Verbinde mit {server}', ja: '{server} に接続中' },
  'shell.status.connected': { en: 'Connected to {server}', de: 'Verbunden mit {server}', ja: '{server} に接続済み' },
  'shell.status.connectedSecurity': {
    en: 'Connected to {server} · {security}',
    de: 'Verbunden mit {server} · {security}',
    ja: '{server} に接続済み · {security}',
  },

  // Toolbar
  'shell.tool.sites': { en: 'Sites', de: 'Server', ja: 'サイト' },
  'shell.tool.certificates.title': {
    en: 'Certificates you chose to always trust',
    de: 'Zertifikate, denen Sie immer vertrauen',
    ja: '常に信頼することにした証明書',
  },
  'shell.tool.disconnect': { en: 'Disconnect', de: 'Trennen', ja: '切断' },
  'shell.tool.refresh': { en: 'Refresh both panes', de: 'Beide Bereiche aktualisieren', ja: '両方のペインを更新' },
  'shell.tool.resume': { en: 'Resume queue', de: 'Warteschlange fortsetzen', ja: 'キューを再開' },
  'shell.tool.pause': { en: 'Pause queue', de: 'Warteschlange anhalten', ja: 'キューを一時停止' },
  'shell.tool.resume.title': { en: 'Resume the transfer queue', de: 'Übertragungswarteschlange fortsetzen', ja: '転送キューを再開' },
  'shell.tool.pause.title': { en: 'Pause the transfer queue', de: 'Übertragungswarteschlange anhalten', ja: '転送キューを一時停止' },
  'shell.tool.compare': { en: 'Compare folders', de: 'Verzeichnisse vergleichen', ja: 'ディレクトリを比較' },
  'shell.tool.compare.title': {
    en: 'Compare the local and remote folders: differences are coloured in both panes',
    de: 'Lokales und entferntes Verzeichnis vergleichen: Unterschiede werden in beiden Bereichen farbig markiert',
    ja: 'ローカルとサーバーのディレクトリを比較します。違いは両方のペインで色分けされます',
  },
  'shell.tool.syncBrowsing': { en: 'Synchronised browsing', de: 'Synchronisiertes Durchsuchen', ja: '同期ブラウズ' },
  'shell.tool.syncBrowsing.title': {
    en: 'Synchronised browsing: opening a folder on one side opens the same folder on the other',
    de: 'Synchronisiertes Durchsuchen: Wird auf einer Seite ein Verzeichnis geöffnet, öffnet sich dasselbe auf der anderen',
    ja: '同期ブラウズ: 片側でディレクトリを開くと、もう片側でも同じディレクトリを開きます',
  },
  'shell.tool.synchronise': { en: 'Synchronise…', de: 'Synchronisieren…', ja: '同期…' },
  'shell.tool.synchronise.title': {
    en: 'Synchronise the two folders: preview, then copy and (if chosen) delete',
    de: 'Die beiden Verzeichnisse synchronisieren: Vorschau, dann kopieren und (falls gewählt) löschen',
    ja: '2 つのディレクトリを同期します。プレビューしてからコピーし、(選択した場合は) 削除します',
  },

  // The folder-pair bar
  'shell.pair.label': { en: 'Folder pair', de: 'Verzeichnispaar', ja: 'ディレクトリのペア' },
  'shell.pair.compare': { en: 'Compare', de: 'Vergleichen', ja: '比較' },
  'shell.pair.comparing': { en: 'Comparing…', de: 'Vergleiche…', ja: '比較中…' },
  'shell.pair.comparingLabel': { en: 'Comparing', de: 'Vergleiche', ja: '比較中' },
  'shell.pair.compareFailed': { en: 'Could not compare: {reason}', de: 'Vergleich nicht möglich: {reason}', ja: '比較できませんでした: {reason}' },
  'shell.pair.legend': { en: 'Legend', de: 'Legende', ja: '凡例' },
  'shell.pair.newer': { en: 'newer', de: 'neuer', ja: '新しい' },
  'shell.pair.newerCopy': { en: 'the newer copy', de: 'die neuere Kopie', ja: '新しい方のコピー' },
  'shell.pair.identical': {
    en: '{same} identical',
    de: '{same} identisch',
    ja: '{same} 個が同一',
  },
  'shell.pair.identicalFolders': {
    en: '{same} identical, {folders, plural, one {# folder} other {# folders}} on both sides',
    de: '{same} identisch, {folders, plural, one {# Verzeichnis} other {# Verzeichnisse}} auf beiden Seiten',
    ja: '{same} 個が同一、両側に{folders, plural, other {# 個のディレクトリ}}',
  },
  'shell.pair.byHash': {
    en: 'Compared by size and {algorithm} hash.',
    de: 'Nach Größe und {algorithm}-Prüfsumme verglichen.',
    ja: 'サイズと {algorithm} ハッシュで比較しました。',
  },
  'shell.pair.byTimeOffset': {
    en: 'Compared by size and time (server clock {offset} min).',
    de: 'Nach Größe und Zeit verglichen (Serveruhr {offset} min).',
    ja: 'サイズと時刻で比較しました (サーバーの時計 {offset} 分)。',
  },
  'shell.pair.byTime': { en: 'Compared by size and time.', de: 'Nach Größe und Zeit verglichen.', ja: 'サイズと時刻で比較しました。' },
  'shell.pair.openBoth': {
    en: 'Open a folder in each pane to compare them.',
    de: 'Öffnen Sie in jedem Bereich ein Verzeichnis, um sie zu vergleichen.',
    ja: '比較するには、両方のペインでディレクトリを開いてください。',
  },
  'shell.pair.compareAgain': { en: 'Compare again', de: 'Erneut vergleichen', ja: '再比較' },
  'shell.pair.dismissNote': { en: 'Dismiss note', de: 'Hinweis ausblenden', ja: '通知を閉じる' },
  'shell.pair.syncExplain': {
    en: 'Opening a folder on one side opens the same folder on the other.',
    de: 'Wird auf einer Seite ein Verzeichnis geöffnet, öffnet sich dasselbe auf der anderen.',
    ja: '片側でディレクトリを開くと、もう片側でも同じディレクトリを開きます。',
  },
});
