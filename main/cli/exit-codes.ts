/*
 * How every `wharf` command ends when it fails: the exit code by error kind, and the one way a failure is
 * told on stderr (the server's reply in words, the charset hint, hostile characters escaped), so `ls`,
 * `doctor` and `sync` explain the same failure the same way.
 */
import type { ErrorKind, WharfErrorData } from '../../common/models';
import { withReplyWords } from '../../common/models/ftp-replies';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';
import { flagErrorText, isFlagError } from './flag-errors';
import { warnOn, type CliIo } from './io';
import { EXIT_RECURSION_LIMIT, isRecursionLimit } from './recursion-limit';
import { isRemoteArgument } from './url';

/** Exit codes of every `wharf` command, by error kind, so scripts can tell a wrong password from a network problem. */
export const EXIT_CODES: Readonly<Partial<Record<ErrorKind, number>>> = {
  'invalid-input': 2,
  'plain-refused': 2,
  auth: 3,
  'tls-untrusted': 4,
  'tls-changed': 4,
  'tls-handshake': 4,
  'tls-required': 4,
  refused: 5,
  dns: 5,
  timeout: 5,
  'connection-lost': 5,
  'data-channel': 5,
  'too-many-connections': 5,
  ftp: 6,
  'local-io': 7,
  'unsafe-name': 7,
  verification: 8,
  cancelled: 130,
};

/** The exit code for an error: its kind's, or 9 for a walk stopped at --max-items / --max-depth. */
export function exitCodeFor(error: Pick<WharfErrorData, 'kind' | 'detail'>): number {
  if (isRecursionLimit(error)) return EXIT_RECURSION_LIMIT;
  return EXIT_CODES[error.kind] ?? 1;
}

/** A failure in one line: its message, with the server reply's plain words where it carries a reply code. */
export function explainFailure(error: Pick<WharfErrorData, 'message' | 'code'>): string {
  return withReplyWords(error.message, error.code);
}

/** The command that failed: its arguments, and the help that explains its flags (`wharf doctor --help`). */
export interface FailedCommand {
  readonly argv: readonly string[];
  readonly help: string;
}

/**
 * Tells a command's failure on stderr and returns its exit code: a flag `parseArgs` refused is a usage
 * error (2) pointing at the command's help; anything else is told as a WharfError (an unexpected error as
 * `internal`), with the reply's words, and for a server's refusal of a name beyond ASCII the hint that
 * the server may use another charset.
 */
export function reportCliFailure(err: unknown, io: Pick<CliIo, 'err'>, command: FailedCommand): number {
  const warn = warnOn(io);
  if (isFlagError(err)) {
    warn(t('cliUsage.failure.runHelp', { message: flagErrorText(err), help: command.help }));
    return 2;
  }
  const error = err instanceof WharfError ? err : new WharfError('internal', err instanceof Error ? err.message : String(err));
  warn(explainFailure(error));
  const { argv } = command;
  if (error.kind === 'ftp' && argv.some((arg) => isRemoteArgument(arg) && /[^\p{ASCII}]/u.test(arg)) && !argv.some((arg) => arg.startsWith('--charset'))) {
    warn(t('cliUsage.failure.charsetHint'));
  }
  return exitCodeFor(error);
}
