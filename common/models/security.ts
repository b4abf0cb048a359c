import type { ProxyUse } from './proxy';
import type { FtpsMode } from './site';

/** Why a certificate is or is not trusted. */
export type CertificateTrust =
  /** Signed by a trusted CA (system or the extra CA given) and valid for the host name. */
  | 'ca-valid'
  /** Its SHA-256 fingerprint is pinned for this host and port. */
  | 'pinned'
  /** Not otherwise trusted; the user accepted it for this session only. */
  | 'accepted-once'
  /** Not trusted; nothing was sent. */
  | 'untrusted';

/** What a server certificate says, as plain data for the user to judge. */
export interface CertificateInfo {
  readonly subject: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validTo: string;
  /** SHA-256 of the DER certificate, `AB:CD:...` upper-case hex, as browsers show it. */
  readonly fingerprintSha256: string;
  readonly serialNumber: string;
  readonly subjectAltNames: readonly string[];
  readonly selfSigned: boolean;
  /** Why the TLS library did not accept it (`DEPTH_ZERO_SELF_SIGNED_CERT`, a host-name mismatch, ...); null if it did. */
  readonly verificationError: string | null;
}

/**
 * What protects a session, answering "are my user name and password actually encrypted?". Plain data
 * made by the engine after login and kept up to date as data connections are opened.
 */
export interface SecurityReport {
  readonly host: string;
  readonly port: number;
  readonly mode: FtpsMode;
  /** `TLSv1.3`, `TLSv1.2`; null for plain FTP. */
  readonly tlsVersion: string | null;
  /** e.g. `TLS_AES_256_GCM_SHA384`; null for plain FTP. */
  readonly cipher: string | null;
  readonly certificate: CertificateInfo | null;
  readonly certificateTrust: CertificateTrust | null;
  /** A sentence for people: why the certificate is (not) trusted. */
  readonly trustExplanation: string;
  /** True when TLS was up before USER and PASS were sent. */
  readonly credentialsEncrypted: boolean;
  /** True when PROT P was accepted: file contents and listings are encrypted. */
  readonly dataProtected: boolean;
  /** Whether data connections resumed the control connection's TLS session; null until one was opened. */
  readonly dataTlsSessionReused: boolean | null;
  /** The server's welcome line, for the log and the doctor. */
  readonly serverBanner: string;
  /** Warnings a person must see (plain FTP, accepted-once certificate, TLS 1.2 only, ...). */
  readonly warnings: readonly string[];
  /** The client certificate (mutual TLS) on the control connection; absent for plain FTP and older reports. */
  readonly clientCertificate?: ClientCertificateUse;
  /** How the connection went out: directly or through a proxy; absent in older reports (direct). */
  readonly proxy?: ProxyUse;
  /** How listing times are read; absent in reports made before it was known. */
  readonly listingTimes?: ListingTimes;
}

/**
 * Whether the server asked for a client certificate and whether one was sent: `sent` (the site has one and
 * the server asked), `requested` (the server asked, the site has none, nothing was sent: fine unless the
 * server requires one), `not-requested` (the server did not ask; the site's certificate, if any, stayed home).
 */
export interface ClientCertificateUse {
  readonly state: 'sent' | 'requested' | 'not-requested';
  /** The site's certificate subject (`CN=...`), or null when the site has none. */
  readonly subject: string | null;
}

/** `Client certificate: CN=..., sent` as the security report, the CLI and the doctor write it. */
export function describeClientCertificateUse(use: ClientCertificateUse): string {
  const who = use.subject ?? 'none';
  if (use.state === 'sent') return `${who}, sent`;
  if (use.state === 'requested') return use.subject === null ? 'none, requested by the server (none sent)' : `${who}, requested`;
  return `${who}, not requested`;
}

/**
 * How a session reads modification times: MLSD gives UTC; LIST gives the server's clock, read with an
 * offset that the site sets, or that was detected by comparing LIST with MDTM.
 */
export interface ListingTimes {
  readonly format: 'mlsd' | 'list';
  /** Minutes LIST times are ahead of UTC; 0 for MLSD. */
  readonly offsetMinutes: number;
  readonly source: 'utc' | 'site' | 'detected';
}
