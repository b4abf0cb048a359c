import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

/**
 * File types an OS runs, or lets run, on a double-click, by extension (lower case, no dot): opening one
 * from a server hands the server code execution. What each is, in the words the question uses.
 */
const EXECUTABLE_TYPES: ReadonlyMap<string, string> = new Map([
  ['exe', 'Windows program'], ['com', 'MS-DOS program'], ['scr', 'Windows screen saver (a program)'], ['pif', 'MS-DOS shortcut (runs a program)'],
  ['msi', 'Windows installer'], ['msp', 'Windows installer patch'], ['cpl', 'Control Panel item (a program)'], ['dll', 'Windows program library'],
  ['bat', 'batch script'], ['cmd', 'batch script'], ['ps1', 'PowerShell script'], ['psm1', 'PowerShell module'], ['vbs', 'VBScript'], ['vbe', 'encoded VBScript'],
  ['js', 'JScript / JavaScript file (runs with Windows Script Host)'], ['jse', 'encoded JScript'], ['wsf', 'Windows Script file'], ['wsh', 'Windows Script Host settings'],
  ['hta', 'HTML application (runs with full rights)'], ['lnk', 'Windows shortcut (can run any command)'], ['url', 'Internet shortcut (opens or runs a link)'],
  ['scf', 'Windows Explorer command file'], ['reg', 'Windows registry file'], ['inf', 'setup information file'], ['application', 'ClickOnce application'],
  ['jar', 'Java program'], ['command', 'macOS shell script'], ['app', 'macOS application'], ['pkg', 'macOS installer'], ['dmg', 'macOS disk image (may hold programs)'],
  ['workflow', 'macOS Automator workflow'], ['terminal', 'macOS Terminal settings (can run commands)'], ['desktop', 'Linux desktop launcher (runs a command)'],
  ['sh', 'shell script'], ['bash', 'shell script'], ['run', 'Linux installer'], ['bin', 'program'], ['appimage', 'Linux application (AppImage)'],
  ['deb', 'Debian package'], ['rpm', 'RPM package'], ['py', 'Python script'], ['pl', 'Perl script'], ['rb', 'Ruby script'],
]);

/** "Windows program (.exe)" when a file of this name would be run rather than viewed; null otherwise. */
export function executableType(name: string): string | null {
  // Windows drops trailing dots and spaces: `x.exe. ` runs as `x.exe`.
  const trimmed = name.replace(/[. ]+$/, '');
  const dot = trimmed.lastIndexOf('.');
  if (dot < 0) return null;
  const extension = trimmed.slice(dot + 1).toLowerCase();
  const type = EXECUTABLE_TYPES.get(extension);
  return type ? `${type} (.${extension})` : null;
}

/**
 * How an OS marks a file as downloaded from elsewhere, so it warns before running it: macOS's
 * `com.apple.quarantine` extended attribute, Windows's `Zone.Identifier` stream (Mark of the Web). Linux
 * has none that desktops agree on: nothing is written there.
 */
export type DownloadMark = 'quarantine-xattr' | 'zone-identifier' | null;

/** The mark of a platform. */
export function downloadMarkFor(platform: NodeJS.Platform): DownloadMark {
  if (platform === 'darwin') return 'quarantine-xattr';
  if (platform === 'win32') return 'zone-identifier';
  return null;
}

/** The `Zone.Identifier` stream: zone 3 is "Internet", what browsers write; the source without credentials. */
export function zoneIdentifierText(source: string | null): string {
  return ['[ZoneTransfer]', 'ZoneId=3', ...(source ? [`HostUrl=${source}`] : []), ''].join('\r\n');
}

/** The quarantine attribute's value as browsers write it: flags, time (hex seconds), agent. */
export function quarantineValue(now: Date): string {
  return `0081;${Math.floor(now.getTime() / 1000).toString(16)};Wharf;`;
}

/** Runs a command (injectable so the macOS path is testable elsewhere). */
export type RunCommand = (file: string, args: readonly string[]) => Promise<unknown>;

const runCommand: RunCommand = (file, args) => promisify(execFile)(file, [...args]);

/**
 * Marks a file Wharf downloaded as coming from the network, where the OS has such a mark. `source`: the
 * server and path (`ftps://host/path`), never with a user name or password. Failing to mark is not worth
 * failing the download for: the error is returned for the log.
 */
export async function markDownloaded(
  path: string,
  options: { readonly source?: string | null; readonly platform?: NodeJS.Platform; readonly now?: Date; readonly run?: RunCommand } = {},
): Promise<Error | null> {
  try {
    switch (downloadMarkFor(options.platform ?? process.platform)) {
      case 'quarantine-xattr':
        await (options.run ?? runCommand)('/usr/bin/xattr', ['-w', 'com.apple.quarantine', quarantineValue(options.now ?? new Date()), path]);
        break;
      case 'zone-identifier':
        await writeFile(`${path}:Zone.Identifier`, zoneIdentifierText(options.source ?? null), 'utf8');
        break;
      case null:
        break;
    }
    return null;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}
