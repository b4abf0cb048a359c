/**
 * The pure part of the benchmark: sizes, medians, ratios and Markdown tables. No I/O here, so
 * test/bench/bench-runner.test.ts can check it without servers or timings.
 */

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** "256M", "1G", "4K", "4096", "1.5G", "64MiB" → bytes (binary units). */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?)(?:i?B)?\s*$/i.exec(text);
  if (!m) throw new Error(`not a size: "${text}" (try 256M, 1G, 4K)`);
  const bytes = Math.round(Number(m[1]) * (UNITS[(m[2] ?? '').toUpperCase()] ?? 1));
  if (!(bytes > 0)) throw new Error(`a size must be more than 0 bytes: "${text}"`);
  return bytes;
}

/** 268435456 → "256 MiB", 4096 → "4 KiB", 1500 → "1500 B". */
export function formatSize(bytes: number): string {
  for (const [unit, factor] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= factor && bytes % (factor / 4) === 0) return `${bytes / factor} ${unit}`;
  }
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${bytes} B`;
}

/** The median of the finite values; null when there are none. */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Wharf's cost over the other client's: below 1 means Wharf is faster. Null when either is missing. */
export function ratio(wharf: number | null, other: number | null): number | null {
  if (wharf === null || other === null || !(other > 0) || !(wharf > 0)) return null;
  return wharf / other;
}

export function formatRatio(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(2)}×`;
}

export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return 'n/a';
  return seconds >= 100 ? `${seconds.toFixed(0)} s` : seconds >= 10 ? `${seconds.toFixed(1)} s` : `${seconds.toFixed(2)} s`;
}

/** Throughput in MB/s (10^6 bytes), as curl and the notes report it. */
export function formatMBps(bytes: number, seconds: number | null): string {
  if (seconds === null || !(seconds > 0)) return 'n/a';
  return `${Math.round(bytes / 1e6 / seconds)}`;
}

export function formatRate(perSecond: number | null): string {
  if (perSecond === null) return 'n/a';
  return perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toFixed(1);
}

/** A Markdown table; cells are escaped for `|` and line breaks. Numeric-looking columns are right-aligned. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const alignments = header.map((_, i) => align?.[i] ?? 'l');
  const lines = [
    `| ${header.map(escape).join(' | ')} |`,
    `|${alignments.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${header.map((_, i) => escape(row[i] ?? '')).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** One client's runs of one scenario: wall times, and whether each run delivered everything intact. */
export interface RunRecord {
  readonly seconds: number;
  readonly exitCode: number | null;
  /** Items (files) that arrived complete and with the right SHA-256. */
  readonly good: number;
  readonly expected: number;
  /** A short description of what went wrong, '' when nothing did. */
  readonly problem: string;
}

/** Median wall time over the runs that delivered everything; null when none did. */
export function medianOfGood(runs: readonly RunRecord[]): number | null {
  return median(runs.filter((r) => r.problem === '').map((r) => r.seconds));
}

/** Median wall time over every run, failed or not (a client that loses files still took that long). */
export function medianOfAll(runs: readonly RunRecord[]): number | null {
  return median(runs.map((r) => r.seconds));
}

/**
 * "ok" when every run delivered every file intact; otherwise how many runs went wrong and how, e.g.
 * "3/3 runs bad: 492, 487, 495 of 500 good; exit 18, 8 missing: curl: (18) ...".
 */
export function correctness(runs: readonly RunRecord[]): string {
  if (runs.length === 0) return 'not run';
  const bad = runs.filter((r) => r.problem !== '');
  if (bad.length === 0) return 'ok';
  const expected = bad[0]?.expected ?? 0;
  const counts = bad.map((r) => String(r.good)).join(', ');
  const problems = [...new Set(bad.map((r) => r.problem))];
  const shown = problems.slice(0, 2).join(' | ') + (problems.length > 2 ? ` | (${problems.length - 2} more)` : '');
  return `${bad.length}/${runs.length} runs bad: ${counts} of ${expected} good; ${shown}`;
}
