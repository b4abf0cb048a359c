/** The preview of a site import (FileZilla, WinSCP, Cyberduck, Wharf), before anything is saved. */
import { defineMessages } from '../define';

export const importViewMessages = defineMessages({
  'importView.title.filezilla': { en: 'Import FileZilla sites', de: 'Server aus FileZilla importieren', ja: 'FileZilla のサイトをインポート' },
  'importView.title.winscp': { en: 'Import WinSCP sites', de: 'Server aus WinSCP importieren', ja: 'WinSCP のサイトをインポート' },
  'importView.title.cyberduck': { en: 'Import Cyberduck bookmarks', de: 'Cyberduck-Lesezeichen importieren', ja: 'Cyberduck のブックマークをインポート' },
  'importView.title.wharf': { en: 'Import Wharf sites', de: 'Wharf-Server importieren', ja: 'Wharf のサイトをインポート' },
  'importView.import': {
    en: 'Import {count, plural, one {# site} other {# sites}}',
    de: '{count, plural, one {# Server} other {# Server}} importieren',
    ja: '{count, plural, other {# 個のサイト}}をインポート',
  },
  'importView.found': {
    en: 'Found {sitesShown} {sites, plural, one {site} other {sites}} in {foldersShown} {folders, plural, one {folder} other {folders}}.',
    de: '{sitesShown} {sites, plural, one {Server} other {Server}} in {foldersShown} {folders, plural, one {Verzeichnis} other {Verzeichnissen}} gefunden.',
    ja: '{folders, plural, other {{foldersShown} 個のフォルダー}}に{sites, plural, other {{sitesShown} 個のサイト}}が見つかりました。',
  },
  'importView.readablePasswords': {
    en: 'The file holds {count, plural, one {# readable password} other {# readable passwords}} ({source, select, winscp {WinSCP only scrambles them} other {FileZilla stores them unencrypted}}).',
    de: 'Die Datei enthält {count, plural, one {# lesbares Passwort} other {# lesbare Passwörter}} ({source, select, winscp {WinSCP verschleiert sie nur} other {FileZilla speichert sie unverschlüsselt}}).',
    ja: 'このファイルには読み取り可能なパスワードが {count, plural, other {# 個}}含まれています ({source, select, winscp {WinSCP は難読化しているだけです} other {FileZilla は暗号化せずに保存しています}})。',
  },
  'importView.movePasswords': {
    en: 'Move {count, plural, one {this password} other {these # passwords}} to the system keychain',
    de: '{count, plural, one {Dieses Passwort} other {Diese # Passwörter}} in den Schlüsselbund des Systems verschieben',
    ja: '{count, plural, other {これらのパスワード}}をシステムのキーチェーンに移す',
  },
  'importView.keychainUnavailable': {
    en: 'The system keychain is unavailable: these sites will ask for their password on connect.',
    de: 'Der Schlüsselbund des Systems ist nicht verfügbar: Diese Server fragen beim Verbinden nach ihrem Passwort.',
    ja: 'システムのキーチェーンを利用できません。これらのサイトは接続時にパスワードを尋ねます。',
  },
  'importView.deleteOriginal': {
    en: 'Consider deleting the original file afterwards.',
    de: 'Erwägen Sie, die ursprüngliche Datei danach zu löschen.',
    ja: '取り込んだ後は元のファイルの削除を検討してください。',
  },
  'importView.cyberduckPasswords': {
    en: 'Cyberduck keeps passwords in the system keychain, not in bookmarks: each site asks for its password when it first connects.',
    de: 'Cyberduck bewahrt Passwörter im Schlüsselbund des Systems auf, nicht in Lesezeichen: Jeder Server fragt bei der ersten Verbindung nach seinem Passwort.',
    ja: 'Cyberduck はパスワードをブックマークではなくシステムのキーチェーンに保存します。各サイトは最初の接続時にパスワードを尋ねます。',
  },
  'importView.tlsRequired': { en: 'TLS required', de: 'TLS erforderlich', ja: 'TLS 必須' },
  'importView.tlsIfAvailableOption': {
    en: 'Use explicit FTP over TLS if available',
    de: 'Wenn verfügbar, explizites FTP über TLS verwenden',
    ja: '使用可能なら明示的な FTP over TLS を使用',
  },
  'importView.tlsIfAvailable': {
    en: '{count, plural, one {This site was} other {These # sites were}} set to {option}. Wharf imports {count, plural, one {it} other {them}} as {protocol} with TLS required: a server without TLS will then be refused rather than used in clear.',
    de: '{count, plural, one {Dieser Server war} other {Diese # Server waren}} auf {option} eingestellt. Wharf importiert {count, plural, one {ihn} other {sie}} als {protocol} mit verpflichtendem TLS: Ein Server ohne TLS wird dann abgelehnt, statt unverschlüsselt verwendet zu werden.',
    ja: '{count, plural, other {これらの # 個のサイト}}は {option} に設定されていました。Wharf はこれを TLS 必須の {protocol} としてインポートします。TLS に対応しないサーバーは、平文で使われずに拒否されます。',
  },
  'importView.skipped': { en: '{count} cannot be imported', de: '{count} nicht importierbar', ja: '{count} 件はインポートできません' },
  'importView.notes': {
    en: '{count, plural, one {# note} other {# notes}}',
    de: '{count, plural, one {# Hinweis} other {# Hinweise}}',
    ja: '{count, plural, other {# 件の注記}}',
  },
});
