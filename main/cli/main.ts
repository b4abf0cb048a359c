import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, posix } from 'node:path';
import { parseArgs } from 'node:util';
import { version as wharfVersion } from '../../package.json';
import { DEFAULT_UPLOAD_VIA_TEMPORARY_NAME, toConnectionTarget, type OverwriteChoice, type OverwritePolicy, type OverwriteQuestion, type ConnectionTarget, type LogLine, type RemoteEntry, type SecurityReport } from '../../common/models';
import { WharfError } from '../ftps/errors';
import { FtpsSession, type SessionOptions, type TrustDecision, type TrustStoreLike } from '../ftps/session';
import { formatBytes, ProgressLine } from './progress';
import { processCliIo, runDoctorCommand } from './commands/doctor';
import { describeClientCertificateUse } from '../../common/models/security';
import type { SiteProfile } from '../../common/models/site-profile';
import { cliConnectivity, CONNECTIVITY_USAGE, type ConnectivityFlags } from './connectivity';
import { offsetDetection, settleSiteSaves, targetOverrides, urlTarget, withTargetOverrides } from './command-support';
import { runSyncCommand } from './commands/sync';
import { DEFAULT_EXPANSION_BUDGET, TransferQueue, type AddTransferRequest, type ExpansionBudget } from '../transfers';
import { EXIT_CODES } from './exit-codes';
import { ask } from './prompt';
import { runSiteCommand, type SiteFlags } from './commands/site';
import { runSiteFileCommand, SITE_FILE_USAGE } from './commands/site-file';
import { openStores } from './stores';
import { hostForUrl, isRemoteArgument, parseLocation, sitePath, type CliLocation } from './url';
import { withReplyWords } from '../../common/models/ftp-replies';

const USAGE = `Usage: wharf <command> [options]

Commands:
  ls URL                 list a remote folder
  get URL LOCAL [-r]     download a file (or a folder with -r)
  put LOCAL URL [-r]     upload a file (or a folder with -r)
  rm URL [-r]            delete a remote file (or a folder with -r)
  mkdir URL [-p]         create a remote folder (and its parents with -p)
  info URL               connect and print the security report
  doctor URL             test a connection step by step; explain what fails and how to fix it
  sync LOCAL URL --direction up|down|mirror [--delete] [--dry-run]
                         compare and synchronise a folder pair (nothing is deleted without --delete)
  site ls                list saved sites (the app's site manager)
  site show NAME         one site's settings
  site add NAME --url URL [--folder F] [--ask-password] [--active] [--max-connections N]
           [--upload-in-place] [--allow-clear-data] [--charset NAME] [--timezone-offset MIN]
                         save a site; its password (WHARF_PASSWORD or a prompt) goes to the keychain;
                         --folder is the site manager's folder the site is filed in (A/B for nested
                         ones), not a remote folder: the remote folder is the URL's path
  site edit NAME [--url URL] [--rename NEW] [--folder F] [--ask-password] [--active|--passive]
           [--upload-in-place|--upload-via-temporary-name] [--keep-password]
           [--allow-clear-data|--require-data-protection] ...
                         a new host, port, user or protocol forgets the saved password
                         (typed for the old server) unless --keep-password or a new WHARF_PASSWORD
  site rm NAME           delete a site and its saved password
  site certs             list pinned certificates;  site uncert HOST:PORT  forgets one
${SITE_FILE_USAGE}

URLs: ftpes://user@host[:21]/path  explicit FTPS (AUTH TLS), the standard
      ftps://user@host[:990]/path  implicit FTPS (legacy)
      ftp://user@host/path         plain FTP, refused unless --allow-plain
      site:NAME/path               a saved site (its password from the keychain); a site in a
                                   folder: site:Folder%2FName/path
      The path of a URL is absolute, from the server's root, as in FileZilla and WinSCP; %-escapes are
      decoded (%20 is a space, %2F a / inside a name's folder path). An IPv6 host goes in brackets:
      ftpes://alice@[::1]:2121/. A site: path is decoded the same way but is read below the site's
      remote folder: site:box/a.txt is <site folder>/a.txt; site:box//a.txt (or site:box/%2Fa.txt)
      is /a.txt; site:box alone is the site's folder.

Options:
  --ca FILE              also trust this CA certificate (PEM)
  --fingerprint SHA256:… trust exactly this certificate (pin)
  --insecure             accept any certificate (dangerous; warns loudly)
  --allow-plain          allow plain, unencrypted FTP
${CONNECTIVITY_USAGE}
  --active               active mode (EPRT/PORT) instead of passive (refused behind a proxy)
  --allow-clear-data     go on when the server refuses to encrypt data connections (PROT P):
                         listings and files then travel unencrypted (refused by default)
  --parallel N           connections for -r transfers (default 2, at most 10)
  --overwrite POLICY     when the target exists: overwrite (default), newer, size-differs,
                         resume, rename, skip, or ask (on a terminal)
  --resume               same as --overwrite resume: continue partial downloads / uploads
  --in-place             put: upload straight to the final name (for servers that refuse renames);
                         by default uploads go to NAME.wharf-part and are renamed once verified,
                         or as a saved site's "Upload via a temporary name" says
  -r, --recursive        folders too
  --max-items N          get -r: stop past N files and folders (default 100000)
  --max-depth N          get -r: stop past N folder levels (default 64)
  -p, --parents          mkdir: create missing parents
  -q, --quiet            no progress bar
  --timeout SECONDS      default 30
  --charset NAME         the server's charset for names (windows-1251, shift_jis, latin1, ...);
                         default UTF-8, or a saved site's. A name it cannot write exits 7
  --timezone-offset MIN  minutes the server's LIST times are ahead of UTC (e.g. 540 for Tokyo; write
                         --timezone-offset=-300 for negative ones); default 0, or a saved site's
  -V, --version          print wharf's version

Password: the keychain for a saved site, else WHARF_PASSWORD, else a prompt on a terminal.
Exit codes: 0 ok, 2 usage, 3 login refused, 4 certificate/TLS, 5 network, 6 server reply,
            7 local files, 8 verification, 1 anything else.`;


