/*
 * The early login of `wharf get` over plain FTP: the control connection is opened and the password
 * sent right after the command line is parsed, before the engine (the session, the transfer queue, the catalogue)
 * is loaded, and the loading then runs while the server checks the password (vsftpd's PAM takes ~50 ms, most of
 * a small get's wall time). The session adopts the connection (SessionOptions.earlyControl) and reads the same
 * replies, with the same code, as if it had sent the login itself: errors and exit codes do not change.
 *
 * Only where nothing could differ: a URL in plain FTP that the user allowed (--allow-plain; never ftpes:// or
 * ftps://, whose password waits for TLS and the certificate decision), a password given (URL or WHARF_PASSWORD),
 * no proxy of any kind, no client certificate, no --ca (read before connecting), UTF-8 names. Anything else
 * connects the usual way. The session's options are compared with the login's before adopting it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FTPContext, FTPError, type FTPResponse } from 'basic-ftp/dist/FtpContext';
import { describeAddress, describeTLS } from 'basic-ftp/dist/netUtils';
import { positiveCompletion } from 'basic-ftp/dist/parseControlResponse';
import { startsWithTlsRecord } from '../ftps/implicit-probe';
import { sendUtf8Login, type EarlyControl } from '../ftps/login-sequence';
import { PROXY_ENVIRONMENT_VARIABLES, type ProxyEndpoint } from '../ftps/proxy';
import { defaultDataDir, PROXY_SETTINGS_FILE_NAME } from '../sites/data-dir';
import type { CliFlags } from './flags';
import { isRemoteArgument, parseLocation, type CliLocation } from './url';

/** How long the command waits for the early login to send PASS before loading the engine (a silent server). */
const PASSWORD_WAIT_CAP_MS = 250;

/** What a session must be opened with for the early login to be its own. */
export interface EarlyLoginTarget {
  readonly target: { readonly host: string; readonly port: number; readonly mode: string; readonly user: string; readonly encoding: string };
  readonly password: string;
  readonly timeoutMs: number;
  readonly proxy: ProxyEndpoint | null;
  readonly hasClientCertificate: boolean;
}

export interface EarlyLogin {
  /** Settles once PASS is written, or the login stopped before it, or after PASSWORD_WAIT_CAP_MS. */
  readonly passwordSentOrStopped: Promise<void>;
  /** The connection for a session opened with `options`; null, and the connection closed, when they differ. */
  takeFor(options: EarlyLoginTarget): EarlyControl | null;
}

/** The password an early login may send, or null when the command must connect the usual way. */
function earlyPassword(command: string, location: CliLocation, flags: CliFlags, env: NodeJS.ProcessEnv): string | null {
  if (command !== 'get') return null;
  if (location.kind !== 'url' || location.mode !== 'plain' || !flags.allowPlain) return null;
  // An anonymous login's password is the rule's to choose (connection-rule.ts).
  if (location.user === '' || location.user.toLowerCase() === 'anonymous') return null;
  const password = location.password ?? env.WHARF_PASSWORD ?? null;
  // A control character is refused by the session with its own error, before anything is sent.
  if (password === null || /[\r\n\0]/.test(password)) return null;
  const { cert, key, proxy } = flags.connectivity;
  if (flags.ca !== undefined || cert !== undefined || key !== undefined || flags.charset !== undefined) return null;
  if (proxy !== undefined && proxy.trim() !== 'none') return null;
  if (proxy === undefined) {
    // No --proxy: the app-wide setting decides, `system` (the environment) where it was never saved.
    if (PROXY_ENVIRONMENT_VARIABLES.some((name) => (env[name] ?? '').trim() !== '')) return null;
    if (existsSync(join(defaultDataDir(), PROXY_SETTINGS_FILE_NAME))) return null;
  }
  return password;
}

/** Starts the early login where it applies (see the top of this file); null otherwise. */
export function startEarlyLogin(command: string, location: CliLocation, flags: CliFlags, env: NodeJS.ProcessEnv): EarlyLogin | null {
  const password = earlyPassword(command, location, flags, env);
  if (password === null || location.kind !== 'url') return null;
  const { host, port, user } = location;
  const log: string[] = [];
  const ftp = new FTPContext(flags.timeoutMs, 'utf8');
  ftp.verbose = true;
  ftp.log = (message: string) => log.push(message);
  let tlsGreeting = false;
  let passwordSent!: () => void;
  const sent = new Promise<void>((resolve) => (passwordSent = resolve));
  // As basic-ftp's Client.connect and its connect-response handler; the session's greetingOrImplicitHint waits on it.
  ftp.socket.connect({ host, port, family: ftp.ipFamily }, () => ftp.log(`Connected to ${describeAddress(ftp.socket)} (${describeTLS(ftp.socket)})`));
  ftp.socket.prependOnceListener('data', (chunk: Buffer | string) => {
    if (!startsWithTlsRecord(chunk)) return;
    tlsGreeting = true;
    passwordSent();
  });
  const greeting = ftp.handle(undefined, (res, task) => {
    if (res instanceof Error) task.reject(res);
    else if (positiveCompletion(res.code)) task.resolve(res);
    else task.reject(new FTPError(res));
  }) as Promise<FTPResponse>;
  const login = greeting.then(() => {
    ftp.socket.setNoDelay(true);
    // Late replies cannot come before any data connection; the session logs the same words if one does.
    return sendUtf8Login(ftp, user, password, (text) => ftp.log(`Ignored a late reply about an earlier data connection: ${text}`), passwordSent);
  });
  // Until adopted, a failure is nobody's: the session hears of it when it reads the greeting or the login.
  login.then(passwordSent, passwordSent);
  const cap = new Promise<void>((resolve) => setTimeout(resolve, PASSWORD_WAIT_CAP_MS).unref());
  const control: EarlyControl = {
    ftp,
    greeting,
    login,
    greetedWithTls: () => tlsGreeting,
    takeLog: () => log.splice(0),
  };
  let taken = false;
  return {
    passwordSentOrStopped: Promise.race([sent, cap]),
    takeFor(options) {
      if (taken) return null;
      taken = true;
      const t = options.target;
      const same =
        t.mode === 'plain' && t.host === host && t.port === port && t.user === user && t.encoding === 'utf8' &&
        options.password === password && options.timeoutMs === flags.timeoutMs && options.proxy === null && !options.hasClientCertificate;
      if (same) return control;
      ftp.close();
      return null;
    },
  };
}

/**
 * The early login of `wharf get URL TARGET` where it applies, once PASS is on its way (or the login stopped
 * before it): the caller loads the engine after this, while the server checks the password. null: connect as usual.
 */
export async function earlyLoginFor(command: string, positionals: readonly string[], flags: CliFlags, env: NodeJS.ProcessEnv): Promise<EarlyLogin | null> {
  const [source, target] = positionals;
  if (command !== 'get' || source === undefined || target === undefined || !isRemoteArgument(source)) return null;
  let location: CliLocation;
  try {
    location = parseLocation(source);
  } catch {
    return null; // the command says what is wrong with it, as it would have
  }
  const early = startEarlyLogin(command, location, flags, env);
  await early?.passwordSentOrStopped;
  return early;
}
