/**
 * The WAN proxy's relay, run in a process of its own (test/bench/wan-proxy.ts starts it with `fork`): the bench
 * process spawns and times clients, and a relay inside it competed with that work for its event loop, which
 * capped every stream under load. Here each direction of each connection is a queue of timestamped chunks
 * drained by one timer, with one more timer releasing the window: no timer per byte or per chunk.
 *
 * The model (see wan-proxy.ts for how clients reach it): a chunk read from one side is written to the other
 * `delayMs` later; a connection has at most `windowBytes` unacknowledged bytes per direction, acknowledged
 * `delayMs` after their delivery (the reading side is paused meanwhile, so the sender's own buffers fill); a
 * writer that is full (`write` returned false) holds the queue until it drains; `rateBytesPerSecond` is one
 * link that every direction of every connection of this relay serialises on. With `handshake`, a connection costs
 * TCP's handshake as on a real path: the server sees it (its accept, and the first bytes the client sent) 1.5 round
 * trips after the client connected, not at once (see handle).
 */
import { appendFileSync } from 'node:fs';
import { createServer, connect as netConnect, Socket, type AddressInfo, type Server } from 'node:net';

export interface RelayConfig {
  readonly delayMs: number;
  readonly windowBytes: number;
  readonly rateBytesPerSecond: number | null;
  /** Model TCP's handshake: the upstream connection opens 3 × delayMs after the client's (see handle). */
  readonly handshake?: boolean;
  readonly listenHost: string;
  readonly upstreamHost: string;
  /** Listening port (0: any free one) → upstream port. */
  readonly routes: readonly { readonly listen: number; readonly upstream: number }[];
}

export type RelayRequest = { type: 'start'; config: RelayConfig } | { type: 'stats' } | { type: 'close' };
export type RelayReply =
  | { type: 'ready'; ports: number[] }
  | { type: 'failed'; message: string }
  | { type: 'stats'; connections: number; bytesRelayed: number };

