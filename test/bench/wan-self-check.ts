/**
 * The WAN proxy measured alone, before a WAN run trusts it (no FTP, no TLS, no client): a bare TCP stream and
 * a ping-pong through it, so the report can show that the proxy neither caps throughput below what its model
 * allows nor adds delay of its own. Measures; asserts nothing (the report prints the figures).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createServer, connect as netConnect, type AddressInfo, type Server, type Socket } from 'node:net';
import { median } from './report';
import { raisePriority, startWanProxy, type WanOptions } from './wan-proxy';

export interface WanSelfCheck {
  /** One stream with the WAN's delay, window and rate, bytes per second. */
  readonly streamBytesPerSecond: number;
  /** What the model allows one stream: window per round trip, or the shared rate when lower. */
  readonly ceilingBytesPerSecond: number;
  /** One stream through the same relay with no delay and no window: the relay's own capacity. */
  readonly bareBytesPerSecond: number;
  /** The same stream straight to the sink, no proxy: what this machine's loopback and the bench's own ends allow now. */
  readonly directBytesPerSecond: number;
  /** Median round trip of a 1-byte ping-pong through the proxy, ms (expected: 2 x delay). */
  readonly rttMs: number;
  readonly rttSamples: number;
}

async function listenOn(handler: (socket: Socket) => void): Promise<Server> {
  const server = createServer({ noDelay: true }, handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

async function connected(host: string, port: number): Promise<Socket> {
  const socket = netConnect({ host, port, noDelay: true });
  await once(socket, 'connect');
  return socket;
}

/**
 * Sends `bytes` through the proxy's control port to a counting sink; the rate is taken at the sink, from the
 * first byte's arrival to the last's, so the one-way delay itself is not counted as slowness.
 */
async function streamRate(host: string, port: number, sink: { arrived: (bytes: number) => Promise<number> }, bytes: number): Promise<number> {
  const socket = await connected(host, port);
  const seconds = sink.arrived(bytes);
  const block = Buffer.alloc(1 << 20, 0x5a);
  for (let left = bytes; left > 0; left -= block.length) {
    if (!socket.write(left >= block.length ? block : block.subarray(0, left))) await once(socket, 'drain');
  }
  const elapsed = await seconds;
  socket.destroy();
  return bytes / elapsed;
}

function countingSink(): { server: Promise<Server>; arrived: (bytes: number) => Promise<number> } {
  let expect: { bytes: number; done: (seconds: number) => void } | null = null;
  const server = listenOn((socket) => {
    let got = 0;
    let first = 0;
    socket.on('data', (chunk: Buffer) => {
      if (got === 0) first = performance.now();
      got += chunk.length;
      if (expect && got >= expect.bytes) {
        expect.done((performance.now() - first) / 1000);
        expect = null;
      }
    });
    socket.on('error', () => socket.destroy());
  });
  return {
    server,
    arrived: (bytes) => new Promise((resolve) => (expect = { bytes, done: resolve })),
  };
}

async function pingPong(host: string, port: number, samples: number): Promise<number[]> {
  const socket = await connected(host, port);
  const rtts: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    socket.write('p');
    await once(socket, 'data');
    rtts.push(performance.now() - start);
  }
  socket.destroy();
  return rtts;
}

/** Runs the checks through two proxies (the WAN's settings, and no delay / no window) in their own processes. */
async function measure(wan: WanOptions): Promise<WanSelfCheck> {
  const echo = await listenOn((socket) => {
    socket.on('data', (chunk: Buffer) => socket.write(chunk));
    socket.on('error', () => socket.destroy());
  });
  const sink = countingSink();
  const sinkServer = await sink.server;
  const servers = [echo, sinkServer];
  const ceiling = Math.min((wan.windowBytes * 1000) / Math.max(1, 2 * wan.delayMs), wan.rateBytesPerSecond ?? Number.POSITIVE_INFINITY);
  // About two seconds at the ceiling, between 32 MiB and 512 MiB.
  const volume = (rate: number) => Math.min(512, Math.max(32, Math.round((rate * 2) / 2 ** 20))) * 2 ** 20;
  const wanProxy = await startWanProxy({ ...wan, upstreamHost: '127.0.0.1', controlPort: portOf(sinkServer), passivePorts: [portOf(echo)] });
  const bareProxy = await startWanProxy({ delayMs: 0, windowBytes: 2 ** 40, rateBytesPerSecond: null, processes: 1, upstreamHost: '127.0.0.1', controlPort: portOf(sinkServer), passivePorts: [] });
  try {
    const rtts = await pingPong(wanProxy.host, portOf(echo), 20);
    const streamBytesPerSecond = await streamRate(wanProxy.host, wanProxy.controlPort, sink, volume(ceiling));
    const bareBytesPerSecond = await streamRate(bareProxy.host, bareProxy.controlPort, sink, volume(1e9));
    const directBytesPerSecond = await streamRate('127.0.0.1', portOf(sinkServer), sink, volume(1e9));
    return {
      streamBytesPerSecond,
      ceilingBytesPerSecond: ceiling,
      bareBytesPerSecond,
      directBytesPerSecond,
      rttMs: median(rtts) ?? Number.NaN,
      rttSamples: rtts.length,
    };
  } finally {
    await Promise.all([wanProxy.close(), bareProxy.close()]);
    for (const server of servers) server.close();
  }
}

type CheckReply = { type: 'result'; check: WanSelfCheck } | { type: 'failed'; message: string };

/**
 * The check's two ends (the sender, the sink, the echo) run in a process of their own at the relay's priority
 * (nice -10, as root): in the bench's process, on a loaded machine, they and not the proxy set the pace.
 */
export async function checkWanProxy(wan: WanOptions): Promise<WanSelfCheck> {
  const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, WHARF_WAN_SELF_CHECK: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  raisePriority(child);
  const exited = once(child, 'exit');
  const reply = new Promise<CheckReply>((resolve, reject) => {
    child.once('message', resolve);
    void exited.then(([code]) => reject(new Error(`the WAN proxy self-check exited (${String(code)}) without a result`)));
  });
  child.send(wan);
  try {
    const answer = await reply;
    if (answer.type === 'failed') throw new Error(`WAN proxy self-check: ${answer.message}`);
    return answer.check;
  } finally {
    if (child.connected) child.disconnect();
    await exited;
  }
}

if (process.send && process.env.WHARF_WAN_SELF_CHECK === '1') {
  process.once('message', (wan: WanOptions) => {
    measure(wan).then(
      (check) => process.send?.({ type: 'result', check } satisfies CheckReply),
      (error: unknown) => process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies CheckReply),
    );
  });
  process.on('disconnect', () => process.exit(0));
}

/** The report's lines for a self-check. */
export function describeSelfCheck(check: WanSelfCheck, wan: WanOptions): string[] {
  const mbps = (bytesPerSecond: number) => `${(bytesPerSecond / 1e6).toFixed(0)} MB/s`;
  return [
    'Proxy self-check (this run, before the clients; bare TCP through one relay process, no FTP or TLS; both ends in a process of their own at the relay\'s priority):',
    `one stream ${mbps(check.streamBytesPerSecond)} of the ${mbps(check.ceilingBytesPerSecond)} its window${wan.rateBytesPerSecond ? ' or the rate limit' : ''} allows` +
      ` (${((check.streamBytesPerSecond / check.ceilingBytesPerSecond) * 100).toFixed(0)}%);` +
      ` the relay alone (no delay, no window) ${mbps(check.bareBytesPerSecond)}, the same stream without the proxy ${mbps(check.directBytesPerSecond)};` +
      ` round trip ${check.rttMs.toFixed(1)} ms (median of ${check.rttSamples}; 2 × delay = ${2 * wan.delayMs} ms).`,
  ];
}
