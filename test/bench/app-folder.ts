/**
 * `npm run bench -- --app-folder [--app-entries 100000] [--runs 3]`: a big remote folder opened in the app.
 *
 * Starts vsftpd (explicit FTPS) from the fleet, fills a folder with N empty entries, and per run: times
 * `wharf ls` of it (spawn to exit), then starts the bridge host (main's real services, in a process of its
 * own so its memory is main's) and opens the folder in Debian's Chromium with the quick connect bar. In
 * the page it records, from the double click: the first row of the folder in the grid, the whole folder
 * counted in the footer and sorted, and every long task (PerformanceObserver 'longtask', over 50 ms). Then
 * the renderer's JS heap (CDP, before and after a GC), the renderer processes' CPU time, and the host's RSS and peak RSS. Prints medians as
 * Markdown (`--app-profile FILE`: also a renderer CPU profile per run, for DevTools; `--app-trace FILE`: a Chromium trace per run; `--app-repo DIR`: the
 * host and renderer of another checkout, built, for a before/after). A measuring tool, no assertions; needs root (the fleet) and a build (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { startFleet, type RunningFleet, type ServerInfo } from '../servers/fleet';
import { launchChromium, paneRow, quickConnect, waitReady } from '../e2e/support';
import { commandFor, type ClientContext } from './clients';
import { formatRatio, formatSeconds, markdownTable, median, ratio } from './report';

const formatSize = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

const root = fileURLToPath(new URL('../..', import.meta.url));
const FOLDER = 'app-many';

/** What one run measured; times in seconds, sizes in bytes. */
interface AppRun {
  readonly ls: number;
  readonly firstRows: number;
  readonly complete: number;
  readonly longestTask: number;
  readonly tasksOver100: number;
  /** CPU seconds of the renderer processes from the double click to the whole folder: the work, whatever the machine's load. */
  readonly rendererCpu: number;
  /** With `--app-trace`: the renderer main thread's CPU time in its longest task, and in all tasks (seconds). */
  readonly traced: { readonly longestTaskCpu: number; readonly tasksCpu: number; readonly tasksOver50Cpu: number } | null;
  readonly heapUsed: number;
  readonly heapAfterGc: number;
  readonly mainRssBefore: number;
  readonly mainRss: number;
  readonly mainPeakRss: number;
}

/** Page-side records, typed without the DOM library. */
type BenchWindow = { wharfBench?: { t0: number; firstRows: number; complete: number; tasks: { start: number; duration: number }[] } };

function log(text: string): void {
  process.stderr.write(`bench app-folder: ${text}\n`);
}

/** Runs a command to its end; seconds from spawn to exit, and the lines it printed. */
async function timeCommand(command: { cmd: string; args: readonly string[]; env: NodeJS.ProcessEnv }): Promise<{ seconds: number; lines: number; code: number | null }> {
  const start = process.hrtime.bigint();
  const child = spawn(command.cmd, command.args, { env: command.env, stdio: ['ignore', 'pipe', 'ignore'] });
  let lines = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, lines, code };
}

/** Starts the bridge host as its own process; resolves with its page URL once it printed it. */
async function startHostProcess(repo: string, home: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'test/e2e/bridge/host.ts'), '--home', home, '--data-dir', dataDir], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (text: string) => {
      out += text;
      const found = /http:\/\/\S+/.exec(out);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => reject(new Error(`the bridge host ended (${code}) before it was ready`)));
  });
  return { child, url };
}

/** VmRSS and VmHWM (peak) of a process, in bytes. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** CPU seconds used so far by Chromium's renderer processes (only the bench's page does work in them). */
async function rendererCpu(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
    return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
  } finally {
    await cdp.detach();
  }
}

