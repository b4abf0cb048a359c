/**
 * `wharf get` of a URL when the app-wide proxy setting's file (read only where it was saved) cannot be read or is
 * damaged: a clear error naming the file before any connection, the file left as it was; a damaged file kept as a
 * backup and a warning on stderr (the connection then follows the default). The URL's port is closed: a connection
 * attempt would fail with "refused", not with what is asserted.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
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

function getWith(dataDir: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k)));
    const args = [wharf, 'get', 'ftpes://user@127.0.0.1:1/file', join(dataDir, 'out'), '-q'];
    execFile(process.execPath, args, { env: { ...clean, WHARF_DATA_DIR: dataDir, WHARF_PASSWORD: 'p' }, timeout: 60_000 }, (err, _stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr });
    });
  });
}

describe('wharf get with an app-wide proxy settings file it cannot use', () => {
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

  test('a damaged file: kept as a backup, and said on stderr', async () => {
    const dataDir = join(work, 'damaged');
    mkdirSync(dataDir);
    const damaged = '{"schemaVersion": 1, "mode": "custom", "proxyUrl": "socks5://10.0.0.1:1080"';
    writeFileSync(join(dataDir, FILE), damaged);
    const result = await getWith(dataDir);
    assert.notEqual(result.code, 0, 'port 1 is closed');
    const backup = readdirSync(dataDir).find((name) => name.startsWith(`${FILE}.corrupt-`));
    assert.ok(backup, readdirSync(dataDir).join(', '));
    assert.equal(readFileSync(join(dataDir, backup), 'utf8'), damaged);
    assert.match(result.stderr, new RegExp(`warning: The proxy settings file .*was damaged.*${backup.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});
