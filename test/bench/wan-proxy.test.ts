// The bench's WAN proxy as a wire: what goes in comes out whole and in order, in both directions, through a
// window much smaller than the data (so reading pauses and resumes), with the relay in its own processes; a FIN
// arrives after the bytes sent before it; a reset stays a reset; with TCP's handshake modelled, a connection reaches
// the server after one made later straight to it. No timings (npm run bench measures them).
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { test } from 'node:test';
import { startWanProxy, type WanProxy } from './wan-proxy';
import { startRelay } from './wan-relay';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function upstream(onSocket: (socket: Socket) => void): Promise<Server> {
  const server = createServer({ allowHalfOpen: true }, onSocket);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

function readAll(socket: Socket): Promise<Buffer> {
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  return once(socket, 'end').then(() => Buffer.concat(chunks));
}

async function through(proxy: WanProxy): Promise<Socket> {
  const socket = connect({ host: proxy.host, port: proxy.controlPort, allowHalfOpen: true });
  await once(socket, 'connect');
  return socket;
}

test('bytes cross the proxy intact both ways, and a FIN follows the bytes before it', { timeout: 60_000 }, async (t) => {
  // The upstream answers everything it got, reversed in blocks, then its own trailer, and only after the client's FIN.
  const server = await upstream((socket) => {
    void readAll(socket).then((got) => {
      socket.write(Buffer.from(got).reverse());
      socket.end('trailer');
    });
  });
  const proxy = await startWanProxy({ delayMs: 2, windowBytes: 64 * 1024, rateBytesPerSecond: null, upstreamHost: '127.0.0.1', controlPort: (server.address() as AddressInfo).port, passivePorts: [] });
  t.after(async () => {
    await proxy.close();
    server.close();
  });
  const data = randomBytes(3 * 1024 * 1024 + 17);
  const client = await through(proxy);
  const answer = readAll(client);
  client.end(data);
  const got = await answer;
  assert.equal(got.length, data.length + 'trailer'.length);
  assert.equal(sha(got.subarray(0, data.length)), sha(Buffer.from(data).reverse()));
  assert.equal(got.subarray(data.length).toString(), 'trailer');
  const stats = await proxy.stats();
  assert.equal(stats.connections, 1);
  assert.equal(stats.bytesRelayed, 2 * data.length + 'trailer'.length);
});

test('passive ports are relayed by more than one process, each to the same port upstream', { timeout: 60_000 }, async (t) => {
  const servers = await Promise.all([0, 1, 2].map((i) => upstream((socket) => socket.end(`port ${i}`))));
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  const proxy = await startWanProxy({ delayMs: 1, windowBytes: 1024 * 1024, rateBytesPerSecond: null, processes: 2, upstreamHost: '127.0.0.1', controlPort: ports[0] as number, passivePorts: ports.slice(1) });
  t.after(async () => {
    await proxy.close();
    for (const s of servers) s.close();
  });
  assert.equal(proxy.processes, 2);
  for (const [i, port] of ports.entries()) {
    const socket = connect({ host: proxy.host, port: i === 0 ? proxy.controlPort : port });
    assert.equal((await readAll(socket)).toString(), `port ${i}`);
  }
});

test('a reset from the server reaches the client as a reset, not as a clean end', { timeout: 60_000 }, async (t) => {
  const server = await upstream((socket) => {
    socket.once('data', () => socket.resetAndDestroy());
  });
  const proxy = await startWanProxy({ delayMs: 1, windowBytes: 1024 * 1024, rateBytesPerSecond: null, upstreamHost: '127.0.0.1', controlPort: (server.address() as AddressInfo).port, passivePorts: [] });
  t.after(async () => {
    await proxy.close();
    server.close();
  });
  const client = await through(proxy);
  client.write('hello');
  const [error] = (await once(client, 'error')) as [NodeJS.ErrnoException];
  assert.equal(error.code, 'ECONNRESET');
});

test('with the handshake modelled, the server sees a connection only later, and gets what the client wrote at once', { timeout: 60_000 }, async (t) => {
  // The ports the server's connections came from, in the order it accepted them.
  const accepted: number[] = [];
  const server = await upstream((socket) => {
    accepted.push(socket.remotePort ?? 0);
    socket.once('data', (first: Buffer) => socket.end(`got ${first.toString()}`));
  });
  const port = (server.address() as AddressInfo).port;
  // In this process, so the order of events is known: 1 s each way, the upstream connection opens 3 s after the client's.
  const relay = await startRelay({ delayMs: 1000, windowBytes: 1024 * 1024, rateBytesPerSecond: null, handshake: true, listenHost: '127.0.0.2', upstreamHost: '127.0.0.1', routes: [{ listen: 0, upstream: port }] });
  t.after(async () => {
    await relay.close();
    server.close();
  });
  const client = connect({ host: '127.0.0.2', port: relay.ports[0] as number, allowHalfOpen: true });
  await once(client, 'connect');
  const answer = readAll(client);
  client.write('proxied');
  // Once the relay has taken the connection (without the model it has connected upstream by then), a client straight
  // to the server: the server's accept queue hands it over first only if the relay has not connected yet.
  while (relay.stats().connections === 0) await new Promise((next) => setImmediate(next));
  const direct = connect({ host: '127.0.0.1', port });
  const directAnswer = readAll(direct);
  direct.write('direct');
  assert.equal((await directAnswer).toString(), 'got direct');
  assert.deepEqual(accepted, [direct.localPort], 'the proxied connection has not reached the server yet');
  assert.equal((await answer).toString(), 'got proxied');
  assert.equal(accepted.length, 2);
});
