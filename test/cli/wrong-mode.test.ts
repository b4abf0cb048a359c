/**
 * The wrong FTPS mode for a port, against the fleet's real servers (issue #14, item 9): ftpes:// (or ftp://)
 * pointed at an implicit-FTPS port fails with the fix named instead of waiting out the timeout, and
 * ftps:// pointed at a port that greets in plain text says so. `--timeout 300` would outlast the runner's
 * minute per command: these end on the detection, not on a timeout.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { ServerName } from '../servers/fleet';
import { cliWorkspace, runWharf } from './support';

const { fleet, caFile } = await cliWorkspace('wharf-cli-wrong-mode');

const IMPLICIT_ADVICE = /this port expects implicit FTPS \(ftps:\/\/, usually port 990\)/;

describe('ftpes:// or ftp:// on an implicit-FTPS port', () => {
  for (const name of ['vsftpd-implicit', 'proftpd-implicit', 'pyftpdlib-implicit'] as const satisfies readonly ServerName[]) {
    test(`${name}: ftpes:// names ftps:// as the fix`, async () => {
      const server = fleet.servers[name];
      const ls = await runWharf(['ls', `ftpes://${server.user}@${server.host}:${server.port}/`, '--ca', caFile, '--timeout', '300'], { WHARF_PASSWORD: server.password });
      assert.equal(ls.code, 4, ls.stderr);
      assert.match(ls.stderr, /sends no greeting and waits for a TLS handshake/);
      assert.match(ls.stderr, IMPLICIT_ADVICE);
    });
  }

  test('pyftpdlib-implicit: ftp:// (plain, allowed) names ftps:// too and sends no password', async () => {
    const server = fleet.servers['pyftpdlib-implicit'];
    const ls = await runWharf(['ls', `ftp://${server.user}@${server.host}:${server.port}/`, '--allow-plain', '--timeout', '300'], { WHARF_PASSWORD: server.password });
    assert.equal(ls.code, 4, ls.stderr);
    assert.match(ls.stderr, IMPLICIT_ADVICE);
  });
});

describe('a port whose first bytes are a TLS record', () => {
  // No FTP server of the fleet writes TLS before the client does; this stand-in writes a TLS alert record
  // (as a TLS terminator in front of an implicit server may) and keeps the connection open.
  let tlsFirst: Server;
  const sockets = new Set<Socket>();
  before(async () => {
    tlsFirst = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.write(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a]));
    });
    await new Promise<void>((resolve) => tlsFirst.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    const closed = once(tlsFirst, 'close');
    tlsFirst.close();
    for (const socket of sockets) socket.destroy();
    await closed;
  });

  test('ftpes:// names ftps:// as the fix', async () => {
    const { port } = tlsFirst.address() as AddressInfo;
    const ls = await runWharf(['ls', `ftpes://alice@127.0.0.1:${port}/`, '--ca', caFile, '--timeout', '300'], { WHARF_PASSWORD: 'never-sent' });
    assert.equal(ls.code, 4, ls.stderr);
    assert.match(ls.stderr, /answers with TLS, not an FTP greeting/);
    assert.match(ls.stderr, IMPLICIT_ADVICE);
  });
});

describe('ftps:// on a port that greets in plain text', () => {
  for (const name of ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit', 'pyftpdlib-explicit'] as const satisfies readonly ServerName[]) {
    test(`${name}: names explicit FTPS as the fix`, async () => {
      const server = fleet.servers[name];
      const ls = await runWharf(['ls', `ftps://${server.user}@${server.host}:${server.port}/`, '--ca', caFile, '--timeout', '300'], { WHARF_PASSWORD: server.password });
      assert.equal(ls.code, 4, ls.stderr);
      assert.match(ls.stderr, /answered in plain text, not TLS: this port expects explicit FTPS \(ftpes:\/\/, usually port 21\)/);
    });
  }
});
