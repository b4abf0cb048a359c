/**
 * The fleet: real FTP servers (vsftpd, proftpd, pure-ftpd, pyftpdlib variants: see pyftpdlib.ts) on 127.0.0.1 for the integration tests.
 *
 * Every run generates its own CA and certificates, picks free ports, makes sure one system user per
 * server exists, writes one config per server under `workDir` and starts each server as a child in its
 * own process group, in the foreground, with stdout/stderr captured to files. Needs root (CI is root).
 *
 * Layout of `workDir` (wiped at start, kept after stop for post-mortems):
 *   fleet.pid  the pid of the process whose fleet runs here (a second fleet in the same workDir is refused)
 *   certs/   CA, other CA, server, wrong-host and expired certificates
 *   homes/   one FTP root per server (what the server shows as "/"), owned by that server's user
 *   conf/    generated server configs, pid and scoreboard files
 *   logs/    <server>.log (protocol log), <server>.stdout, <server>.stderr (proftpd's system log, vsftpd's
 *            startup errors), <server>.tls.log (proftpd mod_tls)
 *   empty/   vsftpd's secure_chroot_dir
 */
import { AsyncResource } from 'node:async_hooks';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate, randomInt } from 'node:crypto';
import {
  chmodSync, chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createServer, connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { connect as tlsConnect } from 'node:tls';
import {
  PYFTPDLIB_SERVERS, PYFTPDLIB_VARIANTS, isPyftpdlib, preparePyftpdlib, pyftpdlibSupportsMlsd, type PyftpdlibServerName,
} from './pyftpdlib';

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
type CertKind = 'server' | 'wronghost' | 'expired';

interface ServerSpec {
  software: Software;
  mode: ServerInfo['mode'];
  user: string;
  cert: CertKind | null;
  /** vsftpd pasv_address: what the 227 reply advertises instead of 127.0.0.1. */
  pasvAddress?: string;
  /** vsftpd max_per_ip: more connections from 127.0.0.1 are refused with "421 There are too many connections from your internet address." */
  maxPerIp?: number;
}

const SPECS: Record<ServerName, ServerSpec> = {
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
const PASSIVE_PORTS = 20;
/** How long one server may take to answer its greeting. */
const START_TIMEOUT_MS = 20_000;
const HOST = '127.0.0.1';

function toolsDir(): string {
  return process.env.WHARF_TOOLS_DIR || '/opt/wharf-tools';
}

function serversDir(): string {
  return join(toolsDir(), 'servers');
}

/**
 * Fixed passwords on purpose: users are shared by every fleet on the machine, so a random password per run
 * would lock out a fleet that is already running. Shells are nologin and servers listen on 127.0.0.1 only.
 */
function passwordFor(user: string): string {
  return `Wharf-${user.slice('wharf_'.length)}-test-1`;
}

// ---------------------------------------------------------------------------------------------------
// Small process helpers

interface RunResult { stdout: string; stderr: string; }

function run(cmd: string, args: string[], options: { input?: string; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(cmd, args, { cwd: options.cwd, maxBuffer: 4 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message.trim()}\n${stderr}`.trim()));
      } else {
        resolvePromise({ stdout, stderr });
      }
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

function tail(file: string, lines = 25): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8').trimEnd();
  return text.split('\n').slice(-lines).join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Certificates (openssl CLI)

interface CertFiles { cert: string; key: string; }
interface Certs { caCertFile: string; otherCaCertFile: string; leaves: Record<CertKind, CertFiles>; }

/** `extraAddresses`: more IP addresses the server certificate names (the bench's WAN proxy listens on 127.0.0.2). */
const opensslConfig = (extraAddresses: readonly string[]) => `
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[server_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,${extraAddresses.map((a) => `IP:${a},`).join('')}DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
[client_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
[wronghost_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:wrong.example
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
[ca]
default_ca = wharf_ca
[wharf_ca]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
[policy_any]
commonName = supplied
`;

async function makeCa(dir: string, name: string, cn: string): Promise<string> {
  await run('openssl', [
    'req', '-x509', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${cn}`,
    '-config', 'openssl.cnf', '-extensions', 'ca_ext',
  ], { cwd: dir });
  return join(dir, `${name}.pem`);
}

async function makeLeafRequest(dir: string, name: string, cn: string): Promise<void> {
  // RSA on purpose: Debian's vsftpd allows only ECDHE-RSA-AES256-GCM-SHA384 for TLS 1.2.
  await run('openssl', [
    'req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`,
    '-subj', `/CN=${cn}`, '-config', 'openssl.cnf',
  ], { cwd: dir });
}

async function signLeaf(dir: string, name: string, extensions: string): Promise<void> {
  await run('openssl', [
    'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', `0x${randomInt(1, 2 ** 47).toString(16)}`,
    '-days', '30', '-sha256', '-extfile', 'openssl.cnf', '-extensions', extensions, '-out', `${name}.pem`,
  ], { cwd: dir });
}

/** OpenSSL 3.0's `x509` cannot backdate (no -not_after before 3.4), so the expired one goes through `openssl ca`. */
async function signExpired(dir: string, name: string): Promise<void> {
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), `${randomInt(1, 2 ** 47).toString(16).padStart(12, '0')}\n`);
  await run('openssl', [
    'ca', '-batch', '-config', 'openssl.cnf', '-notext', '-in', `${name}.csr`, '-out', `${name}.pem`,
    '-cert', 'ca.pem', '-keyfile', 'ca.key', '-startdate', '20200101000000Z', '-enddate', '20200201000000Z',
    '-extfile', 'openssl.cnf', '-extensions', 'server_ext',
  ], { cwd: dir });
}

async function makeCerts(dir: string, kinds: Set<CertKind>, extraAddresses: readonly string[]): Promise<Certs> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'openssl.cnf'), opensslConfig(extraAddresses));
  const stamp = new Date().toISOString();
  const [caCertFile, otherCaCertFile] = await Promise.all([
    makeCa(dir, 'ca', `Wharf Test CA ${stamp}`),
    makeCa(dir, 'other-ca', `Wharf Unrelated CA ${stamp}`),
    ...[...kinds].map((kind) => makeLeafRequest(dir, kind, kind === 'wronghost' ? 'wrong.example' : '127.0.0.1')),
  ]);
  await Promise.all([
    kinds.has('server') ? signLeaf(dir, 'server', 'server_ext') : null,
    kinds.has('wronghost') ? signLeaf(dir, 'wronghost', 'wronghost_ext') : null,
    kinds.has('expired') ? signExpired(dir, 'expired') : null,
  ]);
  await makeClientCert(dir);
  const leaf = (kind: CertKind): CertFiles => ({ cert: join(dir, `${kind}.pem`), key: join(dir, `${kind}.key`) });
  return {
    caCertFile: caCertFile as string,
    otherCaCertFile: otherCaCertFile as string,
    leaves: { server: leaf('server'), wronghost: leaf('wronghost'), expired: leaf('expired') },
  };
}

