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
});