/** A trace event as far as we read it. */
interface TraceEvent {
  readonly ph: string;
  readonly name: string;
  readonly pid: number;
  readonly tid: number;
  /** Thread CPU time of a complete event, in microseconds. */
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/**
 * CPU time of the renderer main thread's tasks in a trace: on a loaded machine a long task's wall time is
 * mostly time the OS gave to other processes; its thread time is the work the window did.
 */
function taskCpu(trace: Buffer): NonNullable<AppRun['traced']> {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const isTask = (e: TraceEvent) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const threadOf = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(threadOf));
  const cpuByThread = new Map<string, number[]>();
  for (const e of events) {
    if (!isTask(e) || !mains.has(threadOf(e))) continue;
    const list = cpuByThread.get(threadOf(e)) ?? [];
    list.push((e.tdur ?? 0) / 1e6);
    cpuByThread.set(threadOf(e), list);
  }
  // The page's renderer is the busiest one (others are spare or idle pages).
  const total = (list: readonly number[]) => list.reduce((sum, x) => sum + x, 0);
  const tasks = [...cpuByThread.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
  return { longestTaskCpu: Math.max(0, ...tasks), tasksCpu: total(tasks), tasksOver50Cpu: tasks.filter((x) => x > 0.05).length };
}

/** One opening of the folder in the app; the page records itself, the test only waits. */
async function openInApp(browser: Browser, server: ServerInfo, entries: number, work: string, profile: string | null, trace: string | null, repo: string): Promise<Omit<AppRun, 'ls'>> {
  const home = join(work, 'home');
  const dataDir = join(work, 'data');
  mkdirSync(home, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  const host = await startHostProcess(repo, home, dataDir);
  let page: Page | null = null;
  try {
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    await waitReady(page);
    await quickConnect(page, server);
    await paneRow(page, 'remote', FOLDER).waitFor({ timeout: 60_000 });
    const expected = `${entries.toLocaleString('en-US')} files`;
    await page.evaluate((footerText) => {
      type El = { querySelector(s: string): El | null; textContent: string | null; getAttribute(n: string): string | null };
      const g = globalThis as unknown as BenchWindow & {
        document: El & { addEventListener(t: string, f: () => void, capture: boolean): void };
        performance: { now(): number };
        PerformanceObserver: new (cb: (list: { getEntries(): { startTime: number; duration: number }[] }) => void) => { observe(o: unknown): void };
        MutationObserver: new (cb: () => void) => { observe(t: unknown, o: unknown): void };
      };
      const record = { t0: 0, firstRows: 0, complete: 0, tasks: [] as { start: number; duration: number }[] };
      g.wharfBench = record;
      new g.PerformanceObserver((list) => {
        for (const e of list.getEntries()) record.tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
      g.document.addEventListener('dblclick', () => {
        record.t0 = g.performance.now();
      }, true);
      const pane = g.document.querySelector('.pane.remote')!;
      new g.MutationObserver(() => {
        if (record.t0 === 0) return;
        const now = g.performance.now();
        if (record.firstRows === 0 && pane.querySelector('.grid-body [role="row"][data-name^="entry-"]')) record.firstRows = now;
        const grid = pane.querySelector('[role="grid"]');
        if (record.complete === 0 && grid?.getAttribute('aria-busy') === 'false' && (pane.querySelector('.pane-footer')?.textContent ?? '').includes(footerText)) record.complete = now;
      }).observe(pane, { subtree: true, childList: true, characterData: true, attributes: true });
    }, expected);
    const cdp = await page.context().newCDPSession(page);
    const before = memoryOf(host.child.pid!);
    const cpuBefore = await rendererCpu(browser);
    // What each long task did (script, style, layout, GC, IPC), which a CPU profile shows only as '(program)'.
    if (trace) await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    await paneRow(page, 'remote', FOLDER).dblclick();
    await page.waitForFunction(() => ((globalThis as unknown as BenchWindow).wharfBench?.complete ?? 0) > 0, undefined, { timeout: 300_000, polling: 200 });
    const record = await page.evaluate(() => (globalThis as unknown as BenchWindow).wharfBench!);
    const cpu = (await rendererCpu(browser)) - cpuBefore;
    const traced = trace ? taskCpu(await browser.stopTracing()) : null;
    if (trace) log(`renderer trace: ${trace}`);
    const tasks = record.tasks.filter((t) => t.start + t.duration >= record.t0);
    if (profile) {
      writeFileSync(profile, JSON.stringify(((await cdp.send('Profiler.stop')) as { profile: unknown }).profile));
      log(`renderer CPU profile: ${profile}; long tasks (ms after the double click, ms): ${tasks.map((t) => `${Math.round(t.start - record.t0)}+${Math.round(t.duration)}`).join(' ')}`);
    }
    const heapUsed = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfterGc = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    const memory = memoryOf(host.child.pid!);
    return {
      firstRows: (record.firstRows - record.t0) / 1000,
      complete: (record.complete - record.t0) / 1000,
      longestTask: Math.max(0, ...tasks.map((t) => t.duration)) / 1000,
      tasksOver100: tasks.filter((t) => t.duration > 100).length,
      rendererCpu: cpu,
      traced,
      heapUsed,
      heapAfterGc,
      mainRssBefore: before.rss,
      mainRss: memory.rss,
      mainPeakRss: memory.peak,
    };
  } finally {
    await page?.close();
    host.child.kill('SIGTERM');
    if (host.child.exitCode === null) await once(host.child, 'exit');
  }
}

/** The Markdown section of the report. */
function report(runs: readonly AppRun[], entries: number): string {
  const m = (pick: (r: AppRun) => number) => median(runs.map(pick));
  const seconds = (pick: (r: AppRun) => number) => formatSeconds(m(pick));
  const bytes = (pick: (r: AppRun) => number) => formatSize(m(pick) ?? 0);
  const lines = [
    `## A ${entries.toLocaleString('en-US')}-entry folder in the app (vsftpd, explicit FTPS, loopback; Chromium through the bridge)`,
    '',
    `Medians of ${runs.length} run(s). Times from the double click on the folder; \`wharf ls\` from spawn to exit (connect and login included). Main is the bridge host, run from source through tsx: its RSS includes the loader.`,
    '',
    markdownTable(
      ['figure', 'value'],
      [
        ['`wharf ls` of the folder', seconds((r) => r.ls)],
        ['first rows in the app', seconds((r) => r.firstRows)],
        ['first rows / `wharf ls`', formatRatio(ratio(m((r) => r.firstRows), m((r) => r.ls)))],
        ['whole folder counted and sorted', seconds((r) => r.complete)],
        ['longest renderer task', seconds((r) => r.longestTask)],
        ['renderer tasks over 100 ms', String(m((r) => r.tasksOver100) ?? 'n/a')],
        ['renderer CPU time (from the double click to the whole folder)', seconds((r) => r.rendererCpu)],
        ...(runs.every((r) => r.traced)
          ? [
              ["renderer main thread's CPU time in its longest task (trace)", seconds((r) => r.traced!.longestTaskCpu)],
              ["renderer main thread's tasks with over 50 ms of CPU (trace)", String(m((r) => r.traced!.tasksOver50Cpu))],
              ["renderer main thread's CPU time in all tasks (trace)", seconds((r) => r.traced!.tasksCpu)],
            ]
          : []),
        ['renderer JS heap (after a GC)', `${bytes((r) => r.heapUsed)} (${bytes((r) => r.heapAfterGc)})`],
        ["main's RSS before opening the folder", bytes((r) => r.mainRssBefore)],
        ["main's RSS after it (peak)", `${bytes((r) => r.mainRss)} (${bytes((r) => r.mainPeakRss)})`],
      ],
      ['l', 'r'],
    ),
    '',
    `Per run: ${runs.map((r) => `ls ${formatSeconds(r.ls)}, first rows ${formatSeconds(r.firstRows)}, complete ${formatSeconds(r.complete)}, longest task ${formatSeconds(r.longestTask)}`).join('; ')}.`,
  ];
  return lines.join('\n');
}

/** The scenario, run from `npm run bench -- --app-folder`. */
export async function benchAppFolder(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: { 'app-folder': { type: 'boolean' }, 'app-entries': { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' }, 'app-profile': { type: 'string' }, 'app-trace': { type: 'string' }, 'app-repo': { type: 'string' } },
    strict: false,
  });
  const profile = typeof values['app-profile'] === 'string' ? values['app-profile'] : null;
  const trace = typeof values['app-trace'] === 'string' ? values['app-trace'] : null;
  // Another checkout's main and built renderer (an earlier commit, for a before/after); default this one.
  const repo = typeof values['app-repo'] === 'string' ? values['app-repo'] : root;
  const entries = Number(values['app-entries']);
  const runs = Number(values.runs);
  if (!Number.isInteger(entries) || entries < 1 || !Number.isInteger(runs) || runs < 1) throw new Error('--app-entries and --runs take whole numbers >= 1');
  if (process.getuid?.() !== 0) throw new Error('the benchmark starts real FTP servers, which need root');
  const tmp = mkdtempSync(join(tmpdir(), 'wharf-bench-app-'));
  chmodSync(tmp, 0o755);
  let fleet: RunningFleet | null = null;
  let browser: Browser | null = null;
  try {
    fleet = await startFleet({ workDir: join(tmp, 'fleet'), only: ['vsftpd-explicit'] });
    const server = fleet.info.servers['vsftpd-explicit'];
    // Empty files: a listing's cost is per entry, not per byte (and ext4 allows only 65,000 hard links to one file).
    const dir = join(server.root, FOLDER);
    mkdirSync(dir, { mode: 0o755 });
    const width = String(entries - 1).length;
    for (let i = 0; i < entries; i++) writeFileSync(join(dir, `entry-${String(i).padStart(width, '0')}.txt`), '', { mode: 0o644 });
    const scratchDir = join(tmp, 'scratch');
    mkdirSync(scratchDir);
    const ctx: ClientContext = { server, caCertFile: fleet.info.caCertFile, nodePath: process.execPath, wharfBin: join(root, 'bin', 'wharf'), scratchDir };
    browser = await launchChromium();
    const results: AppRun[] = [];
    for (let run = 0; run < runs; run++) {
      const ls = await timeCommand(commandFor('wharf', ctx, { kind: 'list', remoteDir: FOLDER }));
      if (ls.code !== 0 || ls.lines < entries) log(`run ${run + 1}: wharf ls exited ${ls.code} with ${ls.lines} lines`);
      const app = await openInApp(browser, server, entries, join(tmp, `app-${run}`), profile ? profile.replace(/(\.cpuprofile)?$/, `-${run + 1}.cpuprofile`) : null, trace ? trace.replace(/(\.json)?$/, `-${run + 1}.json`) : null, repo);
      results.push({ ls: ls.seconds, ...app });
      log(`run ${run + 1}/${runs}: ls ${formatSeconds(ls.seconds)}, first rows ${formatSeconds(app.firstRows)}, complete ${formatSeconds(app.complete)}, longest task ${formatSeconds(app.longestTask)}, tasks over 100 ms ${app.tasksOver100}, renderer CPU ${formatSeconds(app.rendererCpu)}, heap ${formatSize(app.heapUsed)}, main RSS ${formatSize(app.mainRss)} (peak ${formatSize(app.mainPeakRss)})`);
    }
    process.stdout.write(`${report(results, entries)}\n`);
  } finally {
    await browser?.close();
    await fleet?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
