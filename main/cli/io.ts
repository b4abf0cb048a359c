import { ask, forTerminal } from './terminal';

/** Everything a command touches outside itself. `processCliIo()` is the real one; tests drive commands without a terminal. */
export interface CliIo {
  /** A line (or lines) for stdout: results, reports, JSON. */
  readonly out: (text: string) => void;
  /** A line for stderr: progress, warnings, questions' context. */
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether a person can answer questions (stdin is a terminal). */
  readonly interactive: boolean;
  /** Asks on the terminal; `hidden` for passwords. Only called when `interactive`. */
  readonly ask: (question: string, options?: { hidden?: boolean }) => Promise<string>;
}

/** The process's stdout, stderr, environment and terminal: the one place the command line writes to them. */
export function processCliIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    interactive: process.stdin.isTTY === true,
    ask,
  };
}

/** Where the progress line is drawn (stderr, so stdout stays the command's result). */
export const progressStream = process.stderr;

/** A warning or an error on stderr, one line, `wharf: ` first, hostile characters escaped. */
export function warnOn(io: Pick<CliIo, 'err'>): (text: string) => void {
  return (text) => io.err(`wharf: ${forTerminal(text)}`);
}

/**
 * A signal ends the command at once, whatever it waits for: partial downloads stay as NAME.part for
 * --resume, and nothing else is kept only in memory.
 */
export function exitOnSignals(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nwharf: stopped by ${signal}\n`);
      process.exit(code);
    });
  }
}

/** Exits with the command's code once stdout is flushed, even if a socket or timer is still open (a server's late data connection, say). */
export function exitWith(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}
