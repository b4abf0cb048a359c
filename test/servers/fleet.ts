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
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { isPyftpdlib, pyftpdlibSupportsMlsd } from './pyftpdlib';
import { ALL_SERVERS, type CertKind, type FleetInfo, HOST, type RunningFleet, SPECS, type ServerInfo, type ServerName, passwordFor } from './fleet/specs';
import { tail } from './fleet/shell';
import { type Certs, clientCertInfo, fingerprintOf, makeCerts } from './fleet/certificates';
import { releasePorts } from './fleet/ports';
import { type UserIds, ensureUsers } from './fleet/users';
import { type Layout, claimWorkDir, makeLayout, releaseWorkDir } from './fleet/work-dir';
import { type Prepared, prepare } from './fleet/prepare';
import { writePureDb } from './fleet/pureftpd';
import { type Running, launch, liveServers, removeHandlers, stopRunning } from './fleet/processes';
import { startFailure, waitForGreeting } from './fleet/readiness';

export type { ClientCertInfo, FleetInfo, RunningFleet, ServerInfo, ServerName } from './fleet/specs';
export { ALL_SERVERS } from './fleet/specs';
export { ensureSystemLogin } from './fleet/users';
export { descendants, killTree } from './fleet/processes';

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
  const full = serverPath(info, path);
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

/**
 * Gives a file or folder in the server's root to root (the tests' user) with `mode`: to the server's user, another
 * user's, which it may open only as far as `mode` lets others. `path` is relative to the root; returns the full path.
 */
export function makeForeign(info: ServerInfo, path: string, mode: number): string {
  const full = serverPath(info, path);
  chownSync(full, 0, 0);
  chmodSync(full, mode);
  return full;
}

/** Undoes makeForeign: the path is the server's user's again, with `mode`. Returns the full path. */
export function makeOwn(info: ServerInfo, path: string, mode: number): string {
  const full = serverPath(info, path);
  const { uid, gid } = statSync(info.root);
  chownSync(full, uid, gid);
  chmodSync(full, mode);
  return full;
}

/** The full path of `path` (relative to the server's root), refused if it leads out of the root. */
function serverPath(info: ServerInfo, path: string): string {
  const full = resolve(info.root, path.replace(/^\/+/, ''));
  if (full !== info.root && !full.startsWith(`${info.root}/`)) throw new Error(`fleet: ${path} is outside ${info.root}`);
  return full;
}
