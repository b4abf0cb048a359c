import { ALLOW_CLEAR_DATA_LABEL } from '../../common/models/site-profile';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';
import { printableName } from './safe-names';

/* The errors FtpsSession raises while connecting, with the words the user sees. */

export function certificateChanged(host: string, port: number, expected: string, presented: string): WharfError {
  return new WharfError(
    'tls-changed',
    t('errors.certificateChanged', { host, port, expected, presented }),
    { detail: { expected, presented } },
  );
}

/**
 * A server that refuses PROT P would get listings and file contents in clear, under a padlock the user
 * trusts: refused unless the site allows it. Not worth a retry: the server answers the same next time.
 */
export function dataProtectionRefused(code: number, message: string): WharfError {
  const reply = printableName(`${code} ${message.replace(/^\d{3}[ -]?/, '').trim()}`.trim());
  return new WharfError(
    'tls-required',
    t('errors.dataProtectionRefused', { reply, setting: ALLOW_CLEAR_DATA_LABEL }),
    { code, detail: { setting: 'allowClearData' } },
  );
}
