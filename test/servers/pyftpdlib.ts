/**
 * pyftpdlib servers for the fleet: one Python script (pyftpdlib/server.py, Debian's python3-pyftpdlib and
 * python3-openssl) configured per variant, so the suites meet servers that behave unlike vsftpd, proftpd and
 * pure-ftpd: an IIS imitation, a netkit/BSD imitation, other charsets, other timezones.
 *
 * To add a variant: one entry in PYFTPDLIB_VARIANTS (a new user name `wharf_py<x>`). fleet.ts takes the
 * names, users and modes from here; ServerInfo.name is how a test selects it (`fleet.servers['pyftpdlib-iis']`).
 */
import { statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PyftpdlibVariant {
  mode: 'explicit' | 'implicit' | 'plain';
  /** The system user the server runs as (and owns the root); unique per server of the fleet. */
  user: string;
  /**
   * 'unix': pyftpdlib as shipped ("215 UNIX Type: L8", ls -l listings, MLSD).
   * 'iis': "215 Windows_NT", DOS-style LIST lines, no MLSD/MLST, "534 Policy requires SSL." to USER before AUTH.
   * 'netkit': no MLSD/MLST, and LIST splits its argument at whitespace as netkit/BSD ftpd's popen of /bin/ls does.
   */
  style?: 'unix' | 'iis' | 'netkit';
  /** Charset of the control connection and the listings (Python codec name); a non-UTF-8 one drops UTF8 from FEAT. */
  encoding?: string;
  /** The server's TZ (e.g. 'Asia/Tokyo'): LIST, MLSD and MDTM then show local time, as many servers do. */
  timezone?: string;
  /** No MLSD/MLST, with pyftpdlib's own LIST (as vsftpd): times come from LIST only. */
  listOnly?: boolean;
  /** MDTM in UTC as RFC 3659 says (ProFTPD, IIS) while LIST shows the `timezone`'s local time. */
  mdtmUtc?: boolean;
  /** No MFMT; SITE UTIME (listed by SITE HELP) sets modification times, as on pure-ftpd or ProFTPD's mod_site_misc. */
  siteUtime?: boolean;
  /**
   * Resets (RST) a TLS data connection whose handshake starts before its transfer command has arrived, as the
   * servers of issue #14 did: a client must start TLS only once the server accepted the command.
   */
  resetEarlyDataTls?: boolean;
}

export const PYFTPDLIB_VARIANTS = {
  'pyftpdlib-explicit': { mode: 'explicit', user: 'wharf_pyx' },
  'pyftpdlib-implicit': { mode: 'implicit', user: 'wharf_pyi' },
  'pyftpdlib-iis': { mode: 'explicit', user: 'wharf_pyw', style: 'iis' },
  'pyftpdlib-netkit': { mode: 'explicit', user: 'wharf_pyn', style: 'netkit' },
  // Names in windows-1251 on the control connection and in listings; FEAT without UTF8. Plain FTP: what
  // they test is names and times, not TLS (the explicit variants cover pyftpdlib's TLS).
  'pyftpdlib-cp1251': { mode: 'plain', user: 'wharf_pyr', encoding: 'cp1251' },
  // A server in Tokyo that lists with LIST only, in its local time, and answers MDTM in UTC.
  'pyftpdlib-tokyo': { mode: 'plain', user: 'wharf_pyt', timezone: 'Asia/Tokyo', listOnly: true, mdtmUtc: true },
  // Sets modification times with SITE UTIME only (no MFMT in FEAT): the upload path no other server takes.
  'pyftpdlib-utime': { mode: 'explicit', user: 'wharf_pyu', siteUtime: true },
  // Resets data connections that start TLS before the transfer command, every time (stock pyftpdlib 1.5.7 does
  // it only when the handshake wins the race, and 1.5.9 stopped).
  'pyftpdlib-early-tls-reset': { mode: 'explicit', user: 'wharf_pye', resetEarlyDataTls: true },
} as const satisfies Record<string, PyftpdlibVariant>;

export type PyftpdlibServerName = keyof typeof PYFTPDLIB_VARIANTS;

export const PYFTPDLIB_SERVERS = Object.keys(PYFTPDLIB_VARIANTS) as PyftpdlibServerName[];

export function isPyftpdlib(name: string): name is PyftpdlibServerName {
  return Object.hasOwn(PYFTPDLIB_VARIANTS, name);
}

function variantOf(name: PyftpdlibServerName): PyftpdlibVariant {
  return PYFTPDLIB_VARIANTS[name];
}

export function pyftpdlibSupportsMlsd(name: PyftpdlibServerName): boolean {
  return (variantOf(name).style ?? 'unix') === 'unix' && variantOf(name).listOnly !== true;
}

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'pyftpdlib', 'server.py');

export interface PyftpdlibLaunch { command: string; args: string[]; env: Record<string, string>; }

/** Writes the variant's config next to the other servers' configs; returns how to start it. */
export function preparePyftpdlib(options: {
  name: PyftpdlibServerName; host: string; port: number; passivePorts: [number, number]; root: string;
  confFile: string; logFile: string; password: string; cert: { cert: string; key: string } | null;
}): PyftpdlibLaunch {
  const variant = variantOf(options.name);
  // fleet.ts chowns the root to the variant's user before preparing: the server drops to the same ids.
  const { uid, gid } = statSync(options.root);
  const config = {
    name: options.name, host: options.host, port: options.port, passive_ports: options.passivePorts,
    root: options.root, user: variant.user, uid, gid, log_file: options.logFile, mode: variant.mode,
    cert_file: options.cert?.cert ?? null, key_file: options.cert?.key ?? null,
    style: variant.style ?? 'unix', encoding: variant.encoding ?? 'utf-8', timezone: variant.timezone ?? null,
    list_only: variant.listOnly === true, mdtm_utc: variant.mdtmUtc === true, site_utime: variant.siteUtime === true,
    reset_early_data_tls: variant.resetEarlyDataTls === true,
  };
  writeFileSync(options.confFile, `${JSON.stringify(config, null, 2)}\n`);
  // Debian's interpreter, where python3-pyftpdlib is installed (not whatever python3 comes first on PATH).
  return { command: '/usr/bin/python3', args: [SCRIPT, options.confFile], env: { WHARF_FTP_PASSWORD: options.password } };
}
