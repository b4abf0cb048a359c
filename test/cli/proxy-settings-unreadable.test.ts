/**
 * The command line when the app-wide proxy setting's file (read only where it was saved) cannot be read or is
 * damaged: a clear error naming the file before any connection, the file left as it was. A damaged file stops
 * every command that connects (get, get in segments, put, ls, rm, mkdir, info, sync, doctor; a URL, a saved site,
 * `--proxy none`), its error naming the file and the two ways out; a listening port sees no connection.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const wharf = join(root, 'bin', 'wharf');
const work = mkdtempSync(join(tmpdir(), 'wharf-cli-proxy-file-'));
after(() => rmSync(work, { recursive: true, force: true }));
const FILE = 'proxy-settings.json';

before(() => {
  if (!existsSync(join(root, 'dist', 'cli', 'wharf.cjs'))) {
    const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts'], { cwd: root, stdio: 'ignore' });
    assert.equal(built.status, 0, 'the CLI bundle builds');
  }
});

function wharfWith(dataDir: string, args: readonly string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k)));
    execFile(process.execPath, [wharf, ...args], { env: { ...clean, WHARF_DATA_DIR: dataDir, WHARF_PASSWORD: 'p' }, timeout: 60_000 }, (err, _stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr });
    });
  });
}

function getWith(dataDir: string): Promise<{ code: number; stderr: string }> {
  return wharfWith(dataDir, ['get', 'ftpes://user@127.0.0.1:1/file', join(dataDir, 'out'), '-q']);
}

describe('the command line with an app-wide proxy settings file it cannot use', () => {
  test('a file that cannot be read: an error naming it, before any connection; the file untouched', async () => {
    const dataDir = join(work, 'unreadable');
    mkdirSync(join(dataDir, FILE), { recursive: true });
    writeFileSync(join(dataDir, FILE, 'inside'), 'kept');
    const result = await getWith(dataDir);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /cannot read its proxy settings file .*proxy-settings\.json; it was left untouched \(EISDIR\)/);
    assert.doesNotMatch(result.stderr, /refused/i);
    assert.deepEqual(readdirSync(dataDir).sort(), [FILE]);
    assert.equal(readFileSync(join(dataDir, FILE, 'inside'), 'utf8'), 'kept');
  });

  test('a damaged file: no command connects, each says the file and the two ways out; the file left as it is', async () => {
    const connections: string[] = [];
    const listener = createServer((socket) => {
      connections.push(`${socket.remotePort}`);
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const url = `ftpes://user@127.0.0.1:${(listener.address() as { port: number }).port}`;
    try {
      const dataDir = join(work, 'damaged');
      mkdirSync(dataDir);
      const added = await wharfWith(dataDir, ['site', 'add', 'Follows the app', '--url', `${url}/`, '--ask-password']);
      assert.equal(added.code, 0, added.stderr);
      const damaged = '{"schemaVersion": 1, "mode": "custom", "proxyUrl": "socks5://10.0.0.1:1080"';
      writeFileSync(join(dataDir, FILE), damaged);
      writeFileSync(join(work, 'to-upload.txt'), 'kept here');
      mkdirSync(join(work, 'sync-here'), { recursive: true });
      const commands: (readonly string[])[] = [
        ['get', `${url}/file`, join(work, 'out'), '-q'],
        ['get', '--segments', '3', `${url}/file`, join(work, 'out'), '-q'],
        ['get', '--proxy', 'none', `${url}/file`, join(work, 'out'), '-q'],
        ['get', 'site:Follows the app/file', join(work, 'out'), '-q'],
        ['put', join(work, 'to-upload.txt'), `${url}/to-upload.txt`, '-q'],
        ['ls', `${url}/`],
        ['rm', `${url}/file`],
        ['mkdir', `${url}/folder`],
        ['info', `${url}/file`],
        ['sync', join(work, 'sync-here'), `${url}/`, '--direction', 'down'],
        ['doctor', `${url}/`],
      ];
      for (const args of commands) {
        const result = await wharfWith(dataDir, args);
        const what = `wharf ${args.join(' ')}: ${result.stderr}`;
        assert.notEqual(result.code, 0, what);
        assert.ok(result.stderr.includes(join(dataDir, FILE)), what);
        assert.match(result.stderr, /is damaged, so Wharf makes no connection/, what);
        assert.match(result.stderr, /save the proxy settings again in Wharf \(Site Manager, then Proxy…\), which writes a good file, or delete the file/, what);
        assert.deepEqual(connections, [], what);
      }
      assert.equal(readFileSync(join(dataDir, FILE), 'utf8'), damaged, 'the file is left as it is');
      assert.deepEqual(readdirSync(dataDir).filter((name) => name.startsWith(FILE)), [FILE], 'no backup, no new file');
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
  });
});
