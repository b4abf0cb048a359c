/**
 * How a damaged store file names the entries it could not keep (main/sites/sites-document.ts,
 * main/sites/pinned-certificates.ts): the list in "N could not be read (...)". Names, hosts and ports are
 * arguments, as the file has them.
 */
import { defineMessages } from '../define';

export const storeWordsMessages = defineMessages({
  'storeWords.namedSite': { en: '"{name}" (#{number})', de: '„{name}“ (Nr. {number})', ja: '「{name}」(#{number})' },
  'storeWords.site': { en: 'site #{number}', de: 'Server Nr. {number}', ja: 'サイト #{number}' },
  'storeWords.duplicateId': { en: '{entry} (duplicate id)', de: '{entry} (doppelte ID)', ja: '{entry} (ID が重複)' },
  'storeWords.folder': { en: 'folder #{number}', de: 'Ordner Nr. {number}', ja: 'フォルダー #{number}' },
  'storeWords.folderList': { en: 'the folder list', de: 'die Ordnerliste', ja: 'フォルダーの一覧' },
  'storeWords.pinnedHost': { en: '{host}:{port} (#{number})', de: '{host}:{port} (Nr. {number})', ja: '{host}:{port} (#{number})' },
  'storeWords.certificate': { en: 'certificate #{number}', de: 'Zertifikat Nr. {number}', ja: '証明書 #{number}' },
  'storeWords.duplicate': { en: '{entry} (duplicate)', de: '{entry} (doppelt)', ja: '{entry} (重複)' },
});
