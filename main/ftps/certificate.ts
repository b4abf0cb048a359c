import { t } from '../../common/i18n/t';
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { CertificateInfo } from '../../common/models';
import { WharfError } from '../core/errors';

/** Formats a certificate name object as `CN=..., O=...`, the way people read it in other clients. */
function formatName(name: Record<string, string | string[] | undefined> | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');
}

/** Normalises a SHA-256 fingerprint typed by a person (`SHA256:abcd...`, any case, with or without colons) to `AB:CD:...`; anything else is invalid input. */
export function normalizeFingerprint(input: string): string {
  const hex = String(input).trim().replace(/^sha-?256:/i, '').replace(/[:\s]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) {
    throw new WharfError('invalid-input', t('transfers.fingerprintFormat'));
  }
  return (hex.match(/../g) ?? []).join(':');
}

/** The certificate a TLS socket negotiated, as plain data, or null if the peer sent none. */
export function describePeerCertificate(socket: TLSSocket): CertificateInfo | null {
  const cert: PeerCertificate = socket.getPeerCertificate(false);
  if (!cert || Object.keys(cert).length === 0 || !cert.raw) return null;
  const subject = formatName(cert.subject as unknown as Record<string, string>);
  const issuer = formatName(cert.issuer as unknown as Record<string, string>);
  let selfSigned = subject === issuer;
  try {
    const x509 = new X509Certificate(cert.raw);
    selfSigned = x509.checkIssued(x509) && x509.verify(x509.publicKey);
  } catch {
    // Keep the name comparison when the certificate cannot be parsed by X509Certificate.
  }
  return {
    subject,
    issuer,
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    fingerprintSha256: cert.fingerprint256,
    serialNumber: cert.serialNumber,
    subjectAltNames: (cert.subjectaltname ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    selfSigned,
    verificationError: socket.authorized ? null : String(socket.authorizationError ?? 'not verified'),
  };
}

/** A plain-words reason why a certificate is not trusted, from OpenSSL's and Node's codes. */
export function explainVerificationError(cert: CertificateInfo, host: string): string {
  const code = cert.verificationError ?? '';
  if (Date.parse(cert.validTo) < Date.now() || code === 'CERT_HAS_EXPIRED') {
    return t('certificateReasons.expired', { date: cert.validTo.slice(0, 10) });
  }
  if (Date.parse(cert.validFrom) > Date.now() || code === 'CERT_NOT_YET_VALID') {
    return t('certificateReasons.notYetValid', { date: cert.validFrom.slice(0, 10) });
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || /altname|hostname/i.test(code)) {
    return t('certificateReasons.wrongHost', { names: cert.subjectAltNames.join(', ') || cert.subject, host });
  }
  if (cert.selfSigned || code === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
    return t('certificateReasons.selfSigned');
  }
  // OpenSSL says SELF_SIGNED_CERT_IN_CHAIN when the server sends its whole chain up to a root nobody here
  // trusts (pyftpdlib with a certfile holding the chain does): the server's own certificate is CA-issued.
  if (code === 'SELF_SIGNED_CERT_IN_CHAIN' || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' || code === 'UNABLE_TO_GET_ISSUER_CERT') {
    return cert.issuer ? t('certificateReasons.unknownAuthorityNamed', { issuer: cert.issuer }) : t('certificateReasons.unknownAuthority');
  }
  return code ? t('certificateReasons.notVerified', { code }) : t('certificateReasons.notVerifiedUnknown');
}
