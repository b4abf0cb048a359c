import type { ErrorKind, WharfErrorData } from '../../common/models';

/** The engine's one error type: a kind the UI can switch on and one human line. Crosses IPC as `toData()`. */
export class WharfError extends Error {
  readonly kind: ErrorKind;
  readonly code: number | undefined;
  readonly detail: Readonly<Record<string, string | number | boolean>> | undefined;

  constructor(
    kind: ErrorKind,
    message: string,
    options: { code?: number; detail?: Record<string, string | number | boolean>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'WharfError';
    this.kind = kind;
    this.code = options.code;
    this.detail = options.detail;
  }

  /** Plain data for IPC, logs and the CLI; never holds a password because messages are built without one. */
  toData(): WharfErrorData {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.code !== undefined ? { code: this.code } : {}),
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
    };
  }
}

/** True for a WharfError of the given kind; narrows unknown catch values. */
export function isWharfError(err: unknown, kind?: ErrorKind): err is WharfError {
  return err instanceof WharfError && (kind === undefined || err.kind === kind);
}
