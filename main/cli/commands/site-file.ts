import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { SiteImportSummary } from '../../../common/models/site-profile';
import { WharfError } from '../../core/errors';
import { exportFileZillaSiteManager } from '../../sites/filezilla-export';
import { exportSitesJson } from '../../sites/wharf-json';
import { readSiteImport } from '../../sites/site-import-file';
import type { ParsedSiteImport } from '../../sites/site-import-plan';
import { openStores } from '../stores';

export { SITE_FILE_USAGE } from '../usage';

const SOURCE_NAMES: Readonly<Record<SiteImportSummary['source'], string>> = {
  filezilla: 'FileZilla site list',
  winscp: 'WinSCP configuration',
  cyberduck: 'Cyberduck bookmarks',
  wharf: 'Wharf export',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The preview of an import, as the app's import dialog shows it: what maps, what is skipped and why, notes. */
export function describeImport(parsed: ParsedSiteImport): string[] {
  const { summary, sites } = parsed.plan;
  const lines = [
    `${SOURCE_NAMES[summary.source]}: ${plural(summary.sitesFound, 'site')} in ${plural(summary.foldersFound, 'folder')}, ${plural(summary.passwordsFound, 'readable password')}`,
  ];
  if (sites.length > 0) lines.push('Sites:');
  for (const site of sites) {
    const { input } = site;
    const scheme = input.protocol === 'implicit' ? 'ftps' : input.protocol === 'plain' ? 'ftp' : 'ftpes';
    const password = parsed.passwords.has(site.key) ? 'password found' : input.passwordStorage === 'ask' ? 'asks for the password' : 'no password saved';
    const user = input.user ? `${encodeURIComponent(input.user)}@` : '';
    lines.push(`  ${[...site.folderPath, input.name].join('/')}\t${scheme}://${user}${input.host}:${input.port ?? ''}${input.remoteDir || ''}\t${input.dataMode ?? 'passive'}, ${input.encoding ?? 'utf8'}\t${password}`);
  }
  if (summary.source === 'cyberduck' && summary.sitesFound > 0) lines.push('Cyberduck keeps passwords in the system keychain, not in bookmarks: each site asks for its password when it first connects.');
  if (summary.skipped.length > 0) lines.push(`Skipped (${summary.skipped.length}):`);
  for (const skip of summary.skipped) lines.push(`  ${[...skip.folderPath, skip.name].join('/')}: ${skip.reason}`);
  if (summary.notes.length > 0) lines.push(`Notes (${summary.notes.length}):`);
  for (const note of summary.notes) lines.push(`  ${[...note.folderPath, note.name].join('/')}: ${note.note}`);
  return lines;
}

/**
 * `wharf site import FILE [--dry-run] [--into FOLDER] [--no-passwords]` and `wharf site export FILE`, over
 * the same store and keychain the app uses. Passwords found in an import go to the keychain (never to a
 * file); when the keychain is unavailable the sites are imported without them and ask on connect.
 */
export async function runSiteFileCommand(args: readonly string[], io: { out: (text: string) => void; warn: (text: string) => void }): Promise<void> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      into: { type: 'string' },
      'no-passwords': { type: 'boolean', default: false },
      format: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const [file, extra] = positionals;
  if (!file || extra !== undefined) throw new WharfError('invalid-input', `wharf site ${action} takes one ${action === 'import' ? 'file or folder' : 'file'}: wharf site ${action} FILE`);
  if (action === 'import') {
    if (values.format !== undefined || values.force) throw new WharfError('invalid-input', '--format and --force are options of wharf site export.');
    const intoFolder = values.into?.split('/').filter((p) => p.length > 0) ?? [];
    const parsed = await readSiteImport(file);
    for (const line of describeImport(parsed)) io.out(line);
    if (values['dry-run']) {
      io.out('Dry run: nothing was saved.');
      return;
    }
    const { sites, credentials } = await openStores(io.warn);
    let passwords = values['no-passwords'] ? undefined : parsed.passwords;
    if (passwords && passwords.size > 0) {
      const status = await credentials.isAvailable();
      if (!status.available) {
        io.warn(`warning: ${status.reason} The passwords found were not saved: these sites will ask for them on connect.`);
        passwords = undefined;
      }
    }
    const result = await sites.importSites(parsed.plan, { ...(passwords ? { passwords } : {}), intoFolder });
    const where = intoFolder.length ? ` into ${intoFolder.join('/')}` : '';
    const parts = [`Imported ${plural(result.created.length, 'site')}${where}`, `${plural(result.passwordsSaved, 'password')} moved to the keychain`];
    if (result.renamed.length > 0) parts.push(`${result.renamed.length} renamed to avoid a clash (${result.renamed.map((r) => `${r.from} -> ${r.to}`).join(', ')})`);
    io.out(`${parts.join('; ')}.`);
    for (const skip of result.skipped) io.warn(`warning: ${[...skip.folderPath, skip.name].join('/')} was not imported: ${skip.reason}`);
    if (parsed.plan.summary.passwordsFound > 0 && result.passwordsSaved > 0) io.out('Consider deleting the original file: it holds readable passwords.');
    return;
  }
  if (action === 'export') {
    if (values['dry-run'] || values.into !== undefined || values['no-passwords']) throw new WharfError('invalid-input', '--dry-run, --into and --no-passwords are options of wharf site import.');
    const format = values.format ?? (file.toLowerCase().endsWith('.json') ? 'wharf-json' : 'filezilla');
    if (format !== 'filezilla' && format !== 'wharf-json') throw new WharfError('invalid-input', '--format takes filezilla or wharf-json.');
    if (existsSync(file) && !values.force) throw new WharfError('invalid-input', `${file} exists; pass --force to replace it.`);
    const { sites } = await openStores(io.warn);
    const snapshot = await sites.snapshot();
    let text: string;
    if (format === 'filezilla') {
      const exported = exportFileZillaSiteManager(snapshot);
      text = exported.xml;
      for (const note of exported.notes) io.warn(`note: ${[...note.folderPath, note.name].join('/')}: ${note.note}`);
    } else {
      text = exportSitesJson(snapshot);
    }
    try {
      await writeFile(file, text, 'utf8');
    } catch (err) {
      throw new WharfError('local-io', `Cannot write ${file}: ${(err as Error).message}.`);
    }
    io.out(`Exported ${plural(snapshot.sites.length, 'site')} to ${file} (${format === 'filezilla' ? "FileZilla's sitemanager.xml" : 'Wharf JSON'}), without passwords.`);
    return;
  }
  throw new WharfError('invalid-input', `Unknown site command "${action}".`);
}
