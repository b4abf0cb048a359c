/** Main's saved sites: the sites file, its folders, imports and exports, the proxy settings. */
import { defineMessages } from '../define';

export const sitesMessages = defineMessages({
  // site-store.ts
  'sites.giveSiteName': { en: 'Give a site name.', de: 'Geben Sie einen Servernamen an.', ja: 'サイト名を指定してください。' },
  'sites.giveFolderName': { en: 'Give a folder name.', de: 'Geben Sie einen Verzeichnisnamen an.', ja: 'ディレクトリ名を指定してください。' },
  'sites.noSiteNamed': {
    en: 'No saved site is named "{ref}".',
    de: 'Kein gespeicherter Server heißt „{ref}“.',
    ja: '「{ref}」という名前の保存済みサイトはありません。',
  },
  'sites.severalSitesNamed': {
    en: 'Several sites are named "{name}": {paths}. Give the folder too.',
    de: 'Mehrere Server heißen „{name}“: {paths}. Geben Sie auch das Verzeichnis an.',
    ja: '「{name}」という名前のサイトが複数あります: {paths}。ディレクトリも指定してください。',
  },
  'sites.folderExists': {
    en: 'A folder named "{name}" already exists there.',
    de: 'Dort gibt es bereits ein Verzeichnis namens „{name}“.',
    ja: '「{name}」という名前のディレクトリはすでに存在します。',
  },
  'sites.folderNotEmpty': {
    en: 'The folder "{folder}" is not empty ({sites} sites, {folders} folders).',
    de: 'Das Verzeichnis „{folder}“ ist nicht leer ({sites} Server, {folders} Verzeichnisse).',
    ja: 'ディレクトリ「{folder}」は空ではありません (サイト {sites} 件、ディレクトリ {folders} 件)。',
  },
  'sites.passwordNeedsKeychain': {
    en: 'A password can only be saved for a site that keeps it in the system keychain.',
    de: 'Ein Passwort kann nur für einen Server gespeichert werden, der es im Schlüsselbund des Systems aufbewahrt.',
    ja: 'パスワードを保存できるのは、システムのキーチェーンにパスワードを保管するサイトだけです。',
  },
  // sites-document.ts
  'sites.noSiteWithId': {
    en: 'There is no saved site with this id (it may have been deleted).',
    de: 'Es gibt keinen gespeicherten Server mit dieser ID (er wurde vielleicht gelöscht).',
    ja: 'この ID の保存済みサイトはありません (削除された可能性があります)。',
  },
  'sites.noFolder': { en: 'There is no folder "{folder}".', de: 'Es gibt kein Verzeichnis „{folder}“.', ja: 'ディレクトリ「{folder}」はありません。' },
  'sites.siteExistsInFolder': {
    en: 'A site named "{name}" already exists in the folder "{folder}".',
    de: 'Ein Server namens „{name}“ existiert bereits im Verzeichnis „{folder}“.',
    ja: '「{name}」という名前のサイトはディレクトリ「{folder}」にすでに存在します。',
  },
  'sites.siteExistsAtTop': {
    en: 'A site named "{name}" already exists in the top level.',
    de: 'Ein Server namens „{name}“ existiert bereits auf der obersten Ebene.',
    ja: '「{name}」という名前のサイトは最上位にすでに存在します。',
  },
  // site-import-file.ts
  'sites.winscpRegistryExport': {
    en: 'This is a registry export of WinSCP. In WinSCP, choose Tools > Export/Backup Configuration to write a WinSCP.ini, then import that file.',
    de: 'Dies ist ein Registry-Export von WinSCP. Wählen Sie in WinSCP Werkzeuge > Konfiguration exportieren/sichern, um eine WinSCP.ini zu schreiben, und importieren Sie dann diese Datei.',
    ja: 'これは WinSCP のレジストリのエクスポートです。WinSCP で [ツール] > [設定のエクスポート/バックアップ] を選んで WinSCP.ini を書き出し、そのファイルをインポートしてください。',
  },
  'sites.unknownImportFile': {
    en: "Wharf cannot tell what this file holds. It imports FileZilla's sitemanager.xml, WinSCP's WinSCP.ini, Cyberduck bookmarks (.duck files, or a folder of them) and Wharf's own JSON export.",
    de: 'Wharf kann nicht erkennen, was diese Datei enthält. Es importiert die sitemanager.xml von FileZilla, die WinSCP.ini von WinSCP, Cyberduck-Lesezeichen (.duck-Dateien oder ein Verzeichnis davon) und den eigenen JSON-Export von Wharf.',
    ja: 'Wharf はこのファイルの内容を判別できません。インポートできるのは、FileZilla の sitemanager.xml、WinSCP の WinSCP.ini、Cyberduck のブックマーク (.duck ファイル、またはそのディレクトリ)、Wharf 自身の JSON エクスポートです。',
  },
  'sites.cannotReadMissing': {
    en: 'Cannot read {path}: no such file or folder.',
    de: '{path} kann nicht gelesen werden: Datei oder Verzeichnis nicht vorhanden.',
    ja: '{path} を読み込めません: ファイルまたはディレクトリがありません。',
  },
  'sites.cannotRead': { en: 'Cannot read {path}: {reason}.', de: '{path} kann nicht gelesen werden: {reason}.', ja: '{path} を読み込めません: {reason}。' },
  'sites.cannotReadFolder': {
    en: 'Cannot read the folder {path}: {reason}.',
    de: 'Das Verzeichnis {path} kann nicht gelesen werden: {reason}.',
    ja: 'ディレクトリ {path} を読み込めません: {reason}。',
  },
  'sites.folderHoldsNoBookmarks': {
    en: "The folder {path} holds no Cyberduck bookmarks (.duck files). Wharf imports FileZilla's sitemanager.xml, WinSCP's WinSCP.ini, Cyberduck bookmarks (.duck files, or a folder of them) and Wharf's own JSON export.",
    de: 'Das Verzeichnis {path} enthält keine Cyberduck-Lesezeichen (.duck-Dateien). Wharf importiert die sitemanager.xml von FileZilla, die WinSCP.ini von WinSCP, Cyberduck-Lesezeichen (.duck-Dateien oder ein Verzeichnis davon) und den eigenen JSON-Export von Wharf.',
    ja: 'ディレクトリ {path} には Cyberduck のブックマーク (.duck ファイル) がありません。Wharf がインポートできるのは、FileZilla の sitemanager.xml、WinSCP の WinSCP.ini、Cyberduck のブックマーク (.duck ファイル、またはそのディレクトリ)、Wharf 自身の JSON エクスポートです。',
  },
  'sites.fileTooLarge': {
    en: 'The file is too large to be a site list.',
    de: 'Die Datei ist zu groß für eine Serverliste.',
    ja: 'このファイルはサイト一覧としては大きすぎます。',
  },
  'sites.notUtf8': { en: 'The file is not valid UTF-8 text.', de: 'Die Datei ist kein gültiger UTF-8-Text.', ja: 'このファイルは有効な UTF-8 テキストではありません。' },
  // wharf-json.ts
  'sites.notJson': { en: 'The file is not valid JSON.', de: 'Die Datei ist kein gültiges JSON.', ja: 'このファイルは有効な JSON ではありません。' },
  'sites.notWharfExport': {
    en: 'This is not a Wharf sites export (it has no "format": "wharf-sites").',
    de: 'Dies ist kein Wharf-Serverexport (es fehlt "format": "wharf-sites").',
    ja: 'これは Wharf のサイトのエクスポートではありません ("format": "wharf-sites" がありません)。',
  },
  'sites.noSchemaVersion': {
    en: 'The export has no valid schemaVersion.',
    de: 'Der Export hat keine gültige schemaVersion.',
    ja: 'このエクスポートには有効な schemaVersion がありません。',
  },
  'sites.newerExport': {
    en: 'The export was made by a newer Wharf (schema {version}); update Wharf to import it.',
    de: 'Der Export stammt von einer neueren Wharf-Version (Schema {version}); aktualisieren Sie Wharf, um ihn zu importieren.',
    ja: 'このエクスポートは新しいバージョンの Wharf で作成されました (スキーマ {version})。インポートするには Wharf を更新してください。',
  },
  // xml-reader.ts
  'sites.unreadableEncoding': {
    en: 'The file declares an encoding Wharf cannot read ({encoding}).',
    de: 'Die Datei gibt eine Zeichenkodierung an, die Wharf nicht lesen kann ({encoding}).',
    ja: 'このファイルは Wharf が読めないエンコーディングを宣言しています ({encoding})。',
  },
  'sites.notXml': {
    en: 'The file is not valid XML: {problem} (line {line}, column {column}).',
    de: 'Die Datei ist kein gültiges XML: {problem} (Zeile {line}, Spalte {column}).',
    ja: 'このファイルは有効な XML ではありません: {problem} ({line} 行、{column} 列)。',
  },
  // proxy-settings.ts
  'sites.enterProxyAddress': {
    en: 'Enter the proxy address, such as socks5://proxy.example:1080 or http://proxy.example:3128.',
    de: 'Geben Sie die Proxy-Adresse ein, etwa socks5://proxy.example:1080 oder http://proxy.example:3128.',
    ja: 'プロキシのアドレスを入力してください (例: socks5://proxy.example:1080 または http://proxy.example:3128)。',
  },
  'sites.proxySettingsDamaged': {
    en: 'The proxy settings file {path} is damaged, so Wharf makes no connection: it cannot tell which proxy you chose, and going without one could reveal your address or fail on your network. Either save the proxy settings again in Wharf (Site Manager, then Proxy…), which writes a good file, or delete the file to go back to the default (the system proxy, if one is set).',
    de: 'Die Datei der Proxy-Einstellungen {path} ist beschädigt, daher baut Wharf keine Verbindung auf: Es kann nicht erkennen, welchen Proxy Sie gewählt haben, und ohne Proxy könnte Ihre Adresse sichtbar werden oder Ihr Netz die Verbindung verweigern. Speichern Sie entweder die Proxy-Einstellungen in Wharf erneut (Servermanager, dann Proxy…), was eine gültige Datei schreibt, oder löschen Sie die Datei, um zur Voreinstellung zurückzukehren (der Proxy des Systems, falls einer eingestellt ist).',
    ja: 'プロキシ設定ファイル {path} が壊れているため、Wharf は接続しません。どのプロキシを選んだのかが分からず、プロキシなしで接続するとアドレスが知られたり、ネットワークで接続できなかったりするおそれがあるためです。Wharf でプロキシ設定を保存し直す (サイトマネージャー、次に「プロキシ…」) と正しいファイルが書き込まれます。または、ファイルを削除すると既定の設定 (システムのプロキシがあればそれ) に戻ります。',
  },
  // filezilla-import.ts, winscp-import.ts, cyberduck-import.ts
  'sites.notFileZilla': {
    en: 'This is not a FileZilla site list (sitemanager.xml has a <FileZilla3> root element).',
    de: 'Dies ist keine FileZilla-Serverliste (sitemanager.xml hat ein Wurzelelement <FileZilla3>).',
    ja: 'これは FileZilla のサイト一覧ではありません (sitemanager.xml のルート要素は <FileZilla3> です)。',
  },
  'sites.notWinScp': {
    en: 'This is not a WinSCP configuration (WinSCP.ini has [Sessions\\...] sections).',
    de: 'Dies ist keine WinSCP-Konfiguration (WinSCP.ini hat Abschnitte [Sessions\\...]).',
    ja: 'これは WinSCP の設定ではありません (WinSCP.ini には [Sessions\\...] セクションがあります)。',
  },
  'sites.noBookmarksFound': {
    en: 'No Cyberduck bookmarks (.duck files) were found.',
    de: 'Es wurden keine Cyberduck-Lesezeichen (.duck-Dateien) gefunden.',
    ja: 'Cyberduck のブックマーク (.duck ファイル) が見つかりませんでした。',
  },
  'sites.notBookmarkFile': {
    en: 'The file is not a Cyberduck bookmark.',
    de: 'Die Datei ist kein Cyberduck-Lesezeichen.',
    ja: 'このファイルは Cyberduck のブックマークではありません。',
  },
  'sites.tooManyBookmarks': {
    en: 'The folder holds more than {max} bookmarks.',
    de: 'Das Verzeichnis enthält mehr als {max} Lesezeichen.',
    ja: 'このディレクトリには {max} 件を超えるブックマークがあります。',
  },
  'sites.binaryPlist': {
    en: 'This bookmark is a binary property list; Cyberduck writes XML ones (convert it with "plutil -convert xml1").',
    de: 'Dieses Lesezeichen ist eine binäre Property-List; Cyberduck schreibt XML-Listen (umwandeln mit "plutil -convert xml1").',
    ja: 'このブックマークはバイナリ形式のプロパティリストです。Cyberduck は XML 形式で書き出します ("plutil -convert xml1" で変換してください)。',
  },
  'sites.notBookmarkDict': {
    en: 'This is not a Cyberduck bookmark (a .duck file is a property list with a <dict>).',
    de: 'Dies ist kein Cyberduck-Lesezeichen (eine .duck-Datei ist eine Property-List mit einem <dict>).',
    ja: 'これは Cyberduck のブックマークではありません (.duck ファイルは <dict> を含むプロパティリストです)。',
  },
  'sites.noProtocol': {
    en: 'This property list is not a Cyberduck bookmark (it has no "Protocol").',
    de: 'Diese Property-List ist kein Cyberduck-Lesezeichen (es fehlt "Protocol").',
    ja: 'このプロパティリストは Cyberduck のブックマークではありません ("Protocol" がありません)。',
  },
  'sites.entryWithoutKey': {
    en: 'The property list has a dictionary entry without a key.',
    de: 'Die Property-List hat einen Wörterbucheintrag ohne Schlüssel.',
    ja: 'このプロパティリストにはキーのない辞書エントリがあります。',
  },
});
