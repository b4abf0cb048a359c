/** The certificate step: pinned, CA-valid, or asked about; nothing is sent after a refusal. */
import type { TLSSocket } from 'node:tls';
import type { CertificateInfo, CertificateTrust } from '../../../common/models/security';
import { describePeerCertificate, explainVerificationError, normalizeFingerprint } from '../../ftps/certificate';
import { ControlConnection } from '../ftp-probe';
import { type DoctorRun, type StepHandle } from '../run';

export async function certificateStep(run: DoctorRun, control: ControlConnection): Promise<boolean> {
  let trusted = false;
  await run.step('certificate', async (s) => {
    const socket = control.activeSocket as TLSSocket;
    const certificate = describePeerCertificate(socket);
    if (certificate === null) {
      s.status = 'failed';
      s.summary = 'The server presented no certificate.';
      run.diagnose('tls-handshake-failed', 'certificate', { detail: 'no certificate' });
      return;
    }
    run.facts.certificate = certificate;
    s.details.push(...certificateLines(certificate));
    const { host, port } = run.target;
    const presented = certificate.fingerprintSha256;
    const pinned = run.options.pinnedFingerprint
      ? normalizeFingerprint(run.options.pinnedFingerprint)
      : ((await run.options.trustStore?.get(host, port).catch(() => null))?.fingerprintSha256 ?? null);
    if (pinned !== null) {
      if (normalizeFingerprint(pinned) !== presented) {
        s.status = 'failed';
        s.summary = 'The certificate differs from the one pinned for this site. Nothing else was sent.';
        run.diagnose('certificate-changed', 'certificate', { detail: `pinned ${normalizeFingerprint(pinned)}, presented ${presented}` });
        setTrust(run, 'untrusted');
        return;
      }
      trusted = accept(run, 'pinned', presented, s, 'Trusted: it matches the fingerprint pinned for this site.');
      return;
    }
    if (socket.authorized) {
      trusted = accept(run, 'ca-valid', presented, s, `Trusted: issued by ${certificate.issuer}, valid for ${host} until ${certificate.validTo.slice(0, 10)}.`);
      return;
    }
    const reason = explainVerificationError(certificate, host);
    s.details.push(`Not verified: ${reason}`);
    if (run.options.insecure) {
      trusted = accept(run, 'accepted-once', presented, s, `Not trusted, accepted anyway (insecure): ${reason}`);
      s.status = 'warning';
      run.diagnose('certificate-untrusted', 'certificate', { reason, accepted: true });
      return;
    }
    const decision = run.options.decideTrust ? await run.options.decideTrust({ host, port, certificate, reason }) : 'reject';
    if (decision === 'reject') {
      s.status = 'failed';
      s.summary = `Not trusted: ${reason} Nothing else was sent.`;
      setTrust(run, 'untrusted');
      run.diagnose('certificate-untrusted', 'certificate', { reason });
      return;
    }
    if (decision === 'always') {
      await run.options.trustStore?.pin({ host, port, fingerprintSha256: presented, subject: certificate.subject });
      trusted = accept(run, 'pinned', presented, s, `Not verified by an authority, but you chose to always trust it: ${reason}`);
      return;
    }
    trusted = accept(run, 'accepted-once', presented, s, `Not trusted, accepted for this test: ${reason}`);
    s.status = 'warning';
    run.diagnose('certificate-untrusted', 'certificate', { reason, accepted: true });
  });
  return trusted;
}

function setTrust(run: DoctorRun, trust: CertificateTrust): void {
  run.facts.certificateTrust = trust;
}

function accept(run: DoctorRun, trust: CertificateTrust, fingerprint: string, s: StepHandle, summary: string): boolean {
  run.acceptedFingerprint = fingerprint;
  setTrust(run, trust);
  s.summary = summary;
  return true;
}

function certificateLines(c: CertificateInfo): string[] {
  return [
    `Subject: ${c.subject}`,
    `Issuer: ${c.issuer}`,
    `Valid: ${c.validFrom} to ${c.validTo}`,
    `Names: ${c.subjectAltNames.join(', ') || '(none)'}`,
    `SHA-256: ${c.fingerprintSha256}`,
  ];
}
