/**
 * A real vsftpd behind the fault proxy, with a folder of 3,000 files and a small subfolder, whose next data
 * connection a test can hold: a listing then surely still arrives (not a byte of it has come) while the
 * pane moves on. Every data connection is trickled, so a listing takes long enough to be raced. Used by the
 * listing-race suites (slow-listing-race, keyboard-listing-race).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFaultProxy, type FaultProxy } from '../faults/fault-proxy';
import { passivePortsOf } from '../faults/support';
import { useFleet, type ServerInfo } from '../servers/fleet';
import { paneGrid } from './support';

export const BIG_FOLDER_FILES = 3000;
export const SUBFOLDER = 'a-sub';
export const SUBFOLDER_FILES = ['inner-a.txt', 'inner-b.txt', 'inner-c.txt'] as const;

export interface HeldListingServer {
  readonly server: ServerInfo;
  readonly proxy: FaultProxy;
  /** The big folder's name in the server's root. */
  readonly folder: string;
  /** What quickConnect needs to reach the server through the proxy. */
  readonly target: { readonly host: string; readonly port: number; readonly user: string; readonly password: string };
  /** Holds the next data connection: `arrived` gives its index once it has come, `release` lets it go on. */
  holdNextDataConnection(): { arrived: Promise<number>; release: () => void };
  /** Closes the proxy and removes the folder. */
  close(): Promise<void>;
}

export async function startHeldListingServer(prefix: string): Promise<HeldListingServer> {
  const fleet = await useFleet();
  const server = fleet.servers['vsftpd-explicit'];
  const folder = `${prefix}-${randomBytes(3).toString('hex')}`;
  const dir = join(server.root, folder);
  mkdirSync(join(dir, SUBFOLDER), { recursive: true });
  for (let i = 0; i < BIG_FOLDER_FILES; i++) writeFileSync(join(dir, `f-${i}.txt`), 'x');
  for (const name of SUBFOLDER_FILES) writeFileSync(join(dir, SUBFOLDER, name), 'y');
  const { uid, gid } = statSync(server.root);
  execFileSync('chown', ['-R', `${uid}:${gid}`, dir]);

  let hold: { readonly until: Promise<void>; arrived(index: number): void } | null = null;
  const proxy = await startFaultProxy({
    upstreamHost: server.host,
    controlPort: server.port,
    passivePorts: passivePortsOf(fleet, 'vsftpd-explicit'),
    plan: ({ kind, index }) => {
      if (kind !== 'data') return null;
      const held = hold;
      hold = null;
      held?.arrived(index);
      return { kind: 'trickle', bytesPerTick: 2048, tickMs: 5, ...(held ? { heldUntil: held.until } : {}) };
    },
  });
  return {
    server,
    proxy,
    folder,
    target: { host: proxy.host, port: proxy.controlPort, user: server.user, password: server.password },
    holdNextDataConnection() {
      let release = () => {};
      const until = new Promise<void>((resolve) => (release = resolve));
      const arrived = new Promise<number>((resolve) => (hold = { until, arrived: resolve }));
      return { arrived, release };
    },
    async close() {
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The names of the rows a pane shows. */
export function shownNames(page: Page, side: 'local' | 'remote'): Promise<string[]> {
  return paneGrid(page, side)
    .locator('.grid-body [role="row"]')
    .evaluateAll((rows) => rows.map((row) => (row as unknown as { getAttribute(n: string): string | null }).getAttribute('data-name') ?? ''));
}