interface CliFlags {
  readonly ca: string | undefined;
  readonly fingerprint: string | undefined;
  readonly insecure: boolean;
  readonly allowPlain: boolean;
  /** `--max-items`, `--max-depth`: how far `get -r` walks a remote folder before it stops. */
  readonly expansionBudget: ExpansionBudget;
  /** `--allow-clear-data`: this run goes on when PROT P is refused. */
  readonly allowClearData: boolean;
  readonly active: boolean;
  readonly parallel: number;
  readonly resume: boolean;
  readonly inPlace: boolean;
  readonly overwrite: string;
  readonly recursive: boolean;
  readonly parents: boolean;
  readonly quiet: boolean;
  readonly timeoutMs: number;
  readonly connectivity: ConnectivityFlags;
  readonly charset: string | undefined;
  readonly timezoneOffsetMinutes: number | undefined;
}

function parseFlags(argv: string[]): { command: string; positionals: string[]; flags: CliFlags; siteFlags: SiteFlags } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ca: { type: 'string' },
      fingerprint: { type: 'string' },
      insecure: { type: 'boolean', default: false },
      'allow-plain': { type: 'boolean', default: false },
      'allow-clear-data': { type: 'boolean', default: false },
      'require-data-protection': { type: 'boolean', default: false },
      active: { type: 'boolean', default: false },
      parallel: { type: 'string', default: '2' },
      resume: { type: 'boolean', default: false },
      'in-place': { type: 'boolean', default: false },
      overwrite: { type: 'string', default: 'overwrite' },
      recursive: { type: 'boolean', short: 'r', default: false },
      parents: { type: 'boolean', short: 'p', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      timeout: { type: 'string', default: '30' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'V', default: false },
      url: { type: 'string' },
      rename: { type: 'string' },
      folder: { type: 'string' },
      'ask-password': { type: 'boolean', default: false },
      passive: { type: 'boolean', default: false },
      'max-connections': { type: 'string' },
      'timezone-offset': { type: 'string' },
      encoding: { type: 'string' },
      charset: { type: 'string' },
      comments: { type: 'string' },
      'upload-in-place': { type: 'boolean', default: false },
      'upload-via-temporary-name': { type: 'boolean', default: false },
      cert: { type: 'string' },
      key: { type: 'string' },
      proxy: { type: 'string' },
      'keep-password': { type: 'boolean', default: false },
      'max-items': { type: 'string', default: String(DEFAULT_EXPANSION_BUDGET.maxItems) },
      'max-depth': { type: 'string', default: String(DEFAULT_EXPANSION_BUDGET.maxDepth) },
    },
  });
  const [command = 'help', ...rest] = positionals;
  const parallel = Number(values.parallel);
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > 10) throw new WharfError('invalid-input', '--parallel takes a whole number from 1 to 10.');
  const maxItems = Number(values['max-items']);
  const maxDepth = Number(values['max-depth']);
  if (!Number.isInteger(maxItems) || maxItems < 1) throw new WharfError('invalid-input', '--max-items takes a whole number above 0.');
  if (!Number.isInteger(maxDepth) || maxDepth < 1) throw new WharfError('invalid-input', '--max-depth takes a whole number above 0.');
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) throw new WharfError('invalid-input', '--timeout takes a number of seconds.');
  return {
    command: values.help ? 'help' : values.version ? 'version' : command,
    positionals: rest,
    flags: {
      ca: values.ca,
      fingerprint: values.fingerprint,
      insecure: values.insecure ?? false,
      allowPlain: values['allow-plain'] ?? false,
      allowClearData: values['allow-clear-data'] ?? false,
      expansionBudget: { maxItems, maxDepth },
      active: values.active ?? false,
      parallel,
      resume: values.resume ?? false,
      inPlace: values['in-place'] ?? false,
      overwrite: values.overwrite ?? 'overwrite',
      recursive: values.recursive ?? false,
      parents: values.parents ?? false,
      quiet: values.quiet ?? false,
      timeoutMs: timeout * 1000,
      connectivity: { cert: values.cert, key: values.key, proxy: values.proxy },
      ...targetOverrides(values),
    },
    siteFlags: {
      url: values.url,
      rename: values.rename,
      folder: values.folder,
      askPassword: values['ask-password'] ?? false,
      active: values.active ?? false,
      passive: values.passive ?? false,
      maxConnections: values['max-connections'],
      timezoneOffset: values['timezone-offset'],
      encoding: values.encoding ?? values.charset,
      comments: values.comments,
      uploadInPlace: values['upload-in-place'] ?? false,
      uploadViaTemporaryName: values['upload-via-temporary-name'] ?? false,
      keepPassword: values['keep-password'] ?? false,
      allowClearData: values['allow-clear-data'] ?? false,
      requireDataProtection: values['require-data-protection'] ?? false,
    },
  };
}

