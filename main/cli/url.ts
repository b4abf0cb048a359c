import type { FtpsMode } from '../../common/models';
import { isFtpUrl, parseFtpUrl, type FtpUrlPart, type FtpUrlProblem } from '../../common/models/ftp-url';
import { hasControlCharacters } from '../../common/models/site-profile';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';

/** A command-line location: a URL (`ftpes://`, `ftps://`, `ftp://`) or a saved site (`site:NAME/path`). */
export type CliLocation =
  | {
      readonly kind: 'url';
      readonly mode: FtpsMode;
      readonly host: string;
      readonly port: number;
      readonly user: string;
      /** Present only when the URL carried one; the CLI warns that it is visible to other processes. */
      readonly password: string | null;
      readonly path: string;
    }
  | {
      readonly kind: 'site';
      readonly siteName: string;
      /** Absolute, %-decoded; when `inSiteFolder`, it is read below the site's remote folder (see sitePath). */
      readonly path: string;
      /** `site:NAME/a.txt` is `<site folder>/a.txt`; `site:NAME//a.txt` and `site:NAME/%2Fa.txt` are `/a.txt`. */
      readonly inSiteFolder: boolean;
    };

/** True when the argument names a remote location rather than a local path. */
export function isRemoteArgument(arg: string): boolean {
  return isFtpUrl(arg) || arg.startsWith('site:');
}

/** The parts of a location a message names; the catalogue words each one in its language. */
type LocationPart = FtpUrlPart | 'site name';
const PART_KEYS: Readonly<Record<LocationPart, string>> = { 'user name': 'userName', password: 'password', path: 'path', 'site name': 'siteName' };

/**
 * A %-decoded part of a location. A malformed escape is refused, and so is a control character: a CR or
 * LF in a user name, password or path would start a second FTP command.
 */
function decodePart(encoded: string, what: LocationPart): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    throw new WharfError('invalid-input', t('cli.url.malformedEscape', { part: PART_KEYS[what] }));
  }
  if (hasControlCharacters(decoded)) throw new WharfError('invalid-input', t('cli.url.controlCharacter', { part: PART_KEYS[what] }));
  return decoded;
}

/** Parses a location argument; a malformed one is an `invalid-input` error that says what is wrong. */
export function parseLocation(arg: string): CliLocation {
  if (arg.startsWith('site:')) {
    const rest = arg.slice('site:'.length);
    const slash = rest.indexOf('/');
    const siteName = decodePart(slash === -1 ? rest : rest.slice(0, slash), 'site name');
    if (siteName.length === 0) throw new WharfError('invalid-input', t('cli.url.noSite', { arg }));
    // What follows the slash after the name is decoded like a URL's path; a second slash (or %2F) makes it absolute.
    const decoded = slash === -1 ? '' : decodePart(rest.slice(slash + 1), 'path');
    const inSiteFolder = !decoded.startsWith('/');
    return { kind: 'site', siteName, path: inSiteFolder ? `/${decoded}` : decoded, inSiteFolder };
  }
  // Messages quote the argument without the password a URL may carry.
  const shown = arg.replace(/^([a-z]+:\/\/[^/@]*?:)[^/]*@/i, '$1****@');
  const parsed = parseFtpUrl(arg);
  if (!parsed.ok) throw new WharfError('invalid-input', problemText(parsed.problem, shown));
  const { url } = parsed;
  return { kind: 'url', mode: url.mode, host: url.host, port: url.port, user: url.user || 'anonymous', password: url.password, path: url.path };
}

/** Why a URL is refused, in the words of the command line. */
function problemText(problem: FtpUrlProblem, shown: string): string {
  switch (problem.reason) {
    case 'not-a-url':
      return t('cli.url.notAUrl', { shown });
    case 'unknown-scheme':
      return t('cli.url.unknownScheme', { scheme: problem.scheme });
    case 'no-host':
      return t('cli.url.noHost', { shown });
    case 'bad-port':
      return t('cli.url.badPort', { shown });
    case 'malformed-escape':
      return t('cli.url.malformedEscape', { part: PART_KEYS[problem.part] });
    case 'control-character':
      return t('cli.url.controlCharacter', { part: PART_KEYS[problem.part] });
  }
}

/**
 * The remote path a `site:` location names: below the site's remote folder unless it was written as an
 * absolute path (`site:NAME//abs`), so `site:NAME/a.txt` means what the site manager's folder shows.
 */
export function sitePath(location: Extract<CliLocation, { kind: 'site' }>, remoteDir: string): string {
  if (!location.inSiteFolder || remoteDir === '' || remoteDir === '/') return location.path;
  if (location.path === '/') return remoteDir;
  const base = remoteDir.startsWith('/') ? remoteDir : `/${remoteDir}`;
  return `${base.replace(/\/+$/, '')}${location.path}`;
}

/** A host as a URL writes it: an IPv6 address in brackets (`[::1]:2121`), so its colons are not read as a port. */
export function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
