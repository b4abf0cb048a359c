/**
 * Finding and killing the processes a scenario started itself (a dedicated server, a child running a queue),
 * by pid: never by name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { descendants } from '../servers/fleet';

/** The pid of the process whose command line contains `needle` (a config path only we use); null if none. */
export function pidByCommandLine(needle: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The listener, not one of its sessions: its parent does not have the same command line.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const parent = ppid > 0 ? readFileSync(`/proc/${ppid}/cmdline`, 'utf8').split('\0').join(' ') : '';
      if (cmdline.includes(needle) && !parent.includes(needle)) return Number(entry);
    } catch {
      // Gone while we looked.
    }
  }
  return null;
}

/** SIGKILLs a process we started and everything below it, as a crash or `kill -9` would. */
export function killTree(pid: number): void {
  const tree = descendants(pid);
  for (const p of [pid, ...tree]) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** True once nothing listens on 127.0.0.1:port (a connection is refused). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** Waits (polling, bounded) until a port answers or refuses, as asked. */
export async function waitForPort(port: number, state: 'open' | 'closed', bound = 200): Promise<void> {
  for (let i = 0; i < bound; i++) {
    if ((await refused(port)) === (state === 'closed')) return;
    await delay(25);
  }
  throw new Error(`127.0.0.1:${port} did not become ${state}`);
}

/** Starts a server binary again with the config file the fleet wrote, in its own process group. */
export function respawn(command: string, args: readonly string[]): ChildProcess {
  return spawn(command, args, { detached: true, stdio: 'ignore', env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C' } });
}
