/** The message log mirror: the last lines main sent, capped, plus the text "Copy" and "Save" produce. */
import { t } from '../../common/i18n/t';
import type { LogLine } from '../../common/models/log';
import { formatClock } from './format';

/** As many lines as main keeps (`logRecent` gives up to 5,000). */
export const LOG_LIMIT = 5000;

/** Appends a batch, dropping the oldest lines beyond the limit. */
export function appendLog(lines: readonly LogLine[], batch: readonly LogLine[], limit = LOG_LIMIT): readonly LogLine[] {
  if (batch.length === 0) return lines;
  const all = lines.concat(batch);
  return all.length > limit ? all.slice(all.length - limit) : all;
}

/** Merges the recent history (after a reload) with lines that already arrived as events, without duplicates. */
export function mergeHistory(history: readonly LogLine[], live: readonly LogLine[], limit = LOG_LIMIT): readonly LogLine[] {
  const key = (l: LogLine) => `${l.time}\u0000${l.connectionId}\u0000${l.direction}\u0000${l.text}`;
  const seen = new Set(history.map(key));
  return appendLog(history, live.filter((l) => !seen.has(key(l))), limit);
}

/** The arrow or tag a line shows before its text. */
export function directionTag(direction: LogLine['direction']): string {
  switch (direction) {
    case 'command':
      return t('rendererWords.log.command');
    case 'reply':
      return t('rendererWords.log.reply');
    case 'tls':
      return t('rendererWords.log.tls');
    case 'info':
      return t('rendererWords.log.info');
    case 'warning':
      return t('rendererWords.log.warning');
    case 'error':
      return t('rendererWords.log.error');
    default: {
      const never: never = direction;
      return String(never);
    }
  }
}

/** Plain text of the log for copy and save: `12:00:01 [conn] Command: USER ann`. */
export function logAsText(lines: readonly LogLine[]): string {
  return lines.map((l) => `${formatClock(l.time)} [${l.connectionId.slice(0, 8)}] ${directionTag(l.direction)} ${l.text}`).join('\n') + (lines.length ? '\n' : '');
}
