/**
 * Hostile-server scenarios shared by the tests in test/hostile and scripts/reliability.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TransferItem } from '../../common/models/transfer';
import { FtpsSession } from '../../main/ftps/session';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import type { SkippedEntry } from '../../main/transfers/expand';
import type { FleetInfo } from '../servers/fleet';
import type { ScenarioFigures } from '../faults/support';
import { mlsdLine, startHostileServer, unixLine, type HostileServer } from './hostile-server';
import { filesBelow, fleetCertificate, runWharf, type CliRun } from './support';

export const PASSWORD = 'Hostile-Secr3t-pw!';
export const USER = 'victim';

/** The contents a hostile tree serves, by remote path; `dup.txt` answers differently each time. */
export interface HostileTree {
  readonly listing: (path: string, command: 'LIST' | 'MLSD' | 'NLST') => Buffer | null;
  readonly file: (path: string) => Buffer | null;
  /** Remote name -> what a correct client writes under the chosen folder (relative path), for the safe names. */
  readonly expected: Readonly<Record<string, string>>;
  /** Absolute paths a broken client would write to; they must not exist afterwards. */
  readonly outside: readonly string[];
  readonly dupVersions: readonly Buffer[];
  /** How many hostile or ordinary entries the top listing holds. */
  readonly entryCount: number;
}

/**
 * A folder whose listing holds every name a hostile server can send: traversal (`../../x`), absolute
 * paths, `a/b`, a Windows drive, NUL, a line break, terminal escape codes, a Windows device name, invalid
 * UTF-8, `.`/`..` entries, a 300-byte name, and a name listed twice whose content differs on each download.
 */
export function hostileTree(id: string): HostileTree {
  const tag = id.replace(/[^A-Za-z0-9-]/g, '');
  const outsideName = `wharf-hostile-${tag}`;
  const names: { name: string | Buffer; directory?: boolean; size?: number }[] = [
    { name: 'ok.txt', size: 11 },
    { name: 'sub', directory: true },
    { name: `../../${outsideName}` },
    { name: `../${outsideName}` },
    { name: '..', directory: true },
    { name: '.', directory: true },
    { name: `/tmp/${outsideName}` },
    { name: `/etc/${outsideName}` },
    { name: 'a/b' },
    { name: `C:\\${outsideName}` },
    { name: 'C:x' },
    { name: `nul\0${outsideName}` },
    { name: `line\nbreak` },
    { name: '\u001b[31mred\u001b[0m' },
    { name: 'bell\u0007' },
    { name: 'CON' },
    { name: 'trailing. ' },
    { name: 'x'.repeat(300) },
    { name: Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe, 0x2e, 0x74, 0x78, 0x74]) },
    { name: 'dup.txt', size: 20 },
    { name: 'dup.txt', size: 20 },
  ];
  const dupVersions = [Buffer.from('first version of dup'), Buffer.from('2nd version, longer!'), Buffer.from('third version of du.')];
  let dupServed = 0;
  const files: Record<string, Buffer> = {
    '/tree/ok.txt': Buffer.from('hello world'),
    '/tree/sub/inner.txt': Buffer.from('inner file'),
  };
  return {
    listing: (path, command) => {
      const line = command === 'MLSD' ? mlsdLine : unixLine;
      if (path === '/tree') return Buffer.concat(names.map((n) => line(n.name, { ...(n.directory ? { directory: true } : {}), size: n.size ?? 1 })));
      if (path === '/tree/sub') return Buffer.concat([line('inner.txt', { size: 10 }), line('../../sub-escape'), line('..', { directory: true })]);
      return null;
    },
    file: (path) => {
      if (path === '/tree/dup.txt') return dupVersions[dupServed++ % dupVersions.length] as Buffer;
      return files[path] ?? null;
    },
    expected: { 'ok.txt': 'ok.txt', 'sub/inner.txt': 'sub/inner.txt' },
    outside: [`/tmp/${outsideName}`, `/etc/${outsideName}`, `/${outsideName}`],
    dupVersions,
    entryCount: names.length,
  };
}

/** The outcome of downloading a hostile tree into `sandbox/deep/er/chosen`. */
export interface TreeDownloadResult {
  readonly chosen: string;
  /** Files and folders under the sandbox that are not under the chosen folder: must be empty. */
  readonly escaped: readonly string[];
  /** Absolute paths outside the sandbox that exist afterwards: must be empty. */
  readonly outsideWritten: readonly string[];
  /** Relative paths under the chosen folder. */
  readonly written: readonly string[];
  readonly okContent: string | null;
  readonly dupContent: Buffer | null;
  readonly server: HostileServer;
}

