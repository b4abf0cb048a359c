import { createInterface } from 'node:readline';
import type { CertificateQuestion, TrustDecision } from '../ftps/session';
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
    io.err(`wharf: certificate SHA-256 ${forTerminal(certificate.fingerprintSha256)}`);
    io.err(`wharf: to trust it, check the fingerprint with the server's administrator, then pass --fingerprint SHA256:${forTerminal(certificate.fingerprintSha256.replace(/:/g, ''))}`);
    return 'reject';
  }
  io.err(
    [
      `The certificate of ${hostForUrl(host)}:${port} is not trusted. ${reason}`,
      `  subject: ${certificate.subject}`,
      `  issuer:  ${certificate.issuer}`,
      `  valid:   ${certificate.validFrom} to ${certificate.validTo}`,
      `  SHA-256: ${certificate.fingerprintSha256}`,
      'Nothing has been sent yet.',
    ].map(forTerminal).join('\n'),
  );
  const answer = (await io.ask(canPin ? 'Trust it [o]nce, [a]lways (pin it for this site), or reject [N]? ' : 'Trust it [o]nce for this run, or reject [N]? ')).trim().toLowerCase();
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
