/**
 * The app's services detect a server's LIST offset (issue #14, item 5): a saved site whose offset is 0,
 * connected to pyftpdlib in Asia/Tokyo (LIST in local time, MDTM in UTC), gets the offset saved with it
 * after the first listing, and the security report says where the offset came from.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FtpsSession } from '../../main/ftps/session';
import { HeadlessPlatform } from '../../main/services/platform';
import { createWharfServices, type WharfServices } from '../../main/services/wharf-services';
import { value } from './support';
import { useFleet, writeServerFile } from '../servers/fleet';

const fleet = await useFleet();
const server = fleet.servers['pyftpdlib-tokyo'];
const work = mkdtempSync(join(tmpdir(), 'wharf-tz-detect-'));
let services: WharfServices;

before(async () => {
  mkdirSync(join(work, 'home'), { recursive: true });
  services = await createWharfServices({
    dataDir: join(work, 'data'), home: join(work, 'home'), platform: new HeadlessPlatform(), app: { name: 'Wharf', version: 'test' }, openSession: (options) => FtpsSession.open(options),
  });
});

after(async () => {
  await services?.dispose();
  rmSync(work, { recursive: true, force: true });
});

test('a site with no offset gets the one detected on its first listing; listings show UTC', async () => {
  const modified = new Date(Math.floor((Date.now() - 86_400_000) / 60_000) * 60_000);
  utimesSync(writeServerFile(server, '/detect/dated.txt', 'dated'), modified, modified);
  const site = value(await services.api.sitesCreate({
    site: { name: 'Tokyo', host: server.host, port: server.port, protocol: 'plain', user: server.user, passwordStorage: 'ask' },
  }));
  assert.equal(site.timezoneOffsetMinutes, 0);
  const { sessionId } = value(await services.api.remoteConnect({ kind: 'site', siteId: site.id, password: server.password }));
  const listing = value(await services.api.remoteList({ sessionId, path: '/detect' }));
  assert.equal(listing.entries.find((e) => e.name === 'dated.txt')?.modifiedAt, modified.toISOString());
  const report = value(await services.api.remoteSecurityReport({ sessionId }));
  assert.deepEqual(report.listingTimes, { format: 'list', offsetMinutes: 540, source: 'detected' });
  // Saved like an edit in the site manager: read back from the store.
  const saved = await new Promise<number>((resolve) => {
    const check = async (): Promise<void> => {
      const now = value(await services.api.sitesGet({ id: site.id })).timezoneOffsetMinutes;
      if (now === 540) resolve(now);
      else setImmediate(() => void check());
    };
    void check();
  });
  assert.equal(saved, 540);
  await services.api.remoteDisconnect({ sessionId });
});
