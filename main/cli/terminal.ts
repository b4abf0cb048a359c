import { createInterface } from 'node:readline';
import type { CertificateQuestion, TrustDecision } from '../ftps/session';
import { t } from '../../common/i18n/t';
import { displayWidth, padTo } from './help-table';
import type { CliIo } from './io';
import { hostForUrl } from './url';

/*
 * The terminal: prompts (a hidden one for passwords), the certificate trust question, and what makes
 * hostile text safe to print.
 */

/**
 * Remote names, server replies and certificate fields are hostile input: control characters (escape
 * sequences that clear the screen or forge lines) and bidirectional overrides are shown escaped.
 */
export function forTerminal(text: string): string {
  return text.replace(/[\p{Cc}\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu, (c) => `\\u${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** On a terminal: once, always (saved sites) or reject; elsewhere: reject, saying how to pin the certificate. */
export async function decideTrustOnTerminal(question: CertificateQuestion, io: CliIo, canPin: boolean): Promise<TrustDecision> {
  const { certificate, reason, host, port } = question;
  if (!io.interactive) {
    io.err(`wharf: ${forTerminal(reason)}`);
    io.err(`wharf: ${t('cliUsage.cert.untrusted', { fingerprint: forTerminal(certificate.fingerprintSha256) })}`);
    io.err(`wharf: ${t('cliUsage.cert.howToPin', { fingerprint: forTerminal(certificate.fingerprintSha256.replace(/:/g, '')) })}`);
    return 'reject';
  }
  const fields: [string, string][] = [
    [t('cliUsage.cert.subject'), certificate.subject],
    [t('cliUsage.cert.issuer'), certificate.issuer],
    [t('cliUsage.cert.valid'), t('cliUsage.cert.validRange', { from: certificate.validFrom, to: certificate.validTo })],
    ['SHA-256:', certificate.fingerprintSha256],
  ];
  const labelWidth = Math.max(...fields.map(([label]) => displayWidth(label)));
  io.err(
    [
      t('cliUsage.cert.notTrusted', { address: `${hostForUrl(host)}:${port}`, reason }),
      ...fields.map(([label, value]) => `  ${padTo(label, labelWidth)} ${value}`),
      t('cliUsage.cert.nothingSent'),
    ].map(forTerminal).join('\n'),
  );
  const answer = (await io.ask(t(canPin ? 'cliUsage.cert.askPin' : 'cliUsage.cert.askOnce'))).trim().toLowerCase();
  if (canPin && (answer === 'a' || answer === 'always')) return 'always';
  return answer === 'o' || answer === 'once' ? 'once' : 'reject';
}

/** Asks a question on the terminal; with `hidden`, typed characters are not echoed (passwords). */
export function ask(question: string, options: { hidden?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const output = process.stderr;
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    if (options.hidden) {
      // readline echoes through _writeToOutput; muting it after the question hides the password.
      const internals = rl as unknown as { _writeToOutput: (text: string) => void };
      const original = internals._writeToOutput.bind(rl);
      let questionShown = false;
      internals._writeToOutput = (text: string) => {
        if (!questionShown) {
          questionShown = true;
          original(text);
        } else if (text.includes('\n') || text.includes('\r')) {
          original('\n');
        }
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('cancelled'));
    });
  });
}
