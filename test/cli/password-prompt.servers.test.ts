/**
 * A password typed at the terminal is asked once per run, whatever the number of connections: `get -r --parallel 4`
 * logs in four times (the walk's session and three early logins, see folder-logins.test.ts) with the one password
 * typed, as FileZilla asks once per site. The CLI asks only on a terminal, so the run goes through util-linux's
 * `script`, which gives it a pseudo-terminal and types what the test writes to script's input: one line, then
 * end of input, so a second prompt would get nothing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { testBytes } from '../ftps/support';
import { writeServerFile } from '../servers/fleet';
import { cliWorkspace, projectRoot, serverUrl } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-password-prompt');
const server = fleet.servers['vsftpd-explicit'];

/** Runs the CLI on a pseudo-terminal with `typed` as the keyboard; what the terminal showed, and the exit code. */
function runOnTerminal(args: readonly string[], typed: string): Promise<{ code: number | null; shown: string }> {
  const command = [process.execPath, join(projectRoot, 'bin', 'wharf'), ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  // WHARF_DEBUG prints each command sent, USER among them; no WHARF_PASSWORD: the terminal is asked.
  const { WHARF_PASSWORD: _unset, ...env } = process.env;
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: { ...env, WHARF_DATA_DIR: join(work, 'data'), WHARF_DEBUG: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  let shown = '';
  child.stdout.on('data', (chunk: Buffer) => (shown += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (shown += chunk.toString('utf8')));
  child.stdin.end(typed);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, shown })));
}

test('get -r --parallel 4 at a terminal asks the password once, and all four connections log in with it', async () => {
  const names = ['a.bin', 'b.bin', 'c.bin', 'd.bin', 'e.bin', 'f.bin'];
  const folder = `/prompt-${process.pid}`;
  for (const [i, name] of names.entries()) writeServerFile(server, `${folder}/${name}`, testBytes(3000 + i, i));
  const local = join(work, 'down');
  const run = await runOnTerminal(['get', '-r', serverUrl(server, folder), local, '--parallel', '4', '-q', '--ca', caFile], `${server.password}\n`);
  assert.equal(run.code, 0, run.shown);
  assert.equal(run.shown.split(`Password for ${server.user}@${server.host}`).length - 1, 1, run.shown);
  assert.equal(run.shown.split('\n').filter((line) => /^command USER /.test(line.replace(/^\W+/, ''))).length, 4, run.shown);
  const arrived = readdirSync(join(local));
  assert.deepEqual(arrived.sort(), names);
  for (const [i, name] of names.entries()) assert.deepEqual(readFileSync(join(local, name)), testBytes(3000 + i, i));
});
