/**
 * Commands sent together leave in one write, hence one TCP segment. Written one by one, Nagle's algorithm (on for
 * the control connection) would hold the second until the server acknowledged the first: on a real link the very
 * round trip that sending them together saves, and invisible on loopback. Read here from a relay in front of the
 * plain-FTP server (so the commands can be seen), counting what each read of the client's bytes held.
 */
import assert from 'node:assert/strict';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { useFleet } from '../servers/fleet';
import { openSession, testBytes } from './support';

const fleet = await useFleet();

/** A TCP relay to `port` on 127.0.0.1 that keeps each chunk the client sent, as one read returned it. */
async function startChunkRecorder(port: number): Promise<{ port: number; chunks: string[]; close: () => Promise<void> }> {
  const chunks: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect({ host: '127.0.0.1', port });
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      chunks.push(chunk.toString('latin1'));
      upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    chunks,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('the login\'s OPTS UTF8 with USER and FEAT with TYPE, EPSV with its transfer command, and RNFR with RNTO reach the server in one segment', async () => {
  const server = fleet.servers['vsftpd-plain'];
  const relay = await startChunkRecorder(server.port);
  // EPSV names only a port: data connections go to the server directly, on the relay's (and the server's) address.
  const { session } = await openSession(fleet, server, { targetOverrides: { port: relay.port } });
  try {
    const folder = `/pipelined-writes-${process.pid}`;
    await session.mkdir(folder);
    for (const name of ['a', 'b', 'c']) await session.upload(Readable.from([testBytes(2048, name.charCodeAt(0))]), `${folder}/${name}`);
    await session.rename(`${folder}/c`, `${folder}/d`);
    assert.deepEqual((await session.list(folder)).map((e) => e.name).sort(), ['a', 'b', 'd']);

    const lines = (chunk: string) => chunk.split('\r\n').filter((line) => line !== '').map((line) => line.split(' ')[0]);
    const together = relay.chunks.map(lines).filter((verbs) => verbs.length > 1);
    // The login's (plain FTP: no PBSZ and PROT after TYPE); after the first transfer of the session (EPSV asked on
    // its own), every EPSV went with its command (vsftpd lists with LIST).
    assert.deepEqual(together, [['OPTS', 'USER'], ['FEAT', 'TYPE'], ['EPSV', 'STOR'], ['EPSV', 'STOR'], ['RNFR', 'RNTO'], ['EPSV', 'LIST']]);
  } finally {
    await session.close();
    await relay.close();
  }
});
