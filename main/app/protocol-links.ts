/**
 * `ftps://` and `ftpes://` links, as the installers register them (electron-builder.yml `protocols`,
 * build/installer.nsh on Windows). Pure: main/app hands it what Electron gives (macOS `open-url`, the
 * argv of the first instance or of `second-instance` elsewhere) and sends the result to the renderer,
 * which fills in its quick connect. A link never connects by itself and never carries a password in:
 * the user reads the filled form and clicks Connect.
 *
 * The schemes mean what FileZilla, WinSCP and curl take them to mean: `ftps` is implicit TLS (TLS from the
 * first byte, default port 990), `ftpes` is explicit TLS (AUTH TLS, RFC 4217, default port 21).
 */
import type { QuickConnectLink } from '../../common/ipc/payloads';
import { parseFtpUrl } from '../../common/models/ftp-url';
import { hostSchema } from '../../common/models/site-profile-schema';

/** The URL schemes Wharf handles. */
export const LINK_SCHEMES = ['ftps', 'ftpes'] as const;

/** What a link fills in; the password is always left for the user to type (declared in common/ipc). */
export type { QuickConnectLink };

/** Longer links are refused (Windows allows ~32k characters on a command line). */
const MAX_LINK_LENGTH = 2048;

const LINK_PREFIX = /^(ftps|ftpes):\/\//i;

/** True when `arg` looks like one of our links (scheme followed by `//`). */
export function isFtpsLink(arg: string): boolean {
  return LINK_PREFIX.test(arg);
}

/**
 * Parses a link into quick-connect fields, or null when it is not a well-formed ftps/ftpes link: unknown
 * scheme, no host, a host, user or path with control characters or invalid percent-encoding, an invalid
 * port. Query and fragment are ignored; an FTP `;type=` suffix is dropped from the path.
 */
export function parseFtpsLink(link: string): QuickConnectLink | null {
  if (typeof link !== 'string' || link.length > MAX_LINK_LENGTH || !LINK_PREFIX.test(link)) return null;
  const parsed = parseFtpUrl(link, { readPassword: false });
  if (!parsed.ok) return null;
  const { url } = parsed;
  if (url.mode === 'plain' || url.host.includes('%')) return null;
  const host = url.host.toLowerCase();
  if (!hostSchema.safeParse(host).success || host.trim() !== host) return null;
  if (url.user.length > 256) return null;
  const path = url.path.replace(/;type=[aid]$/i, '');
  const remotePath = path === '/' ? null : path;
  if (remotePath !== null && remotePath.length > 4096) return null;
  return { host, port: url.port, mode: url.mode, user: url.user, remotePath, passwordIgnored: url.hasPassword };
}

/**
 * The first ftps/ftpes link on a command line (`process.argv`, or the `commandLine` of `second-instance`),
 * or null. On Windows the installer registers `"Wharf.exe" -- "%1"`; on Linux the .desktop file runs
 * `wharf %U`; Chromium may add its own switches around it: only arguments that are links are looked at.
 */
export function findFtpsLink(argv: readonly string[]): string | null {
  return argv.find((arg) => typeof arg === 'string' && isFtpsLink(arg)) ?? null;
}

/**
 * Holds links until the renderer can take them: a link that launched the app arrives before the window
 * has loaded. `offer` parses and either delivers at once or keeps the newest; `rendererReady` flushes it
 * (call it when the window's page has loaded, and `rendererGone` when the window closes).
 */
export class LinkInbox {
  private pending: QuickConnectLink | null = null;
  private ready = false;

  constructor(private readonly deliver: (link: QuickConnectLink) => void) {}

  /** Offers a raw link (or a whole argv); returns what was parsed, null when nothing usable was in it. */
  offer(linkOrArgv: string | readonly string[]): QuickConnectLink | null {
    const raw = typeof linkOrArgv === 'string' ? linkOrArgv : findFtpsLink(linkOrArgv);
    const link = raw === null ? null : parseFtpsLink(raw);
    if (link === null) return null;
    if (this.ready) this.deliver(link);
    else this.pending = link;
    return link;
  }

  /** The renderer is ready: the waiting link (if any) goes out through `deliver`. */
  rendererReady(): void {
    const link = this.takePending();
    if (link) this.deliver(link);
  }

  /**
   * The renderer is ready and asks for the waiting link itself (the contract's `linksReady`): it is
   * handed over here, once, instead of being delivered; later links are delivered as they come.
   */
  takePending(): QuickConnectLink | null {
    this.ready = true;
    const link = this.pending;
    this.pending = null;
    return link;
  }

  /** The window closed, crashed or started loading again: hold links until it is ready once more. */
  rendererGone(): void {
    this.ready = false;
  }
}
