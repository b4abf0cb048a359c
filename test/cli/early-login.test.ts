/**
 * The early login of a plain-FTP `wharf get` (main/cli/early-login.ts): the password goes out before the engine
 * loads, and the engine loads while the server checks it. Against the fleet's real servers, with a preload that
 * notes, in order, each login command written (and whether its socket was TLS) and each bundle file loaded:
 * - a plain get sends PASS before the session's chunk loads, gets the file, warns once;
 * - a refused password gives the same error and exit code as the usual login (a run with --ca, which connects
 *   the usual way), and does not echo the password;
 * - ftp:// at an implicit-FTPS port still names the fix and sends no password;
 * - ftpes:// never logs in early: USER and PASS go over TLS only, after the session has loaded and checked the
 *   certificate; an untrusted one stops the command before any login command.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { writeServerFile, type ServerInfo } from '../servers/fleet';
import { cliWorkspace, projectRoot, serverUrl } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-early-login');
const plain = fleet.servers['vsftpd-plain'];
const explicit = fleet.servers['vsftpd-explicit'];
const CONTENT = 'twenty bytes, early.';
writeServerFile(plain, 'early.txt', CONTENT);
writeServerFile(explicit, 'early.txt', CONTENT);

/** Notes `write USER|PASS tls=<bool>` for each login command written and `load <file>` for each bundle file loaded. */
const recorder = join(work, 'record-order.cjs');
writeFileSync(
  recorder,
  `const fs = require('node:fs');
const net = require('node:net');
const tls = require('node:tls');
const Module = require('node:module');
const events = [];
const write = net.Socket.prototype.write;
net.Socket.prototype.write = function (data, ...rest) {
  for (const line of String(data).split('\\r\\n')) {
    const command = /^(USER|PASS)\\b/.exec(line);
    if (command) events.push('write ' + command[1] + ' tls=' + (this instanceof tls.TLSSocket));
  }
  return write.call(this, data, ...rest);
};
const load = Module._load;
Module._load = function (request, ...rest) {
  if (/\\.cjs$/.test(request)) events.push('load ' + request.replace(/^.*\\//, '').replace(/-[^-]+\\.cjs$/, ''));
  return load.call(this, request, ...rest);
};
process.on('exit', () => fs.writeFileSync(process.env.WHARF_ORDER_FILE, events.join('\\n')));
`,
);

interface OrderedRun {
  readonly code: number;
  readonly stderr: string;
  /** `write USER tls=false`, `load session`, ... in the order they happened. */
  readonly order: readonly string[];
}

let runs = 0;

function runRecorded(args: readonly string[], password: string): Promise<OrderedRun> {
  const orderFile = join(work, `order-${++runs}.txt`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--require', recorder, join(projectRoot, 'bin', 'wharf'), ...args],
      { env: { ...process.env, WHARF_DATA_DIR: join(work, 'data'), WHARF_PASSWORD: password, WHARF_ORDER_FILE: orderFile }, timeout: 60_000 },
      (err, _stdout, stderr) => {
        const order = readFileSync(orderFile, 'utf8').split('\n').filter((line) => line !== '');
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr, order });
      },
    );
  });
}

function fileUrl(server: ServerInfo, path: string): string {
  return serverUrl(server, path);
}

const PLAIN_WARNING = /plain FTP: the password and files travel unencrypted/g;

describe('the early login of a plain-FTP get', () => {
  test('PASS goes out before the session loads; the file arrives; the plain-FTP warning is printed once', async () => {
    const target = join(work, 'early-plain.txt');
    const run = await runRecorded(['get', fileUrl(plain, '/early.txt'), target, '--allow-plain', '-q'], plain.password);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(target, 'utf8'), CONTENT);
    const pass = run.order.indexOf('write PASS tls=false');
    const session = run.order.indexOf('load session');
    assert.ok(pass !== -1 && session !== -1, run.order.join('\n'));
    assert.ok(pass < session, `PASS before the session chunk loads:\n${run.order.join('\n')}`);
    assert.equal(run.stderr.match(PLAIN_WARNING)?.length, 1, run.stderr);
  });

  test('a refused password: the same error and exit code as the usual login, the password not echoed', async () => {
    const wrong = 'wrong-early-password-42';
    const early = await runRecorded(['get', fileUrl(plain, '/early.txt'), join(work, 'refused-early.txt'), '--allow-plain', '-q'], wrong);
    // --ca (read before connecting) takes the usual way: the session loads first, then logs in.
    const usual = await runRecorded(['get', fileUrl(plain, '/early.txt'), join(work, 'refused-usual.txt'), '--allow-plain', '-q', '--ca', caFile], wrong);
    assert.ok(early.order.indexOf('write PASS tls=false') < early.order.indexOf('load session'), early.order.join('\n'));
    assert.ok(usual.order.indexOf('load session') < usual.order.indexOf('write PASS tls=false'), usual.order.join('\n'));
    assert.equal(early.code, 3, early.stderr);
    assert.equal(early.code, usual.code);
    assert.equal(early.stderr, usual.stderr);
    assert.ok(!early.stderr.includes(wrong));
  });

  test('ftp:// at an implicit-FTPS port names the fix and sends no password', async () => {
    const implicit = fleet.servers['vsftpd-implicit'];
    const url = `ftp://${implicit.user}@${implicit.host}:${implicit.port}/early.txt`;
    const run = await runRecorded(['get', url, join(work, 'implicit.txt'), '--allow-plain', '-q', '--timeout', '300'], implicit.password);
    assert.equal(run.code, 4, run.stderr);
    assert.match(run.stderr, /this port expects implicit FTPS \(ftps:\/\/, usually port 990\)/);
    assert.ok(!run.order.some((event) => event.startsWith('write')), run.order.join('\n'));
  });

  test('ftpes:// does not log in early: USER and PASS only over TLS, after the pinned certificate is checked', async () => {
    const target = join(work, 'early-explicit.txt');
    const fingerprint = explicit.certFingerprintSha256 ?? '';
    const run = await runRecorded(['get', fileUrl(explicit, '/early.txt'), target, '--fingerprint', fingerprint, '-q'], explicit.password);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(target, 'utf8'), CONTENT);
    const logins = run.order.filter((event) => event.startsWith('write'));
    assert.deepEqual(logins, ['write USER tls=true', 'write PASS tls=true']);
    assert.ok(run.order.indexOf('load session') < run.order.indexOf('write USER tls=true'), run.order.join('\n'));
    // Nor does an FTPS get load the early login's code.
    assert.ok(!run.order.includes('load early-login'), run.order.join('\n'));
  });

  test('ftpes:// with a certificate nobody trusts: stopped before any login command', async () => {
    const run = await runRecorded(['get', fileUrl(explicit, '/early.txt'), join(work, 'untrusted.txt'), '-q'], explicit.password);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /not trusted|untrusted|certificate/i);
    assert.deepEqual(run.order.filter((event) => event.startsWith('write')), []);
  });
});
