/**
 * Listings and replies from a hostile server, through the real `wharf` command line in a child process
 * whose peak memory (getrusage maxRSS) is measured: a listing that never ends, a reply line that never
 * ends, and a 1,000,000-entry folder. Each ends with a clear error or a complete answer, in bounded
 * memory; the bounds are structural (basic-ftp stops a listing at 40 MiB and a reply at 64 KiB; Wharf
 * refuses a listing of more than 1,000,000 entries), set generously above what was measured so they
 * catch a missing cap, not noise.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { useFleet } from '../servers/fleet';
import { startHostileServer, type HostileScript, type HostileServer } from './hostile-server';
import { ensureCliBuilt, fleetCertificate, runWharf } from './support';

const fleet = await useFleet();
const cert = fleetCertificate(fleet, 'server');
const fingerprint = `SHA256:${cert.fingerprint.replace(/:/g, '')}`;
const servers: HostileServer[] = [];
const MiB = 1024 * 1024;

before(() => ensureCliBuilt());
after(async () => {
  for (const server of servers) await server.close();
});

async function serve(script: Omit<HostileScript, 'mode' | 'key' | 'cert'>): Promise<HostileServer> {
  const server = await startHostileServer({ mode: 'explicit', key: cert.key, cert: cert.cert, ...script });
  servers.push(server);
  return server;
}

function ls(server: HostileServer) {
  return runWharf(['ls', `ftpes://user@127.0.0.1:${server.port}/big`, '--fingerprint', fingerprint, '--timeout', '10'], { WHARF_PASSWORD: 'pw' });
}

/** `count` MLSD lines of about 28 bytes, produced in chunks as the client reads. */
function compactMlsd(count: number) {
  return () => ({
    *chunks() {
      for (let i = 0; i < count; i += 10_000) {
        const lines: string[] = [];
        for (let j = i; j < Math.min(count, i + 10_000); j++) lines.push(`type=file;size=1; f${j}\r\n`);
        yield Buffer.from(lines.join(''));
      }
    },
  });
}

describe('hostile listings and replies, measured in a child process', () => {
  test('a reply line that never ends: a clear error after 64 KiB, in bounded memory', async () => {
    const server = await serve({ greeting: 'endless' });
    const run = await ls(server);
    assert.equal(run.code, 6, run.stderr);
    assert.match(run.stderr, /reply longer than 64 KiB/);
    assert.ok(run.maxRssMiB < 160, `peak ${run.maxRssMiB.toFixed(0)} MiB`);
    assert.ok(server.stats.bytesServed < 64 * MiB, `the client stopped reading (${server.stats.bytesServed} bytes sent)`);
    assert.deepEqual(server.received.map((r) => r.line).filter((l) => l !== 'QUIT'), [], 'nothing but QUIT was sent to a server that never finished its greeting');
  });

  test('a listing that never ends: a clear error at 40 MiB, in bounded memory', async () => {
    let n = 0;
    const server = await serve({
      listing: () => ({ endless: () => Buffer.from(Array.from({ length: 2000 }, () => `-rw-r--r-- 1 ftp ftp 1 Jan 01 00:00 endless-${n++}\r\n`).join('')) }),
    });
    const run = await ls(server);
    assert.equal(run.code, 6, run.stderr);
    assert.match(run.stderr, /listing .*larger than 40 MiB/);
    assert.ok(run.maxRssMiB < 320, `peak ${run.maxRssMiB.toFixed(0)} MiB`);
    assert.ok(server.stats.bytesServed < 128 * MiB, `the client stopped reading (${server.stats.bytesServed} bytes sent)`);
  });

  test('a 1,000,000-entry folder is listed whole, in bounded memory', async () => {
    const server = await serve({ features: ['MLST type*;size*;modify*;'], listing: compactMlsd(1_000_000) });
    const run = await ls(server);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines.length - 1, 1_000_000);
    assert.match(lines[999_999] ?? '', / f999999$/);
    assert.ok(run.maxRssMiB < 1024, `peak ${run.maxRssMiB.toFixed(0)} MiB`);
  });

  test('a folder of more than 1,000,000 entries in less than 40 MiB: a clear error at the entry cap, in bounded memory', async () => {
    const server = await serve({ features: ['MLST type*;size*;modify*;'], listing: compactMlsd(1_000_010) });
    const run = await ls(server);
    assert.equal(run.code, 6, run.stderr);
    assert.match(run.stderr, /more than 1,000,000 entries/);
    assert.ok(run.maxRssMiB < 1024, `peak ${run.maxRssMiB.toFixed(0)} MiB`);
  });

  test('a 1,000,000-entry folder with long lines passes the 40 MiB cap: a clear error, in bounded memory', async () => {
    const server = await serve({
      listing: () => ({
        *chunks() {
          for (let i = 0; i < 1_000_000; i += 10_000) {
            yield Buffer.from(Array.from({ length: 10_000 }, (_, j) => `-rw-r--r--    1 someowner  somegroup  ${i + j} Jan 01 00:00 file-number-${i + j}.dat\r\n`).join(''));
          }
        },
      }),
    });
    const run = await ls(server);
    assert.equal(run.code, 6, run.stderr);
    assert.match(run.stderr, /listing .*larger than 40 MiB/);
    assert.ok(run.maxRssMiB < 320, `peak ${run.maxRssMiB.toFixed(0)} MiB`);
  });
});
