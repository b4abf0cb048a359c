/**
 * `wharf sync --direction down` (the built command line) meeting a file the server refuses to send (another user's
 * file, mode 0o000: 550 on RETR), on each server: that copy is asked for once and fails with the server's words,
 * nothing sits under its name here (no temporary file either), the other copy arrives, and the run ends with the
 * exit code of a server refusal (6, README "Exit codes"). The sync service's own test is
 * test/sync/refused-file.servers.test.ts. WHARF_DEBUG prints the command log on stderr.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { makeForeign, writeServerFile } from '../servers/fleet';
import { cliWorkspace, runWharf, serverUrl } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-sync-refused');
const SERVERS = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit'] as const;

for (const name of SERVERS) {
  const server = fleet.servers[name];
  describe(`wharf sync down with a file the server refuses to send, on ${name}`, () => {
    test('that copy fails once with the refusal, leaves nothing here, the other arrives, exit code 6', async () => {
      const base = `cli-refused-${process.pid}-${name}`;
      const local = join(work, base);
      mkdirSync(local);
      writeServerFile(server, `${base}/readable.txt`, 'readable');
      writeServerFile(server, `${base}/secret.txt`, 'secret');
      makeForeign(server, `${base}/secret.txt`, 0o000);
      const env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: join(work, `data-${name}`), WHARF_DEBUG: '1' };
      const run = await runWharf(['sync', local, serverUrl(server, `/${base}`), '--direction', 'down', '--ca', caFile], env);
      assert.equal(run.code, 6, `${run.stdout}${run.stderr}`);
      const lines = run.stderr.split('\n');
      const asked = lines.map((line, index) => ({ line, index })).filter(({ line }) => line === `command RETR /${base}/secret.txt`);
      assert.equal(asked.length, 1, `asked once: ${run.stderr}`);
      // The failure is told with the server's own refusal (the pool's two connections interleave their log lines).
      const refusals = lines.filter((line) => /^reply 550 /.test(line)).map((line) => line.slice('reply 550 '.length).trim());
      const told = lines.filter((line) => line.includes('secret.txt') && !/^(command|reply) /.test(line));
      assert.ok(told.some((line) => refusals.some((words) => line.includes(`550 ${words}`))), `the failure carries a 550 the server sent: ${told.join(' | ')}`);
      assert.equal(readFileSync(join(local, 'readable.txt'), 'utf8'), 'readable');
      assert.deepEqual(readdirSync(local).sort(), ['readable.txt'], 'nothing under the refused name, no temporary file');
    });
  });
}
