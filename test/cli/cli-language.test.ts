import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { accent } from '../../common/i18n/pseudo';

const root = fileURLToPath(new URL('../..', import.meta.url));
const wharf = join(root, 'bin', 'wharf');
const dataDir = join(mkdtempSync(join(tmpdir(), 'wharf-cli-language-')), 'data');

before(() => {
  // npm test builds first; a file run on its own builds the command line here.
  if (!existsSync(join(root, 'dist', 'cli', 'wharf.cjs'))) {
    const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts'], { cwd: root, stdio: 'ignore' });
    assert.equal(built.status, 0, 'the CLI bundle builds');
  }
});

/** Runs the real launcher in a terminal whose language is `lang` (LC_ALL and LC_MESSAGES unset, so LANG decides). */
function runIn(lang: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, WHARF_DATA_DIR: dataDir, LANG: lang };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return new Promise((resolve) => {
    execFile(process.execPath, [wharf, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('the command line speaks the terminal language', () => {
  test('German from LANG=de_DE.UTF-8: a usage error in German, with the same exit code', async () => {
    const result = await runIn('de_DE.UTF-8', ['frobnicate']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Unbekannter Befehl „frobnicate“\. Rufen Sie wharf --help auf\./);
    assert.doesNotMatch(result.stderr, /Unknown command/);
  });

  test('the pseudo-locale from LANG=en-XA: the message is accented, the command name and option stay as typed', async () => {
    const result = await runIn('en-XA', ['frobnicate']);
    assert.equal(result.code, 2);
    assert.ok(result.stderr.includes(accent('Unknown command')), result.stderr);
    assert.ok(result.stderr.includes('frobnicate'), result.stderr);
    assert.doesNotMatch(result.stderr, /Unknown command/);
  });

  test('a flag refused in German: --timeout', async () => {
    const result = await runIn('de_DE.UTF-8', ['ls', 'ftpes://alice@localhost/', '--timeout', 'soon']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--timeout erwartet eine Anzahl Sekunden\./);
  });

  test('English where the terminal asks for no language we ship (LANG=C)', async () => {
    const result = await runIn('C', ['frobnicate']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Unknown command "frobnicate"\. Run wharf --help\./);
  });
});
