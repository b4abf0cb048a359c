import { t } from '../../common/i18n/t';
import type { SiteProfile } from '../../common/models/site-profile';

/** The sites and folders an export writes (SiteStore.snapshot gives them). */
export interface FileZillaExportInput {
  readonly folders: readonly (readonly string[])[];
  readonly sites: readonly Omit<SiteProfile, 'hasPassword'>[];
}

/** The written file and what did not fit FileZilla's format, per site, for the user to hear. */
export interface FileZillaExport {
  readonly xml: string;
  readonly notes: readonly { readonly name: string; readonly folderPath: readonly string[]; readonly note: string }[];
}

/** FileZilla's ServerProtocol values (engine/server.h) for each mode. */
const PROTOCOL = { explicit: 4, implicit: 3, plain: 6 } as const;
/** FileZilla's LogonType values we write. */
const LOGON = { anonymous: 0, ask: 2 } as const;

/**
 * Writes sites in FileZilla 3's sitemanager.xml layout (what FileZilla's Site Manager > Export writes, and
 * what its File > Import and WinSCP's import read), so a user can take their sites to another client.
 * Passwords are never written: they stay in the keychain, and every site is "Ask for password" in FileZilla
 * (anonymous sites stay anonymous). Folders, empty ones too, become `<Folder>` elements.
 */
export function exportFileZillaSiteManager(input: FileZillaExportInput): FileZillaExport {
  const notes: { name: string; folderPath: readonly string[]; note: string }[] = [];
  interface Node {
    readonly folders: Map<string, Node>;
    readonly sites: Omit<SiteProfile, 'hasPassword'>[];
  }
  const root: Node = { folders: new Map(), sites: [] };
  const nodeAt = (path: readonly string[]): Node => {
    let node = root;
    for (const name of path) {
      let child = node.folders.get(name);
      if (!child) {
        child = { folders: new Map(), sites: [] };
        node.folders.set(name, child);
      }
      node = child;
    }
    return node;
  };
  for (const folder of input.folders) nodeAt(folder);
  for (const site of input.sites) nodeAt(site.folderPath).sites.push(site);

  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<FileZilla3 version="3.66.0" platform="*nix">', '\t<Servers>'];
  const write = (node: Node, depth: number) => {
    const indent = '\t'.repeat(depth);
    for (const [name, child] of node.folders) {
      lines.push(`${indent}<Folder expanded="0">${escapeXml(name)}`);
      write(child, depth + 1);
      lines.push(`${indent}</Folder>`);
    }
    for (const site of node.sites) lines.push(...serverElement(site, indent, (note) => notes.push({ name: site.name, folderPath: site.folderPath, note })));
  };
  write(root, 2);
  lines.push('\t</Servers>', '</FileZilla3>', '');
  return { xml: lines.join('\n'), notes };
}

function serverElement(site: Omit<SiteProfile, 'hasPassword'>, indent: string, note: (text: string) => void): string[] {
  const anonymous = site.user === 'anonymous' && site.passwordStorage === 'ask';
  const remote = encodeFileZillaPath(site.remoteDir);
  if (remote === null) note(t('importNotes.exportRelativeRemoteFolder', { folder: site.remoteDir }));
  if (site.minTlsVersion === 'TLSv1.3') note(t('importNotes.exportTls13'));
  const encoding = site.encoding === 'utf8' ? { type: 'UTF-8' } : { type: 'Custom', custom: site.encoding === 'latin1' ? 'ISO-8859-1' : site.encoding };
  const field = (name: string, value: string | number) => `${indent}\t<${name}>${escapeXml(String(value))}</${name}>`;
  return [
    `${indent}<Server>`,
    field('Host', site.host),
    field('Port', site.port),
    field('Protocol', PROTOCOL[site.protocol]),
    field('Type', 0),
    ...(anonymous ? [] : [field('User', site.user)]),
    field('Logontype', anonymous ? LOGON.anonymous : LOGON.ask),
    field('TimezoneOffset', site.timezoneOffsetMinutes),
    field('PasvMode', site.dataMode === 'active' ? 'MODE_ACTIVE' : 'MODE_PASSIVE'),
    field('MaximumMultipleConnections', site.maxConnections),
    field('EncodingType', encoding.type),
    ...(encoding.custom ? [field('CustomEncoding', encoding.custom)] : []),
    field('BypassProxy', 0),
    field('Name', site.name),
    field('Comments', site.comments),
    field('Colour', 0),
    field('LocalDir', site.localDir),
    field('RemoteDir', remote ?? ''),
    field('SyncBrowsing', 0),
    field('DirectoryComparison', 0),
    `${indent}</Server>`,
  ];
}

/**
 * A remote folder as FileZilla serializes it (CServerPath::GetSafePath): `<type> <prefix length> [prefix]`
 * then `<length> <segment>` pairs, lengths in characters: "/home/bob" is "1 0 4 home 3 bob" (Unix),
 * "C:\dir" is "3 0 2 C: 3 dir" (DOS). '' for the server's home folder; null for a relative path, which
 * FileZilla cannot store.
 */
export function encodeFileZillaPath(path: string): string | null {
  if (path === '') return '';
  const pairs = (segments: readonly string[]) => segments.map((s) => `${Array.from(s).length} ${s}`).join(' ');
  const dos = /^([A-Za-z]:)(?:([\\/])(.*))?$/.exec(path);
  if (dos) {
    const separator = dos[2] ?? '\\';
    const segments = [dos[1] as string, ...(dos[3] ?? '').split(separator).filter((s) => s !== '')];
    return `${separator === '/' ? 10 : 3} 0 ${pairs(segments)}`;
  }
  if (!path.startsWith('/')) return null;
  const segments = path.split('/').filter((s) => s !== '');
  return segments.length ? `1 0 ${pairs(segments)}` : '1 0';
}

/** Escapes markup; drops the control characters XML 1.0 cannot carry at all. */
function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
