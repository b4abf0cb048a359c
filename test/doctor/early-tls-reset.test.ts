/**
 * Issue #14, failure 4, against a real server process: pyftpdlib-early-tls-reset resets every TLS data
 * connection whose handshake starts before its transfer command has arrived (as the servers in the issue did).
 * `wharf ls` must work there (its data connections start TLS once the transfer is accepted), and the doctor's
 * listing step must report what `wharf ls` does, naming the data connection when the listing fails.
 * Through a SOCKS5 proxy (dante) the engine's data connections wait for the transfer command too
 * (main/ftps/data-connection.ts, passiveThroughProxy): `wharf ls` and the doctor's listing both work there.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { DoctorReport } from '../../common/models/doctor';
import { runDoctor } from '../../main/doctor/doctor';
import { targetFor } from '../ftps/support';
import { ensureCliBuilt, runWharf } from '../hostile/support';
import { serverLog, useFleet, writeServerFile } from '../servers/fleet';
import type { NetworkNamespace } from '../servers/network-namespace';
import { startSocksProxy } from '../servers/proxies';

const fleet = await useFleet();
ensureCliBuilt();
const server = fleet.servers['pyftpdlib-early-tls-reset'];
const work = mkdtempSync(join(tmpdir(), 'wharf-early-tls-reset-'));
after(() => rmSync(work, { recursive: true, force: true }));
const caFile = join(work, 'ca.pem');
writeFileSync(caFile, fleet.caCertPem);
writeServerFile(server, 'listed/present.txt', 'here');

const RESET_LOGGED = /Reset a data connection: its TLS handshake started before the transfer command\./g;

function resetsLogged(): number {
  return serverLog(server).match(RESET_LOGGED)?.length ?? 0;
}

/** Reads the control connection's replies one at a time (multi-line replies as one). */
function replyReader(socket: Socket | TLSSocket): () => Promise<string> {
  let buffered = '';
  const waiting: (() => void)[] = [];
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    waiting.splice(0).forEach((wake) => wake());
  });
  return async function next(): Promise<string> {
    for (;;) {
      const complete = /^(\d{3}) [^\r\n]*\r\n/m.exec(buffered);
      if (complete) {
        const end = complete.index + complete[0].length;
        const reply = buffered.slice(0, end);
        buffered = buffered.slice(end);
        return reply;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
}

test('the server resets a TLS data connection whose handshake starts before the transfer command', async () => {
  const before = resetsLogged();
  const plain = netConnect({ host: server.host, port: server.port });
  let next = replyReader(plain);
  assert.match(await next(), /^220/);
  plain.write('AUTH TLS\r\n');
  assert.match(await next(), /^234/);
  plain.removeAllListeners('data');
  const control = tlsConnect({ socket: plain, ca: fleet.caCertPem, servername: '' });
  await new Promise<void>((resolve, reject) => control.once('secureConnect', resolve).once('error', reject));
  next = replyReader(control);
  const send = async (line: string) => {
    control.write(`${line}\r\n`);
    return next();
  };
  try {
    assert.match(await send(`USER ${server.user}`), /^331/);
    assert.match(await send(`PASS ${server.password}`), /^230/);
    assert.match(await send('PBSZ 0'), /^200/);
    assert.match(await send('PROT P'), /^200/);
    const port = Number(/\(\|\|\|(\d+)\|\)/.exec(await send('EPSV'))?.[1]);
    // TLS at once, as Wharf's data connections did before #14 and curl's still do; no LIST until it ends.
    const data = tlsConnect({ host: server.host, port, ca: fleet.caCertPem, servername: '', session: control.getSession() });
    const failure = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      data.once('secureConnect', () => resolve(null));
      data.once('error', (err) => resolve(err));
    });
    data.destroy();
    assert.equal(failure?.code, 'ECONNRESET', String(failure));
    assert.equal(resetsLogged(), before + 1);
  } finally {
    control.destroy();
  }
});

test('wharf ls lists it: data connections start TLS once the server accepted the transfer', async () => {
  const before = resetsLogged();
  for (let round = 0; round < 3; round++) {
    const ls = await runWharf(['ls', '--ca', caFile, '--timeout', '10', `ftpes://${server.user}@${server.host}:${server.port}/listed/`], { WHARF_PASSWORD: server.password });
    assert.equal(ls.code, 0, `round ${round}: ${ls.stderr}`);
    assert.match(ls.stdout, /present\.txt/, `round ${round}`);
  }
  assert.equal(resetsLogged(), before, 'no data connection was reset');
});

function doctor(remoteDir: string): Promise<DoctorReport> {
  return runDoctor({
    target: targetFor(server), remoteDir, password: server.password, extraCaPem: [fleet.caCertPem],
    timeoutMs: 10_000, dataTimeoutMs: 5_000,
  });
}

test("the doctor's listing step agrees with wharf ls: it works, three times out of three", async () => {
  const before = resetsLogged();
  for (let round = 0; round < 3; round++) {
    const report = await doctor('/listed');
    const listing = report.steps.find((s) => s.id === 'listing');
    assert.equal(listing?.status, 'ok', `round ${round}: ${JSON.stringify(listing)}`);
    assert.notEqual(report.verdict, 'failed', `round ${round}: ${JSON.stringify(report.diagnoses)}`);
  }
  assert.equal(resetsLogged(), before, "no data connection of the doctor's was reset");
});

/**
 * This host's own network for startSocksProxy, which otherwise runs the proxy inside a namespace: the fleet
 * listens on 127.0.0.1, which only a proxy outside any namespace reaches. Nothing here uses the firewall methods.
 */
const HOST_NETWORK: NetworkNamespace = {
  name: 'host', hostAddress: '127.0.0.1', innerAddress: '127.0.0.1', exec: ['env'],
  dropIncomingTcp: () => Promise.reject(new Error('not a namespace')),
  dropTcpFromHost: () => Promise.reject(new Error('not a namespace')),
  remove: () => Promise.resolve(),
};

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

test('through a SOCKS5 proxy: wharf ls and the doctor\'s listing step both work, data connections waiting for the transfer command', async () => {
  const proxy = await startSocksProxy(HOST_NETWORK, await freePort());
  const before = resetsLogged();
  try {
    const ls = await runWharf(['ls', '--ca', caFile, '--timeout', '10', '--proxy', proxy.url, `ftpes://${server.user}@${server.host}:${server.port}/listed/`], { WHARF_PASSWORD: server.password });
    assert.equal(ls.code, 0, ls.stderr);
    assert.match(ls.stdout, /present\.txt/);
    const report = await runDoctor({
      target: targetFor(server), remoteDir: '/listed', password: server.password, extraCaPem: [fleet.caCertPem],
      timeoutMs: 10_000, dataTimeoutMs: 5_000,
      proxy: { kind: 'socks5', host: proxy.host, port: proxy.port, user: '', password: '', source: 'site' },
    });
    assert.equal(report.steps.find((s) => s.id === 'proxy')?.status, 'ok', JSON.stringify(report.steps));
    const listing = report.steps.find((s) => s.id === 'listing');
    assert.equal(listing?.status, 'ok', JSON.stringify(listing));
    assert.notEqual(report.verdict, 'failed', JSON.stringify(report.diagnoses));
    assert.equal(resetsLogged(), before, 'no data connection through the proxy was reset');
  } finally {
    await proxy.stop();
  }
});
