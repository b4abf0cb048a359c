/*
 * The file commands: ls, get, put, rm, mkdir and info, over one engine session each; get and put go
 * through the app's transfer queue (folder expansion, a pool of --parallel connections, retries,
 * overwrite policies, temporary names, verification).
 */
import { stat } from 'node:fs/promises';
import { basename, posix } from 'node:path';
import type { LogLine, RemoteEntry, SecurityReport } from '../../../common/models';
import { describeClientCertificateUse } from '../../../common/models/security';
import { t } from '../../../common/i18n/t';
import { WharfError } from '../../core/errors';
import { FtpsSession } from '../../ftps/session';
import { downloadPathIn } from '../../transfers/local-target';
import { stopAtRecursionLimit } from '../recursion-limit';
import { resolveCliConnection, settleSiteSaves, type CliConnection } from '../connection';
import type { CliFlags } from '../flags';
import { processCliIo, warnOn } from '../io';
import { forTerminal } from '../terminal';
import { hostForUrl, isRemoteArgument, parseLocation, type CliLocation } from '../url';
import { knowledgeFor, serverKey, type ServerKnowledge } from '../../ftps/server-knowledge';
import type { EarlyLogin } from '../early-login';

const io = processCliIo();
const warn = warnOn(io);
const warned = new Set<string>();

/** A notice every session of a run may give (a charset fallback, a detected offset), printed once. */
function warnOnce(text: string): void {
  if (warned.has(text)) return;
  warned.add(text);
  warn(text);
}

/** What the sessions of this run learned about their server, shared so each new connection need not find it out again. */
const serverKnowledge = new Map<string, ServerKnowledge>();

/**
 * Each location's connection, resolved once per run: the sessions of a --parallel or --segments run share it, so a
 * password typed at the prompt is asked once (FileZilla asks once per site), and a warning is printed once.
 */
const connections = new Map<string, Promise<CliConnection>>();

function connectionFor(location: CliLocation, flags: CliFlags): Promise<CliConnection> {
  const key = JSON.stringify(location);
  let connection = connections.get(key);
  if (connection === undefined) {
    connection = resolveCliConnection(location, { ...flags, timeout: flags.timeoutMs / 1000 }, io);
    connections.set(key, connection);
  }
  return connection;
}

/**
 * The transfer queue and what runs it (transfer-run.ts, with the queue's chunk): a get or put loads it while the
 * server checks the first password (vsftpd's PAM takes ~50 ms, a small get's longest wait), not before connecting.
 */
let transferRun: Promise<typeof import('./transfer-run')> | null = null;

function loadTransferRun(): Promise<typeof import('./transfer-run')> {
  transferRun ??= import('./transfer-run');
  return transferRun;
}

/** Starts loading the transfer code; a failure to load is reported where the code is awaited. */
function loadTransferRunMeanwhile(): void {
  loadTransferRun().catch(() => undefined);
}

async function openSession(
  location: CliLocation,
  flags: CliFlags,
  onPasswordSent?: () => void,
  early?: EarlyLogin | null,
): Promise<{ session: FtpsSession; path: string; uploadViaTemporaryName: boolean; keepModifiedTimes: boolean; segments: number }> {
  const connection = await connectionFor(location, flags);
  const earlyControl = early?.takeFor({
    target: connection.target,
    password: connection.password,
    timeoutMs: flags.timeoutMs,
    proxy: connection.reach.proxy,
    hasClientCertificate: connection.reach.clientCertificate !== undefined,
  });
  // The early login has sent PASS already: the server is checking it now.
  if (earlyControl) onPasswordSent?.();
  const session = await FtpsSession.open({
    ...(earlyControl ? { earlyControl } : {}),
    ...(onPasswordSent ? { onPasswordSent } : {}),
    target: connection.target,
    password: connection.password,
    allowPlain: connection.allowPlain,
    ...(connection.extraCaPem.length > 0 ? { extraCaPem: connection.extraCaPem } : {}),
    ...(connection.pinnedFingerprint ? { pinnedFingerprint: connection.pinnedFingerprint } : {}),
    ...(connection.trustStore ? { trustStore: connection.trustStore } : {}),
    insecure: connection.insecure,
    decideTrust: connection.decideTrust,
    timeoutMs: flags.timeoutMs,
    keepAliveIntervalMs: 0,
    ...connection.reach,
    onNotice: warnOnce,
    ...connection.offsetDetection,
    known: knowledgeFor(serverKnowledge, serverKey(connection.target)),
    ...(process.env.WHARF_DEBUG ? { onLog: (line: LogLine) => io.err(`${line.direction} ${line.text}`) } : {}),
  });
  // --in-place wins over the site's setting for this run only; the saved site is not changed.
  return { session, path: connection.path, uploadViaTemporaryName: connection.uploadViaTemporaryName && !flags.inPlace, keepModifiedTimes: flags.keepTimes ?? connection.keepModifiedTimes, segments: connection.segments };
}

