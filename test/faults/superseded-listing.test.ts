/**
 * A listing superseded while it arrives over a slow link is cut short, on each real server: its data
 * connection is closed before the listing's end (the fault proxy trickles every data connection and counts
 * what it passed on), the server's reply to it is read, and the next listing on the same session gets its
 * own entries (the replies are not shifted by one).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isWharfError } from '../../main/core/errors';
import { openSession } from '../ftps/support';
import { useFleet, type ServerName } from '../servers/fleet';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { passivePortsOf } from './support';

const fleet = await useFleet();
const SERVERS = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit', 'pyftpdlib-explicit'] as const satisfies readonly ServerName[];
const FOLDER = 'superseded-listing';
/**
 * Long names make a listing of about 10 MB, more than the buffers on the way hold: vsftpd is still writing it
 * when it is cut (pure-ftpd sends 10,000 entries at most, and has written them all by then).
 */
const NAME_LENGTH = 200;
const BIG_COUNT = 40_000;
const bigNames = Array.from({ length: BIG_COUNT }, (_, i) => `${String(i).padStart(5, '0')}-${'n'.repeat(NAME_LENGTH - 6)}`);
const smallNames = ['after-a.txt', 'after-b.txt', 'after-c.txt'];

for (const name of SERVERS) {
  describe(name, () => {
    const server = fleet.servers[name];
    const dir = join(server.root, FOLDER);
    let proxy: FaultProxy;

    before(async () => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(join(dir, 'big'), { recursive: true });
      mkdirSync(join(dir, 'small'));
      for (const file of bigNames) writeFileSync(join(dir, 'big', file), '');
      for (const file of smallNames) writeFileSync(join(dir, 'small', file), 'x');
      const { uid, gid } = statSync(server.root);
      execFileSync('chown', ['-R', `${uid}:${gid}`, dir]);
      proxy = await startFaultProxy({
        upstreamHost: server.host,
        controlPort: server.port,
        passivePorts: passivePortsOf(fleet, name),
        plan: ({ kind }) => (kind === 'data' ? { kind: 'trickle', bytesPerTick: 4096, tickMs: 10 } : null),
      });
    });

    after(async () => {
      await proxy?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a superseded listing is cut mid-transfer and the next listing on the session gets its own entries', async (t) => {
      // The certificate names 127.0.0.1; through the proxy's 127.0.0.2 it is trusted by its pinned fingerprint.
      const { session, log } = await openSession(fleet, server, {
        targetOverrides: { host: proxy.host, port: proxy.controlPort },
        pinnedFingerprint: server.certFingerprintSha256 as string,
      });
      try {
        const controller = new AbortController();
        const superseded = session.list(`/${FOLDER}/big`, { onBatch: () => controller.abort(), signal: controller.signal });
        const next = session.list(`/${FOLDER}/small`);
        await assert.rejects(superseded, (err: unknown) => isWharfError(err, 'cancelled'));
        assert.deepEqual((await next).map((e) => e.name).sort(), smallNames);
        assert.equal(await session.pwd(), '/');

        const [bigListing] = proxy.stats().bytesToClient.data;
        // Less than the names alone of the entries every server sends (pure-ftpd stops at 10,000).
        const listingAtLeast = Math.min(BIG_COUNT, 10_000) * NAME_LENGTH;
        assert.ok(bigListing !== undefined && bigListing < listingAtLeast, `relayed ${bigListing} bytes of a listing of more than ${listingAtLeast}`);
        // The session answered the abort in step: no new login was needed.
        assert.equal(log.filter((line) => line.direction === 'command' && line.text.startsWith('USER ')).length, 1);
        const cutAt = log.findIndex((line) => line.text.startsWith('Listing superseded'));
        const dialogue = log.slice(cutAt + 1).filter((l) => l.direction === 'command' || l.direction === 'reply').slice(0, 6);
        t.diagnostic(`${name}: ${bigListing} bytes relayed; after the cut: ${dialogue.map((l) => `${l.direction === 'command' ? '>' : '<'} ${l.text}`).join(' | ')}`);
      } finally {
        await session.close();
      }
    });
  });
}
