/**
 * The `wharf` command line's `--help` texts (descriptions only: main/cli/help-table.ts lays out the columns and
 * keeps commands, options and placeholders as typed; "\n" breaks a description onto its next line), and the
 * words of `site import|export` and of the certificate prompt.
 */
import { defineMessages } from '../define';

export const cliUsageMessages = defineMessages({
  'cliUsage.usage': { en: 'Usage: {synopsis}', de: 'Aufruf: {synopsis}', ja: '使い方: {synopsis}' },
  'cliUsage.commands': { en: 'Commands:', de: 'Befehle:', ja: 'コマンド:' },
  'cliUsage.options': { en: 'Options:', de: 'Optionen:', ja: 'オプション:' },
  'cliUsage.urls': { en: 'URLs:', de: 'URLs:', ja: 'URL:' },
  'cliUsage.exitCodes': { en: 'Exit codes:', de: 'Exit-Codes:', ja: '終了コード:' },
  'cliUsage.asForOthers': { en: 'as for other commands', de: 'wie bei den anderen Befehlen', ja: '他のコマンドと同じ' },

  // wharf --help: commands
  'cliUsage.ls': { en: 'list a remote folder', de: 'ein Verzeichnis auf dem Server auflisten', ja: 'サーバーのディレクトリを一覧表示' },
  'cliUsage.get': { en: 'download a file (or a folder with -r)', de: 'eine Datei herunterladen (mit -r ein Verzeichnis)', ja: 'ファイルをダウンロード (-r でディレクトリごと)' },
  'cliUsage.put': { en: 'upload a file (or a folder with -r)', de: 'eine Datei hochladen (mit -r ein Verzeichnis)', ja: 'ファイルをアップロード (-r でディレクトリごと)' },
  'cliUsage.rm': { en: 'delete a remote file (or a folder with -r)', de: 'eine Datei auf dem Server löschen (mit -r ein Verzeichnis)', ja: 'サーバーのファイルを削除 (-r でディレクトリごと)' },
  'cliUsage.mkdir': { en: 'create a remote folder (and its parents with -p)', de: 'ein Verzeichnis auf dem Server anlegen (mit -p auch die übergeordneten)', ja: 'サーバーにディレクトリを作成 (-p で親ディレクトリも)' },
  'cliUsage.info': { en: 'connect and print the security report', de: 'verbinden und den Sicherheitsbericht ausgeben', ja: '接続してセキュリティレポートを表示' },
  'cliUsage.doctor': {
    en: 'test a connection step by step; explain what fails and how to fix it',
    de: 'eine Verbindung Schritt für Schritt testen; erklären, was fehlschlägt\nund wie man es behebt',
    ja: '接続を段階ごとにテストし、失敗した箇所と直し方を説明',
  },
  'cliUsage.sync': {
    en: 'compare and synchronise a folder pair (nothing is deleted without --delete)',
    de: 'ein Verzeichnispaar vergleichen und synchronisieren\n(ohne --delete wird nichts gelöscht)',
    ja: 'ディレクトリの組を比較して同期 (--delete なしでは何も削除しません)',
  },
  'cliUsage.siteLs': { en: "list saved sites (the app's site manager)", de: 'gespeicherte Server auflisten (der Servermanager der App)', ja: '保存済みのサイトを一覧表示 (アプリのサイトマネージャー)' },
  'cliUsage.siteShow': { en: "one site's settings", de: 'die Einstellungen eines Servers', ja: 'サイトの設定を表示' },
  'cliUsage.siteAdd': {
    en: "save a site; its password (WHARF_PASSWORD or a prompt) goes to the keychain;\n--folder is the site manager's folder the site is filed in (A/B for nested\nones), not a remote folder: the remote folder is the URL's path",
    de: 'einen Server speichern; sein Passwort (WHARF_PASSWORD oder eine Abfrage)\nkommt in den Schlüsselbund; --folder ist der Ordner im Servermanager, in dem\nder Server abgelegt wird (A/B für verschachtelte), kein Verzeichnis auf dem\nServer: das ist der Pfad der URL',
    ja: 'サイトを保存。パスワード (WHARF_PASSWORD またはプロンプト) はキーチェーンへ。\n--folder はサイトマネージャー内でサイトを置くフォルダー (入れ子は A/B) で、\nサーバーのディレクトリではありません。サーバーのディレクトリは URL のパスです',
  },
  'cliUsage.siteEdit': {
    en: 'a new host, port, user or protocol forgets the saved password\n(typed for the old server) unless --keep-password or a new WHARF_PASSWORD',
    de: 'ein neuer Server, Port, Benutzer oder ein neues Protokoll vergisst das\ngespeicherte Passwort (für den alten Server eingegeben), außer mit\n--keep-password oder einem neuen WHARF_PASSWORD',
    ja: 'ホスト、ポート、ユーザー、プロトコルを変えると保存済みのパスワード\n(以前のサーバー用) を忘れます。--keep-password か新しい WHARF_PASSWORD で保持',
  },
  'cliUsage.siteRm': { en: 'delete a site and its saved password', de: 'einen Server und sein gespeichertes Passwort löschen', ja: 'サイトと保存済みのパスワードを削除' },
  'cliUsage.siteCerts': {
    en: 'list pinned certificates;  site uncert HOST:PORT  forgets one',
    de: 'angeheftete Zertifikate auflisten;  site uncert HOST:PORT  vergisst eines',
    ja: '固定した証明書を一覧表示。 site uncert HOST:PORT  で 1 つ削除',
  },
  'cliUsage.siteImport': {
    en: 'import sites from FileZilla (sitemanager.xml), WinSCP (WinSCP.ini),\nCyberduck (.duck, or a folder of them) or a Wharf export; the format is\ntold from the content; passwords found go to the keychain',
    de: 'Server aus FileZilla (sitemanager.xml), WinSCP (WinSCP.ini), Cyberduck (.duck oder\nein Ordner davon) oder einem Wharf-Export importieren; das Format wird am Inhalt\nerkannt; gefundene Passwörter kommen in den Schlüsselbund',
    ja: 'FileZilla (sitemanager.xml)、WinSCP (WinSCP.ini)、Cyberduck (.duck または\nそのフォルダー)、Wharf のエクスポートからサイトをインポート。形式は内容から\n判別し、見つかったパスワードはキーチェーンへ',
  },
  'cliUsage.siteExport': {
    en: "write all sites without passwords: FileZilla's sitemanager.xml (read by\nFileZilla and WinSCP) unless FILE ends in .json",
    de: 'alle Server ohne Passwörter schreiben: als sitemanager.xml von FileZilla (liest\nFileZilla und WinSCP), außer FILE endet auf .json',
    ja: 'すべてのサイトをパスワードなしで書き出し: FILE が .json で終わらなければ\nFileZilla の sitemanager.xml (FileZilla と WinSCP で読めます)',
  },

  // wharf --help: URLs
  'cliUsage.url.explicit': { en: 'explicit FTPS (AUTH TLS), the standard', de: 'explizites FTPS (AUTH TLS), der Standard', ja: '明示的な FTPS (AUTH TLS)、標準' },
  'cliUsage.url.implicit': { en: 'implicit FTPS (legacy)', de: 'implizites FTPS (veraltet)', ja: '暗黙的な FTPS (旧式)' },
  'cliUsage.url.plain': { en: 'plain FTP, refused unless --allow-plain', de: 'einfaches FTP, nur mit --allow-plain', ja: '平文の FTP、--allow-plain なしでは拒否' },
  'cliUsage.url.site': {
    en: 'a saved site (its password from the keychain); a site in a\nfolder: site:Folder%2FName/path',
    de: 'ein gespeicherter Server (sein Passwort aus dem Schlüsselbund); ein Server\nin einem Ordner: site:Folder%2FName/path',
    ja: '保存済みのサイト (パスワードはキーチェーンから)。フォルダー内の\nサイト: site:Folder%2FName/path',
  },
  'cliUsage.url.paths': {
    en: "The path of a URL is absolute, from the server's root, as in FileZilla and WinSCP; %-escapes are\ndecoded (%20 is a space, %2F a / inside a name's folder path). An IPv6 host goes in brackets:\nftpes://alice@[::1]:2121/. A site: path is decoded the same way but is read below the site's\nremote folder: site:box/a.txt is <site folder>/a.txt; site:box//a.txt (or site:box/%2Fa.txt)\nis /a.txt; site:box alone is the site's folder.",
    de: 'Der Pfad einer URL ist absolut, ab dem Wurzelverzeichnis des Servers, wie in FileZilla und WinSCP;\n%-Escapes werden dekodiert (%20 ist ein Leerzeichen, %2F ein / im Ordnerpfad eines Namens). Ein\nIPv6-Server steht in eckigen Klammern: ftpes://alice@[::1]:2121/. Ein site:-Pfad wird ebenso\ndekodiert, aber unterhalb des Verzeichnisses des Servers gelesen: site:box/a.txt ist\n<Serververzeichnis>/a.txt; site:box//a.txt (oder site:box/%2Fa.txt) ist /a.txt; site:box allein ist\ndas Verzeichnis des Servers.',
    ja: 'URL のパスは FileZilla や WinSCP と同じくサーバーのルートからの絶対パスです。%\nエスケープはデコードされます (%20 は空白、%2F は名前のフォルダーパス内の /)。\nIPv6 のホストは角かっこで囲みます: ftpes://alice@[::1]:2121/。site: のパスも同じく\nデコードされますが、サイトのディレクトリの下として読まれます: site:box/a.txt は\n<サイトのディレクトリ>/a.txt、site:box//a.txt (または site:box/%2Fa.txt) は /a.txt、\nsite:box だけならサイトのディレクトリです。',
  },

  // wharf --help: options
  'cliUsage.ca': { en: 'also trust this CA certificate (PEM)', de: 'auch diesem CA-Zertifikat vertrauen (PEM)', ja: 'この CA 証明書も信頼する (PEM)' },
  'cliUsage.fingerprintPin': { en: 'trust exactly this certificate (pin)', de: 'genau diesem Zertifikat vertrauen (anheften)', ja: 'この証明書だけを信頼する (固定)' },
  'cliUsage.insecure': { en: 'accept any certificate (dangerous; warns loudly)', de: 'jedes Zertifikat annehmen (gefährlich; warnt deutlich)', ja: 'どの証明書も受け入れる (危険。はっきり警告します)' },
  'cliUsage.allowPlain': { en: 'allow plain, unencrypted FTP', de: 'einfaches, unverschlüsseltes FTP erlauben', ja: '暗号化されない平文の FTP を許可' },
  'cliUsage.cert': {
    en: "client certificate (mutual TLS): PEM, or PKCS#12 (.p12/.pfx); its key's\npassphrase from WHARF_CERT_PASSPHRASE, the keychain (saved site) or a prompt",
    de: 'Client-Zertifikat (gegenseitiges TLS): PEM oder PKCS#12 (.p12/.pfx); die Passphrase\nseines Schlüssels aus WHARF_CERT_PASSPHRASE, dem Schlüsselbund (gespeicherter Server)\noder einer Abfrage',
    ja: 'クライアント証明書 (相互 TLS): PEM または PKCS#12 (.p12/.pfx)。鍵のパスフレーズは\nWHARF_CERT_PASSPHRASE、キーチェーン (保存済みのサイト)、またはプロンプトから',
  },
  'cliUsage.key': {
    en: 'the PEM private key of --cert, when it is a separate file',
    de: 'der private PEM-Schlüssel zu --cert, wenn er in einer eigenen Datei liegt',
    ja: '--cert の PEM 秘密鍵 (別ファイルの場合)',
  },
  'cliUsage.proxy': {
    en: "socks5://[user@]host:port or http://[user@]host:port (password from\nWHARF_PROXY_PASSWORD), none, or system (ALL_PROXY / HTTPS_PROXY); default:\nthe site's or the app's proxy setting, which follows the environment",
    de: 'socks5://[user@]host:port oder http://[user@]host:port (Passwort aus\nWHARF_PROXY_PASSWORD), none oder system (ALL_PROXY / HTTPS_PROXY); Standard: die\nProxy-Einstellung des Servers oder der App, die der Umgebung folgt',
    ja: 'socks5://[user@]host:port または http://[user@]host:port (パスワードは\nWHARF_PROXY_PASSWORD から)、none、system (ALL_PROXY / HTTPS_PROXY)。既定は\nサイトまたはアプリのプロキシ設定 (環境変数に従います)',
  },
  'cliUsage.active': {
    en: 'active mode (EPRT/PORT) instead of passive (refused behind a proxy)',
    de: 'Aktiver Modus (EPRT/PORT) statt Passiv (hinter einem Proxy abgelehnt)',
    ja: 'パッシブではなくアクティブ モード (EPRT/PORT) (プロキシ経由では拒否)',
  },
  'cliUsage.allowClearData': {
    en: 'go on when the server refuses to encrypt data connections (PROT P):\nlistings and files then travel unencrypted (refused by default)',
    de: 'weitermachen, wenn der Server die Verschlüsselung der Datenverbindungen\nablehnt (PROT P): Verzeichnislisten und Dateien gehen dann unverschlüsselt\n(standardmäßig abgelehnt)',
    ja: 'サーバーがデータ接続の暗号化 (PROT P) を拒んでも続行: 一覧とファイルは\n暗号化されずに送られます (既定では拒否)',
  },
  'cliUsage.parallel': {
    en: 'connections for -r transfers (default 2, at most 10)',
    de: 'Verbindungen für Übertragungen mit -r (Standard 2, höchstens 10)',
    ja: '-r の転送に使う接続数 (既定 2、最大 10)',
  },
  'cliUsage.segments': {
    en: 'get of one file: fetch it in N ranges over N connections at once (REST),\nfor long links one connection cannot fill (default 1: off; at most 10);\nwith --resume an interrupted run continues range by range;\nsite add|edit: the most ranges the app\'s queue fetches a big download in\n(default 4), --no-segments: one stream per file (servers that forbid several)',
    de: 'get einer Datei: in N Abschnitten über N Verbindungen gleichzeitig holen (REST),\nfür lange Leitungen, die eine Verbindung nicht füllt (Standard 1: aus; höchstens 10);\nmit --resume setzt ein abgebrochener Lauf Abschnitt für Abschnitt fort;\nsite add|edit: höchstens so viele Abschnitte lädt die Warteschlange der App für einen\ngroßen Download (Standard 4), --no-segments: ein Datenstrom je Datei (für Server,\ndie mehrere verbieten)',
    ja: '1 ファイルの get: N 個の範囲に分け N 本の接続で同時に取得 (REST)。\n1 本の接続では帯域を使い切れない長い回線向け (既定 1: オフ、最大 10)。\n--resume で中断した実行を範囲ごとに再開。\nsite add|edit: アプリの転送キューが大きなダウンロードを分ける最大の範囲数\n(既定 4)。--no-segments: 1 ファイル 1 ストリーム (複数接続を禁じるサーバー用)',
  },
  'cliUsage.overwrite': {
    en: 'when the target exists: overwrite (default), newer, size-differs,\nresume, rename, skip, or ask (on a terminal)',
    de: 'wenn das Ziel existiert: overwrite (Standard), newer, size-differs,\nresume, rename, skip oder ask (im Terminal)',
    ja: '転送先が存在するとき: overwrite (既定)、newer、size-differs、\nresume、rename、skip、ask (端末上)',
  },
  'cliUsage.resume': {
    en: 'same as --overwrite resume: continue partial downloads / uploads',
    de: 'wie --overwrite resume: unvollständige Downloads / Uploads fortsetzen',
    ja: '--overwrite resume と同じ: 途中までのダウンロード / アップロードを再開',
  },
  'cliUsage.inPlace': {
    en: 'put: upload straight to the final name (for servers that refuse renames);\nby default uploads go to NAME.wharf-part and are renamed once verified,\nor as a saved site\'s "Upload via a temporary name" says',
    de: 'put: direkt unter den endgültigen Namen hochladen (für Server, die\nUmbenennen ablehnen); standardmäßig gehen Uploads nach NAME.wharf-part und\nwerden nach der Prüfung umbenannt, oder wie es „Über einen temporären Namen\nhochladen“ eines gespeicherten Servers sagt',
    ja: 'put: 最終的な名前へ直接アップロード (名前の変更を拒むサーバー用)。\n既定では NAME.wharf-part へアップロードし、検証後に名前を変更します。\n保存済みのサイトでは「一時的な名前でアップロード」の設定に従います',
  },
  'cliUsage.noKeepTimes': {
    en: 'put: leave uploaded files with the server\'s time (no MFMT / SITE UTIME);\n--keep-times keeps the local ones; default a saved site\'s "Keep modification\ntimes", else keep',
    de: 'put: hochgeladenen Dateien die Zeit des Servers lassen (kein MFMT / SITE\nUTIME); --keep-times behält die lokalen; Standard: „Änderungszeiten beim\nHochladen beibehalten“ eines gespeicherten Servers, sonst beibehalten',
    ja: 'put: アップロードしたファイルの日時をサーバーの時刻のままにする\n(MFMT / SITE UTIME なし)。--keep-times はローカルの日時を保持。既定は\n保存済みのサイトの「アップロード時に更新日時を保持」、それ以外は保持',
  },
  'cliUsage.recursive': { en: 'folders too', de: 'auch Verzeichnisse', ja: 'ディレクトリも対象にする' },
  'cliUsage.maxItems': {
    en: '{commands}: stop past N files and folders (default {max}), changing nothing',
    de: '{commands}: nach N Dateien und Verzeichnissen anhalten (Standard {max}),\nohne etwas zu ändern',
    ja: '{commands}: ファイルとディレクトリが N 個を超えたら\n何も変更せずに中止 (既定 {max})',
  },
  'cliUsage.maxDepth': {
    en: '{commands}: stop past N folder levels (default {max}), changing nothing',
    de: '{commands}: nach N Verzeichnisebenen anhalten (Standard {max}),\nohne etwas zu ändern',
    ja: '{commands}: ディレクトリの階層が N を超えたら\n何も変更せずに中止 (既定 {max})',
  },
  'cliUsage.parents': { en: 'mkdir: create missing parents', de: 'mkdir: fehlende übergeordnete Verzeichnisse anlegen', ja: 'mkdir: 存在しない親ディレクトリも作成' },
  'cliUsage.quiet': { en: 'no progress bar', de: 'keine Fortschrittsanzeige', ja: '進捗バーを表示しない' },
  'cliUsage.timeout': { en: 'default {seconds}', de: 'Standard {seconds}', ja: '既定 {seconds}' },
  'cliUsage.charset': {
    en: "the server's charset for names (windows-1251, shift_jis, latin1, ...);\ndefault UTF-8, or a saved site's. A name it cannot write exits 7",
    de: 'der Zeichensatz des Servers für Namen (windows-1251, shift_jis, latin1, ...);\nStandard UTF-8 oder der eines gespeicherten Servers. Ein Name, den er nicht schreiben\nkann, endet mit Exit-Code 7',
    ja: '名前に使うサーバーの文字セット (windows-1251、shift_jis、latin1 など)。\n既定は UTF-8 または保存済みのサイトの設定。表せない名前は終了コード 7',
  },
  'cliUsage.timezoneOffset': {
    en: "minutes the server's LIST times are ahead of UTC (e.g. 540 for Tokyo; write\n--timezone-offset=-300 for negative ones); default 0, or a saved site's",
    de: 'Minuten, die die LIST-Zeiten des Servers UTC voraus sind (z. B. 540 für\nTokio; negative als --timezone-offset=-300 schreiben); Standard 0 oder der\nWert eines gespeicherten Servers',
    ja: 'サーバーの LIST の時刻が UTC より進んでいる分数 (例: 東京は 540。負の値は\n--timezone-offset=-300 のように書きます)。既定は 0 または保存済みのサイトの設定',
  },
  'cliUsage.version': { en: "print wharf's version", de: 'die Version von wharf ausgeben', ja: 'wharf のバージョンを表示' },
  'cliUsage.password': {
    en: 'Password: the keychain for a saved site, else WHARF_PASSWORD, else a prompt on a terminal.',
    de: 'Passwort: aus dem Schlüsselbund (gespeicherter Server), sonst WHARF_PASSWORD, sonst eine Abfrage im Terminal.',
    ja: 'パスワード: 保存済みのサイトはキーチェーンから、それ以外は WHARF_PASSWORD、それもなければ端末でのプロンプト。',
  },
  'cliUsage.exitCodeList': {
    en: '0 ok, 2 usage, 3 login refused, 4 certificate/TLS, 5 network, 6 server reply,\n7 local files, 8 verification, 9 stopped at --max-items or --max-depth (nothing changed),\n10 sync left conflicts undone, 130 cancelled, 1 anything else.',
    de: '0 ok, 2 Aufruf, 3 Anmeldung abgelehnt, 4 Zertifikat/TLS, 5 Netzwerk, 6 Serverantwort,\n7 lokale Dateien, 8 Prüfung, 9 bei --max-items oder --max-depth angehalten (nichts geändert),\n10 Synchronisierung mit offenen Konflikten, 130 abgebrochen, 1 alles andere.',
    ja: '0 成功、2 使い方の誤り、3 ログイン拒否、4 証明書/TLS、5 ネットワーク、6 サーバーの応答、\n7 ローカルのファイル、8 検証、9 --max-items か --max-depth で中止 (変更なし)、\n10 同期で未解決の競合あり、130 キャンセル、1 その他。',
  },

  // wharf doctor --help
  'cliUsage.doctor.intro': {
    en: 'Tests a connection step by step (name, proxy, TCP, greeting, TLS, certificate, client certificate, login, PBSZ/PROT, EPSV, PASV,\nlisting, TLS session reuse, TLS 1.3 and 1.2) and explains what fails and how to fix it.',
    de: 'Testet eine Verbindung Schritt für Schritt (Name, Proxy, TCP, Begrüßung, TLS, Zertifikat, Client-Zertifikat,\nAnmeldung, PBSZ/PROT, EPSV, PASV, Verzeichnisliste, Wiederaufnahme der TLS-Sitzung, TLS 1.3 und 1.2)\nund erklärt, was fehlschlägt und wie man es behebt.',
    ja: '接続を段階ごとにテストし (名前解決、プロキシ、TCP、あいさつ、TLS、証明書、クライアント証明書、ログイン、\nPBSZ/PROT、EPSV、PASV、一覧、TLS セッションの再利用、TLS 1.3 と 1.2)、失敗した箇所と直し方を説明します。',
  },
  'cliUsage.doctor.fingerprint': { en: 'trust exactly this certificate', de: 'genau diesem Zertifikat vertrauen', ja: 'この証明書だけを信頼する' },
  'cliUsage.doctor.insecure': { en: 'accept any certificate (reported as a warning)', de: 'jedes Zertifikat annehmen (als Warnung gemeldet)', ja: 'どの証明書も受け入れる (警告として報告)' },
  'cliUsage.doctor.allowPlain': { en: 'allow testing plain, unencrypted FTP', de: 'das Testen von einfachem, unverschlüsseltem FTP erlauben', ja: '暗号化されない平文の FTP のテストを許可' },
  'cliUsage.doctor.charset': {
    en: "the server's charset for names (as for other commands)",
    de: 'der Zeichensatz des Servers für Namen (wie bei den anderen Befehlen)',
    ja: '名前に使うサーバーの文字セット (他のコマンドと同じ)',
  },
  'cliUsage.doctor.timeout': { en: 'per network step, default {seconds}', de: 'je Netzwerkschritt, Standard {seconds}', ja: 'ネットワークの段階ごと、既定 {seconds}' },
  'cliUsage.doctor.greetingTimeout': {
    en: 'silence before checking for implicit FTPS, default {seconds}',
    de: 'Stille, bevor auf implizites FTPS geprüft wird, Standard {seconds}',
    ja: '暗黙的な FTPS を確かめるまでの無応答時間、既定 {seconds}',
  },
  'cliUsage.doctor.json': { en: 'print the report as JSON', de: 'den Bericht als JSON ausgeben', ja: 'レポートを JSON で表示' },
  'cliUsage.doctor.exitCodeList': {
    en: '0 works (maybe with warnings), 3 login refused, 4 certificate/TLS or wrong FTPS mode,\n5 network/firewall/limits, 6 server replies, 2 usage, 1 anything else.',
    de: '0 funktioniert (evtl. mit Warnungen), 3 Anmeldung abgelehnt, 4 Zertifikat/TLS oder falscher\nFTPS-Modus, 5 Netzwerk/Firewall/Limits, 6 Serverantworten, 2 Aufruf, 1 alles andere.',
    ja: '0 動作 (警告付きの場合あり)、3 ログイン拒否、4 証明書/TLS または FTPS モードの誤り、\n5 ネットワーク/ファイアウォール/制限、6 サーバーの応答、2 使い方の誤り、1 その他。',
  },

  // wharf sync --help
  'cliUsage.sync.intro': {
    en: 'Compares a local folder with a remote one and makes them match: up (this computer -> server),\ndown (server -> this computer) or mirror (both ways, the newer copy wins). Every file is verified.',
    de: 'Vergleicht ein lokales Verzeichnis mit einem auf dem Server und gleicht sie an: up (dieser Computer -> Server),\ndown (Server -> dieser Computer) oder mirror (in beide Richtungen, die neuere Kopie gewinnt). Jede Datei wird\ngeprüft.',
    ja: 'ローカルのディレクトリをサーバーのディレクトリと比較して一致させます: up (このコンピューター -> サーバー)、\ndown (サーバー -> このコンピューター)、mirror (双方向、新しいほうが優先)。すべてのファイルを検証します。',
  },
  'cliUsage.sync.delete': {
    en: 'also delete: up/down what the other side does not have; mirror what was\ndeleted on one side since the last sync. Nothing is deleted without it.',
    de: 'auch löschen: bei up/down, was die andere Seite nicht hat; bei mirror, was\nseit der letzten Synchronisation auf einer Seite gelöscht wurde. Ohne diese\nOption wird nichts gelöscht.',
    ja: '削除も行う: up/down では相手側にないもの、mirror では前回の同期以降に\n片側で削除されたもの。このオプションなしでは何も削除しません。',
  },
  'cliUsage.sync.dryRun': {
    en: 'print the plan; change nothing. Ends as the run would:\n10 when it would leave conflicts undone',
    de: 'den Plan ausgeben; nichts ändern. Endet wie der echte Lauf:\n10, wenn er Konflikte offen ließe',
    ja: '計画を表示するだけで何も変更しない。終了コードは実行時と同じ:\n競合が残るなら 10',
  },
  'cliUsage.sync.overwriteNewer': {
    en: 'also overwrite copies that are newer than the ones replacing them',
    de: 'auch Kopien überschreiben, die neuer sind als die, die sie ersetzen',
    ja: '置き換えるものより新しいコピーも上書きする',
  },
  'cliUsage.sync.timezoneOffset': {
    en: "minutes the server's clock is ahead of UTC (LIST times); default the site's or 0",
    de: 'Minuten, die die Uhr des Servers UTC voraus ist (LIST-Zeiten);\nStandard: der Wert des Servers oder 0',
    ja: 'サーバーの時計が UTC より進んでいる分数 (LIST の時刻)。既定はサイトの設定または 0',
  },
  'cliUsage.sync.noHash': {
    en: 'compare by size and time only, even where the server offers HASH',
    de: 'nur nach Größe und Zeit vergleichen, auch wenn der Server HASH anbietet',
    ja: 'サーバーが HASH に対応していてもサイズと日時だけで比較',
  },
  'cliUsage.sync.sizeOnly': {
    en: 'compare sizes only (times ignored): for servers that cannot keep times',
    de: 'nur Größen vergleichen (Zeiten ignoriert): für Server, die keine Zeiten\nbehalten können',
    ja: 'サイズだけで比較 (日時は無視): 日時を保持できないサーバー用',
  },
  'cliUsage.sync.parallel': { en: 'transfers at once, default 2 (1-10)', de: 'gleichzeitige Übertragungen, Standard 2 (1-10)', ja: '同時に行う転送の数、既定 2 (1-10)' },
  'cliUsage.sync.inPlace': {
    en: 'upload straight to the final names (for servers that refuse renames); by\ndefault uploads go to NAME.wharf-part and are renamed once verified',
    de: 'direkt unter die endgültigen Namen hochladen (für Server, die Umbenennen ablehnen);\nstandardmäßig gehen Uploads nach NAME.wharf-part und werden nach der Prüfung umbenannt',
    ja: '最終的な名前へ直接アップロード (名前の変更を拒むサーバー用)。既定では\nNAME.wharf-part へアップロードし、検証後に名前を変更します',
  },
  'cliUsage.sync.noKeepTimes': {
    en: "leave uploaded files with the server's time (no MFMT / SITE UTIME); --keep-times\nkeeps the local modification times; default the site's setting, else keep",
    de: 'hochgeladenen Dateien die Zeit des Servers lassen (kein MFMT / SITE UTIME);\n--keep-times behält die lokalen Änderungszeiten; Standard: die Einstellung\ndes Servers, sonst beibehalten',
    ja: 'アップロードしたファイルの日時をサーバーの時刻のままにする\n(MFMT / SITE UTIME なし)。--keep-times はローカルの更新日時を保持。\n既定はサイトの設定、それ以外は保持',
  },
  'cliUsage.sync.json': { en: 'print the plan and the result as JSON', de: 'Plan und Ergebnis als JSON ausgeben', ja: '計画と結果を JSON で表示' },
  'cliUsage.sync.maxItems': {
    en: 'the remote walk: stop past N files and folders (default {max}), changing nothing',
    de: 'Durchlauf auf dem Server: nach N Dateien und Verzeichnissen anhalten\n(Standard {max}), ohne etwas zu ändern',
    ja: 'サーバー側の走査: ファイルとディレクトリが N 個を超えたら\n何も変更せずに中止 (既定 {max})',
  },
  'cliUsage.sync.maxDepth': {
    en: 'the remote walk: stop past N folder levels (default {max}), changing nothing',
    de: 'Durchlauf auf dem Server: nach N Verzeichnisebenen anhalten\n(Standard {max}), ohne etwas zu ändern',
    ja: 'サーバー側の走査: ディレクトリの階層が N を超えたら\n何も変更せずに中止 (既定 {max})',
  },

  // wharf site import|export --help
  'cliUsage.siteFile.dryRun': {
    en: 'import: show what would be imported; save nothing',
    de: 'import: zeigen, was importiert würde; nichts speichern',
    ja: 'import: インポートされる内容を表示するだけで何も保存しない',
  },
  'cliUsage.siteFile.into': {
    en: "import: file the sites in this site manager folder (A/B for nested ones)",
    de: 'import: die Server in diesem Ordner des Servermanagers ablegen\n(A/B für verschachtelte)',
    ja: 'import: サイトをサイトマネージャーのこのフォルダーに置く (入れ子は A/B)',
  },
  'cliUsage.siteFile.noPasswords': {
    en: 'import: do not save the passwords found',
    de: 'import: gefundene Passwörter nicht speichern',
    ja: 'import: 見つかったパスワードを保存しない',
  },
  'cliUsage.siteFile.format': {
    en: 'export: the format, by default told from FILE (.json: wharf-json)',
    de: 'export: das Format, standardmäßig an FILE erkannt (.json: wharf-json)',
    ja: 'export: 形式。既定は FILE から判断 (.json なら wharf-json)',
  },
  'cliUsage.siteFile.force': { en: 'export: replace FILE when it exists', de: 'export: FILE ersetzen, wenn sie existiert', ja: 'export: FILE が存在するとき置き換える' },

  // site import|export (main/cli/commands/site-file.ts)
  'cliUsage.source.filezilla': { en: 'FileZilla site list', de: 'FileZilla-Serverliste', ja: 'FileZilla のサイト一覧' },
  'cliUsage.source.winscp': { en: 'WinSCP configuration', de: 'WinSCP-Konfiguration', ja: 'WinSCP の設定' },
  'cliUsage.source.cyberduck': { en: 'Cyberduck bookmarks', de: 'Cyberduck-Lesezeichen', ja: 'Cyberduck のブックマーク' },
  'cliUsage.source.wharf': { en: 'Wharf export', de: 'Wharf-Export', ja: 'Wharf のエクスポート' },
  'cliUsage.import.found': {
    en: '{source}: {sites, plural, one {# site} other {# sites}} in {folders, plural, one {# folder} other {# folders}}, {passwords, plural, one {# readable password} other {# readable passwords}}',
    de: '{source}: {sites, plural, one {# Server} other {# Server}} in {folders, plural, one {# Ordner} other {# Ordnern}}, {passwords, plural, one {# lesbares Passwort} other {# lesbare Passwörter}}',
    ja: '{source}: {folders, plural, other {# 個のフォルダー}}に{sites, plural, other {# 件のサイト}}、{passwords, plural, other {読み取れるパスワード # 件}}',
  },
  'cliUsage.import.sites': { en: 'Sites:', de: 'Server:', ja: 'サイト:' },
  'cliUsage.import.passwordFound': { en: 'password found', de: 'Passwort gefunden', ja: 'パスワードあり' },
  'cliUsage.import.asksPassword': { en: 'asks for the password', de: 'fragt nach dem Passwort', ja: 'パスワードを尋ねる' },
  'cliUsage.import.noPassword': { en: 'no password saved', de: 'kein Passwort gespeichert', ja: 'パスワードの保存なし' },
  'cliUsage.import.cyberduckPasswords': {
    en: 'Cyberduck keeps passwords in the system keychain, not in bookmarks: each site asks for its password when it first connects.',
    de: 'Cyberduck bewahrt Passwörter im Schlüsselbund des Systems auf, nicht in Lesezeichen: Jeder Server fragt beim ersten Verbinden nach seinem Passwort.',
    ja: 'Cyberduck はパスワードをブックマークではなくシステムのキーチェーンに保存します。各サイトは最初の接続時にパスワードを尋ねます。',
  },
  'cliUsage.import.skipped': { en: 'Skipped ({count}):', de: 'Übersprungen ({count}):', ja: 'スキップ ({count}):' },
  'cliUsage.import.notes': { en: 'Notes ({count}):', de: 'Hinweise ({count}):', ja: '注記 ({count}):' },
  'cliUsage.import.takesOne': {
    en: 'wharf site import takes one file or folder: wharf site import FILE',
    de: 'wharf site import erwartet eine Datei oder einen Ordner: wharf site import FILE',
    ja: 'wharf site import にはファイルかフォルダーを 1 つ指定してください: wharf site import FILE',
  },
  'cliUsage.export.takesOne': {
    en: 'wharf site export takes one file: wharf site export FILE',
    de: 'wharf site export erwartet eine Datei: wharf site export FILE',
    ja: 'wharf site export にはファイルを 1 つ指定してください: wharf site export FILE',
  },
  'cliUsage.import.exportOptions': {
    en: '--format and --force are options of wharf site export.',
    de: '--format und --force sind Optionen von wharf site export.',
    ja: '--format と --force は wharf site export のオプションです。',
  },
  'cliUsage.import.dryRun': { en: 'Dry run: nothing was saved.', de: 'Probelauf: Es wurde nichts gespeichert.', ja: '試行のみ: 何も保存していません。' },
  'cliUsage.import.keychainUnavailable': {
    en: 'warning: {reason} The passwords found were not saved: these sites will ask for them on connect.',
    de: 'Warnung: {reason} Die gefundenen Passwörter wurden nicht gespeichert: Diese Server fragen beim Verbinden danach.',
    ja: '警告: {reason} 見つかったパスワードは保存していません。これらのサイトは接続時にパスワードを尋ねます。',
  },
  'cliUsage.import.done': {
    en: 'Imported {sites, plural, one {# site} other {# sites}}{intoFolder, select, no {} other { into {into}}}; {passwords, plural, one {# password} other {# passwords}} moved to the keychain{renamed, plural, =0 {} other {; # renamed to avoid a clash ({renames})}}.',
    de: '{sites, plural, one {# Server} other {# Server}} importiert{intoFolder, select, no {} other { nach {into}}}; {passwords, plural, one {# Passwort} other {# Passwörter}} in den Schlüsselbund verschoben{renamed, plural, =0 {} other {; # umbenannt, um Namensgleichheit zu vermeiden ({renames})}}.',
    ja: '{sites, plural, other {# 件のサイト}}を{intoFolder, select, no {} other {{into} に}}インポートし、{passwords, plural, other {# 件のパスワード}}をキーチェーンへ移しました{renamed, plural, =0 {} other {。名前の重複を避けるため # 件の名前を変更しました ({renames})}}。',
  },
  'cliUsage.import.notImported': {
    en: 'warning: {path} was not imported: {reason}',
    de: 'Warnung: {path} wurde nicht importiert: {reason}',
    ja: '警告: {path} はインポートしませんでした: {reason}',
  },
  'cliUsage.import.deleteOriginal': {
    en: 'Consider deleting the original file: it holds readable passwords.',
    de: 'Löschen Sie am besten die Originaldatei: Sie enthält lesbare Passwörter.',
    ja: '元のファイルの削除を検討してください: 読み取れるパスワードが含まれています。',
  },
  'cliUsage.export.importOptions': {
    en: '--dry-run, --into and --no-passwords are options of wharf site import.',
    de: '--dry-run, --into und --no-passwords sind Optionen von wharf site import.',
    ja: '--dry-run、--into、--no-passwords は wharf site import のオプションです。',
  },
  'cliUsage.export.format': {
    en: '--format takes filezilla or wharf-json.',
    de: '--format erwartet filezilla oder wharf-json.',
    ja: '--format には filezilla か wharf-json を指定してください。',
  },
  'cliUsage.export.exists': {
    en: '{file} exists; pass --force to replace it.',
    de: '{file} existiert; geben Sie --force an, um sie zu ersetzen.',
    ja: '{file} は存在します。置き換えるには --force を指定してください。',
  },
  'cliUsage.export.note': { en: 'note: {path}: {note}', de: 'Hinweis: {path}: {note}', ja: '注記: {path}: {note}' },
  'cliUsage.export.cannotWrite': {
    en: 'Cannot write {file}: {reason}.',
    de: '{file} kann nicht geschrieben werden: {reason}.',
    ja: '{file} に書き込めません: {reason}。',
  },
  'cliUsage.export.done': {
    en: "Exported {sites, plural, one {# site} other {# sites}} to {file} ({format, select, filezilla {FileZilla's sitemanager.xml} other {Wharf JSON}}), without passwords.",
    de: '{sites, plural, one {# Server} other {# Server}} nach {file} exportiert ({format, select, filezilla {sitemanager.xml von FileZilla} other {Wharf-JSON}}), ohne Passwörter.',
    ja: '{sites, plural, other {# 件のサイト}}を {file} ({format, select, filezilla {FileZilla の sitemanager.xml} other {Wharf JSON}}) にパスワードなしでエクスポートしました。',
  },
  'cliUsage.siteFile.unknown': {
    en: 'Unknown site command "{action}".',
    de: 'Unbekannter site-Befehl „{action}“.',
    ja: '不明な site コマンド「{action}」です。',
  },

  // The rest of the command line's own words (exit-codes.ts, terminal.ts, segmented-get.ts, stores.ts)
  'cliUsage.failure.runHelp': { en: '{message} (run {help})', de: '{message} (rufen Sie {help} auf)', ja: '{message} ({help} を実行してください)' },
  'cliUsage.failure.charsetHint': {
    en: 'the path has characters beyond ASCII: if the server names files in another charset than UTF-8, try --charset NAME (windows-1251, shift_jis, ...)',
    de: 'der Pfad enthält Zeichen außerhalb von ASCII: wenn der Server Dateinamen in einem anderen Zeichensatz als UTF-8 führt, versuchen Sie --charset NAME (windows-1251, shift_jis, ...)',
    ja: 'パスに ASCII 以外の文字が含まれています。サーバーが UTF-8 以外の文字セットでファイル名を扱っている場合は --charset NAME (windows-1251、shift_jis など) を試してください',
  },
  'cliUsage.storeWarning': { en: 'warning: {message}', de: 'Warnung: {message}', ja: '警告: {message}' },
  'cliUsage.segments.progress': { en: '{segments} segments', de: '{segments} Abschnitte', ja: '{segments} 個の範囲' },
  'cliUsage.segments.done': {
    en: 'downloaded 1 of 1 files ({bytes}) in {segments} segments{retries, plural, =0 {} other { (# ranges continued on a new connection)}}, verified by {verifiedBy, select, size {size} other {{verifiedBy} hash}}',
    de: '1 von 1 Dateien heruntergeladen ({bytes}) in {segments} Abschnitten{retries, plural, =0 {} other { (# Abschnitte auf einer neuen Verbindung fortgesetzt)}}, geprüft anhand {verifiedBy, select, size {der Größe} other {des {verifiedBy}-Hashes}}',
    ja: '1 ファイル中 1 ファイルをダウンロードしました ({bytes})。{segments} 個の範囲で取得{retries, plural, =0 {} other { (# 個の範囲を新しい接続で続行)}}、{verifiedBy, select, size {サイズ} other {{verifiedBy} ハッシュ}}で検証',
  },
  'cliUsage.cert.untrusted': { en: 'certificate SHA-256 {fingerprint}', de: 'Zertifikat SHA-256 {fingerprint}', ja: '証明書 SHA-256 {fingerprint}' },
  'cliUsage.cert.howToPin': {
    en: "to trust it, check the fingerprint with the server's administrator, then pass --fingerprint SHA256:{fingerprint}",
    de: 'um ihm zu vertrauen, prüfen Sie den Fingerabdruck mit dem Administrator des Servers und geben Sie dann --fingerprint SHA256:{fingerprint} an',
    ja: '信頼するには、フィンガープリントをサーバーの管理者に確認してから --fingerprint SHA256:{fingerprint} を指定してください',
  },
  'cliUsage.cert.notTrusted': {
    en: 'The certificate of {address} is not trusted. {reason}',
    de: 'Dem Zertifikat von {address} wird nicht vertraut. {reason}',
    ja: '{address} の証明書は信頼されていません。{reason}',
  },
  'cliUsage.cert.subject': { en: 'subject:', de: 'Inhaber:', ja: 'サブジェクト:' },
  'cliUsage.cert.issuer': { en: 'issuer:', de: 'Aussteller:', ja: '発行者:' },
  'cliUsage.cert.valid': { en: 'valid:', de: 'gültig:', ja: '有効期間:' },
  'cliUsage.cert.validRange': { en: '{from} to {to}', de: '{from} bis {to}', ja: '{from} から {to}' },
  'cliUsage.cert.nothingSent': { en: 'Nothing has been sent yet.', de: 'Es wurde noch nichts gesendet.', ja: 'まだ何も送信していません。' },
  'cliUsage.cert.askPin': {
    en: 'Trust it [o]nce, [a]lways (pin it for this site), or reject [N]? ',
    de: 'Vertrauen: [o] einmal, [a] immer (für diesen Server anheften) oder ablehnen [N]? ',
    ja: '信頼しますか? [o] 今回のみ、[a] 常に (このサイトに固定)、拒否 [N]: ',
  },
  'cliUsage.cert.askOnce': {
    en: 'Trust it [o]nce for this run, or reject [N]? ',
    de: 'Vertrauen: [o] einmal für diesen Lauf oder ablehnen [N]? ',
    ja: '信頼しますか? [o] 今回の実行のみ、拒否 [N]: ',
  },
  'cliUsage.doctor.diagnosis': {
    en: '{severity, select, error {ERROR} warning {WARNING} other {INFO}}: {title}',
    de: '{severity, select, error {FEHLER} warning {WARNUNG} other {INFO}}: {title}',
    ja: '{severity, select, error {エラー} warning {警告} other {情報}}: {title}',
  },
  'cliUsage.progress.ofTotal': { en: '{done} of {total}', de: '{done} von {total}', ja: '{done} / {total}' },
});
