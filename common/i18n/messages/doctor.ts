// Over 500 lines on purpose: one block per failure class, each in English, German and Japanese side by side; the doctor reads its words from one place.
/**
 * The connection doctor's diagnoses (main/doctor/diagnoses.ts): a title, an explanation and the fixes per
 * failure class. `{detail}` is the server's reply or the error, already in parentheses (` (530 Login incorrect.)`)
 * or empty; server setting names (pasv_address, MasqueradeAddress...) stay as the servers spell them.
 */
import { defineMessages } from '../define';

export const doctorMessages = defineMessages({
  'doctor.passivePorts': {
    en: '{count, plural, =0 {the passive ports} one {port {ports}} other {ports {ports}}}',
    de: '{count, plural, =0 {die passiven Ports} one {Port {ports}} other {die Ports {ports}}}',
    ja: '{count, plural, =0 {パッシブポート} other {ポート {ports}}}',
  },
  'doctor.fix.serverPassiveSettings': {
    en: 'On the server, set a fixed passive port range (vsftpd pasv_min_port/pasv_max_port, proftpd PassivePorts, pure-ftpd -p) and open or forward exactly that range in its firewall and router.',
    de: 'Legen Sie auf dem Server einen festen passiven Portbereich fest (vsftpd pasv_min_port/pasv_max_port, proftpd PassivePorts, pure-ftpd -p) und öffnen bzw. leiten Sie genau diesen Bereich in Firewall und Router weiter.',
    ja: 'サーバーで固定のパッシブポート範囲を設定し (vsftpd pasv_min_port/pasv_max_port、proftpd PassivePorts、pure-ftpd -p)、ファイアウォールとルーターでちょうどその範囲を開放または転送してください。',
  },
  'doctor.fix.serverExternalAddress': {
    en: "If the server is behind NAT, also tell it its external address (vsftpd pasv_address, proftpd MasqueradeAddress, pure-ftpd -P, IIS 'External IP address of firewall').",
    de: "Steht der Server hinter NAT, teilen Sie ihm auch seine externe Adresse mit (vsftpd pasv_address, proftpd MasqueradeAddress, pure-ftpd -P, IIS 'External IP address of firewall').",
    ja: "サーバーが NAT の内側にある場合は、外部アドレスも設定してください (vsftpd pasv_address、proftpd MasqueradeAddress、pure-ftpd -P、IIS 'External IP address of firewall')。",
  },
  'doctor.fix.allowProtP': {
    en: "Ask the server's administrator to allow protected data connections (PROT P). On proftpd, look for a <Limit PROT> section that denies it.",
    de: 'Bitten Sie den Administrator des Servers, geschützte Datenverbindungen (PROT P) zu erlauben. Suchen Sie bei proftpd nach einem Abschnitt <Limit PROT>, der sie verbietet.',
    ja: 'サーバー管理者に保護されたデータ接続 (PROT P) を許可するよう依頼してください。proftpd では、それを拒否している <Limit PROT> セクションを探してください。',
  },
  'doctor.fix.askAdmin': {
    en: "If it persists, send this report to the server's administrator.",
    de: 'Wenn es so bleibt, senden Sie diesen Bericht an den Administrator des Servers.',
    ja: '解決しない場合は、このレポートをサーバー管理者に送ってください。',
  },
  'doctor.fix.nothingInWharf': { en: 'Nothing to change in Wharf.', de: 'In Wharf ist nichts zu ändern.', ja: 'Wharf 側で変更することはありません。' },

  'doctor.dnsFailed.title': { en: 'The host name cannot be resolved', de: 'Der Hostname kann nicht aufgelöst werden', ja: 'ホスト名を解決できません' },
  'doctor.dnsFailed.explanation': {
    en: 'No address was found for "{host}"{lookup, select, ENOTFOUND {: the name does not exist (ENOTFOUND)} EAI_AGAIN {: the DNS server did not answer; the name may exist (EAI_AGAIN)} none {} other { ({lookup})}}.',
    de: 'Für „{host}“ wurde keine Adresse gefunden{lookup, select, ENOTFOUND {: Der Name existiert nicht (ENOTFOUND)} EAI_AGAIN {: Der DNS-Server hat nicht geantwortet; der Name existiert vielleicht (EAI_AGAIN)} none {} other { ({lookup})}}.',
    ja: '"{host}" のアドレスが見つかりませんでした{lookup, select, ENOTFOUND {: その名前は存在しません (ENOTFOUND)} EAI_AGAIN {: DNS サーバーが応答しませんでした。名前は存在するかもしれません (EAI_AGAIN)} none {} other { ({lookup})}}。',
  },
  'doctor.dnsFailed.fix1': { en: 'Check the spelling of the host name.', de: 'Prüfen Sie die Schreibweise des Hostnamens.', ja: 'ホスト名のつづりを確認してください。' },
  'doctor.dnsFailed.fix2': {
    en: 'Check the network connection, VPN and DNS settings of this computer.',
    de: 'Prüfen Sie Netzwerkverbindung, VPN und DNS-Einstellungen dieses Computers.',
    ja: 'このコンピューターのネットワーク接続、VPN、DNS の設定を確認してください。',
  },
  'doctor.dnsFailed.fix3': { en: "Try the server's IP address instead of its name.", de: 'Versuchen Sie die IP-Adresse des Servers statt seines Namens.', ja: '名前の代わりにサーバーの IP アドレスを試してください。' },

  'doctor.connectRefused.title': { en: 'Nothing accepts connections on port {port}', de: 'An Port {port} nimmt niemand Verbindungen an', ja: 'ポート {port} で接続を受け付けるものがありません' },
  'doctor.connectRefused.explanation': {
    en: '{host} answered, but refused a connection to port {port}: no FTP server listens there, or a firewall rejects it.',
    de: '{host} hat geantwortet, aber eine Verbindung zu Port {port} abgelehnt: Dort wartet kein FTP-Server, oder eine Firewall weist sie ab.',
    ja: '{host} は応答しましたが、ポート {port} への接続を拒否しました: そこで待ち受けている FTP サーバーがないか、ファイアウォールが拒否しています。',
  },
  'doctor.connectRefused.fixPortImplicit': {
    en: 'Check the port: implicit FTPS usually uses port 990, explicit FTPS (the standard) port 21.',
    de: 'Prüfen Sie den Port: Implizites FTPS verwendet meist Port 990, explizites FTPS (der Standard) Port 21.',
    ja: 'ポートを確認してください: 暗黙的な FTPS は通常ポート 990、明示的な FTPS (標準) はポート 21 を使います。',
  },
  'doctor.connectRefused.fixPort': {
    en: 'Check the port: explicit FTPS and FTP usually use port 21; implicit FTPS usually 990.',
    de: 'Prüfen Sie den Port: Explizites FTPS und FTP verwenden meist Port 21, implizites FTPS meist 990.',
    ja: 'ポートを確認してください: 明示的な FTPS と FTP は通常ポート 21、暗黙的な FTPS は通常 990 を使います。',
  },
  'doctor.connectRefused.fixRunning': { en: 'Check that the FTP server is running.', de: 'Prüfen Sie, ob der FTP-Server läuft.', ja: 'FTP サーバーが動作しているか確認してください。' },
  'doctor.connectRefused.fixFirewall': {
    en: 'Check that a firewall lets this computer reach port {port}.',
    de: 'Prüfen Sie, ob eine Firewall diesem Computer den Zugang zu Port {port} erlaubt.',
    ja: 'ファイアウォールがこのコンピューターからポート {port} への接続を許可しているか確認してください。',
  },

  'doctor.connectTimeout.title': { en: 'No answer from {where}', de: 'Keine Antwort von {where}', ja: '{where} から応答がありません' },
  'doctor.connectTimeout.explanation': {
    en: 'The connection to {where} got no answer at all{detail}: a firewall drops it, the host is down, or the address is wrong.',
    de: 'Die Verbindung zu {where} hat überhaupt keine Antwort erhalten{detail}: Eine Firewall verwirft sie, der Host ist nicht erreichbar, oder die Adresse ist falsch.',
    ja: '{where} への接続にまったく応答がありませんでした{detail}: ファイアウォールが破棄しているか、ホストが停止しているか、アドレスが間違っています。',
  },
  'doctor.connectTimeout.fix1': { en: 'Check the host name and port.', de: 'Prüfen Sie Hostname und Port.', ja: 'ホスト名とポートを確認してください。' },
  'doctor.connectTimeout.fix2': {
    en: 'Check that a firewall (here, on the server, or between) allows port {port}.',
    de: 'Prüfen Sie, ob eine Firewall (hier, auf dem Server oder dazwischen) Port {port} erlaubt.',
    ja: 'ファイアウォール (こちら側、サーバー側、またはその間) がポート {port} を許可しているか確認してください。',
  },
  'doctor.connectTimeout.fix3': { en: 'Check that the server is up.', de: 'Prüfen Sie, ob der Server läuft.', ja: 'サーバーが稼働しているか確認してください。' },

  'doctor.notFtp.title': { en: 'Port {port} does not speak FTP', de: 'Port {port} spricht kein FTP', ja: 'ポート {port} は FTP ではありません' },
  'doctor.notFtp.explanationSsh': {
    en: 'An SSH server answers on port {port}. SFTP runs over SSH and is a different protocol from FTPS (FTP over TLS), which is what Wharf speaks.',
    de: 'An Port {port} antwortet ein SSH-Server. SFTP läuft über SSH und ist ein anderes Protokoll als FTPS (FTP über TLS), das Wharf spricht.',
    ja: 'ポート {port} では SSH サーバーが応答しています。SFTP は SSH 上で動く、Wharf が使う FTPS (FTP over TLS) とは別のプロトコルです。',
  },
  'doctor.notFtp.explanationHttp': {
    en: 'A web server answers on port {port}, not an FTP server.',
    de: 'An Port {port} antwortet ein Webserver, kein FTP-Server.',
    ja: 'ポート {port} で応答しているのは FTP サーバーではなく Web サーバーです。',
  },
  'doctor.notFtp.explanation': {
    en: 'The first thing the server sent is not an FTP greeting{detail}.',
    de: 'Das Erste, was der Server gesendet hat, ist keine FTP-Begrüßung{detail}.',
    ja: 'サーバーが最初に送ってきたものは FTP のグリーティングではありません{detail}。',
  },
  'doctor.notFtp.fixSshFtps': {
    en: 'If the server offers FTPS, use its FTPS port (usually 21).',
    de: 'Bietet der Server FTPS an, verwenden Sie seinen FTPS-Port (meist 21).',
    ja: 'サーバーが FTPS を提供している場合は、その FTPS ポート (通常 21) を使ってください。',
  },
  'doctor.notFtp.fixSshOnly': {
    en: 'If it offers only SFTP, use an SFTP client.',
    de: 'Bietet er nur SFTP an, verwenden Sie einen SFTP-Client.',
    ja: 'SFTP しか提供していない場合は、SFTP クライアントを使ってください。',
  },
  'doctor.notFtp.fixPort': {
    en: 'Check the port: FTP and explicit FTPS usually use 21, implicit FTPS 990.',
    de: 'Prüfen Sie den Port: FTP und explizites FTPS verwenden meist 21, implizites FTPS 990.',
    ja: 'ポートを確認してください: FTP と明示的な FTPS は通常 21、暗黙的な FTPS は 990 を使います。',
  },

  'doctor.serverClosed.title': { en: 'The server closed the connection', de: 'Der Server hat die Verbindung geschlossen', ja: 'サーバーが接続を閉じました' },
  'doctor.serverClosed.explanation': {
    en: 'The server ended the connection{detail}. Servers do this when they block an address (fail2ban, TCP wrappers, an allow-list), when they have too many connections, or when they crash.',
    de: 'Der Server hat die Verbindung beendet{detail}. Server tun das, wenn sie eine Adresse sperren (fail2ban, TCP-Wrapper, eine Freigabeliste), wenn sie zu viele Verbindungen haben oder wenn sie abstürzen.',
    ja: 'サーバーが接続を終了しました{detail}。サーバーがアドレスをブロックしている場合 (fail2ban、TCP ラッパー、許可リスト)、接続が多すぎる場合、またはクラッシュした場合に起こります。',
  },
  'doctor.serverClosed.fix1': {
    en: "Ask the server's administrator whether your address is blocked.",
    de: 'Fragen Sie den Administrator des Servers, ob Ihre Adresse gesperrt ist.',
    ja: 'アドレスがブロックされていないかサーバー管理者に確認してください。',
  },
  'doctor.serverClosed.fix2': {
    en: 'Close other FTP programs connected to this server and try again.',
    de: 'Schließen Sie andere FTP-Programme, die mit diesem Server verbunden sind, und versuchen Sie es erneut.',
    ja: 'このサーバーに接続している他の FTP プログラムを閉じて、もう一度試してください。',
  },

  'doctor.implicitServer.title': { en: 'The server speaks implicit FTPS on this port', de: 'Der Server spricht an diesem Port implizites FTPS', ja: 'このポートのサーバーは暗黙的な FTPS を使っています' },
  'doctor.implicitServer.explanation': {
    en: 'The server sent nothing and waited; when Wharf started a TLS handshake it succeeded, and the server then greeted inside TLS{detail}. The site is set to explicit FTPS (AUTH TLS), which waits for a plain-text greeting first, so it never gets one.',
    de: 'Der Server hat nichts gesendet und gewartet; als Wharf einen TLS-Handshake begann, gelang er, und der Server begrüßte dann innerhalb von TLS{detail}. Der Server ist auf explizites FTPS (AUTH TLS) eingestellt, das zuerst auf eine Begrüßung im Klartext wartet und deshalb nie eine erhält.',
    ja: 'サーバーは何も送らずに待っていました。Wharf が TLS ハンドシェイクを始めると成功し、サーバーは TLS の中でグリーティングを送りました{detail}。このサイトは明示的な FTPS (AUTH TLS) に設定されており、まず平文のグリーティングを待つため、いつまでも受け取れません。',
  },
  'doctor.implicitServer.fix1': {
    en: 'Choose "{implicitName}" for this site (port {port} stays).',
    de: 'Wählen Sie für diesen Server „{implicitName}“ (Port {port} bleibt).',
    ja: 'このサイトで「{implicitName}」を選んでください (ポート {port} はそのまま)。',
  },
  'doctor.implicitServer.fix2': {
    en: 'Or, if the server also offers explicit FTPS, use that port (usually 21) with "{explicitName}".',
    de: 'Oder, falls der Server auch explizites FTPS anbietet, verwenden Sie dessen Port (meist 21) mit „{explicitName}“.',
    ja: 'または、サーバーが明示的な FTPS も提供している場合は、そのポート (通常 21) を「{explicitName}」で使ってください。',
  },
  'doctor.explicitServer.title': {
    en: 'The server speaks explicit FTPS (or plain FTP) on this port',
    de: 'Der Server spricht an diesem Port explizites FTPS (oder einfaches FTP)',
    ja: 'このポートのサーバーは明示的な FTPS (または平文の FTP) を使っています',
  },
  'doctor.explicitServer.explanation': {
    en: 'The server greeted in plain text{detail} instead of starting TLS. The site is set to implicit FTPS, which starts TLS from the first byte, so the TLS handshake read an FTP greeting and failed.',
    de: 'Der Server hat im Klartext begrüßt{detail}, statt TLS zu beginnen. Der Server ist auf implizites FTPS eingestellt, das TLS ab dem ersten Byte beginnt; daher hat der TLS-Handshake eine FTP-Begrüßung gelesen und ist fehlgeschlagen.',
    ja: 'サーバーは TLS を始めずに平文でグリーティングを送りました{detail}。このサイトは最初のバイトから TLS を始める暗黙的な FTPS に設定されているため、TLS ハンドシェイクが FTP のグリーティングを読んで失敗しました。',
  },
  'doctor.explicitServer.fix1': {
    en: 'Choose "{explicitName}" for this site (port {port} stays).',
    de: 'Wählen Sie für diesen Server „{explicitName}“ (Port {port} bleibt).',
    ja: 'このサイトで「{explicitName}」を選んでください (ポート {port} はそのまま)。',
  },
  'doctor.explicitServer.fix2': {
    en: 'Or, if the server also offers implicit FTPS, use that port (usually 990).',
    de: 'Oder, falls der Server auch implizites FTPS anbietet, verwenden Sie dessen Port (meist 990).',
    ja: 'または、サーバーが暗黙的な FTPS も提供している場合は、そのポート (通常 990) を使ってください。',
  },

  'doctor.noTls.title': { en: 'The server offers no FTPS', de: 'Der Server bietet kein FTPS an', ja: 'サーバーは FTPS に対応していません' },
  'doctor.noTls.explanation': {
    en: 'The server refused AUTH TLS{detail}: it cannot encrypt the connection. Nothing else was sent.',
    de: 'Der Server hat AUTH TLS abgelehnt{detail}: Er kann die Verbindung nicht verschlüsseln. Sonst wurde nichts gesendet.',
    ja: 'サーバーが AUTH TLS を拒否しました{detail}: 接続を暗号化できません。それ以外は何も送信していません。',
  },
  'doctor.noTls.fix1': { en: "Ask the server's administrator to enable TLS (FTPS).", de: 'Bitten Sie den Administrator des Servers, TLS (FTPS) zu aktivieren.', ja: 'サーバー管理者に TLS (FTPS) を有効にするよう依頼してください。' },
  'doctor.noTls.fix2': {
    en: 'Use plain FTP only if you accept that your password and files travel unencrypted.',
    de: 'Verwenden Sie einfaches FTP nur, wenn Sie hinnehmen, dass Passwort und Dateien unverschlüsselt übertragen werden.',
    ja: 'パスワードとファイルが暗号化されずに送られることを許容できる場合に限り、平文の FTP を使ってください。',
  },

  'doctor.handshake.title': { en: 'The TLS handshake failed', de: 'Der TLS-Handshake ist fehlgeschlagen', ja: 'TLS ハンドシェイクに失敗しました' },
  'doctor.handshake.explanation': {
    en: 'Wharf and the server could not agree on a secure connection{detail}.',
    de: 'Wharf und der Server konnten sich nicht auf eine sichere Verbindung einigen{detail}.',
    ja: 'Wharf とサーバーは安全な接続について合意できませんでした{detail}。',
  },
  'doctor.handshake.fixOldVersions': {
    en: 'The server offers only TLS versions older than 1.2, which are no longer safe: ask its administrator to enable TLS 1.2 or 1.3.',
    de: 'Der Server bietet nur TLS-Versionen älter als 1.2 an, die nicht mehr sicher sind: Bitten Sie seinen Administrator, TLS 1.2 oder 1.3 zu aktivieren.',
    ja: 'サーバーは安全でなくなった 1.2 より古い TLS バージョンしか提供していません: 管理者に TLS 1.2 または 1.3 を有効にするよう依頼してください。',
  },
  'doctor.handshake.fixConfig': {
    en: "Ask the server's administrator to check its TLS configuration (certificate, protocols, ciphers).",
    de: 'Bitten Sie den Administrator des Servers, dessen TLS-Konfiguration zu prüfen (Zertifikat, Protokolle, Verschlüsselungsverfahren).',
    ja: 'サーバー管理者に TLS の設定 (証明書、プロトコル、暗号スイート) を確認するよう依頼してください。',
  },
  'doctor.handshake.fixMinimum': {
    en: "Check that the site's minimum TLS version is not higher than what the server offers.",
    de: 'Prüfen Sie, ob die minimale TLS-Version des Servereintrags nicht höher ist als das, was der Server anbietet.',
    ja: 'サイトの最低 TLS バージョンがサーバーの提供するものより高くないか確認してください。',
  },

  'doctor.untrusted.titleAccepted': {
    en: 'The certificate is not verified (accepted for this test)',
    de: 'Das Zertifikat ist nicht überprüft (für diesen Test akzeptiert)',
    ja: '証明書は検証されていません (このテストでは受け入れました)',
  },
  'doctor.untrusted.title': { en: 'The certificate is not trusted', de: 'Das Zertifikat ist nicht vertrauenswürdig', ja: '証明書は信頼されていません' },
  'doctor.untrusted.unverified': { en: 'The certificate could not be verified.', de: 'Das Zertifikat konnte nicht überprüft werden.', ja: '証明書を検証できませんでした。' },
  'doctor.untrusted.explanationAccepted': {
    en: '{reason} You accepted it for this test; anyone on the network path could be in the middle.',
    de: '{reason} Sie haben es für diesen Test akzeptiert; jeder auf dem Netzwerkweg könnte dazwischen sitzen.',
    ja: '{reason} このテストでは受け入れました。ネットワーク経路上の誰かが中間にいる可能性があります。',
  },
  'doctor.untrusted.explanation': {
    en: '{reason} Wharf stopped before sending your user name and password.',
    de: '{reason} Wharf hat angehalten, bevor Benutzername und Passwort gesendet wurden.',
    ja: '{reason} Wharf はユーザー名とパスワードを送信する前に停止しました。',
  },
  'doctor.untrusted.fixRenew': { en: "Ask the server's administrator to renew the certificate.", de: 'Bitten Sie den Administrator des Servers, das Zertifikat zu erneuern.', ja: 'サーバー管理者に証明書を更新するよう依頼してください。' },
  'doctor.untrusted.fixClock': { en: "Check this computer's date and time.", de: 'Prüfen Sie Datum und Uhrzeit dieses Computers.', ja: 'このコンピューターの日付と時刻を確認してください。' },
  'doctor.untrusted.fixHostName': {
    en: 'Connect with a host name the certificate names (see its subject alternative names).',
    de: 'Verbinden Sie mit einem Hostnamen, den das Zertifikat nennt (siehe seine alternativen Antragstellernamen).',
    ja: '証明書に記載されたホスト名で接続してください (サブジェクト代替名を参照)。',
  },
  'doctor.untrusted.fixAskForHost': {
    en: "Or ask the server's administrator for a certificate that names this host.",
    de: 'Oder bitten Sie den Administrator des Servers um ein Zertifikat, das diesen Host nennt.',
    ja: 'または、このホスト名を記載した証明書をサーバー管理者に依頼してください。',
  },
  'doctor.untrusted.fixOwnCa': {
    en: "If your organisation runs its own certificate authority, add its certificate to this computer's trusted certificates.",
    de: 'Betreibt Ihre Organisation eine eigene Zertifizierungsstelle, fügen Sie deren Zertifikat den vertrauenswürdigen Zertifikaten dieses Computers hinzu.',
    ja: '組織が独自の認証局を運用している場合は、その証明書をこのコンピューターの信頼された証明書に追加してください。',
  },
  'doctor.untrusted.fixCompare': {
    en: "Otherwise compare the SHA-256 fingerprint with the one the server's administrator gives you (by phone, not by e-mail from the same server), then trust it always: Wharf pins it and stops if it ever changes.",
    de: 'Andernfalls vergleichen Sie den SHA-256-Fingerabdruck mit dem, den Ihnen der Administrator des Servers nennt (telefonisch, nicht per E-Mail vom selben Server), und vertrauen Sie ihm dann dauerhaft: Wharf merkt ihn sich und hält an, sobald er sich ändert.',
    ja: 'それ以外の場合は、SHA-256 フィンガープリントをサーバー管理者から伝えられたもの (同じサーバーからのメールではなく電話で) と比較し、常に信頼してください: Wharf はそれを記録し、変わったら停止します。',
  },
  'doctor.untrusted.fixWhich': {
    en: "Ask the server's administrator which certificate the server should present, and compare fingerprints.",
    de: 'Fragen Sie den Administrator des Servers, welches Zertifikat der Server vorlegen sollte, und vergleichen Sie die Fingerabdrücke.',
    ja: 'サーバーが提示すべき証明書をサーバー管理者に確認し、フィンガープリントを比較してください。',
  },

  'doctor.changed.title': { en: 'The certificate changed since it was trusted', de: 'Das Zertifikat hat sich geändert, seit ihm vertraut wurde', ja: '信頼した後に証明書が変更されました' },
  'doctor.changed.explanation': {
    en: 'The server presented a different certificate than the one pinned for {where}{detail}. Nothing was sent.',
    de: 'Der Server hat ein anderes Zertifikat vorgelegt als das für {where} gespeicherte{detail}. Es wurde nichts gesendet.',
    ja: 'サーバーは {where} に登録済みのものとは異なる証明書を提示しました{detail}。何も送信していません。',
  },
  'doctor.changed.fix1': {
    en: "Ask the server's administrator whether the certificate was renewed; if so, remove the old pin (Certificates in the site manager, or wharf site uncert) and trust the new one after checking its fingerprint.",
    de: 'Fragen Sie den Administrator des Servers, ob das Zertifikat erneuert wurde; falls ja, entfernen Sie den alten Eintrag (Zertifikate im Servermanager oder wharf site uncert) und vertrauen Sie dem neuen, nachdem Sie seinen Fingerabdruck geprüft haben.',
    ja: '証明書が更新されたかサーバー管理者に確認してください。更新された場合は、古い登録を削除し (サイトマネージャーの「証明書」または wharf site uncert)、フィンガープリントを確認してから新しい証明書を信頼してください。',
  },
  'doctor.changed.fix2': {
    en: 'If it was not renewed, do not connect: someone may be intercepting the connection.',
    de: 'Wurde es nicht erneuert, verbinden Sie nicht: Jemand fängt die Verbindung womöglich ab.',
    ja: '更新されていない場合は接続しないでください: 誰かが接続を傍受している可能性があります。',
  },

  'doctor.tooMany.title': {
    en: 'The server refuses more connections from this address',
    de: 'Der Server lehnt weitere Verbindungen von dieser Adresse ab',
    ja: 'サーバーはこのアドレスからのこれ以上の接続を拒否しています',
  },
  'doctor.tooMany.explanation': {
    en: 'The server limits connections per address or in total and turned this one away{detail}.',
    de: 'Der Server begrenzt die Verbindungen pro Adresse oder insgesamt und hat diese abgewiesen{detail}.',
    ja: 'サーバーはアドレスごとまたは全体の接続数を制限しており、この接続を断りました{detail}。',
  },
  'doctor.tooMany.fix1': {
    en: 'Close other FTP programs and Wharf windows connected to this server, or wait for stale sessions to time out.',
    de: 'Schließen Sie andere FTP-Programme und Wharf-Fenster, die mit diesem Server verbunden sind, oder warten Sie, bis alte Sitzungen ablaufen.',
    ja: 'このサーバーに接続している他の FTP プログラムや Wharf のウィンドウを閉じるか、古いセッションがタイムアウトするまで待ってください。',
  },
  'doctor.tooMany.fix2': {
    en: 'Lower the site\'s "Max connections": the transfer queue opens up to that many besides the browsing connection.',
    de: 'Verringern Sie „Max. Verbindungen“ des Servereintrags: Die Übertragungswarteschlange öffnet bis zu so viele zusätzlich zur Verbindung für die Verzeichnisanzeige.',
    ja: 'サイトの「最大接続数」を下げてください: 転送キューは閲覧用の接続とは別にその数まで接続を開きます。',
  },
  'doctor.tooMany.fix3': {
    en: "Ask the server's administrator to raise the limit (vsftpd max_per_ip, proftpd MaxClientsPerHost, pure-ftpd -C).",
    de: 'Bitten Sie den Administrator des Servers, die Grenze anzuheben (vsftpd max_per_ip, proftpd MaxClientsPerHost, pure-ftpd -C).',
    ja: 'サーバー管理者に上限を引き上げるよう依頼してください (vsftpd max_per_ip、proftpd MaxClientsPerHost、pure-ftpd -C)。',
  },

  'doctor.loginRefused.title': { en: 'Login refused', de: 'Anmeldung abgelehnt', ja: 'ログインが拒否されました' },
  'doctor.loginRefused.explanation': {
    en: 'The server did not accept the user name and password{detail}.',
    de: 'Der Server hat Benutzername und Passwort nicht akzeptiert{detail}.',
    ja: 'サーバーはユーザー名とパスワードを受け付けませんでした{detail}。',
  },
  'doctor.loginRefused.fix1': {
    en: 'Check the user name and password (both may be case-sensitive).',
    de: 'Prüfen Sie Benutzername und Passwort (bei beiden kann Groß-/Kleinschreibung zählen).',
    ja: 'ユーザー名とパスワードを確認してください (どちらも大文字と小文字が区別される場合があります)。',
  },
  'doctor.loginRefused.fix2': {
    en: 'The account may be locked, expired or not allowed to use FTP: ask the administrator.',
    de: 'Das Konto ist vielleicht gesperrt, abgelaufen oder darf kein FTP verwenden: Fragen Sie den Administrator.',
    ja: 'アカウントがロックされている、期限切れ、または FTP の使用が許可されていない可能性があります: 管理者に確認してください。',
  },

  'doctor.tlsRequired.title': { en: 'The server requires FTPS', de: 'Der Server verlangt FTPS', ja: 'サーバーは FTPS を必要としています' },
  'doctor.tlsRequired.explanation': {
    en: 'The server refused a plain FTP login{detail}: it wants the connection encrypted first.',
    de: 'Der Server hat eine Anmeldung mit einfachem FTP abgelehnt{detail}: Er will die Verbindung zuerst verschlüsseln.',
    ja: 'サーバーは平文の FTP でのログインを拒否しました{detail}: 先に接続を暗号化する必要があります。',
  },
  'doctor.tlsRequired.fix': { en: 'Choose "{explicitName}" for this site.', de: 'Wählen Sie für diesen Server „{explicitName}“.', ja: 'このサイトで「{explicitName}」を選んでください。' },

  'doctor.plain.title': { en: 'Plain FTP: nothing is encrypted', de: 'Einfaches FTP: Nichts ist verschlüsselt', ja: '平文の FTP: 何も暗号化されません' },
  'doctor.plain.explanation': {
    en: 'Your user name, password and files travel unencrypted; anyone on the network path can read them.',
    de: 'Benutzername, Passwort und Dateien werden unverschlüsselt übertragen; jeder auf dem Netzwerkweg kann sie lesen.',
    ja: 'ユーザー名、パスワード、ファイルが暗号化されずに送られます。ネットワーク経路上の誰でも読むことができます。',
  },
  'doctor.plain.fix': {
    en: 'Choose "{explicitName}" if the server offers it (run the doctor again to check).',
    de: 'Wählen Sie „{explicitName}“, falls der Server es anbietet (führen Sie die Diagnose erneut aus, um es zu prüfen).',
    ja: 'サーバーが対応していれば「{explicitName}」を選んでください (確認するには診断をもう一度実行してください)。',
  },

  'doctor.protNeither.title': {
    en: 'The server refuses encrypted and unencrypted data connections alike',
    de: 'Der Server lehnt verschlüsselte wie unverschlüsselte Datenverbindungen ab',
    ja: 'サーバーは暗号化されたデータ接続も暗号化されていないデータ接続も拒否しています',
  },
  'doctor.protNeither.explanation': {
    en: "The server refused PROT P{detail}, so listings and files would have to travel unencrypted; but it refused an unencrypted data connection too ({dataReply}). No listing or transfer can work: the server's settings contradict each other.",
    de: 'Der Server hat PROT P abgelehnt{detail}, also müssten Verzeichnislisten und Dateien unverschlüsselt übertragen werden; er hat aber auch eine unverschlüsselte Datenverbindung abgelehnt ({dataReply}). Keine Auflistung und keine Übertragung kann funktionieren: Die Einstellungen des Servers widersprechen sich.',
    ja: 'サーバーは PROT P を拒否したため{detail}、一覧とファイルは暗号化されずに送られることになりますが、暗号化されていないデータ接続も拒否しました ({dataReply})。一覧も転送もできません: サーバーの設定が矛盾しています。',
  },
  'doctor.protNeither.fix2': {
    en: "Nothing in Wharf's settings can work around this: Wharf asks for PROT P, as it should.",
    de: 'Keine Einstellung in Wharf kann das umgehen: Wharf verlangt PROT P, wie es sein soll.',
    ja: 'Wharf の設定でこれを回避することはできません: Wharf は本来あるべき通り PROT P を要求します。',
  },
  'doctor.protRefused.title': {
    en: 'The server refuses to encrypt file contents and listings',
    de: 'Der Server lehnt es ab, Dateiinhalte und Verzeichnislisten zu verschlüsseln',
    ja: 'サーバーはファイルの内容と一覧の暗号化を拒否しています',
  },
  'doctor.protRefused.explanation': {
    en: 'The server refused PROT P{detail}: listings and files would travel unencrypted, so Wharf stops the connection after login.',
    de: 'Der Server hat PROT P abgelehnt{detail}: Verzeichnislisten und Dateien würden unverschlüsselt übertragen, daher beendet Wharf die Verbindung nach der Anmeldung.',
    ja: 'サーバーは PROT P を拒否しました{detail}: 一覧とファイルが暗号化されずに送られるため、Wharf はログイン後に接続を中止します。',
  },
  'doctor.protRefused.fix2': {
    en: 'To connect anyway, with listings and files unencrypted: turn on "{setting}" in the site\'s Advanced settings (wharf: --allow-clear-data, or wharf site edit NAME --allow-clear-data).',
    de: 'Um trotzdem zu verbinden, mit unverschlüsselten Verzeichnislisten und Dateien: Schalten Sie „{setting}“ in den erweiterten Einstellungen des Servers ein (wharf: --allow-clear-data oder wharf site edit NAME --allow-clear-data).',
    ja: '一覧とファイルを暗号化しないまま接続するには: サイトの詳細設定で「{setting}」をオンにしてください (wharf: --allow-clear-data、または wharf site edit NAME --allow-clear-data)。',
  },
  'doctor.protAllowed.title': {
    en: 'File contents and listings are not encrypted',
    de: 'Dateiinhalte und Verzeichnislisten sind nicht verschlüsselt',
    ja: 'ファイルの内容と一覧は暗号化されていません',
  },
  'doctor.protAllowed.explanation': {
    en: 'The server refused PROT P{detail}: the control connection is encrypted, data connections are not.',
    de: 'Der Server hat PROT P abgelehnt{detail}: Die Steuerverbindung ist verschlüsselt, die Datenverbindungen nicht.',
    ja: 'サーバーは PROT P を拒否しました{detail}: 制御接続は暗号化されていますが、データ接続は暗号化されていません。',
  },
  'doctor.protAllowed.fix2': {
    en: 'This site allows it ("{setting}" is on); turn that off to have such a server refused.',
    de: 'Dieser Servereintrag erlaubt es („{setting}“ ist eingeschaltet); schalten Sie das aus, damit ein solcher Server abgelehnt wird.',
    ja: 'このサイトでは許可されています (「{setting}」がオン)。このようなサーバーを拒否するにはオフにしてください。',
  },

  'doctor.epsv.title': { en: 'The server does not support EPSV', de: 'Der Server unterstützt EPSV nicht', ja: 'サーバーは EPSV に対応していません' },
  'doctor.epsv.explanation': {
    en: 'EPSV was refused{detail}; Wharf uses PASV with this server.',
    de: 'EPSV wurde abgelehnt{detail}; Wharf verwendet bei diesem Server PASV.',
    ja: 'EPSV は拒否されました{detail}。このサーバーでは Wharf は PASV を使います。',
  },

  'doctor.passiveBlocked.title': {
    en: 'The control connection works, but data connections cannot be opened',
    de: 'Die Steuerverbindung funktioniert, aber Datenverbindungen lassen sich nicht öffnen',
    ja: '制御接続は機能していますが、データ接続を開けません',
  },
  'doctor.passiveBlocked.explanation': {
    en: "The server named {ports} for the data connection, but {blocked, select, timeout {connecting there got no answer (the connection timed out)} other {connecting there was refused}}. A firewall or router lets the control port through but not the server's passive port range; or a NAT or firewall with an FTP helper (ALG) tries to read the PASV reply to open the port, which it cannot do because FTPS encrypts it.",
    de: 'Der Server hat für die Datenverbindung {ports} genannt, aber {blocked, select, timeout {eine Verbindung dorthin blieb ohne Antwort (Zeitüberschreitung)} other {eine Verbindung dorthin wurde abgelehnt}}. Eine Firewall oder ein Router lässt den Steuerport durch, nicht aber den passiven Portbereich des Servers; oder ein NAT bzw. eine Firewall mit FTP-Helfer (ALG) versucht, die PASV-Antwort zu lesen, um den Port zu öffnen, was nicht geht, weil FTPS sie verschlüsselt.',
    ja: 'サーバーはデータ接続用に{ports}を指定しましたが、{blocked, select, timeout {そこへの接続に応答がありませんでした (タイムアウト)} other {そこへの接続は拒否されました}}。ファイアウォールやルーターが制御ポートは通してもサーバーのパッシブポート範囲を通していないか、FTP ヘルパー (ALG) 付きの NAT やファイアウォールが PASV 応答を読んでポートを開こうとしていますが、FTPS は暗号化されているため読めません。',
  },
  'doctor.passiveBlocked.fixAlg': {
    en: 'Turn off "FTP inspection"/FTP ALG on the router or firewall: it cannot read FTPS and only gets in the way.',
    de: 'Schalten Sie „FTP inspection“/FTP-ALG am Router oder an der Firewall aus: Es kann FTPS nicht lesen und stört nur.',
    ja: 'ルーターやファイアウォールの「FTP inspection」/FTP ALG をオフにしてください: FTPS を読めず、邪魔になるだけです。',
  },
  'doctor.passiveBlocked.fixActiveWorked': {
    en: 'Active mode worked in this test: set the site\'s data connections to "active" until the passive range is fixed.',
    de: 'Der aktive Modus hat in diesem Test funktioniert: Stellen Sie die Datenverbindungen des Servers auf „aktiv“, bis der passive Bereich behoben ist.',
    ja: 'このテストではアクティブモードが機能しました: パッシブの範囲が直るまで、サイトのデータ接続を「アクティブ」にしてください。',
  },
  'doctor.passiveBlocked.fixTryActive': {
    en: 'Try active mode (the site\'s data connections: "active"); it needs this computer to accept a connection from the server, which NAT usually prevents.',
    de: 'Versuchen Sie den aktiven Modus (Datenverbindungen des Servers: „aktiv“); dafür muss dieser Computer eine Verbindung vom Server annehmen, was NAT meist verhindert.',
    ja: 'アクティブモードを試してください (サイトのデータ接続:「アクティブ」)。このコンピューターがサーバーからの接続を受け付ける必要があり、通常は NAT がそれを妨げます。',
  },

  'doctor.pasvPrivate.title': {
    en: 'The server announces a private address ({announced}) in PASV',
    de: 'Der Server nennt in PASV eine private Adresse ({announced})',
    ja: 'サーバーが PASV でプライベートアドレス ({announced}) を通知しています',
  },
  'doctor.pasvPrivate.explanation': {
    en: 'The PASV reply named {announced}, which cannot be reached from here: the server is behind NAT and does not know its external address. Wharf connects to {host} instead (the address of the control connection){epsv, select, yes { and uses EPSV first, which has no address at all} other {}}. Clients that trust the PASV address hang on every listing and transfer.',
    de: 'Die PASV-Antwort nannte {announced}, das von hier nicht erreichbar ist: Der Server steht hinter NAT und kennt seine externe Adresse nicht. Wharf verbindet stattdessen mit {host} (der Adresse der Steuerverbindung){epsv, select, yes { und verwendet zuerst EPSV, das gar keine Adresse enthält} other {}}. Clients, die der PASV-Adresse vertrauen, hängen bei jeder Auflistung und Übertragung.',
    ja: 'PASV 応答は {announced} を指定しましたが、ここからは到達できません: サーバーは NAT の内側にあり、外部アドレスを知りません。Wharf は代わりに {host} (制御接続のアドレス) に接続します{epsv, select, yes {。また、アドレスを含まない EPSV を先に使います} other {}}。PASV のアドレスをそのまま信じるクライアントは、一覧や転送のたびに止まります。',
  },
  'doctor.pasvPrivate.someAddress': { en: 'a private address', de: 'eine private Adresse', ja: 'プライベートアドレス' },
  'doctor.pasvPrivate.fixClients': {
    en: "Clients: use EPSV (Wharf does by default) or a client that replaces a private PASV address with the server's.",
    de: 'Clients: Verwenden Sie EPSV (Wharf tut das standardmäßig) oder einen Client, der eine private PASV-Adresse durch die des Servers ersetzt.',
    ja: 'クライアント側: EPSV を使うか (Wharf は既定で使います)、プライベートな PASV アドレスをサーバーのアドレスに置き換えるクライアントを使ってください。',
  },
  'doctor.pasvForeign.title': {
    en: "The server's PASV reply names another host ({announced})",
    de: 'Die PASV-Antwort des Servers nennt einen anderen Host ({announced})',
    ja: 'サーバーの PASV 応答が別のホスト ({announced}) を指定しています',
  },
  'doctor.pasvForeign.explanation': {
    en: "The PASV reply asks for the data connection to go to {announced}, a public address that is not the server ({host}). Wharf refuses to connect there: sending a data connection to a third host is how FTP bounce attacks work, and a wrong external address in the server's settings looks exactly the same.{epsv, select, yes { EPSV works with this server, so Wharf uses it.} other {}}",
    de: 'Die PASV-Antwort verlangt die Datenverbindung zu {announced}, einer öffentlichen Adresse, die nicht der Server ist ({host}). Wharf verbindet dort nicht: Eine Datenverbindung zu einem dritten Host ist das Prinzip von FTP-Bounce-Angriffen, und eine falsche externe Adresse in den Einstellungen des Servers sieht genauso aus.{epsv, select, yes { EPSV funktioniert mit diesem Server, daher verwendet Wharf es.} other {}}',
    ja: 'PASV 応答は、サーバー ({host}) ではない公開アドレス {announced} へのデータ接続を求めています。Wharf はそこには接続しません: 第三のホストへデータ接続を向けるのは FTP バウンス攻撃の手口であり、サーバー設定の外部アドレスの誤りもまったく同じに見えます。{epsv, select, yes {このサーバーでは EPSV が使えるため、Wharf は EPSV を使います。} other {}}',
  },
  'doctor.pasvForeign.someAddress': { en: 'another address', de: 'eine andere Adresse', ja: '別のアドレス' },
  'doctor.pasvForeign.fixAddress': {
    en: "Ask the server's administrator to set the server's real external address (vsftpd pasv_address, proftpd MasqueradeAddress, pure-ftpd -P).",
    de: 'Bitten Sie den Administrator des Servers, die tatsächliche externe Adresse des Servers einzustellen (vsftpd pasv_address, proftpd MasqueradeAddress, pure-ftpd -P).',
    ja: 'サーバー管理者にサーバーの正しい外部アドレスを設定するよう依頼してください (vsftpd pasv_address、proftpd MasqueradeAddress、pure-ftpd -P)。',
  },
  'doctor.pasvForeign.fixKeepEpsv': {
    en: 'Keep EPSV enabled for this site (the default).',
    de: 'Lassen Sie EPSV für diesen Server eingeschaltet (Standard).',
    ja: 'このサイトでは EPSV を有効のままにしてください (既定)。',
  },
  'doctor.pasvForeign.fixEnableEpsv': {
    en: 'Ask the administrator to enable EPSV, which names no address.',
    de: 'Bitten Sie den Administrator, EPSV zu aktivieren, das keine Adresse nennt.',
    ja: 'アドレスを含まない EPSV を有効にするよう管理者に依頼してください。',
  },

  'doctor.reuseRequired.title': {
    en: 'The server requires TLS session reuse on data connections',
    de: 'Der Server verlangt die Wiederverwendung der TLS-Sitzung für Datenverbindungen',
    ja: 'サーバーはデータ接続での TLS セッションの再利用を必要としています',
  },
  'doctor.reuseRequired.explanation': {
    en: 'A data connection that did not resume the control connection\'s TLS session was refused{detail}. This protects against someone else taking over the data connection. Wharf resumes the session, and that worked. Clients that do not resume fail here: vsftpd answers "522 SSL connection failed: session reuse required", proftpd "425 Unable to build data connection: Operation not permitted".',
    de: 'Eine Datenverbindung, die die TLS-Sitzung der Steuerverbindung nicht fortsetzte, wurde abgelehnt{detail}. Das schützt davor, dass jemand anderes die Datenverbindung übernimmt. Wharf setzt die Sitzung fort, und das hat funktioniert. Clients, die das nicht tun, scheitern hier: vsftpd antwortet "522 SSL connection failed: session reuse required", proftpd "425 Unable to build data connection: Operation not permitted".',
    ja: '制御接続の TLS セッションを再開しなかったデータ接続は拒否されました{detail}。これは第三者によるデータ接続の乗っ取りを防ぎます。Wharf はセッションを再開し、成功しました。再開しないクライアントはここで失敗します: vsftpd は "522 SSL connection failed: session reuse required"、proftpd は "425 Unable to build data connection: Operation not permitted" と応答します。',
  },
  'doctor.reuseRequired.fixOthers': {
    en: 'For other clients that fail: use a client that resumes TLS sessions; as a last resort the administrator can relax it (vsftpd require_ssl_reuse=NO, proftpd TLSOptions NoSessionReuseRequired), which weakens the protection.',
    de: 'Für andere Clients, die scheitern: Verwenden Sie einen Client, der TLS-Sitzungen fortsetzt; als letzter Ausweg kann der Administrator die Vorgabe lockern (vsftpd require_ssl_reuse=NO, proftpd TLSOptions NoSessionReuseRequired), was den Schutz schwächt.',
    ja: '失敗する他のクライアントについて: TLS セッションを再開するクライアントを使ってください。最後の手段として管理者が制限を緩めることもできますが (vsftpd require_ssl_reuse=NO、proftpd TLSOptions NoSessionReuseRequired)、保護は弱まります。',
  },
  'doctor.reuseFailed.title': {
    en: 'Data connections fail: the server requires TLS session reuse and it did not work',
    de: 'Datenverbindungen scheitern: Der Server verlangt die Wiederverwendung der TLS-Sitzung, und sie hat nicht funktioniert',
    ja: 'データ接続が失敗します: サーバーは TLS セッションの再利用を必要としていますが、うまくいきませんでした',
  },
  'doctor.reuseFailed.explanation': {
    en: "Wharf offered the control connection's TLS session on the data connection, but the server did not resume it and refused the transfer{detail}.",
    de: 'Wharf hat die TLS-Sitzung der Steuerverbindung auf der Datenverbindung angeboten, aber der Server hat sie nicht fortgesetzt und die Übertragung abgelehnt{detail}.',
    ja: 'Wharf はデータ接続で制御接続の TLS セッションを提示しましたが、サーバーは再開せず転送を拒否しました{detail}。',
  },
  'doctor.reuseFailed.fix1': {
    en: "Ask the server's administrator to enable TLS session resumption (proftpd TLSSessionCache / TLSSessionTickets; an up-to-date vsftpd or pure-ftpd).",
    de: 'Bitten Sie den Administrator des Servers, die Fortsetzung von TLS-Sitzungen zu aktivieren (proftpd TLSSessionCache / TLSSessionTickets; ein aktuelles vsftpd oder pure-ftpd).',
    ja: 'サーバー管理者に TLS セッション再開を有効にするよう依頼してください (proftpd TLSSessionCache / TLSSessionTickets、最新の vsftpd または pure-ftpd)。',
  },
  'doctor.reuseFailed.fix2': {
    en: 'As a workaround on the server: stop requiring reuse (vsftpd require_ssl_reuse=NO, proftpd TLSOptions NoSessionReuseRequired).',
    de: 'Als Notlösung auf dem Server: die Wiederverwendung nicht mehr verlangen (vsftpd require_ssl_reuse=NO, proftpd TLSOptions NoSessionReuseRequired).',
    ja: 'サーバー側の回避策: 再利用の要求をやめる (vsftpd require_ssl_reuse=NO、proftpd TLSOptions NoSessionReuseRequired)。',
  },

  'doctor.tls13NotResumed.title': {
    en: 'TLS 1.3 sessions are not resumed on data connections',
    de: 'TLS-1.3-Sitzungen werden auf Datenverbindungen nicht fortgesetzt',
    ja: 'データ接続で TLS 1.3 セッションが再開されません',
  },
  'doctor.tls13NotResumed.explanation': {
    en: "Over TLS 1.3 the server did not resume the control connection's session on the data connection{detail}, while over TLS 1.2 it did: it sends no usable TLS 1.3 session tickets. Transfers work because this server does not require reuse, but every data connection costs a full handshake, and the server cannot check that a data connection comes from the same client as the control connection.",
    de: 'Mit TLS 1.3 hat der Server die Sitzung der Steuerverbindung auf der Datenverbindung nicht fortgesetzt{detail}, mit TLS 1.2 dagegen schon: Er sendet keine brauchbaren TLS-1.3-Sitzungstickets. Übertragungen funktionieren, weil dieser Server keine Wiederverwendung verlangt, aber jede Datenverbindung kostet einen vollständigen Handshake, und der Server kann nicht prüfen, ob eine Datenverbindung vom selben Client stammt wie die Steuerverbindung.',
    ja: 'TLS 1.3 ではサーバーはデータ接続で制御接続のセッションを再開しませんでしたが{detail}、TLS 1.2 では再開しました: 使える TLS 1.3 セッションチケットを送っていません。このサーバーは再利用を必要としないため転送は機能しますが、データ接続ごとに完全なハンドシェイクが必要になり、サーバーはデータ接続が制御接続と同じクライアントからのものか確認できません。',
  },
  'doctor.tls13NotResumed.fix1': {
    en: "Ask the server's administrator to enable TLS 1.3 session tickets (or its session cache).",
    de: 'Bitten Sie den Administrator des Servers, TLS-1.3-Sitzungstickets (oder seinen Sitzungscache) zu aktivieren.',
    ja: 'サーバー管理者に TLS 1.3 セッションチケット (またはセッションキャッシュ) を有効にするよう依頼してください。',
  },
  'doctor.tls13Tickets.title': {
    en: 'TLS 1.3 session tickets do not work for data connections',
    de: 'TLS-1.3-Sitzungstickets funktionieren für Datenverbindungen nicht',
    ja: 'TLS 1.3 セッションチケットがデータ接続で機能しません',
  },
  'doctor.tls13Tickets.explanation': {
    en: "Over TLS 1.3 the data connection could not resume the control connection's session{detail}, while over TLS 1.2 it could. TLS 1.3 resumes only with the session tickets the server sends after the handshake; this server's tickets are missing or not accepted, and it requires reuse.",
    de: 'Mit TLS 1.3 konnte die Datenverbindung die Sitzung der Steuerverbindung nicht fortsetzen{detail}, mit TLS 1.2 dagegen schon. TLS 1.3 setzt nur mit den Sitzungstickets fort, die der Server nach dem Handshake sendet; die Tickets dieses Servers fehlen oder werden nicht angenommen, und er verlangt die Wiederverwendung.',
    ja: 'TLS 1.3 ではデータ接続で制御接続のセッションを再開できませんでしたが{detail}、TLS 1.2 ではできました。TLS 1.3 はハンドシェイク後にサーバーが送るセッションチケットでのみ再開します。このサーバーのチケットは欠けているか受け付けられず、しかもサーバーは再利用を必要としています。',
  },
  'doctor.tls13Tickets.fix1': {
    en: "Ask the server's administrator to fix TLS 1.3 session tickets: update the server, enable its session cache or tickets, and check that its OpenSSL configuration does not turn them off (NumTickets = 0 in openssl.cnf).",
    de: 'Bitten Sie den Administrator des Servers, die TLS-1.3-Sitzungstickets zu reparieren: den Server aktualisieren, Sitzungscache oder Tickets aktivieren und prüfen, dass die OpenSSL-Konfiguration sie nicht abschaltet (NumTickets = 0 in openssl.cnf).',
    ja: 'サーバー管理者に TLS 1.3 セッションチケットの修正を依頼してください: サーバーを更新し、セッションキャッシュまたはチケットを有効にし、OpenSSL の設定で無効になっていないか確認します (openssl.cnf の NumTickets = 0)。',
  },
  'doctor.tls13Tickets.fix2': {
    en: 'Until then the administrator can offer TLS 1.2 only, where resumption works; or stop requiring reuse (vsftpd require_ssl_reuse=NO, proftpd TLSOptions NoSessionReuseRequired), which weakens the protection.',
    de: 'Bis dahin kann der Administrator nur TLS 1.2 anbieten, wo die Fortsetzung funktioniert; oder die Wiederverwendung nicht mehr verlangen (vsftpd require_ssl_reuse=NO, proftpd TLSOptions NoSessionReuseRequired), was den Schutz schwächt.',
    ja: 'それまでの間、管理者は再開が機能する TLS 1.2 のみを提供するか、再利用の要求をやめることができますが (vsftpd require_ssl_reuse=NO、proftpd TLSOptions NoSessionReuseRequired)、保護は弱まります。',
  },
  'doctor.singleUse.title': {
    en: 'TLS 1.3 session tickets are single-use on this server',
    de: 'TLS-1.3-Sitzungstickets sind auf diesem Server nur einmal verwendbar',
    ja: 'このサーバーの TLS 1.3 セッションチケットは一度しか使えません',
  },
  'doctor.singleUse.explanation': {
    en: 'A TLS 1.3 ticket that had already resumed one data connection was refused for a second one{detail}. Each data connection brings a fresh ticket, and Wharf always uses the newest, so this works. Clients that keep reusing the first ticket fail from their second transfer on, typically with the same error as a client that does not resume at all.',
    de: 'Ein TLS-1.3-Ticket, das bereits eine Datenverbindung fortgesetzt hatte, wurde für eine zweite abgelehnt{detail}. Jede Datenverbindung bringt ein neues Ticket, und Wharf verwendet immer das neueste, daher funktioniert das. Clients, die das erste Ticket weiterverwenden, scheitern ab der zweiten Übertragung, meist mit demselben Fehler wie ein Client, der gar nicht fortsetzt.',
    ja: 'すでに 1 つのデータ接続を再開した TLS 1.3 チケットは、2 つ目では拒否されました{detail}。データ接続ごとに新しいチケットが届き、Wharf は常に最新のものを使うため、これは機能します。最初のチケットを使い続けるクライアントは 2 回目の転送から失敗し、多くの場合、まったく再開しないクライアントと同じエラーになります。',
  },
  'doctor.singleUse.fix2': {
    en: 'For other clients that fail from the second transfer on: update them, or connect them with TLS 1.2.',
    de: 'Für andere Clients, die ab der zweiten Übertragung scheitern: Aktualisieren Sie sie oder verbinden Sie sie mit TLS 1.2.',
    ja: '2 回目の転送から失敗する他のクライアントについて: 更新するか、TLS 1.2 で接続してください。',
  },
  'doctor.noTls13.title': { en: 'The server does not offer TLS 1.3', de: 'Der Server bietet kein TLS 1.3 an', ja: 'サーバーは TLS 1.3 に対応していません' },
  'doctor.noTls13.explanation': {
    en: "TLS 1.2 is used{detail}. That is safe with the server's current settings, but TLS 1.3 is faster and removes older weaknesses.",
    de: 'TLS 1.2 wird verwendet{detail}. Das ist mit den aktuellen Einstellungen des Servers sicher, aber TLS 1.3 ist schneller und beseitigt ältere Schwächen.',
    ja: 'TLS 1.2 が使われています{detail}。サーバーの現在の設定では安全ですが、TLS 1.3 の方が速く、古い弱点も解消されます。',
  },
  'doctor.noTls13.fix': {
    en: "Ask the server's administrator to enable TLS 1.3 (an OpenSSL 1.1.1+ build).",
    de: 'Bitten Sie den Administrator des Servers, TLS 1.3 zu aktivieren (ein Build mit OpenSSL 1.1.1 oder neuer).',
    ja: 'サーバー管理者に TLS 1.3 を有効にするよう依頼してください (OpenSSL 1.1.1 以降のビルド)。',
  },
  'doctor.noTls12.title': { en: 'The server accepts only TLS 1.3', de: 'Der Server akzeptiert nur TLS 1.3', ja: 'サーバーは TLS 1.3 のみ受け付けます' },
  'doctor.noTls12.explanation': {
    en: 'A TLS 1.2 connection was refused{detail}. Wharf uses TLS 1.3; older clients limited to TLS 1.2 cannot connect.',
    de: 'Eine TLS-1.2-Verbindung wurde abgelehnt{detail}. Wharf verwendet TLS 1.3; ältere Clients, die nur TLS 1.2 können, können nicht verbinden.',
    ja: 'TLS 1.2 の接続は拒否されました{detail}。Wharf は TLS 1.3 を使います。TLS 1.2 までしか使えない古いクライアントは接続できません。',
  },

  'doctor.listingFailed.title': { en: 'The folder could not be listed', de: 'Das Verzeichnis konnte nicht aufgelistet werden', ja: 'ディレクトリの一覧を取得できませんでした' },
  'doctor.listingFailed.explanation': {
    en: 'A data connection was opened, but the listing failed{detail}.',
    de: 'Eine Datenverbindung wurde geöffnet, aber die Auflistung ist fehlgeschlagen{detail}.',
    ja: 'データ接続は開きましたが、一覧の取得に失敗しました{detail}。',
  },
  'doctor.listingFailed.fix1': {
    en: 'Check that the folder exists and the user may read it.',
    de: 'Prüfen Sie, ob das Verzeichnis existiert und der Benutzer es lesen darf.',
    ja: 'ディレクトリが存在し、ユーザーに読み取り権限があるか確認してください。',
  },
  'doctor.activeWorks.title': { en: 'Active mode works', de: 'Der aktive Modus funktioniert', ja: 'アクティブモードは機能します' },
  'doctor.activeWorks.explanation': {
    en: 'With passive mode failing, a listing in active mode (the server connects to this computer) succeeded.',
    de: 'Während der passive Modus scheiterte, gelang eine Auflistung im aktiven Modus (der Server verbindet sich mit diesem Computer).',
    ja: 'パッシブモードが失敗する一方、アクティブモード (サーバーがこのコンピューターに接続する) での一覧取得は成功しました。',
  },
  'doctor.activeWorks.fix': {
    en: 'Set the site\'s data connections to "active" until the server\'s passive setup is fixed.',
    de: 'Stellen Sie die Datenverbindungen des Servers auf „aktiv“, bis die passive Einrichtung des Servers behoben ist.',
    ja: 'サーバーのパッシブ設定が直るまで、サイトのデータ接続を「アクティブ」にしてください。',
  },
  'doctor.timeout.title': { en: 'The server stopped answering', de: 'Der Server antwortet nicht mehr', ja: 'サーバーが応答しなくなりました' },
  'doctor.timeout.explanation': {
    en: 'The server did not answer in time{detail}.',
    de: 'Der Server hat nicht rechtzeitig geantwortet{detail}.',
    ja: 'サーバーが時間内に応答しませんでした{detail}。',
  },
  'doctor.timeout.fix': {
    en: 'Try again; if it persists, the server or the network path is overloaded or filtering FTP.',
    de: 'Versuchen Sie es erneut; bleibt es so, ist der Server oder der Netzwerkweg überlastet oder filtert FTP.',
    ja: 'もう一度試してください。解決しない場合は、サーバーかネットワーク経路が過負荷か、FTP をフィルタリングしています。',
  },
  'doctor.proxy.title': { en: 'The proxy did not get us to the server', de: 'Der Proxy hat uns nicht zum Server gebracht', ja: 'プロキシ経由でサーバーに到達できませんでした' },
  'doctor.proxy.failed': { en: 'The proxy failed.', de: 'Der Proxy ist fehlgeschlagen.', ja: 'プロキシでエラーが発生しました。' },
  'doctor.proxy.fix1': {
    en: "Check the proxy address, user and password in the site's Connectivity tab (or the app-wide proxy setting, or ALL_PROXY / HTTPS_PROXY).",
    de: 'Prüfen Sie Proxy-Adresse, Benutzer und Passwort im Reiter „Verbindung“ des Servers (oder in der Proxy-Einstellung der App, oder ALL_PROXY / HTTPS_PROXY).',
    ja: 'サイトの「接続」タブ (またはアプリ全体のプロキシ設定、ALL_PROXY / HTTPS_PROXY) でプロキシのアドレス、ユーザー、パスワードを確認してください。',
  },
  'doctor.proxy.fix2': {
    en: "Ask the proxy's administrator to allow connections to {where} and to the server's passive ports (an HTTP proxy's allowed CONNECT ports, a SOCKS proxy's rules).",
    de: 'Bitten Sie den Administrator des Proxys, Verbindungen zu {where} und zu den passiven Ports des Servers zu erlauben (die erlaubten CONNECT-Ports eines HTTP-Proxys, die Regeln eines SOCKS-Proxys).',
    ja: 'プロキシの管理者に {where} とサーバーのパッシブポートへの接続を許可するよう依頼してください (HTTP プロキシの許可された CONNECT ポート、SOCKS プロキシのルール)。',
  },
  'doctor.clientCertRequired.title': { en: 'The server requires a client certificate', de: 'Der Server verlangt ein Client-Zertifikat', ja: 'サーバーはクライアント証明書を必要としています' },
  'doctor.clientCertRequired.explanation': {
    en: 'The server asked for a client certificate (mutual TLS) and refuses connections without one{detail}.',
    de: 'Der Server hat ein Client-Zertifikat (gegenseitiges TLS) verlangt und lehnt Verbindungen ohne eines ab{detail}.',
    ja: 'サーバーはクライアント証明書 (相互 TLS) を要求し、証明書のない接続を拒否します{detail}。',
  },
  'doctor.clientCertRequired.fix': {
    en: 'Choose the certificate your administrator gave you in the site\'s Connectivity tab ("Client certificate"), or pass --cert FILE [--key FILE] on the command line.',
    de: 'Wählen Sie das Zertifikat, das Ihnen Ihr Administrator gegeben hat, im Reiter „Verbindung“ des Servers („Client-Zertifikat“), oder übergeben Sie --cert DATEI [--key DATEI] auf der Befehlszeile.',
    ja: '管理者から渡された証明書をサイトの「接続」タブ (「クライアント証明書」) で選ぶか、コマンドラインで --cert FILE [--key FILE] を指定してください。',
  },
  'doctor.clientCertRefused.title': { en: 'The server refused the client certificate', de: 'Der Server hat das Client-Zertifikat abgelehnt', ja: 'サーバーがクライアント証明書を拒否しました' },
  'doctor.clientCertRefused.explanation': {
    en: 'The certificate was sent, but the server did not accept it{detail}.',
    de: 'Das Zertifikat wurde gesendet, aber der Server hat es nicht akzeptiert{detail}.',
    ja: '証明書は送信しましたが、サーバーは受け付けませんでした{detail}。',
  },
  'doctor.clientCertRefused.fix1': {
    en: "Check that it is the certificate the server's administrator issued for you, and that it has not expired.",
    de: 'Prüfen Sie, ob es das Zertifikat ist, das der Administrator des Servers für Sie ausgestellt hat, und ob es nicht abgelaufen ist.',
    ja: 'サーバー管理者があなたのために発行した証明書であること、期限切れでないことを確認してください。',
  },
  'doctor.clientCertRefused.fix2': {
    en: 'Ask the administrator whether the server trusts the authority that signed it.',
    de: 'Fragen Sie den Administrator, ob der Server der Stelle vertraut, die es signiert hat.',
    ja: '署名した認証局をサーバーが信頼しているか管理者に確認してください。',
  },
  'doctor.unexpected.title': { en: 'Something unexpected happened', de: 'Etwas Unerwartetes ist passiert', ja: '予期しないことが起こりました' },
  'doctor.unexpected.explanation': { en: 'The test stopped{detail}.', de: 'Der Test wurde beendet{detail}.', ja: 'テストが停止しました{detail}。' },
  'doctor.unexpected.fix': {
    en: "Try again; if it persists, send this report (it holds no password) to Wharf's developers.",
    de: 'Versuchen Sie es erneut; bleibt es so, senden Sie diesen Bericht (er enthält kein Passwort) an die Entwickler von Wharf.',
    ja: 'もう一度試してください。解決しない場合は、このレポート (パスワードは含まれません) を Wharf の開発者に送ってください。',
  },
  // wharf doctor's step marks (main/cli/commands/doctor.ts), padded there to the widest mark of the language.
  'doctor.mark.ok': { en: 'ok', de: 'OK', ja: 'OK' },
  'doctor.mark.warning': { en: 'warn', de: 'Warnung', ja: '警告' },
  'doctor.mark.failed': { en: 'FAIL', de: 'FEHLER', ja: '失敗' },
  'doctor.mark.skipped': { en: '-', de: '-', ja: '-' },
  'doctor.mark.pending': { en: '..', de: '..', ja: '..' },
});
