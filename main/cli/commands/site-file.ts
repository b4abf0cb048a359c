import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { SiteImportSummary } from '../../../common/models/site-profile';
import { t } from '../../../common/i18n/t';
import type { MessageId } from '../../../common/i18n/catalog';
import { WharfError } from '../../core/errors';
import { exportFileZillaSiteManager } from '../../sites/filezilla-export';
import { exportSitesJson } from '../../sites/wharf-json';
import { readSiteImport } from '../../sites/site-import-file';
import type { ParsedSiteImport } from '../../sites/site-import-plan';
import { openStores } from '../stores';
import { siteFileUsage } from '../usage';

const SOURCE_NAMES: Readonly<Record<SiteImportSummary['source'], MessageId>> = {
  filezilla: 'cliUsage.source.filezilla',
  winscp: 'cliUsage.source.winscp',
  cyberduck: 'cliUsage.source.cyberduck',
  wharf: 'cliUsage.source.wharf',
};

/** The preview of an import, as the app's import dialog shows it: what maps, what is skipped and why, notes. */
export function describeImport(parsed: ParsedSiteImport): string[] {
  const { summary, sites } = parsed.plan;
  const lines = [
    t('cliUsage.import.found', { source: t(SOURCE_NAMES[summary.source]), sites: summary.sitesFound, folders: summary.foldersFound, passwords: summary.passwordsFound }),
  ];
  if (sites.length > 0) lines.push(t('cliUsage.import.sites'));
  for (const site of sites) {
    const { input } = site;
    const scheme = input.protocol === 'implicit' ? 'ftps' : input.protocol === 'plain' ? 'ftp' : 'ftpes';
    const password = t(parsed.passwords.has(site.key) ? 'cliUsage.import.passwordFound' : input.passwordStorage === 'ask' ? 'cliUsage.import.asksPassword' : 'cliUsage.import.noPassword');
    const user = input.user ? `${encodeURIComponent(input.user)}@` : '';
    lines.push(`  ${[...site.folderPath, input.name].join('/')}\t${scheme}://${user}${input.host}:${input.port ?? ''}${input.remoteDir || ''}\t${input.dataMode ?? 'passive'}, ${input.encoding ?? 'utf8'}\t${password}`);
  }
  if (summary.source === 'cyberduck' && summary.sitesFound > 0) lines.push(t('cliUsage.import.cyberduckPasswords'));
  if (summary.skipped.length > 0) lines.push(t('cliUsage.import.skipped', { count: String(summary.skipped.length) }));
  for (const skip of summary.skipped) lines.push(`  ${[...skip.folderPath, skip.name].join('/')}: ${skip.reason}`);
  if (summary.notes.length > 0) lines.push(t('cliUsage.import.notes', { count: String(summary.notes.length) }));
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
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(siteFileUsage());
    return;
  }
  const [file, extra] = positionals;
  if (!file || extra !== undefined) throw new WharfError('invalid-input', t(action === 'import' ? 'cliUsage.import.takesOne' : 'cliUsage.export.takesOne'));
  if (action === 'import') {
    if (values.format !== undefined || values.force) throw new WharfError('invalid-input', t('cliUsage.import.exportOptions'));
    const intoFolder = values.into?.split('/').filter((p) => p.length > 0) ?? [];
    const parsed = await readSiteImport(file);
    for (const line of describeImport(parsed)) io.out(line);
    if (values['dry-run']) {
      io.out(t('cliUsage.import.dryRun'));
      return;
    }
    const { sites, credentials } = await openStores(io.warn);
    let passwords = values['no-passwords'] ? undefined : parsed.passwords;
    if (passwords && passwords.size > 0) {
      const status = await credentials.isAvailable();
      if (!status.available) {
        io.warn(t('cliUsage.import.keychainUnavailable', { reason: status.reason }));
        passwords = undefined;
      }
    }
    const result = await sites.importSites(parsed.plan, { ...(passwords ? { passwords } : {}), intoFolder });
    io.out(
      t('cliUsage.import.done', {
        sites: result.created.length,
        intoFolder: intoFolder.length > 0 ? 'yes' : 'no',
        into: intoFolder.join('/'),
        passwords: result.passwordsSaved,
        renamed: result.renamed.length,
        renames: result.renamed.map((r) => `${r.from} -> ${r.to}`).join(', '),
      }),
    );
    for (const skip of result.skipped) io.warn(t('cliUsage.import.notImported', { path: [...skip.folderPath, skip.name].join('/'), reason: skip.reason }));
    if (parsed.plan.summary.passwordsFound > 0 && result.passwordsSaved > 0) io.out(t('cliUsage.import.deleteOriginal'));
    return;
  }
  if (action === 'export') {
    if (values['dry-run'] || values.into !== undefined || values['no-passwords']) throw new WharfError('invalid-input', t('cliUsage.export.importOptions'));
    const format = values.format ?? (file.toLowerCase().endsWith('.json') ? 'wharf-json' : 'filezilla');
    if (format !== 'filezilla' && format !== 'wharf-json') throw new WharfError('invalid-input', t('cliUsage.export.format'));
    if (existsSync(file) && !values.force) throw new WharfError('invalid-input', t('cliUsage.export.exists', { file }));
    const { sites } = await openStores(io.warn);
    const snapshot = await sites.snapshot();
    let text: string;
    if (format === 'filezilla') {
      const exported = exportFileZillaSiteManager(snapshot);
      text = exported.xml;
      for (const note of exported.notes) io.warn(t('cliUsage.export.note', { path: [...note.folderPath, note.name].join('/'), note: note.note }));
    } else {
      text = exportSitesJson(snapshot);
    }
    try {
      await writeFile(file, text, 'utf8');
    } catch (err) {
      throw new WharfError('local-io', t('cliUsage.export.cannotWrite', { file, reason: (err as Error).message }));
    }
    io.out(t('cliUsage.export.done', { sites: snapshot.sites.length, file, format }));
    return;
  }
  throw new WharfError('invalid-input', t('cliUsage.siteFile.unknown', { action }));
}