/** Not a secret: the test CA signs nothing outside this run. */
const CLIENT_PKCS12_PASSPHRASE = 'wharf-client-p12';

/** The client certificate of ClientCertInfo, signed by the fleet CA once it exists. */
async function makeClientCert(dir: string): Promise<void> {
  await makeLeafRequest(dir, 'client', 'wharf-test-client');
  await signLeaf(dir, 'client', 'client_ext');
  await run('openssl', [
    'pkcs12', '-export', '-in', 'client.pem', '-inkey', 'client.key', '-name', 'wharf-test-client',
    '-passout', `pass:${CLIENT_PKCS12_PASSPHRASE}`, '-out', 'client.p12',
  ], { cwd: dir });
}

function clientCertInfo(dir: string): ClientCertInfo {
  return { certFile: join(dir, 'client.pem'), keyFile: join(dir, 'client.key'), pkcs12File: join(dir, 'client.p12'), pkcs12Passphrase: CLIENT_PKCS12_PASSPHRASE };
}

function fingerprintOf(certFile: string): string {
  return new X509Certificate(readFileSync(certFile)).fingerprint256;
}

// ---------------------------------------------------------------------------------------------------
// Ports

/** Ports handed out by this process, so parallel allocations never overlap. */
const reservedPorts = new Set<number>();

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolvePromise(true)));
  });
}

/**
 * Below the kernel's ephemeral range, so no outgoing connection (ours or anyone's) can be sitting on a
 * port a server is about to listen on.
 */
function portWindow(): [number, number] {
  let low = 32768;
  let high = 60999;
  try {
    const parts = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (parts.length === 2 && parts.every(Number.isFinite)) [low, high] = parts as [number, number];
  } catch {
    // Not Linux: keep the defaults.
  }
  if (low - 20000 >= 2000) return [20000, low];
  if (65536 - (high + 1) >= 2000) return [high + 1, 65536];
  return [20000, 65536];
}

/** A free block of `count` consecutive ports, reserved for this process. Returns the first. */
async function allocatePorts(count: number): Promise<number> {
  const [low, high] = portWindow();
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = randomInt(low, high - count);
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if (ports.some((p) => reservedPorts.has(p))) continue;
    ports.forEach((p) => reservedPorts.add(p));
    const free = await Promise.all(ports.map(portIsFree));
    if (free.every(Boolean)) return base;
    ports.forEach((p) => reservedPorts.delete(p));
  }
  throw new Error(`fleet: found no ${count} free consecutive ports in ${low}-${high}`);
}

function releasePorts(base: number, count: number): void {
  for (let i = 0; i < count; i++) reservedPorts.delete(base + i);
}

// ---------------------------------------------------------------------------------------------------
// System users

interface UserIds { uid: number; gid: number; }

function readPasswd(): Map<string, { uid: number; gid: number; home: string }> {
  const users = new Map<string, { uid: number; gid: number; home: string }>();
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const f = line.split(':');
    if (f.length >= 7) users.set(f[0] as string, { uid: Number(f[2]), gid: Number(f[3]), home: f[5] as string });
  }
  return users;
}

