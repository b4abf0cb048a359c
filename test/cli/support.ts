/**
 * What the command-line tests share: running the real launcher as a script would (no TTY, its own data
 * folder, the password from the environment) and the URL of a fleet server.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { useFleet, type FleetInfo, type ServerInfo } from '../servers/fleet';

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

/** A test file's fleet, a scratch folder removed after the file, the fleet's CA in it, and the CLI built. */
export async function cliWorkspace(prefix: string): Promise<{ fleet: FleetInfo; work: string; caFile: string }> {
  const fleet = await useFleet();
  const work = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const caFile = join(work, 'ca.pem');
  writeFileSync(caFile, fleet.caCertPem);
  before(ensureCliBuilt);
  after(() => rmSync(work, { recursive: true, force: true }));
  return { fleet, work, caFile };
}
