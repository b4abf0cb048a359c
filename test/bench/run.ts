// Over 500 lines on purpose, for now: what is pure already lives beside it (clients.ts builds each client's
// command lines, report.ts the medians, ratios and Markdown tables, wan-proxy.ts the WAN). What stays here is the
// options, the three scenarios and the report sections, which all read the same Options and result records and
// are being reworked for the WAN bench (#16); they move to scenarios.ts and report-sections.ts once that settles,
// since splitting them while they change would leave two versions to merge by hand.
/**
 * `npm run bench`: Wharf side by side with curl and lftp, in the same run, on the same servers.
 *
 * Starts its own fleet (vsftpd, proftpd, pure-ftpd on 127.0.0.1) in a temporary folder, times whole
 * processes (spawn to exit), checks what every client delivered (size and SHA-256), and reports medians
 * and ratios (Wharf time / curl time, Wharf time / lftp time: below 1 means Wharf is faster). Prints a
 * Markdown report and writes docs/BENCHMARKS.md. No assertions on timings anywhere: this is a measuring
 * tool, not a test. Needs root (the fleet does) and a built CLI (`npm run build`, or
 * `npx vite build -c vite.cli.config.ts`).
 *
 * `--wan` runs the same scenarios through a user-space WAN (test/bench/wan-proxy.ts: 25 ms each way, a TCP-like
 * window per connection, optionally a shared rate limit) in front of the control connection and the whole passive
 * range; `--net both` runs loopback and WAN in the same run and puts their ratios side by side. A run writes the
 * sections of the networks it measured and keeps the other network's section of the report file.
 *
 *   npm run bench -- [--size 256M] [--runs 3] [--files 500] [--file-size 4K] [--curl-seq-files 30]
 *                    [--connections 1,4,8] [--list-entries 10000] [--part big,small,list]
 *                    [--servers vsftpd-explicit,...] [--wan | --net loopback|wan|both]
 *                    [--wan-delay 25] [--wan-window 4M] [--wan-rate 12.5M] [--wan-handshake] [--no-write] [--out FILE]
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  chmodSync, createReadStream, createWriteStream, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startFleet, type RunningFleet, type ServerInfo, type ServerName } from '../servers/fleet';
import { passivePortsOf } from '../faults/support';
import { CLIENT_LABELS, commandFor, wharfInfoCommand, type ClientContext, type ClientName, type Job } from './clients';
import { startWanProxy, type WanOptions, type WanProxy } from './wan-proxy';
import { benchAppFolder } from './app-folder';
import { checkWanProxy, describeSelfCheck } from './wan-self-check';
import {
  correctness, formatMBps, formatRate, formatRatio, formatSeconds, formatSize, markdownTable, median, medianOfAll, medianOfGood, parseSize, ratio,
  type RunRecord,
} from './report';

const root = fileURLToPath(new URL('../..', import.meta.url));
const wharfBin = join(root, 'bin', 'wharf');
const wharfBundle = join(root, 'dist', 'cli', 'wharf.cjs');

const BIG_SERVERS: readonly ServerName[] = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit', 'vsftpd-implicit', 'vsftpd-plain'];
const SMALL_SERVERS: readonly ServerName[] = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit', 'vsftpd-plain'];
/** Through the WAN every scenario takes minutes: two servers by default (vsftpd takes only P-256 key shares). */
const WAN_SERVERS: readonly ServerName[] = ['vsftpd-explicit', 'pureftpd-explicit'];
/** The proxy's address; the fleet's certificate names it too when a WAN run is asked for. */
const WAN_HOST = '127.0.0.2';
const SERVER_LABELS: Record<string, string> = {
  'vsftpd-explicit': 'vsftpd, explicit FTPS',
  'vsftpd-implicit': 'vsftpd, implicit FTPS',
  'proftpd-explicit': 'proftpd, explicit FTPS',
  'pureftpd-explicit': 'pure-ftpd, explicit FTPS',
  'vsftpd-plain': 'vsftpd, plain FTP',
};
const BIG_NAME = 'big.bin';
const SMALL_DIR = 'small';
const LIST_DIR = 'many';
const ANALYSIS_START = '<!-- analysis:start (hand-written; npm run bench keeps this section) -->';
const ANALYSIS_END = '<!-- analysis:end -->';

const USAGE = `npm run bench -- [options]   (needs root and a built CLI: npm run build)
  --size SIZE            big file size (default 256M; K, M, G suffixes; --size 1G for the notes' figure)
  --runs N               runs per measurement, median reported (default 3)
  --files N              small files (default 500)
  --file-size SIZE       size of each small file (default 4K)
  --curl-seq-files N     files for curl's slow sequential mode (default 30: it waits 0.2-1 s per file)
  --connections 1,4,8    connection counts for the small files (default 1,4,8)
  --list-entries N       entries of the listed folder (default 10000)
  --part big,small,list  which parts to run (default all three)
  --servers a,b          only these fleet servers (vsftpd-explicit, proftpd-explicit, pureftpd-explicit,
                         vsftpd-implicit, vsftpd-plain); the WAN's default is vsftpd-explicit,pureftpd-explicit
  --wan                  through the WAN proxy only (same as --net wan)
  --net loopback|wan|both  which networks (default loopback); both: side by side in one run
  --wan-delay MS         one-way delay of the WAN, each direction (default 25)
  --wan-window SIZE      bytes one connection may have in flight per direction (default 4M: its TCP window)
  --wan-rate SIZE        a link shared by all connections, bytes per second (default: none)
  --wan-processes N      relay processes per proxy, outside the bench's own (default 2; 1 with --wan-rate)
  --wan-handshake        model TCP's handshake: a connection reaches the server 1.5 round trips after the
                         client connected (default: at once, as in the rounds before)
  --baseline FILE        also run an earlier build's dist/cli/wharf.cjs (copied elsewhere) as "Wharf baseline":
                         before/after ratios from the same run
  --segments N           big downloads also as wharf get --segments N and lftp pget -n N (default 4 when the
                         WAN is measured, else 0: not)
  --timeout SECONDS      per client process (default 900)
  --app-folder           instead: a big folder opened in the app (test/bench/app-folder.ts; --app-entries N, default
                         100000, and --runs): first rows, longest renderer task, heap and main's RSS beside wharf ls
  --out FILE             report file (default docs/BENCHMARKS.md);  --no-write: stdout only
`;

