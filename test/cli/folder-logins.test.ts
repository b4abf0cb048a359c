/**
 * How many times a folder transfer logs in, counted in the WHARF_DEBUG command log (one USER per login), on the
 * fleet's vsftpd: the session that walked or looked up the folder is handed to the queue's pool instead of
 * logging in again beside it. `put -r --parallel 1` logs in once; `get -r --parallel 4` of a folder with more
 * files than connections logs in four times, the walk's session being one of the four (through the fault proxy,
 * which holds the files' data connections until the fourth login, and counts the logins too). The other
 * connections log in while the folder is walked, not after it (a login is several round trips: on a 50 ms link
 * ~0.4 s before a connection's first file), and logins the walk turns out not to need are closed. (`get -r
 * --parallel 1` is test/cli/cli.test.ts.)
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { testBytes } from '../ftps/support';
import { passivePortsOf } from '../faults/support';
import { startFaultProxy } from '../faults/fault-proxy';
import { writeServerFile } from '../servers/fleet';
import { cliWorkspace, runWharf, serverUrl } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-folder-logins');
const server = fleet.servers['vsftpd-explicit'];
const env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: join(work, 'data'), WHARF_DEBUG: '1' };
/** The logins of a run: its USER commands. */
const logins = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('command USER ')).length;
/** Eight files in three folders: more files than four connections. */
const TREE = ['a.bin', 'b.bin', 'sub/c.bin', 'sub/d.bin', 'sub/e.bin', 'sub/deeper/f.bin', 'sub/deeper/g.bin', 'h.bin'];

/**
 * `get -r --parallel 4` of `remote` through a fault proxy that holds the data connections `held` picks (by their
 * number, in order of arrival) until the fourth control connection arrives; the run and the proxy's count of
 * control connections.
 */
async function getHoldingUntilFourthLogin(remote: string, back: string, held: (dataIndex: number) => boolean, extra: string[] = []) {
  let fourthLogin: () => void = () => undefined;
  const allFour = new Promise<void>((resolve) => (fourthLogin = resolve));
  const proxy = await startFaultProxy({
    upstreamHost: server.host,
    controlPort: server.port,
    passivePorts: passivePortsOf(fleet, 'vsftpd-explicit'),
    plan: ({ kind, index }) => {
      if (kind === 'control' && index === 3) fourthLogin();
      return kind === 'data' && held(index) ? { kind: 'trickle', bytesPerTick: 1 << 20, tickMs: 1, heldUntil: allFour } : null;
    },
  });
  const fingerprint = `SHA256:${(server.certFingerprintSha256 ?? '').replace(/:/g, '')}`;
  try {
    const run = await runWharf(['get', '-r', `ftpes://${server.user}@${proxy.host}:${proxy.controlPort}/${remote}`, back, '--parallel', '4', '--fingerprint', fingerprint, ...extra], env);
    return { run, controlConnections: proxy.stats().connections.control };
  } finally {
    await proxy.close();
  }
}

