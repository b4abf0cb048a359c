/**
 * What the hostile-server tests share: the fleet's certificates for TLS, a self-signed one made here,
 * running the real `wharf` command line (bin/wharf, the built bundle) in a child process with its peak
 * memory measured, and a guard that refuses and records any outgoing connection to a non-loopback address.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FtpsSession } from '../../main/ftps/session';
import type { LogLine } from '../../common/models';
import type { FleetInfo } from '../servers/fleet';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A key and certificate in PEM, with the certificate's SHA-256 fingerprint as Wharf writes it (AB:CD:...). */
export interface TestCertificate {
  readonly key: string;
  readonly cert: string;
  readonly fingerprint: string;
}

function certificate(key: string, cert: string): TestCertificate {
  return { key, cert, fingerprint: new X509Certificate(cert).fingerprint256 };
}

/** The fleet's certificates: `server` (CA-signed, valid for 127.0.0.1), `wronghost` and `expired`. */
export function fleetCertificate(fleet: FleetInfo, kind: 'server' | 'wronghost' | 'expired'): TestCertificate {
  const dir = join(fleet.workDir, 'certs');
  return certificate(readFileSync(join(dir, `${kind}.key`), 'utf8'), readFileSync(join(dir, `${kind}.pem`), 'utf8'));
}

/** A fresh self-signed certificate for 127.0.0.1 (openssl), trusted by nobody. */
export function selfSignedCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-selfsigned-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    ], { stdio: 'ignore' });
    return certificate(readFileSync(join(dir, 'key.pem'), 'utf8'), readFileSync(join(dir, 'cert.pem'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds the command-line bundle once if it is missing (npm test builds it first). */
export function ensureCliBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'cli', 'wharf.cjs'))) return;
  const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts'], { cwd: ROOT, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('the CLI bundle did not build');
}

/** What a `wharf` run did, with its peak resident memory. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The child's peak resident set size in MiB (getrusage, read as it exits). */
  readonly maxRssMiB: number;
}

/**
 * Peak memory is read inside the child as it exits (`process.resourceUsage().maxRSS`) by a module
 * preloaded with --import, so nothing of the CLI changes. stdout is capped: a million-line `ls` is counted,
 * not kept.
 */
const RSS_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { if (process.env.WHARF_TEST_RSS_FILE) writeFileSync(process.env.WHARF_TEST_RSS_FILE, String(process.resourceUsage().maxRSS)); });",
)}`;

export function runWharf(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-cli-run-'));
  const rssFile = join(dir, 'rss');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', RSS_PRELOAD, join(ROOT, 'bin', 'wharf'), ...args],
      { env: { ...process.env, WHARF_DATA_DIR: join(dir, 'data'), WHARF_TEST_RSS_FILE: rssFile, ...env }, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) => {
        const maxRssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN;
        rmSync(dir, { recursive: true, force: true });
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr, maxRssMiB: maxRssKiB / 1024 });
      },
    );
  });
}

/**
 * Refuses (and records) every outgoing TCP connection of this process to a host that is not loopback,
 * before any packet leaves: proof that a client never tried to reach another host. Restore when done.
 */
export function guardOutgoingConnections(): { attempts: string[]; restore: () => void } {
  const attempts: string[] = [];
  const original = net.Socket.prototype.connect;
  const loopback = (host: unknown) => typeof host === 'string' && (host === 'localhost' || host.startsWith('127.') || host === '::1' || host === '::ffff:127.0.0.1');
  /** The host a connect() call targets, in each of its forms: (options), ([options, cb]) as net.connect passes it, (port, host). */
  const targetOf = (args: unknown[]): unknown => {
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    if (typeof first === 'object' && first !== null) {
      const options = first as { host?: unknown; path?: unknown };
      if (options.path !== undefined) return 'localhost'; // a Unix socket
      return options.host ?? 'localhost';
    }
    return args[1] ?? 'localhost';
  };
  net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
    const host = targetOf(args);
    if (!loopback(host)) {
      attempts.push(String(host));
      process.nextTick(() => this.destroy(new Error(`test guard: refused a connection to ${String(host)}`)));
      return this;
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
  return { attempts, restore: () => void (net.Socket.prototype.connect = original) };
}

/** Every file below a folder (relative paths), for "nothing was written outside the chosen folder". */
export function filesBelow(root: string): string[] {
  if (!existsSync(root)) return [];
  return execFileSync('find', [root, '-mindepth', '1'], { encoding: 'utf8' }).split('\n').filter((l) => l.length > 0).map((p) => p.slice(root.length + 1));
}

/** Opens sessions to a hostile server on 127.0.0.1 (explicit FTPS, any user), trusting exactly its certificate; `onLog` gets their log. */
export function hostileSessionFactory(port: number, certificate: TestCertificate, onLog?: (line: LogLine) => void): () => Promise<FtpsSession> {
  return () =>
    FtpsSession.open({
      target: { host: '127.0.0.1', port, mode: 'explicit', user: 'u', dataMode: 'passive', minTlsVersion: 'TLSv1.2', timezoneOffsetMinutes: 0, encoding: 'utf8' },
      password: 'p',
      pinnedFingerprint: certificate.fingerprint,
      keepAliveIntervalMs: 0,
      timeoutMs: 5000,
      ...(onLog ? { onLog } : {}),
    });
}

/** The verbs of the commands sent between two replies, in order: each inner list went out in one write. */
export function writesBetweenReplies(log: readonly LogLine[]): string[][] {
  const groups: string[][] = [];
  let previous: LogLine['direction'] | null = null;
  for (const line of log) {
    if (line.direction === 'command') {
      if (previous !== 'command') groups.push([]);
      groups.at(-1)?.push(line.text.split(' ')[0] ?? '');
    }
    if (line.direction === 'command' || line.direction === 'reply') previous = line.direction;
  }
  return groups;
}

