/**
 * What the command-line tests share: running the real launcher as a script would (launcher.ts: no TTY, its
 * own data folder, the password from the environment), a workspace with the fleet, and a fleet server's URL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { useFleet, type FleetInfo, type ServerInfo } from '../servers/fleet';
import { ensureCliBuilt } from './launcher';

export { ensureCliBuilt, projectRoot, runWharf, runWharfIn, type CliRun, type TerminalLanguage } from './launcher';

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
