/** Running servers: launch, stop, and kill every server this process started if it is killed itself; helper processes a test file owns. */
import { AsyncResource } from 'node:async_hooks';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type ServerName } from './specs';
import { type Layout } from './work-dir';
import { type Prepared } from './prepare';

export interface Running {
  name: ServerName;
  child: ChildProcess;
  pgid: number;
  exited: Promise<void>;
  exitCode: () => string | null;
}

/** Every server this process started and has not stopped (their pids = process groups): killed if this process exits. */
export const liveServers = new Set<number>();
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

export function removeHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  process.removeListener('exit', killAllNow);
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}

export function launch(p: Prepared, layout: Layout): Running {
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

export async function stopRunning(r: Running): Promise<void> {
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

// ---------------------------------------------------------------------------------------------------
// Helper processes a test file owns (proxies, the doctor's extra servers): stopped by the file's `after`

const fileEndStops = new Set<() => Promise<void>>();
const ownedPids = new Set<number>();
let fileHooksInstalled = false;

/** Runs `fn` in the context this module was loaded in, so node:test attaches `after` to the file, not to a test. */
const inLoadContext = AsyncResource.bind(<T>(fn: () => T): T => fn());

async function installFileHooks(): Promise<void> {
  if (fileHooksInstalled) return;
  fileHooksInstalled = true;
  const { after } = await import('node:test');
  inLoadContext(() => after(async () => Promise.all([...fileEndStops].map((stop) => stop()))));
  // A test process that exits before its `after` hooks (an uncaught error) still leaves nothing running.
  process.on('exit', () => {
    for (const pid of ownedPids) killTree(pid, 'SIGKILL');
  });
}

/**
 * Makes `stop` one-shot (later calls wait for the first) and runs it when the test file ends if nobody did
 * before. Returns the one-shot stop.
 */
export async function stopWhenFileEnds(stop: () => Promise<void>): Promise<() => Promise<void>> {
  await installFileHooks();
  let stopping: Promise<void> | null = null;
  const once = (): Promise<void> => {
    stopping ??= stop().finally(() => fileEndStops.delete(once));
    return stopping;
  };
  fileEndStops.add(once);
  return once;
}

export interface OwnedProcessSpec {
  /** Names the process in errors. */
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Its stdout and stderr are appended here. */
  readonly logFile: string;
  /** vsftpd writes start-up errors to fd 0: give it the log file there too. */
  readonly stdinIsLog?: boolean;
  /** More environment variables (beside PATH and LANG=C). */
  readonly env?: Readonly<Record<string, string>>;
  /** Resolves once the process serves (it listens, it greets); the process is stopped if this throws. */
  ready(child: ChildProcess): Promise<void>;
  /** Runs after the process is gone (removes its folder). */
  afterStop?(): void;
}

/**
 * Starts a helper process in a process group of its own and waits until it is ready. Its stop kills it with
 * everything it forked, once; the test file's `after` stops it if the test did not, and it is killed if this
 * process exits first.
 */
export async function startOwnedProcess(spec: OwnedProcessSpec): Promise<() => Promise<void>> {
  await installFileHooks();
  const err = openSync(spec.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(spec.command, [...spec.args], {
      detached: true,
      stdio: [spec.stdinIsLog === true ? err : 'ignore', err, err],
      env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C', ...spec.env },
    });
  } finally {
    closeSync(err);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${spec.label} did not start`);
  ownedPids.add(pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = await stopWhenFileEnds(async () => {
    killTree(pid, 'SIGKILL');
    await exited;
    ownedPids.delete(pid);
    spec.afterStop?.();
  });
  try {
    await spec.ready(child);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
