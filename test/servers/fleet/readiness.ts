/** Readiness: a server is up when it listens on its port and greets; otherwise, why it did not start. */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { connect as tlsConnect } from 'node:tls';
import { HOST, START_TIMEOUT_MS } from './specs';
import { tail } from './shell';
import { type Layout } from './work-dir';
import { type Prepared } from './prepare';
import { descendants, type Running } from './processes';

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
export async function waitForGreeting(r: Running, p: Prepared): Promise<void> {
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

export function startFailure(p: Prepared, layout: Layout, reason: string): Error {
  const parts = [`fleet: ${p.name} failed to start: ${reason}`, `command: ${p.command} ${p.args.join(' ')}`];
  for (const file of [join(layout.logs, `${p.name}.stderr`), join(layout.logs, `${p.name}.stdout`), p.logFile]) {
    if (!file) continue;
    const text = tail(file);
    if (text) parts.push(`--- ${file}\n${text}`);
  }
  return new Error(parts.join('\n'));
}