function formatEntry(entry: RemoteEntry): string {
  const type = entry.type === 'directory' ? 'd' : entry.type === 'symlink' ? 'l' : '-';
  const perms = entry.permissions ?? '---------';
  const when = entry.modifiedAt ? entry.modifiedAt.slice(0, 16).replace('T', ' ') : '                ';
  const link = entry.linkTarget ? ` -> ${entry.linkTarget}` : '';
  return forTerminal(`${type}${perms} ${String(entry.size).padStart(12)} ${when} ${entry.name}${link}`);
}

function formatReport(report: SecurityReport): string {
  const cert = report.certificate;
  const tlsVersion = report.tlsVersion ?? t('cli.info.none');
  const lines = [
    t('cli.info.server', { address: `${hostForUrl(report.host)}:${report.port}`, banner: report.serverBanner }),
    t(report.mode === 'explicit' ? 'cli.info.mode.explicit' : report.mode === 'implicit' ? 'cli.info.mode.implicit' : 'cli.info.mode.plain'),
    report.cipher ? t('cli.info.tlsCipher', { version: tlsVersion, cipher: report.cipher }) : t('cli.info.tls', { version: tlsVersion }),
    t(report.credentialsEncrypted ? 'cli.info.credentials.yes' : 'cli.info.credentials.no'),
    t(report.dataProtected ? 'cli.info.data.yes' : 'cli.info.data.no'),
    t(report.dataTlsSessionReused === null ? 'cli.info.reuse.none' : report.dataTlsSessionReused ? 'cli.info.reuse.yes' : 'cli.info.reuse.no'),
  ];
  if (cert) {
    lines.push(
      t('cli.info.certSubject', { subject: cert.subject }),
      t('cli.info.certIssuer', { issuer: cert.issuer }),
      t('cli.info.certValid', { from: cert.validFrom, to: cert.validTo }),
      t('cli.info.certFingerprint', { fingerprint: cert.fingerprintSha256 }),
      t('cli.info.trust', { trust: report.certificateTrust ?? t('cli.info.none'), explanation: report.trustExplanation }),
    );
  }
  if (report.clientCertificate) lines.push(t('cli.info.clientCert', { use: describeClientCertificateUse(report.clientCertificate) }));
  if (report.proxy) lines.push(report.proxy.via === 'direct' ? t('cli.info.proxy.direct') : t('cli.info.proxy.via', { via: report.proxy.via, source: report.proxy.source }));
  const times = report.listingTimes;
  if (times) {
    const minutes = String(times.offsetMinutes);
    lines.push(times.format === 'mlsd' ? t('cli.info.times.mlsd') : t(times.source === 'detected' ? 'cli.info.times.detected' : 'cli.info.times.setting', { minutes }));
  }
  for (const warning of report.warnings) lines.push(t('cli.info.warning', { warning }));
  return lines.map(forTerminal).join('\n');
}

