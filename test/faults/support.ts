/**
 * Shared pieces of the reliability scenarios (test/faults, test/hostile, scripts/reliability.ts): the figures
 * every scenario reports, deterministic file sets, the fleet's passive port ranges, and a watcher that
 * proves no partial file ever sits under a final name while a queue runs, on either side: the fleet's
 * servers run on this machine, so a server's folder is watched on disk like the local one.
 */
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { join, relative } from 'node:path';
import type { TransferItem } from '../../common/models/transfer';
import type { TransferQueue } from '../../main/transfers/transfer-queue';
import { testBytes } from '../ftps/support';
import type { FleetInfo, ServerInfo, ServerName } from '../servers/fleet';

/** What every scenario reports; docs/RELIABILITY.md is a table of these. */
export interface ScenarioFigures {
  readonly scenario: string;
  /** File transfers the queue (or the CLI) ran, each direction counted. */
  readonly transfersRun: number;
  readonly faultsInjected: number;
  /** Transfers that ended `done` with equal SHA-256 on both sides. */
  readonly completed: number;
  /** Bytes whose SHA-256 was compared equal on both sides. */
  readonly bytesVerified: number;
  /** Files missing, different, or partial under a final name: must be 0. */
  readonly lostOrCorrupted: number;
  /** Times the password crossed the network unencrypted (or reached a server before TLS): must be 0. */
  readonly credentialsInClear: number;
  /** Anything a reader should know (expected per-item errors, the server used). */
  readonly notes?: string;
}

/** How big a run is: `short` for npm test and CI, `long` for `npm run reliability -- --long`. */
export type RunLength = 'short' | 'long';

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function sha256File(path: string): string {
  return sha256(readFileSync(path));
}

/** A seeded generator (mulberry32): the same seed gives the same fault schedule and file sizes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One file of a set: its relative name, bytes and hash. */
export interface TestFile {
  readonly name: string;
  readonly data: Buffer;
  readonly sha256: string;
}

/**
 * Mixed sizes, deterministic content: empty, one byte, around TLS record and buffer boundaries, and large
 * enough that a fault lands mid-file. Long runs add many more and larger files.
 */
export function mixedFiles(length: RunLength, seed: number): TestFile[] {
  const sizes =
    length === 'short'
      ? [0, 1, 4099, 65_537, 300_001, 1_200_007]
      : [0, 1, 511, 4099, 16_385, 65_537, 131_071, 300_001, 1_200_007, 2_500_003, 8_388_609,
        ...Array.from({ length: 29 }, (_, i) => 1 + Math.floor(seededRandom(seed + i)() * 3_000_000))];
  return sizes.map((size, i) => {
    const data = testBytes(size, seed * 1000 + i + 1);
    return { name: `f${String(i).padStart(2, '0')}-${size}.bin`, data, sha256: sha256(data) };
  });
}

/** Writes a file set into a folder. */
export function writeFiles(folder: string, files: readonly TestFile[]): void {
  mkdirSync(folder, { recursive: true });
  for (const file of files) writeFileSync(join(folder, file.name), file.data);
}

/**
 * Compares a folder with a file set: a file missing or different counts as lost or corrupted; a `.part`
 * left beside a completed file is not a loss (it is not under a final name) but there should be none.
 */
export function verifyFolder(folder: string, files: readonly TestFile[]): { verified: number; bytes: number; bad: string[] } {
  let verified = 0;
  let bytes = 0;
  const bad: string[] = [];
  for (const file of files) {
    const path = join(folder, file.name);
    if (!existsSync(path)) {
      bad.push(`${file.name}: missing`);
      continue;
    }
    if (sha256File(path) !== file.sha256) {
      bad.push(`${file.name}: SHA-256 differs (${statSync(path).size} of ${file.data.length} bytes)`);
      continue;
    }
    verified += 1;
    bytes += file.data.length;
  }
  return { verified, bytes, bad };
}

/** Every file below a folder, relative, `/`-separated. */
export function listFilesBelow(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(root, full).split('\\').join('/'));
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

/**
 * Watches a folder while a queue runs (a download folder here, or an upload folder in a fleet server's
 * root) and records every moment a file sat under its final name with fewer (or other) bytes than the
 * finished file: on each file-system event and on each queue update (at most ~10 a second), never on a
 * timer. Only final names are looked at: `.part` and `.wharf-part` files are where partial data belongs.
 */
export class FinalNameWatcher {
  readonly violations: string[] = [];
  private readonly watcher: FSWatcher;
  private readonly unsubscribe: (() => void) | null;
  private checks = 0;

