/** Formatting for sizes, times, speeds and types: pure, so both panes, the queue and tests share it. */
import type { EntryType } from '../../common/models/remote-entry';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** `1.5 MB`, `999 B`: 1024-based like FileZilla, one decimal above bytes. */
export function formatSize(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toString()} ${UNITS[unit]}`;
}

/** A byte count with thousands separators, for tooltips and the overwrite dialog. */
export function formatBytesExact(bytes: number | null): string {
  if (bytes === null) return 'unknown size';
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** `2024-05-01 13:37` in local time; '' when unknown. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `HH:MM:SS` of a log line's ISO time. */
export function formatClock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `1.2 MB/s`; '' when idle. */
export function formatSpeed(bytesPerSecond: number): string {
  if (!(bytesPerSecond > 0)) return '';
  return `${formatSize(Math.round(bytesPerSecond))}/s`;
}

/** `1:05`, `2:03:04`; '' when unknown. */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

/** The "Type" column: `Folder`, `TXT file`, `Link`. */
export function typeLabel(name: string, type: EntryType): string {
  switch (type) {
    case 'directory':
      return 'Folder';
    case 'symlink':
      return 'Link';
    case 'unknown':
      return 'Unknown';
    case 'file': {
      const dot = name.lastIndexOf('.');
      if (dot <= 0 || dot === name.length - 1) return 'File';
      return `${name.slice(dot + 1).toUpperCase()} file`;
    }
    default: {
      const never: never = type;
      return String(never);
    }
  }
}

/** A percentage 0-100 of done over total (0 when the total is unknown). */
export function percent(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}
