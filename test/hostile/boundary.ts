/**
 * The download boundary's hostile folder, shared by the services, CLI and Chromium tests and by
 * scripts/reliability.ts: one listing holding every trick a server can play with a name (traversal in the
 * middle, `../`, `..\`, an absolute path, a control character, Windows device names, a trailing dot, an
 * over-long name) beside honest files, two of which (`a`, `a.part`) collide under the old `.part` scheme.
 * The server serves bytes for every name, so a client that trusted a name would write them somewhere.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TransferItem } from '../../common/models/transfer';
import { FtpsSession } from '../../main/ftps/session';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import type { ScenarioFigures } from '../faults/support';
import { mlsdLine, startHostileServer, type HostileServer } from './hostile-server';
import { PASSWORD, USER } from './scenarios';
import type { TestCertificate } from './support';

/** A name the folder lists that no client may write, and the words its refusal must hold. */
export interface Trick {
  readonly name: string;
  readonly reason: RegExp;
}

/** What the boundary folder serves and what a correct client ends up with. */
export interface BoundaryFolder {
  /** The folder on the server. */
  readonly remoteFolder: string;
  readonly tricks: readonly Trick[];
  /** Honest name -> content: each must arrive whole. */
  readonly honest: Readonly<Record<string, string>>;
  /** Absolute paths a broken client would write to outside any test folder; none may exist afterwards. */
  readonly absoluteOutside: readonly string[];
  listing(path: string, command: 'LIST' | 'MLSD' | 'NLST'): Buffer | null;
  file(path: string): Buffer | null;
}

/** The bytes served for a hostile name: whoever finds them has found an escape. */
export const HOSTILE_BYTES = 'written by the hostile server';

/** The folder as served at `/dl`; `tag` keeps absolute paths of parallel runs apart. */
export function boundaryFolder(tag: string): BoundaryFolder {
  const id = tag.replace(/[^A-Za-z0-9-]/g, '');
  const outside = /would be written outside/;
  const tricks: Trick[] = [
    { name: `sub/../../escape-mid-${id}.txt`, reason: outside },
    { name: `../up-${id}.txt`, reason: outside },
    { name: `..\\back-${id}.txt`, reason: outside },
    { name: `/etc/abs-${id}.txt`, reason: outside },
    { name: `bell\u0007${id}.txt`, reason: /control character/ },
    { name: 'CON', reason: /reserved Windows device name/ },
    { name: 'nul.txt', reason: /reserved Windows device name/ },
    { name: 'COM1.tar.gz', reason: /reserved Windows device name/ },
    { name: `trailing-${id}.`, reason: /ends with a dot or space/ },
    { name: `${'long'.repeat(70)}.txt`, reason: /longer than 255 bytes/ },
  ];
  const honest: Record<string, string> = { 'ok.txt': 'hello world', a: 'the file named a', 'a.part': 'the server file named a.part, not a partial one' };
  const remoteFolder = '/dl';
  return {
    remoteFolder,
    tricks,
    honest,
    absoluteOutside: [`/etc/abs-${id}.txt`, `/escape-mid-${id}.txt`, `/up-${id}.txt`],
    listing: (path) => {
      if (path === '/') return mlsdLine(remoteFolder.slice(1), { directory: true });
      if (path !== remoteFolder) return null;
      return Buffer.concat([
        ...Object.entries(honest).map(([name, content]) => mlsdLine(name, { size: Buffer.byteLength(content) })),
        ...tricks.map((t) => mlsdLine(t.name, { size: HOSTILE_BYTES.length })),
      ]);
    },
    file: (path) => {
      const name = path.startsWith(`${remoteFolder}/`) ? path.slice(remoteFolder.length + 1) : '';
      return Buffer.from(honest[name] ?? HOSTILE_BYTES);
    },
  };
}

/** A TLS hostile server (explicit AUTH TLS, MLSD) serving the boundary folder. */
export function startBoundaryServer(folder: BoundaryFolder, cert: TestCertificate): Promise<HostileServer> {
  return startHostileServer({ mode: 'explicit', key: cert.key, cert: cert.cert, features: ['MLST type*;size*;modify*;'], listing: (p, c) => folder.listing(p, c), file: (p) => folder.file(p) });
}

