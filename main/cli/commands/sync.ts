import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LogLine } from '../../../common/models';
import type { SyncAction, SyncActionResult, SyncDirection, SyncPlan, SyncRunResult } from '../../../common/models/sync';
import { explainFailure, exitCodeFor, reportCliFailure } from '../exit-codes';
import { RECURSION_LIMIT_OPTIONS, recursionLimitFlags, stopAtRecursionLimit } from '../recursion-limit';
import { syncUsage } from '../usage';
import { resolveCliConnection, settleSiteSaves, type CliConnection } from '../connection';
import { CONNECTION_OPTIONS, KEEP_TIMES_OPTIONS, connectionFlags, keepTimesFlag } from '../connection-flags';
import type { CliIo } from '../io';
import { forTerminal } from '../terminal';
import { t } from '../../../common/i18n/t';
import { formatBytes } from '../../core/bytes';
import { WharfError } from '../../core/errors';
import { FtpsSession, type SessionOptions } from '../../ftps/session';
import { defaultDataDir } from '../../sites/site-store';
import { TransferQueue } from '../../transfers/transfer-queue';
import { compareFolders } from '../../sync/compare-folders';
import { planSync } from '../../sync/plan';
import { runSyncPlan } from '../../sync/run';
import { FileSyncStateStore, syncPairKey } from '../../sync/sync-state';

function formatSize(n: number | null): string {
  return n === null ? '' : ` (${formatBytes(n)})`;
}

function describeAction(a: SyncAction): string {
  const where = t(a.operation === 'delete' ? (a.target === 'remote' ? 'cli.sync.where.deleteRemote' : 'cli.sync.where.deleteLocal') : a.target === 'remote' ? 'cli.sync.where.toRemote' : 'cli.sync.where.toLocal');
  const name = a.kind === 'directory' ? `${a.relativePath}/` : a.relativePath;
  return `${a.operation.padEnd(9)} ${where} ${name}${formatSize(a.size)}  ${a.reason}${a.warning ? `  (${a.warning})` : ''}`;
}

/** A plan as text: one line per action with its checkbox, then conflicts, skipped entries and notes. */
export function formatSyncPlan(plan: SyncPlan, included: ReadonlySet<string>): string {
  const heading = plan.direction === 'up' ? 'cli.sync.heading.up' : plan.direction === 'down' ? 'cli.sync.heading.down' : 'cli.sync.heading.mirror';
  const lines = [t(heading, { local: plan.localRoot, remote: plan.remoteRoot, deletion: t(plan.deleteEnabled ? 'cli.sync.deletion.chosen' : 'cli.sync.deletion.notChosen') })];
  // Conflicts alone leave nothing to do, but the folders do not match.
  if (plan.actions.length === 0 && plan.conflicts.length === 0) lines.push(t('cli.sync.nothingToDo'));
  for (const a of plan.actions) lines.push(`  [${included.has(a.id) ? 'x' : ' '}] ${describeAction(a)}`);
  if (plan.conflicts.length > 0) {
    lines.push(t('cli.sync.conflicts'));
    for (const c of plan.conflicts) lines.push(`  ${c.relativePath}: ${c.reason}`);
  }
  if (plan.skipped.length > 0) {
    lines.push(t('cli.sync.skipped'));
    for (const s of plan.skipped) lines.push(t(s.side === 'remote' ? 'cli.sync.skippedRemote' : 'cli.sync.skippedLocal', { path: s.path, reason: s.reason }));
  }
  for (const note of plan.notes) lines.push(t('cli.sync.note', { note }));
  const { copy, overwrite, delete: deletions, bytesUp, bytesDown } = plan.summary;
  lines.push(
    t('cli.sync.planSummary', {
      copy: String(copy),
      overwrite: String(overwrite),
      deletions: String(deletions),
      up: formatSize(bytesUp).replace(/[()]/g, '') || ' 0 B',
      down: formatSize(bytesDown).replace(/[()]/g, '') || ' 0 B',
    }),
  );
  // Names come from the server: escape sequences and bidirectional overrides reach the terminal escaped.
  return lines.map(forTerminal).join('\n');
}

function describeResult(plan: SyncPlan, r: SyncActionResult): string {
  return forTerminal(resultLine(plan, r));
}

