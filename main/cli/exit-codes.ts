import type { ErrorKind } from '../../common/models';
import type { WharfError } from '../core/errors';
import { EXIT_RECURSION_LIMIT, isRecursionLimit } from './recursion-limit';

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
export function exitCodeFor(error: WharfError): number {
  if (isRecursionLimit(error)) return EXIT_RECURSION_LIMIT;
  return EXIT_CODES[error.kind] ?? 1;
}
