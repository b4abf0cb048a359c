import { createInterface } from 'node:readline';
import type { CertificateQuestion, TrustDecision } from '../ftps/session';
import { t } from '../../common/i18n/t';
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

/**
 * How many terminal columns `text` takes: East Asian wide and fullwidth characters (kanji, kana, hangul,
 * fullwidth forms) take two, combining marks and format characters none, everything else one. Columns of
 * Japanese or Chinese text line up only when padded by this, not by `length`.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (/[\p{Mn}\p{Me}\p{Cf}]/u.test(char)) continue;
    width += isWide(char.codePointAt(0) as number) ? 2 : 1;
  }
  return width;
}

/** `text` padded with spaces to `columns` display columns (see displayWidth); longer text is left as it is. */
export function padEndToWidth(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}

/** The East Asian Width classes W and F (Unicode UAX #11), by block. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) || // Hangul Jamo initial consonants
    (code >= 0x2e80 && code <= 0x303e) || // CJK radicals, Kangxi, CJK symbols and punctuation
    (code >= 0x3041 && code <= 0x33ff) || // kana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
    (code >= 0x3400 && code <= 0x4dbf) || // CJK extension A
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0xa000 && code <= 0xa4cf) || // Yi
    (code >= 0xac00 && code <= 0xd7a3) || // Hangul syllables
    (code >= 0xf900 && code <= 0xfaff) || // CJK compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xff60) || // fullwidth forms
    (code >= 0xffe0 && code <= 0xffe6) || // fullwidth signs
    (code >= 0x1f300 && code <= 0x1f64f) || // pictographs and emoticons
    (code >= 0x1f900 && code <= 0x1f9ff) || // supplemental pictographs
    (code >= 0x20000 && code <= 0x3fffd) // CJK extensions B and later
  );
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
      ...fields.map(([label, value]) => `  ${padEndToWidth(label, labelWidth)} ${value}`),
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
