/**
 * A data connection whose TLS starts at TCP connect (its transfer command went in one TLS record with EPSV) can fail
 * before the server answers that command: proftpd resets the connection it accepted when it refuses the RETR or STOR,
 * and here the reset lands under the TLS handshake. That failure must wait for the server's answer: accepted, it is
 * the transfer's error; refused, the refusal is, and the reset is never reported (it would close the session as a
 * lost connection, and the queue would retry a refused file).
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { test } from 'node:test';
import type { FTPContext } from 'basic-ftp';
import type { DataConnectionContext } from '../../main/ftps/data-connection';
import { attachDataSocket, TransferAcceptance } from '../../main/ftps/transfer-acceptance';

/** A server that resets each connection as soon as the client's first bytes (its TLS hello) arrive; counts the hellos. */
async function startResetOnHello(): Promise<{ port: number; hellos: () => number; close: () => Promise<void> }> {
  let hellos = 0;
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => {
      hellos++;
      socket.resetAndDestroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, hellos: () => hellos, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The parts of basic-ftp's context the data connection uses; its data socket's failures are what it would report. */
function fakeContext(): { ftp: FTPContext; reported: Error[] } {
  const reported: Error[] = [];
  const ftp = {
    _dataSocket: undefined as Socket | undefined,
    socket: { getSession: () => undefined },
    tlsSessionStore: undefined,
    get dataSocket(): Socket | undefined {
      return this._dataSocket;
    },
    // As basic-ftp's setter: its listeners report an error, or a close with one, by closing the session.
    set dataSocket(socket: Socket | undefined) {
      this._dataSocket = socket;
      socket?.once('error', (error: Error) => reported.push(error));
      socket?.once('close', (hadError: boolean) => {
        if (hadError) reported.push(new Error('closed with a transmission error'));
      });
    },
  };
  return { ftp: ftp as unknown as FTPContext, reported };
}

const protectedData: DataConnectionContext = {
  preferredMode: 'passive',
  useEpsv: true,
  isDataProtected: () => true,
  tlsOptions: () => ({}),
  acceptedFingerprint: () => null,
  log: () => undefined,
  onDataTlsEstablished: () => undefined,
};

async function resetUnderHandshake(then: (acceptance: TransferAcceptance) => void): Promise<{ reported: Error[]; hellos: number }> {
  const server = await startResetOnHello();
  try {
    const { ftp, reported } = fakeContext();
    const acceptance = new TransferAcceptance();
    const raw = connect({ host: '127.0.0.1', port: server.port });
    attachDataSocket(ftp, protectedData, acceptance, raw, 'connected');
    await once(raw, 'close');
    // Both the TCP socket and the TLS socket over it have closed by now (the TLS socket closes with it).
    const tls = ftp.dataSocket;
    if (tls && !tls.closed) await once(tls, 'close');
    const beforeAnswer = reported.length;
    then(acceptance);
    assert.equal(beforeAnswer, 0, `nothing reported before the server answered: ${reported.map((e) => e.message).join('; ')}`);
    return { reported, hellos: server.hellos() };
  } finally {
    await server.close();
  }
}

test('TLS at connect, reset under its handshake, then the server accepts the command: the reset is reported then', async () => {
  const { reported, hellos } = await resetUnderHandshake((acceptance) => acceptance.run());
  assert.equal(hellos, 1, 'the hello went before any answer to the command');
  assert.ok(reported.length >= 1, 'reported once the server accepted');
});

test('TLS at connect, reset under its handshake, then the server refuses the command: the reset is never reported', async () => {
  // A refusal fails the transfer with the reply; the next transfer's set-up clears what was held.
  const { reported, hellos } = await resetUnderHandshake((acceptance) => acceptance.clear());
  assert.equal(hellos, 1);
  assert.deepEqual(reported, []);
});
