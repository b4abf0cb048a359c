/** Words every area uses: buttons of dialogs, yes/no, sizes. */
import { defineMessages } from '../define';

export const commonMessages = defineMessages({
  'common.ok': { en: 'OK', de: 'OK', ja: 'OK' },
  'common.cancel': { en: 'Cancel', de: 'Abbrechen', ja: 'キャンセル' },
  'common.close': { en: 'Close', de: 'Schließen', ja: '閉じる' },
  'common.save': { en: 'Save', de: 'Speichern', ja: '保存' },
  'common.retry': { en: 'Retry', de: 'Wiederholen', ja: '再試行' },
  'common.yes': { en: 'Yes', de: 'Ja', ja: 'はい' },
  'common.no': { en: 'No', de: 'Nein', ja: 'いいえ' },
  'common.files': {
    en: '{count, plural, one {# file} other {# files}}',
    de: '{count, plural, one {# Datei} other {# Dateien}}',
    ja: '{count, plural, other {# 個のファイル}}',
  },
  'common.folders': {
    en: '{count, plural, one {# folder} other {# folders}}',
    de: '{count, plural, one {# Verzeichnis} other {# Verzeichnisse}}',
    ja: '{count, plural, other {# 個のディレクトリ}}',
  },
  'common.size.bytes': { en: '{value} B', de: '{value} B', ja: '{value} B' },
  'common.size.exactBytes': {
    en: '{count, plural, one {# byte} other {# bytes}}',
    de: '{count, plural, one {# Byte} other {# Bytes}}',
    ja: '{count, plural, other {# バイト}}',
  },
  'common.size.unknown': { en: 'unknown size', de: 'unbekannte Größe', ja: 'サイズ不明' },
  'common.speed': { en: '{size}/s', de: '{size}/s', ja: '{size}/秒' },
});
