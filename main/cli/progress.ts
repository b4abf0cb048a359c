import { formatBytes } from '../core/bytes';
import { t } from '../../common/i18n/t';

/** A one-line progress bar on a TTY; silent elsewhere so scripts and pipes get clean output. */
export class ProgressLine {
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {}

  /** Redraws at most ten times a second. */
  update(label: string, done: number, total: number | null): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && (total === null || done < total)) return;
    this.lastDraw = now;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const speed = t('common.speed', { size: formatBytes(done / seconds) });
    const width = 24;
    const ratio = total && total > 0 ? Math.min(done / total, 1) : 0;
    const bar = total ? `[${'#'.repeat(Math.round(ratio * width)).padEnd(width, '.')}] ${(ratio * 100).toFixed(0).padStart(3)}%` : '';
    const columns = this.columns();
    const amount = total ? t('cliUsage.progress.ofTotal', { done: formatBytes(done), total: formatBytes(total) }) : formatBytes(done);
    const text = `${bar} ${amount} ${speed} ${label}`;
    this.stream.write(`\r${text.slice(0, columns - 1).padEnd(columns - 1)}`);
  }

  /** Clears the line. */
  finish(): void {
    if (this.enabled) this.stream.write(`\r${' '.repeat(this.columns() - 1)}\r`);
  }

  /** The terminal's width; a pseudo-terminal given no size (util-linux `script` in a pipe, some CI runners) says 0: 80 then. */
  private columns(): number {
    const columns = this.stream.columns;
    return columns !== undefined && columns > 0 ? columns : 80;
  }
}

