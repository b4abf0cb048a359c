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
 * What a real path adds besides delay, and how it is modelled here:
 * - TCP's window: one connection never has more than `windowBytes` unacknowledged bytes in flight, so one stream
 *   moves at most windowBytes per round trip (2 x delayMs), as a TCP connection whose receive window stopped
 *   growing. Bytes count as in flight from the moment the proxy reads them until their "acknowledgement" has
 *   travelled back (delayMs after they were delivered); the reading side is paused meanwhile, so the sender's
 *   own socket buffers fill as they would.
 * - A bottleneck: `rateBytesPerSecond` (optional) is one link shared by every connection and both directions
 *   serialise on it, as on an access line.
 * Slow start and losses are not modelled: a stream is at its full window from its first byte, which flatters
 * clients that open many short connections a little and long single streams not at all.
 */
import { createServer, connect as netConnect, type AddressInfo, type Server, type Socket } from 'node:net';

export interface WanOptions {
  /** One-way delay, each direction (25 ms: a 50 ms round trip). */
  readonly delayMs: number;
  /** Unacknowledged bytes one connection may have in flight per direction (its TCP window). */
  readonly windowBytes: number;
  /** A link shared by all connections, bytes per second; null: no bottleneck besides the windows. */
  readonly rateBytesPerSecond: number | null;
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
  stats(): { connections: number; bytesRelayed: number };
  close(): Promise<void>;
}

interface InFlight {
  readonly chunk: Buffer | null; // null: the sender's FIN
  readonly due: number;
}

/**
 * One direction of one connection: reads from `from`, delivers to `to` after the delay, keeps at most the window
 * in flight. `link` serialises every direction of every connection when the path has a bottleneck.
 */
function delayLine(from: Socket, to: Socket, options: WanOptions, link: { freeAt: number }, onBytes: (n: number) => void, timers: Set<NodeJS.Timeout>): void {
  const queue: InFlight[] = [];
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;
  let waitingForDrain = false;
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, Math.max(0, ms));
    timers.add(t);
    return t;
  };
  const acknowledge = (bytes: number) => {
    inFlight -= bytes;
    if (inFlight < options.windowBytes && from.isPaused() && !from.destroyed) from.resume();
  };
  const deliver = () => {
    timer = null;
    const now = performance.now();
    while (queue.length > 0 && (queue[0] as InFlight).due <= now) {
      if (to.destroyed) return;
      if (to.writableNeedDrain) {
        waitingForDrain = true;
        to.once('drain', () => {
          waitingForDrain = false;
          deliver();
        });
        return;
      }
      const { chunk } = queue.shift() as InFlight;
      if (chunk === null) {
        to.end();
        return;
      }
      to.write(chunk);
      onBytes(chunk.length);
      later(options.delayMs, () => acknowledge(chunk.length));
    }
    schedule();
  };
  const schedule = () => {
    if (timer || waitingForDrain || queue.length === 0) return;
    timer = later((queue[0] as InFlight).due - performance.now(), deliver);
  };
  const enqueue = (chunk: Buffer | null) => {
    let sent = performance.now();
    if (chunk && options.rateBytesPerSecond) {
      link.freeAt = Math.max(link.freeAt, sent) + (chunk.length * 1000) / options.rateBytesPerSecond;
      sent = link.freeAt;
    }
    queue.push({ chunk, due: sent + options.delayMs });
    schedule();
  };
  from.on('data', (chunk: Buffer) => {
    inFlight += chunk.length;
    if (inFlight >= options.windowBytes) from.pause();
    enqueue(chunk);
  });
  from.on('end', () => enqueue(null));
}

/** Starts a WAN proxy in front of a server; see the file comment for how data connections reach it. */
export async function startWanProxy(options: WanProxyOptions): Promise<WanProxy> {
  const host = options.listenHost ?? '127.0.0.2';
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const servers: Server[] = [];
  const link = { freeAt: 0 };
  let connections = 0;
  let bytesRelayed = 0;

  const handle = (client: Socket, port: number) => {
    connections++;
    const upstream = netConnect({ host: options.upstreamHost, port, allowHalfOpen: true });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      // The proxy's own legs are loopback: no Nagle there, or it would add delays of its own.
      socket.setNoDelay(true);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on('close', () => sockets.delete(socket));
    }
    // A reset stays a reset; a FIN travels with the delay like the bytes before it.
    client.on('close', () => {
      if (client.errored) upstream.destroy();
    });
    upstream.on('close', () => {
      if (upstream.errored) client.destroy();
    });
    const count = (n: number) => (bytesRelayed += n);
    delayLine(client, upstream, options, link, count, timers);
    delayLine(upstream, client, options, link, count, timers);
    const closeBoth = () => {
      if (client.writableFinished && upstream.writableFinished && client.readableEnded && upstream.readableEnded) {
        client.destroy();
        upstream.destroy();
      }
    };
    for (const socket of [client, upstream]) {
      socket.on('finish', closeBoth);
      socket.on('end', closeBoth);
    }
  };

  const listen = (port: number, upstreamPort: number | null): Promise<Server> =>
    new Promise((resolve, reject) => {
      const server = createServer({ allowHalfOpen: true, noDelay: true }, (client) => handle(client, upstreamPort ?? port));
      server.once('error', reject);
      server.listen(port, host, () => {
        server.removeListener('error', reject);
        resolve(server);
      });
    });

  try {
    servers.push(await listen(0, options.controlPort));
    for (const port of options.passivePorts) servers.push(await listen(port, null));
  } catch (error) {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    throw error;
  }
  return {
    host,
    controlPort: (servers[0]?.address() as AddressInfo).port,
    stats: () => ({ connections, bytesRelayed }),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}
