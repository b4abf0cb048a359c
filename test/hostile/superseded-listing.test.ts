/**
 * A superseded listing on a server that stays silent after it (stuck in its transfer: no reply to the cut
 * listing, to ABOR or to NOOP) costs the control connection, not the session: the next listing logs in again
 * and gets its own entries. Against a scripted server: no real server here stays silent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWharfError } from '../../main/core/errors';
import { FtpsSession } from '../../main/ftps/session';
import { targetFor } from '../ftps/support';
import { startHostileServer, unixLine } from './hostile-server';

test('a listing cut on a server that never answers the cut: the next listing reconnects and gets its own entries', async () => {
  const names = ['after-a.txt', 'after-b.txt'];
  const server = await startHostileServer({
    mode: 'plain',
    hangsOnListing: (path) => path === '/stuck',
    listing: () => Buffer.concat(names.map((name) => unixLine(name))),
  });
  const controller = new AbortController();
  const commands: string[] = [];
  const session = await FtpsSession.open({
    target: targetFor({ host: '127.0.0.1', port: server.port, mode: 'plain', user: 'someone' }),
    password: 'secret',
    allowPlain: true,
    keepAliveIntervalMs: 0,
    timeoutMs: 1000,
    // Superseded once the server accepted the listing (its 150).
    onLog: (line) => {
      if (line.direction === 'command') commands.push(line.text);
      if (line.direction === 'reply' && line.text.startsWith('150 ')) queueMicrotask(() => controller.abort());
    },
  });
  try {
    const superseded = session.list('/stuck', { onBatch: () => undefined, signal: controller.signal });
    const next = session.list('/other');
    await assert.rejects(superseded, (err: unknown) => isWharfError(err, 'cancelled'));
    assert.deepEqual((await next).map((e) => e.name), names);
    assert.equal(server.stats.controlConnections, 2);
    // Aborted, then given up: the server read nothing more once stuck, so only the client's log shows the ABOR.
    assert.deepEqual(commands.slice(commands.indexOf('ABOR'), commands.indexOf('ABOR') + 2), ['ABOR', 'QUIT']);
    assert.equal(commands.filter((c) => c === 'USER someone').length, 2);
  } finally {
    await session.close();
    await server.close();
  }
});
