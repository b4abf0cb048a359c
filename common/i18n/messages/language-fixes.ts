/**
 * Text found still in English while testing the language from every entry point (#19): the plain words Wharf
 * puts beside an FTP reply code (common/models/ftp-replies.ts), shown by the window's error view and the CLI.
 */
import { defineMessages } from '../define';

export const languageFixesMessages = defineMessages({
  'languageFixes.reply.421': {
    en: 'The server is closing the connection (busy, shutting down, or too many connections from you).',
    de: 'Der Server schließt die Verbindung (ausgelastet, wird heruntergefahren oder zu viele Verbindungen von Ihnen).',
    ja: 'サーバーが接続を閉じようとしています (混雑中、シャットダウン中、またはこちらからの接続が多すぎます)。',
  },
  'languageFixes.reply.425': {
    en: 'The server could not open the data connection (a firewall, or passive/active mode).',
    de: 'Der Server konnte die Datenverbindung nicht öffnen (eine Firewall oder der Übertragungsmodus Passiv/Aktiv).',
    ja: 'サーバーがデータ接続を開けませんでした (ファイアウォール、またはパッシブ/アクティブの転送モード)。',
  },
  'languageFixes.reply.426': {
    en: 'The data connection was closed before the transfer finished.',
    de: 'Die Datenverbindung wurde geschlossen, bevor die Übertragung fertig war.',
    ja: '転送が終わる前にデータ接続が閉じられました。',
  },
  'languageFixes.reply.430': {
    en: 'The user name or password is wrong.',
    de: 'Benutzername oder Passwort ist falsch.',
    ja: 'ユーザー名またはパスワードが間違っています。',
  },
  'languageFixes.reply.450': {
    en: 'The file is busy or not available right now; try again later.',
    de: 'Die Datei ist belegt oder gerade nicht verfügbar; versuchen Sie es später erneut.',
    ja: 'ファイルが使用中か、現在利用できません。後でもう一度お試しください。',
  },
  'languageFixes.reply.451': {
    en: 'The server hit a local error (often a full disk or a quota); try again later.',
    de: 'Auf dem Server ist ein lokaler Fehler aufgetreten (oft ein volles Laufwerk oder ein Kontingent); versuchen Sie es später erneut.',
    ja: 'サーバー側でローカルエラーが発生しました (多くはディスクの空き不足かクォータ)。後でもう一度お試しください。',
  },
  'languageFixes.reply.452': {
    en: 'The server has no room left for this file (disk full or quota).',
    de: 'Auf dem Server ist kein Platz mehr für diese Datei (Laufwerk voll oder Kontingent erreicht).',
    ja: 'サーバーにこのファイルを置く空きがありません (ディスクがいっぱいかクォータ超過)。',
  },
  'languageFixes.reply.500': {
    en: 'The server did not understand the command.',
    de: 'Der Server hat den Befehl nicht verstanden.',
    ja: 'サーバーがコマンドを理解できませんでした。',
  },
  'languageFixes.reply.501': {
    en: 'The server did not accept the command’s arguments (a name or path it cannot use).',
    de: 'Der Server hat die Argumente des Befehls nicht angenommen (ein Name oder Pfad, den er nicht verwenden kann).',
    ja: 'サーバーがコマンドの引数を受け付けませんでした (使用できない名前またはパス)。',
  },
  'languageFixes.reply.502': {
    en: 'The server does not support this command.',
    de: 'Der Server unterstützt diesen Befehl nicht.',
    ja: 'サーバーはこのコマンドに対応していません。',
  },
  'languageFixes.reply.503': {
    en: 'The commands came in an order the server did not expect.',
    de: 'Die Befehle kamen in einer Reihenfolge, die der Server nicht erwartet hat.',
    ja: 'サーバーが想定していない順序でコマンドが送られました。',
  },
  'languageFixes.reply.504': {
    en: 'The server does not support this option of the command.',
    de: 'Der Server unterstützt diese Option des Befehls nicht.',
    ja: 'サーバーはこのコマンドのこのオプションに対応していません。',
  },
  'languageFixes.reply.521': {
    en: 'The server does not allow encrypted data connections at this protection level.',
    de: 'Der Server erlaubt verschlüsselte Datenverbindungen auf dieser Schutzstufe nicht.',
    ja: 'サーバーはこの保護レベルでの暗号化されたデータ接続を許可していません。',
  },
  'languageFixes.reply.522': {
    en: 'The server does not support the network protocol asked for (IPv4/IPv6).',
    de: 'Der Server unterstützt das angefragte Netzwerkprotokoll nicht (IPv4/IPv6).',
    ja: 'サーバーは要求されたネットワークプロトコル (IPv4/IPv6) に対応していません。',
  },
  'languageFixes.reply.530': {
    en: 'Not logged in: the user name or password is wrong, or this user may not log in (TLS may be required).',
    de: 'Nicht angemeldet: Benutzername oder Passwort ist falsch, oder dieser Benutzer darf sich nicht anmelden (womöglich ist TLS erforderlich).',
    ja: 'ログインしていません: ユーザー名またはパスワードが間違っているか、このユーザーはログインできません (TLS が必要な場合があります)。',
  },
  'languageFixes.reply.532': {
    en: 'The server needs an account (ACCT) to store files.',
    de: 'Der Server benötigt ein Konto (ACCT), um Dateien zu speichern.',
    ja: 'ファイルを保存するには、サーバーのアカウント (ACCT) が必要です。',
  },
  'languageFixes.reply.533': {
    en: 'The server requires a higher protection level for this command (encrypted data).',
    de: 'Der Server verlangt für diesen Befehl eine höhere Schutzstufe (verschlüsselte Daten).',
    ja: 'サーバーはこのコマンドにより高い保護レベル (データの暗号化) を求めています。',
  },
  'languageFixes.reply.534': {
    en: 'The server refused the security settings (TLS) asked for.',
    de: 'Der Server hat die angefragten Sicherheitseinstellungen (TLS) abgelehnt.',
    ja: 'サーバーが要求されたセキュリティ設定 (TLS) を拒否しました。',
  },
  'languageFixes.reply.550': {
    en: 'The file or folder does not exist, or you have no permission for it.',
    de: 'Die Datei oder das Verzeichnis existiert nicht, oder Sie haben keine Berechtigung dafür.',
    ja: 'ファイルまたはディレクトリが存在しないか、アクセスするパーミッションがありません。',
  },
  'languageFixes.reply.551': {
    en: 'The requested page type is unknown to the server.',
    de: 'Der angefragte Seitentyp ist dem Server unbekannt.',
    ja: '要求されたページ形式をサーバーが認識できません。',
  },
  'languageFixes.reply.552': {
    en: 'The file exceeds your storage allowance (quota) on the server.',
    de: 'Die Datei überschreitet Ihr Speicherkontingent auf dem Server.',
    ja: 'ファイルがサーバー上の保存容量 (クォータ) を超えています。',
  },
  'languageFixes.reply.553': {
    en: 'The file name is not allowed, or you have no permission to write there.',
    de: 'Der Dateiname ist nicht erlaubt, oder Sie haben dort keine Schreibberechtigung.',
    ja: 'ファイル名が許可されていないか、そこに書き込むパーミッションがありません。',
  },
});
