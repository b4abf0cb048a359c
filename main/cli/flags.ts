import { parseArgs } from 'node:util';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';
import type { ExpansionBudget } from '../transfers/expand';
import type { ConnectivityFlags } from './connectivity';
import { CONNECTION_OPTIONS, KEEP_TIMES_OPTIONS, keepTimesFlag, targetOverrides } from './connection-flags';
import { RECURSION_LIMIT_OPTIONS, recursionLimitFlags } from './recursion-limit';
import type { SiteFlags } from './commands/site';

/** The flags of the commands main.ts parses itself (all but doctor, sync and site import/export). */
export interface CliFlags {
  readonly ca: string | undefined;
  readonly fingerprint: string | undefined;
  readonly insecure: boolean;
  readonly allowPlain: boolean;
  /** `--max-items`, `--max-depth`: how far `get -r` and `rm -r` walk a remote folder before they stop. */
  readonly expansionBudget: ExpansionBudget;
  /** `--allow-clear-data`: this run goes on when PROT P is refused. */
  readonly allowClearData: boolean;
  readonly active: boolean;
  readonly parallel: number;
  /** `--segments N`: a single-file get in N ranges over N connections. */
  readonly segments: number;
  /** Whether `--segments N` or `--no-segments` was given: only then does it win over a saved site's setting. */
  readonly segmentsGiven: boolean;
  readonly resume: boolean;
  readonly inPlace: boolean;
  readonly overwrite: string;
  readonly recursive: boolean;
  readonly parents: boolean;
  readonly quiet: boolean;
  readonly timeoutMs: number;
  readonly connectivity: ConnectivityFlags;
  readonly charset: string | undefined;
  readonly timezoneOffsetMinutes: number | undefined;
  /** `--keep-times` / `--no-keep-times`: put keeps (or not) the local modification times, over the site's setting. */
  readonly keepTimes: boolean | undefined;
}

export function parseFlags(argv: string[]): { command: string; positionals: string[]; flags: CliFlags; siteFlags: SiteFlags } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...CONNECTION_OPTIONS,
      'require-data-protection': { type: 'boolean', default: false },
      parallel: { type: 'string', default: '2' },
      segments: { type: 'string' },
      'no-segments': { type: 'boolean', default: false },
      resume: { type: 'boolean', default: false },
      'in-place': { type: 'boolean', default: false },
      overwrite: { type: 'string', default: 'overwrite' },
      recursive: { type: 'boolean', short: 'r', default: false },
      parents: { type: 'boolean', short: 'p', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'V', default: false },
      url: { type: 'string' },
      rename: { type: 'string' },
      folder: { type: 'string' },
      'ask-password': { type: 'boolean', default: false },
      passive: { type: 'boolean', default: false },
      'max-connections': { type: 'string' },
      encoding: { type: 'string' },
      comments: { type: 'string' },
      'upload-in-place': { type: 'boolean', default: false },
      'upload-via-temporary-name': { type: 'boolean', default: false },
      ...KEEP_TIMES_OPTIONS,
      'keep-password': { type: 'boolean', default: false },
      ...RECURSION_LIMIT_OPTIONS,
    },
  });
  const [command = 'help', ...rest] = positionals;
  const parallel = Number(values.parallel);
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > 10) throw new WharfError('invalid-input', t('cli.flags.parallel'));
  const expansionBudget = recursionLimitFlags(values);
  const segments = Number(values.segments ?? '1');
  if (!Number.isInteger(segments) || segments < 1 || segments > 10) throw new WharfError('invalid-input', t('cli.flags.segments'));
  if (values['no-segments'] === true && values.segments !== undefined) throw new WharfError('invalid-input', t('cli.flags.segmentsConflict'));
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) throw new WharfError('invalid-input', t('cli.flags.timeout'));
  return {
    command: values.help ? 'help' : values.version ? 'version' : command,
    positionals: rest,
    flags: {
      ca: values.ca,
      fingerprint: values.fingerprint,
      insecure: values.insecure ?? false,
      allowPlain: values['allow-plain'] ?? false,
      allowClearData: values['allow-clear-data'] ?? false,
      expansionBudget,
      active: values.active ?? false,
      parallel,
      segments,
      segmentsGiven: values.segments !== undefined || values['no-segments'] === true,
      resume: values.resume ?? false,
      inPlace: values['in-place'] ?? false,
      overwrite: values.overwrite ?? 'overwrite',
      recursive: values.recursive ?? false,
      parents: values.parents ?? false,
      quiet: values.quiet ?? false,
      timeoutMs: timeout * 1000,
      connectivity: { cert: values.cert, key: values.key, proxy: values.proxy },
      keepTimes: keepTimesFlag(values),
      ...targetOverrides(values),
    },
    siteFlags: {
      url: values.url,
      rename: values.rename,
      folder: values.folder,
      askPassword: values['ask-password'] ?? false,
      active: values.active ?? false,
      passive: values.passive ?? false,
      maxConnections: values['max-connections'],
      timezoneOffset: values['timezone-offset'],
      encoding: values.encoding ?? values.charset,
      comments: values.comments,
      uploadInPlace: values['upload-in-place'] ?? false,
      uploadViaTemporaryName: values['upload-via-temporary-name'] ?? false,
      keepPassword: values['keep-password'] ?? false,
      keepTimes: keepTimesFlag(values),
      segments: values['no-segments'] === true ? 0 : values.segments === undefined ? undefined : segments,
      allowClearData: values['allow-clear-data'] ?? false,
      requireDataProtection: values['require-data-protection'] ?? false,
    },
  };
}
