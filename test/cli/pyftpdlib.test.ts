/**
 * The engine and the command line against pyftpdlib (test/servers/pyftpdlib.ts), a server unlike vsftpd,
 * proftpd and pure-ftpd in the ways that broke Wharf: it connects first in active mode and answers EPRT/PORT
 * only then, it sends a late "226 Transfer complete." when a data connection closes without a transfer, and it
 * closes a TLS data connection that starts its handshake before the transfer command was accepted.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { WharfError } from '../../main/core/errors';
import { ensureCliBuilt, ROOT } from '../hostile/support';
import { openSession } from '../ftps/support';
import { serverLog, useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-pyftpdlib-'));
after(() => rmSync(work, { recursive: true, force: true }));
const caFile = join(work, 'ca.pem');
writeFileSync(caFile, fleet.caCertPem);
ensureCliBuilt();

interface RunResult { readonly code: number; readonly stdout: string; readonly stderr: string; }

function wharf(server: ServerInfo, args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin', 'wharf'), ...args, '--ca', caFile], {
      env: { ...process.env, WHARF_DATA_DIR: join(work, 'data'), WHARF_PASSWORD: server.password }, timeout: 120_000,
    }, (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

function urlFor(server: ServerInfo, path: string): string {
  const scheme = server.mode === 'implicit' ? 'ftps' : 'ftpes';
  return `${scheme}://${server.user}@${server.host}:${server.port}${path}`;
}

function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

describe('replies stay in step with a server that sends a late 226', () => {
  const server = fleet.servers['pyftpdlib-explicit'];

  test('listing missing folders answers each with its own refusal, and the session lists the next folder right', async () => {
    const folder = `/${unique('late')}`;
    writeServerFile(server, `${folder}/present.txt`, 'here');
    const { session, log } = await openSession(fleet, server);
    try {
      for (let round = 0; round < 10; round++) {
        // MLSD of a missing folder: "501 No such directory." after the data connection opened; it closes
        // unused and pyftpdlib answers it with "226 Transfer complete.".
        const refused = await session.list(`${folder}/missing-${round}`).then(() => null, (err: unknown) => err);
        assert.ok(refused instanceof WharfError, `round ${round}: ${String(refused)}`);
        assert.match(refused.message, /No such (directory|file)/, `round ${round}`);
        const entries = await session.list(folder);
        assert.deepEqual(entries.map((e) => e.name), ['present.txt'], `round ${round}`);
        assert.equal(await session.pwd(), '/', `round ${round}`);
      }
      assert.ok(!log.some((l) => /Can't parse/.test(l.text)), 'no reply was read as the answer to another command');
    } finally {
      await session.close();
    }
    assert.match(serverLog(server), /-> 226 Transfer complete\./);
  });

  test('wharf sync --dry-run into a new local folder and the doctor succeed, three times each', async () => {
    const folder = `/${unique('sync')}`;
    writeServerFile(server, `${folder}/a.txt`, 'a');
    writeServerFile(server, `${folder}/sub/b.txt`, 'b');
    for (let round = 0; round < 3; round++) {
      const local = join(work, unique('new'));
      mkdirSync(local);
      const sync = await wharf(server, ['sync', local, urlFor(server, `${folder}/`), '--direction', 'down', '--dry-run']);
      assert.equal(sync.code, 0, `round ${round}: ${sync.stderr}`);
      assert.match(sync.stdout, /a\.txt/);
      assert.match(sync.stdout, /b\.txt/);
      const doctor = await wharf(server, ['doctor', urlFor(server, '/')]);
      assert.equal(doctor.code, 0, `round ${round}: ${doctor.stdout}\n${doctor.stderr}`);
      assert.match(doctor.stdout, /Verdict: works/);
    }
  });
});

describe('active mode against a server that connects before it replies', () => {
  for (const name of ['pyftpdlib-explicit', 'pyftpdlib-implicit'] as const) {
    const server = fleet.servers[name];

    test(`${name}: 50 active-mode downloads in a row all succeed and the process exits`, async () => {
      const folder = `/${unique('active')}`;
      const expected = new Map<string, string>();
      for (let i = 0; i < 50; i++) {
        const file = `f${String(i).padStart(2, '0')}.txt`;
        const content = `file ${i} ${randomBytes(8).toString('hex')}\n`;
        expected.set(file, content);
        writeServerFile(server, `${folder}/${file}`, content);
      }
      const local = join(work, unique('active-down'));
      const result = await wharf(server, ['get', '-r', '--active', '--parallel', '1', '-q', urlFor(server, `${folder}/`), local]);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(readdirSync(local).sort(), [...expected.keys()].sort());
      for (const [file, content] of expected) assert.equal(readFileSync(join(local, file), 'utf8'), content, file);
      assert.match(serverLog(server), /-> 200 Active data connection established\./);
      assert.ok(existsSync(local));
    });
  }
});

describe('SIGTERM during an active-mode download from a server that connects before it replies', () => {
  test('ends wharf get with exit code 143, leaving nothing under the final name', async () => {
    const server = fleet.servers['pyftpdlib-explicit'];
    const remote = `/${unique('big')}.bin`;
    // Sparse: a gigabyte the server streams for seconds, without filling the disk.
    truncateSync(writeServerFile(server, remote, ''), 1024 ** 3);
    const folder = join(work, unique('active-term'));
    mkdirSync(folder);
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'wharf'), 'get', '--active', '-q', urlFor(server, remote), join(folder, 'big.bin'), '--ca', caFile], {
      env: { ...process.env, WHARF_DATA_DIR: join(work, 'data'), WHARF_PASSWORD: server.password }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // The data connection the server opened is carrying the file once the temporary file grows.
    const receiving = () => readdirSync(folder).some((name) => name.endsWith('.wharf-part') && statSync(join(folder, name)).size > 0);
    while (!receiving() && child.exitCode === null) await delay(20);
    child.kill('SIGTERM');
    assert.equal(await exited, 143, stderr);
    assert.match(stderr, /stopped by SIGTERM/);
    assert.equal(existsSync(join(folder, 'big.bin')), false, 'no file under the final name');
    rmSync(join(server.root, remote));
  });
});

describe('folders with spaces on a server whose LIST splits its argument (netkit/BSD style)', () => {
  const server = fleet.servers['pyftpdlib-netkit'];

  test('get -r, ls, sync and rm -r reach every file; an unreadable folder fails the command and is named', async () => {
    const folder = `/${unique('tree')}`;
    writeServerFile(server, `${folder}/with space/c d.txt`, 'c d');
    writeServerFile(server, `${folder}/with space/inner [x]/e.txt`, 'e');
    writeServerFile(server, `${folder}/a.txt`, 'a');

    const listing = await wharf(server, ['ls', urlFor(server, `${folder}/with%20space/`)]);
    assert.equal(listing.code, 0, listing.stderr);
    assert.match(listing.stdout, /c d\.txt/);
    assert.match(listing.stdout, /inner \[x\]/);

    const local = join(work, unique('netkit-down'));
    const get = await wharf(server, ['get', '-r', '-q', urlFor(server, `${folder}/`), local]);
    assert.equal(get.code, 0, get.stderr);
    assert.equal(readFileSync(join(local, 'with space', 'c d.txt'), 'utf8'), 'c d');
    assert.equal(readFileSync(join(local, 'with space', 'inner [x]', 'e.txt'), 'utf8'), 'e');
    assert.equal(readFileSync(join(local, 'a.txt'), 'utf8'), 'a');

    // A folder the server cannot read: the download fails, names it, and does not count its files as done.
    const locked = writeServerFile(server, `${folder}/locked room/secret.txt`, 's');
    chmodSync(dirname(locked), 0o000);
    try {
      const failed = await wharf(server, ['get', '-r', '-q', urlFor(server, `${folder}/`), join(work, unique('netkit-locked'))]);
      assert.notEqual(failed.code, 0, failed.stdout);
      assert.match(failed.stderr, /locked room/);
      assert.doesNotMatch(failed.stdout + failed.stderr, /(\d+) of \1 files/);
    } finally {
      chmodSync(dirname(locked), 0o755);
    }

    // sync walks the same folders: it copies the files under names with spaces, and stops on the unreadable one.
    const synced = join(work, unique('netkit-sync'));
    const sync = await wharf(server, ['sync', synced, urlFor(server, `${folder}/`), '--direction', 'down', '-q']);
    assert.equal(sync.code, 0, sync.stderr);
    assert.equal(readFileSync(join(synced, 'with space', 'c d.txt'), 'utf8'), 'c d');
    assert.equal(readFileSync(join(synced, 'with space', 'inner [x]', 'e.txt'), 'utf8'), 'e');
    chmodSync(dirname(locked), 0o000);
    try {
      const failed = await wharf(server, ['sync', join(work, unique('netkit-sync-locked')), urlFor(server, `${folder}/`), '--direction', 'down', '--dry-run']);
      assert.notEqual(failed.code, 0, failed.stdout);
      assert.match(failed.stderr, /locked room/);
    } finally {
      chmodSync(dirname(locked), 0o755);
    }

    const removed = await wharf(server, ['rm', '-r', urlFor(server, `${folder}/`)]);
    assert.equal(removed.code, 0, removed.stderr);
    assert.equal(existsSync(join(server.root, folder)), false);
  });
});
