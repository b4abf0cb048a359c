/** The bottom panel: the transfer queue and the running syncs above it. */
import { defineMessages } from '../define';

export const queueMessages = defineMessages({
  'queue.layout.showTabs': { en: 'Show the queue and the log as tabs', de: 'Warteschlange und Nachrichtenprotokoll als Reiter anzeigen', ja: 'キューとメッセージログをタブで表示' },
  'queue.layout.showBeside': { en: 'Show the log beside the queue', de: 'Nachrichtenprotokoll neben der Warteschlange anzeigen', ja: 'メッセージログをキューの横に表示' },
  'queue.layout.beside': { en: 'Log beside queue', de: 'Protokoll daneben', ja: 'ログを横に表示' },
  'queue.runningSyncs.label': { en: 'Running syncs', de: 'Laufende Synchronisierungen', ja: '実行中の同期' },
  'queue.runningSyncs.show': { en: 'Show', de: 'Anzeigen', ja: '表示' },
  'queue.runningSyncs.cancel': { en: 'Cancel sync', de: 'Synchronisierung abbrechen', ja: '同期をキャンセル' },
  'queue.runningSyncs.cancelling': { en: 'Cancelling…', de: 'Wird abgebrochen…', ja: 'キャンセル中…' },
  'queue.runningSyncs.syncing': {
    en: 'Syncing {pair} — {done} of {total} done',
    de: 'Synchronisiere {pair} — {done} von {total} erledigt',
    ja: '{pair} を同期中 — {total} 件中 {done} 件完了',
  },
  'queue.runningSyncs.cancellingSync': {
    en: 'Cancelling sync {pair} — {done} of {total} done',
    de: 'Synchronisierung {pair} wird abgebrochen — {done} von {total} erledigt',
    ja: '{pair} の同期をキャンセル中 — {total} 件中 {done} 件完了',
  },
});
