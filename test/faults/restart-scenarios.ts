/**
 * Crashes around a running queue: the server killed and restarted mid-queue, and the Wharf process itself
 * killed (SIGKILL) mid-queue and started again from its saved queue file.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TransferItem } from '../../common/models/transfer';
import { FtpsSession } from '../../main/ftps/session';
import type { NewTransferItem } from '../../main/transfers/transfer-scheduler';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { targetFor, testBytes } from '../ftps/support';
import { serverLog, startFleet, writeServerFile, type FleetInfo, type ServerInfo } from '../servers/fleet';
import { killTree, pidByCommandLine, respawn, waitForPort } from './processes';
import { describeUnfinished, mixedFiles, sha256, verifyFolder, waitForItem, writeFiles, type RunLength, type ScenarioFigures } from './support';

const MiB = 1024 * 1024;

function sessionFactory(server: ServerInfo, caCertPem: string) {
  return () =>
    FtpsSession.open({
      target: targetFor(server),
      password: server.password,
      extraCaPem: [caCertPem],
      keepAliveIntervalMs: 0,
      timeoutMs: 5000,
    });
}

/**
 * A dedicated vsftpd (so the shared fleet is not disturbed) is SIGKILLed with its session processes while
 * uploads and downloads run, and started again on the same port with the same config once the queue has
 * noticed. The queue is left alone: with its default retry policy it must wait, reconnect and finish.
 */