  constructor(private readonly root: string, private readonly expectedSizes: ReadonlyMap<string, number>, queue: TransferQueue | null) {
    mkdirSync(root, { recursive: true });
    this.watcher = watch(root, { recursive: true }, (_event, filename) => {
      if (filename) this.check(filename.toString());
    });
    this.unsubscribe = queue ? queue.subscribe(() => this.scan()) : null;
  }

  /** How many times a final name was looked at. */
  get checked(): number {
    return this.checks;
  }

  scan(): void {
    for (const name of listFilesBelow(this.root)) this.check(name);
  }

  private check(name: string): void {
    if (name.endsWith('.part') || name.endsWith('.wharf-part')) return;
    const expected = this.expectedSizes.get(name);
    if (expected === undefined) return;
    let size: number;
    try {
      const info = statSync(join(this.root, name));
      if (!info.isFile()) return;
      size = info.size;
    } catch {
      return; // not there (yet): fine
    }
    this.checks += 1;
    const violation = `${name} had ${size} of ${expected} bytes under its final name`;
    if (size !== expected && !this.violations.includes(violation)) this.violations.push(violation);
  }

  close(): void {
    this.watcher.close();
    this.unsubscribe?.();
  }
}

/**
 * Creates a folder in a fleet server's root owned by the server's user (so uploads can write into it and
 * a FinalNameWatcher can watch it before the first byte arrives); returns its local path.
 */
export function makeServerFolder(server: ServerInfo, relativePath: string): string {
  const { uid, gid } = statSync(server.root);
  const path = join(server.root, relativePath.replace(/^\/+/, ''));
  mkdirSync(path, { recursive: true });
  chownSync(path, uid, gid);
  return path;
}

/** The passive port range of a fleet server, read from its generated config (pure-ftpd: its command line). */
export function passivePortsOf(fleet: FleetInfo, name: ServerName): number[] {
  const conf = join(fleet.workDir, 'conf', `${name}.conf`);
  let min: number | null = null;
  let max: number | null = null;
  if (existsSync(`${conf}.json`)) {
    // pyftpdlib's variants: their JSON config (test/servers/pyftpdlib.ts).
    [min, max] = (JSON.parse(readFileSync(`${conf}.json`, 'utf8')) as { passive_ports: [number, number] }).passive_ports;
  } else if (existsSync(conf)) {
    const text = readFileSync(conf, 'utf8');
    const vs = /^pasv_min_port=(\d+)$/m.exec(text);
    const vsMax = /^pasv_max_port=(\d+)$/m.exec(text);
    const pro = /^PassivePorts (\d+) (\d+)$/m.exec(text);
    if (vs && vsMax) [min, max] = [Number(vs[1]), Number(vsMax[1])];
    else if (pro) [min, max] = [Number(pro[1]), Number(pro[2])];
  } else {
    const pidFile = join(fleet.workDir, 'conf', `${name}.pid`);
    const pid = readFileSync(pidFile, 'utf8').trim();
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    const pure = /-p (\d+):(\d+)/.exec(cmdline);
    if (pure) [min, max] = [Number(pure[1]), Number(pure[2])];
  }
  if (min === null || max === null) throw new Error(`no passive port range found for ${name}`);
  return Array.from({ length: max - min + 1 }, (_, i) => (min as number) + i);
}

/** Resolves with the first item matching `predicate`, from the queue's updates (no polling, no sleeps). */
export function waitForItem(queue: TransferQueue, predicate: (item: TransferItem) => boolean): Promise<TransferItem> {
  return new Promise((resolve) => {
    let unsubscribe: () => void = () => undefined;
    const check = (items: readonly TransferItem[]) => {
      const found = items.find(predicate);
      if (!found) return false;
      unsubscribe();
      resolve(found);
      return true;
    };
    if (check(queue.getSnapshot().items)) return;
    unsubscribe = queue.subscribe((update) => {
      check(update.items);
    });
  });
}

/** One line per item that did not end `done`, for assertion messages. */
export function describeUnfinished(items: readonly TransferItem[]): string {
  return items
    .filter((i) => i.state !== 'done')
    .map((i) => `${i.direction} ${i.remotePath}: ${i.state} after ${i.attempts} attempts: ${i.lastError?.kind ?? ''} ${i.lastError?.message ?? ''}`)
    .join('\n');
}

/** Sums figures into one line per group, for the script. */
export function totals(figures: readonly ScenarioFigures[], scenario: string): ScenarioFigures {
  const sum = (key: keyof Omit<ScenarioFigures, 'scenario' | 'notes'>) => figures.reduce((n, f) => n + f[key], 0);
  return {
    scenario,
    transfersRun: sum('transfersRun'),
    faultsInjected: sum('faultsInjected'),
    completed: sum('completed'),
    bytesVerified: sum('bytesVerified'),
    lostOrCorrupted: sum('lostOrCorrupted'),
    credentialsInClear: sum('credentialsInClear'),
  };
}