type Part = 'big' | 'small' | 'list';
type Network = 'loopback' | 'wan';

interface Options {
  size: number;
  runs: number;
  files: number;
  fileSize: number;
  curlSeqFiles: number;
  connections: number[];
  listEntries: number;
  parts: Set<Part>;
  servers: ServerName[] | null;
  networks: Network[];
  wan: WanOptions;
  baseline: string | null;
  /** Big downloads also as `wharf get --segments N` and `lftp pget -n N`; 0: not. */
  segments: number;
  write: boolean;
  out: string;
  timeoutMs: number;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: '256M' },
      runs: { type: 'string', default: '3' },
      files: { type: 'string', default: '500' },
      'file-size': { type: 'string', default: '4K' },
      'curl-seq-files': { type: 'string', default: '30' },
      connections: { type: 'string', default: '1,4,8' },
      'list-entries': { type: 'string', default: '10000' },
      part: { type: 'string', default: 'big,small,list' },
      servers: { type: 'string' },
      wan: { type: 'boolean', default: false },
      net: { type: 'string' },
      'wan-delay': { type: 'string', default: '25' },
      'wan-window': { type: 'string', default: '4M' },
      'wan-rate': { type: 'string' },
      'wan-processes': { type: 'string', default: '2' },
      'wan-handshake': { type: 'boolean', default: false },
      baseline: { type: 'string' },
      segments: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      out: { type: 'string', default: join(root, 'docs', 'BENCHMARKS.md') },
      timeout: { type: 'string', default: '900' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const whole = (name: string, text: string, min: number): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number >= ${min}, not "${text}"`);
    return n;
  };
  const parts = new Set(values.part.split(',').map((p) => p.trim()).filter(Boolean));
  for (const p of parts) if (p !== 'big' && p !== 'small' && p !== 'list') throw new Error(`--part takes big, small and/or list, not "${p}"`);
  const net = values.net ?? (values.wan ? 'wan' : 'loopback');
  const networks: Network[] | undefined = ({ loopback: ['loopback'], wan: ['wan'], both: ['loopback', 'wan'] } as const satisfies Record<string, Network[]>)[net as 'both'];
  if (!networks || (values.wan && net === 'loopback')) throw new Error(`--net takes loopback, wan or both, not "${net}"`);
  const connections = values.connections.split(',').map((c) => whole('connections', c.trim(), 1));
  if (connections.some((c) => c > 10)) throw new Error('--connections: Wharf allows at most 10');
  const known = new Set<string>([...BIG_SERVERS, ...SMALL_SERVERS]);
  const servers = values.servers ? values.servers.split(',').map((s) => s.trim()) : null;
  for (const s of servers ?? []) if (!known.has(s)) throw new Error(`--servers: unknown server "${s}" (known: ${[...known].join(', ')})`);
  return {
    size: parseSize(values.size),
    runs: whole('runs', values.runs, 1),
    files: whole('files', values.files, 1),
    fileSize: parseSize(values['file-size']),
    curlSeqFiles: whole('curl-seq-files', values['curl-seq-files'], 1),
    connections,
    listEntries: whole('list-entries', values['list-entries'], 1),
    parts: parts as Set<Part>,
    servers: servers as ServerName[] | null,
    networks: [...networks],
    baseline: values.baseline ?? null,
    // A WAN run covers segmented downloads unless told otherwise (#16 compares them with lftp pget -n 4).
    segments: whole('segments', values.segments ?? (networks.includes('wan') ? '4' : '0'), 0),
    wan: {
      delayMs: whole('wan-delay', values['wan-delay'], 0),
      windowBytes: parseSize(values['wan-window']),
      rateBytesPerSecond: values['wan-rate'] ? parseSize(values['wan-rate']) : null,
      processes: whole('wan-processes', values['wan-processes'], 1),
      handshake: values['wan-handshake'],
    },
    write: !values['no-write'],
    out: values.out,
    timeoutMs: whole('timeout', values.timeout, 1) * 1000,
  };
}

// ---------------------------------------------------------------------------------------------------
// Processes and files

interface Timed {
  seconds: number;
  exitCode: number | null;
  stderr: string;
  /** Lines written to stdout (listings); 0 when not counted. */
  stdoutLines: number;
}

/** Runs one client process and times it from spawn to exit. Killed (by its own pid) after the timeout. */
function timedRun(command: { cmd: string; args: readonly string[]; env: NodeJS.ProcessEnv }, timeoutMs: number, countStdoutLines = false): Promise<Timed> {
  return new Promise((resolve) => {
    let stderr = '';
    let stdoutLines = 0;
    const start = process.hrtime.bigint();
    const child = spawn(command.cmd, command.args, { env: command.env, stdio: ['ignore', countStdoutLines ? 'pipe' : 'ignore', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) stdoutLines++;
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => {
      stderr += `\n[bench: killed after ${timeoutMs / 1000} s]`;
      child.kill('SIGKILL');
    }, timeoutMs);
    let exitAt = 0n;
    child.once('exit', () => {
      exitAt = process.hrtime.bigint();
    });
    child.once('error', (err) => {
      stderr += String(err);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      const end = exitAt || process.hrtime.bigint();
      resolve({ seconds: Number(end - start) / 1e9, exitCode: code, stderr: stderr.trim(), stdoutLines });
    });
  });
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Writes `size` random bytes; returns their SHA-256. */
async function writeRandomFile(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  for (let left = size; left > 0; ) {
    const chunk = randomBytes(Math.min(left, 1 << 20));
    hash.update(chunk);
    left -= chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return hash.digest('hex');
}

/** '' when the file is there with the right size (and SHA-256 when `sha` is given), else what is wrong. */
async function checkFile(path: string, size: number, sha: string | null): Promise<string> {
  if (!existsSync(path)) return 'missing';
  const actual = statSync(path).size;
  if (actual !== size) return `${actual} bytes, expected ${size}`;
  if (sha !== null && (await sha256File(path)) !== sha) return 'SHA-256 differs';
  return '';
}

/** Compares a downloaded folder with the expected files: intact, missing, corrupt, and anything extra (.part). */
async function checkTree(dir: string, expected: ReadonlyMap<string, string>, size: number): Promise<{ good: number; problem: string }> {
  const present = new Set(existsSync(dir) ? readdirSync(dir) : []);
  let good = 0;
  let missing = 0;
  let corrupt = 0;
  for (const [name, sha] of expected) {
    if (!present.delete(name)) {
      missing++;
      continue;
    }
    if ((await checkFile(join(dir, name), size, sha)) === '') good++;
    else corrupt++;
  }
  const problems = [missing ? `${missing} missing` : '', corrupt ? `${corrupt} corrupt` : '', present.size ? `${present.size} unexpected (e.g. ${[...present][0]})` : '']
    .filter(Boolean)
    .join(', ');
  return { good, problem: problems };
}

function firstLine(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').find((l) => l.trim())?.trim() ?? 'unknown';
}

function debianVersion(pkgDir: string, doc: string): string {
  const tools = process.env.WHARF_TOOLS_DIR || '/opt/wharf-tools';
  const r = spawnSync('sh', ['-c', `zcat "${join(tools, 'servers', pkgDir, 'usr/share/doc', doc, 'changelog.Debian.gz')}" | head -1`], { encoding: 'utf8' });
  return /\(([^)]+)\)/.exec(r.stdout ?? '')?.[1] ?? 'unknown';
}

function log(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

// ---------------------------------------------------------------------------------------------------
// Scenarios

interface BigResult {
  direction: 'download' | 'upload';
  server: ServerName;
  runs: Record<string, RunRecord[]>;
}

interface SmallResult {
  direction: 'download' | 'upload';
  server: ServerName;
  connections: number;
  /** Files each client was asked for (curl's sequential mode gets a subset: see --curl-seq-files). */
  files: Record<string, number>;
  runs: Record<string, RunRecord[]>;
}

interface ListResult {
  server: ServerName;
  runs: Record<string, RunRecord[]>;
}

interface NetworkResults {
  network: Network;
  big: BigResult[];
  small: SmallResult[];
  list: ListResult[];
  /** WAN: the proxy measured alone before the clients ran (wan-self-check.ts), as report lines. */
  proxyCheck?: string[];
}

/** Client order rotates from run to run, so background load and caches do not favour one client. */
function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** The line of a client's stderr that says what went wrong (the last error-looking one). */
function stderrSummary(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !/plain FTP: the password/.test(l));
  const errorLine = lines.filter((l) => /^curl: \(|error|fail|refused|denied|killed|^wharf:|^\w+: /i.test(l)).at(-1);
  return (errorLine ?? lines.at(-1) ?? '').slice(0, 160);
}

function withExit(timed: Timed, problem: string): string {
  return timed.exitCode !== 0 ? `exit ${timed.exitCode ?? 'killed'}${problem ? `, ${problem}` : ''}: ${stderrSummary(timed.stderr)}` : problem;
}

/** What a scenario needs besides the servers: how to reach each, and where the test data is. */
interface Bench {
  readonly opts: Options;
  readonly network: Network;
  readonly ctxFor: (s: ServerInfo) => ClientContext;
  readonly localDir: string;
  readonly bigLocal: string;
  readonly bigSha: string;
  readonly smallSource: string;
  readonly names: readonly string[];
  readonly shas: ReadonlyMap<string, string>;
}

/** Wharf, its baseline build when --baseline names one, curl and lftp. */
function clientsOf(opts: Options, extra: ClientName[] = []): ClientName[] {
  return ['wharf', ...extra, ...(opts.baseline ? (['wharf-baseline'] as const) : []), 'curl', 'lftp'];
}

async function benchBig(b: Bench, servers: ServerInfo[]): Promise<BigResult[]> {
  const { opts } = b;
  const clients = clientsOf(opts);
  const results: BigResult[] = [];
  for (const direction of ['download', 'upload'] as const) {
    const segmented: ClientName[] = direction === 'download' && opts.segments > 1 ? ['wharf-segments', 'lftp-pget'] : [];
    for (const server of servers) {
      const result: BigResult = { direction, server: server.name, runs: {} };
      for (let run = 0; run < opts.runs; run++) {
        for (const client of rotate([...clients, ...segmented], run)) {
          const job: Job =
            direction === 'download'
              ? { kind: 'download', remote: BIG_NAME, local: join(b.localDir, `dl-${client}.bin`) }
              : { kind: 'upload', local: b.bigLocal, remote: `up-${client}.bin` };
          const landed = job.kind === 'download' ? job.local : join(server.root, job.remote);
          rmSync(landed, { force: true });
          const timed = await timedRun(commandFor(client, b.ctxFor(server), job), opts.timeoutMs);
          // SHA-256 on the first run of each pair (hashing 1 GiB takes seconds); the size on every run.
          const problem = withExit(timed, await checkFile(landed, opts.size, run === 0 ? b.bigSha : null));
          rmSync(landed, { force: true });
          rmSync(`${landed}.part`, { force: true });
          rmSync(`${landed}.lftp-pget-status`, { force: true });
          (result.runs[client] ??= []).push({ seconds: timed.seconds, exitCode: timed.exitCode, good: problem ? 0 : 1, expected: 1, problem });
          log(`${b.network} ${direction} ${server.name} run ${run + 1}/${opts.runs} ${client}: ${formatSeconds(timed.seconds)}${problem ? ` PROBLEM ${problem}` : ''}`);
        }
      }
      results.push(result);
    }
  }
  return results;
}

async function benchSmall(b: Bench, servers: ServerInfo[]): Promise<SmallResult[]> {
  const { opts } = b;
  const results: SmallResult[] = [];
  for (const direction of ['download', 'upload'] as const) {
    for (const server of servers) {
      // "Wharf pinned" shows what --ca costs per file; one loopback download row is enough to see it.
      const pinned = server.mode !== 'plain' && direction === 'download' && b.network === 'loopback';
      const clients = clientsOf(opts, pinned ? ['wharf-pinned'] : []);
      for (const connections of opts.connections) {
        const result: SmallResult = { direction, server: server.name, connections, files: {}, runs: {} };
        for (let run = 0; run < opts.runs; run++) {
          for (const client of rotate(clients, run)) {
            // curl 7.88's sequential FTPS mode waits 0.25-1 s per file: a subset keeps the run reasonable (files/s is comparable).
            const subset = client === 'curl' && connections === 1 ? b.names.slice(0, Math.min(opts.curlSeqFiles, b.names.length)) : b.names;
            const expected = new Map(subset.map((n) => [n, b.shas.get(n) as string]));
            let target: string;
            let job: Job;
            if (direction === 'download') {
              target = join(b.localDir, `tree-${client}`);
              rmSync(target, { recursive: true, force: true });
              mkdirSync(target); // curl writes into an existing folder; the others create it anyway
              job = { kind: 'download-tree', remoteDir: SMALL_DIR, localDir: target, files: subset, connections };
            } else {
              const remoteDir = `up-${client}`;
              target = join(server.root, remoteDir);
              rmSync(target, { recursive: true, force: true });
              // lftp's mirror -R sends the whole folder: the subset is for curl only, which names its files.
              job = { kind: 'upload-tree', localDir: b.smallSource, remoteDir, files: subset, connections };
            }
            const timed = await timedRun(commandFor(client, b.ctxFor(server), job), opts.timeoutMs);
            const tree = await checkTree(target, expected, opts.fileSize);
            const problem = withExit(timed, tree.problem);
            rmSync(target, { recursive: true, force: true });
            result.files[client] = subset.length;
            (result.runs[client] ??= []).push({ seconds: timed.seconds, exitCode: timed.exitCode, good: tree.good, expected: subset.length, problem });
            const rate = tree.good / timed.seconds;
            log(`${b.network} small ${direction} ${server.name} x${connections} run ${run + 1}/${opts.runs} ${client}: ${tree.good}/${subset.length} files in ${formatSeconds(timed.seconds)} (${formatRate(rate)} files/s)${problem ? ` PROBLEM ${problem}` : ''}`);
          }
        }
        results.push(result);
      }
    }
  }
  return results;
}

async function benchList(b: Bench, servers: ServerInfo[]): Promise<ListResult[]> {
  const { opts } = b;
  const clients = clientsOf(opts);
  const results: ListResult[] = [];
  for (const server of servers) {
    const result: ListResult = { server: server.name, runs: {} };
    for (let run = 0; run < opts.runs; run++) {
      for (const client of rotate(clients, run)) {
        const timed = await timedRun(commandFor(client, b.ctxFor(server), { kind: 'list', remoteDir: LIST_DIR }), opts.timeoutMs, true);
        // One line per entry (a server may add "." and ".." or a "total" line).
        const complete = timed.stdoutLines >= opts.listEntries && timed.stdoutLines <= opts.listEntries + 3;
        const problem = withExit(timed, complete ? '' : `${timed.stdoutLines} lines for ${opts.listEntries} entries`);
        (result.runs[client] ??= []).push({ seconds: timed.seconds, exitCode: timed.exitCode, good: problem ? 0 : 1, expected: 1, problem });
        log(`${b.network} list ${server.name} run ${run + 1}/${opts.runs} ${client}: ${formatSeconds(timed.seconds)}${problem ? ` PROBLEM ${problem}` : ''}`);
      }
    }
    results.push(result);
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------
// Report

/** Files per second of one client: intact files over wall time, median over runs (failed runs included). */
function smallRate(result: SmallResult, client: string): number | null {
  const runs = result.runs[client];
  if (!runs || runs.length === 0) return null;
  return median(runs.map((r) => r.good / r.seconds));
}

/** Wharf's time over the faster of curl and lftp (only peers that delivered everything count). */
function bestPeerRatio(wharf: number | null, runs: Record<string, RunRecord[]>, timeOf: (client: string) => number | null): number | null {
  const peers = ['curl', 'lftp'].filter((c) => correctness(runs[c] ?? []) === 'ok').map(timeOf).filter((t): t is number => t !== null);
  return peers.length ? ratio(wharf, Math.min(...peers)) : null;
}

const perFile = (rate: number | null) => (rate === null || rate <= 0 ? null : 1 / rate);

/** With --baseline: the earlier build's figure and this build's time over it (below 1: this build is faster). */
const BASELINE_HEADERS = (opts: Options) => (opts.baseline ? ['Wharf baseline', 'Wharf / baseline'] : []);

function bigTables(results: BigResult[], opts: Options): string {
  const rows = results.map((r) => {
    const w = medianOfGood(r.runs.wharf ?? []);
    const c = medianOfGood(r.runs.curl ?? []);
    const l = medianOfGood(r.runs.lftp ?? []);
    const mark = (client: string, t: number | null) => (correctness(r.runs[client] ?? []) === 'ok' ? formatSeconds(t) : `${formatSeconds(t)} ✗`);
    const baseline = opts.baseline ? [mark('wharf-baseline', medianOfGood(r.runs['wharf-baseline'] ?? [])), formatRatio(ratio(w, medianOfGood(r.runs['wharf-baseline'] ?? [])))] : [];
    return [
      r.direction,
      SERVER_LABELS[r.server] ?? r.server,
      mark('wharf', w),
      mark('curl', c),
      mark('lftp', l),
      formatRatio(ratio(w, c)),
      formatRatio(ratio(w, l)),
      `${formatMBps(opts.size, w)} / ${formatMBps(opts.size, c)} / ${formatMBps(opts.size, l)}`,
      ...baseline,
    ];
  });
  return markdownTable(
    ['transfer', 'server', 'Wharf', 'curl', 'lftp', 'Wharf / curl', 'Wharf / lftp', 'MB/s Wharf / curl / lftp', ...BASELINE_HEADERS(opts)],
    rows,
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

/** The fastest of Wharf, curl and lftp on one stream among those that delivered everything; null: none did. */
function bestSingleStream(r: BigResult): { client: ClientName; seconds: number } | null {
  let best: { client: ClientName; seconds: number } | null = null;
  for (const client of ['wharf', 'curl', 'lftp'] as const) {
    const seconds = medianOfGood(r.runs[client] ?? []);
    if (seconds !== null && correctness(r.runs[client] ?? []) === 'ok' && (best === null || seconds < best.seconds)) best = { client, seconds };
  }
  return best;
}

/**
 * With --segments N: the segmented downloads beside the best single stream of the same run (the fastest of
 * Wharf, curl and lftp among those that delivered everything) and lftp's `pget -n N`.
 */
function segmentedTable(results: BigResult[], opts: Options): string {
  const rows = results
    .filter((r) => r.runs['wharf-segments'])
    .map((r) => {
      const t = (client: string) => medianOfGood(r.runs[client] ?? []);
      const best = bestSingleStream(r)?.client ?? null;
      const mark = (client: string) => (correctness(r.runs[client] ?? []) === 'ok' ? formatSeconds(t(client)) : `${formatSeconds(t(client))} ✗`);
      const speedup = (other: number | null) => formatRatio(ratio(other, t('wharf-segments')));
      return [
        SERVER_LABELS[r.server] ?? r.server,
        mark('wharf-segments'),
        mark('lftp-pget'),
        best ? `${CLIENT_LABELS[best]} ${formatSeconds(t(best))}` : 'n/a',
        speedup(best ? t(best) : null),
        speedup(t('lftp-pget')),
        `${formatMBps(opts.size, t('wharf-segments'))} / ${formatMBps(opts.size, t('lftp-pget'))}`,
      ];
    });
  return markdownTable(
    ['server', `Wharf --segments ${opts.segments}`, `lftp pget -n ${opts.segments}`, 'best single stream', 'best single / Wharf segments', `lftp pget / Wharf segments`, 'MB/s Wharf segments / pget'],
    rows,
    ['l', 'r', 'r', 'l', 'r', 'r', 'r'],
  );
}

function smallTables(results: SmallResult[]): { ratios: string; details: string } {
  const ratioRows = results.map((r) => {
    const w = smallRate(r, 'wharf');
    const c = smallRate(r, 'curl');
    const l = smallRate(r, 'lftp');
    // Time per file: Wharf's over the other's, the same sense as the big-file ratios.
    const cell = (client: string, rate: number | null) => (correctness(r.runs[client] ?? []) === 'ok' ? formatRate(rate) : `${formatRate(rate)} ✗`);
    return [
      r.direction,
      SERVER_LABELS[r.server] ?? r.server,
      String(r.connections),
      cell('wharf', w),
      r.runs['wharf-pinned'] ? cell('wharf-pinned', smallRate(r, 'wharf-pinned')) : '',
      cell('curl', c),
      cell('lftp', l),
      formatRatio(ratio(perFile(w), perFile(c))),
      formatRatio(ratio(perFile(w), perFile(l))),
      ...(r.runs['wharf-baseline'] ? [cell('wharf-baseline', smallRate(r, 'wharf-baseline')), formatRatio(ratio(perFile(w), perFile(smallRate(r, 'wharf-baseline'))))] : []),
    ];
  });
  const withBaseline = results.some((r) => r.runs['wharf-baseline']);
  const detailRows = results.flatMap((r) =>
    Object.keys(r.runs).map((client) => {
      const runs = r.runs[client] ?? [];
      const rate = smallRate(r, client);
      return [
        r.direction,
        SERVER_LABELS[r.server] ?? r.server,
        String(r.connections),
        CLIENT_LABELS[client as ClientName] ?? client,
        String(r.files[client] ?? ''),
        formatSeconds(medianOfAll(runs)),
        formatRate(rate),
        rate ? (1000 / rate).toFixed(1) : 'n/a',
        correctness(runs),
      ];
    }),
  );
  return {
    ratios: markdownTable(
      ['transfer', 'server', 'connections', 'Wharf', 'Wharf pinned', 'curl', 'lftp', 'Wharf / curl', 'Wharf / lftp', ...(withBaseline ? ['Wharf baseline', 'Wharf / baseline'] : [])],
      ratioRows,
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    details: markdownTable(
      ['transfer', 'server', 'connections', 'client', 'files', 'median wall', 'files/s', 'ms per file', 'correctness (every file, SHA-256)'],
      detailRows,
      ['l', 'l', 'r', 'l', 'r', 'r', 'r', 'r', 'l'],
    ),
  };
}

function listTable(results: ListResult[], opts: Options): string {
  const rows = results.map((r) => {
    const t = (client: string) => medianOfGood(r.runs[client] ?? []);
    const mark = (client: string) => (correctness(r.runs[client] ?? []) === 'ok' ? formatSeconds(t(client)) : `${formatSeconds(t(client))} ✗`);
    const baseline = opts.baseline ? [mark('wharf-baseline'), formatRatio(ratio(t('wharf'), t('wharf-baseline')))] : [];
    return [SERVER_LABELS[r.server] ?? r.server, mark('wharf'), mark('curl'), mark('lftp'), formatRatio(ratio(t('wharf'), t('curl'))), formatRatio(ratio(t('wharf'), t('lftp'))), ...baseline];
  });
  return markdownTable(['server', 'Wharf', 'curl', 'lftp', 'Wharf / curl', 'Wharf / lftp', ...BASELINE_HEADERS(opts)], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']);
}

/** One row per scenario: Wharf over the best peer on loopback and through the WAN, from the same run. */
function sideBySide(loopback: NetworkResults, wan: NetworkResults, opts: Options): string {
  const rows: string[][] = [];
  const cells = (pick: (n: NetworkResults) => number | null) => [formatRatio(pick(loopback)), formatRatio(pick(wan))];
  const servers = [...new Set([...wan.big, ...wan.small, ...wan.list].map((r) => r.server))];
  for (const server of servers) {
    const label = SERVER_LABELS[server] ?? server;
    for (const direction of ['download', 'upload'] as const) {
      const big = (n: NetworkResults) => {
        const r = n.big.find((x) => x.server === server && x.direction === direction);
        return r ? bestPeerRatio(medianOfGood(r.runs.wharf ?? []), r.runs, (c) => medianOfGood(r.runs[c] ?? [])) : null;
      };
      if (wan.big.some((x) => x.server === server)) rows.push([label, `${formatSize(opts.size)} ${direction}`, ...cells(big)]);
      if (direction === 'download' && wan.big.some((x) => x.server === server && x.runs['wharf-segments'])) {
        // Wharf's segmented time over the best single stream of any client, then over lftp's pget.
        const segmented = (n: NetworkResults, against: (r: BigResult) => number | null) => {
          const r = n.big.find((x) => x.server === server && x.direction === 'download');
          return r ? ratio(medianOfGood(r.runs['wharf-segments'] ?? []), against(r)) : null;
        };
        const single = (r: BigResult) => bestSingleStream(r)?.seconds ?? null;
        const pget = (r: BigResult) => (correctness(r.runs['lftp-pget'] ?? []) === 'ok' ? medianOfGood(r.runs['lftp-pget'] ?? []) : null);
        rows.push([label, `${formatSize(opts.size)} download, Wharf --segments ${opts.segments} / best single stream`, ...cells((n) => segmented(n, single))]);
        rows.push([label, `${formatSize(opts.size)} download, Wharf --segments ${opts.segments} / lftp pget -n ${opts.segments}`, ...cells((n) => segmented(n, pget))]);
      }
      for (const connections of opts.connections) {
        const small = (n: NetworkResults) => {
          const r = n.small.find((x) => x.server === server && x.direction === direction && x.connections === connections);
          return r ? bestPeerRatio(perFile(smallRate(r, 'wharf')), r.runs, (c) => perFile(smallRate(r, c))) : null;
        };
        if (wan.small.some((x) => x.server === server)) rows.push([label, `${opts.files} small files ${direction}, ${connections} conn.`, ...cells(small)]);
      }
    }
    const list = (n: NetworkResults) => {
      const r = n.list.find((x) => x.server === server);
      return r ? bestPeerRatio(medianOfGood(r.runs.wharf ?? []), r.runs, (c) => medianOfGood(r.runs[c] ?? [])) : null;
    };
    if (wan.list.some((x) => x.server === server)) rows.push([label, `list ${opts.listEntries} entries`, ...cells(list)]);
  }
  return markdownTable(['server', 'scenario', 'loopback: Wharf / best peer', 'WAN: Wharf / best peer'], rows, ['l', 'l', 'r', 'r']);
}

function problemList(results: NetworkResults): string[] {
  const lines: string[] = [];
  const add = (what: string, runs: Record<string, RunRecord[]>) => {
    for (const [client, clientRuns] of Object.entries(runs)) {
      const c = correctness(clientRuns);
      if (c !== 'ok') lines.push(`- ${what}, ${CLIENT_LABELS[client as ClientName] ?? client}: ${c}`);
    }
  };
  for (const r of results.big) add(`${r.direction}, ${SERVER_LABELS[r.server] ?? r.server}`, r.runs);
  for (const r of results.small) add(`small files ${r.direction}, ${SERVER_LABELS[r.server] ?? r.server}, ${r.connections} connection(s)`, r.runs);
  for (const r of results.list) add(`listing, ${SERVER_LABELS[r.server] ?? r.server}`, r.runs);
  return lines;
}

interface Environment {
  date: string;
  loadBefore: number;
  machine: string[];
  versions: string[];
  tls: string[];
}

async function describeEnvironment(fleet: RunningFleet, ctxFor: (s: ServerInfo) => ClientContext, loadBefore: number): Promise<Environment> {
  const cpuModel = cpus()[0]?.model ?? 'unknown';
  const git = spawnSync('git', ['-C', root, 'describe', '--always', '--dirty', '--abbrev=10'], { encoding: 'utf8' }).stdout?.trim() || 'unknown';
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const tls: string[] = [];
  for (const server of Object.values(fleet.info.servers)) {
    if (server.mode === 'plain') continue;
    const command = wharfInfoCommand(ctxFor(server));
    const out = spawnSync(command.cmd, command.args, { env: command.env, encoding: 'utf8' }).stdout ?? '';
    const pick = (label: string) => new RegExp(`^${label}:\\s*(.*)$`, 'm').exec(out)?.[1]?.trim() ?? '?';
    tls.push(`${SERVER_LABELS[server.name] ?? server.name}: ${pick('TLS')}; data connections resume the TLS session: ${pick('TLS session reused')}`);
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadBefore,
    machine: [`CPU: ${cpuModel}, nproc ${availableParallelism()}, RAM ${Math.round(totalmem() / 1024 ** 3)} GiB, Linux ${release()}`],
    versions: [
      `Wharf ${pkg.version} (${git}), Node ${process.version}`,
      firstLine('curl', ['--version']).replace(/^(curl \S+).*?(OpenSSL\/\S+).*$/, '$1 ($2)'),
      firstLine('lftp', ['--version']).replace(/^LFTP \| Version (\S+).*$/, 'lftp $1'),
      firstLine('openssl', ['version']),
      `vsftpd ${debianVersion('vsftpd', 'vsftpd')}, proftpd ${debianVersion('proftpd-core', 'proftpd-core')}, pure-ftpd ${debianVersion('pure-ftpd', 'pure-ftpd')} (Debian packages)`,
    ],
    tls,
  };
}

function sectionMarkers(network: Network): { start: string; end: string } {
  return { start: `<!-- ${network}:start (npm run bench writes this section) -->`, end: `<!-- ${network}:end -->` };
}

function describeWan(wan: WanOptions): string {
  return `${wan.delayMs} ms each way (${2 * wan.delayMs} ms round trip), at most ${formatSize(wan.windowBytes)} in flight per connection and direction${
    wan.rateBytesPerSecond ? `, one ${formatMBps(wan.rateBytesPerSecond, 1)} MB/s link shared by all connections` : ', no shared rate limit'
  }${wan.handshake ? '; TCP handshakes modelled (a connection reaches the server 1.5 round trips after the client connected)' : ''}; relayed by ${wan.rateBytesPerSecond ? 1 : (wan.processes ?? 2)} process(es) per server outside the bench's own, at nice -10`;
}