/** A FIFO with a moving head: `shift` on a long array copies it; this does not. */
class Fifo<T> {
  private items: T[] = [];
  private head = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  push(item: T): void {
    this.items.push(item);
  }
  peek(): T | undefined {
    return this.items[this.head];
  }
  shift(): T | undefined {
    const item = this.items[this.head];
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

interface Timed {
  readonly due: number;
  /** A chunk to deliver, or null for the sender's FIN (in the delivery queue); a byte count (in the ack queue). */
  readonly chunk: Buffer | null;
  readonly bytes: number;
}

/** Calls `fn` once at the head's due time; rearmed by the caller. One timer per queue, never one per item. */
class Alarm {
  private timer: NodeJS.Timeout | null = null;
  constructor(private readonly fn: () => void) {}
  arm(due: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.fn();
    }, Math.max(0, Math.floor(due - performance.now())));
  }
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/**
 * Timers fire on the event loop's whole-millisecond clock, up to ~1 ms after their time: an item due within
 * this much is taken now, so each direction's delay is right on average instead of ~1 ms long.
 */
const EARLY_MS = 0.5;

interface Link {
  freeAt: number;
}

/**
 * `WHARF_WAN_TAP=FILE`: one line per chunk read by the relay (wall-clock ms, connection, listening port, direction,
 * bytes; `FIN` for an end), for timelines of what waits for what (docs/BENCHMARKS.md, seventh round). Off by default.
 */
const tapFile = process.env.WHARF_WAN_TAP ?? '';
function tap(connection: string, direction: 'c>s' | 's>c', bytes: number | 'FIN'): void {
  if (tapFile) appendFileSync(tapFile, `${(performance.timeOrigin + performance.now()).toFixed(1)} ${connection} ${direction} ${bytes}\n`);
}

/** Whether a line's far side may be written to yet: the upstream connection is opened late with `handshake`. */
interface Gate {
  open: boolean;
  readonly waiting: (() => void)[];
}

/** One direction of one connection. Returns a function that stops its timers. */
function delayLine(from: Socket, to: Socket, config: RelayConfig, link: Link, onBytes: (n: number) => void, tapAs: [string, 'c>s' | 's>c'], gate: Gate | null = null): () => void {
  const delivery = new Fifo<Timed>();
  const acks = new Fifo<Timed>();
  let inFlight = 0;
  let waitingForDrain = false;

  const acknowledge = () => {
    const now = performance.now();
    for (let head = acks.peek(); head && head.due <= now + EARLY_MS; head = acks.peek()) {
      acks.shift();
      inFlight -= head.bytes;
    }
    if (inFlight < config.windowBytes && from.isPaused() && !from.destroyed) from.resume();
    const next = acks.peek();
    if (next) ackAlarm.arm(next.due);
  };
  const ackAlarm = new Alarm(acknowledge);

  const deliver = () => {
    if (to.destroyed) return;
    if (gate && !gate.open) {
      gate.waiting.push(deliver);
      return;
    }
    const now = performance.now();
    for (let head = delivery.peek(); head && head.due <= now + EARLY_MS; head = delivery.peek()) {
      if (to.writableNeedDrain) {
        waitingForDrain = true;
        to.once('drain', () => {
          waitingForDrain = false;
          deliver();
        });
        return;
      }
      delivery.shift();
      if (head.chunk === null) {
        to.end();
        return;
      }
      to.write(head.chunk);
      onBytes(head.bytes);
      acks.push({ due: now + config.delayMs, chunk: null, bytes: head.bytes });
      ackAlarm.arm(now + config.delayMs);
    }
    const next = delivery.peek();
    if (next && !waitingForDrain) deliveryAlarm.arm(next.due);
  };
  const deliveryAlarm = new Alarm(deliver);

  const enqueue = (chunk: Buffer | null) => {
    let sent = performance.now();
    if (chunk && config.rateBytesPerSecond) {
      link.freeAt = Math.max(link.freeAt, sent) + (chunk.length * 1000) / config.rateBytesPerSecond;
      sent = link.freeAt;
    }
    delivery.push({ due: sent + config.delayMs, chunk, bytes: chunk?.length ?? 0 });
    if (waitingForDrain) return;
    // Due already (no delay): straight through, not via a timer (setTimeout's floor is 1 ms).
    const head = delivery.peek() as Timed;
    if (head.due <= performance.now() + EARLY_MS) deliver();
    else deliveryAlarm.arm(head.due);
  };
  from.on('data', (chunk: Buffer) => {
    tap(tapAs[0], tapAs[1], chunk.length);
    inFlight += chunk.length;
    if (inFlight >= config.windowBytes) from.pause();
    enqueue(chunk);
  });
  from.on('end', () => {
    tap(tapAs[0], tapAs[1], 'FIN');
    enqueue(null);
  });
  return () => {
    ackAlarm.cancel();
    deliveryAlarm.cancel();
  };
}

export interface Relay {
  readonly ports: number[];
  stats(): { connections: number; bytesRelayed: number };
  close(): Promise<void>;
}

/** Listens on every route and relays each accepted connection to its upstream port through two delay lines. */
export async function startRelay(config: RelayConfig): Promise<Relay> {
  const sockets = new Set<Socket>();
  const stops = new Set<() => void>();
  const servers: Server[] = [];
  const link: Link = { freeAt: 0 };
  let connections = 0;
  let bytesRelayed = 0;
  const count = (n: number) => (bytesRelayed += n);

  const handle = (client: Socket, port: number) => {
    connections++;
    // On a real path the client's SYN takes half a round trip, the server's SYN-ACK another half (the client's
    // connect is done), and the client's ACK, with whatever it wrote at once, a third: the server accepts and reads
    // 1.5 round trips after the client began, and what it sends then reaches the client after 2. Here the client's
    // connect is done at once, so the upstream connection opens 1.5 round trips late and what the client wrote
    // meanwhile waits for it; what follows has the usual delay.
    const gate: Gate | null = config.handshake ? { open: false, waiting: [] } : null;
    const upstream = gate ? new Socket({ allowHalfOpen: true }) : netConnect({ host: config.upstreamHost, port, allowHalfOpen: true });
    if (gate) {
      const timer = setTimeout(() => {
        if (client.destroyed || upstream.destroyed) return;
        upstream.connect({ host: config.upstreamHost, port });
        gate.open = true;
        for (const deliver of gate.waiting.splice(0)) deliver();
      }, 3 * config.delayMs);
      client.once('close', () => {
        clearTimeout(timer);
        if (!gate.open) upstream.destroy();
      });
    }
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      // The relay's own legs are loopback: no Nagle there, or it would add delays of its own.
      socket.setNoDelay(true);
      // A reset (or any socket error) reaches the other side as a reset, at once: a plain destroy would send a
      // FIN, and a client would take a cut connection for a clean end.
      socket.on('error', () => {
        (socket === client ? upstream : client).resetAndDestroy();
        socket.destroy();
      });
      socket.on('close', () => sockets.delete(socket));
    }
    // A FIN travels with the delay like the bytes before it (delayLine's end).
    const name = `${process.pid}.${connections}:${port}`;
    tap(name, 'c>s', 0);
    const lines = [delayLine(client, upstream, config, link, count, [name, 'c>s'], gate), delayLine(upstream, client, config, link, count, [name, 's>c'])];
    for (const stop of lines) stops.add(stop);
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
    // Both gone: the timers of its lines go too (a destroyed side is never written again).
    let closed = 0;
    const onClose = () => {
      if (++closed < 2) return;
      for (const stop of lines) {
        stop();
        stops.delete(stop);
      }
    };
    client.once('close', onClose);
    upstream.once('close', onClose);
  };

  const listen = (port: number, upstreamPort: number): Promise<Server> =>
    new Promise((resolve, reject) => {
      const server = createServer({ allowHalfOpen: true, noDelay: true }, (client) => handle(client, upstreamPort));
      server.once('error', reject);
      server.listen(port, config.listenHost, () => {
        server.removeListener('error', reject);
        resolve(server);
      });
    });

  const closeAll = async () => {
    for (const stop of stops) stop();
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  };
  try {
    for (const route of config.routes) servers.push(await listen(route.listen, route.upstream));
  } catch (error) {
    await closeAll();
    throw error;
  }
  return {
    ports: servers.map((s) => (s.address() as AddressInfo).port),
    stats: () => ({ connections, bytesRelayed }),
    close: closeAll,
  };
}

/** The child process: one relay, driven by the parent over the IPC channel; gone when the parent is. */
function serveParent(): void {
  const send = (reply: RelayReply) => process.send?.(reply);
  let relay: Relay | null = null;
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: RelayRequest) => {
    if (message.type === 'start') {
      startRelay(message.config).then(
        (started) => {
          relay = started;
          send({ type: 'ready', ports: started.ports });
        },
        (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    } else if (message.type === 'stats') {
      send({ type: 'stats', ...(relay?.stats() ?? { connections: 0, bytesRelayed: 0 }) });
    } else {
      void (relay?.close() ?? Promise.resolve()).then(() => process.exit(0));
    }
  });
}

if (process.send && process.env.WHARF_WAN_RELAY === '1') serveParent();
