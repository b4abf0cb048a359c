// Round trips a session spends before its first transfer, against the real servers: each costs a full network
// round trip (50-300 ms on real links), whatever the CPU does.
import assert from 'node:assert/strict';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { describe, test } from 'node:test';
import { sharedSecureContext } from '../../main/ftps/secure-context';
import { useFleet } from '../servers/fleet';
import { commandsSent, openSession } from './support';

const fleet = await useFleet();

/**
 * A TCP relay in front of a server that reads the client's plaintext TLS records: how many ClientHellos it sent.
 * Two means the server answered the first with a HelloRetryRequest (it wanted another key share).
 */
async function startHelloCounter(port: number): Promise<{ port: number; clientHellos: () => number; close: () => Promise<void> }> {
  let clientHellos = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect({ host: '127.0.0.1', port });
    sockets.add(client).add(upstream);
    let pending = Buffer.alloc(0);
    let reading = true;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      if (!reading) return;
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 6) {
        const type = pending[0];
        const length = pending.readUInt16BE(3);
        if (type === 23) {
          reading = false; // encrypted from here on (TLS 1.3 sends its client Finished as application data)
          return;
        }
        // 22: handshake (a second ClientHello follows a HelloRetryRequest); 20: the compatibility ChangeCipherSpec.
        if (type === 22 && pending[5] === 1) clientHellos++;
        if (pending.length < 5 + length) return;
        pending = pending.subarray(5 + length);
      }
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      a.on('end', () => b.end());
      a.on('error', () => b.destroy());
      a.on('close', () => sockets.delete(a));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    clientHellos: () => clientHellos,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('round trips before the first transfer', () => {
  test('vsftpd takes only P-256 key shares: the first ClientHello offers one, so no HelloRetryRequest', async () => {
    // Implicit FTPS: TLS from the first byte, so the relay sees the handshake of the control connection; data
    // connections use the same context (sharedSecureContext).
    const server = fleet.servers['vsftpd-implicit'];
    const relay = await startHelloCounter(server.port);
    try {
      const { session } = await openSession(fleet, { ...server, port: relay.port });
      try {
        await session.list('/');
        assert.equal(session.report.tlsVersion, 'TLSv1.3');
      } finally {
        await session.close();
      }
      assert.equal(relay.clientHellos(), 1);
    } finally {
      await relay.close();
    }
  });

  test('one TLS context per settings for the whole process, whatever the number of sessions', () => {
    const ca = [fleet.caCertPem];
    assert.equal(sharedSecureContext('TLSv1.2', ca), sharedSecureContext('TLSv1.2', [...ca]));
    assert.notEqual(sharedSecureContext('TLSv1.2', ca), sharedSecureContext('TLSv1.2', []));
    assert.notEqual(sharedSecureContext('TLSv1.2', ca), sharedSecureContext('TLSv1.3', ca));
  });

  /**
   * The login's commands grouped by round trip (the commands sent before the next reply was read), from AUTH TLS
   * to the end of the login: every connection of a pool pays them, 50-300 ms each on a real link. OPTS UTF8 goes
   * with USER; FEAT, TYPE I, PBSZ and PROT (and OPTS UTF8 again for pure-ftpd) go together, as none of them waits
   * for FEAT's answer; OPTS MLST does, on the servers that list with MLSD.
   */
  const loginTrips = {
    'vsftpd-explicit': [['AUTH'], ['OPTS', 'USER'], ['PASS'], ['FEAT', 'TYPE', 'PBSZ', 'PROT']],
    'proftpd-explicit': [['AUTH'], ['OPTS', 'USER'], ['PASS'], ['FEAT', 'TYPE', 'PBSZ', 'PROT'], ['OPTS']],
    'pureftpd-explicit': [['AUTH'], ['OPTS', 'USER'], ['PASS'], ['FEAT', 'TYPE', 'OPTS', 'PBSZ', 'PROT'], ['OPTS']],
  } as const;
  for (const [name, expected] of Object.entries(loginTrips) as [keyof typeof loginTrips, readonly (readonly string[])[]][]) {
    test(`${name}: the login's commands go out in ${expected.length} round trips, and the session works`, async () => {
      const { session, log } = await openSession(fleet, fleet.servers[name]);
      try {
        const trips: string[][] = [];
        let previous: string | null = null;
        for (const line of log) {
          if (line.direction === 'command') {
            if (previous !== 'command') trips.push([]);
            trips.at(-1)?.push(line.text.split(' ')[0] ?? '');
          }
          if (line.direction === 'command' || line.direction === 'reply') previous = line.direction;
        }
        assert.deepEqual(trips, expected);
        assert.equal(session.report.dataProtected, true);
        // Binary mode and protected data connections as before: a listing comes through.
        assert.ok(Array.isArray(await session.list('/')));
      } finally {
        await session.close();
      }
    });
  }

  // pure-ftpd answers OPTS UTF8 only after login ("530 You aren't logged in"), so it gets it again then.
  const utf8Commands = { 'vsftpd-explicit': 1, 'proftpd-explicit': 1, 'pureftpd-explicit': 2 } as const;
  for (const [name, utf8Count] of Object.entries(utf8Commands) as [keyof typeof utf8Commands, number][]) {
    test(`${name}: the login sends nothing twice and no command the protocol defaults to`, async () => {
      const { session, log } = await openSession(fleet, fleet.servers[name]);
      try {
        await session.list('/');
        const sent = commandsSent(log);
        assert.ok(!sent.includes('STRU F'), sent.join(', '));
        assert.equal(sent.filter((c) => c === 'OPTS UTF8 ON').length, utf8Count, sent.join(', '));
        assert.ok(sent.indexOf('OPTS UTF8 ON') < sent.findIndex((c) => c.startsWith('USER')), 'UTF-8 is on before the user name');
        // The extra CA (the fleet's) still makes the certificate valid.
        assert.equal(session.report.certificateTrust, 'ca-valid');
      } finally {
        await session.close();
      }
    });
  }
});
