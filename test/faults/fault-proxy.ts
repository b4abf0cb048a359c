/**
 * A fault-injection TCP proxy for a real fleet server, on its control connection AND its data connections,
 * TLS included, without decrypting anything.
 *
 * Why this shape: FTPS control connections are encrypted, so a proxy cannot rewrite the 227/229 replies to
 * point data connections at itself. It does not need to. The proxy listens on a second loopback address
 * (127.0.0.2) on the server's control port's stand-in AND on every port of the server's passive range, the
 * same numbers the server binds on 127.0.0.1. Wharf connects its control connection to 127.0.0.2, so:
 * - EPSV (`229 (|||P|)`) names only a port: Wharf connects to the control peer, 127.0.0.2:P, the proxy;
 * - PASV (`227 (127,0,0,1,...)`) names 127.0.0.1: loopback like the control peer, so Wharf's NAT/bounce
 *   logic (main/ftps/net-address.ts) connects to the control peer, 127.0.0.2:P, the proxy again.
 * The proxy forwards 127.0.0.2:P to 127.0.0.1:P from 127.0.0.1, which is also where its control connection
 * to the server comes from, so the servers' "data connection from the control connection's address" check
 * (vsftpd pasv_promiscuous=NO, proftpd AllowForeignAddress off) still passes. The certificate names
 * 127.0.0.1, not 127.0.0.2: sessions through the proxy pin the server's fingerprint, as a user would.
 *
 * Faults act on the bytes of one TCP connection, both directions counted together: close (FIN) or reset
 * (RST) at byte N, stall from byte N until the client gives up (longer than any timeout: it never resumes),
 * or trickle the whole connection (held first until the test lets it go, if it asks). A TLS stream cut at
 * byte N is a truncated record, as a router makes it.
 *
 * The proxy also counts, in every byte it relays, occurrences of secrets (the password): a password seen in
 * clear by the network is what "credentials sent in clear" counts.
 */
import { createServer, connect as netConnect, type AddressInfo, type Server, type Socket } from 'node:net';

/** What to do to one connection. */
export type Fault =
  | { readonly kind: 'close'; readonly atByte: number }
  | { readonly kind: 'reset'; readonly atByte: number }
  | { readonly kind: 'stall'; readonly atByte: number }
  | {
      readonly kind: 'trickle';
      readonly bytesPerTick: number;
      readonly tickMs: number;
      /**
       * Nothing passes either way until this settles (a test keeps a connection open until it has acted), but
       * the client's close of the connection passes at once.
       */
      readonly heldUntil?: Promise<unknown>;
    };

export type FaultKind = Fault['kind'];
export type ConnectionKind = 'control' | 'data';

/** A connection as the plan sees it when it arrives: its kind and its number among connections of that kind. */
export interface ConnectionInfo {
  readonly kind: ConnectionKind;
  /** 0, 1, 2, ... per kind, in order of arrival. */
  readonly index: number;
  readonly port: number;
}

export interface FaultProxyOptions {
  /** Where the server listens: its control port and its passive port range. */
  readonly upstreamHost: string;
  readonly controlPort: number;
  readonly passivePorts: readonly number[];
  /** A loopback address other than the server's; default 127.0.0.2. */
  readonly listenHost?: string;
  /** Decides the fault of each connection as it arrives; null: relay it untouched. */
  readonly plan: (connection: ConnectionInfo) => Fault | null;
  /**
   * Asked when a close, reset or stall is about to fire; false spares the connection (it is then relayed
   * untouched). Lets a scenario keep a transfer's last retry free of injected faults. default: always fire
   */
  readonly mayFire?: (connection: ConnectionInfo) => boolean;
  /** Byte strings that must never cross the network in clear (passwords). */
  readonly secrets?: readonly string[];
}

