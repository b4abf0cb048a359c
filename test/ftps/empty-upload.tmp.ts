import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FleetInfo } from '../servers/fleet';
import { openSession } from './support';
const fleet = JSON.parse(readFileSync('/work/empty-upload/fleet.json', 'utf8')) as FleetInfo;
const names = (process.argv[2] ?? 'vsftpd-explicit,vsftpd-implicit,proftpd-explicit,proftpd-implicit,pureftpd-explicit,vsftpd-plain').split(',');
const tls = process.argv[3];
for (const name of names) {
  const server = fleet.servers[name as keyof FleetInfo['servers']];
  const { session, log } = await openSession(fleet, server, tls ? { targetOverrides: { minTlsVersion: tls as 'TLSv1.2' } } : {});
  try {
    const p = `/e-${Date.now()}.txt`;
    await session.upload(Readable.from([]), p);
    const f = join(server.root, p);
    console.log(name, 'OK', existsSync(f) ? statSync(f).size : 'missing', (await session.list('/')).length);
  } catch (e) {
    console.log(name, 'FAIL', (e as Error).message);
    if (process.env.V) console.log(log.map((l) => `${l.direction} ${l.text}`).join('\n'));
  } finally {
    await session.close().catch(() => {});
  }
}