describe('logins of a folder transfer', () => {
  test('put -r --parallel 1 logs in once: the session that looked up the target uploads the files', async () => {
    const tree = join(work, `put-tree-${process.pid}`);
    TREE.forEach((rel, i) => {
      mkdirSync(join(tree, rel, '..'), { recursive: true });
      writeFileSync(join(tree, rel), testBytes(2000 + i, i + 1));
    });
    const remote = `/put-logins-${process.pid}`;
    const run = await runWharf(['put', '-r', tree, serverUrl(server, remote), '--parallel', '1', '--ca', caFile], env);
    assert.equal(run.code, 0, run.stderr);
    for (const rel of TREE) assert.deepEqual(readFileSync(join(server.root, remote, rel)), readFileSync(join(tree, rel)), rel);
    assert.equal(logins(run.stderr), 1, run.stderr.split('\n').filter((line) => /^command (USER|STOR|MKD)/.test(line)).join('\n'));
  });

  test('get -r --parallel 4 logs in four times, not five: the walk\'s session is one of the four', { timeout: 60_000 }, async () => {
    // One flat folder: its walk is one listing, the first data connection. Every later one (a file) is held by a
    // proxy until the fourth login, so all four connections are wanted whatever the speed of this machine.
    const remote = `get-logins-${process.pid}`;
    const names = TREE.map((rel) => rel.replace(/\//g, '-'));
    names.forEach((name, i) => writeServerFile(server, `${remote}/${name}`, testBytes(2000 + i, i + 1)));
    const back = join(work, `get-back-${process.pid}`);
    const { run, controlConnections } = await getHoldingUntilFourthLogin(remote, back, (index) => index >= 1);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stderr.split('\n');
    const firstRetrieval = lines.findIndex((line) => line.startsWith('command RETR '));
    const listings = lines.slice(0, firstRetrieval).filter((line) => /^command (MLSD|LIST|NLST)/.test(line));
    assert.equal(listings.length, 1, `the walk is one listing: ${listings.join(' | ')}`);
    for (const name of names) assert.deepEqual(readFileSync(join(back, name)), readFileSync(join(server.root, remote, name)), name);
    assert.equal(logins(run.stderr), 4, lines.filter((line) => /^command (USER|RETR)/.test(line)).join('\n'));
    assert.equal(controlConnections, 4);
  });

  test('get -r --parallel 4: the other three connections log in while the folder is walked', { timeout: 60_000 }, async () => {
    // The walk's listing (the first data connection) is held by the proxy until the fourth control connection
    // arrives: a run that logged in its other connections only after the walk would wait for it for ever.
    const remote = `get-early-logins-${process.pid}`;
    const names = ['one.bin', 'two.bin', 'three.bin', 'four.bin', 'five.bin'];
    names.forEach((name, i) => writeServerFile(server, `${remote}/${name}`, testBytes(3000 + i, i + 7)));
    const back = join(work, `get-early-back-${process.pid}`);
    const { run } = await getHoldingUntilFourthLogin(remote, back, (index) => index === 0, ['--timeout', '20']);
    assert.equal(run.code, 0, run.stderr);
    for (const name of names) assert.deepEqual(readFileSync(join(back, name)), readFileSync(join(server.root, remote, name)), name);
    // The pool takes the early logins instead of adding its own (the fourth may still be logging in when the
    // other three have fetched every file: the run then ends without waiting for it).
    assert.ok(logins(run.stderr) <= 4, run.stderr);
  });

  test('get -r --parallel 4 from a server that takes two connections: the refused early logins lower the count, every file arrives', { timeout: 60_000 }, async () => {
    const limited = fleet.servers['vsftpd-limited'];
    const remote = `/get-limited-${process.pid}`;
    const names = ['a.bin', 'b.bin', 'c.bin', 'd.bin', 'e.bin', 'f.bin'];
    names.forEach((name, i) => writeServerFile(limited, `${remote}/${name}`, testBytes(2500 + i, i + 21)));
    const back = join(work, `get-limited-back-${process.pid}`);
    const run = await runWharf(['get', '-r', serverUrl(limited, remote), back, '--parallel', '4', '--ca', caFile], { ...env, WHARF_PASSWORD: limited.password });
    assert.equal(run.code, 0, run.stderr);
    for (const name of names) assert.deepEqual(readFileSync(join(back, name)), readFileSync(join(limited.root, remote, name)), name);
    // The walk's session and three early logins at once: the server refused some of them.
    assert.match(run.stderr, /^reply 421 /m);
  });

  test('get -r --parallel 3 of a folder with one file: the logins it did not need are closed, and the run ends', async () => {
    const remote = `/get-one-file-${process.pid}`;
    writeServerFile(server, `${remote}/only.bin`, testBytes(5000, 11));
    const back = join(work, `get-one-back-${process.pid}`);
    const run = await runWharf(['get', '-r', serverUrl(server, remote), back, '--parallel', '3', '--ca', caFile], env);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readFileSync(join(back, 'only.bin')), readFileSync(join(server.root, remote, 'only.bin')));
    const lines = run.stderr.split('\n');
    // Every connection that logged in said goodbye: none was left open for the process to wait on.
    assert.equal(lines.filter((line) => line.startsWith('reply 221')).length, logins(run.stderr), lines.filter((line) => /^(command (USER|QUIT)|reply 221)/.test(line)).join('\n'));
  });
});
