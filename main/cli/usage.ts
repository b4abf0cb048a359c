/*
 * The `--help` texts of `wharf`, `wharf doctor`, `wharf sync` and `wharf site import|export`, kept apart from
 * the code they describe so that `wharf --help` loads neither the importers nor the engine. Commands, options
 * and placeholders are written here and never translated; descriptions come from the catalogue
 * (messages/cli-usage.ts) in the terminal's language, laid out by help-table.ts. Each text is made when it is
 * printed, after the language is set.
 */
import { t } from '../../common/i18n/t';
import { headed, helpRows, type HelpRow } from './help-table';
import { recursionLimitRows } from './recursion-limit';

/** Rows of `wharf site import|export`, in the main usage and in the command's own help. */
function siteFileRows(): HelpRow[] {
  return [
    { term: 'site import FILE|FOLDER [--dry-run] [--into FOLDER] [--no-passwords]', text: t('cliUsage.siteImport') },
    { term: 'site export FILE [--format filezilla|wharf-json] [--force]', text: t('cliUsage.siteExport') },
  ];
}

/** Rows for the flags that decide whom a connecting command trusts; `wharf doctor` says what each means for a diagnosis. */
function trustRows(command: 'transfers' | 'doctor'): HelpRow[] {
  const forDoctor = command === 'doctor';
  return [
    { term: '--ca FILE', text: t('cliUsage.ca') },
    { term: '--fingerprint SHA256:…', text: forDoctor ? t('cliUsage.doctor.fingerprint') : t('cliUsage.fingerprintPin') },
    { term: '--insecure', text: forDoctor ? t('cliUsage.doctor.insecure') : t('cliUsage.insecure') },
    { term: '--allow-plain', text: forDoctor ? t('cliUsage.doctor.allowPlain') : t('cliUsage.allowPlain') },
  ];
}

/** Rows for the flags shared by the commands that connect. */
function connectivityRows(): HelpRow[] {
  return [
    { term: '--cert FILE', text: t('cliUsage.cert') },
    { term: '--key FILE', text: t('cliUsage.key') },
    { term: '--proxy URL', text: t('cliUsage.proxy') },
  ];
}

/** The rows' terms as one comma-separated list (each term a single line). */
function termList(rows: readonly HelpRow[], ...more: string[]): string {
  return [...rows.map((row) => row.term), ...more].join(', ');
}

/** `wharf --help`. */
export function mainUsage(): string {
  const commands: HelpRow[] = [
    { term: 'ls URL', text: t('cliUsage.ls') },
    { term: 'get URL LOCAL [-r]', text: t('cliUsage.get') },
    { term: 'put LOCAL URL [-r]', text: t('cliUsage.put') },
    { term: 'rm URL [-r]', text: t('cliUsage.rm') },
    { term: 'mkdir URL [-p]', text: t('cliUsage.mkdir') },
    { term: 'info URL', text: t('cliUsage.info') },
    { term: 'doctor URL', text: t('cliUsage.doctor') },
    { term: 'sync LOCAL URL --direction up|down|mirror [--delete] [--dry-run]', text: t('cliUsage.sync') },
    { term: 'site ls', text: t('cliUsage.siteLs') },
    { term: 'site show NAME', text: t('cliUsage.siteShow') },
    {
      term: [
        'site add NAME --url URL [--folder F] [--ask-password] [--active] [--max-connections N]',
        '           [--upload-in-place] [--no-keep-times] [--segments N|--no-segments] [--allow-clear-data] [--charset NAME] [--timezone-offset MIN]',
      ],
      text: t('cliUsage.siteAdd'),
    },
    {
      term: [
        'site edit NAME [--url URL] [--rename NEW] [--folder F] [--ask-password] [--active|--passive]',
        '           [--upload-in-place|--upload-via-temporary-name] [--keep-times|--no-keep-times] [--keep-password]',
        '           [--segments N|--no-segments]',
        '           [--allow-clear-data|--require-data-protection] ...',
      ],
      text: t('cliUsage.siteEdit'),
    },
    { term: 'site rm NAME', text: t('cliUsage.siteRm') },
    { term: 'site certs', text: t('cliUsage.siteCerts') },
    ...siteFileRows(),
  ];
  const urls = [
    ...helpRows(
      [
        { term: 'ftpes://user@host[:21]/path', text: t('cliUsage.url.explicit') },
        { term: 'ftps://user@host[:990]/path', text: t('cliUsage.url.implicit') },
        { term: 'ftp://user@host/path', text: t('cliUsage.url.plain') },
        { term: 'site:NAME/path', text: t('cliUsage.url.site') },
      ],
      0,
      29,
    ),
    ...t('cliUsage.url.paths').split('\n'),
  ];
  const options: HelpRow[] = [
    ...trustRows('transfers'),
    ...connectivityRows(),
    { term: '--active', text: t('cliUsage.active') },
    { term: '--allow-clear-data', text: t('cliUsage.allowClearData') },
    { term: '--parallel N', text: t('cliUsage.parallel') },
    { term: '--segments N', text: t('cliUsage.segments') },
    { term: '--overwrite POLICY', text: t('cliUsage.overwrite') },
    { term: '--resume', text: t('cliUsage.resume') },
    { term: '--in-place', text: t('cliUsage.inPlace') },
    { term: '--no-keep-times', text: t('cliUsage.noKeepTimes') },
    { term: '-r, --recursive', text: t('cliUsage.recursive') },
    ...recursionLimitRows('get -r, rm -r, sync'),
    { term: '-p, --parents', text: t('cliUsage.parents') },
    { term: '-q, --quiet', text: t('cliUsage.quiet') },
    { term: '--timeout SECONDS', text: t('cliUsage.timeout', { seconds: '30' }) },
    { term: '--charset NAME', text: t('cliUsage.charset') },
    { term: '--timezone-offset MIN', text: t('cliUsage.timezoneOffset') },
    { term: '-V, --version', text: t('cliUsage.version') },
  ];
  return [
    t('cliUsage.usage', { synopsis: 'wharf <command> [options]' }),
    '',
    t('cliUsage.commands'),
    ...helpRows(commands),
    '',
    ...headed(t('cliUsage.urls'), urls),
    '',
    t('cliUsage.options'),
    ...helpRows(options),
    '',
    t('cliUsage.password'),
    ...headed(t('cliUsage.exitCodes'), t('cliUsage.exitCodeList').split('\n')),
  ].join('\n');
}

