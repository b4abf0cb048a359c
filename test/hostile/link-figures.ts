/**
 * The link and recursion cases of issue #13 as reliability figures (scripts/reliability.ts), asserted by
 * test/hostile/link-figures.test.ts: links planted at a download's target, its temporary file and a
 * subfolder, each leading outside the chosen folder; a folder upload holding links that lead out of it;
 * and an endless remote tree stopped at its depth budget. Lost or corrupted counts honest files missing or
 * wrong, files outside the chosen folder changed or added, and (uploads) server files holding outside bytes.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { FtpsSession } from '../../main/ftps/session';
import { WharfError } from '../../main/core/errors';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import type { ScenarioFigures } from '../faults/support';
import { targetFor } from '../ftps/support';
import type { FleetInfo } from '../servers/fleet';
import { mlsdLine, startHostileServer, unixLine } from './hostile-server';
import { hostileSessionFactory, type TestCertificate } from './support';

type Figures = ScenarioFigures & { readonly problems: readonly string[] };

/** Every file under a folder, as sorted relative paths (none when it does not exist); links are not followed. */
export function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

/** A folder to upload and what became of it. */
export interface LinkedFolder {
  readonly chosen: string;
  readonly secret: string;
  /** Honest files an upload carries (a link to a file inside the folder counts as its file). */
  readonly uploaded: readonly string[];
  /** Links leading out of the folder, or nowhere: never followed. */
  readonly refused: readonly string[];
}

/**
 * A folder to upload under `base`, beside `outside/` holding a secret file and folder: links inside it
 * point at the secret file, the secret folder (one from a subfolder, relatively) and a missing file; one
 * points at a file inside the folder.
 */
export function folderWithLinks(base: string): LinkedFolder {
  const secret = `secret ${randomBytes(8).toString('hex')}`;
  const outside = join(base, 'outside');
  mkdirSync(join(outside, 'private'), { recursive: true });
  writeFileSync(join(outside, 'secret.txt'), secret);
  writeFileSync(join(outside, 'private', 'key.txt'), secret);
  const chosen = join(base, 'chosen');
  mkdirSync(join(chosen, 'sub'), { recursive: true });
  writeFileSync(join(chosen, 'honest.txt'), 'honest');
  writeFileSync(join(chosen, 'sub', 'deeper.txt'), 'deeper');
  symlinkSync('honest.txt', join(chosen, 'inner-link.txt'));
  symlinkSync(join(outside, 'secret.txt'), join(chosen, 'out-file.txt'));
  symlinkSync(join(outside, 'private'), join(chosen, 'out-folder'));
  symlinkSync('../../outside/secret.txt', join(chosen, 'sub', 'out-file-below.txt'));
  symlinkSync(join(base, 'missing.txt'), join(chosen, 'dangling.txt'));
  return { chosen, secret, uploaded: ['honest.txt', 'inner-link.txt', 'sub/deeper.txt'], refused: ['dangling.txt', 'out-file.txt', 'out-folder', 'sub/out-file-below.txt'] };
}

/** The MLSD listing of `path` in a tree given as remote path -> content (null when nothing is below it). */
export function treeListing(files: Readonly<Record<string, string>>, path: string): Buffer | null {
  const below = Object.entries(files).filter(([p]) => p.startsWith(`${path}/`)).map(([p, content]) => [p.slice(path.length + 1), content] as const);
  if (below.length === 0) return null;
  const names = below.filter(([rest]) => !rest.includes('/')).map(([name, content]) => mlsdLine(name, { size: Buffer.byteLength(content) }));
  const folders = [...new Set(below.filter(([rest]) => rest.includes('/')).map(([rest]) => rest.split('/')[0] as string))].map((name) => mlsdLine(name, { directory: true }));
  return Buffer.concat([...names, ...folders]);
}

/** What the download server holds. */
const SERVED: Readonly<Record<string, string>> = {
  '/t/a': 'the file named a',
  '/t/b': 'the file named b',
  '/t/c': 'the file named c',
  '/t/sub/inner.txt': 'inner file',
};

/**
 * A folder download into a chosen folder where links were planted: at the target `t/a`, at the recorded
 * temporary file of `t/b`, and at the subfolder `t/sub`, each leading to the user's files outside.
 */
