import { t } from '../../common/i18n/t';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { TLSSocket, createSecureContext, type SecureContextOptions } from 'node:tls';
import { WharfError } from '../core/errors';

/**
 * Where a site's client certificate (mutual TLS) lives: a PEM certificate with its key (in `keyPath`, or
 * in the certificate file itself when `keyPath` is ''), or a PKCS#12 file (.p12/.pfx) holding both.
 */
export interface ClientCertificateFiles {
  readonly certPath: string;
  /** '' for a PKCS#12 file, or a PEM file that holds the key after the certificate. */
  readonly keyPath: string;
}

/** A client certificate read and checked, ready for TLS: what `SessionOptions.clientCertificate` takes. */
export interface ClientCertificate {
  /** Goes into the secure context of the control and every data connection. */
  readonly tls: Pick<SecureContextOptions, 'cert' | 'key' | 'pfx' | 'passphrase'>;
  /** `CN=..., O=...` as people read it. */
  readonly subject: string;
  /** ISO 8601. */
  readonly validTo: string;
  readonly fingerprintSha256: string;
}

/** Why a client certificate could not be used, in `detail.reason`, so the app can ask for a passphrase. */
export type ClientCertificateProblem = 'passphrase-required' | 'passphrase-wrong' | 'unreadable' | 'invalid';

function problem(reason: ClientCertificateProblem, message: string, cause?: unknown): WharfError {
  return new WharfError(reason === 'unreadable' ? 'local-io' : 'invalid-input', message, {
    detail: { reason: `client-certificate-${reason}` },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** True when the detail of an error says the client certificate's key needs a (different) passphrase. */
export function needsClientKeyPassphrase(detail: Readonly<Record<string, unknown>> | undefined): boolean {
  return detail?.reason === 'client-certificate-passphrase-required' || detail?.reason === 'client-certificate-passphrase-wrong';
}

function isPkcs12(path: string, data: Buffer): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.p12' || ext === '.pfx') return true;
  // DER PKCS#12 starts with a SEQUENCE; a PEM file with text.
  return data[0] === 0x30 && !data.subarray(0, 64).toString('latin1').includes('-----BEGIN');
}

async function readOrExplain(path: string, file: 'certificate' | 'key'): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw problem('unreadable', t('connectionTexts.clientFileUnreadable', { file, path, code }), err);
  }
}

/** The first `-----BEGIN CERTIFICATE-----` block of a PEM file, or null. */
function firstCertificatePem(text: string): string | null {
  return /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0] ?? null;
}

/** Turns X509Certificate's multi-line subject (`CN=a\nO=b`) into `CN=a, O=b`. */
function formatSubject(subject: string): string {
  return subject.split('\n').filter((part) => part !== '').join(', ');
}

function describe(x509: X509Certificate): Omit<ClientCertificate, 'tls'> {
  return { subject: formatSubject(x509.subject), validTo: new Date(x509.validTo).toISOString(), fingerprintSha256: x509.fingerprint256 };
}

/**
 * Reads a client certificate and its key and checks them before any connection: a wrong or missing
 * passphrase, a key that does not belong to the certificate, or an expired certificate are refused here
 * with a sentence naming the setting, instead of as a TLS alert from the server later. The passphrase is
 * used only in memory.
 */
export async function loadClientCertificate(files: ClientCertificateFiles, passphrase: string | null = null): Promise<ClientCertificate> {
  const certData = await readOrExplain(files.certPath, 'certificate');
  const withPassphrase = passphrase !== null && passphrase !== '' ? { passphrase } : {};
  if (isPkcs12(files.certPath, certData)) {
    const tls = { pfx: certData, ...withPassphrase };
    let context;
    try {
      context = createSecureContext(tls);
    } catch (err) {
      // OpenSSL says "mac verify failure" for a missing and for a wrong passphrase alike.
      if (/mac verify failure|bad decrypt/i.test(String((err as Error).message))) {
        throw passphrase ? problem('passphrase-wrong', t('connectionTexts.pkcs12PassphraseWrong', { path: files.certPath })) : problem('passphrase-required', t('connectionTexts.pkcs12PassphraseRequired', { path: files.certPath }));
      }
      throw problem('invalid', t('connectionTexts.notPkcs12', { path: files.certPath, reason: (err as Error).message }), err);
    }
    // A TLS socket that never connects is the one public way to read back the certificate of a context.
    const x509 = new TLSSocket(null as never, { secureContext: context }).getX509Certificate();
    if (!x509) throw problem('invalid', t('connectionTexts.pkcs12NoCertificate', { path: files.certPath }));
    return checkValidity({ tls, ...describe(x509) }, files.certPath);
  }

  const certText = certData.toString('utf8');
  const certPem = firstCertificatePem(certText);
  if (certPem === null) throw problem('invalid', t('connectionTexts.noPemCertificate', { path: files.certPath }));
  const keyData = files.keyPath === '' ? certData : await readOrExplain(files.keyPath, 'key');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(keyData.toString('utf8'))) {
    throw problem('invalid', files.keyPath === '' ? t('connectionTexts.noPrivateKeyChooseKey', { path: files.certPath }) : t('connectionTexts.noPemPrivateKey', { path: files.keyPath }));
  }
  let key;
  try {
    key = createPrivateKey({ key: keyData, format: 'pem', ...(passphrase ? { passphrase } : {}) });
  } catch (err) {
    const message = String((err as Error).message);
    if (/bad decrypt|passphrase|interrupted or cancelled/i.test(message) || (err as NodeJS.ErrnoException).code === 'ERR_MISSING_PASSPHRASE') {
      throw passphrase ? problem('passphrase-wrong', t('connectionTexts.keyPassphraseWrong', { path: files.keyPath || files.certPath })) : problem('passphrase-required', t('connectionTexts.keyPassphraseRequired', { path: files.keyPath || files.certPath }));
    }
    throw problem('invalid', t('connectionTexts.keyUnreadable', { path: files.keyPath || files.certPath, reason: message }), err);
  }
  const x509 = new X509Certificate(certPem);
  if (!x509.checkPrivateKey(key)) {
    throw problem('invalid', t('connectionTexts.keyMismatch', { keyPath: files.keyPath || files.certPath, certPath: files.certPath }));
  }
  const tls = { cert: certData, key: keyData, ...withPassphrase };
  return checkValidity({ tls, ...describe(x509) }, files.certPath);
}

function checkValidity(certificate: ClientCertificate, path: string): ClientCertificate {
  if (Date.parse(certificate.validTo) < Date.now()) {
    throw problem('invalid', t('connectionTexts.clientCertificateExpired', { subject: certificate.subject, path, date: certificate.validTo.slice(0, 10) }));
  }
  return certificate;
}

/**
 * What a TLS handshake error means when a server wants a client certificate: vsftpd with require_cert=YES
 * and no certificate sent answers TLS 1.3's `certificate required` alert (116), or in TLS 1.2 a
 * `handshake failure`; a certificate it does not accept gets `unknown ca`, `bad certificate` or
 * `certificate unknown`. Null when the error says nothing about the client's certificate.
 */
export function explainClientCertificateAlert(message: string, hasCertificate: boolean): string | null {
  if (/certificate required/i.test(message) || (!hasCertificate && /alert handshake failure/i.test(message))) {
    return hasCertificate
      ? t('errors.clientCertificateNotAccepted')
      : t('errors.clientCertificateMissing');
  }
  if (hasCertificate && /unknown ca|bad certificate|certificate unknown|unsupported certificate|certificate expired|certificate revoked|access denied/i.test(message)) {
    return t('errors.clientCertificateRefused');
  }
  return null;
}
