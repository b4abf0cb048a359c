import type { SessionOptions } from '../ftps/session';

/**
 * How the transfer queue opens its own connections to the site a session browses: same target, same
 * password, and the certificate decision already made (a certificate accepted once is passed as a pin, so
 * pool connections do not ask again and a different certificate is still a hard stop).
 */
export interface SessionConnection {
  /** The saved site's id, or `quick:<sessionId>` for a quick connection. */
  readonly siteKey: string;
  readonly label: string;
  readonly maxConnections: number | null;
  /** The site's "upload via a temporary name"; on for a quick connection (the default). */
  readonly uploadViaTemporaryName: boolean;
  /** The site's "keep modification times" on upload; absent (a quick connection): on, the default. */
  readonly keepModifiedTimes?: boolean;
  /** The site's segmented downloads: up to this many ranges at once, 0 or 1 off; absent (a quick connection): the default. */
  readonly segments?: number;
  readonly options: Omit<SessionOptions, 'decideTrust' | 'onLog' | 'connectionId'>;
}
