/**
 * What the transfer queue says about an item it skips or refuses (main/transfers): a server's name that cannot
 * be a local file, a download that would leave the chosen folder, entries left out of a folder transfer, the
 * overwrite rule's reason, and the queue's own notes about its saved file. Names and paths are arguments.
 */
import { defineMessages } from '../define';

export const queueTextsMessages = defineMessages({
  'queueTexts.serverNameOutside': {
    en: 'The server named this file "{name}", which would be written outside {folder}; skipped.',
    de: 'Der Server hat diese Datei „{name}“ genannt; sie würde außerhalb von {folder} geschrieben; übersprungen.',
    ja: 'サーバーはこのファイルを「{name}」と名付けていますが、{folder} の外に書き込まれることになるため、スキップしました。',
  },
  // {reason}: connectionTexts.unsafeNameReason, said of the name.
  'queueTexts.serverNameUnsafe': {
    en: 'The server named this file "{name}", which {reason}; skipped.',
    de: 'Der Server hat diese Datei „{name}“ genannt; der Name {reason}; übersprungen.',
    ja: 'サーバーはこのファイルを「{name}」と名付けていますが、スキップしました: {reason}。',
  },
  'queueTexts.nameUnsafe': {
    en: 'The name "{name}" {reason}; skipped.',
    de: 'Der Name „{name}“ {reason}; übersprungen.',
    ja: '「{name}」をスキップしました: {reason}。',
  },
  'queueTexts.localNameUnsafe': {
    en: 'The local name "{name}" {reason}; it cannot be a name on the server; skipped.',
    de: 'Der lokale Name „{name}“ {reason}; er kann kein Name auf dem Server sein; übersprungen.',
    ja: 'ローカルの名前「{name}」はサーバー上の名前にできないため、スキップしました: {reason}。',
  },
  'queueTexts.writtenOutside': {
    en: '"{name}" would be written, outside {folder}; skipped.',
    de: '„{name}“ würde außerhalb von {folder} geschrieben; übersprungen.',
    ja: '「{name}」は {folder} の外に書き込まれることになるため、スキップしました。',
  },
  'queueTexts.linkLeadsOutside': {
    en: '"{name}" is a symbolic link to {dangling, select, yes {nowhere} other {{target}}}: the download would be written there, outside {folder}; skipped.',
    de: '„{name}“ ist ein symbolischer Link {dangling, select, yes {ins Leere} other {auf {target}}}: Der Download würde dort geschrieben, außerhalb von {folder}; übersprungen.',
    ja: '「{name}」は{dangling, select, yes {どこも指していない} other { {target} への}}シンボリックリンクです: ダウンロードは {folder} の外のその場所に書き込まれることになるため、スキップしました。',
  },
  'queueTexts.replacesChosenFolder': {
    en: 'The download would take the place of the chosen folder {folder} itself; skipped.',
    de: 'Der Download würde das gewählte Verzeichnis {folder} selbst ersetzen; übersprungen.',
    ja: 'ダウンロードが選択したディレクトリ {folder} そのものを置き換えることになるため、スキップしました。',
  },
  'queueTexts.notAFolder': {
    en: '{path} is a file, not a folder: {relativePath} cannot be written inside it.',
    de: '{path} ist eine Datei, kein Verzeichnis: {relativePath} kann nicht darin geschrieben werden.',
    ja: '{path} はディレクトリではなくファイルです: その中に {relativePath} を書き込めません。',
  },

  'queueTexts.saveFailed': {
    en: 'The transfer queue could not be saved: {reason}',
    de: 'Die Übertragungswarteschlange konnte nicht gespeichert werden: {reason}',
    ja: '転送キューを保存できませんでした: {reason}',
  },
  'queueTexts.savedQueueUnreadable': {
    en: 'The saved transfer queue was unreadable; it was moved to {path}',
    de: 'Die gespeicherte Übertragungswarteschlange war nicht lesbar; sie wurde nach {path} verschoben',
    ja: '保存された転送キューを読み込めませんでした。{path} に移動しました',
  },
  'queueTexts.savedItemsDropped': {
    en: '{count, plural, one {# saved transfer was unreadable and was dropped} other {# saved transfers were unreadable and were dropped}}',
    de: '{count, plural, one {# gespeicherte Übertragung war nicht lesbar und wurde verworfen} other {# gespeicherte Übertragungen waren nicht lesbar und wurden verworfen}}',
    ja: '{count, plural, other {保存された転送のうち # 件を読み込めなかったため破棄しました}}',
  },

  // Why an entry of a folder transfer was left out (shown after its path).
  'queueTexts.skipUnsafeName': {
    en: 'the name {reason}',
    de: 'der Name {reason}',
    ja: '{reason}',
  },
  'queueTexts.skipUnsafeRemoteName': {
    en: 'the name {reason}: it cannot be a name on the server',
    de: 'der Name {reason}: Er kann kein Name auf dem Server sein',
    ja: '{reason}: サーバー上の名前にできません',
  },
  'queueTexts.skipLinkOutside': {
    en: 'a symbolic link to {dangling, select, yes {nowhere} other {{target}}}, outside the folder being uploaded (not followed)',
    de: 'ein symbolischer Link {dangling, select, yes {ins Leere} other {auf {target}}}, außerhalb des hochgeladenen Verzeichnisses (nicht gefolgt)',
    ja: 'アップロード中のディレクトリの外の{dangling, select, yes {どこも指していない場所} other { {target} }}へのシンボリックリンク (たどりません)',
  },
  'queueTexts.skipLinkToFolder': {
    en: 'a symbolic link to a folder (not followed)',
    de: 'ein symbolischer Link auf ein Verzeichnis (nicht gefolgt)',
    ja: 'ディレクトリへのシンボリックリンク (たどりません)',
  },
  'queueTexts.skipNotRegularFile': {
    en: 'not a regular file',
    de: 'keine reguläre Datei',
    ja: '通常のファイルではありません',
  },
  'queueTexts.skipListedTwice': {
    en: 'the server listed this name twice',
    de: 'der Server hat diesen Namen zweimal aufgeführt',
    ja: 'サーバーがこの名前を 2 回一覧に含めました',
  },
  'queueTexts.skipNestedTooDeep': {
    en: 'the folder is nested too deep: its path would be longer than {maxLength} characters (a link to a parent folder?)',
    de: 'das Verzeichnis ist zu tief verschachtelt: Sein Pfad wäre länger als {maxLength} Zeichen (ein Link auf ein übergeordnetes Verzeichnis?)',
    ja: 'ディレクトリの階層が深すぎます: パスが {maxLength} 文字を超えます (親ディレクトリへのリンクでしょうか?)',
  },

  // What the overwrite rule decided about an existing target; a skipped item shows it as its reason.
  'queueTexts.overwriteReason': {
    en: '{reason, select, exists {the target exists} overwrite {overwrite} rename {the target exists: writing under a new name} timeUnknown {the target exists and a modification time is unknown} sourceNewer {the source is newer} targetNewer {the target is as new as the source or newer} sameSize {the target exists with the same size} sizesDiffer {the sizes differ} sizeUnknown {size unknown: starting over} resume {resuming from byte {offset}} complete {the target is already complete} other {the target is larger than the source: starting over}}',
    de: '{reason, select, exists {das Ziel existiert} overwrite {überschreiben} rename {das Ziel existiert: Schreiben unter einem neuen Namen} timeUnknown {das Ziel existiert und eine Änderungszeit ist unbekannt} sourceNewer {die Quelle ist neuer} targetNewer {das Ziel ist genauso neu wie die Quelle oder neuer} sameSize {das Ziel existiert mit derselben Größe} sizesDiffer {die Größen unterscheiden sich} sizeUnknown {Größe unbekannt: Neubeginn} resume {Fortsetzen ab Byte {offset}} complete {das Ziel ist bereits vollständig} other {das Ziel ist größer als die Quelle: Neubeginn}}',
    ja: '{reason, select, exists {転送先が存在します} overwrite {上書きします} rename {転送先が存在します: 新しい名前で書き込みます} timeUnknown {転送先が存在し、更新日時が不明です} sourceNewer {転送元の方が新しいです} targetNewer {転送先は転送元と同じか、より新しいです} sameSize {転送先が同じサイズで存在します} sizesDiffer {サイズが異なります} sizeUnknown {サイズが不明です: 最初からやり直します} resume {{offset} バイト目から再開します} complete {転送先はすでに完全です} other {転送先が転送元より大きいです: 最初からやり直します}}',
  },
});
