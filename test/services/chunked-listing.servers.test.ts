/**
 * Remote listings asked with a listingId, through the services the window talks to: the chunks and the
 * answer make up the listing, a newer listing of the session cancels the one still arriving, and when
 * the listing had to be corrected after it was read (pyftpdlib in Asia/Tokyo: the server's LIST offset
 * found on the first listing) the answer carries every entry and the chunks are dropped.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ListingChunk } from '../../common/ipc/payloads';
import type { RemoteEntry } from '../../common/models';
import type { WharfServices } from '../../main/services/wharf-services';
import { useFleet, writeServerFile } from '../servers/fleet';
import { fleetServices, value } from './support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-chunked-listing-'));
const FOLDER = 'chunked-listing';
let services: WharfServices;
const chunks: ListingChunk[] = [];

before(async () => {
  mkdirSync(join(work, 'home'), { recursive: true });
  services = await fleetServices({ dataDir: join(work, 'data'), home: join(work, 'home'), caPem: fleet.caCertPem });
  services.events.subscribe((event, payload) => {
    if (event === 'listingChunk') chunks.push(payload as ListingChunk);
  });
  const dir = join(fleet.servers['vsftpd-explicit'].root, FOLDER);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 2500; i++) writeFileSync(join(dir, `e${i}.txt`), '');
});

after(async () => {
  await services?.dispose();
  rmSync(join(fleet.servers['vsftpd-explicit'].root, FOLDER), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** The listing as the window puts it together: the first `chunked` entries of the chunks, then the answer's. */
function assemble(listingId: string, answer: { entries: readonly RemoteEntry[]; chunked?: number }): RemoteEntry[] {
  const received: RemoteEntry[] = [];
  for (const c of chunks.filter((x) => x.listingId === listingId)) {
    received.length = c.from;
    received.push(...c.entries);
  }
  return [...received.slice(0, answer.chunked ?? 0), ...answer.entries];
}

test('chunks and answer make up the listing; a newer listing of the session cancels the one arriving', async () => {
  const server = fleet.servers['vsftpd-explicit'];
  const { sessionId } = value(await services.api.remoteConnect({ kind: 'quick', host: server.host, port: server.port, mode: 'explicit', user: server.user, password: server.password }));
  const plain = value(await services.api.remoteList({ sessionId, path: `/${FOLDER}` }));
  const whole = value(await services.api.remoteList({ sessionId, path: `/${FOLDER}`, listingId: 'first' }));
  assert.ok((whole.chunked ?? 0) > 0 && chunks.some((c) => c.listingId === 'first'));
  assert.deepEqual(assemble('first', whole), plain.entries);

  const old = services.api.remoteList({ sessionId, path: `/${FOLDER}`, listingId: 'old' });
  const newer = services.api.remoteList({ sessionId, path: `/${FOLDER}`, listingId: 'newer' });
  const oldResult = await old;
  assert.equal(oldResult.ok ? 'ok' : oldResult.error.kind, 'cancelled');
  assert.deepEqual(assemble('newer', value(await newer)), plain.entries);
  await services.api.remoteDisconnect({ sessionId });
});

test('a listing corrected after it was read (the LIST offset found) comes whole in the answer', async () => {
  const server = fleet.servers['pyftpdlib-tokyo'];
  const modified = new Date(Math.floor((Date.now() - 86_400_000) / 60_000) * 60_000);
  utimesSync(writeServerFile(server, '/chunked/dated.txt', 'dated'), modified, modified);
  const site = value(await services.api.sitesCreate({ site: { name: 'Tokyo', host: server.host, port: server.port, protocol: 'plain', user: server.user, passwordStorage: 'ask' } }));
  const { sessionId } = value(await services.api.remoteConnect({ kind: 'site', siteId: site.id, password: server.password }));
  const listing = value(await services.api.remoteList({ sessionId, path: '/chunked', listingId: 'tokyo' }));
  assert.ok(chunks.some((c) => c.listingId === 'tokyo'));
  assert.equal(listing.chunked, 0);
  assert.equal(assemble('tokyo', listing).find((e) => e.name === 'dated.txt')?.modifiedAt, modified.toISOString());
  await services.api.remoteDisconnect({ sessionId });
});
