import { CLI_SIZE_UNITS, formatByteSize } from '../../common/i18n/byte-size';

/**
 * Bytes for people, 1024-based, in the terminal's language: `512 B`, `1.5 MiB` (`1,5 MiB` in German). The
 * command line's progress, totals and sync plans, and the sync's explanations.
 */
export function formatBytes(bytes: number): string {
  return formatByteSize(bytes, CLI_SIZE_UNITS);
}