/** What the proxy saw. */
export interface FaultProxyStats {
  readonly connections: Record<ConnectionKind, number>;
  /** Faults that actually fired (a close at byte N on a connection that carried fewer bytes did not). */
  readonly faultsInjected: Record<FaultKind, number>;
  readonly faultsByConnection: Record<ConnectionKind, number>;
  /** Faults that were due but spared by `mayFire`. */
  readonly faultsSpared: number;
  readonly bytesRelayed: number;
  /** Bytes relayed from the server to the client, per connection by its index: what a client was sent of a listing or file. */
  readonly bytesToClient: Record<ConnectionKind, readonly number[]>;
  /** Occurrences of a secret in the relayed bytes, either direction. */
  readonly secretsSeenInClear: number;
}

export interface FaultProxy {
  readonly host: string;
  /** The control port Wharf connects to (on `host`). */
  readonly controlPort: number;
  stats(): FaultProxyStats;
  close(): Promise<void>;
}

/** Counts occurrences of needles across chunk boundaries of one direction of one connection. */
class SecretScanner {
  private tail = Buffer.alloc(0);
  private readonly keep: number;

  constructor(private readonly needles: readonly Buffer[], private readonly onSeen: () => void) {
    this.keep = Math.max(0, ...needles.map((n) => n.length - 1));
  }

  scan(chunk: Buffer): void {
    if (this.needles.length === 0) return;
    const window = Buffer.concat([this.tail, chunk]);
    for (const needle of this.needles) {
      // Only matches that end inside the new chunk: those ending in the tail were counted already.
      for (let at = window.indexOf(needle); at !== -1; at = window.indexOf(needle, at + 1)) {
        if (at + needle.length > this.tail.length) this.onSeen();
      }
    }
    this.tail = window.subarray(Math.max(0, window.length - this.keep));
  }
}

