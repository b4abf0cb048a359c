/**
 * Writes the site lists other clients would have for the test servers: a WinSCP.ini (with WinSCP's scrambled
 * passwords, a nested non-ASCII folder and an SFTP site to skip) and a folder of Cyberduck bookmarks (one in
 * active mode, one in a sub-folder, an SFTP one to skip), so imports can be checked end to end: imported,
 * then connected and listed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeWinScp } from '../../main/sites/winscp-import';
import { encryptWinScpPassword } from '../../main/sites/winscp-password';
import type { FleetInfo } from '../servers/fleet';

/** Which server each imported site points at, by the name it gets. */
export interface FleetImportFiles {
  readonly winScpIni: string;
  readonly cyberduckFolder: string;
  /** Site path (folders/name) -> fleet server name. */
  readonly winScpSites: Readonly<Record<string, keyof FleetInfo['servers']>>;
  readonly cyberduckSites: Readonly<Record<string, keyof FleetInfo['servers']>>;
}

const random = (below: number) => Math.floor(Math.random() * below);

/** Writes both files under `dir`. */
export function writeFleetImportFiles(fleet: FleetInfo, dir: string): FleetImportFiles {
  mkdirSync(dir, { recursive: true });
  const implicit = fleet.servers['vsftpd-implicit'];
  const proftpd = fleet.servers['proftpd-explicit'];
  const session = (name: string, lines: string[]) => `[Sessions\\${escapeWinScp(name)}]\r\n${lines.join('\r\n')}\r\n\r\n`;
  const winScpIni = join(dir, 'WinSCP.ini');
  writeFileSync(
    winScpIni,
    session('Fleet/Implicit Ü/vsftpd implicit', [
      `HostName=${implicit.host}`, `PortNumber=${implicit.port}`, `UserName=${escapeWinScp(implicit.user)}`,
      `Password=${encryptWinScpPassword(implicit.password, implicit.user, implicit.host, random)}`, 'FSProtocol=5', 'Ftps=1', 'Utf=1',
    ]) +
      session('Fleet/proftpd explicit', [
        `HostName=${proftpd.host}`, `PortNumber=${proftpd.port}`, `UserName=${escapeWinScp(proftpd.user)}`,
        `Password=${encryptWinScpPassword(proftpd.password, proftpd.user, proftpd.host, random)}`, 'FSProtocol=5', 'Ftps=3', 'RemoteDirectory=/',
      ]) +
      session('Fleet/Shell', [`HostName=${proftpd.host}`, 'PortNumber=22', 'UserName=bob', 'FSProtocol=2']),
  );

  const cyberduckFolder = join(dir, 'Bookmarks');
  mkdirSync(join(cyberduckFolder, 'Mirrors'), { recursive: true });
  const duck = (file: string, entries: Record<string, string>) =>
    writeFileSync(
      join(cyberduckFolder, file),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
        '<plist version="1.0">',
        '<dict>',
        ...Object.entries(entries).flatMap(([key, value]) => [`\t<key>${key}</key>`, `\t<string>${value}</string>`]),
        '</dict>',
        '</plist>',
        '',
      ].join('\n'),
    );
  const vsftpd = fleet.servers['vsftpd-explicit'];
  const pure = fleet.servers['pureftpd-explicit'];
  duck('A1B2.duck', { Protocol: 'ftps', Nickname: 'vsftpd active', Hostname: vsftpd.host, Port: String(vsftpd.port), Username: vsftpd.user, 'FTP Connect Mode': 'active' });
  duck('Mirrors/C3D4.duck', { Protocol: 'ftps', Nickname: 'pure-ftpd', Hostname: pure.host, Port: String(pure.port), Username: pure.user, Encoding: 'UTF-8' });
  duck('E5F6.duck', { Protocol: 'sftp', Nickname: 'Shell', Hostname: pure.host, Port: '22', Username: 'bob' });
  return {
    winScpIni,
    cyberduckFolder,
    winScpSites: { 'Fleet/Implicit Ü/vsftpd implicit': 'vsftpd-implicit', 'Fleet/proftpd explicit': 'proftpd-explicit' },
    cyberduckSites: { 'vsftpd active': 'vsftpd-explicit', 'Mirrors/pure-ftpd': 'pureftpd-explicit' },
  };
}