function resultLine(plan: SyncPlan, r: SyncActionResult): string {
  const action = plan.actions.find((a) => a.id === r.actionId);
  const what = action ? `${action.operation} ${action.relativePath}` : r.actionId;
  if (r.status === 'done') return r.verifiedBy ? t('cli.sync.result.doneVerified', { what, verifiedBy: r.verifiedBy }) : t('cli.sync.result.done', { what });
  if (r.status === 'skipped') return r.note ? t('cli.sync.result.skippedNote', { what, note: r.note }) : t('cli.sync.result.skipped', { what });
  return t('cli.sync.result.failed', { what, reason: r.error ? explainFailure(r.error) : t('cli.sync.unknownError') });
}

/** A sync that did everything else but left conflicts (listed under "Conflicts:") or unticked overwrites of a newer copy undone. */
export const EXIT_SYNC_CONFLICTS = 10;

/** The exit code of a run: 0 when nothing failed, else by the first failure's kind. */
export function syncExitCode(run: SyncRunResult): number {
  const failed = run.results.find((r) => r.status === 'failed');
  if (!failed) return 0;
  return exitCodeFor(failed.error ?? { kind: 'internal' });
}

function sessionOptions(connection: CliConnection, timeoutMs: number, io: CliIo): SessionOptions {
  const told = new Set<string>();
  return {
    onNotice: (text) => {
      if (!told.has(text)) io.err(`wharf: ${text}`);
      told.add(text);
    },
    target: connection.target,
    password: connection.password,
    allowPlain: connection.allowPlain,
    ...connection.reach,
    extraCaPem: connection.extraCaPem,
    ...(connection.pinnedFingerprint ? { pinnedFingerprint: connection.pinnedFingerprint } : {}),
    ...(connection.trustStore ? { trustStore: connection.trustStore } : {}),
    insecure: connection.insecure,
    decideTrust: connection.decideTrust,
    timeoutMs,
    keepAliveIntervalMs: 0,
    ...connection.offsetDetection,
    // The command log on stderr, as get and put print it: every session of the run, the pool's too.
    ...(io.env.WHARF_DEBUG ? { onLog: (line: LogLine) => io.err(`${line.direction} ${line.text}`) } : {}),
  };
}

/**
 * `wharf sync LOCAL URL --direction up|down|mirror [--delete] [--dry-run]`: compares, prints the plan, and
 * unless --dry-run carries out the ticked actions through a transfer queue (verifying each file). Returns
 * the exit code; never throws.
 */
