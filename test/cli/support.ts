/**
 * What the command-line tests share: running the real launcher as a script would (no TTY, its own data
 * folder, the password from the environment) and the URL of a fleet server.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerInfo } from '../servers/fleet';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const wharf = join(projectRoot, 'bin', 'wharf');

/** npm test builds first; a file run on its own builds the command line here. */
export function ensureCliBuilt(): void {
  if (existsSync(join(projectRoot, 'dist', 'cli', 'wharf.cjs'))) return;
  const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts'], { cwd: projectRoot, stdio: 'ignore' });
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

/** `ftpes://user@127.0.0.1:PORT/path` (ftps:// or ftp:// by the server's mode). */
export function serverUrl(server: ServerInfo, path = '/'): string {
  const scheme = server.mode === 'explicit' ? 'ftpes' : server.mode === 'implicit' ? 'ftps' : 'ftp';
  return `${scheme}://${server.user}@${server.host}:${server.port}${path}`;
}
