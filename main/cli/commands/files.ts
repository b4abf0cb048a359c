/*
 * The file commands: ls, get, put, rm, mkdir and info, over one engine session each; get and put go
 * through the app's transfer queue (folder expansion, a pool of --parallel connections, retries,
 * overwrite policies, temporary names, verification).
 */
import { stat } from 'node:fs/promises';
import { basename, posix } from 'node:path';
import type { OverwriteChoice, OverwritePolicy, OverwriteQuestion, LogLine, RemoteEntry, SecurityReport } from '../../../common/models';
import { describeClientCertificateUse } from '../../../common/models/security';
import { t } from '../../../common/i18n/t';
import { WharfError } from '../../core/errors';
import { explainFailure } from '../exit-codes';
import { FtpsSession } from '../../ftps/session';
import { TransferQueue } from '../../transfers/transfer-queue';
import type { AddTransferRequest } from '../../transfers/transfer-request';
import { downloadPathIn } from '../../transfers/local-target';
import { stopAtRecursionLimit } from '../recursion-limit';
import { getInSegments } from '../segmented-get';
import { resolveCliConnection, settleSiteSaves, type CliConnection } from '../connection';
import type { CliFlags } from '../flags';
import { processCliIo, progressStream, warnOn } from '../io';
import { formatBytes } from '../../core/bytes';
import { ProgressLine } from '../progress';
import { ask, forTerminal } from '../terminal';
import { hostForUrl, isRemoteArgument, parseLocation, type CliLocation } from '../url';
import { knowledgeFor, serverKey, type ServerKnowledge } from '../../ftps/server-knowledge';

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

