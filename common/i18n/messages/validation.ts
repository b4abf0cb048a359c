/**
 * Why a value was refused, in the user's language (common/i18n/zod-issues.ts turns each zod issue into one
 * of these), and the English sentences the site schemas give their rules (common/models/site-profile-schema.ts),
 * so that a schema's own sentence reaches a German or Japanese reader translated too.
 */
import { defineMessages } from '../define';

export const validationMessages = defineMessages({
  'validation.fieldProblem': { en: '{field}: {problem}', de: '{field}: {problem}', ja: '{field}: {problem}' },
  /** Where a refused request's issue is about the request as a whole (an unknown field, not an object at all), in place of a field's name. */
  'validation.wholeRequest': { en: '(request)', de: '(Anfrage)', ja: '(リクエスト)' },
  'validation.required': { en: 'This field is required.', de: 'Dieses Feld ist erforderlich.', ja: 'この項目は必須です。' },
  'validation.invalidType': {
    en: 'Expected {expected, select, string {text} number {a number} int {a whole number} boolean {true or false} array {a list} object {a group of fields} null {null} other {{expected}}}, found {received, select, string {text} number {a number} boolean {true or false} array {a list} object {a group of fields} null {null} other {{received}}}.',
    de: 'Erwartet: {expected, select, string {Text} number {eine Zahl} int {eine ganze Zahl} boolean {wahr oder falsch} array {eine Liste} object {eine Gruppe von Feldern} null {null} other {{expected}}}, gefunden: {received, select, string {Text} number {eine Zahl} boolean {wahr oder falsch} array {eine Liste} object {eine Gruppe von Feldern} null {null} other {{received}}}.',
    ja: '{expected, select, string {テキスト} number {数値} int {整数} boolean {true か false} array {リスト} object {項目のまとまり} null {null} other {{expected}}} が必要ですが、{received, select, string {テキスト} number {数値} boolean {true か false} array {リスト} object {項目のまとまり} null {null} other {{received}}} でした。',
  },
  'validation.expected': {
    en: 'Expected {expected, select, string {text} number {a number} int {a whole number} boolean {true or false} array {a list} object {a group of fields} null {null} other {{expected}}}.',
    de: 'Erwartet: {expected, select, string {Text} number {eine Zahl} int {eine ganze Zahl} boolean {wahr oder falsch} array {eine Liste} object {eine Gruppe von Feldern} null {null} other {{expected}}}.',
    ja: '{expected, select, string {テキスト} number {数値} int {整数} boolean {true か false} array {リスト} object {項目のまとまり} null {null} other {{expected}}} が必要です。',
  },
  'validation.wholeNumber': { en: 'Expected a whole number.', de: 'Erwartet wird eine ganze Zahl.', ja: '整数を指定してください。' },
  'validation.empty': { en: 'This field cannot be empty.', de: 'Dieses Feld darf nicht leer sein.', ja: 'この項目は空にできません。' },
  'validation.tooShort': {
    en: 'At least {minimum, plural, one {# character} other {# characters}}.',
    de: 'Mindestens {minimum, plural, one {# Zeichen} other {# Zeichen}}.',
    ja: '{minimum, plural, other {# 文字以上}}にしてください。',
  },
  'validation.tooLong': {
    en: 'At most {maximum, plural, one {# character} other {# characters}}.',
    de: 'Höchstens {maximum, plural, one {# Zeichen} other {# Zeichen}}.',
    ja: '{maximum, plural, other {# 文字以内}}にしてください。',
  },
  'validation.tooFewEntries': {
    en: 'At least {minimum, plural, one {# entry} other {# entries}}.',
    de: 'Mindestens {minimum, plural, one {# Eintrag} other {# Einträge}}.',
    ja: '{minimum, plural, other {# 件以上}}にしてください。',
  },
  'validation.tooManyEntries': {
    en: 'At most {maximum, plural, one {# entry} other {# entries}}.',
    de: 'Höchstens {maximum, plural, one {# Eintrag} other {# Einträge}}.',
    ja: '{maximum, plural, other {# 件以内}}にしてください。',
  },
  // Bounds without grouping: they are mostly ports and minutes (65535, not 65,535).
  'validation.atLeast': { en: 'At least {minimum, number, ::group-off}.', de: 'Mindestens {minimum, number, ::group-off}.', ja: '{minimum, number, ::group-off} 以上にしてください。' },
  'validation.moreThan': { en: 'More than {minimum, number, ::group-off}.', de: 'Mehr als {minimum, number, ::group-off}.', ja: '{minimum, number, ::group-off} より大きい値にしてください。' },
  'validation.atMost': { en: 'At most {maximum, number, ::group-off}.', de: 'Höchstens {maximum, number, ::group-off}.', ja: '{maximum, number, ::group-off} 以下にしてください。' },
  'validation.lessThan': { en: 'Less than {maximum, number, ::group-off}.', de: 'Weniger als {maximum, number, ::group-off}.', ja: '{maximum, number, ::group-off} より小さい値にしてください。' },
  'validation.multipleOf': { en: 'A multiple of {divisor, number, ::group-off}.', de: 'Ein Vielfaches von {divisor, number, ::group-off}.', ja: '{divisor, number, ::group-off} の倍数にしてください。' },
  'validation.oneOf': { en: 'One of: {values}.', de: 'Einer der Werte: {values}.', ja: '次のいずれかにしてください: {values}。' },
  'validation.unknownFields': {
    en: '{count, plural, one {Unknown field} other {Unknown fields}}: {keys}.',
    de: '{count, plural, one {Unbekanntes Feld} other {Unbekannte Felder}}: {keys}.',
    ja: '{count, plural, other {不明な項目}}: {keys}。',
  },
  'validation.badFormat': {
    en: 'Not a valid {format, select, uuid {UUID} datetime {ISO 8601 date and time} date {ISO 8601 date} email {e-mail address} url {URL} other {{format} value}}.',
    de: 'Keine gültige {format, select, uuid {UUID} datetime {Zeitangabe nach ISO 8601} date {Datumsangabe nach ISO 8601} email {E-Mail-Adresse} url {URL} other {Angabe im Format {format}}}.',
    ja: '有効な{format, select, uuid {UUID} datetime {ISO 8601 の日時} date {ISO 8601 の日付} email {メール アドレス} url {URL} other {{format} 形式の値}}ではありません。',
  },
  'validation.invalid': { en: 'This value is not valid.', de: 'Dieser Wert ist ungültig.', ja: 'この値は無効です。' },

  // The site schemas' own sentences (common/models/site-profile-schema.ts), found by their English text.
  'validation.site.nameTooLong': { en: 'Names are limited to 200 characters.', de: 'Namen sind auf 200 Zeichen begrenzt.', ja: '名前は 200 文字までです。' },
  'validation.site.foldersTooDeep': {
    en: 'Folders nest at most 16 levels deep.',
    de: 'Verzeichnisse lassen sich höchstens 16 Ebenen tief verschachteln.',
    ja: 'フォルダーの入れ子は 16 階層までです。',
  },
  'validation.site.hostTooLong': { en: 'Host names are limited to 253 characters.', de: 'Servernamen sind auf 253 Zeichen begrenzt.', ja: 'ホスト名は 253 文字までです。' },
  'validation.site.noControls': {
    en: 'Line breaks and control characters are not allowed here.',
    de: 'Zeilenumbrüche und Steuerzeichen sind hier nicht erlaubt.',
    ja: 'ここでは改行や制御文字は使えません。',
  },
  'validation.site.encoding': {
    en: 'An encoding is a name such as utf8, latin1 or windows-1251.',
    de: 'Ein Zeichensatz ist ein Name wie utf8, latin1 oder windows-1251.',
    ja: '文字セットは utf8、latin1、windows-1251 のような名前です。',
  },
  'validation.site.filePathControls': {
    en: 'A file path cannot contain control characters.',
    de: 'Ein Dateipfad darf keine Steuerzeichen enthalten.',
    ja: 'ファイル パスに制御文字は使えません。',
  },
  'validation.site.proxyPassword': {
    en: 'Leave the password out of the proxy address: enter it in the proxy password field, which goes to the keychain.',
    de: 'Lassen Sie das Passwort aus der Proxy-Adresse weg: Geben Sie es im Feld „Proxy-Passwort“ ein, das in den Schlüsselbund gespeichert wird.',
    ja: 'プロキシのアドレスにパスワードを含めないでください。プロキシのパスワード欄に入力すると、キーチェーンに保存されます。',
  },
  'validation.site.fingerprint': {
    en: 'A SHA-256 fingerprint is 32 hex bytes, AB:CD:...',
    de: 'Ein SHA-256-Fingerabdruck besteht aus 32 Hex-Bytes, AB:CD:...',
    ja: 'SHA-256 のフィンガープリントは 32 個の 16 進バイト (AB:CD:...) です。',
  },
});
