import type { FtpsMode } from '../../common/models';
import { isFtpUrl, parseFtpUrl, type FtpUrlProblem } from '../../common/models/ftp-url';
import { hasControlCharacters } from '../../common/models/site-profile';
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

/**
 * A %-decoded part of a location. A malformed escape is refused, and so is a control character: a CR or
 * LF in a user name, password or path would start a second FTP command.
 */
function decodePart(encoded: string, what: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    throw new WharfError('invalid-input', `The ${what} holds a malformed %-escape.`);
  }
  if (hasControlCharacters(decoded)) throw new WharfError('invalid-input', `The ${what} contains a line break or another control character.`);
  return decoded;
}

/** Parses a location argument; a malformed one is an `invalid-input` error that says what is wrong. */
export function parseLocation(arg: string): CliLocation {
  if (arg.startsWith('site:')) {
    const rest = arg.slice('site:'.length);
    const slash = rest.indexOf('/');
    const siteName = decodePart(slash === -1 ? rest : rest.slice(0, slash), 'site name');
    if (siteName.length === 0) throw new WharfError('invalid-input', `"${arg}" names no site: use site:NAME/path.`);
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
      return `"${shown}" is not a URL such as ftpes://user@host/path.`;
    case 'unknown-scheme':
      return `Unknown scheme ${problem.scheme} (use ftpes://, ftps:// or ftp://).`;
    case 'no-host':
      return `"${shown}" names no host.`;
    case 'bad-port':
      return `"${shown}" names port 0; ports go from 1 to 65535.`;
    case 'malformed-escape':
      return `The ${problem.part} holds a malformed %-escape.`;
    case 'control-character':
      return `The ${problem.part} contains a line break or another control character.`;
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
