import { ALLOW_CLEAR_DATA_LABEL } from '../../common/models/site-profile';
import { WharfError } from '../core/errors';
import { printableName } from './safe-names';

/* The errors FtpsSession raises while connecting, with the words the user sees. */

export function certificateChanged(host: string, port: number, expected: string, presented: string): WharfError {
  return new WharfError(
    'tls-changed',
    `The certificate of ${host}:${port} has changed since it was trusted. Pinned ${expected}, presented ${presented}. Nothing was sent. If the server's administrator renewed it, remove the old pin and connect again.`,
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
    `The server refused to encrypt data connections (PROT P: ${reply}): listings and files would travel unencrypted, so Wharf stopped. ` +
      `To connect anyway, turn on "${ALLOW_CLEAR_DATA_LABEL}" in the site's settings (wharf: --allow-clear-data).`,
    { code, detail: { setting: 'allowClearData' } },
  );
}
