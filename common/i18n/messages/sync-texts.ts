/**
 * What the folder compare and the sync planner say about each entry (main/sync/compare.ts, plan.ts, run.ts):
 * the explanation of a compare row (the app's tooltips, `wharf compare`), the reason, warning and conflict of a
 * sync action, and the notes of a plan. "Here" is this computer (FileZilla: "lokal"), "on the server" the other
 * side. One message per sentence: where a sentence names a side, it selects on `side` (`local` or `remote`).
 */
import { defineMessages } from '../define';

export const syncTextsMessages = defineMessages({
  // Compare: one side only
  'syncTexts.onlyLocalFile': { en: 'Only here (file, {size}).', de: 'Nur lokal (Datei, {size}).', ja: 'ローカルのみ (ファイル、{size})。' },
  'syncTexts.onlyLocalFolder': { en: 'Only here (folder).', de: 'Nur lokal (Verzeichnis).', ja: 'ローカルのみ (ディレクトリ)。' },
  'syncTexts.onlyRemoteFile': { en: 'Only on the server (file, {size}).', de: 'Nur auf dem Server (Datei, {size}).', ja: 'サーバーのみ (ファイル、{size})。' },
  'syncTexts.onlyRemoteFolder': { en: 'Only on the server (folder).', de: 'Nur auf dem Server (Verzeichnis).', ja: 'サーバーのみ (ディレクトリ)。' },
  // Compare: both sides
  'syncTexts.folderHereFileThere': {
    en: 'A folder here, a file on the server.',
    de: 'Lokal ein Verzeichnis, auf dem Server eine Datei.',
    ja: 'ローカルではディレクトリ、サーバーではファイルです。',
  },
  'syncTexts.fileHereFolderThere': {
    en: 'A file here, a folder on the server.',
    de: 'Lokal eine Datei, auf dem Server ein Verzeichnis.',
    ja: 'ローカルではファイル、サーバーではディレクトリです。',
  },
  'syncTexts.folderBothSides': { en: 'Folder on both sides.', de: 'Verzeichnis auf beiden Seiten.', ja: '両側にあるディレクトリ。' },
  'syncTexts.folderContentsDiffer': {
    en: 'Folder on both sides; its contents differ.',
    de: 'Verzeichnis auf beiden Seiten; sein Inhalt unterscheidet sich.',
    ja: '両側にあるディレクトリですが、中身が異なります。',
  },
  'syncTexts.sameContent': { en: 'Same content ({algorithm}).', de: 'Gleicher Inhalt ({algorithm}).', ja: '内容は同じです ({algorithm})。' },
  'syncTexts.sameContentTimesDiffer': {
    en: 'Same content ({algorithm}) (times differ: {side, select, local {newer here} other {newer on the server}}).',
    de: 'Gleicher Inhalt ({algorithm}) (Zeiten unterscheiden sich: {side, select, local {lokal neuer} other {auf dem Server neuer}}).',
    ja: '内容は同じです ({algorithm}) (日時が異なります: {side, select, local {ローカルの方が新しい} other {サーバーの方が新しい}})。',
  },
  'syncTexts.sameSize': { en: 'Same size.', de: 'Gleiche Dateigröße.', ja: 'ファイルサイズは同じです。' },
  'syncTexts.sameSizeAndTime': { en: 'Same size and time.', de: 'Gleiche Dateigröße und Zeit.', ja: 'ファイルサイズと日時は同じです。' },
  'syncTexts.sizesDiffer': {
    en: 'Sizes differ: {localSize} here, {remoteSize} on the server.',
    de: 'Dateigrößen unterscheiden sich: lokal {localSize}, auf dem Server {remoteSize}.',
    ja: 'ファイルサイズが異なります: ローカル {localSize}、サーバー {remoteSize}。',
  },
  'syncTexts.sizesDifferNewer': {
    en: 'Sizes differ: {localSize} here, {remoteSize} on the server; {side, select, local {newer here} other {newer on the server}}.',
    de: 'Dateigrößen unterscheiden sich: lokal {localSize}, auf dem Server {remoteSize}; {side, select, local {lokal neuer} other {auf dem Server neuer}}.',
    ja: 'ファイルサイズが異なります: ローカル {localSize}、サーバー {remoteSize}。{side, select, local {ローカルの方が新しいです} other {サーバーの方が新しいです}}。',
  },
  'syncTexts.contentsDiffer': { en: 'Contents differ ({algorithm}).', de: 'Inhalt unterscheidet sich ({algorithm}).', ja: '内容が異なります ({algorithm})。' },
  'syncTexts.contentsDifferNewer': {
    en: 'Contents differ ({algorithm}); {side, select, local {newer here} other {newer on the server}}.',
    de: 'Inhalt unterscheidet sich ({algorithm}); {side, select, local {lokal neuer} other {auf dem Server neuer}}.',
    ja: '内容が異なります ({algorithm})。{side, select, local {ローカルの方が新しいです} other {サーバーの方が新しいです}}。',
  },
  'syncTexts.newer': {
    en: '{side, select, local {Newer here.} other {Newer on the server.}}',
    de: '{side, select, local {Lokal neuer.} other {Auf dem Server neuer.}}',
    ja: '{side, select, local {ローカルの方が新しいです。} other {サーバーの方が新しいです。}}',
  },
  // Plan: why an action, a conflict, a warning
  'syncTexts.deletedSinceLastSync': {
    en: '{side, select, local {Deleted here since the last sync.} other {Deleted on the server since the last sync.}}',
    de: '{side, select, local {Seit der letzten Synchronisation lokal gelöscht.} other {Seit der letzten Synchronisation auf dem Server gelöscht.}}',
    ja: '{side, select, local {前回の同期以降にローカルで削除されました。} other {前回の同期以降にサーバーで削除されました。}}',
  },
  'syncTexts.deletedButNewInside': {
    en: '{side, select, local {Deleted here since the last sync, but {count, plural, one {# new entry} other {# new entries}} inside it on the server.} other {Deleted on the server since the last sync, but {count, plural, one {# new entry} other {# new entries}} inside it here.}}',
    de: '{side, select, local {Seit der letzten Synchronisation lokal gelöscht, aber auf dem Server enthält es {count, plural, one {# neuen Eintrag} other {# neue Einträge}}.} other {Seit der letzten Synchronisation auf dem Server gelöscht, aber lokal enthält es {count, plural, one {# neuen Eintrag} other {# neue Einträge}}.}}',
    ja: '{side, select, local {前回の同期以降にローカルで削除されましたが、サーバー側の中に新しい項目が {count, plural, other {# 件}}あります。} other {前回の同期以降にサーバーで削除されましたが、ローカル側の中に新しい項目が {count, plural, other {# 件}}あります。}}',
  },
  'syncTexts.onlyOnSide': {
    en: '{side, select, local {Only here.} other {Only on the server.}}',
    de: '{side, select, local {Nur lokal.} other {Nur auf dem Server.}}',
    ja: '{side, select, local {ローカルのみ。} other {サーバーのみ。}}',
  },
  'syncTexts.onlyOnSideNotOther': {
    en: '{side, select, local {Only here: not on the server.} other {Only on the server: not here.}}',
    de: '{side, select, local {Nur lokal: nicht auf dem Server.} other {Nur auf dem Server: nicht lokal.}}',
    ja: '{side, select, local {ローカルのみ: サーバーにはありません。} other {サーバーのみ: ローカルにはありません。}}',
  },
  'syncTexts.timesUndecided': {
    en: '{explanation} The times do not say which copy is newer.',
    de: '{explanation} Die Zeiten sagen nicht, welche Kopie neuer ist.',
    ja: '{explanation}日時からはどちらのコピーが新しいか判断できません。',
  },
  'syncTexts.targetIsNewer': {
    en: '{side, select, local {The copy here is newer: overwriting it loses its changes.} other {The copy on the server is newer: overwriting it loses its changes.}}',
    de: '{side, select, local {Die lokale Kopie ist neuer: Überschreiben verwirft ihre Änderungen.} other {Die Kopie auf dem Server ist neuer: Überschreiben verwirft ihre Änderungen.}}',
    ja: '{side, select, local {ローカルのコピーの方が新しいため、上書きするとその変更が失われます。} other {サーバーのコピーの方が新しいため、上書きするとその変更が失われます。}}',
  },
  // Plan: notes
  'syncTexts.keptOnlyOnSide': {
    en: '{side, select, local {{count, plural, one {# entry is} other {# entries are}} only here and kept: deletion was not chosen.} other {{count, plural, one {# entry is} other {# entries are}} only on the server and kept: deletion was not chosen.}}',
    de: '{side, select, local {{count, plural, one {# Eintrag ist nur lokal vorhanden und bleibt erhalten: Löschen wurde nicht gewählt.} other {# Einträge sind nur lokal vorhanden und bleiben erhalten: Löschen wurde nicht gewählt.}}} other {{count, plural, one {# Eintrag ist nur auf dem Server vorhanden und bleibt erhalten: Löschen wurde nicht gewählt.} other {# Einträge sind nur auf dem Server vorhanden und bleiben erhalten: Löschen wurde nicht gewählt.}}}}',
    ja: '{side, select, local {ローカルにのみある {count, plural, other {# 件の項目}}はそのまま残ります: 削除は選択されていません。} other {サーバーにのみある {count, plural, other {# 件の項目}}はそのまま残ります: 削除は選択されていません。}}',
  },
  'syncTexts.noEarlierSync': {
    en: 'There is no record of an earlier sync of these folders, so nothing is deleted this time: what is on one side only is copied. From the next sync on, what is deleted on one side is deleted on the other.',
    de: 'Es gibt keine Aufzeichnung einer früheren Synchronisation dieser Verzeichnisse, daher wird diesmal nichts gelöscht: Was nur auf einer Seite ist, wird kopiert. Ab der nächsten Synchronisation wird, was auf einer Seite gelöscht wird, auch auf der anderen gelöscht.',
    ja: 'これらのディレクトリを以前に同期した記録がないため、今回は何も削除されません: 片側にしかないものはコピーされます。次回の同期からは、片側で削除されたものはもう片側でも削除されます。',
  },
  'syncTexts.untickedOverwrites': {
    en: '{count, plural, one {# overwrite is} other {# overwrites are}} not ticked: the copy that would be replaced is newer.',
    de: '{count, plural, one {# Überschreibvorgang ist} other {# Überschreibvorgänge sind}} nicht angehakt: Die Kopie, die ersetzt würde, ist neuer.',
    ja: '{count, plural, other {# 件の上書き}}はチェックされていません: 置き換えられる方のコピーが新しいためです。',
  },
  'syncTexts.timezoneShift': {
    en: "Every file that differs only in time is {minutes} minutes {direction, select, newer {newer on the server} other {older on the server}}: the server probably lists its local time. Set the site's timezone offset to {suggested} minutes (wharf: --timezone-offset={suggested}) and compare again, or compare by size only.",
    de: 'Jede Datei, die sich nur in der Zeit unterscheidet, ist auf dem Server {minutes} Minuten {direction, select, newer {neuer} other {älter}}: Der Server listet wahrscheinlich seine Ortszeit. Stellen Sie die Zeitzonenabweichung des Servers auf {suggested} Minuten (wharf: --timezone-offset={suggested}) und vergleichen Sie erneut, oder vergleichen Sie nur die Dateigröße.',
    ja: '日時だけが異なるすべてのファイルは、サーバーの方が {minutes} 分{direction, select, newer {新しい} other {古い}}です: サーバーはおそらくローカル時刻で一覧を返しています。サイトのタイムゾーンのオフセットを {suggested} 分に設定して (wharf: --timezone-offset={suggested}) もう一度比較するか、ファイルサイズだけで比較してください。',
  },
  'syncTexts.skippedEntries': {
    en: '{count, plural, one {# entry was} other {# entries were}} skipped (see the list).',
    de: '{count, plural, one {# Eintrag wurde} other {# Einträge wurden}} übersprungen (siehe Liste).',
    ja: '{count, plural, other {# 件の項目}}がスキップされました (一覧を参照)。',
  },
  // Compare: what the walk leaves out (after "path: ")
  'syncTexts.skipLineBreak': {
    en: 'the name contains a line break, which FTP cannot carry',
    de: 'der Name enthält einen Zeilenumbruch, den FTP nicht übertragen kann',
    ja: '名前に改行が含まれており、FTP では扱えません',
  },
  'syncTexts.skipLinkOutside': {
    en: 'a symbolic link to {target}, outside the folder (not followed)',
    de: 'ein symbolischer Link auf {target}, außerhalb des Verzeichnisses (nicht gefolgt)',
    ja: 'ディレクトリの外の {target} へのシンボリックリンク (たどりません)',
  },
  'syncTexts.skipNotRegular': { en: 'not a regular file or folder', de: 'weder eine reguläre Datei noch ein Verzeichnis', ja: '通常のファイルでもディレクトリでもありません' },
  // `reason` is connectionTexts.unsafeNameReason ("is empty", "ist leer", "名前が空です").
  'syncTexts.skipUnsafeName': { en: 'the name {reason}', de: 'der Name {reason}', ja: '{reason}' },
  'syncTexts.skipUnknownType': { en: 'of a type the listing does not tell', de: 'von einer Art, die die Auflistung nicht angibt', ja: '一覧から種類がわかりません' },
  // Run: what became of an action
  'syncTexts.alreadyGone': {
    en: '{side, select, local {Already gone from this computer.} other {Already gone from the server.}}',
    de: '{side, select, local {Bereits von diesem Computer entfernt.} other {Bereits vom Server entfernt.}}',
    ja: '{side, select, local {このコンピューターからは既になくなっています。} other {サーバーからは既になくなっています。}}',
  },
  'syncTexts.changedSincePreview': {
    en: '{side, select, local {Changed here since the preview ({size, plural, one {# byte} other {# bytes}}, was {was, number}): not deleted.} other {Changed on the server since the preview ({size, plural, one {# byte} other {# bytes}}, was {was, number}): not deleted.}}',
    de: '{side, select, local {Seit der Vorschau lokal geändert ({size, plural, one {# Byte} other {# Bytes}}, vorher {was, number}): nicht gelöscht.} other {Seit der Vorschau auf dem Server geändert ({size, plural, one {# Byte} other {# Bytes}}, vorher {was, number}): nicht gelöscht.}}',
    ja: '{side, select, local {プレビューの後にローカルで変更されました ({size, plural, other {# バイト}}、以前は {was, number}): 削除していません。} other {プレビューの後にサーバーで変更されました ({size, plural, other {# バイト}}、以前は {was, number}): 削除していません。}}',
  },
  'syncTexts.notInsideRoot': {
    en: '{path} is not inside {root}: not deleted.',
    de: '{path} liegt nicht in {root}: nicht gelöscht.',
    ja: '{path} は {root} の中にありません: 削除していません。',
  },
  'syncTexts.dryRun': { en: 'Dry run: not carried out.', de: 'Probelauf: nicht ausgeführt.', ja: 'ドライラン: 実行していません。' },
  'syncTexts.cancelledNotCopied': { en: 'Cancelled: not copied.', de: 'Abgebrochen: nicht kopiert.', ja: 'キャンセル: コピーしていません。' },
  'syncTexts.cancelledNotDeleted': { en: 'Cancelled: not deleted.', de: 'Abgebrochen: nicht gelöscht.', ja: 'キャンセル: 削除していません。' },
  'syncTexts.removedFromQueue': {
    en: 'The transfer was removed from the queue.',
    de: 'Die Übertragung wurde aus der Übertragungswarteschlange entfernt.',
    ja: '転送は転送キューから削除されました。',
  },
  'syncTexts.notCopiedAppeared': {
    en: 'Not copied: {reason} (it appeared since the preview).',
    de: 'Nicht kopiert: {reason} (seit der Vorschau aufgetreten).',
    ja: 'コピーしていません: {reason} (プレビューの後に発生しました)。',
  },
});
