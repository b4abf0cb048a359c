/**
 * Running the real launcher as a script would (no TTY, the environment given), without the fleet: the
 * command-line tests that need no server (the language, the help, a dry-run import) import only this.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Named `root`: scripts/test-tiers.ts puts a test that needs the build (`join(root, 'dist'`) in the packaging tier.
const root = fileURLToPath(new URL('../..', import.meta.url));
export const projectRoot = root;
const wharf = join(root, 'bin', 'wharf');

/** npm test builds first; a file run on its own builds the command line here. */
export function ensureCliBuilt(): void {
  if (existsSync(join(root, 'dist', 'cli', 'wharf.cjs'))) return;
  const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts'], { cwd: root, stdio: 'ignore' });
  assert.equal(built.status, 0, 'the CLI bundle builds');
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `wharf ARGS` with WHARF_DATA_DIR and extra environment; killed after a minute. */
export function runWharf(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [wharf, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The variables that decide the command line's language, by POSIX precedence: LC_ALL over LC_MESSAGES over LANG. */
export interface TerminalLanguage {
  readonly LC_ALL?: string;
  readonly LC_MESSAGES?: string;
  readonly LANG?: string;
}

/** Runs `wharf ARGS` with exactly these language variables set (the others, and LANGUAGE, empty: unset for Wharf). */
export function runWharfIn(language: TerminalLanguage, args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const unset = { LC_ALL: '', LC_MESSAGES: '', LANG: '', LANGUAGE: '' };
  return runWharf(args, { ...unset, ...language, ...env });
}
