/**
 * `npm test`: runs every suite once, against real servers, a real keyring and real Chromium.
 * `npm test -- --tier=unit` (also servers, e2e, packaging; `npm run test:unit` ...) runs one tier: see
 * scripts/test-tiers.ts. The unit tier builds nothing, starts no server and needs no root. `--list` prints
 * each selected file with its tier and runs nothing.
 *
 * 1. Makes sure a D-Bus session with an unlocked gnome-keyring exists (re-running itself under
 *    dbus-run-session if not), so keytar talks to a real Secret Service.
 * 2. Builds the app (the main-bundle and end-to-end tests load what users run), unless WHARF_SKIP_BUILD=1 or
 *    every selected file is a unit test.
 * 3. Starts the fleet of FTP servers once, when a selected file uses it, and hands its description to the
 *    suites through WHARF_TEST_FLEET.
 * 4. Runs node's test runner on test/**\/*.test.ts, then stops the fleet.
 * Under CI=true a skipped or todo test fails the run: a missing server, browser or keyring is a failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFleet } from '../test/servers/fleet';
import { TEST_TIERS, isTestTier, tierOf, usesServers } from './test-tiers';

const root = fileURLToPath(new URL('..', import.meta.url));
const inCi = process.env.CI === 'true';

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function reRunUnderDbusSession(): never {
  // gnome-keyring-daemon needs a session bus; dbus-run-session gives one that ends with this run. Its
  // keyring files live in a fresh folder: a login keyring left by another run (with another password)
  // would stay locked.
  const keyringHome = mkdtempSync(join(tmpdir(), 'wharf-keyring-'));
  mkdirSync(join(keyringHome, 'data'), { recursive: true });
  mkdirSync(join(keyringHome, 'runtime'), { recursive: true, mode: 0o700 });
  const script = [
    'set -e',
    'printf %s wharf-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
    `exec "${process.execPath}" --import tsx "${fileURLToPath(import.meta.url)}" "$@"`,
  ].join('\n');
  const result = spawnSync('dbus-run-session', ['--', 'bash', '-c', script, 'run-tests', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      WHARF_KEYRING_SESSION: '1',
      XDG_DATA_HOME: join(keyringHome, 'data'),
      XDG_RUNTIME_DIR: join(keyringHome, 'runtime'),
    },
  });
  process.exit(result.status ?? 1);
}

function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(path));
    else if (entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found.sort();
}

/**
 * A test file's text followed by that of the test helpers it imports (relative imports under test/, followed
 * recursively), so a test that reaches the servers through a helper is put in the servers tier.
 */
function sourceWithTestHelpers(file: string, seen = new Set<string>()): string {
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const helpers = [...source.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
    .map((m) => resolvePath(dirname(file), m[1] ?? ''))
    .flatMap((base) => [base, `${base}.ts`].filter((p) => p.startsWith(join(root, 'test')) && existsSync(p) && statSync(p).isFile()))
    .filter((p) => !seen.has(p));
  return [source, ...helpers.map((p) => (seen.has(p) ? '' : sourceWithTestHelpers(p, seen)))].join('\n');
}

async function main(): Promise<void> {
  if (!process.env.WHARF_KEYRING_SESSION) {
    if (hasCommand('dbus-run-session') && hasCommand('gnome-keyring-daemon')) reRunUnderDbusSession();
    if (inCi) throw new Error('dbus-run-session and gnome-keyring-daemon are required in CI (run .ci/install-system)');
    console.warn('run-tests: no dbus-run-session/gnome-keyring-daemon: keychain suites will report the keychain as unavailable');
  }

  const args = process.argv.slice(2);
  const tiers = args.filter((a) => a.startsWith('--tier=')).map((a) => a.slice('--tier='.length));
  const unknown = tiers.filter((t) => !isTestTier(t));
  if (unknown.length > 0) throw new Error(`unknown tier ${unknown.join(', ')}: the tiers are ${TEST_TIERS.join(', ')}`);
  const listOnly = args.includes('--list');
  const filter = args.filter((a) => !a.startsWith('--tier=') && a !== '--list');
  const selected = findTestFiles(join(root, 'test'))
    .filter((path) => filter.length === 0 || filter.some((x) => path.includes(x)))
    .map((path) => {
      const source = sourceWithTestHelpers(path);
      return { path, source, tier: tierOf(relative(root, path).split('\\').join('/'), source) };
    })
    .filter(({ tier }) => tiers.length === 0 || tiers.includes(tier));
  if (selected.length === 0) throw new Error(`no test files match ${args.join(' ')}`);
  const files = selected.map(({ path }) => path);
  const onlyUnit = selected.every(({ tier }) => tier === 'unit');
  if (listOnly) {
    for (const { path, tier } of selected) console.log(`${tier.padEnd(9)} ${relative(root, path)}`);
    return;
  }

  if (process.env.WHARF_SKIP_BUILD !== '1' && !onlyUnit) {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  // Outside the checkout: the servers' folders hold hostile and non-UTF-8 names that tools walking the
  // project (electron-builder in the packaging tests) must never meet. Searchable by the servers' users.
  const tmp = mkdtempSync(join(tmpdir(), 'wharf-test-'));
  chmodSync(tmp, 0o755);
  const fleet = selected.some(({ source }) => usesServers(source)) ? await startFleet({ workDir: join(tmp, 'fleet') }) : null;
  const fleetFile = join(tmp, 'fleet.json');
  if (fleet) writeFileSync(fleetFile, JSON.stringify(fleet.info, null, 2));
  const tapFile = join(tmp, 'results.tap');

  let status: number;
  try {
    status = await new Promise<number>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          '--import', 'tsx',
          '--test',
          // Unit files share nothing but the keyring (each uses its own entries), so they run side by side;
          // the others share the fleet's servers and users, one file at a time.
          `--test-concurrency=${onlyUnit ? 4 : 1}`,
          '--test-reporter=spec', '--test-reporter-destination=stdout',
          '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
          ...files.map((f) => relative(root, f)),
        ],
        { cwd: root, stdio: 'inherit', env: fleet ? { ...process.env, WHARF_TEST_FLEET: fleetFile } : process.env },
      );
      child.on('exit', (code) => resolve(code ?? 1));
    });
  } finally {
    await fleet?.stop();
  }
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 'NaN');
  const passed = count('pass');
  const failed = count('fail');
  const skipped = count('skipped') + count('todo');
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (status === 0 && inCi && skipped > 0) {
    console.error('run-tests: under CI no test may skip');
    status = 1;
  }
  if (status === 0 && !(passed > 0)) {
    console.error('run-tests: no test ran');
    status = 1;
  }
  process.exit(status);
}

main().catch((err: unknown) => {
  console.error(`run-tests: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
