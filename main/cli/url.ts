import { defaultPortFor, type FtpsMode } from '../../common/models';
import { WharfError } from '../ftps/errors';

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
  | { readonly kind: 'site'; readonly siteName: string; readonly path: string };

/** Schemes as FileZilla and WinSCP use them: ftpes = explicit FTPS, ftps = implicit FTPS, ftp = plain. */
const SCHEMES: Readonly<Record<string, FtpsMode>> = { 'ftpes:': 'explicit', 'ftps:': 'implicit', 'ftp:': 'plain' };

/** True when the argument names a remote location rather than a local path. */
export function isRemoteArgument(arg: string): boolean {
  return /^(ftpes|ftps|ftp):\/\//i.test(arg) || arg.startsWith('site:');
}

/** Parses a location argument; a malformed one is an `invalid-input` error that says what is wrong. */
export function parseLocation(arg: string): CliLocation {
  if (arg.startsWith('site:')) {
    const rest = arg.slice('site:'.length);
    const slash = rest.indexOf('/');
    const siteName = decodeURIComponent(slash === -1 ? rest : rest.slice(0, slash));
    if (siteName.length === 0) throw new WharfError('invalid-input', `"${arg}" names no site: use site:NAME/path.`);
    return { kind: 'site', siteName, path: slash === -1 ? '/' : rest.slice(slash) };
  }
  let url: URL;
  try {
    url = new URL(arg);
  } catch {
    throw new WharfError('invalid-input', `"${arg}" is not a URL such as ftpes://user@host/path.`);
  }
  const mode = SCHEMES[url.protocol.toLowerCase()];
  if (mode === undefined) throw new WharfError('invalid-input', `Unknown scheme ${url.protocol} (use ftpes://, ftps:// or ftp://).`);
  if (url.hostname.length === 0) throw new WharfError('invalid-input', `"${arg}" names no host.`);
  const path = decodeURIComponent(url.pathname || '/');
  if (/[\r\n\0]/.test(path)) throw new WharfError('invalid-input', 'The path contains a line break or NUL.');
  return {
    kind: 'url',
    mode,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : defaultPortFor(mode),
    user: url.username ? decodeURIComponent(url.username) : 'anonymous',
    password: url.password ? decodeURIComponent(url.password) : null,
    path,
  };
}
