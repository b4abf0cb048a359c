/**
 * Direct reads (main/ftps/direct-read.ts) in every data connection mode a download can take: passive, active (the
 * server's connection to us, plain or TLS over it); through a proxy: proxy.test.ts. Each download's
 * bytes must reach the sink byte for byte through `takeFrom`, or into the sink's read targets where it names them
 * (ReadTargetSink, as FileSink does), none through the stream, with the sink stopping and
 * resuming reading on the way (as a FileSink waiting for its disk or a speed limit does).
 */
import { after, describe, test } from 'node:test';
import type { FtpsSession } from '../../main/ftps/session';
import { downloadDirectly, TargetRecordingSink } from './direct-read-support';
import { useFleet, writeServerFile, type ServerName } from '../servers/fleet';
import { openSession, testBytes } from './support';

const fleet = await useFleet();
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

describe('direct reads in every data connection mode', () => {
  const work: FtpsSession[] = [];
  after(async () => Promise.all(work.map((session) => session.close())));
  for (const dataMode of ['passive', 'active'] as const) {
    for (const name of ['vsftpd-plain', 'vsftpd-explicit'] as ServerName[]) {
      for (const targets of [false, true]) {
        const how = targets ? 'into the places its sink names (read targets)' : 'through its sink\'s takeFrom';
        test(`${name}, ${dataMode}: a download reaches its sink directly ${how}, byte for byte, with its progress`, async () => {
          const server = fleet.servers[name];
          const data = testBytes(3 * 1024 * 1024 + 777, counter + 40);
          const remote = `/${unique(`${dataMode}-direct`)}.bin`;
          writeServerFile(server, remote.slice(1), data);
          const { session } = await openSession(fleet, server, { targetOverrides: { dataMode } });
          work.push(session);
          await downloadDirectly(session, remote, data, targets ? { sink: new TargetRecordingSink() } : {});
        });
      }
    }
  }
});