const warned = new Set<string>();

/** A notice every session of a run may give (a charset fallback, a detected offset), printed once. */
function warnOnce(text: string): void {
  if (warned.has(text)) return;
  warned.add(text);
  warn(text);
}

/** Prints warnings and errors on stderr, one line each. */
function warn(text: string): void {
  process.stderr.write(`wharf: ${forTerminal(text)}\n`);
}

/**
 * Remote names, server replies and certificate fields are hostile input: control characters (escape
 * sequences that clear the screen or forge lines) and bidirectional overrides are shown escaped.
 */
function forTerminal(text: string): string {
  return text.replace(/[\p{Cc}\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu, (c) => `\\u${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`);
}

async function passwordFor(location: Extract<CliLocation, { kind: 'url' }>): Promise<string> {
  if (location.password !== null) {
    warn('warning: a password in the URL is visible to other programs on this computer; prefer WHARF_PASSWORD');
    return location.password;
  }
  const fromEnv = process.env.WHARF_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  if (location.user === 'anonymous') return 'anonymous@';
  if (process.stdin.isTTY) return ask(`Password for ${location.user}@${location.host}: `, { hidden: true });
  throw new WharfError('invalid-input', 'No password: set WHARF_PASSWORD or run on a terminal to be asked.');
}

async function decideTrustOnTerminal(question: Parameters<NonNullable<SessionOptions['decideTrust']>>[0], canPin: boolean): Promise<TrustDecision> {
  const { certificate, reason, host, port } = question;
  if (!process.stdin.isTTY) {
    warn(`${reason}`);
    warn(`certificate SHA-256 ${certificate.fingerprintSha256}`);
    warn(`to trust it, check the fingerprint with the server's administrator, then pass --fingerprint SHA256:${certificate.fingerprintSha256.replace(/:/g, '')}`);
    return 'reject';
  }
  process.stderr.write(
    [
      `The certificate of ${hostForUrl(host)}:${port} is not trusted. ${reason}`,
      `  subject: ${certificate.subject}`,
      `  issuer:  ${certificate.issuer}`,
      `  valid:   ${certificate.validFrom} to ${certificate.validTo}`,
      `  SHA-256: ${certificate.fingerprintSha256}`,
      'Nothing has been sent yet.',
      '',
    ].map(forTerminal).join('\n'),
  );
  const answer = (await ask(canPin ? 'Trust it [o]nce, [a]lways (pin it for this site), or reject [N]? ' : 'Trust it [o]nce for this run, or reject [N]? ')).trim().toLowerCase();
  if (canPin && (answer === 'a' || answer === 'always')) return 'always';
  return answer === 'o' || answer === 'once' ? 'once' : 'reject';
}

async function decideTrustWithPinning(question: Parameters<NonNullable<SessionOptions['decideTrust']>>[0]): Promise<TrustDecision> {
  const decision = await decideTrustOnTerminal(question, true);
  return decision;
}

/** Resolves a location to what the engine needs: a URL as given, or a saved site with its keychain password. */
async function resolveTarget(
  location: CliLocation,
  flags: CliFlags,
): Promise<{ target: ConnectionTarget; password: string; path: string; uploadViaTemporaryName: boolean; trustStore?: TrustStoreLike; site?: SiteProfile }> {
  if (location.kind === 'site') {
    const { sites, pins } = await openStores(warn);
    const site = await sites.find(location.siteName);
    const saved = site.passwordStorage === 'keychain' ? await sites.getPassword(site.id) : null;
    const password =
      saved ??
      process.env.WHARF_PASSWORD ??
      (process.stdin.isTTY ? await ask(`Password for ${site.user}@${site.host}: `, { hidden: true }) : null);
    if (password === null) throw new WharfError('invalid-input', `No password for site ${site.name}: save one (wharf site edit), set WHARF_PASSWORD, or run on a terminal.`);
    const siteTarget = toConnectionTarget(site);
    const target = flags.allowClearData ? { ...siteTarget, allowClearData: true } : siteTarget;
    const path = sitePath(location, site.remoteDir);
    return { target: withTargetOverrides(flags.active ? { ...target, dataMode: 'active' } : target, flags), password, path, uploadViaTemporaryName: site.uploadViaTemporaryName, trustStore: pins, site };
  }
  const target = urlTarget(location, flags);
  return { target, password: await passwordFor(location), path: location.path, uploadViaTemporaryName: DEFAULT_UPLOAD_VIA_TEMPORARY_NAME };
}

async function openSession(location: CliLocation, flags: CliFlags): Promise<{ session: FtpsSession; path: string; uploadViaTemporaryName: boolean }> {
  if (location.kind === 'url' && location.mode === 'plain' && !flags.allowPlain) {
    throw new WharfError('plain-refused', 'ftp:// is plain FTP: the password and files travel unencrypted. Use ftpes:// (explicit FTPS), or pass --allow-plain if you accept that.');
  }
  const { target, password, path, uploadViaTemporaryName, trustStore, site } = await resolveTarget(location, flags);
  const reach = await cliConnectivity(flags.connectivity, site ?? null, target.host, { env: process.env, interactive: process.stdin.isTTY === true, ask, warn }, () => openStores(warn));
  // A saved plain-FTP site was chosen as such in the site manager; a URL needs --allow-plain.
  const allowPlain = location.kind === 'site' || flags.allowPlain;
  if (target.mode === 'plain') warn('warning: plain FTP: the password and files travel unencrypted');
  if (flags.insecure) warn('WARNING: --insecure: the server certificate is NOT verified; anyone on the network path can read the password');
  const session = await FtpsSession.open({
    target,
    password,
    allowPlain,
    ...(flags.ca ? { extraCaPem: [readFileSync(flags.ca, 'utf8')] } : {}),
    ...(flags.fingerprint ? { pinnedFingerprint: flags.fingerprint } : {}),
    ...(trustStore ? { trustStore } : {}),
    insecure: flags.insecure,
    decideTrust: trustStore ? decideTrustWithPinning : (q) => decideTrustOnTerminal(q, false),
    timeoutMs: flags.timeoutMs,
    keepAliveIntervalMs: 0,
    ...reach,
    onNotice: warnOnce,
    ...offsetDetection(target, flags, site?.id ?? null, warn),
    ...(process.env.WHARF_DEBUG ? { onLog: (line: LogLine) => process.stderr.write(`${line.direction} ${line.text}\n`) } : {}),
  });
  // --in-place wins over the site's setting for this run only; the saved site is not changed.
  return { session, path, uploadViaTemporaryName: uploadViaTemporaryName && !flags.inPlace };
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
  const lines = [
    `Server:                 ${hostForUrl(report.host)}:${report.port} (${report.serverBanner})`,
    `Mode:                   ${report.mode === 'explicit' ? 'FTPS, explicit (AUTH TLS)' : report.mode === 'implicit' ? 'FTPS, implicit' : 'FTP, NOT encrypted'}`,
    `TLS:                    ${report.tlsVersion ?? 'none'}${report.cipher ? `, ${report.cipher}` : ''}`,
    `Credentials encrypted:  ${report.credentialsEncrypted ? 'yes (TLS was up before USER and PASS)' : 'NO'}`,
    `Data protected:         ${report.dataProtected ? 'yes (PROT P)' : 'NO'}`,
    `TLS session reused:     ${report.dataTlsSessionReused === null ? 'no data connection yet' : report.dataTlsSessionReused ? 'yes' : 'no'}`,
  ];
  if (cert) {
    lines.push(
      `Certificate subject:    ${cert.subject}`,
      `Certificate issuer:     ${cert.issuer}`,
      `Certificate valid:      ${cert.validFrom} to ${cert.validTo}`,
      `Certificate SHA-256:    ${cert.fingerprintSha256}`,
      `Trust:                  ${report.certificateTrust ?? 'none'}: ${report.trustExplanation}`,
    );
  }
  if (report.clientCertificate) lines.push(`Client certificate:     ${describeClientCertificateUse(report.clientCertificate)}`);
  if (report.proxy) lines.push(`Proxy:                  ${report.proxy.via === 'direct' ? 'none (direct connection)' : `${report.proxy.via} (${report.proxy.source})`}`);
  const times = report.listingTimes;
  if (times) {
    lines.push(`Listing times:          ${times.format === 'mlsd' ? 'UTC (MLSD)' : `LIST, server clock ${times.offsetMinutes} minutes ahead of UTC (${times.source === 'detected' ? 'detected from MDTM' : "the site's setting or --timezone-offset"})`}`);
  }
  for (const warning of report.warnings) lines.push(`Warning:                ${warning}`);
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
  if (!policy) throw new WharfError('invalid-input', `--overwrite takes ${Object.keys(OVERWRITE_FLAGS).join(', ')}.`);
  if (policy === 'ask' && !process.stdin.isTTY) throw new WharfError('invalid-input', '--overwrite ask needs a terminal; choose another policy for scripts.');
  return policy;
}

/** Asks on the terminal what to do with an existing target, for --overwrite ask. */
async function answerOnTerminal(queue: TransferQueue, question: OverwriteQuestion): Promise<void> {
  const describe = (facts: OverwriteQuestion['source']) => `${facts.size ?? '?'} bytes, ${facts.modifiedAt ?? 'unknown time'}`;
  process.stderr.write(`\n${forTerminal(question.targetPath)} exists (${describe(question.target)}); the source has ${describe(question.source)}.\n`);
  const letter = (await ask('[o]verwrite, overwrite if [n]ewer, [r]esume, re[n]ame as copy (c), [s]kip? ')).trim().toLowerCase();
  const choice: OverwriteChoice = letter === 'o' ? 'overwrite' : letter === 'n' ? 'overwrite-if-newer' : letter === 'r' ? 'resume' : letter === 'c' ? 'rename' : 'skip';
  const all = (await ask('Do the same for every other existing file? [y/N] ')).trim().toLowerCase() === 'y';
  queue.answerOverwrite({ questionId: question.id, choice, applyToAll: all });
}

/** Omit over each member of a union (a download into a folder, or a transfer between two named paths). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

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
): Promise<void> {
  const siteKey = 'cli';
  // For one file, the session that looked it up becomes the queue's connection: one login, not two in a row
  // (each costs several round trips). A folder keeps it for its walk while the pool logs in alongside.
  let unlent: FtpsSession | null = request.kind === 'file' ? browse : null;
  const queue = await TransferQueue.open({
    openSession: async () => {
      const spare = unlent;
      unlent = null;
      return spare?.isOpen ? spare : (await openSession(location, flags)).session;
    },
    stateFile: null,
    defaultConcurrency: flags.parallel,
    defaultOverwrite: overwritePolicy(flags),
    expansionBudget: flags.expansionBudget,
    // No one to ask in a script: stop, saying which option raises the bound that was passed.
    onBudgetExceeded: (exceeded) => {
      const option = exceeded.limit === 'items' ? '--max-items' : '--max-depth';
      const what = exceeded.limit === 'items' ? `more than ${exceeded.value} files and folders` : `folders more than ${exceeded.value} levels deep`;
      throw new WharfError('invalid-input', `The remote folder holds ${what} (at ${exceeded.path}); stopped. If that is expected, raise the limit with ${option} N.`, {
        detail: { limit: exceeded.limit, value: exceeded.value },
      });
    },
  });
  const progress = new ProgressLine(process.stderr, !flags.quiet && process.stderr.isTTY === true);
  const unsubscribe = queue.subscribe((update) => progress.update(`${update.progress.done} of ${update.progress.total} files`, update.progress.bytesDone, update.progress.bytesTotal || null));
  const questions = queue.onDidChangeQuestion((question) => {
    if (question) void answerOnTerminal(queue, question);
  });
  try {
    const added = await queue.add({ ...request, siteKey, listingSession: browse });
    for (const entry of added.skipped) warn(`skipped ${entry.path}: ${entry.reason}`);
    await queue.whenSettled();
  } finally {
    unsubscribe();
    questions();
    progress.finish();
    await queue.stop();
  }
  const items = queue.getSnapshot().items;
  const files = items.filter((item) => item.kind === 'file');
  const failed = items.filter((item) => item.state === 'failed');
  for (const item of items.filter((i) => i.state === 'skipped')) warn(`skipped ${item.direction === 'download' ? item.localPath : item.remotePath}: ${item.skipReason ?? 'skipped'}`);
  for (const item of failed) warn(`failed ${item.direction === 'download' ? item.remotePath : item.localPath}: ${item.lastError?.message ?? 'failed'}`);
  if (!flags.quiet) {
    const bytes = files.filter((i) => i.state === 'done').reduce((sum, i) => sum + i.bytesTotal, 0);
    const verified = files.filter((i) => i.state === 'done').map((i) => i.verifiedBy ?? 'size');
    const byHash = verified.filter((v) => v !== 'size').length;
    warn(
      `${request.direction === 'download' ? 'downloaded' : 'uploaded'} ${files.filter((i) => i.state === 'done').length} of ${files.length} files (${formatBytes(bytes)}), verified ${byHash > 0 ? `by ${verified.find((v) => v !== 'size')} hash (${byHash}) and ` : ''}by size (${verified.length - byHash})`,
    );
  }
  const first = failed[0]?.lastError;
  if (first) throw new WharfError(first.kind, `${failed.length} of ${files.length} transfers failed; first: ${first.message}`, first.code !== undefined ? { code: first.code } : {});
}

async function commandGet(positionals: string[], flags: CliFlags): Promise<void> {
  const [source, target] = positionals;
  if (!source || !target || !isRemoteArgument(source)) throw new WharfError('invalid-input', 'get takes a remote URL and a local path: wharf get URL LOCAL');
  const location = parseLocation(source);
  const { session, path } = await openSession(location, flags);
  try {
    const targetIsFolder = await stat(target).then((s) => s.isDirectory()).catch(() => false);
    const name = posix.basename(path);
    if (!flags.recursive) {
      // Into a folder, the remote name is joined and checked in the queue like a name picked in the app.
      await runThroughQueue(location, flags, session, targetIsFolder
        ? { direction: 'download', localFolder: target, remoteFolder: posix.dirname(path), name, kind: 'file' }
        : { direction: 'download', localPath: target, remotePath: path, kind: 'file' });
      return;
    }
    await runThroughQueue(location, flags, session, { direction: 'download', localPath: target, remotePath: path, kind: 'directory' });
  } finally {
    await session.close();
  }
}

async function commandPut(positionals: string[], flags: CliFlags): Promise<void> {
  const [source, target] = positionals;
  if (!source || !target || !isRemoteArgument(target)) throw new WharfError('invalid-input', 'put takes a local path and a remote URL: wharf put LOCAL URL');
  const location = parseLocation(target);
  const localStat = await stat(source).catch(() => null);
  if (localStat === null) throw new WharfError('local-io', `${source} does not exist.`);
  if (localStat.isDirectory() && !flags.recursive) throw new WharfError('invalid-input', `${source} is a folder: add -r to upload it.`);
  const { session, path, uploadViaTemporaryName } = await openSession(location, flags);
  try {
    const remotePath = !localStat.isDirectory() && path.endsWith('/') ? posix.join(path, basename(source)) : path;
    await runThroughQueue(location, flags, session, { direction: 'upload', localPath: source, remotePath, uploadViaTemporaryName, kind: localStat.isDirectory() ? 'directory' : 'file' });
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

/** Runs one command other than doctor and sync. */
async function runCommand(command: string, positionals: string[], flags: CliFlags, siteFlags: SiteFlags): Promise<number> {
  switch (command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      // Scripts check this before relying on a flag; the app shows the same number in its About.
      process.stdout.write(`wharf ${wharfVersion}\n`);
      return 0;
    case 'ls':
      await withRemote(positionals, flags, 'ls takes a remote URL: wharf ls URL', async (session, path) => {
        for (const entry of await session.list(path)) process.stdout.write(`${formatEntry(entry)}\n`);
      });
      return 0;
    case 'get':
      await commandGet(positionals, flags);
      return 0;
    case 'put':
      await commandPut(positionals, flags);
      return 0;
    case 'rm':
      await withRemote(positionals, flags, 'rm takes a remote URL: wharf rm URL [-r]', (session, path) => session.remove(path, { recursive: flags.recursive }));
      return 0;
    case 'mkdir':
      await withRemote(positionals, flags, 'mkdir takes a remote URL: wharf mkdir URL [-p]', (session, path) => session.mkdir(path, { recursive: flags.parents }));
      return 0;
    case 'info':
      await withRemote(positionals, flags, 'info takes a remote URL: wharf info URL', async (session, path) => {
        await session.list(path); // opens a data connection, so TLS session reuse is known
        process.stdout.write(`${formatReport(session.report)}\n`);
      });
      return 0;
    case 'site':
      await runSiteCommand(positionals, siteFlags, {
        out: (text) => process.stdout.write(`${text}\n`),
        warn,
        askPassword: async (question) => (process.stdin.isTTY ? (await ask(question, { hidden: true })) || null : null),
      });
      return 0;
    default:
      throw new WharfError('invalid-input', `Unknown command "${command}". Run wharf --help.`);
  }
}

/** Runs the command line; returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    // doctor and sync parse their own flags.
    if (argv[0] === 'doctor') return await runDoctorCommand(argv.slice(1), processCliIo());
    if (argv[0] === 'sync') return await runSyncCommand(argv.slice(1), processCliIo());
    if (argv[0] === 'site' && (argv[1] === 'import' || argv[1] === 'export')) {
      await runSiteFileCommand(argv.slice(1), { out: (text) => process.stdout.write(`${text}\n`), warn });
      return 0;
    }
    const { command, positionals, flags, siteFlags } = parseFlags(argv);
    try {
      return await runCommand(command, positionals, flags, siteFlags);
    } finally {
      await settleSiteSaves();
    }
  } catch (err) {
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      warn(`${err.message} (run wharf --help)`);
      return 2;
    }
    const error = err instanceof WharfError ? err : new WharfError('internal', err instanceof Error ? err.message : String(err));
    warn(withReplyWords(error.message, error.code));
    if (error.kind === 'ftp' && argv.some((arg) => isRemoteArgument(arg) && /[^\p{ASCII}]/u.test(arg)) && !argv.some((arg) => arg.startsWith('--charset'))) {
      warn('the path has characters beyond ASCII: if the server names files in another charset than UTF-8, try --charset NAME (windows-1251, shift_jis, ...)');
    }
    return EXIT_CODES[error.kind] ?? 1;
  }
}

// A signal ends the command at once, whatever it waits for: partial downloads stay as NAME.part for
// --resume, and nothing else is kept only in memory.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nwharf: stopped by ${signal}\n`);
    process.exit(code);
  });
}

// Exit with the command's code even if a socket or timer is still open (a server's late data connection, say).
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
});
