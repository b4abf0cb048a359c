/**
 * Formatting for sizes, times, speeds and types: pure, so both panes, the queue and tests share it. Numbers,
 * dates and words follow the interface language (`translator()`, Intl): `1.5 MB` in English is `1,5 MB` in
 * German; dates read `01.05.2024, 13:37` in German and `2024/05/01 13:37` in Japanese.
 */
import { formatByteSize, WINDOW_SIZE_UNITS } from '../../common/i18n/byte-size';
import { t, translator } from '../../common/i18n/t';
import type { EntryType } from '../../common/models/remote-entry';

/** `1.5 MB`, `999 B`: 1024-based like FileZilla, one decimal below 10, in the locale's digits; '' when unknown. */
export function formatSize(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return '';
  return formatByteSize(bytes, WINDOW_SIZE_UNITS);
}

/** A byte count with thousands separators, for tooltips and the overwrite dialog. */
export function formatBytesExact(bytes: number | null): string {
  if (bytes === null) return t('common.size.unknown');
  return t('common.size.exactBytes', { count: bytes });
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `2024-05-01 13:37` in local time (English keeps the sortable ISO order); the locale's own date order
 * otherwise. '' when unknown.
 */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const { intlLocale } = translator();
  if (intlLocale === 'en') return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return translator().dateTime(d, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** `HH:MM:SS` of a log line's ISO time. */
export function formatClock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `1.2 MB/s`; '' when idle. */
export function formatSpeed(bytesPerSecond: number): string {
  if (!(bytesPerSecond > 0)) return '';
  return t('common.speed', { size: formatSize(Math.round(bytesPerSecond)) });
}

/** `1:05`, `2:03:04`; '' when unknown. */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}

/** The "Type" column: `Folder`, `TXT file`, `Link`. */
export function typeLabel(name: string, type: EntryType): string {
  switch (type) {
    case 'directory':
      return t('panes.type.folder');
    case 'symlink':
      return t('panes.type.link');
    case 'unknown':
      return t('panes.type.unknown');
    case 'file': {
      const dot = name.lastIndexOf('.');
      if (dot <= 0 || dot === name.length - 1) return t('panes.type.file');
      return t('panes.type.fileOf', { extension: name.slice(dot + 1).toUpperCase() });
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