export async function runSyncCommand(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        ...CONNECTION_OPTIONS,
        direction: { type: 'string' },
        delete: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        'overwrite-newer': { type: 'boolean', default: false },
        'no-hash': { type: 'boolean', default: false },
        'size-only': { type: 'boolean', default: false },
        parallel: { type: 'string', default: '2' },
        'in-place': { type: 'boolean', default: false },
        ...KEEP_TIMES_OPTIONS,
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        ...RECURSION_LIMIT_OPTIONS,
      },
    });
    if (values.help) {
      io.out(syncUsage());
      return 0;
    }
    const [localArg, url, ...extra] = positionals;
    if (!localArg || !url || extra.length > 0) throw new WharfError('invalid-input', t('cli.sync.usage'));
    const direction = values.direction as SyncDirection | undefined;
    if (direction !== 'up' && direction !== 'down' && direction !== 'mirror') throw new WharfError('invalid-input', t('cli.sync.direction'));
    const parallel = Number(values.parallel);
    if (!Number.isInteger(parallel) || parallel < 1 || parallel > 10) throw new WharfError('invalid-input', t('cli.flags.parallel'));
    const localRoot = resolve(localArg);
    const info = await stat(localRoot).catch(() => null);
    // A folder to download into may be new, as `get -r` makes it; one to upload from must exist.
    if (info === null ? direction === 'up' : !info.isDirectory()) throw new WharfError('local-io', t('cli.sync.notAFolder', { path: localArg }));
    const flags = connectionFlags(values);
    const budget = recursionLimitFlags(values);
    const offset = flags.timezoneOffsetMinutes;
    const connection = await resolveCliConnection(url, flags, io);
    const remoteRoot = connection.path.length > 1 ? connection.path.replace(/\/+$/, '') : '/';
    const options = sessionOptions(connection, flags.timeout * 1000, io);

    const session = await FtpsSession.open(options);
    let queue: TransferQueue | null = null;
    try {
      const compare = await compareFolders(session, {
        localRoot,
        remoteRoot,
        recursive: true,
        listingOffsetMinutes: connection.target.timezoneOffsetMinutes,
        ...(offset !== undefined ? { timezoneOffsetMinutes: offset } : {}),
        useHash: !values['no-hash'],
        sizeOnly: values['size-only'] === true,
        missingRootsAreEmpty: true,
        // The plan is made from the whole walk: one stopped at its limit has changed nothing.
        budget,
        onBudgetExceeded: stopAtRecursionLimit(t('cli.sync.nothingChanged')),
      });
      const state = new FileSyncStateStore(defaultDataDir(io.env as NodeJS.ProcessEnv));
      const pairKey = syncPairKey(`${connection.target.user}@${connection.target.host}:${connection.target.port}`, remoteRoot, localRoot);
      const plan = planSync(compare, { direction, delete: values.delete === true, baseline: await state.load(pairKey) });
      const chosen = plan.actions.filter((a) => a.selected || values['overwrite-newer'] === true).map((a) => a.id);
      if (!values.json) io.out(formatSyncPlan(plan, new Set(chosen)));
      // A server folder left out (it could not be read) makes the sync partial: the rest is done, the exit code says so.
      const unread = plan.skipped.filter((s) => s.unreadFolder === true);
      for (const folder of unread) io.err(`wharf: ${folder.reason}`);
      const partial = unread.length > 0 ? exitCodeFor({ kind: 'ftp' }) : 0;
      // Conflicts, and overwrites of a newer copy not ticked (--overwrite-newer), are left for a person to decide:
      // the folders are not in step, and a script must not read 0. A dry run ends as the real run would
      // (as rsync's does), so a script can check a plan before running it.
      const leftUndone = plan.conflicts.length > 0 || plan.actions.some((a) => !chosen.includes(a.id));
      const undoneCode = leftUndone ? EXIT_SYNC_CONFLICTS : 0;
      if (values['dry-run']) {
        if (values.json) io.out(JSON.stringify({ plan, chosen }, null, 2));
        else io.out(t('cli.sync.dryRun'));
        return partial || undoneCode;
      }
      if (info === null) await mkdir(localRoot, { recursive: true });
      // The pool's connections carry the certificate decision made for this one.
      const accepted = session.report.certificateTrust === 'accepted-once' ? session.report.certificate?.fingerprintSha256 : undefined;
      const poolOptions: SessionOptions = { ...options, ...(accepted ? { pinnedFingerprint: accepted } : {}) };
      queue = await TransferQueue.open({
        openSession: () => FtpsSession.open(poolOptions),
        stateFile: null,
        defaultConcurrency: parallel,
        defaultOverwrite: 'overwrite',
        // --keep-times / --no-keep-times win over the site's setting for this run only.
        keepUploadTimes: () => keepTimesFlag(values) ?? connection.keepModifiedTimes,
      });
      const run = await runSyncPlan(plan, {
        queue,
        siteKey: 'cli',
        session,
        actionIds: chosen,
        uploadViaTemporaryName: connection.uploadViaTemporaryName && values['in-place'] !== true,
        state: { store: state, pairKey },
        ...(values.json || values.quiet ? {} : { onAction: (r: SyncActionResult) => io.err(describeResult(plan, r)) }),
      });
      if (values.json) {
        io.out(JSON.stringify({ plan, chosen, run }, null, 2));
      } else {
        io.out(t('cli.sync.runSummary', { done: String(run.summary.done), skipped: String(run.summary.skipped), failed: String(run.summary.failed) }));
        for (const r of run.results) if (r.status !== 'done') io.out(`  ${describeResult(plan, r)}`);
      }
      return syncExitCode(run) || partial || undoneCode;
    } finally {
      await queue?.stop();
      await session.close();
      await settleSiteSaves();
    }
  } catch (err) {
    return reportCliFailure(err, io, { argv: ['sync', ...args], help: 'wharf sync --help' });
  }
}
