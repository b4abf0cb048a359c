/**
 * Real proxies from Debian for the connectivity tests: dante (SOCKS5, optionally with a user and
 * password) and tinyproxy (HTTP CONNECT, optionally with Basic authentication and a list of allowed
 * CONNECT ports), each started with a generated configuration and stopped by the test file's `after`.
 *
 * They run inside the network namespace of the FTP server (test/servers/network-namespace.ts), listening on
 * its inner address: the namespace's firewall then drops every connection from this host to the FTP ports,
 * while the proxy, being inside, still reaches them. A transfer that works proves it went through the proxy.
 */
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ensureSystemLogin } from './fleet';
import { startOwnedProcess } from './fleet/processes';
import type { NetworkNamespace } from './network-namespace';

/** A started proxy. `url` is what Wharf is given (`socks5://host:port`, `http://host:port`), without login. */
export interface TestProxy {
  readonly kind: 'socks5' | 'http';
  readonly host: string;
  readonly port: number;
  readonly url: string;
  /** The proxy's own log (tinyproxy's and dante's log files): each CONNECT it relayed. */
  log(): string;
  stop(): Promise<void>;
}

/** Waits until something accepts TCP connections on host:port (the proxy is listening). */
async function waitForListener(child: ChildProcess, host: string, port: number, errFile: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`proxies: the proxy exited (${child.exitCode ?? child.signalCode}): ${existsSync(errFile) ? readFileSync(errFile, 'utf8').slice(-2000) : ''}`);
    }
    const up = await new Promise<boolean>((resolve) => {
      const socket = netConnect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return;
    await delay(30);
  }
  throw new Error(`proxies: nothing listens on ${host}:${port}`);
}

async function launch(kind: TestProxy['kind'], network: NetworkNamespace, port: number, command: readonly string[], dir: string, logFile: string): Promise<TestProxy> {
  const errFile = join(dir, 'stderr.log');
  const host = network.innerAddress;
  // `ip netns exec` execs the proxy in place, so the pid is the proxy's own.
  const stop = await startOwnedProcess({
    label: `proxies: ${command[0]}`,
    command: network.exec[0] as string,
    args: [...network.exec.slice(1), ...command],
    logFile: errFile,
    ready: (child) => waitForListener(child, host, port, errFile),
    afterStop: () => rmSync(dir, { recursive: true, force: true }),
  });
  return {
    kind,
    host,
    port,
    url: `${kind}://${host}:${port}`,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    stop,
  };
}

/**
 * A SOCKS5 proxy (dante) on the namespace's inner address; with `login`, every client must give that user and
 * password (dante checks them against the system's logins, so the login is made a system user). Not microsocks:
 * it closes both sides as soon as one side half-closes, which cuts FTP uploads short now and then (the client's
 * FIN ends the upload, and a reply still in flight from the server turns into a reset there).
 */
export async function startSocksProxy(network: NetworkNamespace, port: number, login?: { user: string; password: string }): Promise<TestProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-dante-'));
  if (login) await ensureSystemLogin(login.user, login.password);
  const lines = [
    `logoutput: ${join(dir, 'dante.log')}`,
    `internal: ${network.innerAddress} port = ${port}`,
    `external: ${network.innerAddress}`,
    'clientmethod: none',
    `socksmethod: ${login ? 'username' : 'none'}`,
    'user.privileged: root',
    'user.unprivileged: nobody',
    'client pass { from: 0.0.0.0/0 to: 0.0.0.0/0 }',
    'socks pass { from: 0.0.0.0/0 to: 0.0.0.0/0 command: connect }',
  ];
  const conf = join(dir, 'danted.conf');
  writeFileSync(conf, `${lines.join('\n')}\n`);
  return launch('socks5', network, port, ['danted', '-f', conf, '-N', '1'], dir, join(dir, 'dante.log'));
}

/** What makes one tinyproxy different. */
export interface TinyproxyOptions {
  /** Ports CONNECT may reach (tinyproxy's ConnectPort lines). default: every port */
  readonly connectPorts?: readonly number[];
  readonly login?: { readonly user: string; readonly password: string };
}

/** tinyproxy (HTTP CONNECT) on the namespace's inner address, allowing this host's end of the link. */
export async function startTinyproxy(network: NetworkNamespace, port: number, options: TinyproxyOptions = {}): Promise<TestProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-tinyproxy-'));
  // tinyproxy drops to nobody and then writes its log.
  chmodSync(dir, 0o777);
  const logFile = join(dir, 'tinyproxy.log');
  writeFileSync(logFile, '');
  chmodSync(logFile, 0o666);
  const lines = [
    'User nobody',
    'Group nogroup',
    `Port ${port}`,
    `Listen ${network.innerAddress}`,
    'Timeout 600',
    'MaxClients 50',
    'LogLevel Connect',
    `LogFile "${logFile}"`,
    `PidFile "${join(dir, 'tinyproxy.pid')}"`,
    `Allow ${network.hostAddress}`,
    'DisableViaHeader Yes',
    ...(options.connectPorts ?? []).map((p) => `ConnectPort ${p}`),
    ...(options.login ? [`BasicAuth ${options.login.user} ${options.login.password}`] : []),
  ];
  const conf = join(dir, 'tinyproxy.conf');
  writeFileSync(conf, `${lines.join('\n')}\n`);
  chmodSync(conf, 0o644);
  return launch('http', network, port, ['tinyproxy', '-d', '-c', conf], dir, logFile);
}
