import type { DoctorDiagnosis, DoctorProblem, DoctorSeverity, DoctorStepId } from '../../common/models/doctor';
import { PROTOCOL_NAMES, type FtpsMode } from '../../common/models/site';
import { ALLOW_CLEAR_DATA_LABEL } from '../../common/models/site-profile';

/** What a diagnosis can refer to; each problem uses the fields it needs. Server text must already be showable. */
export interface ProblemContext {
  readonly host: string;
  readonly port: number;
  readonly mode: FtpsMode;
  /** The server's reply or the error, as one line. */
  readonly detail?: string;
  /** The address a PASV reply named. */
  readonly announced?: string;
  /** Passive ports the server named. */
  readonly ports?: readonly number[];
  /** Why a certificate is not trusted, in words (from the engine's explainVerificationError). */
  readonly reason?: string;
  /** The user accepted an untrusted certificate for this run. */
  readonly accepted?: boolean;
  /** Whether the passive connection was refused or timed out. */
  readonly blocked?: 'refused' | 'timeout';
  /** Whether an active-mode listing worked (tried only when passive failed). */
  readonly activeWorked?: boolean | null;
  /** Whether EPSV worked (for the PASV findings). */
  readonly epsvWorked?: boolean;
  /** For tls13-tickets: whether data connections failed (error) or only went without resumption (info). */
  readonly dataFailed?: boolean;
  /** For data-protection-refused: the server also refused an unencrypted data connection, with this reply. */
  readonly dataReply?: string;
  /** For data-protection-refused: the site allows unencrypted file data (else Wharf refuses the server). */
  readonly clearDataAllowed?: boolean;
  /** For not-ftp: what the port seems to speak. */
  readonly protocol?: 'SSH' | 'HTTP' | 'TLS' | 'unknown';
}

function portRange(ports: readonly number[] | undefined): string {
  if (!ports || ports.length === 0) return 'the passive ports';
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  return sorted.length === 1 ? `port ${sorted[0]}` : `ports ${sorted.join(', ')}`;
}

type Text = { severity: DoctorSeverity; title: string; explanation: string; fixes: string[] };

const SERVER_PASSIVE_SETTINGS =
  'On the server, set a fixed passive port range (vsftpd pasv_min_port/pasv_max_port, proftpd PassivePorts, pure-ftpd -p) and open or forward exactly that range in its firewall and router.';
const SERVER_EXTERNAL_ADDRESS =
  "If the server is behind NAT, also tell it its external address (vsftpd pasv_address, proftpd MasqueradeAddress, pure-ftpd -P, IIS 'External IP address of firewall').";

const PROT_DENIED_WHERE = 'On proftpd, look for a <Limit PROT> section that denies it.';

