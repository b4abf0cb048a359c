/**
 * Extra real servers for the connection doctor's tests, each misconfigured on purpose in one way the fleet
 * (test/servers/fleet.ts) does not cover: a vsftpd that allows one connection per address, a vsftpd whose
 * passive ports cannot be reached (only its control port is forwarded, as by a router that forwards port 21
 * alone), a vsftpd inside a network namespace of its own (test/servers/network-namespace.ts) whose firewall
 * can drop its passive ports, a vsftpd whose OpenSSL configuration turns TLS 1.3 session tickets off, and
 * proftpd variants (PROT P denied).
 *
 * They reuse what the running fleet already made: its certificates (`<workDir>/certs`), vsftpd's
 * secure_chroot_dir (`<workDir>/empty`) and the fleet's system users with their passwords. Each server gets
 * its own root under `<workDir>/doctor-servers/`, its own ports, and runs in its own process group; `stop()`
 * kills it with every session process it forked, and an `after` hook of the test file stops whatever is left.
 */
import type { ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { connect as tlsConnect } from 'node:tls';
import type { FleetInfo, ServerInfo, ServerName } from './fleet';
import { startOwnedProcess, stopWhenFileEnds } from './fleet/processes';
import type { NetworkNamespace } from './network-namespace';

/** A started extra server, described like a fleet server so tests treat both alike. */
export interface ExtraServer {
  readonly host: string;
  readonly port: number;
  readonly mode: 'explicit' | 'implicit' | 'plain';
  readonly user: string;
  readonly password: string;
  readonly root: string;
  /** The passive ports the server was told to use. */
  readonly passivePorts: readonly [number, number];
  readonly logFile: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Where start-up probes come from (see waitForGreeting). */
const PROBE_ADDRESS = '127.0.0.3';
let counter = 0;

function toolsDir(): string {
  return process.env.WHARF_TOOLS_DIR || '/opt/wharf-tools';
}

// ---------------------------------------------------------------------------------------------------
// Ports and processes (the fleet keeps its own helpers private; these are the few we need)

function portWindow(): [number, number] {
  let low = 32768;
  try {
    const parts = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (parts.length === 2 && Number.isFinite(parts[0])) low = parts[0] as number;
  } catch {
    // Keep the default.
  }
  return [20000, Math.max(low, 22000)];
}

function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A free block of `count` consecutive ports below the ephemeral range (no outgoing connection sits there). */
async function freePorts(count: number, host = HOST): Promise<number> {
  const [low, high] = portWindow();
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = randomInt(low, high - count);
    const checks = await Promise.all(Array.from({ length: count }, (_, i) => portIsFree(host, base + i)));
    if (checks.every(Boolean)) return base;
  }
  throw new Error(`doctor-servers: no ${count} free ports`);
}

/** Polls until the server greets (after a TLS handshake for implicit FTPS), as the fleet does at start. */
async function waitForGreeting(child: ChildProcess, host: string, port: number, implicit: boolean, errFile: string, probeFrom: string | null): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`doctor-servers: the server exited (${child.exitCode ?? child.signalCode}): ${existsSync(errFile) ? readFileSync(errFile, 'utf8').slice(-2000) : ''}`);
    }
    try {
      const text = await new Promise<string>((resolve, reject) => {
        // From another loopback address: a server limiting connections per address (max_per_ip) must not
        // still count this probe against 127.0.0.1 when a test connects right after.
        const from = probeFrom === null ? {} : { localAddress: probeFrom };
        const socket: Socket = implicit
          ? tlsConnect({ socket: netConnect({ host, port, ...from }), rejectUnauthorized: false })
          : netConnect({ host, port, ...from });
        let data = '';
        const timer = setTimeout(() => {
          socket.destroy();
          reject(new Error('no greeting'));
        }, 3000);
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => {
          data += chunk;
          if (/^\d{3} /m.test(data)) {
            clearTimeout(timer);
            socket.end('QUIT\r\n');
            resolve(data);
          }
        });
        socket.once('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
      });
      if (text.startsWith('220')) return;
      last = text;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await delay(30);
  }
  throw new Error(`doctor-servers: no greeting on ${host}:${port} (last: ${last})`);
}

interface Launch {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly dir: string;
  /** vsftpd writes start-up errors to fd 0. */
  readonly stdinIsLog: boolean;
  /**
   * The local address start-up probes come from (see waitForGreeting). default 127.0.0.3; null: the
   * system's choice, for a server off loopback (a loopback source cannot leave this host).
   */
  readonly probeFrom?: string | null;
  /** More environment variables for the server. */
  readonly env?: Readonly<Record<string, string>>;
}

function launch(spec: Launch, host: string, port: number, implicit: boolean): Promise<() => Promise<void>> {
  const errFile = join(spec.dir, 'stderr.log');
  return startOwnedProcess({
    label: `doctor-servers: ${spec.name}`,
    command: spec.command,
    args: spec.args,
    logFile: errFile,
    stdinIsLog: spec.stdinIsLog,
    ...(spec.env ? { env: spec.env } : {}),
    ready: (child) => waitForGreeting(child, host, port, implicit, errFile, spec.probeFrom === undefined ? PROBE_ADDRESS : spec.probeFrom),
    afterStop: () => rmSync(spec.dir, { recursive: true, force: true }),
  });
}

