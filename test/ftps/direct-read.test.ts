/**
 * Direct reads (main/ftps/direct-read.ts) over real TLS: a download's decrypted bytes reach its sink from one
 * reused read buffer, byte for byte, and the sink's stop pauses the socket. Set up by hand with what node:net keeps
 * for `onread` sockets: this fails when a Node upgrade takes that away (downloads would then stream, slower).
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect as netConnect, type AddressInfo } from 'node:net';
import { connect as tlsConnect, createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { test } from 'node:test';
import { readDirect, type DirectReadSink } from '../../main/ftps/direct-read';
import { useFleet } from '../servers/fleet';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testBytes } from './support';

const fleet = await useFleet();
const certs = join(fleet.workDir, 'certs');

test('a TLS socket over a connected socket hands its bytes to the sink from one reused buffer, and pauses when the sink stops', async () => {
  const data = testBytes(3 * 1024 * 1024 + 123, 5);
  const server = createTlsServer({ key: readFileSync(join(certs, 'server.key')), cert: readFileSync(join(certs, 'server.pem')) }, (socket) => socket.end(data));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const raw = netConnect({ host: '127.0.0.1', port: (server.address() as AddressInfo).port });
  await once(raw, 'connect');
  const received: Buffer[] = [];
  const views = new Set<ArrayBufferLike>();
  let stops = 0;
  let socket: TLSSocket | null = null;
  const sink: DirectReadSink = {
    takeFrom(bytes, resume) {
      received.push(Buffer.from(bytes));
      views.add(bytes.buffer);
      // Every fourth read stops reading for a moment, as a sink whose batches all wait for the disk does.
      if (received.length % 4 !== 0) return true;
      stops += 1;
      setImmediate(() => {
        assert.equal(socket?.isPaused(), true, 'a stopped sink leaves the socket paused');
        resume();
      });
      return false;
    },
  };
  socket = tlsConnect({ socket: raw, ca: fleet.caCertPem, servername: 'localhost' });
  assert.equal(readDirect(socket, sink), true, 'this Node lets a TLS socket read into a user buffer');
  let streamed = 0;
  socket.on('data', (chunk: Buffer) => (streamed += chunk.length));
  socket.resume();
  await once(socket, 'end');
  socket.destroy();
  server.close();
  assert.ok(Buffer.concat(received).equals(data));
  assert.equal(streamed, 0, 'no byte went through the stream as well');
  assert.equal(views.size, 1, 'every read came in the same buffer');
  assert.ok(stops > 0);
});

