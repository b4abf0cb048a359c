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
});
