/**
 * Nagle's algorithm holds a small write while an earlier one is unacknowledged: on a real link, USER right after the
 * TLS handshake's Finished, an upload's last partial segment and its close_notify each wait a round trip for an
 * acknowledgement. Loopback acknowledges at once, so the wait cannot be seen here; what is checked is that the
 * control connection and every data connection (passive and active) turn it off.
 */
import assert from 'node:assert/strict';
import { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { useFleet, writeServerFile } from '../servers/fleet';
import { downloadBytes, openSession, testBytes } from './support';

const fleet = await useFleet();
const server = fleet.servers['vsftpd-explicit'];

/** Local ports of the sockets that turned Nagle off (a socket still connecting is recorded once it connects). */
const noDelayPorts = new Set<number>();
const original = Socket.prototype.setNoDelay;
Socket.prototype.setNoDelay = function setNoDelay(this: Socket, noDelay?: boolean) {
  if (noDelay !== false) {
    const record = () => this.localPort !== undefined && noDelayPorts.add(this.localPort);
    if (this.connecting || this.localPort === undefined) this.once('connect', record);
    else record();
  }
  return original.call(this, noDelay);
};
after(() => {
  Socket.prototype.setNoDelay = original;
});

/** Local ports of every TCP connection the test process made to the server's host while `run` ran. */
async function connectionsDuring(run: () => Promise<void>): Promise<number[]> {
  const ports: number[] = [];
  const connect = Socket.prototype.connect;
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    this.once('connect', () => {
      if (this.localPort !== undefined) ports.push(this.localPort);
    });
    return (connect as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof connect;
  try {
    await run();
  } finally {
    Socket.prototype.connect = connect;
  }
  return ports;
}

for (const dataMode of ['passive', 'active'] as const) {
  test(`${dataMode} mode: the control connection and every data connection send without Nagle`, async () => {
    noDelayPorts.clear();
    const bytes = testBytes(50_000, 3);
    writeServerFile(server, `/no-delay-${dataMode}.bin`, bytes);
    let session: Awaited<ReturnType<typeof openSession>>['session'] | null = null;
    const outgoing = await connectionsDuring(async () => {
      ({ session } = await openSession(fleet, server, { targetOverrides: { dataMode } }));
      assert.deepEqual(await downloadBytes(session, `/no-delay-${dataMode}.bin`), bytes);
      await session.upload(Readable.from([bytes]), `/no-delay-${dataMode}-up.bin`);
    });
    try {
      assert.ok(outgoing.length >= (dataMode === 'passive' ? 3 : 1), `connections made: ${outgoing.length}`);
      const nagled = outgoing.filter((port) => !noDelayPorts.has(port));
      assert.deepEqual(nagled, [], 'every connection made turned Nagle off');
      if (dataMode === 'active') {
        // The server connects to us: those sockets are accepted, not made; two transfers, two of them.
        const activeNoDelay = [...noDelayPorts].filter((port) => !outgoing.includes(port));
        assert.ok(activeNoDelay.length >= 2, `accepted data connections without Nagle: ${activeNoDelay.length}`);
      }
    } finally {
      await (session as { close(): Promise<void> } | null)?.close();
    }
  });
}