/** useradd/usermod/chpasswd take a lock on /etc/passwd; another fleet starting at the same moment may hold it. */
async function runWithLockRetry(cmd: string, args: string[], input?: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run(cmd, args, input === undefined ? {} : { input });
      return;
    } catch (err) {
      if (attempt >= 20 || !/lock/i.test(String(err))) throw err;
      await delay(100);
    }
  }
}

/**
 * The passwd home of every test user: a root-owned empty directory that no fleet ever deletes.
 *
 * Not the FTP root on purpose. The users are shared by every fleet on the machine (a test file run alone starts
 * its own fleet while `npm test` runs another), so a home pointing into one fleet's workDir breaks the others
 * when that workDir is deleted: vsftpd chdir()s to the passwd home before local_root and answers
 * "500 OOPS: cannot change directory:<home>" if it is gone. The FTP root comes from each server's config
 * instead (vsftpd local_root, proftpd DefaultRoot, pure-ftpd's own user database).
 */
function stableHome(): string {
  const dir = join(tmpdir(), 'wharf-ftp-test-home');
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}

/** A system login with this password (created if missing), for test programs that check logins against the system, such as dante. */
export async function ensureSystemLogin(user: string, password: string): Promise<void> {
  if (!readPasswd().has(user)) {
    try {
      await runWithLockRetry('useradd', ['-M', '-d', stableHome(), '-s', '/usr/sbin/nologin', '-U', '-c', 'Wharf test login', user]);
    } catch (err) {
      if (!readPasswd().has(user)) throw err;
    }
  }
  await runWithLockRetry('chpasswd', [], `${user}:${password}\n`);
}

/**
 * Creates the users that are missing (`useradd -M -d HOME -s /usr/sbin/nologin`), repoints a user whose home is
 * not the stable one, and (re)sets every password. Users are reused across runs and never deleted.
 */
