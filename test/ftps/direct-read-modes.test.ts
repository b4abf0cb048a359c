/**
 * Direct reads (main/ftps/direct-read.ts) in every data connection mode a download can take: passive, active (the
 * server's connection to us, plain or TLS over it, also one made before the server answers EPRT, as pyftpdlib makes
 * it); through a proxy: proxy.test.ts. Each download's bytes must reach the sink byte for byte through `takeFrom`, or
 * into the sink's read targets where it names them (ReadTargetSink, as FileSink does), none through the stream, with
 * the sink stopping and resuming reading on the way (as a FileSink waiting for its disk or a speed limit does).
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models/log';
import type { FtpsSession } from '../../main/ftps/session';
import { downloadDirectly, TargetRecordingSink } from './direct-read-support';
import { useFleet, writeServerFile, type ServerName } from '../servers/fleet';
import { openSession, testBytes } from './support';

const fleet = await useFleet();
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** The replies to the commands of `verb`, in order. */
function repliesTo(log: readonly LogLine[], verb: string): string[] {
  const replies: string[] = [];
  let waiting = false;
  for (const line of log) {
    if (line.direction === 'command') waiting = line.text.startsWith(`${verb} `);
    else if (line.direction === 'reply' && waiting) {
      replies.push(line.text);
      waiting = false;
    }
  }
  return replies;
}

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
  // pyftpdlib connects to us before it answers EPRT ("200 Active data connection established."): the connection
  // waits, unread, in the stand-in data socket until RETR is accepted, its bytes then read straight into the sink.
  for (const name of ['pyftpdlib-cp1251', 'pyftpdlib-explicit'] as ServerName[]) {
    test(`${name}, active, the server's connection made before its EPRT reply: a download reaches its sink directly, byte for byte`, async () => {
      const server = fleet.servers[name];
      const data = testBytes(3 * 1024 * 1024 + 333, counter + 60);
      const remote = `/${unique('early-active-direct')}.bin`;
      writeServerFile(server, remote.slice(1), data);
      const { session, log } = await openSession(fleet, server, { targetOverrides: { dataMode: 'active' } });
      work.push(session);
      await downloadDirectly(session, remote, data);
      await downloadDirectly(session, remote, data);
      const eprtReplies = repliesTo(log, 'EPRT');
      assert.ok(eprtReplies.length >= 2 && eprtReplies.every((text) => /^200 Active data connection established/.test(text)), eprtReplies.join(' | '));
    });
  }
});
