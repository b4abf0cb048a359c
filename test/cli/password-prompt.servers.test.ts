/**
 * A password typed at the terminal is asked once per run, whatever the number of connections: `get -r --parallel 4`
 * logs in four times (the walk's session and three early logins, see folder-logins.test.ts) with the one password
 * typed, as FileZilla asks once per site; so do `put -r --parallel 4`, `get --segments 4` (three helper connections
 * for the ranges) and a `site:NAME` saved without its password. A wrong password typed once fails the run at the
 * first login, with one prompt and one error, exit code 3, and nothing written on either side. The CLI asks only
 * on a terminal, so the run goes through util-linux's `script`, which gives it a pseudo-terminal and types what the
 * test writes to script's input: one line, then end of input, so a second prompt would get nothing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { testBytes } from '../ftps/support';
import { writeServerFile } from '../servers/fleet';
import { cliWorkspace, projectRoot, runWharf, serverUrl } from './support';

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

/** How often the terminal asked for the password. */
const prompts = (shown: string) => shown.split(`Password for ${server.user}@${server.host}`).length - 1;
/** How many logins the run made (WHARF_DEBUG prints each command sent). */
const logins = (shown: string) => shown.split('\n').filter((line) => /^command USER /.test(line.replace(/^\W+/, ''))).length;

const NAMES = ['a.bin', 'b.bin', 'c.bin', 'd.bin', 'e.bin', 'f.bin'];
let counter = 0;

/** A folder of NAMES on the server (relative to its root), each file with its own bytes. */
function remoteFolder(): string {
  const folder = `/prompt-${process.pid}-${++counter}`;
  for (const [i, name] of NAMES.entries()) writeServerFile(server, `${folder}/${name}`, testBytes(3000 + i, i));
  return folder;
}

function assertFolderHolds(folder: string): void {
  assert.deepEqual(readdirSync(folder).sort(), NAMES);
  for (const [i, name] of NAMES.entries()) assert.deepEqual(readFileSync(join(folder, name)), testBytes(3000 + i, i), name);
}

test('get -r --parallel 4 at a terminal asks the password once, and all four connections log in with it', async () => {
  const local = join(work, 'down');
  const run = await runOnTerminal(['get', '-r', serverUrl(server, remoteFolder()), local, '--parallel', '4', '-q', '--ca', caFile], `${server.password}\n`);
  assert.equal(run.code, 0, run.shown);
  assert.equal(prompts(run.shown), 1, run.shown);
  assert.equal(logins(run.shown), 4, run.shown);
  assertFolderHolds(local);
});

test('put -r --parallel 4 at a terminal asks the password once, and all four connections log in with it', async () => {
  const local = join(work, `up-${++counter}`);
  mkdirSync(local);
  for (const [i, name] of NAMES.entries()) writeFileSync(join(local, name), testBytes(3000 + i, i));
  const remote = `/prompt-up-${process.pid}-${counter}`;
  const run = await runOnTerminal(['put', '-r', local, serverUrl(server, remote), '--parallel', '4', '-q', '--ca', caFile], `${server.password}\n`);
  assert.equal(run.code, 0, run.shown);
  assert.equal(prompts(run.shown), 1, run.shown);
  assert.equal(logins(run.shown), 4, run.shown);
  assertFolderHolds(join(server.root, remote));
});

test('get --segments 4 at a terminal asks the password once, and the three helper connections log in with it', async () => {
  // Four ranges of at least 4 MiB each (splitIntoRanges).
  const big = testBytes(17 * 1024 * 1024 + 5, 31);
  const remote = `/prompt-segments-${process.pid}.bin`;
  writeServerFile(server, remote, big);
  const local = join(work, `segments-${++counter}.bin`);
  const run = await runOnTerminal(['get', '--segments', '4', serverUrl(server, remote), local, '--ca', caFile], `${server.password}\n`);
  assert.equal(run.code, 0, run.shown);
  assert.match(run.shown, /in 4 segments/);
  assert.equal(prompts(run.shown), 1, run.shown);
  assert.equal(logins(run.shown), 4, run.shown);
  assert.ok(readFileSync(local).equals(big), 'the file arrived byte for byte');
});

test('a site: location saved without its password asks once for get -r --parallel 4', async () => {
  const name = `prompt-site-${process.pid}`;
  const add = await runWharf(['site', 'add', name, '--url', serverUrl(server, '/'), '--ask-password'], { WHARF_DATA_DIR: join(work, 'data') });
  assert.equal(add.code, 0, add.stderr);
  const local = join(work, `site-down-${++counter}`);
  const run = await runOnTerminal(['get', '-r', `site:${name}${remoteFolder()}`, local, '--parallel', '4', '-q', '--ca', caFile], `${server.password}\n`);
  assert.equal(run.code, 0, run.shown);
  assert.equal(prompts(run.shown), 1, run.shown);
  assert.equal(logins(run.shown), 4, run.shown);
  assertFolderHolds(local);
});

describe('a wrong password typed once fails the run at its first login: one prompt, one error, exit 3, nothing written', () => {
  const wrong = `not-${server.password}\n`;
  const assertRefusedOnce = (run: { code: number | null; shown: string }) => {
    assert.equal(run.code, 3, run.shown);
    assert.equal(prompts(run.shown), 1, run.shown);
    assert.equal(logins(run.shown), 1, run.shown);
    assert.equal(run.shown.split('Login refused').length - 1, 1, run.shown);
  };

  test('get -r --parallel 4', async () => {
    const local = join(work, `wrong-down-${++counter}`);
    assertRefusedOnce(await runOnTerminal(['get', '-r', serverUrl(server, remoteFolder()), local, '--parallel', '4', '-q', '--ca', caFile], wrong));
    assert.ok(!existsSync(local), 'no local folder');
  });

  test('put -r --parallel 4', async () => {
    const local = join(work, `wrong-up-${++counter}`);
    mkdirSync(local);
    for (const [i, name] of NAMES.entries()) writeFileSync(join(local, name), testBytes(100 + i, i));
    const remote = `/prompt-wrong-up-${process.pid}-${counter}`;
    assertRefusedOnce(await runOnTerminal(['put', '-r', local, serverUrl(server, remote), '--parallel', '4', '-q', '--ca', caFile], wrong));
    assert.ok(!existsSync(join(server.root, remote)), 'no remote folder');
  });

  test('get --segments 4', async () => {
    const remote = `/prompt-wrong-segments-${process.pid}.bin`;
    writeServerFile(server, remote, testBytes(17 * 1024 * 1024, 32));
    const into = join(work, `wrong-segments-${++counter}`);
    mkdirSync(into);
    assertRefusedOnce(await runOnTerminal(['get', '--segments', '4', serverUrl(server, remote), into, '--ca', caFile], wrong));
    assert.deepEqual(readdirSync(into), [], 'nothing in the target folder, not even a temporary');
  });
});
