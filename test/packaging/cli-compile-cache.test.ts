/**
 * bin/wharf keeps V8's compiled bundle on disk between runs (Node's compile cache), in the user's own cache
 * folder: WHARF_COMPILE_CACHE_DIR, else XDG_CACHE_HOME/wharf/compile on Linux (~/.cache when unset). The cache is optional (a folder
 * that cannot be made leaves the command running as before) and never runs a rebuilt bundle's old bytecode:
 * Node checks each entry against the file's contents, which matters most for a change of the same length,
 * where V8's own check (the source's length) would let stale bytecode through.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, ensureBuilt } from './support';

const work = mkdtempSync(join(tmpdir(), 'wharf-compile-cache-'));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <launcher> ARGS` with the cache variables cleared and `env` set. */
function run(launcher: string, args: readonly string[], env: Record<string, string>): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['WHARF_COMPILE_CACHE_DIR', 'XDG_CACHE_HOME', 'NODE_COMPILE_CACHE', 'NODE_DISABLE_COMPILE_CACHE'].includes(name)));
  return new Promise((resolve) => {
    execFile(process.execPath, [launcher, ...args], { env: { ...base, WHARF_DATA_DIR: join(work, 'data'), ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The files under a folder, relative paths, at any depth. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

const launcher = join(ROOT, 'bin', 'wharf');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

before(() => ensureBuilt());
after(() => rmSync(work, { recursive: true, force: true }));

describe('the command line keeps its compile cache in the user cache folder, optionally', () => {
  test('WHARF_COMPILE_CACHE_DIR names the folder; the command runs the same with the cache as without', async () => {
    const dir = join(work, 'named');
    const first = await run(launcher, ['--version'], { WHARF_COMPILE_CACHE_DIR: dir });
    assert.deepEqual(first, { code: 0, stdout: `wharf ${version}\n`, stderr: '' });
    assert.ok(filesUnder(dir).length > 0, 'the compiled bundle was written there');
    const second = await run(launcher, ['--version'], { WHARF_COMPILE_CACHE_DIR: dir });
    assert.deepEqual(second, first);
  });

  test('without it, the user cache folder of the platform (XDG_CACHE_HOME on Linux), not the shared temporary folder', async () => {
    const home = join(work, 'home');
    const env = { HOME: home, USERPROFILE: home, XDG_CACHE_HOME: join(home, 'xdg-cache'), LOCALAPPDATA: join(home, 'local-app-data') };
    const expected =
      process.platform === 'win32'
        ? join(env.LOCALAPPDATA, 'Wharf', 'Cache', 'compile')
        : process.platform === 'darwin'
          ? join(home, 'Library', 'Caches', 'Wharf', 'compile')
          : join(env.XDG_CACHE_HOME, 'wharf', 'compile');
    const result = await run(launcher, ['--version'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(filesUnder(expected).length > 0, `cache files: ${filesUnder(home).join(', ')}`);
  });

  test('a cache folder that cannot be made leaves the command as it was: same output, nothing on stderr', async () => {
    // A file where the folder should be: mkdir fails (as root too, unlike a folder without write permission).
    const blocker = join(work, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const blocked: Record<string, string>[] = [{ WHARF_COMPILE_CACHE_DIR: join(blocker, 'compile') }, { XDG_CACHE_HOME: blocker }];
    for (const env of blocked) {
      const result = await run(launcher, ['--version'], env);
      assert.deepEqual(result, { code: 0, stdout: `wharf ${version}\n`, stderr: '' }, JSON.stringify(env));
    }
  });

  test('a rebuilt bundle runs its new code, not the cached bytecode of the old (a change of the same length)', async () => {
    // A copy of the launcher and the bundle, so the bundle can be changed as a rebuild would change it.
    const root = join(work, 'copy');
    mkdirSync(root);
    cpSync(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist', 'cli'), join(root, 'dist', 'cli'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
    const copied = join(root, 'bin', 'wharf');
    const env = { WHARF_COMPILE_CACHE_DIR: join(work, 'rebuilt') };
    assert.equal((await run(copied, ['--version'], env)).stdout, `wharf ${version}\n`);
    assert.equal((await run(copied, ['--version'], env)).stdout, `wharf ${version}\n`, 'runs from its cache');
    const bundle = join(root, 'dist', 'cli', 'wharf.cjs');
    const code = readFileSync(bundle, 'utf8');
    const declared = `var version = ${JSON.stringify(version)};`;
    assert.ok(code.includes(declared), 'the bundle declares the version as expected');
    const other = version.replace(/\d/g, '9');
    writeFileSync(bundle, code.replace(declared, `var version = ${JSON.stringify(other)};`));
    assert.equal((await run(copied, ['--version'], env)).stdout, `wharf ${other}\n`);
  });
});