async function inSandbox(id: string, tree: HostileTree, mode: 'explicit' | 'plain', fleet: FleetInfo, run: (server: HostileServer, chosen: string) => Promise<void>): Promise<Omit<TreeDownloadResult, 'server'> & { server: HostileServer }> {
  const cert = fleetCertificate(fleet, 'server');
  const server = await startHostileServer({ mode, key: cert.key, cert: cert.cert, features: id.includes('mlsd') ? ['MLST type*;size*;modify*;'] : [], listing: tree.listing, file: tree.file });
  const sandbox = mkdtempSync(join(tmpdir(), 'wharf-hostile-tree-'));
  const chosen = join(sandbox, 'deep', 'er', 'chosen');
  mkdirSync(chosen, { recursive: true });
  try {
    await run(server, chosen);
    const all = filesBelow(sandbox);
    const chosenRel = 'deep/er/chosen';
    const escaped = all.filter((p) => p !== 'deep' && p !== 'deep/er' && p !== chosenRel && !p.startsWith(`${chosenRel}/`));
    const written = all.filter((p) => p.startsWith(`${chosenRel}/`)).map((p) => p.slice(chosenRel.length + 1));
    return {
      chosen,
      escaped,
      outsideWritten: tree.outside.filter((p) => existsSync(p)),
      written,
      okContent: existsSync(join(chosen, 'ok.txt')) ? readFileSync(join(chosen, 'ok.txt'), 'utf8') : null,
      dupContent: existsSync(join(chosen, 'dup.txt')) ? readFileSync(join(chosen, 'dup.txt')) : null,
      server,
    };
  } finally {
    await server.close();
    rmSync(sandbox, { recursive: true, force: true });
    for (const p of tree.outside) rmSync(p, { force: true, recursive: true });
  }
}

/** Downloads the hostile tree with the transfer queue, as the app does (a folder added by its remote path). */
export async function downloadTreeWithQueue(fleet: FleetInfo, id: string): Promise<TreeDownloadResult & { readonly items: readonly TransferItem[]; readonly skipped: readonly SkippedEntry[] }> {
  const tree = hostileTree(id);
  let items: TransferItem[] = [];
  let skipped: SkippedEntry[] = [];
  const cert = fleetCertificate(fleet, 'server');
  const result = await inSandbox(id, tree, 'explicit', fleet, async (server, chosen) => {
    const queue = await TransferQueue.open({
      openSession: () =>
        FtpsSession.open({
          target: { host: '127.0.0.1', port: server.port, mode: 'explicit', user: USER, dataMode: 'passive', minTlsVersion: 'TLSv1.2', timezoneOffsetMinutes: 0, encoding: 'utf8' },
          password: PASSWORD,
          pinnedFingerprint: cert.fingerprint,
          keepAliveIntervalMs: 0,
          timeoutMs: 5000,
        }),
      stateFile: null,
      defaultOverwrite: 'overwrite',
      retry: { baseDelayMs: 20, maxDelayMs: 50 },
    });
    try {
      const added = await queue.add({ direction: 'download', siteKey: 'hostile', localPath: chosen, remotePath: '/tree', kind: 'directory' });
      skipped = [...added.skipped];
      await queue.whenSettled();
      items = [...queue.getSnapshot().items];
    } finally {
      await queue.stop();
    }
  });
  return { ...result, items, skipped };
}

/** Downloads the hostile tree with `wharf get -r` in a child process. */
export async function downloadTreeWithCli(fleet: FleetInfo, id: string): Promise<TreeDownloadResult & { readonly run: CliRun }> {
  const tree = hostileTree(id);
  const cert = fleetCertificate(fleet, 'server');
  let run: CliRun | null = null;
  const result = await inSandbox(id, tree, 'explicit', fleet, async (server, chosen) => {
    run = await runWharf(['get', '-r', `ftpes://${USER}@127.0.0.1:${server.port}/tree`, chosen, '--fingerprint', `SHA256:${cert.fingerprint.replace(/:/g, '')}`, '--overwrite', 'overwrite', '--timeout', '5'], { WHARF_PASSWORD: PASSWORD });
  });
  return { ...result, run: run as unknown as CliRun };
}

/** Figures of a hostile-tree download: what was refused counts as faults, what arrived whole as completed. */
export function treeFigures(scenario: string, result: TreeDownloadResult, transfersRun: number, completed: number): ScenarioFigures {
  const served = hostileTree('count').entryCount;
  const clear = result.server.clearBytes().includes(Buffer.from(PASSWORD)) ? 1 : 0;
  const bad = result.escaped.length + result.outsideWritten.length + (result.okContent !== 'hello world' ? 1 : 0);
  return {
    scenario,
    transfersRun,
    faultsInjected: served,
    completed,
    bytesVerified: (result.okContent === 'hello world' ? 11 : 0) + (result.written.includes('sub/inner.txt') ? 10 : 0),
    lostOrCorrupted: bad,
    credentialsInClear: clear,
    notes: `${result.written.length} paths written, all under the chosen folder; ${result.escaped.length + result.outsideWritten.length} outside`,
  };
}
