/**
 * The connection doctor's step lines (main/doctor/run.ts, main/doctor/steps/*.ts): each step's one-line summary
 * and its detail lines, and the probe's own error texts that end up in them. Server replies (`{reply}`), TLS
 * library errors (`{reason}`), host names, ciphers and certificate names are passed in as they are; numbers
 * (milliseconds, counts) come already formatted by the translator; ports and addresses are passed as text.
 * Protocol words (FTPS, TLS, AUTH TLS, PROT P, EPSV, PASV, EPRT/PORT, NOOP) stay as they are.
 */
import { defineMessages } from '../define';

export const doctorStepsMessages = defineMessages({
  // The step runner (main/doctor/run.ts) and the order of steps (main/doctor/doctor.ts).
  'doctorSteps.cancelled': { en: 'Cancelled.', de: 'Abgebrochen.', ja: 'キャンセルしました。' },
  'doctorSteps.notReached': { en: 'Not reached.', de: 'Nicht erreicht.', ja: '未到達です。' },
  'doctorSteps.timedOut': { en: 'No answer in time: {reason}', de: 'Keine Antwort in der vorgesehenen Zeit: {reason}', ja: '時間内に応答がありません: {reason}' },
  'doctorSteps.failed': { en: 'Failed: {reason}', de: 'Fehlgeschlagen: {reason}', ja: '失敗しました: {reason}' },
  'doctorSteps.refused': { en: 'Refused: {reply}', de: 'Abgelehnt: {reply}', ja: '拒否されました: {reply}' },
  'doctorSteps.noAnswer': { en: 'no answer', de: 'keine Antwort', ja: '応答なし' },
  'doctorSteps.proxyPassivePort': { en: 'Passive port {port}: {reason}', de: 'Passiver Port {port}: {reason}', ja: 'パッシブポート {port}: {reason}' },
  'doctorSteps.plainNoTls': { en: 'Plain FTP: no TLS.', de: 'Einfaches FTP: kein TLS.', ja: '平文の FTP: TLS はありません。' },
  'doctorSteps.resolve.plainNotAllowed': {
    en: 'Plain FTP was not allowed for this test: the password would travel unencrypted.',
    de: 'Einfaches FTP war für diesen Test nicht erlaubt: Das Passwort würde unverschlüsselt übertragen.',
    ja: 'このテストでは平文の FTP が許可されていません: パスワードが暗号化されずに送信されるためです。',
  },
  'doctorSteps.resolve.byProxy': { en: '{host} is resolved by the proxy.', de: '{host} wird vom Proxy aufgelöst.', ja: '{host} はプロキシが名前解決します。' },
  'doctorSteps.proxy.none': { en: 'No proxy: connecting directly.', de: 'Kein Proxy: Es wird direkt verbunden.', ja: 'プロキシなし: 直接接続します。' },

  // Name resolution and the TCP connection (steps/connect.ts).
  'doctorSteps.resolve.isAddress': { en: '{host} is an address: no lookup needed.', de: '{host} ist eine Adresse: Keine Namensauflösung nötig.', ja: '{host} はアドレスです: 名前解決は不要です。' },
  'doctorSteps.resolve.noAddressCode': { en: 'No address for {host} ({code}).', de: 'Keine Adresse für {host} ({code}).', ja: '{host} のアドレスがありません ({code})。' },
  'doctorSteps.resolve.noAddress': { en: 'No address for {host}.', de: 'Keine Adresse für {host}.', ja: '{host} のアドレスがありません。' },
  'doctorSteps.connect.connected': { en: 'Connected to {target}.', de: 'Verbunden mit {target}.', ja: '{target} に接続しました。' },
  'doctorSteps.connect.refused': { en: 'Refused on port {port}.', de: 'An Port {port} abgelehnt.', ja: 'ポート {port} で拒否されました。' },
  'doctorSteps.connect.noAnswer': { en: 'No answer from port {port}.', de: 'Keine Antwort von Port {port}.', ja: 'ポート {port} から応答がありません。' },

  // The proxy step (steps/proxy.ts).
  'doctorSteps.proxy.via': { en: '{kind} proxy {where} ({source})', de: '{kind}-Proxy {where} ({source})', ja: '{kind} プロキシ {where} ({source})' },
  'doctorSteps.proxy.reached': {
    en: '{state, select, yes {Reached: yes} other {Reached: no}}',
    de: '{state, select, yes {Erreicht: ja} other {Erreicht: nein}}',
    ja: '{state, select, yes {到達: はい} other {到達: いいえ}}',
  },
  'doctorSteps.proxy.authenticated': {
    en: '{state, select, notTried {Authenticated: not tried} no {Authenticated: no} yes {Authenticated: yes} other {Authenticated: no login needed}}',
    de: '{state, select, notTried {Authentifiziert: nicht versucht} no {Authentifiziert: nein} yes {Authentifiziert: ja} other {Authentifiziert: keine Anmeldung nötig}}',
    ja: '{state, select, notTried {認証: 未実行} no {認証: いいえ} yes {認証: はい} other {認証: ログイン不要}}',
  },
  'doctorSteps.proxy.connectTo': {
    en: '{state, select, refused {CONNECT to {target}: refused} notTried {CONNECT to {target}: not tried} other {CONNECT to {target}: allowed}}',
    de: '{state, select, refused {CONNECT zu {target}: abgelehnt} notTried {CONNECT zu {target}: nicht versucht} other {CONNECT zu {target}: erlaubt}}',
    ja: '{state, select, refused {{target} への CONNECT: 拒否} notTried {{target} への CONNECT: 未実行} other {{target} への CONNECT: 許可}}',
  },
  'doctorSteps.proxy.through': {
    en: 'Through {where}: reached, and allowed to connect to {target}.',
    de: 'Über {where}: erreicht, und die Verbindung zu {target} ist erlaubt.',
    ja: '{where} 経由: 到達し、{target} への接続が許可されました。',
  },
  'doctorSteps.proxy.throughAuthenticated': {
    en: 'Through {where}: reached, authenticated, and allowed to connect to {target}.',
    de: 'Über {where}: erreicht, authentifiziert, und die Verbindung zu {target} ist erlaubt.',
    ja: '{where} 経由: 到達して認証され、{target} への接続が許可されました。',
  },
  'doctorSteps.proxy.connectNotTried': { en: 'Not tried: the proxy did not connect.', de: 'Nicht versucht: Der Proxy hat keine Verbindung hergestellt.', ja: '未実行: プロキシが接続できませんでした。' },
  'doctorSteps.connect.throughProxy': { en: 'Connected to {target} through the proxy.', de: 'Über den Proxy mit {target} verbunden.', ja: 'プロキシ経由で {target} に接続しました。' },

  // The greeting and TLS steps (steps/greeting-tls.ts).
  'doctorSteps.greeting.closedSilently': { en: 'The server closed the connection without a word.', de: 'Der Server hat die Verbindung wortlos geschlossen.', ja: 'サーバーは何も送らずに接続を閉じました。' },
  'doctorSteps.greeting.closedBeforeGreeting': { en: 'closed before greeting', de: 'vor der Begrüßung geschlossen', ja: 'あいさつの前に閉じられました' },
  'doctorSteps.greeting.silentChecking': {
    en: 'Nothing arrived within {ms} ms: checking whether the server waits for a TLS handshake (implicit FTPS).',
    de: 'Innerhalb von {ms} ms kam nichts an: Es wird geprüft, ob der Server auf einen TLS-Handshake wartet (implizites FTPS).',
    ja: '{ms} ms 以内に何も届きませんでした: サーバーが TLS ハンドシェイクを待っているか (暗黙的な FTPS) を確認します。',
  },
  'doctorSteps.greeting.implicitOnPort': {
    en: 'Silent until a TLS handshake: the server speaks implicit FTPS on this port.',
    de: 'Stumm bis zu einem TLS-Handshake: Der Server spricht auf diesem Port implizites FTPS.',
    ja: 'TLS ハンドシェイクまで何も送りません: このポートのサーバーは暗黙的な FTPS を使っています。',
  },
  'doctorSteps.greeting.implicitGreeted': {
    en: 'After a TLS handshake on a second connection it greeted: {reply}',
    de: 'Nach einem TLS-Handshake auf einer zweiten Verbindung kam die Begrüßung: {reply}',
    ja: '2 本目の接続で TLS ハンドシェイクした後のあいさつ: {reply}',
  },
  'doctorSteps.tls.notTriedImplicit': { en: 'Not tried: the server expects implicit FTPS.', de: 'Nicht versucht: Der Server erwartet implizites FTPS.', ja: '未実行: サーバーは暗黙的な FTPS を使っています。' },
  'doctorSteps.greeting.handshakeFailedToo': {
    en: 'A TLS handshake failed too: waiting longer for a plain-text greeting.',
    de: 'Auch ein TLS-Handshake ist fehlgeschlagen: Es wird länger auf eine Begrüßung im Klartext gewartet.',
    ja: 'TLS ハンドシェイクも失敗しました: 平文のあいさつをもう少し待ちます。',
  },
  'doctorSteps.greeting.notFtpText': { en: 'Not an FTP greeting: {text}.', de: 'Keine FTP-Begrüßung: {text}.', ja: 'FTP のあいさつではありません: {text}。' },
  'doctorSteps.greeting.notFtpProtocol': {
    en: 'Not an FTP greeting: {protocol} speaks on this port.',
    de: 'Keine FTP-Begrüßung: Auf diesem Port spricht {protocol}.',
    ja: 'FTP のあいさつではありません: このポートでは {protocol} が応答しています。',
  },
  'doctorSteps.greeting.slow': {
    en: 'The greeting came only after more than {ms} ms (the server may do slow reverse DNS lookups).',
    de: 'Die Begrüßung kam erst nach mehr als {ms} ms (der Server führt vielleicht langsame Reverse-DNS-Abfragen durch).',
    ja: 'あいさつは {ms} ms 以上経ってから届きました (サーバーの逆引き DNS が遅い可能性があります)。',
  },
  'doctorSteps.certificate.plainNone': { en: 'Plain FTP: no certificate.', de: 'Einfaches FTP: kein Zertifikat.', ja: '平文の FTP: 証明書はありません。' },
  'doctorSteps.tls.authRefused': { en: 'AUTH TLS refused: {reply}', de: 'AUTH TLS abgelehnt: {reply}', ja: 'AUTH TLS が拒否されました: {reply}' },
  'doctorSteps.tls.handshakeFailed': { en: 'The TLS handshake failed: {reason}', de: 'Der TLS-Handshake ist fehlgeschlagen: {reason}', ja: 'TLS ハンドシェイクに失敗しました: {reason}' },
  'doctorSteps.tls.implicitPlainText': {
    en: 'The server answered the TLS handshake with plain text.',
    de: 'Der Server hat auf den TLS-Handshake mit Klartext geantwortet.',
    ja: 'サーバーは TLS ハンドシェイクに平文で応答しました。',
  },
  'doctorSteps.greeting.notReachedTls': { en: 'Not reached: the TLS handshake failed.', de: 'Nicht erreicht: Der TLS-Handshake ist fehlgeschlagen.', ja: '未到達: TLS ハンドシェイクに失敗しました。' },
  'doctorSteps.greeting.implicitInsideTls': {
    en: 'Implicit FTPS: nothing is sent before the TLS handshake; the greeting comes inside TLS.',
    de: 'Implizites FTPS: Vor dem TLS-Handshake wird nichts gesendet; die Begrüßung kommt innerhalb von TLS.',
    ja: '暗黙的な FTPS: TLS ハンドシェイクの前には何も送られず、あいさつは TLS の中で届きます。',
  },
  'doctorSteps.greeting.plainNothing': { en: 'The server sends nothing in plain text either.', de: 'Der Server sendet auch im Klartext nichts.', ja: 'サーバーは平文でも何も送りません。' },
  'doctorSteps.greeting.plainThenNothing': { en: 'plain text, then nothing', de: 'Klartext, dann nichts', ja: '平文、その後は何もなし' },
  'doctorSteps.greeting.notFtpServer': { en: 'Not an FTP server: {what}.', de: 'Kein FTP-Server: {what}.', ja: 'FTP サーバーではありません: {what}。' },
  'doctorSteps.greeting.plainGreets': { en: 'The server greets in plain text: {reply}', de: 'Der Server begrüßt im Klartext: {reply}', ja: 'サーバーは平文であいさつします: {reply}' },
  'doctorSteps.greeting.explicitServer': {
    en: 'An implicit FTPS server says nothing until the TLS handshake; this one greets at once, as explicit FTPS and plain FTP servers do.',
    de: 'Ein Server für implizites FTPS sagt bis zum TLS-Handshake nichts; dieser begrüßt sofort, wie es Server für explizites FTPS und einfaches FTP tun.',
    ja: '暗黙的な FTPS のサーバーは TLS ハンドシェイクまで何も送りませんが、このサーバーは明示的な FTPS や平文の FTP のサーバーと同じくすぐにあいさつします。',
  },
  'doctorSteps.greeting.line': { en: 'Greeting: {reply}', de: 'Begrüßung: {reply}', ja: 'あいさつ: {reply}' },
  'doctorSteps.greeting.afterTls': { en: 'After TLS: {reply}', de: 'Nach TLS: {reply}', ja: 'TLS の後: {reply}' },
  'doctorSteps.greeting.plainText': { en: 'Plain-text greeting: {reply}', de: 'Begrüßung im Klartext: {reply}', ja: '平文のあいさつ: {reply}' },
  'doctorSteps.greeting.turnedAway': { en: 'Turned away: {reply}', de: 'Abgewiesen: {reply}', ja: '接続を断られました: {reply}' },
  'doctorSteps.greeting.unexpected': { en: 'Unexpected greeting: {reply}', de: 'Unerwartete Begrüßung: {reply}', ja: '予期しないあいさつ: {reply}' },
  'doctorSteps.tls.authAccepted': { en: 'AUTH TLS accepted: {protocol}, {cipher}.', de: 'AUTH TLS angenommen: {protocol}, {cipher}.', ja: 'AUTH TLS が受け入れられました: {protocol}、{cipher}。' },
  'doctorSteps.tls.implicit': { en: 'Implicit TLS: {protocol}, {cipher}.', de: 'Implizites TLS: {protocol}, {cipher}.', ja: '暗黙的な TLS: {protocol}、{cipher}。' },
  'doctorSteps.tls.unknownCipher': { en: 'unknown cipher', de: 'unbekannte Cipher-Suite', ja: '不明な暗号スイート' },
  'doctorSteps.tls.handshakeTime': { en: 'Handshake: {ms} ms.', de: 'Handshake: {ms} ms.', ja: 'ハンドシェイク: {ms} ms。' },

  // The certificate steps (steps/certificate.ts, steps/client-certificate.ts).
  'doctorSteps.certificate.none': { en: 'The server presented no certificate.', de: 'Der Server hat kein Zertifikat vorgelegt.', ja: 'サーバーは証明書を提示しませんでした。' },
  'doctorSteps.certificate.noneDetail': { en: 'no certificate', de: 'kein Zertifikat', ja: '証明書なし' },
  'doctorSteps.certificate.differsFromPinned': {
    en: 'The certificate differs from the one pinned for this site. Nothing else was sent.',
    de: 'Das Zertifikat weicht von dem für diesen Server hinterlegten ab. Sonst wurde nichts gesendet.',
    ja: '証明書がこのサイトに固定された証明書と異なります。それ以外は何も送信していません。',
  },
  'doctorSteps.certificate.pinnedPresented': { en: 'pinned {pinned}, presented {presented}', de: 'hinterlegt {pinned}, vorgelegt {presented}', ja: '固定済み {pinned}、提示 {presented}' },
  'doctorSteps.certificate.matchesPinned': {
    en: 'Trusted: it matches the fingerprint pinned for this site.',
    de: 'Vertrauenswürdig: Es passt zum für diesen Server hinterlegten Fingerabdruck.',
    ja: '信頼済み: このサイトに固定されたフィンガープリントと一致します。',
  },
  'doctorSteps.certificate.caValid': {
    en: 'Trusted: issued by {issuer}, valid for {host} until {date}.',
    de: 'Vertrauenswürdig: ausgestellt von {issuer}, gültig für {host} bis {date}.',
    ja: '信頼済み: {issuer} が発行し、{date} まで {host} に有効です。',
  },
  'doctorSteps.certificate.notVerified': { en: 'Not verified: {reason}', de: 'Nicht überprüft: {reason}', ja: '未検証: {reason}' },
  'doctorSteps.certificate.acceptedInsecure': {
    en: 'Not trusted, accepted anyway (insecure): {reason}',
    de: 'Nicht vertrauenswürdig, trotzdem akzeptiert (unsicher): {reason}',
    ja: '信頼されていませんが、そのまま受け入れました (安全ではありません): {reason}',
  },
  'doctorSteps.certificate.rejected': { en: 'Not trusted: {reason} Nothing else was sent.', de: 'Nicht vertrauenswürdig: {reason} Sonst wurde nichts gesendet.', ja: '信頼されていません: {reason} それ以外は何も送信していません。' },
  'doctorSteps.certificate.alwaysTrusted': {
    en: 'Not verified by an authority, but you chose to always trust it: {reason}',
    de: 'Nicht von einer Zertifizierungsstelle bestätigt, aber Sie haben gewählt, ihm immer zu vertrauen: {reason}',
    ja: '認証局では検証されていませんが、常に信頼することを選択しました: {reason}',
  },
  'doctorSteps.certificate.acceptedOnce': {
    en: 'Not trusted, accepted for this test: {reason}',
    de: 'Nicht vertrauenswürdig, für diesen Test akzeptiert: {reason}',
    ja: '信頼されていませんが、このテストのために受け入れました: {reason}',
  },
  'doctorSteps.certificate.subject': { en: 'Subject: {subject}', de: 'Inhaber: {subject}', ja: 'サブジェクト: {subject}' },
  'doctorSteps.certificate.issuer': { en: 'Issuer: {issuer}', de: 'Aussteller: {issuer}', ja: '発行者: {issuer}' },
  'doctorSteps.certificate.validity': { en: 'Valid: {from} to {to}', de: 'Gültig: {from} bis {to}', ja: '有効期間: {from} から {to}' },
  'doctorSteps.certificate.names': { en: 'Names: {names}', de: 'Namen: {names}', ja: '名前: {names}' },
  'doctorSteps.certificate.noNames': { en: '(none)', de: '(keine)', ja: '(なし)' },
  'doctorSteps.clientCertificate.notRequestedWith': {
    en: '{subject}, not requested: the server did not ask for one.',
    de: '{subject}, nicht angefordert: Der Server hat keines verlangt.',
    ja: '{subject}、要求されませんでした: サーバーはクライアント証明書を求めませんでした。',
  },
  'doctorSteps.clientCertificate.notRequested': {
    en: 'Not requested: the server does not ask for a client certificate.',
    de: 'Nicht angefordert: Der Server verlangt kein Client-Zertifikat.',
    ja: '要求されていません: サーバーはクライアント証明書を求めていません。',
  },
  'doctorSteps.clientCertificate.refused': {
    en: '{subject}, sent: the server refused it ({reason}).',
    de: '{subject}, gesendet: Der Server hat es abgelehnt ({reason}).',
    ja: '{subject}、送信済み: サーバーが拒否しました ({reason})。',
  },
  'doctorSteps.clientCertificate.requiredMissing': {
    en: 'Requested and required: this site has no client certificate, and the server refused the connection ({reason}).',
    de: 'Angefordert und verlangt: Für diesen Server ist kein Client-Zertifikat eingerichtet, und der Server hat die Verbindung abgelehnt ({reason}).',
    ja: '要求され、必須です: このサイトにはクライアント証明書がなく、サーバーは接続を拒否しました ({reason})。',
  },
  'doctorSteps.clientCertificate.accepted': { en: '{subject}, sent: the server accepted it.', de: '{subject}, gesendet: Der Server hat es angenommen.', ja: '{subject}、送信済み: サーバーが受け入れました。' },
  'doctorSteps.clientCertificate.optional': {
    en: 'Requested, none sent: the server accepts connections without one.',
    de: 'Angefordert, keines gesendet: Der Server nimmt Verbindungen auch ohne an.',
    ja: '要求されましたが送信していません: サーバーは証明書なしの接続も受け入れます。',
  },

  // Login and data protection (steps/login.ts).
  'doctorSteps.login.loggedIn': { en: 'Logged in as {user}: {reply}', de: 'Angemeldet als {user}: {reply}', ja: '{user} としてログインしました: {reply}' },
  'doctorSteps.login.features': { en: 'Features: {features}', de: 'Funktionen: {features}', ja: '機能: {features}' },
  'doctorSteps.login.noFeatures': { en: 'none listed', de: 'keine angegeben', ja: '一覧なし' },
  'doctorSteps.login.folderNotOpened': {
    en: 'The folder {folder} could not be opened ({reply}); the login folder is listed instead.',
    de: 'Das Verzeichnis {folder} konnte nicht geöffnet werden ({reply}); stattdessen wird das Verzeichnis nach der Anmeldung aufgelistet.',
    ja: 'ディレクトリ {folder} を開けませんでした ({reply})。代わりにログイン直後のディレクトリを一覧表示します。',
  },
  'doctorSteps.protection.plain': { en: 'Plain FTP: data connections are not encrypted.', de: 'Einfaches FTP: Datenverbindungen sind nicht verschlüsselt.', ja: '平文の FTP: データ接続は暗号化されません。' },
  'doctorSteps.protection.accepted': {
    en: 'Accepted: listings and files travel encrypted.',
    de: 'Angenommen: Verzeichnislisten und Dateien werden verschlüsselt übertragen.',
    ja: '受け入れられました: 一覧とファイルは暗号化されて転送されます。',
  },
  'doctorSteps.protection.refused': { en: 'PROT P refused: {reply}', de: 'PROT P abgelehnt: {reply}', ja: 'PROT P が拒否されました: {reply}' },

  // EPSV, PASV, the listing, session reuse and active mode (steps/data-channel.ts, steps/data-connections.ts).
  'doctorSteps.epsv.notSupported': { en: 'Not supported: {reply}', de: 'Nicht unterstützt: {reply}', ja: 'サポートされていません: {reply}' },
  'doctorSteps.passive.unreadable': { en: 'Unreadable reply: {reply}', de: 'Unlesbare Antwort: {reply}', ja: '読み取れない応答: {reply}' },
  'doctorSteps.passive.connected': { en: 'Port {port}: connected to {where}.', de: 'Port {port}: mit {where} verbunden.', ja: 'ポート {port}: {where} に接続しました。' },
  'doctorSteps.passive.timeout': {
    en: 'Port {port}: no answer from {where} within {ms} ms.',
    de: 'Port {port}: keine Antwort von {where} innerhalb von {ms} ms.',
    ja: 'ポート {port}: {ms} ms 以内に {where} から応答がありません。',
  },
  'doctorSteps.passive.refused': { en: 'Port {port}: connection refused by {where}.', de: 'Port {port}: Verbindung von {where} abgelehnt.', ja: 'ポート {port}: {where} に接続を拒否されました。' },
  'doctorSteps.pasv.refusedEpsvWorks': { en: 'Refused: {reply} (EPSV works)', de: 'Abgelehnt: {reply} (EPSV funktioniert)', ja: '拒否されました: {reply} (EPSV は動作します)' },
  'doctorSteps.pasv.names': {
    en: 'The reply names {announced}; the control connection goes to {peer}.',
    de: 'Die Antwort nennt {announced}; die Steuerverbindung geht zu {peer}.',
    ja: '応答は {announced} を示していますが、制御接続の接続先は {peer} です。',
  },
  'doctorSteps.pasv.foreign': {
    en: 'Names another host, {host}: refused (not connected; FTP bounce protection).',
    de: 'Nennt einen anderen Host, {host}: abgelehnt (nicht verbunden; Schutz vor FTP-Bounce).',
    ja: '別のホスト {host} を示しています: 拒否しました (接続していません。FTP バウンス対策)。',
  },
  'doctorSteps.pasv.substituting': {
    en: '{host} is a private address: connecting to {instead} instead, as Wharf does.',
    de: '{host} ist eine private Adresse: Stattdessen wird wie in Wharf mit {instead} verbunden.',
    ja: '{host} はプライベートアドレスです: Wharf と同じく、代わりに {instead} に接続します。',
  },
  'doctorSteps.pasv.substituted': {
    en: 'Names the private address {host}: connected to {where} instead.',
    de: 'Nennt die private Adresse {host}: stattdessen mit {where} verbunden.',
    ja: 'プライベートアドレス {host} を示しています: 代わりに {where} に接続しました。',
  },
  'doctorSteps.listing.noPassive': { en: 'No passive data connection could be opened.', de: 'Es konnte keine passive Datenverbindung geöffnet werden.', ja: 'パッシブのデータ接続を開けませんでした。' },
  'doctorSteps.listing.engineFailed': { en: "Wharf's listing failed: {reason}", de: 'Die Verzeichnisliste in Wharf ist fehlgeschlagen: {reason}', ja: 'Wharf での一覧取得に失敗しました: {reason}' },
  'doctorSteps.listing.engineFailedDetail': {
    en: "The doctor's own probe listed the folder; Wharf's engine, which every transfer uses, could not.",
    de: 'Der eigene Test der Diagnose hat das Verzeichnis aufgelistet; die Engine von Wharf, die jede Übertragung verwendet, konnte es nicht.',
    ja: '診断自身のプローブではディレクトリを一覧表示できましたが、すべての転送で使われる Wharf のエンジンではできませんでした。',
  },
  'doctorSteps.listing.transfer': { en: 'Transfer: {reply}', de: 'Übertragung: {reply}', ja: '転送: {reply}' },
  'doctorSteps.listing.result': { en: 'Result: {reply}', de: 'Ergebnis: {reply}', ja: '結果: {reply}' },
  'doctorSteps.listing.dataConnection': {
    en: '{resumed, select, yes {Data connection: {protocol}, session resumed.} other {Data connection: {protocol}, session NOT resumed.}}',
    de: '{resumed, select, yes {Datenverbindung: {protocol}, Sitzung fortgesetzt.} other {Datenverbindung: {protocol}, Sitzung NICHT fortgesetzt.}}',
    ja: '{resumed, select, yes {データ接続: {protocol}、セッションは再開されました。} other {データ接続: {protocol}、セッションは再開されませんでした。}}',
  },
  'doctorSteps.listing.took': { en: 'Took {ms} ms.', de: 'Dauer: {ms} ms.', ja: '所要時間: {ms} ms。' },
  'doctorSteps.listing.listed': {
    en: 'Listed {entries, plural, one {{entriesText} entry} other {{entriesText} entries}} ({bytes, plural, one {{bytesText} byte} other {{bytesText} bytes}}) via {via, select, epsv {EPSV} pasv {PASV} other {active mode}}{session, select, resumed {, TLS session resumed} notResumed {, TLS session not resumed} other {, unencrypted}}.',
    de: '{entries, plural, one {{entriesText} Eintrag} other {{entriesText} Einträge}} ({bytes, plural, one {{bytesText} Byte} other {{bytesText} Bytes}}) über {via, select, epsv {EPSV} pasv {PASV} other {den aktiven Modus}} aufgelistet{session, select, resumed {, TLS-Sitzung fortgesetzt} notResumed {, TLS-Sitzung nicht fortgesetzt} other {, unverschlüsselt}}.',
    ja: '{via, select, epsv {EPSV} pasv {PASV} other {アクティブモード}} で {entries, plural, other {{entriesText} 件}} ({bytes, plural, other {{bytesText} バイト}}) を一覧表示しました{session, select, resumed {、TLS セッション再開} notResumed {、TLS セッション再開なし} other {、暗号化なし}}。',
  },
  'doctorSteps.listing.failed': {
    en: 'The listing via {via, select, epsv {EPSV} pasv {PASV} other {active mode}} failed: {detail}',
    de: 'Die Verzeichnisliste über {via, select, epsv {EPSV} pasv {PASV} other {den aktiven Modus}} ist fehlgeschlagen: {detail}',
    ja: '{via, select, epsv {EPSV} pasv {PASV} other {アクティブモード}} での一覧取得に失敗しました: {detail}',
  },
  'doctorSteps.reuse.listingResumed': {
    en: '{resumed, select, yes {Listing with the session resumed: resumed.} other {Listing with the session resumed: not resumed.}}',
    de: '{resumed, select, yes {Verzeichnisliste mit fortgesetzter Sitzung: fortgesetzt.} other {Verzeichnisliste mit fortgesetzter Sitzung: nicht fortgesetzt.}}',
    ja: '{resumed, select, yes {セッションを再開しての一覧: 再開されました。} other {セッションを再開しての一覧: 再開されませんでした。}}',
  },
  'doctorSteps.reuse.notRequiredResumed': {
    en: 'Wharf resumes the TLS session; the server does not require it (a data connection without reuse was accepted).',
    de: 'Wharf setzt die TLS-Sitzung fort; der Server verlangt das nicht (eine Datenverbindung ohne Wiederverwendung wurde angenommen).',
    ja: 'Wharf は TLS セッションを再開します。サーバーはそれを必須としていません (再利用なしのデータ接続も受け入れられました)。',
  },
  'doctorSteps.reuse.notResumedNotRequired': { en: 'Not resumed, and not required by the server.', de: 'Nicht fortgesetzt und vom Server nicht verlangt.', ja: '再開されておらず、サーバーも必須としていません。' },
  'doctorSteps.reuse.withoutReuse': { en: 'A data connection without reuse: {answer}', de: 'Eine Datenverbindung ohne Wiederverwendung: {answer}', ja: '再利用なしのデータ接続: {answer}' },
  'doctorSteps.reuse.required': {
    en: 'Required by the server: without reuse it answered {answer}. Wharf resumes the session, so this is fine.',
    de: 'Vom Server verlangt: Ohne Wiederverwendung antwortete er {answer}. Wharf setzt die Sitzung fort, daher ist das in Ordnung.',
    ja: 'サーバーが必須としています: 再利用なしでは {answer} と応答しました。Wharf はセッションを再開するので問題ありません。',
  },
  'doctorSteps.reuse.withoutReuseFailed': {
    en: 'A data connection without reuse failed: {answer}',
    de: 'Eine Datenverbindung ohne Wiederverwendung ist fehlgeschlagen: {answer}',
    ja: '再利用なしのデータ接続に失敗しました: {answer}',
  },
  'doctorSteps.reuse.notReached': { en: 'Not reached: no listing worked.', de: 'Nicht erreicht: Keine Verzeichnisliste hat funktioniert.', ja: '未到達: 一覧の取得が一度も成功しませんでした。' },
  'doctorSteps.reuse.unencrypted': { en: 'Data connections are not encrypted.', de: 'Datenverbindungen sind nicht verschlüsselt.', ja: 'データ接続は暗号化されていません。' },
  'doctorSteps.ticket.reused': {
    en: 'A TLS 1.3 ticket already used once resumed a second data connection too.',
    de: 'Ein bereits einmal verwendetes TLS-1.3-Ticket hat auch eine zweite Datenverbindung fortgesetzt.',
    ja: '一度使った TLS 1.3 チケットで 2 本目のデータ接続も再開できました。',
  },
  'doctorSteps.ticket.notReused': {
    en: 'A TLS 1.3 ticket already used once did not resume a second data connection: {answer}.',
    de: 'Ein bereits einmal verwendetes TLS-1.3-Ticket hat keine zweite Datenverbindung fortgesetzt: {answer}.',
    ja: '一度使った TLS 1.3 チケットでは 2 本目のデータ接続を再開できませんでした: {answer}。',
  },
  'doctorSteps.ticket.acceptedWithoutReuse': { en: 'accepted without reuse', de: 'ohne Wiederverwendung angenommen', ja: '再利用なしで受け入れられました' },
  'doctorSteps.active.behindProxy': {
    en: 'Not tried: behind a proxy, active mode cannot work (the server cannot connect back through it).',
    de: 'Nicht versucht: Hinter einem Proxy kann der aktive Modus nicht funktionieren (der Server kann sich nicht durch ihn zurückverbinden).',
    ja: '未実行: プロキシ経由ではアクティブモードは動作しません (サーバーがプロキシを通って接続し返せないため)。',
  },
  'doctorSteps.active.stranger': {
    en: "The server's data connection came from {from}, not from the server's address {peer}: refused, as Wharf does (it could be anyone).",
    de: 'Die Datenverbindung des Servers kam von {from}, nicht von der Adresse des Servers {peer}: abgelehnt, wie in Wharf (es könnte jeder sein).',
    ja: 'サーバーからのデータ接続は、サーバーのアドレス {peer} ではなく {from} から来ました: Wharf と同じく拒否しました (誰からの接続かわからないため)。',
  },
  'doctorSteps.active.notNeeded': { en: 'Not needed: passive mode works.', de: 'Nicht nötig: Der passive Modus funktioniert.', ja: '不要: パッシブモードが動作します。' },
  'doctorSteps.active.transferRefused': {
    en: 'Not tried: the server refused the transfer itself, as it would in active mode.',
    de: 'Nicht versucht: Der Server hat die Übertragung selbst abgelehnt, wie er es auch im aktiven Modus täte.',
    ja: '未実行: サーバーは転送そのものを拒否しており、アクティブモードでも同じく拒否するためです。',
  },

  // The TLS 1.3 and TLS 1.2 steps (steps/tls-versions.ts).
  'doctorSteps.tlsVersion.notReached': { en: 'Not reached: no trusted TLS connection.', de: 'Nicht erreicht: keine vertrauenswürdige TLS-Verbindung.', ja: '未到達: 信頼できる TLS 接続がありません。' },
  'doctorSteps.tlsVersion.turnedAway': {
    en: 'Could not test: the server turned the connection away ({reply}).',
    de: 'Kein Test möglich: Der Server hat die Verbindung abgewiesen ({reply}).',
    ja: 'テストできませんでした: サーバーが接続を断りました ({reply})。',
  },
  'doctorSteps.tlsVersion.authTls': {
    en: 'Could not test: AUTH TLS answered {reply}.',
    de: 'Kein Test möglich: AUTH TLS wurde mit {reply} beantwortet.',
    ja: 'テストできませんでした: AUTH TLS への応答は {reply} でした。',
  },
  'doctorSteps.tlsVersion.notOffered': { en: 'Not offered by the server ({reason}).', de: 'Vom Server nicht angeboten ({reason}).', ja: 'サーバーが提供していません ({reason})。' },
  'doctorSteps.tlsVersion.otherCertificate': {
    en: 'A different certificate was presented on this connection; not continued.',
    de: 'Auf dieser Verbindung wurde ein anderes Zertifikat vorgelegt; nicht fortgesetzt.',
    ja: 'この接続では別の証明書が提示されたため、続行しませんでした。',
  },
  'doctorSteps.tlsVersion.expectedPresented': { en: 'expected {expected}, presented {presented}', de: 'erwartet {expected}, vorgelegt {presented}', ja: '想定 {expected}、提示 {presented}' },
  'doctorSteps.tlsVersion.belowMinimum': {
    en: '{label} works ({cipher}); not logged in over it: this site accepts {minimum} and newer only, so its password is never sent over {label}.',
    de: '{label} funktioniert ({cipher}); darüber nicht angemeldet: Dieser Server akzeptiert nur {minimum} und neuer, daher wird sein Passwort nie über {label} gesendet.',
    ja: '{label} は動作します ({cipher}) が、ログインはしていません: このサイトは {minimum} 以降のみを受け付けるため、パスワードを {label} で送ることはありません。',
  },
  'doctorSteps.tlsVersion.turnedAwayAfter': {
    en: '{label} works ({cipher}); the server then turned the connection away: {reply}.',
    de: '{label} funktioniert ({cipher}); danach hat der Server die Verbindung abgewiesen: {reply}.',
    ja: '{label} は動作します ({cipher}) が、その後サーバーが接続を断りました: {reply}。',
  },
  'doctorSteps.tlsVersion.loginRefused': {
    en: '{label} works ({cipher}); the login on this extra connection was refused: {reply}.',
    de: '{label} funktioniert ({cipher}); die Anmeldung auf dieser zusätzlichen Verbindung wurde abgelehnt: {reply}.',
    ja: '{label} は動作します ({cipher}) が、この追加の接続でのログインは拒否されました: {reply}。',
  },
  'doctorSteps.tlsVersion.listingFailed': {
    en: '{label} works ({cipher}), but the listing failed: {reply}.',
    de: '{label} funktioniert ({cipher}), aber die Verzeichnisliste ist fehlgeschlagen: {reply}.',
    ja: '{label} は動作します ({cipher}) が、一覧の取得に失敗しました: {reply}。',
  },
  'doctorSteps.tlsVersion.dataSession': {
    en: '{resumed, select, yes {Data connection session resumed.} other {Data connection session NOT resumed.}}',
    de: '{resumed, select, yes {Sitzung der Datenverbindung fortgesetzt.} other {Sitzung der Datenverbindung NICHT fortgesetzt.}}',
    ja: '{resumed, select, yes {データ接続のセッションは再開されました。} other {データ接続のセッションは再開されませんでした。}}',
  },
  'doctorSteps.tlsVersion.handshakeOnly': { en: '{cipher}: handshake {handshake} ms.', de: '{cipher}: Handshake {handshake} ms.', ja: '{cipher}: ハンドシェイク {handshake} ms。' },
  'doctorSteps.tlsVersion.withListing': {
    en: '{cipher}: handshake {handshake} ms, listing {listing} ms, {session, select, resumed {session resumed} notResumed {session not resumed} other {unencrypted}}.',
    de: '{cipher}: Handshake {handshake} ms, Verzeichnisliste {listing} ms, {session, select, resumed {Sitzung fortgesetzt} notResumed {Sitzung nicht fortgesetzt} other {unverschlüsselt}}.',
    ja: '{cipher}: ハンドシェイク {handshake} ms、一覧 {listing} ms、{session, select, resumed {セッション再開} notResumed {セッション再開なし} other {暗号化なし}}。',
  },

  // The probe's own errors (main/doctor/ftp-probe.ts, probe-data.ts, steps/data-connections.ts), shown after a colon.
  'doctorSteps.probe.noAnswerFrom': { en: 'no answer from {where} within {ms} ms', de: 'keine Antwort von {where} innerhalb von {ms} ms', ja: '{ms} ms 以内に {where} から応答がありません' },
  'doctorSteps.probe.handshakeTimeout': {
    en: 'the TLS handshake did not finish within {ms} ms',
    de: 'der TLS-Handshake wurde nicht innerhalb von {ms} ms abgeschlossen',
    ja: 'TLS ハンドシェイクが {ms} ms 以内に完了しませんでした',
  },
  'doctorSteps.probe.closedDuringHandshake': {
    en: 'the server closed the connection during the TLS handshake',
    de: 'der Server hat die Verbindung während des TLS-Handshakes geschlossen',
    ja: 'サーバーが TLS ハンドシェイク中に接続を閉じました',
  },
  'doctorSteps.probe.closedControl': { en: 'the server closed the control connection', de: 'der Server hat die Steuerverbindung geschlossen', ja: 'サーバーが制御接続を閉じました' },
  'doctorSteps.probe.noReply': { en: 'the server did not answer within {ms} ms', de: 'der Server hat nicht innerhalb von {ms} ms geantwortet', ja: 'サーバーが {ms} ms 以内に応答しませんでした' },
  'doctorSteps.probe.lineBreak': { en: 'a command with a line break cannot be sent', de: 'ein Befehl mit Zeilenumbruch kann nicht gesendet werden', ja: '改行を含むコマンドは送信できません' },
  'doctorSteps.probe.stopped': { en: 'stopped', de: 'angehalten', ja: '停止しました' },
  'doctorSteps.probe.noConnectBack': {
    en: 'the server did not connect to {where} within {ms} ms',
    de: 'der Server hat sich nicht innerhalb von {ms} ms mit {where} verbunden',
    ja: 'サーバーが {ms} ms 以内に {where} へ接続しませんでした',
  },
  'doctorSteps.probe.methodRefused': { en: '{method} refused: {reply}', de: '{method} abgelehnt: {reply}', ja: '{method} が拒否されました: {reply}' },
  'doctorSteps.probe.pasvForeign': { en: 'PASV named another host ({host}); refused', de: 'PASV nannte einen anderen Host ({host}); abgelehnt', ja: 'PASV が別のホスト ({host}) を示したため拒否しました' },
  'doctorSteps.probe.unreadable': { en: 'unreadable reply: {reply}', de: 'unlesbare Antwort: {reply}', ja: '読み取れない応答: {reply}' },
});
