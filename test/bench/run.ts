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
 *   npm run bench -- [--size 256M] [--runs 3] [--files 500] [--file-size 4K] [--curl-seq-files 30]
 *                    [--part big,small] [--servers vsftpd-explicit,...] [--no-write] [--out FILE]
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
import { CLIENT_LABELS, commandFor, wharfInfoCommand, type ClientContext, type ClientName, type Job } from './clients';
import {
  correctness, formatMBps, formatRate, formatRatio, formatSeconds, formatSize, markdownTable, medianOfAll, medianOfGood, parseSize, ratio,
  type RunRecord,
} from './report';

const root = fileURLToPath(new URL('../..', import.meta.url));
const wharfBin = join(root, 'bin', 'wharf');
const wharfBundle = join(root, 'dist', 'cli', 'wharf.cjs');

const BIG_SERVERS: readonly ServerName[] = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit', 'vsftpd-implicit', 'vsftpd-plain'];
const SMALL_SERVERS: readonly ServerName[] = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit', 'vsftpd-plain'];
const SERVER_LABELS: Record<string, string> = {
  'vsftpd-explicit': 'vsftpd, explicit FTPS',
  'vsftpd-implicit': 'vsftpd, implicit FTPS',
  'proftpd-explicit': 'proftpd, explicit FTPS',
  'pureftpd-explicit': 'pure-ftpd, explicit FTPS',
  'vsftpd-plain': 'vsftpd, plain FTP',
};
const PARALLEL = 4;
const BIG_NAME = 'big.bin';
const SMALL_DIR = 'small';
const ANALYSIS_START = '<!-- analysis:start (hand-written; npm run bench keeps this section) -->';
const ANALYSIS_END = '<!-- analysis:end -->';

const USAGE = `npm run bench -- [options]   (needs root and a built CLI: npm run build)
  --size SIZE            big file size (default 256M; K, M, G suffixes; --size 1G for the notes' figure)
  --runs N               runs per measurement, median reported (default 3)
  --files N              small files (default 500)
  --file-size SIZE       size of each small file (default 4K)
  --curl-seq-files N     files for curl's slow sequential mode (default 30: it waits 0.2-1 s per file)
  --part big,small       which parts to run (default both)
  --servers a,b          only these fleet servers (vsftpd-explicit, proftpd-explicit, pureftpd-explicit,
                         vsftpd-implicit, vsftpd-plain)
  --timeout SECONDS      per client process (default 900)
  --out FILE             report file (default docs/BENCHMARKS.md);  --no-write: stdout only
`;