async function ensureUsers(users: string[]): Promise<Map<string, UserIds>> {
  const home = stableHome();
  const existing = readPasswd();
  for (const user of users) {
    const known = existing.get(user);
    if (!known) {
      try {
        await runWithLockRetry('useradd', ['-M', '-d', home, '-s', '/usr/sbin/nologin', '-U', '-c', 'Wharf FTP test user', user]);
      } catch (err) {
        // Another fleet may have created it a moment ago.
        if (!readPasswd().has(user)) throw err;
      }
    } else if (known.home !== home) {
      try {
        await runWithLockRetry('usermod', ['-d', home, user]);
      } catch (err) {
        // Only the existence of the passwd home matters (see stableHome).
        if (!existsSync(known.home)) throw err;
      }
    }
  }
  await runWithLockRetry('chpasswd', [], users.map((user) => `${user}:${passwordFor(user)}\n`).join(''));
  const after = readPasswd();
  const ids = new Map<string, UserIds>();
  for (const user of users) {
    const entry = after.get(user);
    if (!entry) throw new Error(`fleet: user ${user} missing after useradd`);
    ids.set(user, { uid: entry.uid, gid: entry.gid });
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------------
// Server configs

interface Layout { workDir: string; certs: string; homes: string; conf: string; logs: string; empty: string; }

interface Prepared {
  name: ServerName;
  spec: ServerSpec;
  port: number;
  passiveBase: number;
  /** Ports reserved for this server in this process: control port and passive range. */
  reserved: { base: number; count: number }[];
  root: string;
  logFile: string | null;
  command: string;
  args: string[];
  /** Added to the server's environment. */
  env?: Record<string, string>;
}

function vsftpdConfig(name: ServerName, spec: ServerSpec, port: number, passiveBase: number, root: string, logFile: string, layout: Layout, certs: Certs): string {
  const lines = [
    `# Wharf test server ${name}, generated by test/servers/fleet.ts`,
    'listen=YES',
    'listen_ipv6=NO',
    `listen_address=${HOST}`,
    `listen_port=${port}`,
    'background=NO',
    'anonymous_enable=NO',
    'local_enable=YES',
    'write_enable=YES',
    'local_umask=022',
    'chroot_local_user=YES',
    'allow_writeable_chroot=YES',
    // The root comes from here, not from /etc/passwd, so two fleets on one machine never share a root.
    `local_root=${root}`,
    `secure_chroot_dir=${layout.empty}`,
    // No /etc/pam.d file by this name: PAM falls back to /etc/pam.d/other (pam_unix).
    'pam_service_name=wharf-test-vsftpd',
    'userlist_enable=NO',
    'pasv_enable=YES',
    `pasv_min_port=${passiveBase}`,
    `pasv_max_port=${passiveBase + PASSIVE_PORTS - 1}`,
    'port_enable=YES',
    'connect_from_port_20=NO',
    'xferlog_enable=YES',
    'xferlog_std_format=NO',
    'log_ftp_protocol=YES',
    `vsftpd_log_file=${logFile}`,
    'dirmessage_enable=NO',
    'use_localtime=NO',
  ];
  if (spec.maxPerIp) lines.push(`max_per_ip=${spec.maxPerIp}`);
  if (spec.pasvAddress) {
    // A numeric address (no resolve). pasv_promiscuous stays NO: the data connection still comes from
    // 127.0.0.1, the control connection's address, which is all vsftpd checks.
    lines.push(`pasv_address=${spec.pasvAddress}`, 'pasv_addr_resolve=NO', 'pasv_promiscuous=NO');
  }
  if (spec.cert) {
    const leaf = certs.leaves[spec.cert];
    lines.push(
      'ssl_enable=YES',
      `rsa_cert_file=${leaf.cert}`,
      `rsa_private_key_file=${leaf.key}`,
      'force_local_logins_ssl=YES',
      'force_local_data_ssl=YES',
      'require_ssl_reuse=YES',
      'ssl_request_cert=NO',
      'ssl_sslv2=NO',
      'ssl_sslv3=NO',
      'ssl_tlsv1=YES',
    );
    if (spec.mode === 'implicit') lines.push('implicit_ssl=YES');
  } else {
    lines.push('ssl_enable=NO');
  }
  return `${lines.join('\n')}\n`;
}

function proftpdConfig(name: ServerName, spec: ServerSpec, port: number, passiveBase: number, root: string, logFile: string, layout: Layout, certs: Certs): string {
  const leaf = certs.leaves[spec.cert ?? 'server'];
  // mod_tls and mod_digest ship in two packages; ModulePath takes one folder, so link both into one.
  const modules = join(layout.conf, 'proftpd-modules');
  mkdirSync(modules, { recursive: true });
  for (const [pkg, file] of [['proftpd-mod-crypto', 'mod_tls.so'], ['proftpd-core', 'mod_digest.so']] as const) {
    const link = join(modules, file);
    if (!existsSync(link)) symlinkSync(join(serversDir(), pkg, 'usr/lib/proftpd', file), link);
  }
  const lines = [
    `# Wharf test server ${name}, generated by test/servers/fleet.ts`,
    'ServerType standalone',
    `ServerName "Wharf test ${name}"`,
    `ServerIdent on "Wharf test ${name} ready"`,
    'DefaultServer on',
    `DefaultAddress ${HOST}`,
    'SocketBindTight on',
    `Port ${port}`,
    'UseIPv6 off',
    'User nobody',
    'Group nogroup',
    `PidFile ${join(layout.conf, `${name}.pid`)}`,
    `ScoreboardFile ${join(layout.conf, `${name}.scoreboard`)}`,
    'TransferLog NONE',
    'WtmpLog off',
    'UseReverseDNS off',
    'MaxInstances 200',
    '<IfModule mod_delay.c>',
    '  DelayEngine off',
    '</IfModule>',
    '<IfModule mod_ctrls.c>',
    '  ControlsEngine off',
    '</IfModule>',
    `ModulePath ${modules}`,
    'LoadModule mod_tls.c',
    // HASH, XSHA256, XSHA1, XMD5, XCRC: lets tests verify transfers by a server-computed hash.
    'LoadModule mod_digest.c',
    'DigestEngine on',
    'DigestAlgorithms all',
    'AuthPAM off',
    'AuthOrder mod_auth_unix.c',
    'RequireValidShell off',
    // The root comes from here, not from /etc/passwd, so two fleets on one machine never share a root.
    `DefaultRoot ${root}`,
    'Umask 022',
    'AllowOverwrite on',
    'AllowStoreRestart on',
    'AllowRetrieveRestart on',
    `PassivePorts ${passiveBase} ${passiveBase + PASSIVE_PORTS - 1}`,
    'LogFormat wharf "%{iso8601} [%P] %a %u \\"%r\\" %s \\"%S\\""',
    `ExtendedLog ${logFile} ALL wharf`,
    'TLSEngine on',
    `TLSLog ${join(layout.logs, `${name}.tls.log`)}`,
    'TLSProtocol TLSv1.2 TLSv1.3',
    `TLSRSACertificateFile ${leaf.cert}`,
    `TLSRSACertificateKeyFile ${leaf.key}`,
    'TLSRequired on',
    'TLSVerifyClient off',
    'TLSRenegotiate none',
  ];
  if (spec.mode === 'implicit') lines.push('TLSOptions UseImplicitSSL');
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Running servers

interface Running {
  name: ServerName;
  child: ChildProcess;
  pgid: number;
  exited: Promise<void>;
  exitCode: () => string | null;
}

/** Every server this process started and has not stopped (their pids = process groups): killed if this process exits. */
const liveServers = new Set<number>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let handlersInstalled = false;

/**
 * All descendants of `pid`, from /proc. vsftpd's per-connection processes call setsid(), so they leave the
 * listener's process group: killing the group alone would leave sessions (and their passive ports) running.
 */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // Exited while we looked.
    }
  }
  const found: number[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function signalQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Kills a server's process group and every process it forked (sessions included). Synchronous: usable on 'exit'. */
export function killTree(pid: number, signal: NodeJS.Signals): void {
  const tree = descendants(pid);
  signalQuietly(-pid, signal);
  for (const p of tree) signalQuietly(p, signal);
}

function killAllNow(): void {
  for (const pid of liveServers) killTree(pid, 'SIGKILL');
  liveServers.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAllNow();
  removeHandlers();
  // Keep the default behaviour (die by the signal) unless somebody else handles it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllNow);
  for (const s of SIGNALS) process.on(s, onSignal);
}

function removeHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  process.removeListener('exit', killAllNow);
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}

function launch(p: Prepared, layout: Layout): Running {
  const out = openSync(join(layout.logs, `${p.name}.stdout`), 'a');
  const err = openSync(join(layout.logs, `${p.name}.stderr`), 'a');
  let child: ChildProcess;
  try {
    // vsftpd reports startup failures ("500 OOPS: could not bind listening IPv4 socket") on fd 0, where an inetd
    // would have put the client: give it the stderr file there (it never reads fd 0 in listen=YES mode).
    const stdin = p.spec.software === 'vsftpd' ? err : 'ignore';
    // Own process group: stop() and the exit handler kill the server together with its session processes.
    child = spawn(p.command, p.args, { detached: true, stdio: [stdin, out, err], env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C', ...p.env } });
  } finally {
    closeSync(out);
    closeSync(err);
  }
  let status: string | null = null;
  const exited = new Promise<void>((resolvePromise) => {
    child.once('exit', (code, signal) => {
      status = signal ? `killed by ${signal}` : `exited with code ${code}`;
      resolvePromise();
    });
    child.once('error', (e) => {
      status = `failed to spawn: ${e.message}`;
      resolvePromise();
    });
  });
  if (child.pid === undefined) {
    return { name: p.name, child, pgid: -1, exited, exitCode: () => status ?? 'failed to spawn' };
  }
  liveServers.add(child.pid);
  installHandlers();
  return { name: p.name, child, pgid: child.pid, exited, exitCode: () => status };
}

async function stopRunning(r: Running): Promise<void> {
  if (r.pgid <= 0) return;
  // Sessions first (they hold passive ports and files open), while the listener still owns them.
  for (const p of descendants(r.pgid)) signalQuietly(p, 'SIGKILL');
  if (r.exitCode() === null) {
    signalQuietly(-r.pgid, 'SIGTERM');
    const timedOut = await Promise.race([r.exited.then(() => false), delay(3000, true)]);
    if (timedOut) {
      killTree(r.pgid, 'SIGKILL');
      await r.exited;
    }
  }
  liveServers.delete(r.pgid);
}

/** Reads up to the end of the (possibly multi-line) 220 greeting. */
function readGreeting(socket: Socket, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let text = '';
    const timer = setTimeout(() => finish(new Error(`no greeting within ${timeoutMs} ms`)), timeoutMs);
    const finish = (err: Error | null): void => {
      clearTimeout(timer);
      socket.removeAllListeners('data');
      if (err) {
        socket.destroy();
        reject(err);
      } else {
        socket.end('QUIT\r\n');
        resolvePromise(text);
      }
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const lines = text.split('\r\n');
      const last = lines.find((l) => /^\d{3} /.test(l));
      if (last) {
        if (last.startsWith('220 ')) finish(null);
        else finish(new Error(`greeting was ${JSON.stringify(text.trim())}`));
      }
    });
    socket.once('error', (e) => finish(e));
    socket.once('close', () => finish(new Error(`connection closed before the greeting (got ${JSON.stringify(text)})`)));
  });
}

