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

/** A warning or an error on stderr, one line, `wharf: ` first, hostile characters escaped. */
export function warnOn(io: Pick<CliIo, 'err'>): (text: string) => void {
  return (text) => io.err(`wharf: ${forTerminal(text)}`);
}
