/*
 * get and put through the app's transfer queue (folder expansion, a pool of --parallel connections, retries,
 * overwrite policies, temporary names, verification). A chunk of its own: files.ts loads it while the server
 * checks the first login's password, not before connecting (see onPasswordSent).
 */
import type { OverwriteChoice, OverwritePolicy, OverwriteQuestion } from '../../../common/models';
import { t } from '../../../common/i18n/t';
import { WharfError } from '../../core/errors';
import { explainFailure } from '../exit-codes';
import type { FtpsSession } from '../../ftps/session';
import { TransferQueue } from '../../transfers/transfer-queue';
import type { AddTransferRequest } from '../../transfers/transfer-request';
import { stopAtRecursionLimit } from '../recursion-limit';
import type { CliFlags } from '../flags';
import { processCliIo, progressStream, warnOn } from '../io';
import { formatBytes } from '../../core/bytes';
import { ProgressLine } from '../progress';
import { ask, forTerminal } from '../terminal';

export { getInSegments } from '../segmented-get';

const io = processCliIo();
const warn = warnOn(io);

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

function loginEarly(login: () => Promise<FtpsSession>): EarlyLogin {
  const opening = login();
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
export async function runThroughQueue(
  login: () => Promise<FtpsSession>,
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
    openSession: async () => (await ready.take()) ?? (await login()),
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
  if (request.kind === 'directory') ready.loginAhead(flags.parallel - 1, () => loginEarly(login));
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
