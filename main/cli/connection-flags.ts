/*
 * The flags of a connecting command (--ca, --fingerprint, --charset, --timezone-offset, --keep-times, ...)
 * and their checks: plain parsing, apart from connection.ts, so the entry can parse argv without loading
 * the site store, the proxy code or the engine.
 */
import type { ConnectionTarget } from '../../common/models/site';
import { MAX_TIMEZONE_OFFSET_MINUTES } from '../../common/models/site-profile';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';
import { controlCharset } from '../ftps/charset';
import type { ConnectivityFlags } from './connectivity';

/** Connection flags both commands take. */
export interface ConnectionFlags {
  readonly ca: string | undefined;
  readonly fingerprint: string | undefined;
  readonly insecure: boolean;
  readonly allowPlain: boolean;
  /** `--allow-clear-data`: go on when the server refuses PROT P. */
  readonly allowClearData: boolean;
  readonly active: boolean;
  /** Seconds. */
  readonly timeout: number;
  /** --cert, --key, --proxy */
  readonly connectivity: ConnectivityFlags;
  /** --charset: the control connection's charset for this run (a URL's is UTF-8, a site's its own). */
  readonly charset: string | undefined;
  /** --timezone-offset: minutes the server's LIST times are ahead of UTC, for this run. */
  readonly timezoneOffsetMinutes: number | undefined;
}

/** The `parseArgs` options of the "keep modification times" setting (site add/edit, put, sync). */
export const KEEP_TIMES_OPTIONS = {
  'keep-times': { type: 'boolean', default: false },
  'no-keep-times': { type: 'boolean', default: false },
} as const;

/** "Keep modification times on upload" from `--keep-times` / `--no-keep-times`; undefined when neither is given. */
export function keepTimesFlag(values: { readonly 'keep-times'?: boolean | undefined; readonly 'no-keep-times'?: boolean | undefined }): boolean | undefined {
  const keep = values['keep-times'] === true;
  const noKeep = values['no-keep-times'] === true;
  if (keep && noKeep) throw new WharfError('invalid-input', t('cli.flags.keepTimesConflict'));
  return keep ? true : noKeep ? false : undefined;
}

/** The `parseArgs` option definitions for ConnectionFlags. */
export const CONNECTION_OPTIONS = {
  ca: { type: 'string' },
  fingerprint: { type: 'string' },
  insecure: { type: 'boolean', default: false },
  'allow-plain': { type: 'boolean', default: false },
  'allow-clear-data': { type: 'boolean', default: false },
  active: { type: 'boolean', default: false },
  timeout: { type: 'string', default: '30' },
  cert: { type: 'string' },
  key: { type: 'string' },
  proxy: { type: 'string' },
  charset: { type: 'string' },
  'timezone-offset': { type: 'string' },
} as const;

/** Reads ConnectionFlags from parsed values. */
export function connectionFlags(values: Record<string, string | boolean | undefined>): ConnectionFlags {
  const timeout = Number(values.timeout ?? '30');
  if (!(timeout > 0)) throw new WharfError('invalid-input', t('cli.flags.timeout'));
  return {
    ca: typeof values.ca === 'string' ? values.ca : undefined,
    fingerprint: typeof values.fingerprint === 'string' ? values.fingerprint : undefined,
    insecure: values.insecure === true,
    allowPlain: values['allow-plain'] === true,
    allowClearData: values['allow-clear-data'] === true,
    active: values.active === true,
    timeout,
    connectivity: {
      cert: typeof values.cert === 'string' ? values.cert : undefined,
      key: typeof values.key === 'string' ? values.key : undefined,
      proxy: typeof values.proxy === 'string' ? values.proxy : undefined,
    },
    ...targetOverrides(values),
  };
}

/** Reads and checks --charset and --timezone-offset; an unknown charset or an offset beyond a day is refused. */
export function targetOverrides(values: Record<string, string | boolean | undefined>): Pick<ConnectionFlags, 'charset' | 'timezoneOffsetMinutes'> {
  const charset = typeof values.charset === 'string' ? values.charset : undefined;
  if (charset !== undefined) controlCharset(charset);
  const offsetText = values['timezone-offset'];
  let timezoneOffsetMinutes: number | undefined;
  if (typeof offsetText === 'string') {
    timezoneOffsetMinutes = Number(offsetText);
    if (offsetText.trim() === '' || !Number.isInteger(timezoneOffsetMinutes) || Math.abs(timezoneOffsetMinutes) > MAX_TIMEZONE_OFFSET_MINUTES) {
      throw new WharfError('invalid-input', t('cli.flags.timezoneOffset', { max: String(MAX_TIMEZONE_OFFSET_MINUTES) }));
    }
  }
  return { charset, timezoneOffsetMinutes };
}

/** A target with this run's --charset and --timezone-offset, where given. */
export function withTargetOverrides(target: ConnectionTarget, flags: Pick<ConnectionFlags, 'charset' | 'timezoneOffsetMinutes'>): ConnectionTarget {
  return {
    ...target,
    ...(flags.charset !== undefined ? { encoding: flags.charset } : {}),
    ...(flags.timezoneOffsetMinutes !== undefined ? { timezoneOffsetMinutes: flags.timezoneOffsetMinutes } : {}),
  };
}
