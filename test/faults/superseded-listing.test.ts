/**
 * A listing superseded while it arrives over a slow link is cut short, on each real server: its data
 * connection is closed before the listing's end (the fault proxy trickles every data connection and counts
 * what it passed on), the server's reply to it is read, and the next listing on the same session gets its
 * own entries (the replies are not shifted by one). A listing superseded before a byte of it arrived (its
 * data connection held by the proxy mid-handshake) leaves the session usable too: proftpd and pyftpdlib answer
 * the abort, vsftpd and pure-ftpd end the session, which logs in again for the next listing. After a cut,
 * pure-ftpd's session is always replaced (it would send the cut listing's rest with the next listing).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { LogLine } from '../../common/models';
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

/** What was said on the control connection after the cut, for the test's report. */
function dialogueAfterCut(log: readonly LogLine[]): string {
  const cutAt = log.findIndex((line) => line.text.startsWith('Listing superseded'));
  const dialogue = log.slice(cutAt + 1).filter((l) => l.direction === 'command' || l.direction === 'reply').slice(0, 6);
  return dialogue.map((l) => `${l.direction === 'command' ? '>' : '<'} ${l.text}`).join(' | ');
}

for (const name of SERVERS) {
  describe(name, () => {
    const server = fleet.servers[name];
    const dir = join(server.root, FOLDER);
    let proxy: FaultProxy;
    /** Holds the next data connection (nothing passes) until it settles. */
    let holdNext: Promise<void> | null = null;

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
        plan: ({ kind }) => {
          if (kind !== 'data') return null;
          const until = holdNext;
          holdNext = null;
          return { kind: 'trickle', bytesPerTick: 4096, tickMs: 10, ...(until ? { heldUntil: until } : {}) };
        },
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
        // The session answered the abort in step: no new login was needed, but on pure-ftpd, which would send the
        // rest of the cut listing with the next one (test/ftps/listing-stream.servers.test.ts catches that).
        assert.equal(log.filter((line) => line.direction === 'command' && line.text.startsWith('USER ')).length, name === 'pureftpd-explicit' ? 2 : 1);
        t.diagnostic(`${name}: ${bigListing} bytes relayed; after the cut: ${dialogueAfterCut(log)}`);
      } finally {
        await session.close();
      }
    });

    test('a listing superseded before a byte of it arrived (its data connection held) leaves the session usable', async (t) => {
      const log: LogLine[] = [];
      const controller = new AbortController();
      // Superseded once the server accepted the listing (its 1xx reply): the data connection is then held mid-handshake.
      const onLog = (line: LogLine) => {
        log.push(line);
        if (line.direction === 'reply' && /^1\d\d /.test(line.text)) queueMicrotask(() => controller.abort());
      };
      const { session } = await openSession(fleet, server, {
        targetOverrides: { host: proxy.host, port: proxy.controlPort },
        pinnedFingerprint: server.certFingerprintSha256 as string,
        onLog,
      });
      let release = () => {};
      holdNext = new Promise<void>((resolve) => (release = resolve));
      const heldConnection = proxy.stats().connections.data;
      try {
        const superseded = session.list(`/${FOLDER}/big`, { onBatch: () => undefined, signal: controller.signal });
        const next = session.list(`/${FOLDER}/small`);
        await assert.rejects(superseded, (err: unknown) => isWharfError(err, 'cancelled'));
        assert.deepEqual((await next).map((e) => e.name).sort(), smallNames);
        assert.equal(proxy.stats().bytesToClient.data[heldConnection], 0);
        // vsftpd and pure-ftpd end the session when a data connection's TLS handshake fails; the next listing logs in again.
        const logins = log.filter((line) => line.direction === 'command' && line.text.startsWith('USER ')).length;
        t.diagnostic(`${name}: ${logins === 1 ? 'same session' : 'logged in again'}; after the cut: ${dialogueAfterCut(log)}`);
      } finally {
        release();
        await session.close();
      }
    });
  });
}
