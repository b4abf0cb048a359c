/*
 * The login as a session sends it over a UTF-8 control connection, in one place for the session (session.ts) and
 * for a command line's early login (main/cli/early-login.ts), which sends it before the engine has loaded.
 */
import { FTPError, type FTPContext, type FTPResponse } from 'basic-ftp/dist/FtpContext';
import { describeTLS } from 'basic-ftp/dist/netUtils';
import { sendPipelined } from './pipeline';

/** What the login left for the session to know: whether the server took OPTS UTF8 before it. */
export interface LoginOutcome {
  readonly utf8AcceptedBeforeLogin: boolean;
}

/**
 * OPTS UTF8 and USER in one write (one round trip fewer per login; USER's reply does not depend on OPTS's), then
 * PASS only after a 331, as basic-ftp's login sends it. `user` and `password` are checked wire text (no CR, LF, NUL).
 * Rejects with the server's refusal (FTPError) or the connection's error.
 */
export async function sendUtf8Login(
  ftp: FTPContext,
  user: string,
  password: string,
  onLateReply: (text: string) => void,
  onPasswordSent: (() => void) | undefined,
): Promise<LoginOutcome> {
  ftp.log(`Login security: ${describeTLS(ftp.socket)}`);
  const [utf8, userReply] = (await sendPipelined(ftp, ['OPTS UTF8 ON', `USER ${user}`], onLateReply)) as [FTPResponse, FTPResponse];
  const utf8AcceptedBeforeLogin = utf8.code >= 200 && utf8.code < 300;
  if (userReply.code >= 200 && userReply.code < 300) return { utf8AcceptedBeforeLogin };
  if (userReply.code !== 331) throw new FTPError(userReply);
  const answered = ftp.request(`PASS ${password}`);
  onPasswordSent?.();
  const passReply = await answered;
  if (passReply.code < 200 || passReply.code >= 300) throw new FTPError(passReply);
  return { utf8AcceptedBeforeLogin };
}

/**
 * A plain-FTP control connection opened, greeted and logged in on before the engine loaded (main/cli/early-login.ts),
 * for a session to adopt instead of connecting (SessionOptions.earlyControl).
 */
export interface EarlyControl {
  readonly ftp: FTPContext;
  /** The server's greeting, as basic-ftp's connect reads it. */
  readonly greeting: Promise<FTPResponse>;
  /** The login sent after the greeting (sendUtf8Login). */
  readonly login: Promise<LoginOutcome>;
  /** Whether the server's first bytes were a TLS record (an implicit-FTPS port): then nothing was sent. */
  readonly greetedWithTls: () => boolean;
  /** basic-ftp's log lines so far; the session's log takes the later ones. */
  readonly takeLog: () => string[];
}