/**
 * Everything below `base` (the whole temporary home of a test) that is neither one of the `allowed`
 * folders (relative to base) nor inside one: what was written where it must not be.
 */
export function strayPaths(base: string, allowed: readonly string[]): string[] {
  const all = execFileSync('find', [base, '-mindepth', '1'], { encoding: 'utf8' }).split('\n').filter((l) => l.length > 0).map((p) => p.slice(base.length + 1));
  const isAncestorOrInside = (p: string) => allowed.some((a) => p === a || p.startsWith(`${a}/`) || a.startsWith(`${p}/`));
  return all.filter((p) => !isAncestorOrInside(p));
}

/** The absolute paths of the folder's tricks that exist afterwards (must be none). */
export function absoluteEscapes(folder: BoundaryFolder): string[] {
  return folder.absoluteOutside.filter((p) => existsSync(p));
}

/**
 * The boundary as a reliability figure: every entry of the hostile folder selected and downloaded through
 * the queue the way a pane sends it (the folder shown and the name as listed) into `sandbox/home/Downloads`.
 * Lost or corrupted counts honest files missing or wrong plus every path written outside the chosen folder.
 */
export async function runBoundaryFigures(cert: TestCertificate): Promise<ScenarioFigures & { readonly problems: readonly string[] }> {
  const folder = boundaryFolder(`fig-${process.pid}`);
  const server = await startBoundaryServer(folder, cert);
  const sandbox = mkdtempSync(join(tmpdir(), 'wharf-boundary-fig-'));
  const chosen = join(sandbox, 'home', 'Downloads');
  mkdirSync(chosen, { recursive: true });
  try {
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
    });
    let items: readonly TransferItem[];
    try {
      for (const name of [...Object.keys(folder.honest), ...folder.tricks.map((t) => t.name)]) {
        await queue.add({ direction: 'download', siteKey: 'hostile', localFolder: chosen, remoteFolder: folder.remoteFolder, name, kind: 'file' });
      }
      await queue.whenSettled();
      items = queue.getSnapshot().items;
    } finally {
      await queue.stop();
    }
    const outside = [...strayPaths(sandbox, ['home/Downloads']), ...absoluteEscapes(folder)];
    const wrong = Object.entries(folder.honest).filter(([name, content]) => !existsSync(join(chosen, name)) || readFileSync(join(chosen, name), 'utf8') !== content).map(([name]) => name);
    const refused = items.filter((i) => i.state === 'failed' && i.lastError?.kind === 'unsafe-name');
    const unexplained = folder.tricks.filter((t) => !refused.some((i) => t.reason.test(i.lastError?.message ?? ''))).map((t) => t.name);
    return {
      scenario: 'hostile names in a pane selection (`sub/../../x`, `../x`, `..\\x`, `/etc/x`, control characters, device names, trailing dot, over-long; `a` beside `a.part`)',
      transfersRun: items.length,
      faultsInjected: folder.tricks.length,
      completed: items.filter((i) => i.state === 'done').length,
      bytesVerified: Object.values(folder.honest).reduce((n, c) => n + Buffer.byteLength(c), 0) - wrong.reduce((n, name) => n + Buffer.byteLength(folder.honest[name] ?? ''), 0),
      lostOrCorrupted: wrong.length + outside.length,
      credentialsInClear: server.clearBytes().includes(Buffer.from(PASSWORD)) ? 1 : 0,
      notes: `${refused.length} tricked names each failed alone with its reason; ${outside.length} files written outside the chosen folder; a and a.part both intact`,
      problems: [...outside.map((p) => `written outside: ${p}`), ...wrong.map((n) => `${n} missing or wrong`), ...unexplained.map((n) => `${JSON.stringify(n)} not refused with its reason`)],
    };
  } finally {
    await server.close();
    rmSync(sandbox, { recursive: true, force: true });
    for (const p of folder.absoluteOutside) rmSync(p, { force: true });
  }
}