/** The words for one problem. Pure: the same context always gives the same text. */
export function describeProblem(problem: DoctorProblem, c: ProblemContext): Text {
  const where = `${c.host}:${c.port}`;
  const detail = c.detail ? ` (${c.detail})` : '';
  switch (problem) {
    case 'dns-failed':
      return {
        severity: 'error',
        title: 'The host name cannot be resolved',
        explanation: `No address was found for "${c.host}"${lookupFailure(c.detail)}.`,
        fixes: ['Check the spelling of the host name.', 'Check the network connection, VPN and DNS settings of this computer.', "Try the server's IP address instead of its name."],
      };
    case 'connect-refused':
      return {
        severity: 'error',
        title: `Nothing accepts connections on port ${c.port}`,
        explanation: `${c.host} answered, but refused a connection to port ${c.port}: no FTP server listens there, or a firewall rejects it.`,
        fixes: [
          c.mode === 'implicit'
            ? 'Check the port: implicit FTPS usually uses port 990, explicit FTPS (the standard) port 21.'
            : 'Check the port: explicit FTPS and FTP usually use port 21; implicit FTPS usually 990.',
          'Check that the FTP server is running.',
          `Check that a firewall lets this computer reach port ${c.port}.`,
        ],
      };
    case 'connect-timeout':
      return {
        severity: 'error',
        title: `No answer from ${where}`,
        explanation: `The connection to ${where} got no answer at all${detail}: a firewall drops it, the host is down, or the address is wrong.`,
        fixes: ['Check the host name and port.', `Check that a firewall (here, on the server, or between) allows port ${c.port}.`, 'Check that the server is up.'],
      };
    case 'not-ftp':
      return {
        severity: 'error',
        title: `Port ${c.port} does not speak FTP`,
        explanation:
          c.protocol === 'SSH'
            ? `An SSH server answers on port ${c.port}. SFTP runs over SSH and is a different protocol from FTPS (FTP over TLS), which is what Wharf speaks.`
            : c.protocol === 'HTTP'
              ? `A web server answers on port ${c.port}, not an FTP server.`
              : `The first thing the server sent is not an FTP greeting${detail}.`,
        fixes:
          c.protocol === 'SSH'
            ? ['If the server offers FTPS, use its FTPS port (usually 21).', 'If it offers only SFTP, use an SFTP client.']
            : ['Check the port: FTP and explicit FTPS usually use 21, implicit FTPS 990.'],
      };
    case 'server-closed':
      return {
        severity: 'error',
        title: 'The server closed the connection',
        explanation: `The server ended the connection${detail}. Servers do this when they block an address (fail2ban, TCP wrappers, an allow-list), when they have too many connections, or when they crash.`,
        fixes: ["Ask the server's administrator whether your address is blocked.", 'Close other FTP programs connected to this server and try again.'],
      };
    case 'implicit-server-explicit-settings':
      return {
        severity: 'error',
        title: 'The server speaks implicit FTPS on this port',
        explanation: `The server sent nothing and waited; when Wharf started a TLS handshake it succeeded, and the server then greeted inside TLS${detail}. The site is set to explicit FTPS (AUTH TLS), which waits for a plain-text greeting first, so it never gets one.`,
        fixes: [`Choose "${PROTOCOL_NAMES.implicit}" for this site (port ${c.port} stays).`, `Or, if the server also offers explicit FTPS, use that port (usually 21) with "${PROTOCOL_NAMES.explicit}".`],
      };
    case 'explicit-server-implicit-settings':
      return {
        severity: 'error',
        title: 'The server speaks explicit FTPS (or plain FTP) on this port',
        explanation: `The server greeted in plain text${detail} instead of starting TLS. The site is set to implicit FTPS, which starts TLS from the first byte, so the TLS handshake read an FTP greeting and failed.`,
        fixes: [`Choose "${PROTOCOL_NAMES.explicit}" for this site (port ${c.port} stays).`, 'Or, if the server also offers implicit FTPS, use that port (usually 990).'],
      };
    case 'no-tls':
      return {
        severity: 'error',
        title: 'The server offers no FTPS',
        explanation: `The server refused AUTH TLS${detail}: it cannot encrypt the connection. Nothing else was sent.`,
        fixes: ["Ask the server's administrator to enable TLS (FTPS).", 'Use plain FTP only if you accept that your password and files travel unencrypted.'],
      };
    case 'tls-handshake-failed':
      return {
        severity: 'error',
        title: 'The TLS handshake failed',
        explanation: `Wharf and the server could not agree on a secure connection${detail}.`,
        fixes: [
          /version|protocol/i.test(c.detail ?? '')
            ? 'The server offers only TLS versions older than 1.2, which are no longer safe: ask its administrator to enable TLS 1.2 or 1.3.'
            : "Ask the server's administrator to check its TLS configuration (certificate, protocols, ciphers).",
          'Check that the site\'s minimum TLS version is not higher than what the server offers.',
        ],
      };
    case 'certificate-untrusted':
      return {
        severity: c.accepted ? 'warning' : 'error',
        title: c.accepted ? 'The certificate is not verified (accepted for this test)' : 'The certificate is not trusted',
        explanation: `${c.reason ?? 'The certificate could not be verified.'} ${c.accepted ? 'You accepted it for this test; anyone on the network path could be in the middle.' : 'Wharf stopped before sending your user name and password.'}`,
        fixes: certificateFixes(c.reason ?? ''),
      };
    case 'certificate-changed':
      return {
        severity: 'error',
        title: 'The certificate changed since it was trusted',
        explanation: `The server presented a different certificate than the one pinned for ${where}${detail}. Nothing was sent.`,
        fixes: [
          "Ask the server's administrator whether the certificate was renewed; if so, remove the old pin (Certificates in the site manager, or wharf site uncert) and trust the new one after checking its fingerprint.",
          'If it was not renewed, do not connect: someone may be intercepting the connection.',
        ],
      };
    case 'too-many-connections':
      return {
        severity: 'error',
        title: 'The server refuses more connections from this address',
        explanation: `The server limits connections per address or in total and turned this one away${detail}.`,
        fixes: [
          'Close other FTP programs and Wharf windows connected to this server, or wait for stale sessions to time out.',
          "Lower the site's \"Max connections\": the transfer queue opens up to that many besides the browsing connection.",
          "Ask the server's administrator to raise the limit (vsftpd max_per_ip, proftpd MaxClientsPerHost, pure-ftpd -C).",
        ],
      };
    case 'login-refused':
      return {
        severity: 'error',
        title: 'Login refused',
        explanation: `The server did not accept the user name and password${detail}.`,
        fixes: ['Check the user name and password (both may be case-sensitive).', 'The account may be locked, expired or not allowed to use FTP: ask the administrator.'],
      };
    case 'tls-required':
      return {
        severity: 'error',
        title: 'The server requires FTPS',
        explanation: `The server refused a plain FTP login${detail}: it wants the connection encrypted first.`,
        fixes: [`Choose "${PROTOCOL_NAMES.explicit}" for this site.`],
      };
    case 'plain-ftp':
      return {
        severity: 'warning',
        title: 'Plain FTP: nothing is encrypted',
        explanation: 'Your user name, password and files travel unencrypted; anyone on the network path can read them.',
        fixes: [`Choose "${PROTOCOL_NAMES.explicit}" if the server offers it (run the doctor again to check).`],
      };
    case 'data-protection-refused':
      if (c.dataReply !== undefined) {
        return {
          severity: 'error',
          title: 'The server refuses encrypted and unencrypted data connections alike',
          explanation: `The server refused PROT P${detail}, so listings and files would have to travel unencrypted; but it refused an unencrypted data connection too (${c.dataReply}). No listing or transfer can work: the server's settings contradict each other.`,
          fixes: [
            `Ask the server's administrator to allow protected data connections (PROT P). ${PROT_DENIED_WHERE}`,
            'Nothing in Wharf\'s settings can work around this: Wharf asks for PROT P, as it should.',
          ],
        };
      }
      if (c.clearDataAllowed !== true) {
        return {
          severity: 'error',
          title: 'The server refuses to encrypt file contents and listings',
          explanation: `The server refused PROT P${detail}: listings and files would travel unencrypted, so Wharf stops the connection after login.`,
          fixes: [
            `Ask the server's administrator to allow protected data connections (PROT P). ${PROT_DENIED_WHERE}`,
            `To connect anyway, with listings and files unencrypted: turn on "${ALLOW_CLEAR_DATA_LABEL}" in the site's Advanced settings (wharf: --allow-clear-data, or wharf site edit NAME --allow-clear-data).`,
          ],
        };
      }
      return {
        severity: 'warning',
        title: 'File contents and listings are not encrypted',
        explanation: `The server refused PROT P${detail}: the control connection is encrypted, data connections are not.`,
        fixes: [
          `Ask the server's administrator to allow protected data connections (PROT P). ${PROT_DENIED_WHERE}`,
          `This site allows it ("${ALLOW_CLEAR_DATA_LABEL}" is on); turn that off to have such a server refused.`,
        ],
      };
    case 'epsv-unsupported':
      return {
        severity: 'info',
        title: 'The server does not support EPSV',
        explanation: `EPSV was refused${detail}; Wharf uses PASV with this server.`,
        fixes: [],
      };
    case 'passive-blocked':
      return {
        severity: 'error',
        title: 'The control connection works, but data connections cannot be opened',
        explanation: `The server named ${portRange(c.ports)} for the data connection, but ${c.blocked === 'timeout' ? 'connecting there got no answer (the connection timed out)' : 'connecting there was refused'}. A firewall or router lets the control port through but not the server's passive port range; or a NAT or firewall with an FTP helper (ALG) tries to read the PASV reply to open the port, which it cannot do because FTPS encrypts it.`,
        fixes: [
          SERVER_PASSIVE_SETTINGS,
          SERVER_EXTERNAL_ADDRESS,
          'Turn off "FTP inspection"/FTP ALG on the router or firewall: it cannot read FTPS and only gets in the way.',
          c.activeWorked === true
            ? 'Active mode worked in this test: set the site\'s data connections to "active" until the passive range is fixed.'
            : 'Try active mode (the site\'s data connections: "active"); it needs this computer to accept a connection from the server, which NAT usually prevents.',
        ],
      };
    case 'pasv-private-address':
      return {
        severity: 'warning',
        title: `The server announces a private address (${c.announced ?? '?'}) in PASV`,
        explanation: `The PASV reply named ${c.announced ?? 'a private address'}, which cannot be reached from here: the server is behind NAT and does not know its external address. Wharf connects to ${c.host} instead (the address of the control connection)${c.epsvWorked ? ' and uses EPSV first, which has no address at all' : ''}. Clients that trust the PASV address hang on every listing and transfer.`,
        fixes: [
          SERVER_EXTERNAL_ADDRESS,
          'Clients: use EPSV (Wharf does by default) or a client that replaces a private PASV address with the server\'s.',
        ],
      };
    case 'pasv-foreign-address':
      return {
        severity: c.epsvWorked ? 'warning' : 'error',
        title: `The server's PASV reply names another host (${c.announced ?? '?'})`,
        explanation: `The PASV reply asks for the data connection to go to ${c.announced ?? 'another address'}, a public address that is not the server (${c.host}). Wharf refuses to connect there: sending a data connection to a third host is how FTP bounce attacks work, and a wrong external address in the server's settings looks exactly the same.${c.epsvWorked ? ' EPSV works with this server, so Wharf uses it.' : ''}`,
        fixes: [
          "Ask the server's administrator to set the server's real external address (vsftpd pasv_address, proftpd MasqueradeAddress, pure-ftpd -P).",
          c.epsvWorked ? 'Keep EPSV enabled for this site (the default).' : 'Ask the administrator to enable EPSV, which names no address.',
        ],
      };
    case 'session-reuse-required':
      return {
        severity: 'info',
        title: 'The server requires TLS session reuse on data connections',
        explanation: `A data connection that did not resume the control connection's TLS session was refused${detail}. This protects against someone else taking over the data connection. Wharf resumes the session, and that worked. Clients that do not resume fail here: vsftpd answers "522 SSL connection failed: session reuse required", proftpd "425 Unable to build data connection: Operation not permitted".`,
        fixes: [
          'Nothing to change in Wharf.',
          'For other clients that fail: use a client that resumes TLS sessions; as a last resort the administrator can relax it (vsftpd require_ssl_reuse=NO, proftpd TLSOptions NoSessionReuseRequired), which weakens the protection.',
        ],
      };
    case 'session-reuse-failed':
      return {
        severity: 'error',
        title: 'Data connections fail: the server requires TLS session reuse and it did not work',
        explanation: `Wharf offered the control connection's TLS session on the data connection, but the server did not resume it and refused the transfer${detail}.`,
        fixes: [
          "Ask the server's administrator to enable TLS session resumption (proftpd TLSSessionCache / TLSSessionTickets; an up-to-date vsftpd or pure-ftpd).",
          'As a workaround on the server: stop requiring reuse (vsftpd require_ssl_reuse=NO, proftpd TLSOptions NoSessionReuseRequired).',
        ],
      };
    case 'tls13-tickets':
      if (c.dataFailed === false) {
        return {
          severity: 'info',
          title: 'TLS 1.3 sessions are not resumed on data connections',
          explanation: `Over TLS 1.3 the server did not resume the control connection's session on the data connection${detail}, while over TLS 1.2 it did: it sends no usable TLS 1.3 session tickets. Transfers work because this server does not require reuse, but every data connection costs a full handshake, and the server cannot check that a data connection comes from the same client as the control connection.`,
          fixes: ["Ask the server's administrator to enable TLS 1.3 session tickets (or its session cache).", 'Nothing to change in Wharf.'],
        };
      }
      return {
        severity: 'error',
        title: 'TLS 1.3 session tickets do not work for data connections',
        explanation: `Over TLS 1.3 the data connection could not resume the control connection's session${detail}, while over TLS 1.2 it could. TLS 1.3 resumes only with the session tickets the server sends after the handshake; this server's tickets are missing or not accepted, and it requires reuse.`,
        fixes: [
          "Ask the server's administrator to fix TLS 1.3 session tickets: update the server, enable its session cache or tickets, and check that its OpenSSL configuration does not turn them off (NumTickets = 0 in openssl.cnf).",
          'Until then the administrator can offer TLS 1.2 only, where resumption works; or stop requiring reuse (vsftpd require_ssl_reuse=NO, proftpd TLSOptions NoSessionReuseRequired), which weakens the protection.',
        ],
      };
    case 'tls13-single-use-tickets':
      return {
        severity: 'info',
        title: 'TLS 1.3 session tickets are single-use on this server',
        explanation: `A TLS 1.3 ticket that had already resumed one data connection was refused for a second one${detail}. Each data connection brings a fresh ticket, and Wharf always uses the newest, so this works. Clients that keep reusing the first ticket fail from their second transfer on, typically with the same error as a client that does not resume at all.`,
        fixes: ['Nothing to change in Wharf.', 'For other clients that fail from the second transfer on: update them, or connect them with TLS 1.2.'],
      };
    case 'tls13-unsupported':
      return {
        severity: 'info',
        title: 'The server does not offer TLS 1.3',
        explanation: `TLS 1.2 is used${detail}. That is safe with the server's current settings, but TLS 1.3 is faster and removes older weaknesses.`,
        fixes: ["Ask the server's administrator to enable TLS 1.3 (an OpenSSL 1.1.1+ build)."],
      };
    case 'tls12-unsupported':
      return {
        severity: 'info',
        title: 'The server accepts only TLS 1.3',
        explanation: `A TLS 1.2 connection was refused${detail}. Wharf uses TLS 1.3; older clients limited to TLS 1.2 cannot connect.`,
        fixes: [],
      };
    case 'listing-failed':
      return {
        severity: 'error',
        title: 'The folder could not be listed',
        explanation: `A data connection was opened, but the listing failed${detail}.`,
        fixes: ['Check that the folder exists and the user may read it.', "If it persists, send this report to the server's administrator."],
      };
    case 'active-works':
      return {
        severity: 'info',
        title: 'Active mode works',
        explanation: 'With passive mode failing, a listing in active mode (the server connects to this computer) succeeded.',
        fixes: ['Set the site\'s data connections to "active" until the server\'s passive setup is fixed.'],
      };
    case 'timeout':
      return {
        severity: 'error',
        title: 'The server stopped answering',
        explanation: `The server did not answer in time${detail}.`,
        fixes: ['Try again; if it persists, the server or the network path is overloaded or filtering FTP.'],
      };
    case 'proxy-failed':
      return {
        severity: 'error',
        title: 'The proxy did not get us to the server',
        explanation: `${c.detail ?? 'The proxy failed.'}`,
        fixes: [
          'Check the proxy address, user and password in the site\'s Connectivity tab (or the app-wide proxy setting, or ALL_PROXY / HTTPS_PROXY).',
          `Ask the proxy's administrator to allow connections to ${where} and to the server's passive ports (an HTTP proxy's allowed CONNECT ports, a SOCKS proxy's rules).`,
        ],
      };
    case 'client-certificate-required':
      return {
        severity: 'error',
        title: 'The server requires a client certificate',
        explanation: `The server asked for a client certificate (mutual TLS) and refuses connections without one${detail}.`,
        fixes: ['Choose the certificate your administrator gave you in the site\'s Connectivity tab ("Client certificate"), or pass --cert FILE [--key FILE] on the command line.'],
      };
    case 'client-certificate-refused':
      return {
        severity: 'error',
        title: 'The server refused the client certificate',
        explanation: `The certificate was sent, but the server did not accept it${detail}.`,
        fixes: [
          'Check that it is the certificate the server\'s administrator issued for you, and that it has not expired.',
          'Ask the administrator whether the server trusts the authority that signed it.',
        ],
      };
    case 'unexpected':
      return {
        severity: 'error',
        title: 'Something unexpected happened',
        explanation: `The test stopped${detail}.`,
        fixes: ['Try again; if it persists, send this report (it holds no password) to Wharf\'s developers.'],
      };
  }
}

