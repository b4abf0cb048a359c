/**
 * A user-space "WAN" in front of one fleet server, for `npm run bench -- --wan`: every byte, control and data
 * connections alike, reaches the other side `delayMs` later, each direction on its own.
 *
 * How data connections reach it is the fault proxy's trick (test/faults/fault-proxy.ts): the proxy listens on a
 * second loopback address (127.0.0.2) on a control port of its own AND on every port of the server's passive
 * range, the same numbers the server binds on 127.0.0.1. A client that connects its control connection to
 * 127.0.0.2 meets the proxy on its data connections too: EPSV names only a port, which a client opens on the
 * control peer; a PASV address of 127.0.0.1 is replaced by the control peer by Wharf (main/ftps/net-address.ts),
 * and by lftp with `ftp:ignore-pasv-address` (curl uses EPSV). Nothing is decrypted or rewritten. Connections
 * to the server come from 127.0.0.1, the address of the proxy's control connection, so the servers' "data from
 * the control connection's address" checks pass.
 *
 * The relaying happens outside the bench's process, in `processes` child processes (test/bench/wan-relay.ts):
 * the control port in the first, the passive ports dealt round-robin, so the data connections of a segmented
 * download or of parallel transfers spread over them. With a shared rate limit there is one process (one link).
 *
 * They run at nice -10 (see raisePriority).
 *
 * What a real path adds besides delay, and how it is modelled here:
 * - TCP's window: one connection never has more than `windowBytes` unacknowledged bytes in flight, so one stream
 *   moves at most windowBytes per round trip (2 x delayMs), as a TCP connection whose receive window stopped
 *   growing. Bytes count as in flight from the moment the proxy reads them until their "acknowledgement" has
 *   travelled back (delayMs after they were delivered); the reading side is paused meanwhile, so the sender's
 *   own socket buffers fill as they would.
 * - A bottleneck: `rateBytesPerSecond` (optional) is one link shared by every connection and both directions
 *   serialise on it, as on an access line.
 * - TCP's handshake (`handshake`): the server accepts a connection, and reads what the client wrote at once,
 *   1.5 round trips after the client connected, as on a real path (off: at once, which flatters a client that
 *   waits for the server to speak first on each data connection).
 * Slow start and losses are not modelled: a stream is at its full window from its first byte, which flatters
 * clients that open many short connections a little and long single streams not at all.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RelayConfig, RelayReply, RelayRequest } from './wan-relay';

export interface WanOptions {
  /** One-way delay, each direction (25 ms: a 50 ms round trip). */
  readonly delayMs: number;
  /** Unacknowledged bytes one connection may have in flight per direction (its TCP window). */
  readonly windowBytes: number;
  /** A link shared by all connections, bytes per second; null: no bottleneck besides the windows. */
  readonly rateBytesPerSecond: number | null;
  /** Relay processes (without a rate limit); default 2. */
  readonly processes?: number;
  /** Model TCP's handshake: a connection reaches the server 1.5 round trips after the client connected (wan-relay.ts). */
  readonly handshake?: boolean;
}

export interface WanProxyOptions extends WanOptions {
  readonly upstreamHost: string;
  readonly controlPort: number;
  readonly passivePorts: readonly number[];
  /** A loopback address other than the server's; default 127.0.0.2. */
  readonly listenHost?: string;
}

export interface WanProxy {
  readonly host: string;
  /** The control port clients connect to (on `host`). */
  readonly controlPort: number;
  /** How many relay processes carry the connections. */
  readonly processes: number;
  stats(): Promise<{ connections: number; bytesRelayed: number }>;
  close(): Promise<void>;
}

const relayModule = fileURLToPath(new URL('./wan-relay.ts', import.meta.url));

function nextReply(child: ChildProcess, type: RelayReply['type'] | 'failed'): Promise<RelayReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: RelayReply) => {
      if (reply.type !== type && reply.type !== 'failed') return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (reply.type === 'failed') reject(new Error(`WAN relay: ${reply.message}`));
      else resolve(reply);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`WAN relay process exited (${code ?? 'signal'})`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * A real network does not take its time from the client's CPU: the relay runs at a higher priority than the
 * clients and servers (nice -10, as root; the bench runs as root), so a loaded machine slows the endpoints, not
 * the wire. Where that is not allowed, it runs at normal priority.
 */
export function raisePriority(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    setPriority(child.pid, -10);
  } catch {
    // Not root: the relay shares the CPU like any other process.
  }
}

/** Starts a WAN proxy in front of a server; see the file comment for how data connections reach it. */
export async function startWanProxy(options: WanProxyOptions): Promise<WanProxy> {
  const host = options.listenHost ?? '127.0.0.2';
  const count = options.rateBytesPerSecond ? 1 : Math.max(1, Math.min(options.processes ?? 2, options.passivePorts.length || 1));
  const routes: { listen: number; upstream: number }[][] = Array.from({ length: count }, () => []);
  routes[0]?.push({ listen: 0, upstream: options.controlPort });
  options.passivePorts.forEach((port, i) => routes[i % count]?.push({ listen: port, upstream: port }));

  const children: ChildProcess[] = [];
  const stopAll = async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        if (child.connected) child.send({ type: 'close' } satisfies RelayRequest);
        else child.kill();
        await exited;
      }),
    );
  };
  let controlPort: number;
  try {
    const started = routes.map(async (own) => {
      const child = fork(relayModule, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, WHARF_WAN_RELAY: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      raisePriority(child);
      const ready = nextReply(child, 'ready');
      const config: RelayConfig = {
        delayMs: options.delayMs,
        windowBytes: options.windowBytes,
        rateBytesPerSecond: options.rateBytesPerSecond,
        ...(options.handshake ? { handshake: true } : {}),
        listenHost: host,
        upstreamHost: options.upstreamHost,
        routes: own,
      };
      child.send({ type: 'start', config } satisfies RelayRequest);
      return (await ready) as Extract<RelayReply, { type: 'ready' }>;
    });
    const ready = await Promise.all(started);
    controlPort = ready[0]?.ports[0] ?? 0;
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    host,
    controlPort,
    processes: count,
    stats: async () => {
      const replies = await Promise.all(
        children.map((child) => {
          const reply = nextReply(child, 'stats');
          child.send({ type: 'stats' } satisfies RelayRequest);
          return reply as Promise<Extract<RelayReply, { type: 'stats' }>>;
        }),
      );
      return replies.reduce((sum, r) => ({ connections: sum.connections + r.connections, bytesRelayed: sum.bytesRelayed + r.bytesRelayed }), { connections: 0, bytesRelayed: 0 });
    },
    close: stopAll,
  };
}
