import { t } from '../../common/i18n/t';
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, parse, resolve, sep } from 'node:path';
import { WharfError } from '../core/errors';

/**
 * The allow-list of local folders: the renderer is untrusted, so every local path it names must lie under a
 * folder the user opened (home), chose in a native dialog, or dropped from the OS. Checks compare real
 * paths (symlinks resolved), so a link inside home pointing at `/etc` does not open `/etc`.
 */
export class LocalAccess {
  private readonly roots = new Map<string, string>();
  private readonly caseInsensitive: boolean;

  /** `platform` only decides case folding (Windows and macOS compare paths case-insensitively). */
  constructor(options: { readonly platform?: NodeJS.Platform } = {}) {
    const platform = options.platform ?? process.platform;
    this.caseInsensitive = platform === 'win32' || platform === 'darwin';
  }

  /** Allows a folder (or a single dropped file) and everything under it. */
  async grant(path: string): Promise<string> {
    const normalized = normalizeAbsolute(path);
    const real = await realpathOfNearestExisting(normalized);
    this.roots.set(normalized, real);
    return normalized;
  }

  /** The allowed roots as the user knows them (not symlink-resolved), in the order granted. */
  allowedRoots(): readonly string[] {
    return [...this.roots.keys()];
  }

  /** Whether a path is under an allowed root, by name only (no file-system access): for UI hints. */
  allowsByName(path: string): boolean {
    if (!isAbsolute(path)) return false;
    const normalized = resolve(path);
    for (const [given, real] of this.roots) {
      if (this.isInside(normalized, given) || this.isInside(normalized, real)) return true;
    }
    return false;
  }

  /** Whether the path is one of the roots themselves (deleting or renaming one is refused). */
  isRoot(path: string): boolean {
    const normalized = resolve(path);
    for (const [given, real] of this.roots) {
      if (this.same(normalized, given) || this.same(normalized, real)) return true;
    }
    return false;
  }

  /**
   * Checks a path and returns it normalized; throws `local-io` with `detail.reason = 'not-allowed'`. A path
   * that does not exist yet (a folder to create, a rename target) is checked by its nearest existing parent.
   */
  async check(path: string): Promise<string> {
    const normalized = normalizeAbsolute(path);
    const real = await realpathOfNearestExisting(normalized);
    for (const rootReal of this.roots.values()) {
      if (this.isInside(real, rootReal)) return normalized;
    }
    throw notAllowed(normalized);
  }

  private isInside(child: string, root: string): boolean {
    const c = this.caseInsensitive ? child.toLowerCase() : child;
    const r = this.caseInsensitive ? root.toLowerCase() : root;
    if (c === r) return true;
    return c.startsWith(r.endsWith(sep) ? r : r + sep);
  }

  private same(a: string, b: string): boolean {
    return this.caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
  }
}

/** The error for a path outside the allowed folders: the renderer offers "Choose folder…" on it. */
export function notAllowed(path: string): WharfError {
  return new WharfError('local-io', t('transfers.folderNotAllowed', { path }), {
    detail: { reason: 'not-allowed', path },
  });
}

/** Resolves `.` and `..` and refuses relative paths, so nothing is ever resolved against main's cwd. */
function normalizeAbsolute(path: string): string {
  if (!isAbsolute(path) || path.includes('\0')) {
    throw new WharfError('invalid-input', t('transfers.absolutePathRequired'), { detail: { path: path.slice(0, 300) } });
  }
  return resolve(path);
}

/** The real path of `path`, or of its nearest existing ancestor joined with the missing rest. */
async function realpathOfNearestExisting(path: string): Promise<string> {
  let current = path;
  const missing: string[] = [];
  for (;;) {
    try {
      const real = await realpath(current);
      return missing.length === 0 ? real : resolve(real, ...missing.reverse());
    } catch {
      // Missing (a folder to create) or unreadable: resolve the nearest ancestor we can, keep the rest.
      const parent = dirname(current);
      if (parent === current || current === parse(current).root) {
        return missing.length === 0 ? current : resolve(current, ...missing.reverse());
      }
      missing.push(current.slice(parent.length).replace(/^[\\/]+/, ''));
      current = parent;
    }
  }
}