export async function runDownloadLinkFigures(cert: TestCertificate): Promise<Figures> {
  const server = await startHostileServer({
    mode: 'explicit', key: cert.key, cert: cert.cert, features: ['MLST type*;size*;modify*;'],
    listing: (path) => treeListing(SERVED, path),
    file: (path) => (SERVED[path] === undefined ? null : Buffer.from(SERVED[path])),
  });
  const sandbox = mkdtempSync(join(tmpdir(), 'wharf-link-fig-'));
  const chosen = join(sandbox, 'chosen');
  const outside = join(sandbox, 'outside');
  mkdirSync(join(chosen, 't'), { recursive: true });
  mkdirSync(outside);
  const victims: Record<string, string> = { 'target.txt': 'behind the link at the target', 'temporary.txt': 'behind the link at the temporary file' };
  for (const [name, content] of Object.entries(victims)) writeFileSync(join(outside, name), content);
  symlinkSync(join(outside, 'target.txt'), join(chosen, 't', 'a'));
  symlinkSync(outside, join(chosen, 't', 'sub'));
  try {
    const queue = await TransferQueue.open({ openSession: hostileSessionFactory(server.port, cert), stateFile: null, defaultOverwrite: 'overwrite' });
    let items;
    try {
      queue.controls.pauseAll();
      await queue.add({ direction: 'download', siteKey: 'links', localFolder: chosen, remoteFolder: '/', name: 't', kind: 'directory' });
      const temporary = queue.getSnapshot().items.find((i) => i.remotePath === '/t/b')?.temporaryLocalPath;
      if (temporary) symlinkSync(join(outside, 'temporary.txt'), temporary);
      queue.controls.resumeAll();
      await queue.whenSettled();
      items = queue.getSnapshot().items;
    } finally {
      await queue.stop();
    }
    const changedOutside = [
      ...Object.entries(victims).filter(([name, content]) => readFileSync(join(outside, name), 'utf8') !== content).map(([name]) => `outside/${name} changed`),
      ...filesUnder(outside).filter((name) => !(name in victims)).map((name) => `outside/${name} written`),
    ];
    const honest = ['/t/b', '/t/c'];
    const wrong = honest.filter((p) => readFileSync(join(chosen, p), { encoding: 'utf8', flag: 'r' }) !== SERVED[p]);
    const refused = items.filter((i) => i.state === 'failed' && i.lastError?.kind === 'unsafe-name' && /symbolic link to .*outside/.test(i.lastError.message));
    const unexplained = ['/t/a', '/t/sub/inner.txt'].filter((p) => !refused.some((i) => i.remotePath === p));
    return {
      scenario: 'links planted at a download\'s target, its temporary file and a subfolder, leading outside the chosen folder',
      transfersRun: items.length,
      faultsInjected: 3,
      completed: items.filter((i) => i.state === 'done').length,
      bytesVerified: honest.filter((p) => !wrong.includes(p)).reduce((n, p) => n + Buffer.byteLength(SERVED[p] ?? ''), 0),
      lostOrCorrupted: wrong.length + changedOutside.length,
      credentialsInClear: server.clearBytes().includes(Buffer.from('PASS ')) ? 1 : 0,
      notes: `${refused.length} items behind links leading outside failed alone with the reason; the link at the temporary file was replaced, not written through; ${changedOutside.length} files outside changed or written`,
      problems: [...changedOutside, ...wrong.map((p) => `${p} missing or wrong`), ...unexplained.map((p) => `${p} not refused with its reason`)],
    };
  } finally {
    await server.close();
    rmSync(sandbox, { recursive: true, force: true });
  }
}