/** getaddrinfo's error codes (as Node names them) in words: a name that does not exist is not a DNS outage. */
function lookupFailure(code: string | undefined): string {
  if (code === 'ENOTFOUND') return ': the name does not exist (ENOTFOUND)';
  if (code === 'EAI_AGAIN') return ': the DNS server did not answer; the name may exist (EAI_AGAIN)';
  return code ? ` (${code})` : '';
}

function certificateFixes(reason: string): string[] {
  if (/expired|not valid before/i.test(reason)) {
    return ["Ask the server's administrator to renew the certificate.", "Check this computer's date and time."];
  }
  if (/is for .*, not for/i.test(reason)) {
    return ['Connect with a host name the certificate names (see its subject alternative names).', "Or ask the server's administrator for a certificate that names this host."];
  }
  if (/self-signed|authority this computer does not trust/i.test(reason)) {
    return [
      // Words for the window and the terminal alike: the GUI names no command-line flags (the CLI's --help lists --ca).
      "If your organisation runs its own certificate authority, add its certificate to this computer's trusted certificates.",
      "Otherwise compare the SHA-256 fingerprint with the one the server's administrator gives you (by phone, not by e-mail from the same server), then trust it always: Wharf pins it and stops if it ever changes.",
    ];
  }
  return ["Ask the server's administrator which certificate the server should present, and compare fingerprints."];
}

/** A full diagnosis for the report. */
export function diagnosis(problem: DoctorProblem, stepId: DoctorStepId, context: ProblemContext): DoctorDiagnosis {
  const text = describeProblem(problem, context);
  return { problem, stepId, ...text };
}