interface Options {
  size: number;
  runs: number;
  files: number;
  fileSize: number;
  curlSeqFiles: number;
  parts: Set<'big' | 'small'>;
  servers: ServerName[] | null;
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
      part: { type: 'string', default: 'big,small' },
      servers: { type: 'string' },
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
  for (const p of parts) if (p !== 'big' && p !== 'small') throw new Error(`--part takes big and/or small, not "${p}"`);
  const known = new Set<string>([...BIG_SERVERS, ...SMALL_SERVERS]);
  const servers = values.servers ? values.servers.split(',').map((s) => s.trim()) : null;
  for (const s of servers ?? []) if (!known.has(s)) throw new Error(`--servers: unknown server "${s}" (known: ${[...known].join(', ')})`);
  return {
    size: parseSize(values.size),
    runs: whole('runs', values.runs, 1),
    files: whole('files', values.files, 1),
    fileSize: parseSize(values['file-size']),
    curlSeqFiles: whole('curl-seq-files', values['curl-seq-files'], 1),
    parts: parts as Set<'big' | 'small'>,
    servers: servers as ServerName[] | null,
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
}

/** Runs one client process and times it from spawn to exit. Killed (by its own pid) after the timeout. */
function timedRun(command: { cmd: string; args: readonly string[]; env: NodeJS.ProcessEnv }, timeoutMs: number): Promise<Timed> {
  return new Promise((resolve) => {
    let stderr = '';
    const start = process.hrtime.bigint();
    const child = spawn(command.cmd, command.args, { env: command.env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
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
      resolve({ seconds: Number(end - start) / 1e9, exitCode: code, stderr: stderr.trim() });
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
  server: ServerName;
  connections: number;
  /** Files each client was asked for (curl's sequential mode gets a subset: see --curl-seq-files). */
  files: Record<string, number>;
  runs: Record<string, RunRecord[]>;
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

async function benchBig(ctxFor: (s: ServerInfo) => ClientContext, servers: ServerInfo[], opts: Options, bigLocal: string, bigSha: string, localDir: string): Promise<BigResult[]> {
  const clients: ClientName[] = ['wharf', 'curl', 'lftp'];
  const results: BigResult[] = [];
  for (const direction of ['download', 'upload'] as const) {
    for (const server of servers) {
      const result: BigResult = { direction, server: server.name, runs: {} };
      for (let run = 0; run < opts.runs; run++) {
        for (const client of rotate(clients, run)) {
          const job: Job =
            direction === 'download'
              ? { kind: 'download', remote: BIG_NAME, local: join(localDir, `dl-${client}.bin`) }
              : { kind: 'upload', local: bigLocal, remote: `up-${client}.bin` };
          const landed = job.kind === 'download' ? job.local : join(server.root, job.remote);
          rmSync(landed, { force: true });
          const timed = await timedRun(commandFor(client, ctxFor(server), job), opts.timeoutMs);
          // SHA-256 on the first run of each pair (hashing 1 GiB takes seconds); the size on every run.
          let problem = await checkFile(landed, opts.size, run === 0 ? bigSha : null);
          if (timed.exitCode !== 0) problem = `exit ${timed.exitCode ?? 'killed'}${problem ? `, ${problem}` : ''}: ${stderrSummary(timed.stderr)}`;
          rmSync(landed, { force: true });
          rmSync(`${landed}.part`, { force: true });
          (result.runs[client] ??= []).push({ seconds: timed.seconds, exitCode: timed.exitCode, good: problem ? 0 : 1, expected: 1, problem });
          log(`${direction} ${server.name} run ${run + 1}/${opts.runs} ${client}: ${formatSeconds(timed.seconds)}${problem ? ` PROBLEM ${problem}` : ''}`);
        }
      }
      results.push(result);
    }
  }
  return results;
}

async function benchSmall(ctxFor: (s: ServerInfo) => ClientContext, servers: ServerInfo[], opts: Options, names: string[], shas: Map<string, string>, localDir: string): Promise<SmallResult[]> {
  const results: SmallResult[] = [];
  for (const server of servers) {
    const clients: ClientName[] = server.mode === 'plain' ? ['wharf', 'curl', 'lftp'] : ['wharf', 'wharf-pinned', 'curl', 'lftp'];
    for (const connections of [1, PARALLEL]) {
      const result: SmallResult = { server: server.name, connections, files: {}, runs: {} };
      for (let run = 0; run < opts.runs; run++) {
        for (const client of rotate(clients, run)) {
          // curl 7.88's sequential FTPS mode waits 0.25-1 s per file: a subset keeps the run reasonable (files/s is comparable).
          const subset = client === 'curl' && connections === 1 ? names.slice(0, Math.min(opts.curlSeqFiles, names.length)) : names;
          const expected = new Map(subset.map((n) => [n, shas.get(n) as string]));
          const target = join(localDir, `tree-${client}`);
          rmSync(target, { recursive: true, force: true });
          mkdirSync(target); // curl writes into an existing folder; the others create it anyway
          const job: Job = { kind: 'download-tree', remoteDir: SMALL_DIR, localDir: target, files: subset, connections };
          const timed = await timedRun(commandFor(client, ctxFor(server), job), opts.timeoutMs);
          const tree = await checkTree(target, expected, opts.fileSize);
          let problem = tree.problem;
          if (timed.exitCode !== 0) problem = `exit ${timed.exitCode ?? 'killed'}${problem ? `, ${problem}` : ''}: ${stderrSummary(timed.stderr)}`;
          rmSync(target, { recursive: true, force: true });
          result.files[client] = subset.length;
          (result.runs[client] ??= []).push({ seconds: timed.seconds, exitCode: timed.exitCode, good: tree.good, expected: subset.length, problem });
          const rate = tree.good / timed.seconds;
          log(`small ${server.name} x${connections} run ${run + 1}/${opts.runs} ${client}: ${tree.good}/${subset.length} files in ${formatSeconds(timed.seconds)} (${formatRate(rate)} files/s)${problem ? ` PROBLEM ${problem}` : ''}`);
        }
      }
      results.push(result);
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------
// Report

/** Files per second of one client: intact files over wall time, median over runs (failed runs included). */
function smallRate(result: SmallResult, client: string): number | null {
  const runs = result.runs[client];
  if (!runs || runs.length === 0) return null;
  const rates = runs.map((r) => r.good / r.seconds).sort((a, b) => a - b);
  const mid = rates.length >> 1;
  return rates.length % 2 ? (rates[mid] as number) : ((rates[mid - 1] as number) + (rates[mid] as number)) / 2;
}

function bigTables(results: BigResult[], opts: Options): string {
  const rows = results.map((r) => {
    const w = medianOfGood(r.runs.wharf ?? []);
    const c = medianOfGood(r.runs.curl ?? []);
    const l = medianOfGood(r.runs.lftp ?? []);
    const mark = (client: string, t: number | null) => (correctness(r.runs[client] ?? []) === 'ok' ? formatSeconds(t) : `${formatSeconds(t)} ✗`);
    return [
      r.direction,
      SERVER_LABELS[r.server] ?? r.server,
      mark('wharf', w),
      mark('curl', c),
      mark('lftp', l),
      formatRatio(ratio(w, c)),
      formatRatio(ratio(w, l)),
      `${formatMBps(opts.size, w)} / ${formatMBps(opts.size, c)} / ${formatMBps(opts.size, l)}`,
    ];
  });
  return markdownTable(
    ['transfer', 'server', 'Wharf', 'curl', 'lftp', 'Wharf / curl', 'Wharf / lftp', 'MB/s Wharf / curl / lftp'],
    rows,
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

function smallTables(results: SmallResult[]): { ratios: string; details: string } {
  const ratioRows = results.map((r) => {
    const w = smallRate(r, 'wharf');
    const c = smallRate(r, 'curl');
    const l = smallRate(r, 'lftp');
    // Time per file: Wharf's over the other's, the same sense as the big-file ratios.
    const perFile = (rate: number | null) => (rate === null || rate <= 0 ? null : 1 / rate);
    const cell = (client: string, rate: number | null) => (correctness(r.runs[client] ?? []) === 'ok' ? formatRate(rate) : `${formatRate(rate)} ✗`);
    return [
      SERVER_LABELS[r.server] ?? r.server,
      String(r.connections),
      cell('wharf', w),
      r.runs['wharf-pinned'] ? cell('wharf-pinned', smallRate(r, 'wharf-pinned')) : '',
      cell('curl', c),
      cell('lftp', l),
      formatRatio(ratio(perFile(w), perFile(c))),
      formatRatio(ratio(perFile(w), perFile(l))),
    ];
  });
  const detailRows = results.flatMap((r) =>
    Object.keys(r.runs).map((client) => {
      const runs = r.runs[client] ?? [];
      const rate = smallRate(r, client);
      return [
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
      ['server', 'connections', 'Wharf', 'Wharf pinned', 'curl', 'lftp', 'Wharf / curl', 'Wharf / lftp'],
      ratioRows,
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    details: markdownTable(
      ['server', 'connections', 'client', 'files', 'median wall', 'files/s', 'ms per file', 'correctness (every file, SHA-256)'],
      detailRows,
      ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'l'],
    ),
  };
}

function problemList(big: BigResult[], small: SmallResult[]): string[] {
  const lines: string[] = [];
  for (const r of big) {
    for (const [client, runs] of Object.entries(r.runs)) {
      const c = correctness(runs);
      if (c !== 'ok') lines.push(`- ${r.direction}, ${SERVER_LABELS[r.server] ?? r.server}, ${CLIENT_LABELS[client as ClientName] ?? client}: ${c}`);
    }
  }
  for (const r of small) {
    for (const [client, runs] of Object.entries(r.runs)) {
      const c = correctness(runs);
      if (c !== 'ok') lines.push(`- small files, ${SERVER_LABELS[r.server] ?? r.server}, ${r.connections} connection(s), ${CLIENT_LABELS[client as ClientName] ?? client}: ${c}`);
    }
  }
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

function buildReport(env: Environment, opts: Options, big: BigResult[], small: SmallResult[], argv: string[]): string {
  const parts: string[] = [
    '# Benchmarks: Wharf, curl and lftp on the same servers',
    '',
    `Generated by \`npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}\` (test/bench/run.ts) on ${env.date}.`,
    'Loopback only; the benchmark starts its own vsftpd, proftpd and pure-ftpd (test/servers/fleet.ts) and stops them.',
    `Whole-process wall time (spawn to exit, login included), median of ${opts.runs} run(s); client order rotates between runs.`,
    'Ratios are Wharf time / other client time: **below 1 means Wharf is faster**. Every client verifies the server',
    'certificate against the fleet CA (Wharf `--ca`, curl `--cacert`, lftp `ssl:ca-file`). What each client delivered',
    'is checked (size every run, SHA-256 on the first run for big files, every run for small files); ✗ marks a client that',
    'did not deliver everything intact in every run (see Problems).',
    '',
    '## Machine and versions',
    '',
    ...env.machine.map((l) => `- ${l}`),
    `- load average (1 min): ${env.loadBefore.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end (a shared machine: other work adds noise)`,
    ...env.versions.map((l) => `- ${l}`),
    ...env.tls.map((l) => `- ${l}`),
    '',
  ];
  if (big.length > 0) {
    parts.push(`## One big file (${formatSize(opts.size)})`, '', bigTables(big, opts), '');
  }
  if (small.length > 0) {
    const curlSubset = Math.min(opts.curlSeqFiles, opts.files);
    parts.push(
      `## Many small files (${opts.files} × ${formatSize(opts.fileSize)}, download)`,
      '',
      `Files per second (intact files / wall time, median). 1 connection: \`wharf get -r --parallel 1\`, \`lftp mirror\`,`,
      `curl with one url/output list in one process${curlSubset < opts.files ? ` (first ${curlSubset} files only: curl's sequential FTPS mode is slow)` : ''}.`,
      `${PARALLEL} connections: \`wharf get -r --parallel ${PARALLEL}\`, \`lftp mirror --parallel=${PARALLEL}\`, \`curl -Z --parallel-max ${PARALLEL}\`.`,
      'Ratios compare time per file. "Wharf pinned" trusts the certificate by fingerprint instead of `--ca`.',
      '',
      smallTables(small).ratios,
      '',
      '### Details',
      '',
      smallTables(small).details,
      '',
    );
  }
  const problems = problemList(big, small);
  parts.push('## Problems', '', ...(problems.length ? problems : ['None: every client delivered every file intact in every run.']), '');
  return parts.join('\n');
}

/** Keeps the hand-written analysis section of an existing report. */
function withAnalysis(report: string, previousFile: string): string {
  let analysis = `${ANALYSIS_START}\n## Analysis\n\n(Write findings here; \`npm run bench\` keeps this section.)\n${ANALYSIS_END}`;
  if (existsSync(previousFile)) {
    const text = readFileSync(previousFile, 'utf8');
    const start = text.indexOf(ANALYSIS_START);
    const end = text.indexOf(ANALYSIS_END);
    if (start >= 0 && end > start) analysis = text.slice(start, end + ANALYSIS_END.length);
  }
  return `${report}\n${analysis}\n`;
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
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
  try {
    const wanted = (list: readonly ServerName[]) => list.filter((s) => !opts.servers || opts.servers.includes(s));
    const bigNames = opts.parts.has('big') ? wanted(BIG_SERVERS) : [];
    const smallNames = opts.parts.has('small') ? wanted(SMALL_SERVERS) : [];
    const only = [...new Set([...bigNames, ...smallNames])];
    if (only.length === 0) throw new Error('nothing to run: check --part and --servers');
    log(`starting ${only.join(', ')} in ${tmp}`);
    fleet = await startFleet({ workDir: join(tmp, 'fleet'), only });
    const info = fleet.info;

    const dataDir = join(tmp, 'data');
    const localDir = join(tmp, 'local');
    const scratchDir = join(tmp, 'scratch');
    for (const dir of [dataDir, localDir, scratchDir, join(scratchDir, 'lftp-home')]) mkdirSync(dir, { recursive: true });
    const ctxFor = (server: ServerInfo): ClientContext => ({ server, caCertFile: info.caCertFile, nodePath: process.execPath, wharfBin, scratchDir });

    // Test data: written once, hard-linked into every server root (read-only to the FTP users: downloads only).
    const bigLocal = join(dataDir, BIG_NAME);
    let bigSha = '';
    if (bigNames.length > 0) {
      log(`writing ${formatSize(opts.size)} of random data`);
      bigSha = await writeRandomFile(bigLocal, opts.size);
      chmodSync(bigLocal, 0o644);
      for (const name of bigNames) linkSync(bigLocal, join(info.servers[name].root, BIG_NAME));
    }
    const names = Array.from({ length: opts.files }, (_, i) => `f${String(i).padStart(String(opts.files - 1).length, '0')}.bin`);
    const shas = new Map<string, string>();
    if (smallNames.length > 0) {
      const source = join(dataDir, SMALL_DIR);
      mkdirSync(source);
      chmodSync(source, 0o755);
      for (const name of names) {
        const data = randomBytes(opts.fileSize);
        writeFileSync(join(source, name), data, { mode: 0o644 });
        shas.set(name, createHash('sha256').update(data).digest('hex'));
      }
      for (const server of smallNames) {
        const dir = join(info.servers[server].root, SMALL_DIR);
        mkdirSync(dir, { mode: 0o755 });
        for (const name of names) linkSync(join(source, name), join(dir, name));
      }
    }

    const env = await describeEnvironment(fleet, ctxFor, loadBefore);
    const big = bigNames.length ? await benchBig(ctxFor, bigNames.map((n) => info.servers[n]), opts, bigLocal, bigSha, localDir) : [];
    const small = smallNames.length ? await benchSmall(ctxFor, smallNames.map((n) => info.servers[n]), opts, names, shas, localDir) : [];
    const report = buildReport(env, opts, big, small, argv);
    process.stdout.write(`${report}\n`);
    if (opts.write) {
      mkdirSync(join(opts.out, '..'), { recursive: true });
      writeFileSync(opts.out, withAnalysis(report, opts.out));
      const shown = relative(process.cwd(), opts.out);
      log(`wrote ${shown && !shown.startsWith('..') ? shown : opts.out}`);
    }
  } finally {
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