export async function runServerRestartScenario(length: RunLength, seed: number): Promise<ScenarioFigures & { readonly problems: readonly string[]; readonly noticedBy: string }> {
  const workDir = mkdtempSync(join(tmpdir(), 'wharf-restart-'));
  chmodSync(workDir, 0o755); // the FTP user must reach its root below it
  const fleet = await startFleet({ workDir: join(workDir, 'fleet'), only: ['vsftpd-explicit'] });
  const server = fleet.info.servers['vsftpd-explicit'];
  const confFile = join(fleet.info.workDir, 'conf', 'vsftpd-explicit.conf');
  const vsftpd = join(process.env.WHARF_TOOLS_DIR || '/opt/wharf-tools', 'servers', 'vsftpd', 'usr/sbin/vsftpd');
  const files = mixedFiles(length, seed).filter((f) => f.data.length > 0);
  const up = join(workDir, 'up');
  const down = join(workDir, 'down');
  writeFiles(up, files);
  for (const f of files) writeServerFile(server, `served/${f.name}`, f.data);
  let restarted: ReturnType<typeof respawn> | null = null;
  const queue = await TransferQueue.open({
    openSession: sessionFactory(server, fleet.info.caCertPem),
    stateFile: null,
    defaultOverwrite: 'overwrite',
    // Slow enough that the kill lands mid-transfer; lifted once the server is back.
    speedLimitBytesPerSecond: 2 * MiB,
  });
  const problems: string[] = [];
  try {
    const items: NewTransferItem[] = files.flatMap((f): NewTransferItem[] => [
      { kind: 'file', direction: 'download', siteKey: 'restart', localPath: join(down, f.name), remotePath: `/served/${f.name}`, size: f.data.length },
      { kind: 'file', direction: 'upload', siteKey: 'restart', localPath: join(up, f.name), remotePath: `/uploaded/${f.name}`, size: f.data.length },
    ]);
    queue.enqueue(items);
    await waitForItem(queue, (i) => i.state === 'running' && i.bytesDone >= 256 * 1024);
    const pid = pidByCommandLine(confFile);
    if (pid === null) throw new Error('the dedicated vsftpd was not found');
    killTree(pid);
    await waitForPort(server.port, 'closed');
    // The queue notices (a lost connection, a refused one) and backs off; only then does the server return.
    const noticed = await waitForItem(queue, (i) => i.lastError !== null && ['connection-lost', 'refused', 'timeout', 'data-channel'].includes(i.lastError.kind));
    restarted = respawn(vsftpd, [confFile]);
    await waitForPort(server.port, 'open');
    queue.setSpeedLimit(null);
    await queue.whenSettled();
    const all = queue.getSnapshot().items;
    const unfinished = describeUnfinished(all);
    if (unfinished) problems.push(`not done:\n${unfinished}`);
    const downloaded = verifyFolder(down, files);
    const uploaded = verifyFolder(join(server.root, 'uploaded'), files);
    problems.push(...downloaded.bad.map((b) => `local copy ${b}`), ...uploaded.bad.map((b) => `server copy ${b}`));
    const retried = all.filter((i) => i.attempts > 1);
    return {
      scenario: 'server killed (SIGKILL) and restarted mid-queue (vsftpd)',
      transfersRun: all.length,
      faultsInjected: 1,
      completed: all.filter((i) => i.state === 'done').length - downloaded.bad.length - uploaded.bad.length,
      bytesVerified: downloaded.bytes + uploaded.bytes,
      lostOrCorrupted: downloaded.bad.length + uploaded.bad.length,
      credentialsInClear: 0,
      notes: `${retried.length} transfers retried, up to ${Math.max(...all.map((i) => i.attempts))} attempts; first noticed as ${noticed.lastError?.kind}`,
      noticedBy: noticed.lastError?.kind ?? '',
      problems,
    };
  } finally {
    await queue.stop();
    if (restarted?.pid !== undefined) killTree(restarted.pid);
    await fleet.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** What the child running a queue (queue-child.ts) is told. */
export interface QueueChildConfig {
  readonly server: ServerInfo;
  readonly caCertPem: string;
  readonly stateFile: string;
  readonly items: readonly NewTransferItem[];
  readonly speedLimitBytesPerSecond: number;
  /** Added to every login: a slow network's TLS handshake and login. */
  readonly loginDelayMs: number;
}

/**
 * A child process runs a queue with a saved queue file and is SIGKILLed mid-download: no chance to save
 * or close anything. A new queue opened on the same file must restore every item, and the partial
 * downloads must continue from their temporary files' offsets (REST in the server log), not from byte 0.
 */
export async function runProcessKillScenario(fleet: FleetInfo, length: RunLength, seed: number, options: { readonly slowLogin?: boolean } = {}): Promise<ScenarioFigures & {
  readonly problems: readonly string[];
  readonly partSizesAtKill: Readonly<Record<string, number>>;
  readonly restored: readonly TransferItem[];
  readonly finished: readonly TransferItem[];
  readonly restLines: readonly string[];
  /** What the queue file said about each item when the process died. */
  readonly savedAtKill: readonly TransferItem[];
}> {
  const server = fleet.servers['vsftpd-explicit'];
  const work = mkdtempSync(join(tmpdir(), 'wharf-kill-'));
  const id = `kill-${process.pid}-${seed}`;
  // With a slow login, one large file: the queue file is written (1 s after the last change) while its
  // transfer still logs in, and nothing changes again before the kill.
  const sizes = options.slowLogin ? [6 * MiB + 3] : length === 'short' ? [3 * MiB + 1, 2 * MiB + 7, 65_537] : [8 * MiB + 1, 6 * MiB + 7, 3 * MiB, 1 * MiB, 65_537, 1];
  const files = sizes.map((size, i) => ({ size, i }));
  const served = files.map(({ size, i }) => ({ name: `big-${i}.bin`, data: testBytes(size, seed * 100 + i + 1) }));
  for (const f of served) writeServerFile(server, `${id}/${f.name}`, f.data);
  const down = join(work, 'down');
  const stateFile = join(work, 'state', 'queue.json');
  const config: QueueChildConfig = {
    server,
    caCertPem: fleet.caCertPem,
    stateFile,
    items: served.map((f) => ({ kind: 'file', direction: 'download', siteKey: 'killed', localPath: join(down, f.name), remotePath: `/${id}/${f.name}`, size: f.data.length })),
    speedLimitBytesPerSecond: 2 * MiB,
    loginDelayMs: options.slowLogin ? 1500 : 0,
  };
  const configFile = join(work, 'config.json');
  writeFileSync(configFile, JSON.stringify(config));
  const childScript = fileURLToPath(new URL('./queue-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, configFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const problems: string[] = [];
  const partSizesAtKill: Record<string, number> = {};
  let queue: TransferQueue | null = null;
  try {
    // The child prints a line per queue update; kill it once a download is well under way and the queue
    // file holds the running items.
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        const update = JSON.parse(line) as { items: { localPath: string; state: string; bytesDone: number }[] };
        const far = update.items.some((i) => i.state === 'running' && i.bytesDone >= MiB);
        if (far && existsSync(stateFile)) resolve();
      });
      void exited.then(() => reject(new Error('the queue child exited before it could be killed')));
    });
    const logBefore = serverLog(server).length;
    child.kill('SIGKILL');
    await exited;
    const savedAtKill = (JSON.parse(readFileSync(stateFile, 'utf8')) as { items: TransferItem[] }).items;
    for (const f of served) {
      const part = savedAtKill.find((i) => i.localPath === join(down, f.name))?.temporaryLocalPath ?? null;
      if (part !== null && existsSync(part)) partSizesAtKill[f.name] = statSync(part).size;
      if (existsSync(join(down, f.name))) problems.push(`${f.name} sits under its final name after the kill`);
    }

    queue = await TransferQueue.open({ openSession: sessionFactory(server, fleet.caCertPem), stateFile, defaultOverwrite: 'overwrite' });
    const restored = [...queue.getSnapshot().items];
    if (restored.length !== served.length) problems.push(`restored ${restored.length} of ${served.length} items`);
    queue.controls.resumeAll();
    await queue.whenSettled();
    const finished = [...queue.getSnapshot().items];
    const unfinished = describeUnfinished(finished);
    if (unfinished) problems.push(`not done:\n${unfinished}`);
    const restLines = serverLog(server).slice(logBefore).split('\n').filter((l) => /"REST \d+"/.test(l));
    for (const [name, size] of Object.entries(partSizesAtKill)) {
      const item = finished.find((i) => i.localPath.endsWith(`/${name}`));
      if (size > 0 && item?.resumedFrom !== size) problems.push(`${name}: ${size} bytes were in its temporary file, the restart resumed from ${item?.resumedFrom ?? 'nothing'}`);
    }
    const check = verifyFolder(down, served.map((f) => ({ name: f.name, data: f.data, sha256: sha256(f.data) })));
    problems.push(...check.bad);
    return {
      scenario: `Wharf killed (SIGKILL) mid-queue, restarted from its queue file${options.slowLogin ? ' (saved before the first byte)' : ''}`,
      transfersRun: finished.length,
      faultsInjected: 1,
      completed: finished.filter((i) => i.state === 'done').length - check.bad.length,
      bytesVerified: check.bytes,
      lostOrCorrupted: check.bad.length,
      credentialsInClear: 0,
      notes: `${finished.filter((i) => i.resumedFrom > 0).length} of ${Object.values(partSizesAtKill).filter((s) => s > 0).length} partial downloads resumed from their temporary files (REST); the queue file held offsets ${savedAtKill.map((i) => i.bytesDone).join(', ')}`,
      problems,
      partSizesAtKill,
      restored,
      finished,
      restLines,
      savedAtKill,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await queue?.stop();
    rmSync(work, { recursive: true, force: true });
    rmSync(join(server.root, id), { recursive: true, force: true });
  }
}