function networkSection(results: NetworkResults, env: Environment, opts: Options, argv: string[]): string {
  const { start, end } = sectionMarkers(results.network);
  const title = results.network === 'loopback' ? 'Loopback' : `WAN (${opts.wan.delayMs} ms each way)`;
  const parts: string[] = [
    start,
    `## ${title}`,
    '',
    `Measured by \`npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}\` on ${env.date}; median of ${opts.runs} run(s).`,
  ];
  if (results.network === 'wan') {
    parts.push(
      `Every connection, control and data, goes through test/bench/wan-proxy.ts: ${describeWan(opts.wan)}.`,
      'The window caps one stream at window / round trip; slow start and losses are not modelled.',
      ...(results.proxyCheck ?? []),
    );
  }
  parts.push('');
  if (results.big.length > 0) parts.push(`### One big file (${formatSize(opts.size)})`, '', bigTables(results.big, opts), '');
  if (results.big.some((r) => r.runs['wharf-segments'])) {
    parts.push(
      `### One big file in ${opts.segments} segments (download)`,
      '',
      'Above 1 means the segmented download is faster: the best single-stream time (or lftp pget\'s) over Wharf\'s.',
      '',
      segmentedTable(results.big, opts),
      '',
    );
  }
  if (results.small.length > 0) {
    const curlSubset = Math.min(opts.curlSeqFiles, opts.files);
    const tables = smallTables(results.small);
    parts.push(
      `### Many small files (${opts.files} × ${formatSize(opts.fileSize)})`,
      '',
      'Files per second (intact files / wall time, median). 1 connection: `wharf get|put -r --parallel 1`, `lftp mirror [-R]`,',
      `curl with one url/output list in one process${curlSubset < opts.files ? ` (first ${curlSubset} files only: curl's sequential FTPS mode is slow)` : ''}.`,
      'N connections: `wharf get|put -r --parallel N`, `lftp mirror [-R] --parallel=N`, `curl -Z --parallel-max N`.',
      'Ratios compare time per file. "Wharf pinned" trusts the certificate by fingerprint instead of `--ca`.',
      '',
      tables.ratios,
      '',
      '<details><summary>Details per client</summary>',
      '',
      tables.details,
      '',
      '</details>',
      '',
    );
  }
  if (results.list.length > 0) {
    parts.push(
      `### Listing a folder of ${opts.listEntries} entries`,
      '',
      '`wharf ls` (MLSD where the server has it), `curl ftp://host/dir/` and `lftp ls` (LIST); login included. A client is',
      'marked ✗ when it printed fewer lines than entries: pure-ftpd sends at most 10,000 names per listing (its `-L`',
      'default, `.` and `..` included), so at 10,000 entries Wharf shows 9,998 there and curl and lftp print `.` and `..`.',
      '',
      listTable(results.list, opts),
      '',
    );
  }
  const problems = problemList(results);
  parts.push('### Problems', '', ...(problems.length ? problems : ['None: every client delivered every file intact in every run.']), '', end);
  return parts.join('\n');
}

function buildReport(env: Environment, opts: Options, results: NetworkResults[], argv: string[], previous: string): string {
  const sections = new Map<Network, string>();
  for (const network of ['loopback', 'wan'] as const) {
    const measured = results.find((r) => r.network === network);
    if (measured) {
      sections.set(network, networkSection(measured, env, opts, argv));
      continue;
    }
    // The network this run did not measure: its section from the previous report, as it was.
    const { start, end } = sectionMarkers(network);
    const from = previous.indexOf(start);
    const to = previous.indexOf(end);
    if (from >= 0 && to > from) sections.set(network, previous.slice(from, to + end.length));
  }
  const loopback = results.find((r) => r.network === 'loopback');
  const wan = results.find((r) => r.network === 'wan');
  const parts: string[] = [
    '# Benchmarks: Wharf, curl and lftp on the same servers',
    '',
    'Generated by `npm run bench` (test/bench/run.ts); the benchmark starts its own vsftpd, proftpd and pure-ftpd',
    '(test/servers/fleet.ts) and stops them. Loopback: clients talk to the servers on 127.0.0.1. WAN (`--wan`): the',
    'same servers behind a user-space proxy that delays every byte each way (test/bench/wan-proxy.ts).',
    'Whole-process wall time (spawn to exit, login included), median of the runs; client order rotates between runs.',
    'Ratios are Wharf time / other client time: **below 1 means Wharf is faster**. Every client verifies the server',
    'certificate against the fleet CA (Wharf `--ca`, curl `--cacert`, lftp `ssl:ca-file`). What each client delivered',
    'is checked (size every run, SHA-256 on the first run for big files, every run for small files); ✗ marks a client that',
    'did not deliver everything intact in every run (see Problems).',
    '',
    '## Machine and versions (of the latest run)',
    '',
    ...env.machine.map((l) => `- ${l}`),
    `- load average (1 min): ${env.loadBefore.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end (a shared machine: other work adds noise)`,
    ...env.versions.map((l) => `- ${l}`),
    ...env.tls.map((l) => `- ${l}`),
    '',
  ];
  if (loopback && wan) {
    parts.push(
      '## Loopback and WAN side by side (one run)',
      '',
      `Wharf's time (per file for small files) over the faster of curl and lftp, among those that delivered everything (the segmented rows: Wharf's segmented download over the best single stream of any client, and over lftp's pget); WAN: ${describeWan(opts.wan)}.`,
      '',
      sideBySide(loopback, wan, opts),
      '',
    );
  }
  for (const network of ['loopback', 'wan'] as const) {
    const section = sections.get(network);
    if (section) parts.push(section, '');
  }
  return parts.join('\n');
}

/** Keeps the hand-written analysis section of an existing report. */
function withAnalysis(report: string, previous: string): string {
  let analysis = `${ANALYSIS_START}\n## Analysis\n\n(Write findings here; \`npm run bench\` keeps this section.)\n${ANALYSIS_END}`;
  const start = previous.indexOf(ANALYSIS_START);
  const end = previous.indexOf(ANALYSIS_END);
  if (start >= 0 && end > start) analysis = previous.slice(start, end + ANALYSIS_END.length);
  return `${report}\n${analysis}\n`;
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // A big folder opened in the app (Chromium through the bridge): test/bench/app-folder.ts.
  if (argv.includes('--app-folder')) return benchAppFolder(argv);
  const opts = parseOptions(argv);
  if (process.getuid?.() !== 0) throw new Error('the benchmark starts real FTP servers, which need root');
  if (!existsSync(wharfBundle)) throw new Error('dist/cli/wharf.cjs is missing: run `npm run build` (or `npx vite build -c vite.cli.config.ts`) first');
  for (const tool of ['curl', 'lftp']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) throw new Error(`${tool} is not installed: the benchmark compares Wharf with it`);
  }
  const newestSource = ['main', 'common']
    .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs))
    .reduce((a, b) => Math.max(a, b), 0);
  if (newestSource > statSync(wharfBundle).mtimeMs) log('WARNING: dist/cli/wharf.cjs is older than main/ or common/: rebuild to measure the current code');

  const loadBefore = loadavg()[0] ?? 0;
  const tmp = mkdtempSync(join(tmpdir(), 'wharf-bench-'));
  chmodSync(tmp, 0o755); // the FTP users must reach their roots under it
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  const onSignal = () => {
    cleanup();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let fleet: RunningFleet | null = null;
  const proxies: WanProxy[] = [];
  try {
    const wanted = (network: Network, list: readonly ServerName[]) =>
      opts.servers ? list.filter((s) => opts.servers?.includes(s)) : network === 'wan' ? list.filter((s) => WAN_SERVERS.includes(s)) : [...list];
    const serversFor = (network: Network, part: Part) => (!opts.parts.has(part) ? [] : wanted(network, part === 'big' ? BIG_SERVERS : SMALL_SERVERS));
    const only = [...new Set(opts.networks.flatMap((n) => (['big', 'small', 'list'] as const).flatMap((p) => serversFor(n, p))))];
    if (only.length === 0) throw new Error('nothing to run: check --part and --servers');
    log(`starting ${only.join(', ')} in ${tmp}`);
    fleet = await startFleet({ workDir: join(tmp, 'fleet'), only, ...(opts.networks.includes('wan') ? { certAddresses: [WAN_HOST] } : {}) });
    const info = fleet.info;

    const dataDir = join(tmp, 'data');
    const localDir = join(tmp, 'local');
    const scratchDir = join(tmp, 'scratch');
    for (const dir of [dataDir, localDir, scratchDir, join(scratchDir, 'lftp-home')]) mkdirSync(dir, { recursive: true });
    const loopbackCtx = (server: ServerInfo): ClientContext => ({ server, caCertFile: info.caCertFile, nodePath: process.execPath, wharfBin, scratchDir, baselineBundle: opts.baseline, segments: opts.segments });

    // Test data: written once, hard-linked into every server root (read-only to the FTP users: downloads only).
    const bigLocal = join(dataDir, BIG_NAME);
    let bigSha = '';
    if (only.some((s) => opts.networks.some((n) => serversFor(n, 'big').includes(s)))) {
      log(`writing ${formatSize(opts.size)} of random data`);
      bigSha = await writeRandomFile(bigLocal, opts.size);
      chmodSync(bigLocal, 0o644);
      for (const name of new Set(opts.networks.flatMap((n) => serversFor(n, 'big')))) linkSync(bigLocal, join(info.servers[name].root, BIG_NAME));
    }
    const names = Array.from({ length: opts.files }, (_, i) => `f${String(i).padStart(String(opts.files - 1).length, '0')}.bin`);
    const shas = new Map<string, string>();
    const smallSource = join(dataDir, SMALL_DIR);
    const smallServers = new Set(opts.networks.flatMap((n) => serversFor(n, 'small')));
    if (smallServers.size > 0) {
      mkdirSync(smallSource);
      chmodSync(smallSource, 0o755);
      for (const name of names) {
        const data = randomBytes(opts.fileSize);
        writeFileSync(join(smallSource, name), data, { mode: 0o644 });
        shas.set(name, createHash('sha256').update(data).digest('hex'));
      }
      for (const server of smallServers) {
        const dir = join(info.servers[server].root, SMALL_DIR);
        mkdirSync(dir, { mode: 0o755 });
        for (const name of names) linkSync(join(smallSource, name), join(dir, name));
      }
    }
    const listServers = new Set(opts.networks.flatMap((n) => serversFor(n, 'list')));
    if (listServers.size > 0) {
      // Empty files: a listing's cost is per entry, not per byte.
      const source = join(dataDir, LIST_DIR);
      mkdirSync(source);
      writeFileSync(join(source, 'entry'), '', { mode: 0o644 });
      const width = String(opts.listEntries - 1).length;
      for (const server of listServers) {
        const dir = join(info.servers[server].root, LIST_DIR);
        mkdirSync(dir, { mode: 0o755 });
        for (let i = 0; i < opts.listEntries; i++) linkSync(join(source, 'entry'), join(dir, `entry-${String(i).padStart(width, '0')}.txt`));
      }
    }

    const env = await describeEnvironment(fleet, loopbackCtx, loadBefore);
    const results: NetworkResults[] = [];
    for (const network of opts.networks) {
      let ctxFor = loopbackCtx;
      let proxyCheck: string[] | undefined;
      if (network === 'wan') {
        proxyCheck = describeSelfCheck(await checkWanProxy(opts.wan), opts.wan);
        log(proxyCheck.join(' '));
        const routes = new Map<ServerName, ServerInfo>();
        for (const name of new Set((['big', 'small', 'list'] as const).flatMap((p) => serversFor('wan', p)))) {
          const server = info.servers[name];
          const proxy = await startWanProxy({ ...opts.wan, upstreamHost: server.host, controlPort: server.port, passivePorts: passivePortsOf(info, name) });
          proxies.push(proxy);
          // The clients see the proxy's address and port; the server's root stays where the bench checks files.
          routes.set(name, { ...server, host: proxy.host as ServerInfo['host'], port: proxy.controlPort });
        }
        log(`WAN: ${describeWan(opts.wan)}`);
        ctxFor = (server) => ({ ...loopbackCtx(routes.get(server.name) ?? server), viaProxy: true });
      }
      const bench: Bench = { opts, network, ctxFor, localDir, bigLocal, bigSha, smallSource, names, shas };
      const servers = (part: Part) => serversFor(network, part).map((n) => info.servers[n]);
      results.push({
        network,
        big: await benchBig(bench, servers('big')),
        small: await benchSmall(bench, servers('small')),
        list: await benchList(bench, servers('list')),
        ...(proxyCheck ? { proxyCheck } : {}),
      });
      for (const proxy of proxies) {
        const stats = await proxy.stats();
        log(`WAN proxy ${proxy.host}:${proxy.controlPort}: ${stats.connections} connections, ${formatSize(stats.bytesRelayed)} relayed`);
      }
    }
    const previous = opts.write && existsSync(opts.out) ? readFileSync(opts.out, 'utf8') : '';
    const report = buildReport(env, opts, results, argv, previous);
    process.stdout.write(`${report}\n`);
    if (opts.write) {
      mkdirSync(join(opts.out, '..'), { recursive: true });
      writeFileSync(opts.out, withAnalysis(report, previous));
      const shown = relative(process.cwd(), opts.out);
      log(`wrote ${shown && !shown.startsWith('..') ? shown : opts.out}`);
    }
  } finally {
    await Promise.all(proxies.map((p) => p.close()));
    await fleet?.stop();
    cleanup();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