/** A folder upload to vsftpd holding links that lead out of it (and a dangling one), through the queue. */
export async function runUploadLinkFigures(fleet: FleetInfo): Promise<Figures> {
  const server = fleet.servers['vsftpd-explicit'];
  const sandbox = mkdtempSync(join(tmpdir(), 'wharf-upload-link-fig-'));
  const folder = folderWithLinks(sandbox);
  const remote = `/upload-link-fig-${randomBytes(4).toString('hex')}`;
  try {
    const queue = await TransferQueue.open({
      openSession: () => FtpsSession.open({ target: targetFor(server), password: server.password, extraCaPem: [fleet.caCertPem], keepAliveIntervalMs: 0 }),
      stateFile: null,
      defaultOverwrite: 'overwrite',
    });
    let added;
    let items;
    try {
      added = await queue.add({ direction: 'upload', siteKey: 'links', localPath: folder.chosen, remotePath: remote, kind: 'directory' });
      await queue.whenSettled();
      items = queue.getSnapshot().items;
    } finally {
      await queue.stop();
    }
    const onServer = join(server.root, remote);
    const arrived = filesUnder(onServer);
    const leaked = arrived.filter((name) => readFileSync(join(onServer, name), 'utf8') === folder.secret);
    const missing = folder.uploaded.filter((name) => !arrived.includes(name));
    const skipped = added.skipped.map((s) => relative(folder.chosen, s.path)).sort();
    const unexplained = folder.refused.filter((name) => !skipped.includes(name));
    return {
      scenario: 'a folder upload holding links to files and folders outside it, and a dangling one (vsftpd-explicit)',
      transfersRun: items.length,
      faultsInjected: folder.refused.length,
      completed: items.filter((i) => i.state === 'done').length,
      bytesVerified: folder.uploaded.filter((name) => !missing.includes(name)).reduce((n, name) => n + readFileSync(join(onServer, name)).length, 0),
      lostOrCorrupted: missing.length + leaked.length,
      credentialsInClear: 0,
      notes: `${skipped.length} links left out with a reason; ${leaked.length} files from outside the folder on the server`,
      problems: [...leaked.map((n) => `${n} carries a file from outside the folder`), ...missing.map((n) => `${n} not uploaded`), ...unexplained.map((n) => `${n} not left out with its reason`)],
    };
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}

/** Depth bound of the endless tree's figure: small, as the CLI's `--max-depth` can make it. */
const ENDLESS_DEPTH = 8;

/** A server listing a tree without end (every folder holds a file and another folder), downloaded with a budget. */
export async function runRecursionBudgetFigures(cert: TestCertificate): Promise<Figures> {
  const server = await startHostileServer({
    mode: 'explicit', key: cert.key, cert: cert.cert,
    listing: () => Buffer.concat([unixLine('f.txt', { size: 1 }), unixLine('deeper', { directory: true })]),
    file: () => Buffer.from('x'),
  });
  const sandbox = mkdtempSync(join(tmpdir(), 'wharf-budget-fig-'));
  const chosen = join(sandbox, 'chosen');
  let asked = 0;
  try {
    const queue = await TransferQueue.open({
      openSession: hostileSessionFactory(server.port, cert),
      stateFile: null,
      expansionBudget: { maxItems: 100_000, maxDepth: ENDLESS_DEPTH },
      onBudgetExceeded: async () => {
        asked += 1;
        return false;
      },
    });
    let stopped: unknown = null;
    let items;
    try {
      await queue.add({ direction: 'download', siteKey: 'endless', localPath: chosen, remotePath: '/top', kind: 'directory' }).catch((err: unknown) => {
        stopped = err;
      });
      await queue.whenSettled();
      items = queue.getSnapshot().items;
    } finally {
      await queue.stop();
    }
    const stoppedClearly = stopped instanceof WharfError && stopped.kind === 'cancelled' && /stopped at \d+ folders deep/.test(stopped.message);
    const expected = ENDLESS_DEPTH + 1;
    const downloaded = filesUnder(chosen);
    const wrong = items.filter((i) => i.state !== 'done' || readFileSync(i.localPath, 'utf8') !== 'x');
    return {
      scenario: `an endless remote tree, downloaded with a depth budget of ${ENDLESS_DEPTH} (stop when asked)`,
      transfersRun: items.length,
      faultsInjected: 1,
      completed: items.filter((i) => i.state === 'done').length,
      bytesVerified: items.length - wrong.length,
      lostOrCorrupted: wrong.length,
      credentialsInClear: 0,
      notes: `asked once, stopped with a clear error; the ${items.length} files found before the bound were downloaded; ${downloaded.length} files on disk`,
      problems: [
        ...(stoppedClearly ? [] : [`the walk did not stop with a clear error: ${String(stopped)}`]),
        ...(asked === 1 ? [] : [`asked ${asked} times`]),
        ...(items.length === expected ? [] : [`${items.length} items queued, expected ${expected}`]),
        ...wrong.map((i) => `${i.remotePath} ${i.state}`),
      ],
    };
  } finally {
    await server.close();
    rmSync(sandbox, { recursive: true, force: true });
  }
}