async function commandGet(positionals: string[], flags: CliFlags, early: EarlyLogin | null): Promise<void> {
  const [source, target] = positionals;
  if (!source || !target || !isRemoteArgument(source)) throw new WharfError('invalid-input', t('cli.files.getUsage'));
  const location = parseLocation(source);
  // Asked now, answered while the login goes on (the thread pool stats, not this thread).
  const targetIsFolderAnswer = stat(target).then((s) => s.isDirectory(), () => false);
  const { session, path, segments: siteSegments } = await openSession(location, flags, loadTransferRunMeanwhile, early);
  // A saved site's "big downloads in segments" applies as in the app (over the queue's threshold, through the
  // same runner); --segments N (every size, below) or --no-segments decides for this run instead.
  const segments = flags.segmentsGiven ? 1 : siteSegments;
  const login = async () => (await openSession(location, flags)).session;
  try {
    const [targetIsFolder, { getInSegments, runThroughQueue }] = await Promise.all([targetIsFolderAnswer, loadTransferRun()]);
    const name = posix.basename(path);
    if (flags.segments > 1 && (flags.recursive || !(flags.resume || flags.overwrite === 'overwrite'))) {
      warn(t('cli.files.segmentsIgnored'));
    }
    if (!flags.recursive && flags.segments > 1 && (flags.resume || flags.overwrite === 'overwrite')) {
      const localPath = targetIsFolder ? downloadPathIn(target, name) : target;
      await getInSegments({ session, openSession: login, remotePath: path, localPath, segments: flags.segments, resume: flags.resume, quiet: flags.quiet, warn });
      return;
    }
    if (!flags.recursive) {
      // Into a folder, the remote name is joined and checked in the queue like a name picked in the app.
      await runThroughQueue(login, flags, session, targetIsFolder
        ? { direction: 'download', localFolder: target, remoteFolder: posix.dirname(path), name, kind: 'file' }
        : { direction: 'download', localPath: target, remotePath: path, kind: 'file' }, true, segments);
      return;
    }
    await runThroughQueue(login, flags, session, { direction: 'download', localPath: target, remotePath: path, kind: 'directory' }, true, segments);
  } finally {
    await session.close();
  }
}

async function commandPut(positionals: string[], flags: CliFlags): Promise<void> {
  const [source, target] = positionals;
  if (!source || !target || !isRemoteArgument(target)) throw new WharfError('invalid-input', t('cli.files.putUsage'));
  const location = parseLocation(target);
  const localStat = await stat(source).catch(() => null);
  if (localStat === null) throw new WharfError('local-io', t('cli.files.localMissing', { path: source }));
  if (localStat.isDirectory() && !flags.recursive) throw new WharfError('invalid-input', t('cli.files.localIsFolder', { path: source }));
  const { session, path, uploadViaTemporaryName, keepModifiedTimes } = await openSession(location, flags, loadTransferRunMeanwhile);
  try {
    const remotePath = !localStat.isDirectory() && path.endsWith('/') ? posix.join(path, basename(source)) : path;
    const { runThroughQueue } = await loadTransferRun();
    await runThroughQueue(async () => (await openSession(location, flags)).session, flags, session, { direction: 'upload', localPath: source, remotePath, uploadViaTemporaryName, kind: localStat.isDirectory() ? 'directory' : 'file' }, keepModifiedTimes);
  } finally {
    await session.close();
  }
}

async function withRemote(positionals: string[], flags: CliFlags, usage: string, action: (session: FtpsSession, path: string) => Promise<void>): Promise<void> {
  const [arg] = positionals;
  if (!arg || !isRemoteArgument(arg)) throw new WharfError('invalid-input', usage);
  const { session, path } = await openSession(parseLocation(arg), flags);
  try {
    await action(session, path);
  } finally {
    await session.close();
  }
}

/** Runs ls, get, put, rm, mkdir or info; false for a command that is none of them. */
export async function runFileCommand(command: string, positionals: string[], flags: CliFlags, early: EarlyLogin | null = null): Promise<boolean> {
  try {
    return await fileCommand(command, positionals, flags, early);
  } finally {
    // A timezone offset detected on the way is saved with its site before the command ends.
    await settleSiteSaves();
  }
}

async function fileCommand(command: string, positionals: string[], flags: CliFlags, early: EarlyLogin | null): Promise<boolean> {
  switch (command) {
    case 'ls':
      await withRemote(positionals, flags, t('cli.files.lsUsage'), async (session, path) => {
        for (const entry of await session.list(path)) io.out(formatEntry(entry));
      });
      return true;
    case 'get':
      await commandGet(positionals, flags, early);
      return true;
    case 'put':
      await commandPut(positionals, flags);
      return true;
    case 'rm':
      await withRemote(positionals, flags, t('cli.files.rmUsage'), (session, path) =>
        session.remove(path, flags.recursive ? { recursive: true, limits: { ...flags.expansionBudget, onExceeded: stopAtRecursionLimit(() => t('cli.files.nothingDeleted')) } } : {}),
      );
      return true;
    case 'mkdir':
      await withRemote(positionals, flags, t('cli.files.mkdirUsage'), (session, path) => session.mkdir(path, { recursive: flags.parents }));
      return true;
    case 'info':
      await withRemote(positionals, flags, t('cli.files.infoUsage'), async (session, path) => {
        await session.list(path); // opens a data connection, so TLS session reuse is known
        io.out(formatReport(session.report));
      });
      return true;
    default:
      return false;
  }
}
