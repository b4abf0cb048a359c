/**
 * Sizes for people in the current language's digits: `1.5 MB` in English is `1,5 MB` in German. 1024-based
 * like FileZilla, one decimal below 10. The window names the units as FileZilla does (KB), the command line
 * as IEC does (KiB), as each always has. Unit symbols are the same in every language we ship; only the digits
 * follow the locale. Not a message, so the pseudo-locale leaves sizes as the data they are.
 */
import { translator } from './t';

/** FileZilla's names, for the window. */
export const WINDOW_SIZE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;
/** IEC's names, for the command line. */
export const CLI_SIZE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** `bytes` (finite, not negative) in the largest unit of `units` under 1024 of it: `999 B`, `1.5 MB`, `12 MB`. */
export function formatByteSize(bytes: number, units: readonly string[]): string {
  if (bytes < 1024) return `${translator().number(Math.round(bytes), { useGrouping: false })} ${units[0]}`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // Rounded first, so 9.96 KB reads "10 KB" rather than "10.0 KB".
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  const digits = value < 10 && shown < 10 ? 1 : 0;
  const number = translator().number(shown, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
  return `${number} ${units[unit]}`;
}