/** Starts a proxy in front of a server; see the file comment for how data connections reach it. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const host = options.listenHost ?? '127.0.0.2';
  const connections: Record<ConnectionKind, number> = { control: 0, data: 0 };
  const faultsInjected: Record<FaultKind, number> = { close: 0, reset: 0, stall: 0, trickle: 0 };
  const faultsByConnection: Record<ConnectionKind, number> = { control: 0, data: 0 };
  let bytesRelayed = 0;
  const bytesToClient: Record<ConnectionKind, number[]> = { control: [], data: [] };
  let secretsSeenInClear = 0;
  let faultsSpared = 0;
  const needles = (options.secrets ?? []).filter((s) => s.length > 0).map((s) => Buffer.from(s, 'utf8'));
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const servers: Server[] = [];

  const handle = (client: Socket, kind: ConnectionKind, port: number) => {
    const info: ConnectionInfo = { kind, index: connections[kind]++, port };
    bytesToClient[kind][info.index] = 0;
    const relayed = (to: Socket, bytes: number) => {
      bytesRelayed += bytes;
      if (to === client) (bytesToClient[kind][info.index] as number) += bytes;
    };
    const fault = options.plan(info);
    // Half-open on both legs: a FIN is passed on only once every byte before it was delivered, as TCP does.
    const upstream = netConnect({ host: options.upstreamHost, port, allowHalfOpen: true });
    sockets.add(client);
    sockets.add(upstream);
    let done = false;
    let stalled = false;
    let fired = false;
    const fire = () => {
      if (fired || !fault) return;
      fired = true;
      faultsInjected[fault.kind] += 1;
      faultsByConnection[kind] += 1;
    };
    const finish = () => {
      if (done) return;
      done = true;
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      // A reset or an error on one leg is passed on as a reset. A stalled path is a black hole: one side
      // giving up is never seen by the other (proxy.close() ends it).
      socket.on('error', () => (stalled ? socket.destroy() : finish()));
      socket.on('close', () => {
        sockets.delete(socket);
        if (!stalled && socket.errored) finish();
      });
    }
    const scanner = () => new SecretScanner(needles, () => (secretsSeenInClear += 1));

    if (fault?.kind === 'trickle') {
      fire();
      let held = fault.heldUntil !== undefined;
      const release = () => {
        held = false;
      };
      void fault.heldUntil?.then(release, release);
      // The hold keeps bytes back, not the end of the connection: a client that gives up on a held connection
      // is seen by the server at once, as behind a slow link.
      client.once('end', () => {
        if (held) finish();
      });
      const pipeSlowly = (from: Socket, to: Socket, scan: SecretScanner) => {
        const queue: Buffer[] = [];
        let queued = 0;
        let ended = false;
        const timer = setInterval(() => {
          if (held) return;
          let budget = fault.bytesPerTick;
          while (budget > 0 && queue.length > 0) {
            const head = queue[0] as Buffer;
            const part = head.subarray(0, budget);
            if (part.length === head.length) queue.shift();
            else queue[0] = head.subarray(budget);
            budget -= part.length;
            queued -= part.length;
            relayed(to, part.length);
            if (!to.destroyed) to.write(part);
          }
          if (queued < 256 * 1024 && from.isPaused()) from.resume();
          if (queue.length === 0 && ended) {
            clearInterval(timer);
            timers.delete(timer);
            if (!to.destroyed) to.end();
          }
        }, fault.tickMs);
        timers.add(timer);
        to.once('close', () => {
          clearInterval(timer);
          timers.delete(timer);
        });
        from.on('data', (chunk: Buffer) => {
          scan.scan(chunk);
          queue.push(chunk);
          queued += chunk.length;
          if (queued >= 256 * 1024) from.pause();
        });
        from.on('end', () => {
          ended = true;
        });
      };
      pipeSlowly(client, upstream, scanner());
      pipeSlowly(upstream, client, scanner());
      return;
    }

    let atByte = fault ? fault.atByte : Number.POSITIVE_INFINITY;
    let relayedBytes = 0;
    const relay = (from: Socket, to: Socket) => {
      const scan = scanner();
      from.on('data', (chunk: Buffer) => {
        if (stalled || done) return;
        if (fault && relayedBytes + chunk.length >= atByte && options.mayFire && !options.mayFire(info)) {
          faultsSpared += 1;
          atByte = Number.POSITIVE_INFINITY;
        }
        const room = atByte - relayedBytes;
        const part = chunk.length <= room ? chunk : chunk.subarray(0, Math.max(0, room));
        relayedBytes += part.length;
        relayed(to, part.length);
        scan.scan(part);
        if (part.length > 0 && !to.destroyed && !to.writableEnded) {
          if (!to.write(part)) {
            from.pause();
            to.once('drain', () => from.resume());
          }
        }
        if (relayedBytes < atByte || !fault) return;
        fire();
        switch (fault.kind) {
          case 'close':
            // A FIN both ways once what was let through is written; nothing more passes.
            done = true;
            client.end(() => client.destroy());
            upstream.end(() => upstream.destroy());
            return;
          case 'reset':
            done = true;
            client.resetAndDestroy();
            upstream.resetAndDestroy();
            return;
          case 'stall':
            // Nothing passes from now on, in either direction, and nothing is read: the senders' buffers
            // fill as behind a router that black-holes the path. Only a timeout gets a side out.
            stalled = true;
            client.pause();
            upstream.pause();
            return;
        }
      });
      from.on('end', () => {
        if (!stalled && !done && !to.destroyed) to.end();
      });
    };
    relay(client, upstream);
    relay(upstream, client);
  };

  const listen = (port: number, kind: ConnectionKind): Promise<Server> =>
    new Promise((resolve, reject) => {
      const server = createServer({ allowHalfOpen: true }, (client) => handle(client, kind, kind === 'control' ? options.controlPort : port));
      server.once('error', reject);
      server.listen(port, host, () => {
        server.removeListener('error', reject);
        resolve(server);
      });
    });

  try {
    const control = await listen(0, 'control');
    servers.push(control);
    for (const port of options.passivePorts) servers.push(await listen(port, 'data'));
  } catch (error) {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    throw error;
  }
  const controlPort = (servers[0]?.address() as AddressInfo).port;

  return {
    host,
    controlPort,
    stats: () => ({
      connections: { ...connections },
      faultsInjected: { ...faultsInjected },
      faultsByConnection: { ...faultsByConnection },
      faultsSpared,
      bytesRelayed,
      bytesToClient: { control: [...bytesToClient.control], data: [...bytesToClient.data] },
      secretsSeenInClear,
    }),
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}
