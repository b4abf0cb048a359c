import { posix, win32 } from 'node:path';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';

/*
 * Remote names come from the server and can be hostile: `..`, `a/b`, `C:evil`, `CON`, control
 * characters. A name is used to build a local path only when `unsafeNameReason` finds nothing wrong,
 * and `safeLocalPath` checks the resolved path lies inside the chosen folder anyway.
 */

/** Windows device names: `CON`, `nul.txt` or `COM1.tar.gz` open the device, not a file, in any folder. */
const WINDOWS_RESERVED = new Set([
  'CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$',
  ...[...'0123456789¹²³'].flatMap((digit) => [`COM${digit}`, `LPT${digit}`]),
]);

/** Longest file name in bytes on ext4, APFS and most others (NAME_MAX). */
const MAX_NAME_BYTES = 255;

/**
 * Why a remote name must not become a local file name, or null when it is safe. The Windows rules
 * (device names, drive prefixes, trailing dot or space) apply on every OS: a download folder may be
 * shared with or copied to Windows, and such names are rare on real servers. Characters that only
 * Windows forbids (`<>:"|?*`) are refused only when `platform` is win32, as `12:00.log` or `What?.txt`
 * are common, valid names elsewhere. default platform: this process's.
 */
export function unsafeNameReason(name: string, platform: NodeJS.Platform = process.platform): string | null {
  const code = unsafeNameCode(name, platform);
  return code === null ? null : describeUnsafeName(code);
}

/** Why a name is refused, as data (`detail.reason` of an `unsafe-name` error); `describeUnsafeName` says it. */
export type UnsafeNameCode =
  | 'empty'
  | 'dots'
  | 'nul'
  | 'slash'
  | 'backslash'
  | 'control'
  | 'commandControl'
  | 'surrogate'
  | 'drive'
  | 'device'
  | 'trailing'
  | 'windowsCharacter'
  | 'tooLong'
  | 'outside';

/** What `unsafeNameReason` finds, as a code. */
export function unsafeNameCode(name: string, platform: NodeJS.Platform = process.platform): UnsafeNameCode | null {
  if (name.length === 0) return 'empty';
  if (name === '.' || name === '..') return 'dots';
  if (name.includes('\0')) return 'nul';
  if (name.includes('/')) return 'slash';
  if (name.includes('\\')) return 'backslash';
  if (hasControlCharacter(name)) return 'control';
  if (/\p{Cs}/u.test(name)) return 'surrogate';
  if (/^[A-Za-z]:/.test(name)) return 'drive';
  if (isWindowsDeviceName(name)) return 'device';
  if (name.endsWith('.') || name.endsWith(' ')) return 'trailing';
  if (platform === 'win32' && /[<>:"|?*]/.test(name)) return 'windowsCharacter';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return 'tooLong';
  return null;
}

/** The reason for a refused name in the current language, said of the name ("is empty", "contains "/""). */
export function describeUnsafeName(code: UnsafeNameCode): string {
  return t('connectionTexts.unsafeNameReason', { reason: code, maxBytes: String(MAX_NAME_BYTES) });
}

/**
 * The local path for a remote file below `localRoot`, built only from safe segments: throws a
 * WharfError of kind `unsafe-name` (detail: the printable name and the reason) otherwise. The path is
 * resolved and checked to lie inside `localRoot` as a second line of defence; the check is lexical, so
 * it does not follow symbolic links already present in the local folder. default platform: this process's.
 */
export function safeLocalPath(
  localRoot: string,
  relativeRemoteSegments: readonly string[],
  platform: NodeJS.Platform = process.platform,
): string {
  for (const segment of relativeRemoteSegments) {
    const code = unsafeNameCode(segment, platform);
    if (code !== null) throw unsafeNameError(segment, code);
  }
  const path = platform === 'win32' ? win32 : posix;
  const root = path.resolve(localRoot);
  const resolved = path.resolve(root, ...relativeRemoteSegments);
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  const inside = relativeRemoteSegments.length === 0 ? resolved === root : resolved.startsWith(prefix);
  if (!inside) throw unsafeNameError(relativeRemoteSegments.join('/'), 'outside');
  return resolved;
}

/**
 * A name fit for a log line or the UI: control characters, backslashes, lone surrogates and invisible
 * or bidirectional formatting characters are escaped, so `evil\u202Etxt.exe` cannot pose as
 * `evilexe.txt` and a name with a newline cannot forge a second log line.
 */
export function printableName(name: string): string {
  let out = '';
  for (const ch of name) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\x${hex(code, 2)}`;
    else if (isInvisibleFormatting(code) || (code >= 0xd800 && code <= 0xdfff)) out += `\\u${hex(code, 4)}`;
    else out += ch;
  }
  return out;
}

/** C0 controls, DEL and C1 controls (U+0080..U+009F, which some terminals still obey). */
function hasControlCharacter(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function isWindowsDeviceName(name: string): boolean {
  // Windows ignores everything from the first dot, and trailing spaces before it (`CON .txt`).
  const dot = name.indexOf('.');
  const base = (dot < 0 ? name : name.slice(0, dot)).trimEnd().toUpperCase();
  return WINDOWS_RESERVED.has(base);
}

function isInvisibleFormatting(code: number): boolean {
  return (
    code === 0x061c ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff
  );
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}

function unsafeNameError(name: string, reason: UnsafeNameCode): WharfError {
  // Printable and cut short: the name came from the server and may be long or hold control characters.
  const shown = printableName(name.length > 200 ? `${name.slice(0, 200)}…` : name);
  return new WharfError('unsafe-name', t('connectionTexts.unsafeNameSkipped', { name: shown, reason: describeUnsafeName(reason) }), { detail: { name: shown, reason } });
}