async function openSession(location: CliLocation, flags: CliFlags): Promise<{ session: FtpsSession; path: string; uploadViaTemporaryName: boolean; keepModifiedTimes: boolean; segments: number }> {
  const connection = await connectionFor(location, flags);
  const session = await FtpsSession.open({
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



/** The overwrite flag's words, as FileZilla's dialog offers them, mapped to the queue's policies. */
const OVERWRITE_FLAGS: Readonly<Record<string, OverwritePolicy>> = {
  ask: 'ask',
  overwrite: 'overwrite',
  newer: 'overwrite-if-newer',
  'size-differs': 'overwrite-if-size-differs',
  resume: 'resume',
  rename: 'rename',
  skip: 'skip',
};

function overwritePolicy(flags: CliFlags): OverwritePolicy {
  if (flags.resume) return 'resume';
  const policy = OVERWRITE_FLAGS[flags.overwrite];
  if (!policy) throw new WharfError('invalid-input', t('cli.files.overwritePolicies', { policies: Object.keys(OVERWRITE_FLAGS).join(', ') }));
  if (policy === 'ask' && !io.interactive) throw new WharfError('invalid-input', t('cli.files.overwriteAskNeedsTerminal'));
  return policy;
}

/** Asks on the terminal what to do with an existing target, for --overwrite ask. */
async function answerOnTerminal(queue: TransferQueue, question: OverwriteQuestion): Promise<void> {
  const describe = (facts: OverwriteQuestion['source']) => t('cli.files.fileFacts', { size: facts.size === null || facts.size === undefined ? '?' : String(facts.size), modified: facts.modifiedAt ?? t('cli.files.unknownTime') });
  io.err(t('cli.files.targetExists', { target: forTerminal(question.targetPath), targetFacts: describe(question.target), sourceFacts: describe(question.source) }));
  const letter = (await ask(t('cli.files.overwritePrompt'))).trim().toLowerCase();
  const choice: OverwriteChoice = letter === 'o' ? 'overwrite' : letter === 'n' ? 'overwrite-if-newer' : letter === 'r' ? 'resume' : letter === 'c' ? 'rename' : 'skip';
  const all = (await ask(t('cli.files.applyToAllPrompt'))).trim().toLowerCase() === 'y';
  queue.answerOverwrite({ questionId: question.id, choice, applyToAll: all });
}

/** A login started before the queue asks for it: taken by the pool (its failure too), or closed unused. */
interface EarlyLogin {
  take(): Promise<FtpsSession>;
  discard(): Promise<void>;
}

function loginEarly(location: CliLocation, flags: CliFlags): EarlyLogin {
  const opening = openSession(location, flags).then(({ session }) => session);
  // Until taken, a failed login is nobody's yet: the pool hears of it when it asks for this session.
  opening.catch(() => undefined);
  return {
    take: () => opening,
    discard: () => opening.then((session) => session.close(), () => undefined),
  };
}

/** Omit over each member of a union (a download into a folder, or a transfer between two named paths). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The sessions a transfer's pool gets before it logs in anew, one source for both kinds: the browsing session
 * (so that one file logs in once; a folder's walk keeps it until the walk is over, one file offers it at once),
 * then the logins a folder started while it was walked. Each is handed over once; those never asked for are
 * closed by discardUnused.
 */
class ReadySessions {
  private browseState: 'kept' | 'offered' | 'lent';
  private readonly early: EarlyLogin[] = [];

  constructor(
    private readonly browse: FtpsSession,
    offerBrowseNow: boolean,
  ) {
    this.browseState = offerBrowseNow ? 'offered' : 'kept';
  }

  /** Starts `count` logins for the pool to take, ahead of its asking. */
  loginAhead(count: number, login: () => EarlyLogin): void {
    for (let i = 0; i < count; i++) this.early.push(login());
  }

  /** The walk is over: the pool's next request for a session gets the browsing session (unless it was already lent). */
  offerBrowse(): void {
    if (this.browseState === 'kept') this.browseState = 'offered';
  }

  /** The next ready session (the browsing one while open and on offer, then an early login); null: log in anew. */
  take(): Promise<FtpsSession> | null {
    if (this.browseState === 'offered') {
      this.browseState = 'lent';
      if (this.browse.isOpen) return Promise.resolve(this.browse);
    }
    return this.early.shift()?.take() ?? null;
  }

  /** Closes the early logins the pool did not take. */
  async discardUnused(): Promise<void> {
    await Promise.all(this.early.splice(0).map((login) => login.discard()));
  }
}

/**
 * Runs one transfer request through the same queue the app uses: folder expansion, a connection pool of
 * --parallel sessions, retries with resume, overwrite policies, temporary files and verification. Prints one
 * line per failed or skipped item and returns the first failure, if any.
 */
async function runThroughQueue(
  location: CliLocation,
  flags: CliFlags,
  browse: FtpsSession,
  request: DistributiveOmit<AddTransferRequest, 'siteKey'>,
  keepUploadTimes = true,
  segments = 1,
): Promise<void> {
  const siteKey = 'cli';
  // For one file, the session that looked it up becomes the queue's connection: one login, not two in a row
  // (each costs several round trips). A folder keeps it for its walk, then gives it to the pool (below).
  const ready = new ReadySessions(browse, request.kind === 'file');
  const queue = await TransferQueue.open({
    openSession: async () => (await ready.take()) ?? (await openSession(location, flags)).session,
    stateFile: null,
    keepUploadTimes: () => keepUploadTimes,
    segmentsFor: () => segments,
    // One file fetched in ranges may use as many connections as the site allows ranges, whatever --parallel says.
    defaultConcurrency: request.kind === 'file' ? Math.max(flags.parallel, segments) : flags.parallel,
    defaultOverwrite: overwritePolicy(flags),
    expansionBudget: flags.expansionBudget,
    onBudgetExceeded: stopAtRecursionLimit(() => t('cli.files.nothingDownloaded')),
  });
  // A folder is walked whole before its first file starts: a walk stopped at --max-items or --max-depth then
  // leaves nothing half-downloaded (no partial tree, no orphaned temporaries) for the run with a higher limit.
  // An upload waits for its walk too, or its first files would start on a new login while the walk's session,
  // handed to the pool only after the walk, is left idle: `put -r --parallel 1` logged in twice.
  const walksFirst = request.kind === 'directory';
  if (walksFirst) queue.controls.pauseAll();
  const showProgress = !flags.quiet && progressStream.isTTY === true;
  const progress = new ProgressLine(progressStream, showProgress);
  // No line to draw (-q, a pipe): no label formatted per update either.
  const unsubscribe = showProgress
    ? queue.subscribe((update) => progress.update(t('cli.files.progress', { done: String(update.progress.done), total: String(update.progress.total) }), update.progress.bytesDone, update.progress.bytesTotal || null))
    : () => undefined;
  const questions = queue.onDidChangeQuestion((question) => {
    if (question) void answerOnTerminal(queue, question);
  });
  // A folder's other connections log in while it is walked, not after: on a 50 ms link a login is ~0.4 s, and
  // every connection but the walk's would otherwise start its first file that much later. The browse session's
  // login has already proved the password and the certificate. Logins the pool never asks for are closed below.
  if (request.kind === 'directory') ready.loginAhead(flags.parallel - 1, () => loginEarly(location, flags));
  try {
    const added = await queue.add({ ...request, siteKey, listingSession: browse });
    // The walk is over: the next session the pool needs is the walk's, not a new login. `get -r --parallel 1`
    // then logs in once; on a 50 ms link a login (TLS, USER, PASS, FEAT, PBSZ, PROT) is about half a second.
    ready.offerBrowse();
    for (const entry of added.skipped) warn(t('cli.files.skipped', { path: entry.path, reason: entry.reason }));
    if (walksFirst) queue.controls.resumeAll();
    await queue.whenSettled();
  } finally {
    unsubscribe();
    questions();
    progress.finish();
    await queue.stop();
    await ready.discardUnused();
  }
  const items = queue.getSnapshot().items;
  const files = items.filter((item) => item.kind === 'file');
  const failed = items.filter((item) => item.state === 'failed');
  for (const item of items.filter((i) => i.state === 'skipped')) warn(t('cli.files.skipped', { path: item.direction === 'download' ? item.localPath : item.remotePath, reason: item.skipReason ?? t('cli.files.skippedReason') }));
  for (const item of failed) warn(t('cli.files.failed', { path: item.direction === 'download' ? item.remotePath : item.localPath, reason: item.lastError ? explainFailure(item.lastError) : t('cli.files.failedReason') }));
  if (!flags.quiet) {
    const bytes = files.filter((i) => i.state === 'done').reduce((sum, i) => sum + i.bytesTotal, 0);
    const verified = files.filter((i) => i.state === 'done').map((i) => i.verifiedBy ?? 'size');
    const byHash = verified.filter((v) => v !== 'size').length;
    const counts = { done: String(files.filter((i) => i.state === 'done').length), total: String(files.length), bytes: formatBytes(bytes), bySize: String(verified.length - byHash) };
    const download = request.direction === 'download';
    warn(
      byHash > 0
        ? t(download ? 'cli.files.downloadedSummaryHash' : 'cli.files.uploadedSummaryHash', { ...counts, hash: verified.find((v) => v !== 'size'), byHash: String(byHash) })
        : t(download ? 'cli.files.downloadedSummary' : 'cli.files.uploadedSummary', counts),
    );
  }
  const first = failed[0]?.lastError;
  // A folder that could not be read is a failed item of its own: counted with the files, not "1 of 3" beside 3 done.
  const total = files.length + failed.filter((item) => item.kind !== 'file').length;
  if (first) throw new WharfError(first.kind, t('cli.files.transfersFailed', { failed: String(failed.length), total: String(total), first: first.message }), first.code !== undefined ? { code: first.code } : {});
}

async function commandGet(positionals: string[], flags: CliFlags): Promise<void> {
  const [source, target] = positionals;
  if (!source || !target || !isRemoteArgument(source)) throw new WharfError('invalid-input', t('cli.files.getUsage'));
  const location = parseLocation(source);
  const { session, path, segments: siteSegments } = await openSession(location, flags);
  // A saved site's "big downloads in segments" applies as in the app (over the queue's threshold, through the
  // same runner); --segments N (every size, below) or --no-segments decides for this run instead.
  const segments = flags.segmentsGiven ? 1 : siteSegments;
  try {
    const targetIsFolder = await stat(target).then((s) => s.isDirectory()).catch(() => false);
    const name = posix.basename(path);
    if (flags.segments > 1 && (flags.recursive || !(flags.resume || flags.overwrite === 'overwrite'))) {
      warn(t('cli.files.segmentsIgnored'));
    }
    if (!flags.recursive && flags.segments > 1 && (flags.resume || flags.overwrite === 'overwrite')) {
      const localPath = targetIsFolder ? downloadPathIn(target, name) : target;
      await getInSegments({ session, openSession: async () => (await openSession(location, flags)).session, remotePath: path, localPath, segments: flags.segments, resume: flags.resume, quiet: flags.quiet, warn });
      return;
    }
    if (!flags.recursive) {
      // Into a folder, the remote name is joined and checked in the queue like a name picked in the app.
      await runThroughQueue(location, flags, session, targetIsFolder
        ? { direction: 'download', localFolder: target, remoteFolder: posix.dirname(path), name, kind: 'file' }
        : { direction: 'download', localPath: target, remotePath: path, kind: 'file' }, true, segments);
      return;
    }
    await runThroughQueue(location, flags, session, { direction: 'download', localPath: target, remotePath: path, kind: 'directory' }, true, segments);
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
  const { session, path, uploadViaTemporaryName, keepModifiedTimes } = await openSession(location, flags);
  try {
    const remotePath = !localStat.isDirectory() && path.endsWith('/') ? posix.join(path, basename(source)) : path;
    await runThroughQueue(location, flags, session, { direction: 'upload', localPath: source, remotePath, uploadViaTemporaryName, kind: localStat.isDirectory() ? 'directory' : 'file' }, keepModifiedTimes);
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
export async function runFileCommand(command: string, positionals: string[], flags: CliFlags): Promise<boolean> {
  try {
    return await fileCommand(command, positionals, flags);
  } finally {
    // A timezone offset detected on the way is saved with its site before the command ends.
    await settleSiteSaves();
  }
}

async function fileCommand(command: string, positionals: string[], flags: CliFlags): Promise<boolean> {
  switch (command) {
    case 'ls':
      await withRemote(positionals, flags, t('cli.files.lsUsage'), async (session, path) => {
        for (const entry of await session.list(path)) io.out(formatEntry(entry));
      });
      return true;
    case 'get':
      await commandGet(positionals, flags);
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
