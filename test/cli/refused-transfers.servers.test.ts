/**
 * `wharf get` of a file the server will not send, and `wharf put` into a folder it will not write, end after one
 * RETR/STOR with the server's refusal in its own words and the exit code of a server refusal (6), on every kind of
 * server. proftpd resets the passive data connection as it refuses, and that reset used to win: "connection
 * lost" (5), after the queue's retries. WHARF_DEBUG prints the command log on stderr.
 */
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { writeServerFile, type ServerName } from '../servers/fleet';
import { cliWorkspace, runWharf, serverUrl, type CliRun } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-refused');
const SERVERS: readonly ServerName[] = ['proftpd-explicit', 'vsftpd-explicit', 'pureftpd-explicit', 'pyftpdlib-explicit'];
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

function run(name: ServerName, args: readonly string[]): Promise<CliRun> {
  const server = fleet.servers[name];
  return runWharf([...args, '--ca', caFile, '-q'], { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: join(work, 'data'), WHARF_DEBUG: '1' });
}

/** One `verb` sent, refused with a 55x, and the failure told with the words of that reply and exit code 6. */
function assertRefusedOnce(result: CliRun, verb: 'RETR' | 'STOR'): void {
  const lines = result.stderr.split('\n');
  const sent = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.startsWith(`command ${verb} `));
  assert.equal(sent.length, 1, `one ${verb}: ${result.stderr}`);
  const reply = lines.slice((sent[0]?.index ?? 0) + 1).find((line) => /^reply [2-5]\d\d/.test(line))?.replace(/^reply /, '').trim();
  assert.ok(reply, `the server answered ${verb}: ${result.stderr}`);
  assert.match(reply, /^55\d /);
  assert.equal(result.code, 6, result.stderr);
  const told = lines.filter((line) => line.startsWith('wharf: '));
  assert.ok(told.some((line) => line.includes(reply.slice(4))), `the failure carries "${reply}": ${told.join(' | ')}`);
}

describe('wharf get and put of a refused file fail at once with the server reply', () => {
  for (const name of SERVERS) {
    test(`${name}: get of a file the user may not read`, async () => {
      const remote = `/${unique('unreadable')}.txt`;
      chmodSync(writeServerFile(fleet.servers[name], remote, 'secret'), 0o000);
      const result = await run(name, ['get', serverUrl(fleet.servers[name], remote), join(work, unique('down'))]);
      assertRefusedOnce(result, 'RETR');
    });

    test(`${name}: put into a folder the user may not write`, async () => {
      const folder = `/${unique('read-only')}`;
      chmodSync(dirname(writeServerFile(fleet.servers[name], `${folder}/present.txt`, 'x')), 0o555);
      const local = join(work, unique('up'));
      writeFileSync(local, 'new content');
      const result = await run(name, ['put', local, serverUrl(fleet.servers[name], `${folder}/new.txt`)]);
      assertRefusedOnce(result, 'STOR');
    });
  }
});