/** `wharf doctor --help`. */
export function doctorUsage(): string {
  const rows: HelpRow[] = [
    { term: 'URL', text: 'ftpes://user@host[:21]/folder, ftps://user@host[:990]/folder, ftp://..., site:NAME' },
    ...trustRows('doctor'),
    ...connectivityRows(),
    { term: '--charset NAME', text: t('cliUsage.doctor.charset') },
    { term: '--timeout SECONDS', text: t('cliUsage.doctor.timeout', { seconds: '15' }) },
    { term: '--greeting-timeout S', text: t('cliUsage.doctor.greetingTimeout', { seconds: '5' }) },
    { term: '--json', text: t('cliUsage.doctor.json') },
  ];
  return [
    t('cliUsage.usage', { synopsis: 'wharf doctor URL [options]' }),
    '',
    t('cliUsage.doctor.intro'),
    '',
    ...helpRows(rows),
    ...headed(t('cliUsage.exitCodes'), t('cliUsage.doctor.exitCodeList').split('\n')),
  ].join('\n');
}

/** `wharf sync --help`. */
export function syncUsage(): string {
  const rows: HelpRow[] = [
    { term: '--direction up|down|mirror' },
    { term: '--delete', text: t('cliUsage.sync.delete') },
    { term: '--dry-run', text: t('cliUsage.sync.dryRun') },
    { term: '--overwrite-newer', text: t('cliUsage.sync.overwriteNewer') },
    { term: '--timezone-offset MIN', text: t('cliUsage.sync.timezoneOffset') },
    { term: '--no-hash', text: t('cliUsage.sync.noHash') },
    { term: '--size-only', text: t('cliUsage.sync.sizeOnly') },
    { term: '--parallel N', text: t('cliUsage.sync.parallel') },
    { term: '--in-place', text: t('cliUsage.sync.inPlace') },
    { term: '--no-keep-times', text: t('cliUsage.sync.noKeepTimes') },
    { term: '--json', text: t('cliUsage.sync.json') },
    ...recursionLimitRows(null),
    {
      term: [`${termList(trustRows('transfers'), '--active', '--timeout SECONDS')},`, `  ${termList(connectivityRows())}`],
      text: t('cliUsage.asForOthers'),
      inline: true,
    },
    { term: '--charset NAME', text: t('cliUsage.asForOthers') },
  ];
  return [t('cliUsage.usage', { synopsis: 'wharf sync LOCAL URL --direction up|down|mirror [options]' }), '', t('cliUsage.sync.intro'), '', ...helpRows(rows)].join('\n');
}

/** `wharf site import --help`, `wharf site export --help`. */
export function siteFileUsage(): string {
  const rows: HelpRow[] = [
    ...siteFileRows(),
    { term: '--dry-run', text: t('cliUsage.siteFile.dryRun') },
    { term: '--into FOLDER', text: t('cliUsage.siteFile.into') },
    { term: '--no-passwords', text: t('cliUsage.siteFile.noPasswords') },
    { term: '--format filezilla|wharf-json', text: t('cliUsage.siteFile.format') },
    { term: '--force', text: t('cliUsage.siteFile.force') },
  ];
  return [t('cliUsage.usage', { synopsis: 'wharf site import|export FILE [options]' }), '', ...helpRows(rows)].join('\n');
}
