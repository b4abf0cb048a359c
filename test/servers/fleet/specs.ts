/** Which servers the fleet knows: their names, what tests see of each, and how each is set up. */
import { join } from 'node:path';
import { PYFTPDLIB_SERVERS, PYFTPDLIB_VARIANTS, type PyftpdlibServerName } from '../pyftpdlib';

export type ServerName = 'vsftpd-explicit' | 'vsftpd-implicit' | 'proftpd-explicit' | 'proftpd-implicit' | 'pureftpd-explicit' | 'vsftpd-plain'
  | 'vsftpd-nat' | 'vsftpd-bounce' | 'vsftpd-wronghost' | 'vsftpd-expired' | 'vsftpd-limited' | PyftpdlibServerName;

/** One running server as tests see it. */
export interface ServerInfo {
  name: ServerName; host: '127.0.0.1'; port: number; mode: 'explicit' | 'implicit' | 'plain';
  user: string; password: string;
  /** Absolute local path of the FTP user's home (what the server shows as "/"), owned by `user`. */
  root: string;
  /** Server protocol log (vsftpd log_ftp_protocol, proftpd ExtendedLog of all commands); null for pure-ftpd, which only logs to syslog. */
  logFile: string | null;
  supportsMlsd: boolean; requiresTlsSessionReuse: boolean;
  /** 'AB:CD:..' upper-case SHA-256 of the server's leaf certificate; null for plain FTP. */
  certFingerprintSha256: string | null;
}

/** Everything a test needs; plain JSON, so scripts/run-tests.ts hands it to the suites through a file. */
export interface FleetInfo { caCertFile: string; caCertPem: string; otherCaCertPem: string; servers: Record<ServerName, ServerInfo>; workDir: string; clientCert: ClientCertInfo; }

/**
 * A client certificate (mutual TLS) signed by the fleet CA, CN `wharf-test-client`: as a PEM pair, and as a
 * PKCS#12 file protected by a passphrase. Servers that check it are started with doctor-servers' startVsftpd
 * (`require_cert=YES`, `ca_certs_file` = the fleet CA).
 */
export interface ClientCertInfo { certFile: string; keyFile: string; pkcs12File: string; pkcs12Passphrase: string; }

/** A started fleet; `stop()` kills every server (and their session processes) and waits for them to exit. */
export interface RunningFleet { info: FleetInfo; stop(): Promise<void>; }

/** Every server the fleet knows, in start order. */
export const ALL_SERVERS: readonly ServerName[] = [
  'vsftpd-explicit', 'vsftpd-implicit', 'proftpd-explicit', 'proftpd-implicit', 'pureftpd-explicit', 'vsftpd-plain',
  'vsftpd-nat', 'vsftpd-bounce', 'vsftpd-wronghost', 'vsftpd-expired', 'vsftpd-limited',
  ...PYFTPDLIB_SERVERS,
];

type Software = 'vsftpd' | 'proftpd' | 'pureftpd' | 'pyftpdlib';
export type CertKind = 'server' | 'wronghost' | 'expired';

export interface ServerSpec {
  software: Software;
  mode: ServerInfo['mode'];
  user: string;
  cert: CertKind | null;
  /** vsftpd pasv_address: what the 227 reply advertises instead of 127.0.0.1. */
  pasvAddress?: string;
  /** vsftpd max_per_ip: more connections from 127.0.0.1 are refused with "421 There are too many connections from your internet address." */
  maxPerIp?: number;
}

export const SPECS: Record<ServerName, ServerSpec> = {
  'vsftpd-explicit': { software: 'vsftpd', mode: 'explicit', user: 'wharf_vsx', cert: 'server' },
  'vsftpd-implicit': { software: 'vsftpd', mode: 'implicit', user: 'wharf_vsi', cert: 'server' },
  'proftpd-explicit': { software: 'proftpd', mode: 'explicit', user: 'wharf_pfx', cert: 'server' },
  'proftpd-implicit': { software: 'proftpd', mode: 'implicit', user: 'wharf_pfi', cert: 'server' },
  'pureftpd-explicit': { software: 'pureftpd', mode: 'explicit', user: 'wharf_pux', cert: 'server' },
  'vsftpd-plain': { software: 'vsftpd', mode: 'plain', user: 'wharf_vsp', cert: null },
  // A private PASV address that differs from the control host: a NAT'd server the client must see through.
  'vsftpd-nat': { software: 'vsftpd', mode: 'explicit', user: 'wharf_vsn', cert: 'server', pasvAddress: '10.11.12.13' },
  // A public (TEST-NET-3) PASV address: the client must refuse it and never connect there.
  'vsftpd-bounce': { software: 'vsftpd', mode: 'explicit', user: 'wharf_vsb', cert: 'server', pasvAddress: '203.0.113.7' },
  'vsftpd-wronghost': { software: 'vsftpd', mode: 'explicit', user: 'wharf_vsw', cert: 'wronghost' },
  'vsftpd-expired': { software: 'vsftpd', mode: 'explicit', user: 'wharf_vse', cert: 'expired' },
  // Two connections per address at most: the transfer queue must back off and lower its concurrency.
  'vsftpd-limited': { software: 'vsftpd', mode: 'explicit', user: 'wharf_vsl', cert: 'server', maxPerIp: 2 },
  ...Object.fromEntries(Object.entries(PYFTPDLIB_VARIANTS).map(([name, v]) => [
    name, { software: 'pyftpdlib', mode: v.mode, user: v.user, cert: (v.mode as ServerSpec['mode']) === 'plain' ? null : 'server' } satisfies ServerSpec,
  ])) as Record<PyftpdlibServerName, ServerSpec>,
};

/** Passive ports per server: enough for a connection pool and back-to-back transfers. */
export const PASSIVE_PORTS = 20;
/** How long one server may take to answer its greeting. */
export const START_TIMEOUT_MS = 20_000;
export const HOST = '127.0.0.1';

function toolsDir(): string {
  return process.env.WHARF_TOOLS_DIR || '/opt/wharf-tools';
}

export function serversDir(): string {
  return join(toolsDir(), 'servers');
}

/**
 * Fixed passwords on purpose: users are shared by every fleet on the machine, so a random password per run
 * would lock out a fleet that is already running. Shells are nologin and servers listen on 127.0.0.1 only.
 */
export function passwordFor(user: string): string {
  return `Wharf-${user.slice('wharf_'.length)}-test-1`;
}
