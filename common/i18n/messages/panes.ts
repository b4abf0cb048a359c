/** The two file panes: columns, types, sizes, the summary line, pane states. */
import { defineMessages } from '../define';

export const panesMessages = defineMessages({
  'panes.type.folder': { en: 'Folder', de: 'Verzeichnis', ja: 'ディレクトリ' },
  'panes.type.link': { en: 'Link', de: 'Verknüpfung', ja: 'リンク' },
  'panes.type.unknown': { en: 'Unknown', de: 'Unbekannt', ja: '不明' },
  'panes.type.file': { en: 'File', de: 'Datei', ja: 'ファイル' },
  'panes.type.fileOf': { en: '{extension} file', de: '{extension}-Datei', ja: '{extension} ファイル' },
  'panes.summary.contents': {
    en: '{folders, plural, one {# folder} other {# folders}}, {files, plural, =0 {0 files} one {# file ({size})} other {# files ({size})}}',
    de: '{folders, plural, one {# Verzeichnis} other {# Verzeichnisse}}, {files, plural, =0 {0 Dateien} one {# Datei ({size})} other {# Dateien ({size})}}',
    ja: 'ディレクトリ {folders, plural, other {# 個}}、ファイル {files, plural, =0 {0 個} other {# 個 ({size})}}',
  },
  'panes.summary.hidden': {
    en: ' · {count, plural, other {# hidden or filtered}}',
    de: ' · {count, plural, one {# ausgeblendet oder gefiltert} other {# ausgeblendet oder gefiltert}}',
    ja: ' · {count, plural, other {# 個が非表示またはフィルター済み}}',
  },
  'panes.summary.selected': {
    en: '{count, plural, other {# selected}}',
    de: '{count, plural, other {# ausgewählt}}',
    ja: '{count, plural, other {# 個を選択}}',
  },
  'panes.summary.selectedWithSize': {
    en: '{count, plural, other {# selected}} ({size})',
    de: '{count, plural, other {# ausgewählt}} ({size})',
    ja: '{count, plural, other {# 個を選択}} ({size})',
  },
});