/** A fresh folder for one server under the fleet's workDir, with an FTP root owned like the fleet server's root. */
function serverDir(fleet: FleetInfo, like: ServerInfo, name: string): { dir: string; root: string } {
  const base = join(fleet.workDir, 'doctor-servers');
  mkdirSync(base, { recursive: true, mode: 0o755 });
  const dir = join(base, `${name}-${process.pid}-${++counter}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { mode: 0o755 });
  const root = join(dir, 'root');
  mkdirSync(root, { mode: 0o755 });
  const { uid, gid } = statSync(like.root);
  chownSync(root, uid, gid);
  return { dir, root };
}

// ---------------------------------------------------------------------------------------------------
// vsftpd

/** What makes one vsftpd different. */
export interface VsftpdVariant {
  /** Used in folder names and logs. */
  readonly name: string;
  /** default explicit; plain: no TLS at all */
  readonly mode?: 'explicit' | 'implicit' | 'plain';
  /** In a namespace: the control port and the first of ten passive ports (a second server there needs others). default 2121, 30000 */
  readonly namespacePorts?: { readonly control: number; readonly passiveBase: number };
  /** Where vsftpd listens. default 127.0.0.1 */
  readonly listenAddress?: string;
  /** Extra vsftpd.conf lines (later lines win), e.g. `max_per_ip=1`. */
  readonly lines?: readonly string[];
  /**
   * Runs vsftpd inside this namespace, listening on its inner address (listenAddress is ignored), so the
   * namespace's firewall stands between it and the doctor. default: on this host
   */
  readonly network?: NetworkNamespace;
  /**
   * An OpenSSL configuration for vsftpd's TLS (OPENSSL_CONF): its `system_default` section applies to
   * every TLS context OpenSSL creates, as a hardened /etc/ssl/openssl.cnf on a server would.
   * default: the system's
   */
  readonly opensslConf?: string;
}

/**
 * Starts one vsftpd with the fleet's certificate and the user of the fleet's vsftpd-explicit (same
 * password), configured like the fleet's vsftpd plus `variant.lines`.
 */
export async function startVsftpd(fleet: FleetInfo, variant: VsftpdVariant): Promise<ExtraServer> {
  const like = fleet.servers['vsftpd-explicit' satisfies ServerName];
  const { network } = variant;
  const host = network?.innerAddress ?? variant.listenAddress ?? HOST;
  const mode = variant.mode ?? 'explicit';
  const { dir, root } = serverDir(fleet, like, variant.name);
  // A namespace of its own has no other listener, and its ports cannot be probed from here.
  const port = network ? (variant.namespacePorts?.control ?? 2121) : await freePorts(1, host);
  const passiveBase = network ? (variant.namespacePorts?.passiveBase ?? 30000) : await freePorts(10, host);
  const logFile = join(dir, 'vsftpd.log');
  const certs = join(fleet.workDir, 'certs');
  const lines = [
    'listen=YES', 'listen_ipv6=NO', `listen_address=${host}`, `listen_port=${port}`, 'background=NO',
    'anonymous_enable=NO', 'local_enable=YES', 'write_enable=YES', 'local_umask=022', 'chroot_local_user=YES',
    'allow_writeable_chroot=YES', `local_root=${root}`, `secure_chroot_dir=${join(fleet.workDir, 'empty')}`,
    'pam_service_name=wharf-test-vsftpd', 'userlist_enable=NO', 'pasv_enable=YES',
    `pasv_min_port=${passiveBase}`, `pasv_max_port=${passiveBase + 9}`, 'port_enable=YES', 'connect_from_port_20=NO',
    'xferlog_enable=YES', 'xferlog_std_format=NO', 'log_ftp_protocol=YES', `vsftpd_log_file=${logFile}`,
    'dirmessage_enable=NO', 'use_localtime=NO',
    'ssl_enable=YES', `rsa_cert_file=${join(certs, 'server.pem')}`, `rsa_private_key_file=${join(certs, 'server.key')}`,
    'force_local_logins_ssl=YES', 'force_local_data_ssl=YES', 'require_ssl_reuse=YES', 'ssl_request_cert=NO',
    'ssl_sslv2=NO', 'ssl_sslv3=NO', 'ssl_tlsv1=YES',
    ...(mode === 'implicit' ? ['implicit_ssl=YES'] : mode === 'plain' ? ['ssl_enable=NO'] : []),
    ...(variant.lines ?? []),
  ];
  const conf = join(dir, 'vsftpd.conf');
  writeFileSync(conf, `${lines.join('\n')}\n`);
  const env: Record<string, string> = {};
  if (variant.opensslConf !== undefined) {
    env.OPENSSL_CONF = join(dir, 'openssl.cnf');
    writeFileSync(env.OPENSSL_CONF, variant.opensslConf);
  }
  const vsftpd = join(toolsDir(), 'servers/vsftpd/usr/sbin/vsftpd');
  // `ip netns exec` execs vsftpd in place, so the pid launch() kills is vsftpd's own.
  const [command, ...prefix] = network ? [...network.exec, vsftpd] : [vsftpd];
  const stop = await launch(
    { name: variant.name, command: command as string, args: [...prefix, conf], dir, stdinIsLog: true, env, ...(network ? { probeFrom: null } : {}) },
    host,
    port,
    mode === 'implicit',
  );
  return { host, port, mode, user: like.user, password: like.password, root, passivePorts: [passiveBase, passiveBase + 9], logFile, stop };
}

// ---------------------------------------------------------------------------------------------------
// proftpd

/** What makes one proftpd different. */
export interface ProftpdVariant {
  readonly name: string;
  /**
   * Extra proftpd.conf lines, e.g. `TLSSessionTickets off`. A line naming a directive of the base
   * configuration replaces that line (`TLSRequired ctrl`): proftpd itself would keep the first one.
   */
  readonly lines?: readonly string[];
}

/** The directive a top-level config line sets; null for sections (`<Limit>`) and lines inside them. */
function directiveOf(line: string): string | null {
  return /^[A-Za-z]\w*/.exec(line)?.[0] ?? null;
}

/** Starts one proftpd (explicit FTPS) with the fleet's certificate and the user of the fleet's proftpd-explicit. */
export async function startProftpd(fleet: FleetInfo, variant: ProftpdVariant): Promise<ExtraServer> {
  const like = fleet.servers['proftpd-explicit' satisfies ServerName];
  const { dir, root } = serverDir(fleet, like, variant.name);
  const port = await freePorts(1);
  const passiveBase = await freePorts(10);
  const logFile = join(dir, 'proftpd.log');
  const modules = join(dir, 'modules');
  mkdirSync(modules);
  for (const [pkg, file] of [['proftpd-mod-crypto', 'mod_tls.so'], ['proftpd-core', 'mod_digest.so']] as const) {
    symlinkSync(join(toolsDir(), 'servers', pkg, 'usr/lib/proftpd', file), join(modules, file));
  }
  const certs = join(fleet.workDir, 'certs');
  const base = [
    'ServerType standalone', `ServerName "Wharf doctor ${variant.name}"`, `ServerIdent on "Wharf doctor ${variant.name} ready"`,
    'DefaultServer on', `DefaultAddress ${HOST}`, 'SocketBindTight on', `Port ${port}`, 'UseIPv6 off', 'User nobody', 'Group nogroup',
    `PidFile ${join(dir, 'proftpd.pid')}`, `ScoreboardFile ${join(dir, 'proftpd.scoreboard')}`, 'TransferLog NONE', 'WtmpLog off',
    'UseReverseDNS off', 'MaxInstances 50', '<IfModule mod_delay.c>', '  DelayEngine off', '</IfModule>',
    '<IfModule mod_ctrls.c>', '  ControlsEngine off', '</IfModule>', `ModulePath ${modules}`, 'LoadModule mod_tls.c',
    'AuthPAM off', 'AuthOrder mod_auth_unix.c', 'RequireValidShell off', `DefaultRoot ${root}`, 'Umask 022',
    'AllowOverwrite on', `PassivePorts ${passiveBase} ${passiveBase + 9}`,
    'LogFormat wharf "%{iso8601} [%P] %a %u \\"%r\\" %s \\"%S\\""', `ExtendedLog ${logFile} ALL wharf`,
    'TLSEngine on', `TLSLog ${join(dir, 'tls.log')}`, 'TLSProtocol TLSv1.2 TLSv1.3',
    `TLSRSACertificateFile ${join(certs, 'server.pem')}`, `TLSRSACertificateKeyFile ${join(certs, 'server.key')}`,
    'TLSRequired on', 'TLSVerifyClient off', 'TLSRenegotiate none',
  ];
  const replaced = new Set((variant.lines ?? []).map(directiveOf).filter((d) => d !== null));
  const kept = base.filter((line) => {
    const directive = directiveOf(line);
    return directive === null || !replaced.has(directive);
  });
  const lines = [...kept, ...(variant.lines ?? [])];
  const conf = join(dir, 'proftpd.conf');
  writeFileSync(conf, `${lines.join('\n')}\n`);
  const stop = await launch(
    { name: variant.name, command: join(toolsDir(), 'servers/proftpd-core/usr/sbin/proftpd'), args: ['--nodaemon', '-c', conf], dir, stdinIsLog: false },
    HOST,
    port,
    false,
  );
  return { host: HOST, port, mode: 'explicit', user: like.user, password: like.password, root, passivePorts: [passiveBase, passiveBase + 9], logFile, stop };
}

// ---------------------------------------------------------------------------------------------------
// A port forward of the control port alone

/** A TCP forwarder listening on `listenHost` that pipes every connection to `target`; nothing else is forwarded. */
export async function startPortForward(target: { host: string; port: number }, listenHost = HOST): Promise<{ host: string; port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = netConnect({ host: target.host, port: target.port });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const port = await freePorts(1, listenHost);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: listenHost, port, exclusive: true }, () => resolve());
  });
  const close = await stopWhenFileEnds(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return { host: listenHost, port, close };
}