function probe(port: number, implicit: boolean): Promise<string> {
  const socket = implicit
    ? tlsConnect({ host: HOST, port, rejectUnauthorized: false })
    : netConnect({ host: HOST, port });
  return readGreeting(socket, 5000);
}

/** Inodes of the sockets listening on 127.0.0.1:port (IPv4; /proc/net/tcp is this network namespace's table). */
function listenerInodes(port: number): Set<string> {
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set<string>();
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f[1] === local && f[3] === '0A' && f[9]) inodes.add(f[9]);
  }
  return inodes;
}

/**
 * Whether the server we started (or one of its processes) holds the listening socket on its port. Another fleet
 * starting at the same moment can win the race for a port both saw free; then our server dies with "address in
 * use" while the other one greets on that port, and a greeting alone would pass for ours.
 */
function listensOn(pid: number, port: number): boolean {
  const inodes = listenerInodes(port);
  if (inodes.size === 0) return false;
  for (const p of [pid, ...descendants(pid)]) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${p}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${p}/fd/${fd}`));
        if (m && inodes.has(m[1] as string)) return true;
      } catch {
        // Closed while we looked.
      }
    }
  }
  return false;
}

/**
 * Polls until our process listens on its port, then until it greets (after a TLS handshake for implicit).
 * Fails as soon as the server exits.
 */
async function waitForGreeting(r: Running, p: Prepared): Promise<void> {
  if (r.pgid <= 0) {
    await r.exited;
    throw new Error(r.exitCode() ?? 'failed to spawn');
  }
  const died = r.exited.then(() => {
    throw new Error(`${r.exitCode()} before answering`);
  });
  died.catch(() => undefined);
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError = 'not listening yet';
  let listening = false;
  while (Date.now() < deadline) {
    const status = r.exitCode();
    if (status !== null) throw new Error(`${status} before answering`);
    listening ||= listensOn(r.pgid, p.port);
    if (listening) {
      try {
        await Promise.race([probe(p.port, p.spec.mode === 'implicit'), died]);
        return;
      } catch (err) {
        if (r.exitCode() !== null) throw err;
        lastError = err instanceof Error ? err.message : String(err);
      }
    }
    await delay(listening ? 50 : 20);
  }
  throw new Error(`did not greet on ${HOST}:${p.port} within ${START_TIMEOUT_MS} ms (last: ${lastError})`);
}

function startFailure(p: Prepared, layout: Layout, reason: string): Error {
  const parts = [`fleet: ${p.name} failed to start: ${reason}`, `command: ${p.command} ${p.args.join(' ')}`];
  for (const file of [join(layout.logs, `${p.name}.stderr`), join(layout.logs, `${p.name}.stdout`), p.logFile]) {
    if (!file) continue;
    const text = tail(file);
    if (text) parts.push(`--- ${file}\n${text}`);
  }
  return new Error(parts.join('\n'));
}

// ---------------------------------------------------------------------------------------------------
// Fleet

/** workDirs claimed by fleets of this process. */
const claimedDirs = new Set<string>();

/**
 * Writes workDir/fleet.pid, refusing a workDir whose fleet is still running: starting would wipe the homes and
 * configs under a live fleet (two `npm test` runs in one checkout, say). A pid file of a dead process is stale.
 */
function claimWorkDir(abs: string): void {
  mkdirSync(abs, { recursive: true });
  const lockFile = join(abs, 'fleet.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      claimedDirs.add(abs);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number(readFileSync(lockFile, 'utf8').trim());
    let alive: boolean;
    if (owner === process.pid) {
      alive = claimedDirs.has(abs);
    } else {
      try {
        process.kill(owner, 0);
        alive = true;
      } catch {
        alive = false;
      }
    }
    if (alive) throw new Error(`fleet: ${abs} is in use by the fleet of process ${owner}; stop that fleet or use another workDir`);
    rmSync(lockFile, { force: true });
  }
  throw new Error(`fleet: could not claim ${abs}`);
}

function releaseWorkDir(abs: string): void {
  claimedDirs.delete(abs);
  rmSync(join(abs, 'fleet.pid'), { force: true });
}

function makeLayout(workDir: string): Layout {
  const abs = resolve(workDir);
  const layout: Layout = {
    workDir: abs, certs: join(abs, 'certs'), homes: join(abs, 'homes'), conf: join(abs, 'conf'), logs: join(abs, 'logs'), empty: join(abs, 'empty'),
  };
  mkdirSync(abs, { recursive: true });
  // vsftpd enters local_root as the FTP user: every directory above the roots must be searchable by others, or
  // each login fails with "500 OOPS: cannot change directory:<root>". workDir is ours to fix; its parents are not.
  chmodSync(abs, statSync(abs).mode | 0o111);
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(`fleet: ${dir} is not searchable by other users (mode ${(statSync(dir).mode & 0o777).toString(8)}): the FTP users cannot reach their roots under ${abs}; chmod o+x it or use another workDir`);
    }
    if (dir === dirname(dir)) break;
  }
  // Only what the fleet owns is wiped: workDir itself may hold other things.
  for (const dir of [layout.certs, layout.homes, layout.conf, layout.logs, layout.empty]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    chmodSync(dir, 0o755); // whatever the umask
  }
  return layout;
}

async function prepare(name: ServerName, layout: Layout, certs: Certs, pureDb: string): Promise<Prepared> {
  const spec = SPECS[name];
  const root = join(layout.homes, name);
  const port = await allocatePorts(1);
  const passiveBase = await allocatePorts(PASSIVE_PORTS);
  const reserved = [{ base: port, count: 1 }, { base: passiveBase, count: PASSIVE_PORTS }];
  const bin = (pkg: string, file: string): string => join(serversDir(), pkg, file);
  const confFile = join(layout.conf, `${name}.conf`);
  switch (spec.software) {
    case 'vsftpd': {
      const logFile = join(layout.logs, `${name}.log`);
      writeFileSync(confFile, vsftpdConfig(name, spec, port, passiveBase, root, logFile, layout, certs));
      return { name, spec, port, passiveBase, reserved, root, logFile, command: bin('vsftpd', 'usr/sbin/vsftpd'), args: [confFile] };
    }
    case 'proftpd': {
      const logFile = join(layout.logs, `${name}.log`);
      writeFileSync(confFile, proftpdConfig(name, spec, port, passiveBase, root, logFile, layout, certs));
      return { name, spec, port, passiveBase, reserved, root, logFile, command: bin('proftpd-core', 'usr/sbin/proftpd'), args: ['--nodaemon', '-c', confFile] };
    }
    case 'pureftpd': {
      const leaf = certs.leaves[spec.cert ?? 'server'];
      return {
        name, spec, port, passiveBase, reserved, root, logFile: null,
        command: bin('pure-ftpd', 'usr/sbin/pure-ftpd'),
        args: [
          '-S', `${HOST},${port}`, '-l', `puredb:${pureDb}`, '-Y', '3', '-2', `${leaf.cert},${leaf.key}`,
          '-p', `${passiveBase}:${passiveBase + PASSIVE_PORTS - 1}`, '-P', HOST, '-A', '-E', '-H', '-4',
          '-g', join(layout.conf, `${name}.pid`),
        ],
      };
    }
    case 'pyftpdlib': {
      if (!isPyftpdlib(name)) throw new Error(`fleet: ${name} is not a pyftpdlib variant`);
      const logFile = join(layout.logs, `${name}.log`);
      const launch = preparePyftpdlib({
        name, host: HOST, port, passivePorts: [passiveBase, passiveBase + PASSIVE_PORTS - 1], root, confFile: `${confFile}.json`, logFile,
        password: passwordFor(spec.user), cert: spec.cert ? certs.leaves[spec.cert] : null,
      });
      return { name, spec, port, passiveBase, reserved, root, logFile, ...launch };
    }
  }
}

/**
 * pure-ftpd reads its user from its own database (same system uid/gid, home = this run's root), so its root
 * does not depend on /etc/passwd either. The password is a SHA-512 crypt(3) hash: cheap to check per login.
 */
async function writePureDb(layout: Layout, user: string, ids: UserIds, root: string): Promise<string> {
  const passwdFile = join(layout.conf, 'pureftpd.passwd');
  const pdb = join(layout.conf, 'pureftpd.pdb');
  const hash = (await run('openssl', ['passwd', '-6', '-stdin'], { input: `${passwordFor(user)}\n` })).stdout.trim();
  // account:password:uid:gid:gecos:home (with /./ = chroot there):... (pure-pw's 18 fields)
  const fields = [user, hash, String(ids.uid), String(ids.gid), '', `${root}/./`, '', '', '', '', '', '', '', '', '', '', '', ''];
  writeFileSync(passwdFile, `${fields.join(':')}\n`, { mode: 0o600 });
  await run(join(serversDir(), 'pure-ftpd/usr/bin/pure-pw'), ['mkdb', pdb, '-f', passwdFile]);
  return pdb;
}

async function startOne(name: ServerName, layout: Layout, certs: Certs, pureDb: string): Promise<{ info: ServerInfo; running: Running; prepared: Prepared }> {
  let lastError: Error | null = null;
  // A port can be taken between our check and the server's bind (another fleet starting): retry with new ports.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const p = await prepare(name, layout, certs, pureDb);
    const running = launch(p, layout);
    try {
      await waitForGreeting(running, p);
      const spec = p.spec;
      const info: ServerInfo = {
        name, host: HOST, port: p.port, mode: spec.mode,
        user: spec.user, password: passwordFor(spec.user), root: p.root, logFile: p.logFile,
        supportsMlsd: isPyftpdlib(name) ? pyftpdlibSupportsMlsd(name) : spec.software !== 'vsftpd',
        requiresTlsSessionReuse: spec.mode !== 'plain' && spec.software !== 'pureftpd' && spec.software !== 'pyftpdlib',
        certFingerprintSha256: spec.cert ? fingerprintOf(certs.leaves[spec.cert].cert) : null,
      };
      return { info, running, prepared: p };
    } catch (err) {
      await stopRunning(running);
      p.reserved.forEach(({ base, count }) => releasePorts(base, count));
      lastError = startFailure(p, layout, err instanceof Error ? err.message : String(err));
      const output = tail(join(layout.logs, `${name}.stderr`));
      if (!/in use|could not bind|unable to bind/i.test(output)) break;
    }
  }
  throw lastError ?? new Error(`fleet: ${name} failed to start`);
}

/** Starts the servers (all, or `only`) in parallel; resolves when every one has answered its greeting. */
export async function startFleet(options: { workDir: string; only?: ServerName[]; certAddresses?: readonly string[] }): Promise<RunningFleet> {
  if (process.getuid?.() !== 0) throw new Error('fleet: the FTP servers need root (they chroot and switch users); run the tests as root');
  const names = ALL_SERVERS.filter((n) => !options.only || options.only.includes(n));
  const workDir = resolve(options.workDir);
  claimWorkDir(workDir);
  try {
    return await startClaimed(names, workDir, options.certAddresses ?? []);
  } catch (err) {
    releaseWorkDir(workDir);
    throw err;
  }
}

async function startClaimed(names: ServerName[], workDir: string, certAddresses: readonly string[]): Promise<RunningFleet> {
  const layout = makeLayout(workDir);

  const kinds = new Set<CertKind>(['server']);
  for (const n of names) {
    const cert = SPECS[n].cert;
    if (cert) kinds.add(cert);
  }
  const certsPromise = makeCerts(layout.certs, kinds, certAddresses);

  const idsPromise = ensureUsers(names.map((n) => SPECS[n].user)).then((ids) => {
    for (const n of names) {
      const id = ids.get(SPECS[n].user) as UserIds;
      const root = join(layout.homes, n);
      mkdirSync(root);
      chmodSync(root, 0o755);
      chownSync(root, id.uid, id.gid);
    }
    return ids;
  });
  const [certs, ids] = await Promise.all([certsPromise, idsPromise]);
  const pureUser = SPECS['pureftpd-explicit'].user;
  const pureDb = names.includes('pureftpd-explicit')
    ? await writePureDb(layout, pureUser, ids.get(pureUser) as UserIds, join(layout.homes, 'pureftpd-explicit'))
    : '';

  const results = await Promise.allSettled(names.map((n) => startOne(n, layout, certs, pureDb)));
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= Promise.all(started.map((s) => stopRunning(s.running))).then(() => {
      for (const s of started) s.prepared.reserved.forEach(({ base, count }) => releasePorts(base, count));
      if (liveServers.size === 0) removeHandlers();
      releaseWorkDir(workDir);
    });
    return stopping;
  };
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []));
  if (failures.length > 0) {
    await stop();
    throw new Error(failures.join('\n\n'));
  }

  const servers = Object.fromEntries(started.map((s) => [s.info.name, s.info])) as Record<ServerName, ServerInfo>;
  const info: FleetInfo = {
    caCertFile: certs.caCertFile,
    caCertPem: readFileSync(certs.caCertFile, 'utf8'),
    otherCaCertPem: readFileSync(certs.otherCaCertFile, 'utf8'),
    servers,
    workDir: layout.workDir,
    clientCert: clientCertInfo(layout.certs),
  };
  return { info, stop };
}

// ---------------------------------------------------------------------------------------------------
// For test files

let sharedInfo: FleetInfo | null = null;
let ownFleet: Promise<RunningFleet> | null = null;

/**
 * Runs `fn` in the async context this module was loaded in (a test file's top level), not the caller's: node:test
 * attaches `after` to the test or hook whose context it runs in, so a `useFleet()` in a `before` or a test would
 * otherwise stop the fleet when that test ends, and every test would start its own.
 */
const inLoadContext = AsyncResource.bind(<T>(fn: () => T): T => fn());

/**
 * For test files: the fleet described by env WHARF_TEST_FLEET (a JSON file written by scripts/run-tests.ts),
 * or, when a test file is run alone, a fleet started now and stopped in node:test's `after`.
 * Every call in one process shares that fleet (top level, `before`, or inside tests alike).
 */
export async function useFleet(): Promise<FleetInfo> {
  const file = process.env.WHARF_TEST_FLEET;
  if (file) {
    sharedInfo ??= JSON.parse(readFileSync(file, 'utf8')) as FleetInfo;
    return sharedInfo;
  }
  if (!ownFleet) {
    const workDir = mkdtempSync(join(tmpdir(), 'wharf-fleet-'));
    // Set before any await, so concurrent first calls share one fleet.
    const starting = startFleet({ workDir });
    ownFleet = starting;
    starting.catch(() => undefined); // each caller gets the failure from its own await below
    const { after } = await import('node:test');
    inLoadContext(() => after(async () => {
      if (ownFleet === starting) ownFleet = null;
      const fleet = await starting.catch(() => null);
      await fleet?.stop();
      rmSync(workDir, { recursive: true, force: true });
    }));
  }
  return (await ownFleet).info;
}

/** Current content of the server's protocol log ('' if it has none). */
export function serverLog(info: ServerInfo): string {
  if (!info.logFile || !existsSync(info.logFile)) return '';
  return readFileSync(info.logFile, 'utf8');
}

/**
 * Writes a file into the server's root as the server's user, so the server can overwrite, rename or delete it
 * (a file written by root directly would be read-only to the FTP user). `path` is relative to the root.
 */
export function writeServerFile(info: ServerInfo, path: string, data: string | Uint8Array): string {
  const full = resolve(info.root, path.replace(/^\/+/, ''));
  if (full !== info.root && !full.startsWith(`${info.root}/`)) throw new Error(`fleet: ${path} is outside ${info.root}`);
  const { uid, gid } = statSync(info.root);
  const parents: string[] = [];
  for (let dir = dirname(full); dir !== info.root && !existsSync(dir); dir = dirname(dir)) parents.unshift(dir);
  for (const dir of parents) {
    mkdirSync(dir);
    chownSync(dir, uid, gid);
  }
  writeFileSync(full, data);
  chownSync(full, uid, gid);
  return full;
}
